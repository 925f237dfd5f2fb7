"""Write output files atomically, all under the output folder: temp files first, then renames."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import RenderError


def contained(path: Path, out_dir: Path) -> Path:
    """Return ``path`` resolved; raise RenderError when it would land outside ``out_dir``."""
    resolved = path.resolve()
    if not resolved.is_relative_to(out_dir.resolve()):
        raise RenderError(f"{path}: output path leaves the output folder {out_dir}; check output_pattern")
    return resolved


def write_atomically(files: dict[Path, bytes], out_dir: Path) -> None:
    """Write every file or none: stage each as a temp file beside its target, then rename them all."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{out_dir}: cannot create output folder: {exc.strerror or exc}") from None
    targets = {contained(p, out_dir): data for p, data in files.items()}
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in targets.items():
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as exc:
        raise RenderError(
            f"{out_dir}: cannot write output: {exc.strerror or exc}; previous files kept"
        ) from None
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)

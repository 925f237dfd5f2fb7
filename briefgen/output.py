"""Write output files atomically, all under the output folder, as one set (see output_set.py)."""

from __future__ import annotations

from pathlib import Path

from .errors import RenderError
from .output_set import write_set


def contained(path: Path, out_dir: Path) -> Path:
    """Return ``path`` resolved; raise RenderError when it would land outside ``out_dir``."""
    resolved = path.resolve()
    if not resolved.is_relative_to(out_dir.resolve()):
        raise RenderError(f"{path}: output path leaves the output folder {out_dir}; check output_pattern")
    return resolved


def write_atomically(files: dict[Path, bytes], out_dir: Path) -> None:
    """Write every file or none, switched in as one set (``output_set``); the old set stays on failure."""
    write_set(files, out_dir)

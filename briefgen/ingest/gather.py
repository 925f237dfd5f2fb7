"""Gather sources: the files that a config's folders and globs (or a command's paths) select."""

from __future__ import annotations

import glob
import os
from pathlib import Path


def _walk(folder: Path, problems: list[str]) -> list[str]:
    """Return every entry below ``folder`` that is not a folder; report folders that cannot be listed."""
    entries: list[str] = []

    def unreadable(exc: OSError) -> None:
        problems.append(
            f"sources: skipped folder {exc.filename}: cannot be listed ({exc.strerror}); "
            "its files are not read (fix its permissions)"
        )

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # .git, .briefgen-cache: never sources
        # A link to a folder is kept as an entry, so that reading it says why it was skipped.
        entries += [os.path.join(top, d) for d in dirs if os.path.islink(os.path.join(top, d))]
        entries += [os.path.join(top, f) for f in files]
    return entries


def _folder_match(path: Path, pattern: str) -> str:
    return (
        f"sources: skipped {path}: a folder matched by '{pattern}', where a file is expected; "
        f"its files are not read (list the folder itself, or use a '**' pattern)"
    )


def gather_paths(patterns: tuple[str, ...], root: Path) -> tuple[list[Path], list[str]]:
    """Return the files that folders and globs (relative to ``root``) select, sorted, and problems.

    Anything that is not a folder is returned, so that reading a pipe, a device or a broken link
    reports it once; a folder matched by a plain glob and a folder that cannot be listed are problems.
    """
    found: dict[Path, None] = {}
    problems: list[str] = []
    for pattern in patterns:
        full = pattern if Path(pattern).is_absolute() else str(root / pattern)
        before = len(problems)
        folder = Path(full).is_dir()
        matches = sorted(_walk(Path(full), problems) if folder else glob.glob(full, recursive=True))
        recursive = "**" in pattern
        kept = 0
        for m in matches:
            p = Path(m)
            if p.name.startswith("."):
                continue
            if p.is_dir() and not p.is_symlink():
                # In a '**' pattern a folder's files are matched too; in a plain glob they are not.
                if not recursive:
                    problems.append(_folder_match(p, pattern))
                continue
            kept += 1
            found.setdefault(p, None)
        if not kept and len(problems) == before:
            problems.append(
                f"sources: folder '{pattern}' holds no file (hidden files are not sources)"
                if folder
                else f"sources: '{pattern}' matches no file (looked in {Path(full).parent})"
            )
    return list(found), _once(problems)


def _once(problems: list[str]) -> list[str]:
    """Return ``problems`` without repeats, so a path two patterns select is reported once."""
    return list(dict.fromkeys(problems))

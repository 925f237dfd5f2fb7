"""How outputs name a source file: relative to the config's folder, normalised, and always valid text."""

from __future__ import annotations

import os
from pathlib import Path, PurePath


def printable(text: str) -> str:
    """Return ``text`` with bytes that are not UTF-8 (kept by the OS as lone surrogates) as ``\\xNN``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def shown_path(path: str, root: Path) -> str:
    """Return ``path`` as outputs show it, the same from whatever folder briefgen was started.

    Relative to ``root`` (the config's folder), normalised (``configs/../seeds/x`` is ``../seeds/x``),
    with forward slashes, and printable; on another drive (Windows) it stays absolute.
    """
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.path.abspath(root))
    except ValueError:
        relative = absolute
    return printable(PurePath(relative).as_posix())

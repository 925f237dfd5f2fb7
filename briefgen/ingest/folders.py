"""Read sources: name the folders under a source folder that cannot be read (rglob skips them silently)."""

from __future__ import annotations

import os
from pathlib import Path


def unreadable_folders(folder: Path) -> list[str]:
    """Return one problem per folder under ``folder`` that cannot be listed; its files are not read."""
    errors: list[OSError] = []
    for _ in os.walk(folder, onerror=errors.append):
        pass
    return [
        f"sources: cannot read folder {e.filename} ({e.strerror or e}); its files were skipped "
        "(check its permissions)"
        for e in errors
    ]

"""The frozen fixture project: a copy of the sample (config, templates, seeds) that tests build from.

Tests never read ``configs/weekly.yaml``, ``seeds/`` or the set of folders in ``templates/``: a user
who adds a theme, an audience or a template to the sample must not fail ``make test``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURE_PROJECT = Path(__file__).resolve().parent / "fixtures" / "project"
TEMPLATES = FIXTURE_PROJECT / "templates"
SEEDS = FIXTURE_PROJECT / "seeds"
AUDIENCES = ("principals", "analysts", "press", "sanctions_desk")


def copy_project(root: Path) -> Path:
    """Copy the fixture project (configs/, templates/, seeds/) into ``root``; return its config."""
    for name in ("configs", "templates", "seeds"):
        shutil.copytree(
            FIXTURE_PROJECT / name,
            root / name,
            ignore=shutil.ignore_patterns(".briefgen-cache", "out"),
            dirs_exist_ok=True,
        )
    return root / "configs" / "weekly.yaml"

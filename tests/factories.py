"""Test factories: a Source from a few paragraphs, a project folder from a few config keys.

``make_source("First paragraph.", "Second.", id="a", date="2025-12-18")`` numbers the paragraphs from 1.
``make_project(tmp_path, window_days=7)`` writes ``weekly.yaml`` (a one-theme, one-audience config using
the fixture project's templates; each keyword given replaces or adds a top-level key) and one source.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from fixture_project import TEMPLATES

from briefgen.model import Paragraph, Source

TALKS = "Minister Anna Kowalska said the talks would resume in March, according to officials.\n"


def make_source(*paragraphs: str, id: str = "s", path: str | None = None, **fields: Any) -> Source:
    """Return a Source whose numbered paragraphs are the given strings; ``fields`` set the rest."""
    return Source(
        id=id,
        path=f"{id}.txt" if path is None else path,
        paragraphs=tuple(Paragraph(n, text) for n, text in enumerate(paragraphs, 1)),
        **fields,
    )


def write_config(path: Path, **keys: Any) -> Path:
    """Write a config at ``path``: a small valid one, each keyword replacing or adding a top-level key."""
    config: dict[str, Any] = {
        "title": "Test Weekly",
        "as_of": "2025-12-20",
        "sources": ["sources/*"],
        "templates": str(TEMPLATES),
        "out": "out",
        **keys,
    }
    # Themes and audiences last, as people write them.
    themes = config.pop("themes", {"talks": {"keywords": ["talks"]}})
    audiences = config.pop("audiences", {"press": {"formats": ["md", "json"]}})
    config |= {"themes": themes, "audiences": audiences}
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=None)
    path.write_text(text, encoding="utf-8")
    return path


def make_project(
    root: Path,
    *,
    files: Mapping[str, str] | None = None,
    config: str = "weekly.yaml",
    copy_templates: bool = False,
    **keys: Any,
) -> Path:
    """Make a project in ``root`` and return its config's path.

    ``files`` maps paths under ``root`` to their text (default: one source, ``sources/talks.txt``);
    ``config`` is where the config goes under ``root``; ``copy_templates`` copies the fixture project's
    templates to ``root/templates`` and points the config there; ``keys`` go to ``write_config``.
    """
    (root / "sources").mkdir(parents=True, exist_ok=True)
    for name, text in ({"sources/talks.txt": TALKS} if files is None else files).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    path = root / config
    if copy_templates:
        shutil.copytree(TEMPLATES, root / "templates")
        keys.setdefault("templates", Path(os.path.relpath(root / "templates", path.parent)).as_posix())
    return write_config(path, **keys)

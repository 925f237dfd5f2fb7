"""The week: a window of days before the as-of date, and duplicates read once, both noted in the brief."""

from __future__ import annotations

import json
from pathlib import Path

from factories import make_project

from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
BODY = (
    "The finance minister said on Monday that the budget would be cut. \u201cWe have no choice,\u201d "
    "said Minister Karl Olsen. Exports fell in March as the port closed.\n"
)


def project(tmp_path: Path) -> Path:
    return make_project(
        tmp_path,
        files={
            "sources/inside.md": f"---\ndate: 2025-12-18\n---\n{BODY}",
            "sources/old.md": "---\ndate: 2025-11-01\n---\nAn older article about the budget and the port.\n",
            "sources/copy.md": f"---\ndate: 2025-12-19\n---\n{BODY}",  # the same article saved twice
        },
        title="Week",
        window_days=7,
        themes={"budget": {"title": "Budget", "keywords": ["budget", "exports", "port"]}},
        audiences={"analysts": {"template": "analysts", "formats": ["json", "md"]}},
    )


def test_window_and_duplicates_are_left_out_and_noted(tmp_path):
    config = project(tmp_path)
    assert main(["--quiet", "build", str(config), "--out", str(tmp_path / "out"), "--no-cache"]) == 0
    brief = json.loads((tmp_path / "out" / "2025-12-20-analysts.json").read_text())
    assert [s["id"] for s in brief["sources"]] == ["copy"]  # of equal copies, the first path is kept
    md = (tmp_path / "out" / "2025-12-20-analysts.md").read_text()
    assert "Drawn from 1 source of the week 14\u201320 December 2025; 2 left out" in md
    assert "Left out: dated 2025-11-01, before the week of 14\u201320 December 2025." in md
    assert "Left out: the same article as" in md and "inside.md" in md

"""The README's quick start, as a newcomer follows it: where briefgen is, and their own config builds."""

from __future__ import annotations

import re
from pathlib import Path

from fixture_project import copy_project

from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
QUICK_START = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def test_the_quick_start_says_where_briefgen_is_before_using_it():
    first_use = QUICK_START.index("briefgen check")
    assert ".venv/bin/briefgen" in QUICK_START[:first_use]
    assert "source .venv/bin/activate" in QUICK_START
    assert "not on your PATH" in QUICK_START


def test_make_brief_with_config_is_the_documented_way_and_the_makefile_takes_it():
    assert "make brief CONFIG=mine/weekly.yaml" in QUICK_START
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^CONFIG \?= configs/weekly\.yaml$", makefile, re.M)
    assert re.search(r"^brief:.*\n(\t.*\n)*?\t\$\(BIN\)/briefgen build \$\(CONFIG\)$", makefile, re.M)


def test_following_the_edits_word_for_word_builds_your_own_sources(tmp_path, capsys):
    # The sample config's frozen copy stands in for configs/weekly.yaml (tests never read the sample).
    sample = copy_project(tmp_path).read_text(encoding="utf-8")
    old, new = re.search(r"replace `(- [^`]+)` with `(- [^`]+)`", QUICK_START).groups()
    assert "delete the line" in QUICK_START and old in sample
    mine = tmp_path / "mine"
    (mine / "sources").mkdir(parents=True)
    (mine / "sources" / "port.md").write_text(
        "# Ports reopen after the strike\n\nDock workers returned on Monday after a three-week strike "
        "over pay. \u201cWe got most of what we asked for,\u201d said Marta Silva, the union leader.\n",
        encoding="utf-8",
    )
    edited = "".join(
        line for line in sample.replace(old, new).splitlines(True) if not line.startswith("as_of:")
    )
    (mine / "weekly.yaml").write_text(edited, encoding="utf-8")
    assert main(["check", str(mine / "weekly.yaml")]) == 0
    assert main(["-q", "build", str(mine / "weekly.yaml"), "--format", "md", "--no-cache"]) == 0
    written = sorted((tmp_path / "out").glob("*-principals.md"))
    assert written and "Marta Silva" in written[0].read_text(encoding="utf-8")

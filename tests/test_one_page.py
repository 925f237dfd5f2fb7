"""One page is a promise: an overfull one-page brief drops its lowest-ranked items, in PDF and Word alike."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from fixture_project import copy_project
from pypdf import PdfReader

from briefgen.cli import main
from briefgen.fit import _droppable
from briefgen.model import BulletList, Cite, Figure, Para, Section

ROOT = Path(__file__).resolve().parent.parent
DATE = "2025-12-20"


def _overfull(root: Path) -> Path:
    """Return a copy of the sample project whose principals ask for far more than a page holds."""
    config = copy_project(root)
    text = config.read_text()
    start = text.index("  principals:")
    end = text.index("\n  analysts:")
    block = text[start:end]
    lines = [
        ln
        for ln in block.splitlines()
        if not ln.strip().startswith(("max_bluf", "max_judgements", "max_quotes"))
    ]
    lines[1:1] = ["    max_bluf: 10", "    max_judgements: 8", "    max_quotes: 10"]
    config.write_text(text[:start] + "\n".join(lines) + text[end:])
    return config


def test_an_overfull_one_page_brief_is_one_page_and_says_what_it_dropped(tmp_path, capsys):
    config = _overfull(tmp_path)
    assert main(["build", str(config), "--no-cache", "--audience", "principals"]) == 0
    err = capsys.readouterr().err
    assert f"{DATE}-principals: one page: " in err and "lowest-ranked item(s) left out to fit: " in err
    out = tmp_path / "out"
    assert len(PdfReader(out / f"{DATE}-principals.pdf").pages) == 1
    brief = json.loads((out / f"{DATE}-principals.json").read_text())
    assert len(brief["quotes"]) < 10  # the JSON carries what the brief shows, not what was dropped
    assert main(["--quiet", "build", str(config), "--no-cache", "--audience", "principals", "--strict"]) == 1

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip(
            "LibreOffice is not installed (.ci/run installs it); the Word brief's layout was not checked"
        )
    subprocess.run(
        [
            soffice,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            str(out / f"{DATE}-principals.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert len(PdfReader(tmp_path / "lo" / f"{DATE}-principals.pdf").pages) == 1


def test_a_chart_goes_first_then_the_last_item_of_the_longest_list():
    cite = (Cite("a", 1),)
    bullets = BulletList(tuple(Para(f"point {i}", cite) for i in range(3)))
    theme = Section("Economy", 2, (Para("one", cite), Para("two", cite)))
    figure = Figure("themes", "chart", "alt")
    assert _droppable([Section("Bottom line", 1, (bullets,)), Section("Themes", 1, (figure,)), theme]) == (
        1,
        0,
        None,
    )
    assert _droppable([Section("Bottom line", 1, (bullets,)), theme]) == (0, 0, 2)
    assert _droppable([Section("Bottom line", 1, (BulletList(bullets.items[:1]),)), theme]) == (1, 1, None)
    assert _droppable([Section("Bottom line", 1, (BulletList(bullets.items[:1]),))]) is None

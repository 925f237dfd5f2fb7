"""Bracketed referents are visibly insertions in every format: the brief's own words, shown as written."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import docx
import pytest
from fixture_project import copy_project

from briefgen.analysis.standalone import remove_insertions, verbatim_in
from briefgen.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("insertions")
    config = copy_project(root)
    args = ["--quiet", "build", str(config), "--audience", "analysts", "--out", str(root / "out")]
    assert main([*args, "--format", "json,md,docx,pdf"]) == 0
    return root / "out"


def _bracketed(out: Path) -> list[str]:
    brief = json.loads((out / "2025-12-20-analysts.json").read_text())
    paras = {(s["id"], p["n"]): p["text"] for s in brief["sources"] for p in s["paragraphs"]}
    texts = []
    for e in [e for t in brief["themes"] for e in t["summary"]] + brief["bluf"]:
        if "[" in e["text"]:
            first = e["cites"][0]
            assert verbatim_in(e["text"], paras[(first["source"], first["paragraph"])])
            texts.append(e["text"])
    return texts


def test_the_seeds_brief_names_a_referent_in_brackets(built: Path) -> None:
    assert any(t.startswith("[Alexander] Lukashenko") for t in _bracketed(built))


def test_brackets_show_in_markdown_docx_and_pdf(built: Path, tmp_path: Path) -> None:
    texts = _bracketed(built)
    markdown = (built / "2025-12-20-analysts.md").read_text()
    document = "\n".join(p.text for p in docx.Document(str(built / "2025-12-20-analysts.docx")).paragraphs)
    txt = tmp_path / "brief.txt"
    subprocess.run(["pdftotext", str(built / "2025-12-20-analysts.pdf"), str(txt)], check=True)
    pdf = " ".join(txt.read_text().split())
    # A section names a person in full at the first mention only (the JSON keeps every insertion, so
    # each item stands alone as data): the words are the same, and the insertions that stay are shown.
    paras = [p.text for p in docx.Document(str(built / "2025-12-20-analysts.docx")).paragraphs]
    plain = [remove_insertions(p) for p in paras]
    for text in texts:
        assert any(remove_insertions(text) in p for p in plain)
    kept = [t for t in texts if t in document]
    assert kept
    for text in kept:
        head = text.split("]")[0] + "]"  # "... [Alexander]": up to the insertion itself
        assert head.replace("[", "\\[").replace("]", "\\]") in markdown or head in markdown
        assert " ".join(text.split())[:60] in pdf

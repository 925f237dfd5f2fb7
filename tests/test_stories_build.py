"""Stories in the built briefs of the sample seeds: JSON ids, the top-stories list in every format, one page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document
from fixture_project import copy_project
from pypdf import PdfReader

from briefgen.cli import main


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """Return the out folder of the fixture project (a copy of the sample), built once."""
    config = copy_project(tmp_path_factory.mktemp("stories"))
    assert main(["--quiet", "build", str(config), "--no-cache"]) == 0
    return config.parent.parent / "out"


def _json(out: Path, audience: str) -> dict:
    return json.loads((out / f"2025-12-20-{audience}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("audience", ["principals", "analysts", "press", "sanctions_desk"])
def test_stories_in_json_with_valid_ids(out, audience):
    brief = _json(out, audience)
    stories = {s["id"]: s for s in brief["stories"]}
    assert stories
    for s in stories.values():
        assert re.fullmatch(r"t-[0-9a-f]{12}", s["id"])
        assert s["label"] and s["sources"] and 1 <= s["independent_sources"] <= len(s["sources"])
        assert all(re.fullmatch(r"s-[0-9a-f]{12}", i) for i in s["sentences"])
        assert all(re.fullmatch(r"q-[0-9a-f]{12}", i) for i in s["quotes"])
        assert all(re.fullmatch(r"e-[0-9a-f]{12}", i) for i in s["events"])
        assert s["lead"]["id"] in s["sentences"]
    # Every bottom-line item and judgement names the story it belongs to, and that story is listed.
    for item in brief["bluf"] + brief["judgements"]:
        assert item["story"] in stories
        assert item["id"] in stories[item["story"]]["sentences"]
    for q in brief["quotes"]:
        assert q["story"] is None or q["id"] in stories[q["story"]]["quotes"]


def test_bottom_line_is_one_lead_per_story(out):
    brief = _json(out, "principals")
    named = [item["story"] for item in brief["bluf"]]
    assert len(named) == len(set(named))
    leads = {s["id"]: s["lead"]["text"] for s in brief["stories"]}
    assert [item["text"] for item in brief["bluf"]] == [leads[s] for s in named]


def test_principals_brief_fits_one_page_and_carries_the_outreach_and_its_limits(out):
    reader = PdfReader(str(out / "2025-12-20-principals.pdf"))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "outreach to the West" in text
    assert re.search(r"\blimit(s|ed)?\b", text)


def test_top_stories_list_in_every_format(out):
    label = _json(out, "analysts")["stories"][0]["label"].rstrip("\u2026")[:40]
    md = (out / "2025-12-20-analysts.md").read_text(encoding="utf-8")
    html = (out / "2025-12-20-analysts.html").read_text(encoding="utf-8")
    docx = [p.text for p in Document(str(out / "2025-12-20-analysts.docx")).paragraphs]
    pdf = " ".join(
        " ".join(p.extract_text() for p in PdfReader(str(out / "2025-12-20-analysts.pdf")).pages).split()
    )
    for text in (md, html, "\n".join(docx), pdf):
        assert "Top stories this week" in text
        assert label in text.replace("\n", " ")
        assert re.search(r"\d+ sources? \(", text)
    assert any(p.startswith(label) for p in docx)


def test_theme_summaries_open_with_their_most_important_story(out):
    brief = _json(out, "analysts")
    rank = {s["id"]: n for n, s in enumerate(brief["stories"][:5])}  # the listed top stories, best first
    for theme in brief["themes"]:
        ranks = [rank.get(item["story"], 99) for item in theme["summary"]]
        if ranks and min(ranks) < 99:
            assert ranks[0] == min(ranks), theme["id"]

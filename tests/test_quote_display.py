"""A brief's Quotations: statements with a speaker only, shown without a dangling comma (DOCX and PDF reopened)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
import yaml
from fixture_project import TEMPLATES

from briefgen.pipeline import build
from briefgen.render._text import quote_display

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """Harbour talks stall again

"Nobody trusts a promise made at midnight in an empty room."

Valdoria's port workers walked out on Tuesday after talks with the finance ministry broke down.

"We will not cut pensions this year, and we will not reopen the deal," Finance Minister Petra Halvorsen said at the exercise.

Union leader Tomas Brandt called the offer "excessive" and said the ministry's "co-aggression" had to stop.
"""


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("We will not cut pensions this year,", "We will not cut pensions this year"),
        ("Is this the end?", "Is this the end?"),
        ("We will win.", "We will win."),
        ("and then we stopped...", "and then we stopped..."),
        ("the last item is this:", "the last item is this"),
        ("we said no; ", "we said no"),
        ("  a quote with spaces, ", "a quote with spaces"),
        ("he never finished \u2014", "he never finished \u2014"),
    ],
)
def test_quote_display_drops_only_a_dangling_mark(text, shown):
    assert quote_display(text) == shown


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("quotes")
    (root / "src").mkdir()
    (root / "src" / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    config = {
        "title": "Harbour",
        "as_of": "2025-03-14",
        "sources": ["src/*.txt"],
        "templates": str(TEMPLATES),
        "out": "out",
        "themes": {"ports": {"title": "Ports", "keywords": ["port", "harbour", "pensions", "union"]}},
        "audiences": {"analysts": {"template": "analysts", "formats": ["docx", "pdf"], "max_quotes": 60}},
    }
    (root / "c.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build(root / "c.yaml", use_cache=False, jobs=1)
    return root / "out"


def quotation_lines(texts: list[str]) -> list[str]:
    """Return the lines that show a quotation with its speaker (“...” — speaker)."""
    return [t for t in texts if t.lstrip().startswith("\u201c") and "\u2014" in t]


def test_docx_quotations_are_attributed_statements_without_dangling_comma(outputs):
    path = next(outputs.glob("*.docx"))
    lines = quotation_lines([p.text for p in docx.Document(str(path)).paragraphs])
    assert lines, "the brief shows the attributed statement"
    assert any(
        "\u201cWe will not cut pensions this year, and we will not reopen the deal\u201d \u2014 Petra Halvorsen"
        in line
        for line in lines
    )
    joined = "\n".join(lines)
    assert ",\u201d" not in joined
    assert "co-aggression" not in joined and "excessive" not in joined  # scare quotes are not quotations
    assert "Nobody trusts" not in joined  # a statement nobody is said to have made is not credited
    assert "unattributed" not in joined


def test_pdf_quotations_match(outputs):
    path = next(outputs.glob("*.pdf"))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "We will not cut pensions this year, and we will not reopen the deal\u201d" in flat
    assert "reopen the deal,\u201d" not in flat
    assert "\u201cco-aggression\u201d \u2014" not in flat and "unattributed" not in flat


def test_select_quotes_lists_attributed_statements_only():
    from briefgen.compose.quotes import select_quotes
    from briefgen.model import Analysis, Cite, Paragraph, Quote, Source

    cite = Cite("s", 1)
    quotes = (
        Quote("We will not cut pensions this year,", cite, "statement", speaker="Petra Halvorsen"),
        Quote("co-aggression", cite, "phrase", speaker="Tomas Brandt"),
        Quote("Global South", cite, "phrase"),
        Quote("Nobody trusts a promise made at midnight.", cite, "statement"),
        Quote("stunt growth,", cite, "statement", speaker="Ann Lee"),
        Quote("No.", cite, "statement", speaker="Ann Lee"),
        Quote("The harbour stays open,", cite, "statement", speaker_role="a port official"),
    )
    analysis = Analysis(
        sources=(Source(id="s", path="s.txt", paragraphs=(Paragraph(1, "x"),)),), quotes=quotes
    )
    shown = [q.text for q in select_quotes(analysis, (), 60)]
    assert shown == ["We will not cut pensions this year,", "No.", "The harbour stays open,"]

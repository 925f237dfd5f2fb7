"""Small things a reader notices: sentence case, naming sources without file ids, context lines that
add something, a quotations heading that tells the truth, and JSON that carries what the brief shows."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from fixture_project import AUDIENCES, copy_project
from pypdf import PdfReader

from briefgen.cli import main
from briefgen.compose.quotes import adds_to_quote, quote_context
from briefgen.model import Analysis, Cite, Paragraph, Quote, Source, SourceNote
from briefgen.render._text import (
    note_lines,
    note_reference,
    sentence_case,
    short_source_label,
    source_label,
    source_reference,
)

# --- sentence case ---


def test_sentence_case_capitalises_the_first_letter_only():
    assert sentence_case("cited 16 times") == "Cited 16 times"
    assert sentence_case("\u201cquoted\u201d first") == "\u201cQuoted\u201d first"
    assert sentence_case("iPhone sales") == "IPhone sales"  # a sentence still opens with a capital
    assert sentence_case("12 sources") == "12 sources"  # a number opens it: nothing to change
    assert sentence_case("") == ""


def test_a_note_line_reads_as_sentences():
    note = SourceNote("s1", "news analysis", 1017, used="cited 16 times in this brief")
    assert note_lines(note)[0] == "News analysis, 1,017 words. Cited 16 times in this brief"


def test_a_flag_names_the_other_source_not_its_file_id():
    note = SourceNote(
        "s1", "memo", 10, flags=('Number differs from 000_ab12 (para 4): "3 ships" vs "5 ships".',)
    )
    names = {"000_ab12": "Harbour Daily, 3 June 2025"}.get
    lines = note_lines(note, lambda i: names(i) or i)
    assert (
        lines[1] == 'Note: Number differs from Harbour Daily, 3 June 2025 (para 4): "3 ships" vs "5 ships".'
    )


# --- naming sources ---

BODY = (Paragraph(1, "Dock workers returned to the harbour on Monday after a three-week strike over pay."),)


def test_an_untitled_source_is_named_by_outlet_and_date():
    s = Source(id="007_f00d", path="x.txt", paragraphs=BODY, outlet="Harbour Daily", date="2025-06-03")
    assert source_label(s) == "Harbour Daily, 3 June 2025"
    assert source_reference(s) == "Harbour Daily, 3 June 2025"
    assert "007_f00d" not in source_label(s) + source_reference(s) + short_source_label(s)


def test_an_untitled_source_without_outlet_is_named_by_its_opening_words():
    s = Source(id="007_f00d", path="x.txt", paragraphs=BODY, dateline="LISBON")
    assert source_label(s) == "\u201cDock workers returned to the harbour on Monday\u2026\u201d"
    assert source_reference(s) == (
        "Untitled, opening \u201cDock workers returned to the harbour on Monday\u2026\u201d, LISBON"
    )
    assert "007_f00d" not in source_label(s) + source_reference(s) + short_source_label(s)


def test_a_short_label_cuts_a_title_without_leaving_a_colon():
    s = Source(id="a", path="a.txt", paragraphs=BODY, title="A Deal with the Devil: How Ports Work")
    assert short_source_label(s) == "A Deal with the Devil\u2026"


# --- context lines ---


def test_context_that_only_adds_the_speaker_and_a_verb_of_saying_adds_nothing():
    quoted = "We got most of what we asked for,"
    sentence = f"\u201c{quoted}\u201d said Marta Silva, the union leader."
    assert not adds_to_quote(sentence, quoted, frozenset({"marta", "silva", "the", "union", "leader"}))


def test_context_around_a_short_phrase_adds_the_clause():
    sentence = "The ministry called the plan \u201ca gift\u201d to exporters in its weekly bulletin."
    assert adds_to_quote(sentence, "a gift", frozenset())


def test_a_negation_around_the_quote_is_news():
    sentence = "Silva, for her part, insists she is not \u201cbegging\u201d for favours."
    assert adds_to_quote(sentence, "begging", frozenset({"marta", "silva"}))


def _analysis_with(text: str) -> tuple[Analysis, list[Quote]]:
    source = Source(id="s", path="s.txt", paragraphs=(Paragraph(1, text),))
    quotes = []
    for m in re.finditer(r"\u201c([^\u201d]+)\u201d", text):
        quotes.append(Quote(m.group(1), Cite("s", 1), "phrase", start=m.start(1), end=m.end(1)))
    return Analysis(sources=(source,)), quotes


def test_one_sentence_holding_several_quotes_is_shown_as_context_once():
    analysis, quotes = _analysis_with(
        "Critics called the deal \u201crushed\u201d and \u201cunfair\u201d in a letter to the port authority."
    )
    shown: set[str] = set()
    contexts = [quote_context(analysis, q, shown) for q in quotes]
    assert contexts[0] is not None and contexts[1] is None


# --- whole briefs: the quotations heading, the JSON against the PDF, no file ids ---


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wording")
    config = copy_project(root)
    text = config.read_text(encoding="utf-8")
    # The analysts see 5 of the week's quotations: the heading must say so.
    text = text.replace("    max_quotes: 60", "    max_quotes: 5")
    config.write_text(text, encoding="utf-8")
    assert main(["--quiet", "build", str(config), "--format", "pdf,json,md,docx", "--no-cache"]) == 0
    return root / "out"


def _brief(out: Path, audience: str) -> dict:
    return json.loads((out / f"2025-12-20-{audience}.json").read_text(encoding="utf-8"))


def _pdf_text(out: Path, audience: str) -> str:
    reader = PdfReader(out / f"2025-12-20-{audience}.pdf")
    return "".join(page.extract_text() for page in reader.pages)


def _titles(items: list) -> list[str]:
    return [t for item in items for t in (_titles(item) if isinstance(item, list) else [item.title])]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _unfurnished(text: str, brief: dict) -> str:
    """Return text without white space or page furniture, which a paragraph split over pages encloses."""
    text = _squash(text)
    for furniture in (brief["marking"], brief["title"]):
        text = text.replace(_squash(furniture), "")
    return re.sub(r"Page\d+of\d+", "", text)


def test_the_quotations_heading_says_how_many_of_how_many_and_in_what_order(built):
    brief = _brief(built, "analysts")
    section = next(s for s in brief["sections"] if s["title"] == "Quotations")
    quotes = [b for b in section["blocks"] if b["type"] == "quote"]
    lead = section["blocks"][0]["text"]
    assert len(quotes) == 5
    assert re.fullmatch(
        r"5 of the (\d+) quotations found in the sources, verbatim, most relevant first\.", lead
    )
    assert int(lead.split()[3]) > 5


def test_every_audiences_json_carries_the_sections_and_text_its_pdf_shows(built):
    for audience in AUDIENCES:
        brief = _brief(built, audience)
        reader = PdfReader(built / f"2025-12-20-{audience}.pdf")
        outline = _titles(reader.outline)
        assert [s["title"] for s in brief["sections"]] == outline[1 : 1 + len(brief["sections"])]
        pdf = _unfurnished(_pdf_text(built, audience), brief)
        for section in brief["sections"]:
            for block in section["blocks"]:
                texts = {
                    "text": lambda b: [b["text"]],
                    "list": lambda b: [i["text"] for i in b["items"]],
                    "quote": lambda b: [b["display"], *([b["context"]["text"]] if b["context"] else [])],
                }.get(block["type"], lambda b: [])(block)
                for text in texts:
                    assert _unfurnished(text, brief) in pdf, (
                        f"{audience}: {text[:60]!r} is in the JSON but not the PDF"
                    )


def test_the_principals_json_has_its_key_judgements(built):
    brief = _brief(built, "principals")
    assert brief["judgements"], "the principals' PDF shows key judgements"
    section = next(s for s in brief["sections"] if s["title"] == "Key judgements")
    assert [i["text"] for i in section["blocks"][0]["items"]] == [j["text"] for j in brief["judgements"]]


def test_no_pdf_shows_a_file_id(built):
    for audience in AUDIENCES:
        ids = {s["id"] for s in _brief(built, audience)["sources"]}
        text = _pdf_text(built, audience)
        # Ids like 000_8b6178791ad9aa8e, whole or broken across a table cell's lines.
        assert not [i for i in ids if i in text or i[:8] in text], audience


def test_a_context_line_never_appears_twice_in_a_brief(built):
    for audience in AUDIENCES:
        contexts = [
            b["context"]["text"]
            for s in _brief(built, audience)["sections"]
            for b in s["blocks"]
            if b["type"] == "quote" and b["context"]
        ]
        assert len(contexts) == len(set(contexts)), audience


def test_where_and_to_whom_a_quote_was_said_is_not_context():
    quoted = "We cannot keep switching off clean power because the cables are too small,"
    sentence = f"\u201c{quoted}\u201d Energy Minister Ana Reis told reporters in Lisbon."
    assert not adds_to_quote(sentence, quoted, frozenset({"ana", "reis", "energy", "minister"}))


def test_who_the_speaker_is_is_context():
    quoted = "Storage is the cheapest way to use the sun after dark,"
    sentence = f"\u201c{quoted}\u201d said Rita Lopes, who runs the battery project for the utility."
    assert adds_to_quote(sentence, quoted, frozenset({"rita", "lopes"}))


def test_a_reference_line_that_repeats_the_heading_is_left_out():
    titled = Source(id="a", path="a.txt", paragraphs=BODY, title="Ports reopen")
    assert note_reference(titled) == ""
    assert (
        note_reference(
            Source(id="b", path="b.txt", paragraphs=BODY, outlet="Harbour Daily", date="2025-06-03")
        )
        == ""
    )
    bylined = Source(id="c", path="c.txt", paragraphs=BODY, title="Ports reopen", authors=("Ana Reis",))
    assert note_reference(bylined) == "Ana Reis, \u201cPorts reopen\u201d"


def test_the_word_brief_names_sources_and_writes_sentences_as_the_pdf_does(built):
    from docx import Document

    for audience in AUDIENCES:
        ids = {s["id"] for s in _brief(built, audience)["sources"]}
        doc = Document(str(built / f"2025-12-20-{audience}.docx"))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        text = "\n".join([p.text for p in doc.paragraphs] + cells)
        with zipfile.ZipFile(built / f"2025-12-20-{audience}.docx") as package:
            xml = "".join(package.read(n).decode("utf-8") for n in package.namelist() if n.endswith(".xml"))
        assert not [i for i in ids if i in text or i in xml], audience  # body, tables, footnotes
        assert "words. cited" not in text
        if audience == "analysts":  # the one with source notes
            assert "words. Cited" in text


def test_a_flag_names_a_source_whose_id_has_spaces():
    note = SourceNote("s1", "memo", 10, flags=('Number differs from port strike (para 2): "3" vs "5".',))
    lines = note_lines(note, {"port strike": "Harbour Daily, 3 June 2025"}.get)
    assert lines[1] == 'Note: Number differs from Harbour Daily, 3 June 2025 (para 2): "3" vs "5".'

"""Sentence splitting."""

from __future__ import annotations

from briefgen.analysis.segment import sentence_spans, split_sentences, split_text
from briefgen.model import Paragraph, Source


def test_abbreviations_do_not_split():
    text = "As he told U.S. journalist Simon Shuster, St. George's ribbons are rare. PONARS memo no. 985 says so."
    assert split_text(text) == [
        "As he told U.S. journalist Simon Shuster, St. George's ribbons are rare.",
        "PONARS memo no. 985 says so.",
    ]


def test_acronym_at_sentence_end_before_a_starter_splits():
    assert split_text("Praise came from the U.S. The EU was silent.") == [
        "Praise came from the U.S.",
        "The EU was silent.",
    ]


def test_quotes_and_dashes():
    assert split_text(
        "Mr. Smith said \u201cyes.\u201d He left! Really? A body \u2013 tasked with history \u2013 "
        "was set up."
    ) == [
        "Mr. Smith said \u201cyes.\u201d",
        "He left!",
        "Really?",
        "A body \u2013 tasked with history \u2013 was set up.",
    ]


def test_spans_are_offsets_into_the_text():
    text = "  One here.  Two there.  "
    assert [text[s:e] for s, e in sentence_spans(text)] == ["One here.", "Two there."]


def test_split_sentences_cites_paragraphs():
    source = Source("s", "s.txt", (Paragraph(1, "A one. A two."), Paragraph(2, "B one.")))
    sentences = split_sentences(source)
    assert [(s.text, s.cite.paragraph, s.index) for s in sentences] == [
        ("A one.", 1, 0),
        ("A two.", 1, 1),
        ("B one.", 2, 2),
    ]
    assert all(source.paragraph(s.cite.paragraph).text[s.start : s.end] == s.text for s in sentences)


def test_run_on_sentence_is_cut_at_white_space():
    text = "word " * 1000 + "end."
    spans = sentence_spans(text)
    assert len(spans) > 1 and all(e - s <= 1500 for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()

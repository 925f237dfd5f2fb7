"""Sentence splitting."""

from __future__ import annotations

import re

import pytest

from briefgen.analysis.segment import sentence_spans, split_sentences, split_text
from briefgen.model import Paragraph, Source


def test_abbreviations_do_not_split():
    text = "As he told U.S. journalist Simon Shuster, St. George's ribbons are rare. PONARS memo no. 985 says so."
    assert split_text(text) == [
        "As he told U.S. journalist Simon Shuster, St. George's ribbons are rare.",
        "PONARS memo no. 985 says so.",
    ]


@pytest.mark.parametrize(
    "rank",
    ["Spc.", "Pfc.", "Pvt.", "Cpl.", "Sfc.", "Cpt.", "Brig.", "Cdr.", "Supt.", "Insp.", "Det.", "Sens."],
)
def test_ranks_and_titles_before_a_name_do_not_split(rank: str) -> None:
    text = f"A military jury found {rank} Ola Brekke guilty of neglect on Friday. He faces a year in prison."
    assert split_text(text) == [
        f"A military jury found {rank} Ola Brekke guilty of neglect on Friday.",
        "He faces a year in prison.",
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


_TRICKY = (
    "Wait... What? Yes!! He left?! “Go.” Then “Stop!” And (so.) It ended… Then 9 more.",
    "Mr.\n. Then it\t. Ends. A long-word-with-hy-phens.and.dots. Then U.S.\nThe end.",
    "No.5 was sold. Sen. Lee spoke. J. Smith left. x" + "y" * 120 + ". The end.",
)


def test_boundaries_match_the_plain_pattern() -> None:
    from briefgen.analysis import segment

    plain = re.compile(
        segment._BOUNDARY.pattern.replace(r"[.!?\u2026](?<![.!?\u2026]{2})[.!?\u2026]*", r"[.!?\u2026]+")
    )
    assert plain.pattern != segment._BOUNDARY.pattern
    for text in _TRICKY:
        assert [m.span(1) + m.span(2) + m.span(3) for m in segment._BOUNDARY.finditer(text)] == [
            m.span(1) + m.span(2) + m.span(3) for m in plain.finditer(text)
        ]


def test_the_word_before_a_period_is_that_of_a_search_of_the_whole_look_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefgen.analysis import segment

    texts = [*_TRICKY, *(t.replace(" ", "\u00a0") for t in _TRICKY)]
    fast = [segment._spans.__wrapped__(t) for t in texts]
    real = segment._WORD_BEFORE

    class WholeLookBack:
        def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
            return real.search(text, max(0, endpos - segment._LOOK_BACK), endpos)

    monkeypatch.setattr(segment, "_WORD_BEFORE", WholeLookBack())
    assert fast == [segment._spans.__wrapped__(t) for t in texts]


# --- boundary rules after a period that may belong to an abbreviation (our own sentences) ---


def test_a_company_abbreviation_ends_the_sentence_before_a_pronoun():
    assert split_text("The deal went to Hale & Co. They signed on Monday.") == [
        "The deal went to Hale & Co.",
        "They signed on Monday.",
    ]
    assert split_text("The deal went to Hale & Co. Holdings on Monday.") == [
        "The deal went to Hale & Co. Holdings on Monday."
    ]


def test_an_abbreviation_ends_the_sentence_only_before_a_function_word():
    assert split_text("Talks moved to the U.K. Which side blinked first?") == [
        "Talks moved to the U.K.",
        "Which side blinked first?",
    ]
    assert split_text("He met the U.N. Secretary-General in May.") == [
        "He met the U.N. Secretary-General in May."
    ]


def test_a_title_before_a_name_never_ends_a_sentence():
    assert split_text("Aid was approved by Gen. Their lawyer objected.") == [
        "Aid was approved by Gen. Their lawyer objected."
    ]


def test_a_web_address_ends_at_its_period():
    assert split_text("The text is at example.org/plan. Read it before the vote.") == [
        "The text is at example.org/plan.",
        "Read it before the vote.",
    ]


def test_three_dots_before_i_stay_inside_the_sentence():
    assert split_text('"We tried... I think we failed," she said. Four dots end one.... Then another.') == [
        '"We tried... I think we failed," she said.',
        "Four dots end one....",
        "Then another.",
    ]


def test_a_closing_reference_in_brackets_belongs_to_the_sentence():
    assert split_text('"Reform is overdue." (Annual report, p. 4). The board met.') == [
        '"Reform is overdue." (Annual report, p. 4).',
        "The board met.",
    ]


def test_a_list_marker_is_not_a_sentence():
    assert split_text("1. Cut the levy. 2. Review the grid.") == ["1. Cut the levy.", "2. Review the grid."]


def test_a_capital_letter_alone_is_an_initial_not_a_page_or_note_abbreviation():
    assert split_text("The bill was signed by Sen. Anna P. Holm of Ohio. See p. 5 of it.") == [
        "The bill was signed by Sen. Anna P. Holm of Ohio.",
        "See p. 5 of it.",
    ]
    assert split_text("It was signed. P. Holm disagreed.") == ["It was signed.", "P. Holm disagreed."]

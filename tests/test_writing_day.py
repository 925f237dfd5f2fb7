"""A dated source's "yesterday", "today" and "tomorrow" are given their day in square brackets."""

from __future__ import annotations

import dataclasses

from factories import make_source

from briefgen.analysis.segment import split_sentences
from briefgen.analysis.standalone import verbatim_in
from briefgen.analysis.writing_day import name_writing_day
from briefgen.compose.composer import shown_texts
from briefgen.model import Extract


def test_the_day_a_report_means_is_named_after_the_word() -> None:
    day = "2024-03-05"
    assert (
        name_writing_day("The harbour master was today dismissed by the port board.", day)
        == "The harbour master was today [5 March 2024] dismissed by the port board."
    )
    assert (
        name_writing_day("Yesterday's storm closed the quay, and ferries return tomorrow.", day)
        == "Yesterday's [4 March 2024] storm closed the quay, and ferries return tomorrow [6 March 2024]."
    )
    assert "[5 March 2024]" in name_writing_day(
        "The port board announced today that the quay will close.", day
    )


def test_today_meaning_nowadays_and_undated_sources_are_left_alone() -> None:
    for text in (
        "Today, the southern port handles most of the country's grain.",
        "The guarantees that today are absent would have to be written into law.",
    ):
        assert name_writing_day(text, "2024-03-05") == text
    assert name_writing_day("The quay closed yesterday after the storm.", None) == (
        "The quay closed yesterday after the storm."
    )


def test_a_brief_sentence_with_the_day_named_is_still_verbatim() -> None:
    src = make_source(
        "The regional court yesterday fined the ferry company for leaving the northern quay unsafe.",
        id="a",
        date="2024-03-05",
    )
    (sentence,) = split_sentences(src)
    (shown,) = shown_texts([Extract(sentence.text, (sentence.cite,))], {"a": src})
    assert shown == (
        "The regional court yesterday [4 March 2024] fined the ferry company for leaving the northern quay unsafe."
    )
    assert verbatim_in(shown, src.paragraphs[0].text)
    undated = dataclasses.replace(src, date=None)
    assert shown_texts([Extract(sentence.text, (sentence.cite,))], {"a": undated}) == [sentence.text]


def test_a_past_verb_a_clock_time_or_a_part_of_the_day_names_the_day_too() -> None:
    day = "2024-03-05"
    assert name_writing_day("The mayor spoke today in the harbour hall.", day) == (
        "The mayor spoke today [5 March 2024] in the harbour hall."
    )
    assert name_writing_day("Police released two photographs at 15:30 today.", day) == (
        "Police released two photographs at 15:30 today [5 March 2024]."
    )
    assert name_writing_day("The board agreed the plan this morning, after a storm last night.", day) == (
        "The board agreed the plan this morning [5 March 2024], after a storm last night [4 March 2024]."
    )

"""A dated source's "yesterday", "today" and "tomorrow" are given their day in square brackets."""

from __future__ import annotations

import dataclasses
import re

import pytest
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


def test_today_opening_a_report_of_the_past_or_before_a_part_of_the_day_names_the_day() -> None:
    day = "2024-03-05"
    assert name_writing_day(
        "Today, a crew from the coast guard towed the trawler back to the quay.", day
    ) == ("Today [5 March 2024], a crew from the coast guard towed the trawler back to the quay.")
    assert name_writing_day("Two ferries collided in today's early morning fog off the cape.", day) == (
        "Two ferries collided in today's [5 March 2024] early morning fog off the cape."
    )
    # Told in the present, "Today" opening a sentence is "nowadays"; so is "today's" before anything
    # but a part of the day.
    for text in (
        "Today, the quay is the busiest on the coast, though it was built for fishing boats.",
        "Today's ferries carry twice the cars they carried in 1990.",
    ):
        assert name_writing_day(text, day) == text


# Written on Wednesday 9 March 2016: (the sentence, the day each weekday is given).
WEEKDAYS = [
    # The tense of the weekday's own clause decides: back when it reports, ahead when it looks ahead.
    ("The harbour board met on Monday and will decide on Friday.", ["7 March 2016", "11 March 2016"]),
    ("The mayor said Tuesday that the storm flooded the quay.", ["8 March 2016"]),
    # An event named by its weekday ("Friday's vote") is dated when the clause looks ahead to it.
    ("The council will broadcast Friday's vote on the harbour.", ["11 March 2016"]),
    # American news drops the "on": a weekday after a lower-case word is a date too.
    ("The senator won the state's primary Tuesday, beating two rivals.", ["8 March 2016"]),
    ("The port reopened Monday night after the storm.", ["7 March 2016"]),
    # A weekday opening the sentence takes the tense of the clause it opens.
    ("On Tuesday, the harbour board voted to close the quay.", ["8 March 2016"]),
    ("On Friday, the harbour board will vote on the quay.", ["11 March 2016"]),
    ("On Monday of last week, the harbour board met in private.", ["29 February 2016"]),
]


@pytest.mark.parametrize(("text", "days"), WEEKDAYS)
def test_a_weekday_of_the_writing_week_gets_its_date_by_the_tense_of_its_clause(
    text: str, days: list[str]
) -> None:
    shown = name_writing_day(text, "2016-03-09")
    assert re.findall(r"\[([^\]]+)\]", shown) == days
    weekday = re.compile(r"(?:Monday|Tuesday|Friday)(?: of last week|'s)?")
    assert all(shown[m.end() : m.end() + 2] == " [" for m in weekday.finditer(shown))  # right after it
    assert verbatim_in(shown, text)


def test_a_weekday_that_is_no_date_or_could_be_either_way_is_left_alone() -> None:
    day = "2016-03-09"
    for text in (
        "The senator faces a key test on Tuesday, when voters in Michigan go to the polls.",  # either way
        "The ferry sails every Tuesday, weather permitting, from the northern quay.",  # habitual
        "The senator swept Super Tuesday, the biggest day of the primaries.",  # a name
        "Wednesday is the day the harbour board meets.",  # no preposition, no verb of the news
        "The quay closed on Tuesday, March 8, after the storm.",  # its own date follows
        # A past verb, an event that may still be ahead: "invited" on Sunday to Monday night's debate.
        "The candidate said he had invited the mayor to Monday night's debate on the harbour.",
    ):
        assert name_writing_day(text, day) == text

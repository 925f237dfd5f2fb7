"""Titles in quotation marks, genre when a story quotes people, and a truthful cover line (issue 16)."""

from __future__ import annotations

from briefgen.analysis.notes import infer_genre
from briefgen.compose import _period
from briefgen.ingest.header import infer_header
from briefgen.model import Analysis, Paragraph, Source


def test_a_headline_ending_in_a_quotation_is_still_the_title_and_the_date_line_is_read() -> None:
    header = infer_header(
        [
            'Harbour talks stall; mayor "worried by the delays"',
            "Monday, March 4, 2019",
            "Talks over the new harbour stalled again this week as the two sides traded blame for the "
            "delays, and the mayor told reporters that the city could not wait much longer for a deal.",
        ]
    )
    assert header.title == 'Harbour talks stall; mayor "worried by the delays"'
    assert header.date == "2019-03-04"
    assert header.body_from == 3


def test_a_date_fused_to_the_first_paragraph_dates_the_source() -> None:
    header = infer_header(
        [
            "Floods close the valley road",
            "Friday, June 7, 2019Heavy rain closed the valley road for the third time this month.",
        ]
    )
    assert header.title == "Floods close the valley road"
    assert header.date == "2019-06-07"


def test_a_caption_between_title_and_date_does_not_hide_the_date() -> None:
    header = infer_header(
        [
            "Volunteers rebuild the old bridge",
            "Villages along the river",
            "Sunday, May 5, 2019",
            "Volunteers from four villages spent the weekend rebuilding the old wooden bridge over the river.",
        ]
    )
    assert header.date == "2019-05-05"


def _paras(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(i + 1, t) for i, t in enumerate(texts))


def test_a_news_story_quoting_people_is_not_opinion() -> None:
    story = Source(
        "s",
        "s.txt",
        _paras(
            'The council met on Tuesday. "We must act now and we should not wait," the mayor said.',
            '"I think we must build it," a resident said. "Our town needs it, and my family agrees."',
            "The council will vote on the plan next month after a public consultation.",
        ),
    )
    assert infer_genre(story) == "news analysis"
    column = Source(
        "c",
        "c.txt",
        _paras(
            "I believe we must act now. We should not wait for the council to make up its mind.",
            "My view is simple: our town needs the bridge, and we must build it this year.",
        ),
    )
    assert infer_genre(column) == "opinion"


def test_cover_line_counts_undated_sources() -> None:
    sources = (
        Source("a", "a.txt", _paras("x"), date="2019-03-01"),
        Source("b", "b.txt", _paras("x"), date="2019-03-05"),
        Source("c", "c.txt", _paras("x")),
    )
    assert (
        _period(Analysis(sources=sources))
        == "Drawn from 3 sources: 2 dated 2019-03-01 to 2019-03-05, 1 undated"
    )
    assert _period(Analysis(sources=sources[:2])) == "Drawn from 2 sources dated 2019-03-01 to 2019-03-05"


def test_a_one_sentence_headline_above_a_date_line_is_the_title() -> None:
    header = infer_header(
        [
            "The Latest: Harbour talks resume after a long pause.",
            "2019-03-04",
            "Talks resumed on Monday.",
            "Both sides said they were hopeful.",
        ]
    )
    assert header.title == "The Latest: Harbour talks resume after a long pause."
    assert header.date == "2019-03-04"

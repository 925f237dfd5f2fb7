"""What changed since last week, from plain strings: developing stories, background, trends, marks in every format."""

from __future__ import annotations

import dataclasses
import io
import json
from collections import Counter

import pytest

from briefgen import ids
from briefgen.archive.changes import trend_lines
from briefgen.archive.history import History, carried_mark, long_date
from briefgen.archive.store import StoredItem
from briefgen.archive.stories import developments, is_background, paragraph_counts, person_finder
from briefgen.model import Analysis, BulletList, Changes, Cite, Extract, Para, QuoteBlock, Section, ThemeTrend
from briefgen.render import get_renderer

EARLIER = StoredItem(
    "2024-05-04", "sentence", "s-1", "s-1",
    "The city council voted on Monday to close the Harbour Street bridge for repairs after inspectors found cracks "
    "in two of its steel supports, said Mayor Alma Reyes, who called the closure regrettable but necessary.",
    (("a", 1),), None, False,
)  # fmt: skip
REYES = person_finder([("Alma Reyes", (), 5), ("Tomas Reyes", (), 1)])
FILLER = [f"Paragraph {i} talks about weather, football scores and a bake sale downtown." for i in range(200)]


def _background(*texts: str) -> tuple[int, Counter[str]]:
    return paragraph_counts([*FILLER, *texts])


def _extract(text: str) -> Extract:
    return Extract(text, (Cite("b", 2),))


def test_a_new_report_on_the_same_people_and_things_continues_the_story():
    new = _extract(
        "Mayor Alma Reyes says the Harbour Street bridge repairs will cost $4 million, twice the estimate, "
        "and the council will meet again to find the money."
    )
    found = developments([new], (EARLIER,), lambda e: True, _background(new.text, EARLIER.text), REYES)
    assert [(d.text, d.last_briefed, d.earlier) for d in found] == [(new.text, "2024-05-04", EARLIER.text)]


def test_sharing_only_a_famous_name_is_not_the_same_story():
    new = _extract("Mayor Alma Reyes says she will attend the football final at the stadium on Sunday.")
    assert developments([new], (EARLIER,), lambda e: True, _background(new.text), REYES) == []


def test_sharing_things_but_no_person_is_not_the_same_story():
    new = _extract(
        "Engineers say the Harbour Street bridge repairs may start before the council voted budget."
    )
    assert developments([new], (EARLIER,), lambda e: True, _background(new.text), REYES) == []


def test_the_same_statement_reworded_is_not_a_development():
    new = _extract(
        "The city council voted on Monday to close the Harbour Street bridge for repairs, Mayor Alma Reyes said."
    )
    assert developments([new], (EARLIER,), lambda e: True, _background(new.text), REYES) == []


def test_a_sentence_from_an_older_source_is_not_a_development():
    new = _extract(
        "Mayor Alma Reyes says the Harbour Street bridge repairs will cost twice the council voted sum."
    )
    assert developments([new], (EARLIER,), lambda e: False, _background(new.text), REYES) == []


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Last May, a federal judge ordered the records released.", True),
        ("In 2009, the senator introduced a similar bill.", True),
        ("In recent years, the ministry has cut its budget twice.", True),
        ("The governor took office nearly a decade ago, promising reform.", True),
        ("The agency was created in 1994 to regulate the ports.", True),
        ("The senator opposed the bill and voted against it.", True),  # past, with no recent day
        ("The senator voted against the bill on Tuesday.", False),
        ("The ministry says it will publish the figures next month.", False),
        ("The committee has subpoenaed three former officials.", False),
        ("Earlier this week, the minister resigned.", False),
        ("The inquiry concluded this month that the rules were broken.", True),  # may be weeks old
        ("Turnout has fallen since the reform last year.", True),
    ],
)
def test_background_or_news(text, background):
    assert is_background(text, 2016) is background


def _trend(tid: str, now: int, before: tuple[int, ...]) -> ThemeTrend:
    weeks = tuple(f"2024-0{i + 1}-01" for i in range(len(before)))
    return ThemeTrend(tid, tid.title(), now, before, weeks)


def test_a_theme_whose_share_grows_markedly_is_rising_and_one_that_shrinks_is_falling():
    trends = (_trend("ports", 40, (10, 10)), _trend("courts", 10, (40, 40)), _trend("schools", 50, (50, 50)))
    lines = trend_lines(trends)
    assert lines[0].startswith(
        "Rising: Ports (40% of this week's theme coverage, against 10% over the previous 2 weeks)"
    )
    assert lines[1].startswith("Falling: Courts (10% of this week's theme coverage, against 40%")
    assert not any("Schools" in line for line in lines)


def test_no_trend_lines_without_earlier_weeks_or_with_tiny_counts():
    assert trend_lines((_trend("ports", 40, ()),)) == []
    assert trend_lines((_trend("ports", 3, (1, 1)), _trend("courts", 1, (3, 3)))) == []


def test_history_tells_what_was_shown_recently():
    shown = _extract("The bridge closed.")
    history = History(since="2024-05-04", recent={shown.id: "2024-05-04"})
    assert history.last_shown(shown) == "2024-05-04"
    assert history.last_shown(_extract("The bridge reopened.")) is None
    assert carried_mark("2024-05-04") == "Carried over from the brief of 4 May 2024:"
    assert long_date("2016-03-05") == "5 March 2016"


def _marked_brief(brief):
    """Return the sample brief with a carried-over sentence, a developing line and a carried-over quote."""
    cite = (
        brief.sections[0].blocks[0].items[0].cites[0]
        if isinstance(brief.sections[0].blocks[0], BulletList)
        else None
    )
    cite = cite or Cite(brief.sources[0].id, 1)
    quote = brief.quotes[0]
    section = Section(
        "Since the brief of 4 May 2024",
        1,
        (
            BulletList((Para("The bridge closed.", (cite,), mark="Developing (last briefed 4 May 2024):"),)),
            Para("The bridge reopened.", (cite,), mark=carried_mark("2024-05-04")),
            QuoteBlock(quote, None, carried_mark("2024-04-27")),
        ),
    )
    changes = Changes("2024-05-04", carried=(("s-123", "2024-05-04"),))
    return dataclasses.replace(brief, sections=(section, *brief.sections), changes=changes)


def _text(fmt: str, data: bytes) -> str:
    if fmt == "docx":
        import docx

        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    if fmt == "pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if fmt == "html":
        import html
        import re

        return html.unescape(re.sub(r"<[^>]+>", "", data.decode("utf-8")))
    return data.decode("utf-8").replace("*", "").replace("\\", "")  # Markdown: emphasis, escapes


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md", "html"])
def test_marks_show_in_every_format(brief, fmt, tmp_path):
    from briefgen.render import RenderOptions

    marked = _marked_brief(brief)
    text = " ".join(_text(fmt, get_renderer(fmt).render(marked, RenderOptions())).split())
    assert "Developing (last briefed 4 May 2024): The bridge closed." in text
    assert "Carried over from the brief of 4 May 2024: The bridge reopened." in text
    assert "Carried over from the brief of 27 April 2024:" in text


def test_json_has_the_changes_object_only_with_the_archive(brief):
    from briefgen.render import RenderOptions

    plain = json.loads(get_renderer("json").render(brief, RenderOptions()))
    assert "changes" not in plain
    marked = json.loads(get_renderer("json").render(_marked_brief(brief), RenderOptions()))
    assert marked["changes"] == {
        "since": "2024-05-04",
        "new_events": [],
        "new_voices": [],
        "developing": [],
        "themes": [],
        "carried_over": [{"id": "s-123", "last_shown": "2024-05-04"}],
    }


def _week() -> tuple[Analysis, History]:
    from briefgen.model import Entity, Event, Paragraph, Quote, Source

    text = (
        "Mayor Alma Reyes said on Tuesday: \u201cThe bridge will reopen in May.\u201d "
        "Reyes added: \u201cWe found the money.\u201d"
    )
    new = Source(
        "new",
        "new.txt",
        (Paragraph(1, text), Paragraph(2, "Jo said: \u201cIt is fine.\u201d")),
        date="2024-05-09",
    )
    old = Source("old", "old.txt", (Paragraph(1, "Bo Li said: \u201cIt was fine.\u201d"),), date="2024-05-01")
    start = text.index("The bridge")
    quotes = (
        Quote(
            "The bridge will reopen in May.",
            Cite("new", 1),
            "statement",
            "Alma Reyes",
            start=start,
            end=start + 30,
        ),
        Quote("It is fine.", Cite("new", 2), "statement", "Jo", start=10, end=21),
        Quote("It was fine.", Cite("old", 1), "statement", "Bo Li", start=13, end=25),
    )
    events = (
        Event(
            "2024-05-07", "The council voted on May 7 to reopen the Harbour Street bridge.", (Cite("new", 1),)
        ),
        Event(
            "2024-05-08",
            "Like you've never seen them before.@MaryJBlige sits down pic.twitter.com/x May 8.",
            (Cite("new", 1),),
        ),
        Event("2024-05-08", "This is the Harbour Gazette for Wednesday, May 8, 2024.", (Cite("new", 1),)),
        Event("2024-05-02", "The council met on May 2 to hear the engineers' report.", (Cite("new", 1),)),
        Event("2024-05-06", "The mayor toured the bridge on May 6 with the engineers.", (Cite("new", 1),)),
    )
    people = (Entity("Alma Reyes", "person", ("Reyes",)), Entity("Jo", "person"), Entity("Bo Li", "person"))
    analysis = Analysis(sources=(new, old), quotes=quotes, events=events, entities=people)
    seen = ids.event_id("2024-05-06", "The mayor toured the bridge on May 6 with the engineers.")
    return analysis, History(since="2024-05-04", ever=frozenset({seen}), weeks=("2024-05-04",))


def test_new_events_are_readable_news_dated_after_the_last_brief_and_never_shown():
    from briefgen.archive.changes import find_changes

    analysis, history = _week()
    changes = find_changes(history, analysis, (), [], analysis.events, analysis.quotes, "2024-05-11")
    assert [e.text for e in changes.new_events] == [
        "The council voted on May 7 to reopen the Harbour Street bridge."
    ]


def test_new_voices_are_people_named_in_full_quoted_in_this_weeks_news():
    from briefgen.archive.changes import changes_blocks, find_changes

    analysis, history = _week()
    changes = find_changes(history, analysis, (), [], (), analysis.quotes, "2024-05-11")
    assert [q.speaker for q in changes.new_voices] == ["Alma Reyes"]  # not "Jo"; Bo Li's article is older
    heard = dataclasses.replace(history, voices=frozenset({"alma reyes"}))
    assert find_changes(heard, analysis, (), [], (), analysis.quotes, "2024-05-11").new_voices == ()
    (bullets,) = changes_blocks(changes, analysis, 3)
    assert bullets.items[0].mark == "First quoted in recent weeks: Alma Reyes:"
    assert (
        bullets.items[0].text
        == "Mayor Alma Reyes said on Tuesday: \u201cThe bridge will reopen in May.\u201d"
    )


def test_new_voices_most_talked_about_first():
    from briefgen.archive.changes import find_changes
    from briefgen.model import Entity, Paragraph, Quote, Source

    text = "Ann Lee said: \u201cWe will build it.\u201d Tom Ray said: \u201cWe will not pay for it.\u201d"
    week = Source("w", "w.txt", (Paragraph(1, text),), date="2024-05-09")
    quotes = (
        Quote("We will build it.", Cite("w", 1), "statement", "Ann Lee", start=14, end=31),
        Quote("We will not pay for it.", Cite("w", 1), "statement", "Tom Ray", start=47, end=70),
    )
    people = (Entity("Ann Lee", "person", mentions=2), Entity("Tom Ray", "person", mentions=9))
    analysis = Analysis(sources=(week,), quotes=quotes, entities=people)
    changes = find_changes(History(since="2024-05-04"), analysis, (), [], (), quotes, "2024-05-11")
    assert [q.speaker for q in changes.new_voices] == ["Tom Ray", "Ann Lee"]


def test_the_same_days_news_told_again_is_not_a_development():
    new = _extract(
        "Mayor Alma Reyes, who closed the Harbour Street bridge on Monday after the council vote, says repairs "
        "will cost $4 million."
    )
    assert developments([new], (EARLIER,), lambda e: True, _background(new.text), REYES) == []


def test_people_are_known_by_full_name_and_a_surname_by_its_best_known_bearer():
    find = person_finder(
        [("Susan Rice", (), 9), ("Condoleezza Rice", (), 2), ("Hillary Clinton", ("Hillary",), 30)]
    )
    assert find("Condoleezza Rice wrote to Susan Rice.") == {"Condoleezza Rice", "Susan Rice"}
    assert find("Rice said so; Clinton and Hillary agreed.") == {"Susan Rice", "Hillary Clinton"}
    assert find("Nobody named here.") == frozenset()

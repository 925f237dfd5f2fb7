"""Tests for dated events: date forms, filtering, anchors, merging across sources, and the seeds."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_source
from fixture_project import SEEDS

from briefgen.analysis.dates import find_dates
from briefgen.analysis.events import find_events
from briefgen.analysis.segment import split_sentences
from briefgen.model import Cite, Paragraph, Source

REF = date(2025, 12, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened in June 2025.", "2025-06"),
        ("A release in December 2025 followed.", "2025-12"),
        ("Weapons arrived in 2023.", "2023"),
        ("By mid-2025 growth was cooling.", "2025"),
        ("In late August he spoke.", "2025-08"),
        ("In March, the bloc acted.", "2025-03"),
        ("Exercises (such as Zapad 2025 in September) went ahead.", "2025-09"),
        ("It began in the summer of 2021.", "2021"),
        ("By February 2022, pillars had collapsed.", "2022-02"),
        ("In 2024-2025, activism returned.", "2024"),
        ("Activity recovered in 2023\u201324.", "2023"),
        ("Talks were held on 12 March 2025.", "2025-03-12"),
        ("Talks were held March 12, 2025.", "2025-03-12"),
        ("The filing is dated 2025-03-12.", "2025-03-12"),
    ],
)
def test_date_forms_resolve(text: str, expected: str) -> None:
    assert [m.date for m in find_dates(text, REF)] == [expected]


def test_month_without_year_is_latest_not_after_reference() -> None:
    assert find_dates("It came in December.", date(2025, 11, 3))[0].date == "2024-12"
    assert find_dates("It came in November.", date(2025, 11, 3))[0].date == "2025-11"
    assert find_dates("It came on 4 November.", date(2025, 11, 3))[0].date == "2024-11-04"


def test_since_and_bare_years_are_not_event_dates() -> None:
    assert find_dates("Relations have hardened since 2022.", REF)[0].span
    assert find_dates("Since the invasion of Ukraine in February 2022, ties grew.", REF)[0].span
    assert find_dates("The Zapad-2025 exercises and the 2020 budget figures.", REF)[0].date == "2020"
    assert find_dates("The Zapad-2025 exercises began.", REF) == []
    assert find_dates("Its 2020 figures were poor.", REF) == []


def _events(*sources: Source, as_of: str = "2025-12-20"):
    return find_events(sources, {s.id: split_sentences(s) for s in sources}, as_of=as_of)


def test_questions_and_spans_are_skipped_and_plans_are_expected() -> None:
    src = make_source(
        "Will the ministry act in June 2025? The summit will open in May 2026 in the capital city.",
        "Prices have been rising since 2020 across the region. If talks resume in July, a deal is possible.",
        id="a",
    )
    (plan,) = _events(src)
    assert (plan.date, plan.kind) == ("2026-05", "expected")


def test_source_date_is_the_reference_for_missing_years() -> None:
    src = make_source(
        "The council adopted new sanctions in November against three firms.", id="a", date="2024-12-01"
    )
    assert [e.date for e in _events(src)] == ["2024-11"]


def test_same_event_from_two_sources_is_merged_with_first_cite_text() -> None:
    a = make_source(
        "In June 2025 the government released opposition figure Ivan Petrov after a visit by an envoy.",
        id="a",
    )
    b = make_source(
        "Other news came first. Petrov was released in June, after a visit by an American envoy to the capital.",
        id="b",
    )
    c = make_source("In June 2025 the central bank raised interest rates to fight inflation again.", id="c")
    events = _events(a, b, c)
    assert len(events) == 2
    merged = events[0]
    assert merged.cites == (Cite("a", 1), Cite("b", 1))
    assert merged.text == a.paragraphs[0].text
    assert events[1].cites == (Cite("c", 1),)


def test_events_sorted_by_date_then_cite_and_text_is_verbatim() -> None:
    src = make_source(
        "The port closed in 2023 after a strike by dockers.",
        "The treaty was signed on 3 May 2021 in the city hall.",
        id="a",
    )
    events = _events(src)
    assert [e.date for e in events] == ["2021-05-03", "2023"]
    for e in events:
        assert e.text in src.paragraph(e.cites[0].paragraph).text


def test_anchor_dated_elsewhere_gives_a_date() -> None:
    a = make_source(
        "Troops crossed the border during the invasion of Freedonia in February 2022, officials recalled.",
        id="a",
    )
    b = make_source(
        "At the outset of the invasion of Freedonia, the president fled to the coast by helicopter.", id="b"
    )
    dates = {e.cites[0].source: e.date for e in _events(a, b)}
    assert dates["b"] == "2022-02"
    c = make_source(
        "At the outset of the invasion of Sylvania, the president fled to the coast by helicopter.", id="c"
    )
    assert _events(c) == ()


def _seed_sources() -> tuple[Source, ...]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out.append(make_source(*lines, id=path.stem))
    return tuple(out)


def test_seed_events() -> None:
    if not SEEDS.is_dir():
        pytest.skip("seeds/ not present")
    events = _events(*_seed_sources())
    found = {
        (e.date, key)
        for e in events
        for key in ("Tsikhanouski", "123 political prisoners", "nuclear weapons")
        if key in e.text
    }
    assert ("2025-06", "Tsikhanouski") in found
    assert ("2025-12", "123 political prisoners") in found
    assert ("2023", "nuclear weapons") in found
    tsikh = next(e for e in events if e.date == "2025-06" and "Tsikhanouski" in e.text)
    assert len({c.source for c in tsikh.cites}) == 2  # the memo and the news analysis report the same release
    assert all(e.date[:4] >= "2020" for e in events)
    assert [e.date for e in events] == sorted(e.date for e in events)


def test_undated_source_reads_bare_months_in_its_latest_named_year():
    from briefgen.analysis.events import find_events
    from briefgen.analysis.segment import split_sentences
    from briefgen.model import Source

    source = Source(
        "s",
        "s.txt",
        (
            Paragraph(1, "Growth slowed in 2025 as exports fell sharply."),
            Paragraph(2, "In March, the European Union expanded its sanctions listings."),
            Paragraph(3, "Troops held drills (such as Zapad 2025 in September) near the border."),
        ),
    )
    events = find_events((source,), {"s": split_sentences(source)}, as_of="2026-11-21")
    dates = {e.text.split()[0]: e.date for e in events}
    assert dates["In"] == "2025-03"
    assert dates["Troops"] == "2025-09"


def test_per_source_dates_are_redone_when_the_brief_date_changes_their_year() -> None:
    from briefgen.analysis.events import date_source

    undated = make_source("In March, the bloc widened its sanctions on the shipping firms.", id="u")
    dated = make_source(
        "In March, the council approved the new budget for the port.", id="d", date="2025-05-02"
    )
    sources = (undated, dated)
    sentences = {s.id: split_sentences(s) for s in sources}
    halves = {s.id: date_source(s, sentences[s.id]) for s in sources}
    for as_of in ("2025-12-20", "2027-02-01"):
        cached = find_events(sources, sentences, as_of=as_of, dates=halves)
        assert cached == find_events(sources, sentences, as_of=as_of)
    by_source = {
        e.cites[0].source: e.date for e in find_events(sources, sentences, as_of="2027-02-01", dates=halves)
    }
    assert by_source == {"u": "2026-03", "d": "2025-03"}  # only the undated source follows the brief's date


SHORTCUT_SENTENCES = (
    "The council w\u0131ll meet again in March 2020 to vote on the budget.",  # dotless i reads as "i"
    "Officials said the talks, which began on 3 February, broke down after the \u017fummit in Geneva.",
    "After the invasion of Ukraine in February 2022 the bloc froze assets worth billions.",
    "At the outset of the invasion, the ministers met in Warsaw to agree on the first package of aid.",
    "Critics of the 15 May deal and of the Mayor's 12 of March plan said little in mid-2020 or in Early 2021.",
    "The summit on 5 Sept. 2019 and the protests since 2014 ended \u2014 the war in 2022 did not.",
    "We believe the vote, due to take place next month, is upcoming; it won\u2019t be delayed beyond June 2023.",
)


def test_event_shortcuts_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from briefgen.analysis import dates, events

    sources = tuple(make_source(text, id=f"s{i}") for i, text in enumerate(SHORTCUT_SENTENCES))
    sentences = {s.id: split_sentences(s) for s in sources}
    fast = [events.date_source(s, sentences[s.id]) for s in sources]
    # The patterns the shortcuts stand in front of, run on everything as before.
    monkeypatch.setattr(events, "_lowered", lambda text: None)
    monkeypatch.setattr(events, "_ANCHOR_TAIL", re.compile(""))
    monkeypatch.setattr(dates, "_MONTH_STEMS", ("",))
    monkeypatch.setattr(
        dates,
        "_START",
        re.compile(
            r"(?<![\w\-])(?:(?:19|20)\d\d|[0-3]?\d(?:st|nd|rd|th)? (?:of )?[A-Z]|[A-Z][a-z]{2,8}\b|early|mid|late"
            r"|the |summer|winter|spring|autumn|fall)",
            re.I,
        ),
    )
    assert fast == [events.date_source(s, sentences[s.id]) for s in sources]
    assert not fast[0].sentences[0].happening  # "w\u0131ll" is "will" to the future pattern
    assert fast[2].sentences[0].anchors


def test_the_is_a_date_hit_only_before_a_part_of_the_year_or_a_season(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re

    from briefgen.analysis import dates

    texts = [
        "In the summer of 2020, at the start of 2021 and THE END OF March 2022, the weather of 2019 was mild.",
        "The Summer 2018 talks, the \u017fpring of 2017 (a long s), the first half of 2016 and the 12 May 2015 vote.",
        "By the middle of June the theatre of 2014 closed; the fall 2013 and the second half of 2012 followed.",
    ]
    ref = date(2024, 6, 30)
    fast = [dates.find_dates_with_ref(t, ref) for t in texts]
    every = dates._START.pattern.replace(
        "the (?=start|beginning|end|middle|first|second|summer|winter|spring|autumn|fall)", "the "
    )
    assert every != dates._START.pattern
    monkeypatch.setattr(dates, "_START", re.compile(every, re.I))
    assert fast == [dates.find_dates_with_ref(t, ref) for t in texts]
    assert sum(len(found) for found, _ in fast) >= 8


def test_a_timeline_event_leaves_out_the_dateline_it_opens_with() -> None:
    src = make_source(
        "TROMSO, Norway (AP) \u2014 The regional ferry company cancelled all winter sailings on 3 March 2025.",
        "TROMSO \u2014",
        "The harbour master said the northern quay reopened on 9 March 2025 after repairs.",
        id="a",
        date="2025-03-10",
    )
    events = _events(src)
    assert [e.text for e in events] == [
        "The regional ferry company cancelled all winter sailings on 3 March 2025.",
        "The harbour master said the northern quay reopened on 9 March 2025 after repairs.",
    ]
    for e in events:
        assert e.text in src.paragraph(e.cites[0].paragraph).text  # still verbatim in its paragraph

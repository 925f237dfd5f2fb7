"""Relative dates, tense, expected events, split sentences and timeline labels (issue 16)."""

from __future__ import annotations

from datetime import date

from factories import make_source

from briefgen.analysis.dates import find_dates
from briefgen.analysis.event_parts import is_caption
from briefgen.analysis.events import find_events
from briefgen.analysis.labels import event_label
from briefgen.analysis.segment import split_sentences
from briefgen.analysis.tense import direction
from briefgen.model import Source

WEDNESDAY = date(2019, 3, 13)


def _dates(text: str, ref: date = WEDNESDAY, toward: str = "past") -> list[str]:
    return [m.date for m in find_dates(text, ref, toward)]  # type: ignore[arg-type]


def _events(*sources: Source, as_of: str = "2019-03-20"):
    return find_events(sources, {s.id: split_sentences(s) for s in sources}, as_of=as_of)


def test_weekday_looks_back_when_reported_and_ahead_when_planned() -> None:
    assert _dates("The mayor resigned on Monday after a long row.") == ["2019-03-11"]
    assert _dates("The mayor will resign on Monday, aides say.", toward="future") == ["2019-03-18"]
    assert _dates("The board met last Wednesday to vote.") == ["2019-03-06"]
    assert _dates("The union said Tuesday that talks had failed.") == ["2019-03-12"]


def test_a_weekday_with_nothing_before_it_is_not_a_date() -> None:
    assert _dates("Tuesday Night Football drew a crowd in the town.") == []


def test_yesterday_and_last_or_next_week_month_and_year() -> None:
    assert _dates("Fighting resumed yesterday near the border.") == ["2019-03-12"]
    assert _dates("Prices fell last month across the country.") == ["2019-02"]
    assert _dates("A census is due next year in the region.", toward="future") == ["2020"]
    assert _dates("The envoy arrived last week for talks.") == ["2019-03"]


def test_month_without_year_follows_the_direction_of_the_sentence() -> None:
    october = date(2016, 10, 10)
    assert _dates("Voters go to the polls on Election Day, November 8th, nationwide.", october, "") == [
        "2016-11-08"
    ]
    assert _dates("The committee will question the minister on 8 January.", october, "future") == [
        "2017-01-08"
    ]
    assert _dates("The minister was questioned on 8 January.", october, "past") == ["2016-01-08"]


def test_tense_of_a_sentence() -> None:
    assert direction("The talks are scheduled for 12 January in Geneva.") == "future"
    assert direction("Output is expected in 2026 to double.") == "future"
    assert direction("The council adopted the plan in May.") == "past"
    assert direction("Inflation stands at four percent.") == ""
    assert direction("The United Nations is large.") == ""  # a capitalised -ed word is no verb


def test_relative_dates_count_from_the_source_date_not_a_year_the_sentence_names() -> None:
    src = make_source(
        "Sentiment is higher than in any year since 2004, the survey team reported last week.",
        date="2015-11-09",
    )
    (event,) = _events(src, as_of="2015-11-20")
    assert event.date == "2015-11"


def test_plans_and_forecasts_are_expected_and_kept_apart() -> None:
    src = make_source(
        "The ministry published its budget on Monday in the capital.",
        "The ministry will publish a new budget on 12 April, officials said.",
        "Output is expected to double by 2021 under the new plan.",
        date="2019-03-13",
    )
    kinds = {(e.date, e.kind) for e in _events(src)}
    assert kinds == {("2019-03-11", "happened"), ("2019-04-12", "expected"), ("2021", "expected")}


def test_a_plan_whose_date_has_passed_is_not_an_event() -> None:
    src = make_source("The bridge was due to open in 2010 but it never did so.", date="2019-03-13")
    assert _events(src) == ()


def test_a_sentence_with_two_dated_happenings_gives_two_events() -> None:
    src = make_source(
        "The minister's visit to Oslo in May 2018, brief as it was, or the summit invitation in "
        "February 2019 changed little in the end.",
        date="2019-03-13",
    )
    events = _events(src)
    assert [(e.date, e.label) for e in events] == [
        ("2018-05", "The minister's visit to Oslo"),
        ("2019-02", "the summit invitation"),
    ]


def test_two_years_side_by_side_stay_one_event() -> None:
    src = make_source(
        "The runner was national champion in 2011 and 2012 before an injury.", date="2019-03-13"
    )
    assert [e.date for e in _events(src)] == ["2011"]


def test_a_year_naming_a_happening_is_an_event() -> None:
    src = make_source(
        "Turnout collapsed after the disputed 2016 election in the province.",
        "Nobody foresaw the general election of 2011 that changed the party for good.",
        date="2019-03-13",
    )
    assert {(e.date, e.label) for e in _events(src)} == {
        ("2016", "election"),
        ("2011", "the general election"),
    }


def test_bare_month_in_an_undated_source_follows_the_date_the_text_named() -> None:
    src = make_source(
        "The state visit was first planned for March 2023 but was put off. "
        "The visit finally took place in September and drew little notice from the press."
    )
    events = _events(src, as_of="2024-11-30")
    assert "2023-09" in {e.date for e in events}


def test_captions_credits_and_corrections_are_not_events() -> None:
    assert is_caption("Correction: October 2, 2016, Sunday.")
    assert is_caption("Photo: the harbour at dusk on 3 June 2019 (Reuters/Jane Roe).")
    assert not is_caption("The harbour reopened on 3 June 2019 after repairs.")
    src = make_source(
        "Correction: March 2, 2019, Saturday. An earlier version misspelt a name.",
        "Picture by staff photographer, taken on 4 March 2019 at the rally.",
        date="2019-03-13",
    )
    assert _events(src) == ()


def test_timeline_label_says_what_happened_not_how_the_sentence_opens() -> None:
    text = "In late August, the regulator fined the bank for failing to report trades."
    assert event_label(text, text.index("August") - 5, text.index(",")) == "the regulator fined the bank"
    text = "However, the port reopened in June 2019 after a strike."
    assert event_label(text, text.index("June"), text.index(" after")) == "the port reopened"


def test_relative_dates_of_an_undated_source_are_not_guessed() -> None:
    src = make_source("The striker scored twice on Saturday and again last week for the club.")
    assert _events(src, as_of="2019-03-20") == ()


def test_an_undated_source_places_bare_days_back_and_keeps_its_plans_as_plans() -> None:
    src = make_source(
        "Her 2004 season is her busiest yet.",
        "She will race again in the city marathon on 17 April, her coach said.",
    )
    (plan,) = _events(src, as_of="2005-12-31")
    assert (plan.date, plan.kind) == ("2004-04-17", "expected")


def test_a_relative_date_inside_a_quotation_is_not_resolved() -> None:
    assert _dates('"We celebrated yesterday and mourn today," a voter said.') == []
    assert _dates("The voters celebrated yesterday, officials said.") == ["2019-03-12"]


def test_an_undated_source_in_the_present_tense_looks_ahead_to_a_bare_date() -> None:
    src = make_source(
        "The 2004 season is the club's best yet.",
        "The striker is preparing for the final on 17 May with the youth side.",
    )
    kinds = {e.date: e.kind for e in _events(src, as_of="2005-12-31")}
    assert kinds == {"2004-05-17": "expected"}


def test_participles_used_as_adjectives_are_not_the_past_tense() -> None:
    assert direction("The coach is concerned the final clashes with the league.") == ""


def test_a_timeline_directive_takes_nothing_or_expected() -> None:
    from pathlib import Path

    from briefgen.compose.layout_template import Line, check_directives

    lines = [
        Line("directive", "timeline", arg="", lineno=3),
        Line("directive", "timeline", arg="expected", lineno=5),
        Line("directive", "timeline", arg="upcoming", lineno=7),
    ]
    assert check_directives(lines, Path("t/brief.j2"), "desk", ()) == [
        "t/brief.j2: output line 7: @timeline 'upcoming': write @timeline for what happened or @timeline expected "
        "for the dates to watch"
    ]


def test_since_a_year_is_an_event_when_the_text_says_what_happened_then() -> None:
    src = make_source(
        "The editor has been in prison since 2020, when police raided the newspaper's office.",
        "Relations have been frozen since 2018 and show no sign of thawing.",
        date="2024-05-01",
    )
    (event,) = _events(src, as_of="2024-05-10")
    assert (event.date, event.label) == ("2020", "police raided the newspaper's office")


def test_a_label_takes_the_relative_clause_that_holds_the_date() -> None:
    text = "The report recalls the case of Ann Roe, a farmer who lost her land in May 2015 after a flood."
    assert event_label(text, text.index("May"), text.index(" after")) == "lost her land"


def test_a_timeline_label_does_not_stop_inside_a_name() -> None:
    text = "In 1994, the appeals court barred a North Dakota refinery from dumping its waste in the river."
    at = text.index("1994")
    assert event_label(text, at, at + 4) == "the appeals court barred"  # not "... barred a North"
    text = "Kemal spoke at the Civic Housing Renewal Alliance dinner on Friday about rents."
    at = text.index("on Friday")
    assert event_label(text, at, at + 9) == "Kemal spoke at the Civic Housing Renewal Alliance"


def test_an_undated_plan_is_not_put_in_a_year_the_source_tells_as_past() -> None:
    source = make_source(
        "The sprinter took the European indoor title in 2016 after a long injury.",
        "She will race in the 200m at the Lisbon meeting on 3 March, her coach said.",
    )
    events = _events(source, as_of="2018-12-31")
    assert [(e.date, e.kind) for e in events] == [("2016", "happened")]  # not a plan for 2016-03-03


def test_an_undated_plan_in_a_year_the_source_names_for_it_is_kept() -> None:
    source = make_source(
        "The sprinter took the European indoor title in 2016 after a long injury.",
        "She will race in the 200m at the Lisbon meeting on 3 March 2017, her coach said.",
    )
    assert ("2017-03-03", "expected") in [(e.date, e.kind) for e in _events(source, as_of="2018-12-31")]


def test_a_timeline_label_never_opens_with_stray_punctuation() -> None:
    text = "The fund had raised money as of Friday, May 3rd. 4,000 donors have given $9 each since then."
    at = text.index("May")
    assert event_label(text, at, at + len("May 3rd")) == "4,000 donors have given $9 each"

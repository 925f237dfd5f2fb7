"""Tests for source notes: genre, words and the flags an editor should see."""

from __future__ import annotations

import pytest
from factories import make_source

from briefgen.analysis.entities import find_entities
from briefgen.analysis.notes import infer_genre, source_notes
from briefgen.model import Cite, Quote


def test_genre_inference() -> None:
    assert infer_genre(make_source("Text.", id="a", genre="opinion")) == "opinion"
    assert (
        infer_genre(make_source("Short title", "Policy memo no. 12", "Body text follows here.", id="a"))
        == "policy memo"
    )
    argued = (
        "I think we should act now. We must not wait, and I believe our allies agree with me on this point."
    )
    assert infer_genre(make_source(argued, id="a")) == "opinion"
    assert (
        infer_genre(
            make_source("The ministry said on Monday that exports rose by a tenth in the year.", id="a")
        )
        == "news analysis"
    )


def test_flags_missing_marks_spellings_and_date() -> None:
    a = make_source(
        "President Oleg Marchenko spoke at length.",
        "Critics of Marchenka later left the hall.",
        id="a",
        date="2025-01-02",
    )
    b = make_source("Oleg Marchenko arrived.", id="b")
    q = Quote(text="we stay", cite=Cite("a", 1), kind="statement", flags=("missing-opening-mark",))
    notes = source_notes((a, b), (q,), find_entities((a, b), ()))
    assert notes[0].flags == (
        "Quote in para 1 has no opening quotation mark.",
        "Name spelled two ways: Marchenko / Marchenka (para 2).",
    )
    assert notes[0].words == a.words
    assert notes[1].flags == ("No publication date.",)


def test_number_conflicts_only_on_the_same_point() -> None:
    a = make_source("The government released 40 political prisoners last week.", id="a", date="2025-01-02")
    b = make_source("A release of 123 political prisoners followed the talks.", id="b", date="2025-01-02")
    c = make_source("More than 1,000 political prisoners remain behind bars.", id="c", date="2025-01-02")
    d = make_source(
        "Officials freed more than a dozen political prisoners in the spring.", id="d", date="2025-01-02"
    )
    notes = {n.source: n for n in source_notes((a, b, c, d), (), ())}
    assert notes["a"].flags == (
        'Number differs from b (para 1): "40 political prisoners" (para 1) vs "123 political prisoners".',
    )
    assert any("b (para 1)" in f for f in notes["a"].flags)
    assert notes["c"].flags == ()  # "remain" is not the same point as "released"
    assert notes["d"].flags == ()  # "more than a dozen" is compatible with 40 and 123


def test_per_source_facts_give_the_same_notes_and_spelling_flags_only_where_spelled() -> None:
    from briefgen.analysis.notes import source_facts

    a = make_source(
        "President Oleg Marchenko spoke. Nearly 300 factory workers were released on Monday.", id="a"
    )
    b = make_source("Critics of Marchenka left.", "Officials said 12 factory workers were released.", id="b")
    c = make_source(
        "Oleg Marchenko arrived at the Marchenka Bridge.", id="c"
    )  # the variant, as part of a name
    d = make_source("Nothing about anyone here.", id="d")
    sources = (a, b, c, d)
    entities = find_entities(sources, ())
    facts = {s.id: source_facts(s) for s in sources}
    notes = source_notes(sources, (), entities, facts)
    assert notes == source_notes(sources, (), entities)
    flags = {n.source: n.flags for n in notes}
    assert "Name spelled two ways: Marchenko / Marchenka (para 1)." in flags["b"]
    assert any(f.startswith("Number differs from a") for f in flags["b"])
    assert not any("spelled" in f for f in flags["a"] + flags["d"])


def test_a_count_parted_by_any_white_space_is_read_not_a_crash() -> None:
    from briefgen.analysis.notes import _interval, source_facts

    # A no-break space before the scale word used to reach float() and raise ValueError.
    assert _interval("84\u00a0million") == (84e6, 84e6)
    assert _interval("over 84\u00a0million") == (84e6 + 1e-9, float("inf"))
    facts = source_facts(
        make_source("Some 84\u00a0million voters stayed home, and 12 delegates walked out.", id="a")
    )
    assert [(c.phrase, c.low) for c in facts.counts] == [
        ("Some 84\u00a0million voters", 0.8 * 84e6),
        ("12 delegates", 12),
    ]


TRICKY = (
    "Nearly ſeven hundred workers were released.",  # a long s, which case-insensitive patterns read as "s"
    "The TEN ministers and ELEVEN envoys met \u2014 roughly 1,500 soldiers left.",
    "Often, attention \u201cten\u201d costs 2016 nothing; tendencies of 3\u00a0pages and 5\tdays.",
    "Upwards of 2.5 million people and fewer than a hundred firms, said Dr \u0130van.",
)


def test_count_shortcuts_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.analysis import notes

    sources = [make_source(text, id=str(i)) for i, text in enumerate(TRICKY)]
    fast = [notes._counts(s) for s in sources]
    monkeypatch.setattr(notes, "_may_count", lambda text: True)
    assert fast == [notes._counts(s) for s in sources]
    assert any(fast)


def test_opinion_shortcut_counts_modal_words_like_the_pattern() -> None:
    body = "I think we mu\u017ft act. Our leaders \u017fhould listen to us and we must say so."
    assert infer_genre(make_source(body, id="a")) == "opinion"  # long s: the pattern reads "must", "should"
    assert infer_genre(make_source("We argue that mustard prices should fall.", id="b")) == "news analysis"


def test_units_bare_nouns_and_nouns_a_source_counts_twice_are_not_conflicts() -> None:
    d = "2025-01-02"
    # "years": a unit; "workers": a bare noun with only "mill" in common around it.
    a = make_source(
        "The mill closed after three years of losses; 400 workers were told on Monday.", id="a", date=d
    )
    b = make_source("A mill in the north shut after 24 years as 800 workers went on strike.", id="b", date=d)
    # "delegates": each source counts several different things with the same noun.
    c = make_source(
        "She needs 1,237 delegates to win and has 865 delegates so far in the race.", id="c", date=d
    )
    e = make_source("He needs 2,383 delegates to win the race, party officials said.", id="e", date=d)
    notes = {n.source: n for n in source_notes((a, b, c, e), (), ())}
    assert all(not any(f.startswith("Number differs") for f in n.flags) for n in notes.values())


def test_plurals_and_capitalised_common_words_are_not_spelling_variants() -> None:
    a = make_source("Analysts expect growth. Independent experts agree.", id="a", date="2025-01-02")
    b = make_source(
        "Analysis of the data shows growth, said independent experts and analysts.", id="b", date="2025-01-02"
    )
    c = make_source("Oleg Marchenko spoke. Later Marchenka left the hall.", id="c", date="2025-01-02")
    entities = find_entities((a, b, c), ())
    notes = {n.source: n for n in source_notes((a, b, c), (), entities)}
    flags = [f for n in notes.values() for f in n.flags if f.startswith("Name spelled")]
    assert flags == ["Name spelled two ways: Marchenko / Marchenka (para 1)."]


def test_counts_matched_on_lower_case_text_are_those_of_the_case_insensitive_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefgen.analysis import notes

    texts = (
        *TRICKY,
        "MORE THAN Two Hundred Political Prisoners were freed. About 40 Jobs, well over 1,200 FIRMS.",
    )
    sources = [make_source(text, id=str(i)) for i, text in enumerate(texts)]
    fast = [notes._counts(s) for s in sources]
    # Every text "folds oddly": the case-insensitive pattern runs on the text as written.
    monkeypatch.setattr(notes, "folds_plainly", lambda text: False)
    assert fast == [notes._counts(s) for s in sources]
    assert any(c.phrase == "MORE THAN Two Hundred Political Prisoners" for c in fast[-1])

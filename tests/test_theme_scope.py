"""A theme's scope: its exclude words, its title words, and how its sentences are ordered and kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import make_source

from briefgen.analysis.themes import ThemeScorer
from briefgen.analysis.vectors import words
from briefgen.compose.theme_order import in_source_order, keep_own, week_first
from briefgen.config import validate
from briefgen.errors import ConfigError
from briefgen.model import Cite, Extract, Theme

CONFIG = """\
title: Weekly
sources: [seeds/*.txt]
themes:
  energy:
    title: "Hydrogen and industry"
    keywords: [hydrogen, electrolyser]
    exclude: {exclude}
audiences:
  press:
    themes: all
    formats: [md]
"""


@pytest.fixture(autouse=True)
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "templates" / "press").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)


def test_exclude_is_read_as_a_list_of_words() -> None:
    config = validate(CONFIG.format(exclude="[wind farm, offshore]"), Path("c.yaml"))
    assert config.theme("energy").exclude == ("wind farm", "offshore")
    assert validate(CONFIG.format(exclude="turbine"), Path("c.yaml")).theme("energy").exclude == ("turbine",)


def test_exclude_of_the_wrong_type_is_reported_with_its_line() -> None:
    with pytest.raises(ConfigError) as info:
        validate(CONFIG.format(exclude="{a: b}"), Path("c.yaml"))
    [problem] = info.value.problems
    assert problem.startswith("c.yaml:7:")
    assert "themes.energy.exclude" in problem


def test_an_excluded_word_rules_a_sentence_out_of_the_theme() -> None:
    theme = Theme("energy", "Hydrogen and industry", keywords=("hydrogen",), exclude=("wind farm",))
    scorer = ThemeScorer([theme])
    assert scorer.relevance(words("The hydrogen plant opened beside the steelworks."))[0] > 0
    assert scorer.relevance(words("The hydrogen plant will draw power from a wind farm."))[0] == 0


def test_one_title_word_alone_does_not_put_a_sentence_under_a_theme() -> None:
    theme = Theme("energy", "Hydrogen and industry", "Electrolysers and green steel.", ("hydrogen",))
    scorer = ThemeScorer([theme])
    assert scorer.relevance(words("Industry output of the region fell in May."))[0] == 0
    assert (
        scorer.relevance(words("Industry wants cheaper steel from the new mills."))[0] > 0
    )  # title + description


def test_sentences_of_one_source_keep_its_order_in_the_slots_they_hold() -> None:
    a = make_source("First point. Second point.", "Third point.", id="a")
    b = make_source("Other source.", id="b")
    e1, e2, e3 = (
        Extract(t, (Cite("a", n),))
        for t, n in (("First point.", 1), ("Second point.", 1), ("Third point.", 2))
    )
    eb = Extract("Other source.", (Cite("b", 1),))
    ranked = (e3, eb, e2, e1)
    assert in_source_order(ranked, {"a": a, "b": b}) == (e1, eb, e2, e3)


def test_a_theme_the_bottom_line_used_up_keeps_two_of_its_own() -> None:
    best, second, third = (Extract(t, (Cite("a", 1),)) for t in ("Best.", "Second.", "Third."))
    assert keep_own((best, second, third), [third]) == (best, third)
    assert keep_own((best, second, third), [second, third]) == (second, third)
    assert keep_own((best,), []) == (best,)


def test_background_comes_after_the_weeks_sentences() -> None:
    old = Extract("[Background] The quay was last closed in 2019.", (Cite("a", 1),))
    new, newer = (Extract(t, (Cite("b", 1),)) for t in ("The quay closed on Monday.", "Ships wait outside."))
    assert week_first((old, new, newer)) == (new, newer, old)


def test_a_theme_word_inside_a_longer_name_is_the_names() -> None:
    from briefgen.analysis.themes import heads_in_names

    theme = Theme("forests", "Forests and adaptation", keywords=("forest", "fund"))
    scorer = ThemeScorer([theme])
    text = "Ann Lee of the World Wildlife Fund's Climate Programme urged faster cuts in emissions."
    assert scorer.relevance(words(text), heads_in_names(text, words(text)))[0] == 0
    plain = "The adaptation fund will double next year, the ministers agreed."
    assert scorer.relevance(words(plain), heads_in_names(plain, words(plain)))[0] > 0
    police = "West Yorkshire Police searched six houses in Leeds."
    assert heads_in_names(police, words(police)) == frozenset()  # the name's last word: the police
    named = ThemeScorer([Theme("eu", "Europe", keywords=("European Union", "Union"))])
    union = "The European Union Trade Commissioner spoke on Monday."
    assert named.relevance(words(union), heads_in_names(union, words(union)))[0] > 0


def test_a_theme_word_only_in_an_aside_about_who_someone_is_weighs_little() -> None:
    from briefgen.analysis.themes import aside_stems

    records = Theme("records", "Races", keywords=("world record", "record", "medal"))
    doping = Theme("doping", "Doping", keywords=("ban", "drugs"))
    scorer = ThemeScorer([records, doping])

    def relevance(text: str) -> list[float]:
        return scorer.relevance(words(text), aside=aside_stems(text, words(text)))

    for text in (
        "World record holder Anna Berg was given a two-year ban after a missed test.",
        "Anna Berg, the world record holder, was given a two-year ban after a missed test.",
        "Anna Berg, who won two medals in Oslo, was given a two-year ban after a missed test.",
    ):
        rel = relevance(text)
        assert rel[0] == 0 and rel[1] > 0, text  # the ban is the news; the record says who she is
    # The theme's word in what the sentence reports still counts, aside or not.
    assert relevance("Anna Berg, who holds the world record, broke the record again in Oslo.")[0] > 0
    assert relevance("Anna Berg set a world record in the 800m at the Oslo meeting.")[0] > 0
    assert (
        aside_stems("Police believe Ola Vik set off the bomb.", words("Police believe Ola Vik"))
        == frozenset()
    )


def test_a_sentence_goes_under_the_theme_of_what_it_reports_not_of_an_aside() -> None:
    from briefgen.analysis.segment import split_sentences
    from briefgen.analysis.summarize import summarize_themes

    records = Theme("records", "Records", keywords=("world record", "record"))
    doping = Theme("doping", "Doping", keywords=("ban",))
    src = make_source(
        "World record holder Anna Berg was given a two-year ban by the federation in Oslo on Monday.",
        "Tom Lund set a world record in the 800m at the indoor meeting in Bergen on Sunday.",
        id="a",
    )
    out = summarize_themes((src,), {"a": split_sentences(src)}, (records, doping), ())
    by_theme = {s.theme.id: [e.text for e in s.extracts] for s in out}
    assert by_theme["doping"] == [src.paragraphs[0].text]
    assert by_theme["records"] == [src.paragraphs[1].text]

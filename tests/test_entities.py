"""Tests for the entity index: names, kinds, variants, distinct people, aliases and roles."""

from __future__ import annotations

from factories import make_source
from fixture_project import SEEDS

from briefgen.analysis.entities import close_spelling, find_entities
from briefgen.model import Cite, Paragraph, Quote, Source


def _by_name(entities):
    return {e.name: e for e in entities}


def test_people_and_organisations_with_roles() -> None:
    src = make_source(
        "Ruritania President Boris Valenko met Anna Petrenko, the deputy head of the Central Grain Agency, on Monday.",
        "Yet Valenko said the European Union had not answered. Meanwhile the Ministry of Trade stayed silent.",
        "Karl Mendel, the bank's special envoy on debt, arrived in Vienna. In Washington, Treasury said nothing.",
        id="a",
    )
    ents = _by_name(find_entities((src,), ()))
    assert ents["Boris Valenko"].kind == "person"
    assert ents["Boris Valenko"].role == "Ruritania President"
    assert ents["Boris Valenko"].mentions == 2  # the bare surname joins the full name
    assert ents["Karl Mendel"].role == "bank's special envoy on debt"
    assert ents["Anna Petrenko"].role == "deputy head of the Central Grain Agency"
    for org in ("European Union", "Ministry of Trade", "Central Grain Agency", "Treasury"):
        assert ents[org].kind == "organisation"
    for not_entity in ("Yet", "Meanwhile", "Monday", "Vienna", "Washington", "Ruritania"):
        assert not_entity not in ents


def test_spelling_variant_merged_but_gendered_names_kept_apart() -> None:
    a = make_source(
        "President Oleg Marchenko spoke. Marchenko later left. Jan Kowalski met Anna Kowalskaya.", id="a"
    )
    b = make_source("Critics of Marchenka say the vote was rigged, and Kowalskaya agreed with them.", id="b")
    ents = _by_name(find_entities((a, b), ()))
    oleg = ents["Oleg Marchenko"]
    assert oleg.variants == ("Marchenka",)
    assert oleg.mentions == 3 and oleg.sources == ("a", "b")
    assert "Jan Kowalski" in ents and "Anna Kowalskaya" in ents
    assert ents["Anna Kowalskaya"].mentions == 2
    assert "Kowalskaya" not in ents["Jan Kowalski"].variants


def test_close_spelling_rules() -> None:
    assert close_spelling("Lukashenko", "Lukashenka")
    assert not close_spelling("Tsikhanouski", "Tsikhanouskaya")
    assert not close_spelling("Ivanov", "Ivanova")
    assert not close_spelling("Smith", "Jones")


def test_names_that_co_occur_are_distinct_people() -> None:
    src = make_source(
        "Both Pavel Dremov and Pavel Dremin signed the letter on behalf of their parties.", id="a"
    )
    ents = _by_name(find_entities((src,), ()))
    assert "Pavel Dremov" in ents and "Pavel Dremin" in ents


def test_aliases_from_config_are_honoured() -> None:
    src = make_source(
        "Alyaksandr Lukashenka spoke first. Later Alexander Lukashenko spoke again, and Lukashenka left.",
        id="a",
    )
    aliases = (("Alexander Lukashenko", ("Lukashenka", "Alyaksandr Lukashenka")),)
    ents = _by_name(find_entities((src,), (), aliases=aliases))
    e = ents["Alexander Lukashenko"]
    assert e.mentions == 3
    assert set(e.variants) == {"Alyaksandr Lukashenka", "Lukashenka"}
    assert "Alyaksandr Lukashenka" not in ents


def test_quote_speakers_count_and_sort_order() -> None:
    text = "\u201cWe will not yield,\u201d he said. Nora Lind, a senior diplomat, nodded."
    src = make_source(text, "Nora Lind repeated it.", id="a")
    quote = Quote(
        text="We will not yield,", cite=Cite("a", 1), kind="statement", speaker="Ivo Sand", start=1, end=19
    )
    ents = find_entities((src,), (quote,))
    assert [e.name for e in ents] == ["Nora Lind", "Ivo Sand"]
    assert ents[1].mentions == 1 and ents[1].kind == "person"
    assert ents[0].role == "senior diplomat"


def test_acronym_joins_organisation_and_scare_quotes_are_skipped() -> None:
    src = make_source(
        "The European Union acted. The EU added names. Officials spread \u201cRusskiy Mir\u201d ideas.",
        id="a",
    )
    ents = _by_name(find_entities((src,), ()))
    assert ents["European Union"].variants == ("EU",)
    assert "Russkiy Mir" not in ents


def test_seed_entities() -> None:

    import pytest

    seeds = SEEDS
    if not seeds.is_dir():
        pytest.skip("seeds/ not present")
    sources = []
    for path in sorted(seeds.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        sources.append(make_source(*lines, id=path.stem))
    ents = _by_name(find_entities(tuple(sources), ()))
    assert "Lukashenka" in ents["Alexander Lukashenko"].variants
    assert ents["Alexander Lukashenko"].role == "Belarus President"
    assert ents["Keith Kellogg"].role == "Trump\u2019s special envoy on Ukraine"
    assert "Siarhei Tsikhanouski" in ents and "Sviatlana Tsikhanouskaya" in ents
    for org in ("European Union", "Belarusian Orthodox Church", "Rossotrudnichestvo", "Treasury"):
        assert ents[org].kind == "organisation"
    assert not {"Belarus", "Minsk", "Moscow", "Russia", "Yet", "United States"} & set(ents)


def test_per_source_scan_gives_the_same_entities_and_openers_use_the_whole_corpus() -> None:
    from briefgen.analysis.entities import scan_source

    a = make_source("Harbour Minister Rolf Anker opened the quay. Anker later left for the coast.", id="a")
    b = make_source("Harbour officials were upbeat. Later the harbour board met Anker again.", id="b")
    sources = (a, b)
    names = {s.id: scan_source(s) for s in sources}
    assert find_entities(sources, (), names=names) == find_entities(sources, ())
    ents = _by_name(find_entities(sources, (), names=names))
    assert ents["Rolf Anker"].mentions == 3 and ents["Rolf Anker"].sources == ("a", "b")
    # "harbour" is lower case in b, so b's opener "Harbour officials" names nobody.
    assert "Harbour" not in ents


def test_many_people_resolve_like_few() -> None:
    # Indexes replace scans over every group: a surname still joins only an unambiguous full name,
    # and a one-letter misspelling still finds its person among hundreds.
    import hashlib

    def surname(i: int) -> str:
        digest = hashlib.sha256(str(i).encode()).digest()
        return "".join("bcdfghklmnprstvz"[b % 16] + "aeiou"[b % 5] for b in digest[:4]).capitalize()

    paras = [f"Minister Olek {surname(i)} met the board." for i in range(300)]
    misspelt = surname(7)[:-1] + ("a" if surname(7)[-1] != "a" else "o")
    paras += [
        f"Jan Kowalczyk arrived. Ewa Kowalczyk stayed. Kowalczyk said little. {misspelt} said more.",
        f"Later {surname(7)} left.",
    ]
    ents = _by_name(find_entities((make_source(*paras, id="a"),), ()))
    olek = ents[f"Olek {surname(7)}"]
    assert olek.mentions == 3 and misspelt in olek.variants
    assert ents["Jan Kowalczyk"].mentions == 1 and ents["Ewa Kowalczyk"].mentions == 1
    assert ents["Kowalczyk"].mentions == 1  # ambiguous between two people: kept apart from both


def test_bounded_edit_distance_agrees_with_the_full_table() -> None:
    import itertools

    from briefgen.analysis.entities import _within

    def full(a: str, b: str) -> int:
        prev = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            cur = [i]
            for j, cb in enumerate(b, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            prev = cur
        return prev[-1]

    words = [
        "lukashenko",
        "lukashenka",
        "lukashenkov",
        "lukshenko",
        "tsikhanouski",
        "tsikhanouskaya",
        "ab",
        "ba",
        "",
    ]
    for a, b in itertools.product(words, repeat=2):
        for limit in (1, 2, 3):
            assert _within(a, b, limit) == (full(a, b) <= limit), (a, b, limit)


def test_sentence_tokens_from_the_paragraph_match_tokenising_the_sentence() -> None:
    from briefgen.analysis.mentions import _runs, _sentence_tokens, _tokens

    text = (
        "Mr U.S.A. Smith-Jones met \u201cAnna\u201d de la Cruz.Then Pavel of the Kremlin's Press Office left"
    )
    para = _tokens(text)
    for s in range(len(text)):
        for e in range(s, len(text) + 1):
            own = _tokens(text[s:e])
            assert _runs(*_sentence_tokens(para, text, s, e)) == _runs(own, 0, len(own.words), 0), (s, e)


def test_role_and_place_checks_agree_with_the_plain_patterns() -> None:
    import re

    from briefgen.analysis import mentions

    place = re.compile(r"\b(?:in|to|from|at|into|across|near|toward|towards|via)\s+$")
    texts = [
        "He flew to  Kyiv",
        "Hints at\nMinsk",
        "within Riga",
        "into\u00a0Oslo",
        "towards Rome",
        "a\u00a0to Bern",
    ]
    texts += [
        "Said the deputy head  Ivan",
        "the U.S. journalist Evan",
        "spokesperson\tAnna",
        "superhead Olga",
        "x son Tom",
    ]
    for text in texts:
        start = len(text) - len(text.split()[-1])  # the name is the last word
        window = text[max(0, start - 80) : start]
        assert mentions._ends_with(text, start, mentions._PLACE_PREP, 9) == bool(
            place.search(text[:start])
        ), text
        expected = mentions._ROLE_BEFORE.search(window)
        if expected:
            assert mentions._ends_with(text, start, mentions._ROLE_TAIL, 16, max(0, start - 80)), text


def test_a_surname_is_the_person_its_own_article_names_though_the_week_has_namesakes() -> None:
    a = Source(
        id="a",
        path="a.txt",
        paragraphs=(
            Paragraph(1, "Donald Trump held a rally in Ohio on Monday."),
            Paragraph(2, "Trump said the Trump campaign would win Florida and Iowa."),
        ),
    )
    b = Source(id="b", path="b.txt", paragraphs=(Paragraph(1, "Ivanka Trump spoke in New Hampshire."),))
    c = Source(
        id="c",
        path="c.txt",
        paragraphs=(Paragraph(1, "Donald Trump and Ivanka Trump arrived."), Paragraph(2, "Trump waved.")),
    )
    by_name = {e.name: e for e in find_entities((a, b, c), ())}
    assert by_name["Donald Trump"].sources == ("a", "c") and by_name["Donald Trump"].kind == "person"
    assert by_name["Donald Trump"].mentions >= 4  # article a's "Trump" and "Trump campaign" are him
    assert "Trump" not in by_name or by_name["Trump"].kind == "person"  # c's bare "Trump" is ambiguous
    assert not {"Ohio", "Florida", "Iowa", "New Hampshire"} & set(by_name)  # places, not entities


def test_a_person_takes_the_role_the_sources_give_most_often_with_the_full_name() -> None:
    a = make_source("Democratic candidate Ann Lee spoke. Her husband, President Lee, waved.", id="a")
    b = make_source("Democratic candidate Ann Lee won Ohio.", id="b")
    c = make_source("His wife Ann Lee smiled.", id="c")
    people = {e.name: e for e in find_entities((a, b, c), ())}
    assert people["Ann Lee"].role == "Democratic candidate"  # twice beside the full name; "President" never


def test_an_institution_named_by_its_seat_is_an_organisation() -> None:
    a = make_source(
        "A White House official said the plan was ready. The White House declined to comment.", id="a"
    )
    (house,) = [e for e in find_entities((a,), ()) if e.name == "White House"]
    assert house.kind == "organisation" and house.role is None and house.mentions == 2


def test_names_in_page_furniture_are_not_entities() -> None:
    """A title line, a byline, a dateline, a caption, a credit or a headline within the text is part of the
    page, not the story: no name in it reaches the entity index, while the story's own names still do."""
    src = make_source(
        "Minister Kari Vik backs the repairs.",  # the title line, above the text
        "By Anna Lund, Staff Writer.",
        "HALDEN, Norway (AP) \u2014 The harbour board voted on Monday to close the northern quay after the "
        "storm. Mayor Olav Berg said the town would pay for the repairs.",
        "Photo: Erik Sand for the Harbour Gazette.",
        "Ferry Boss Lars Moe Wins Award For Winter Crossings.",  # a related story's headline
        "BERGEN \u2014 Berg told the council on Tuesday that the work would take a year.",
        "Reporting by Kari Holm, editing by Per Dahl.",
        id="a",
        body_from=2,
    )
    ents = _by_name(find_entities((src,), ()))
    assert ents["Olav Berg"].mentions == 2  # the surname after a dateline still counts
    for furniture in (
        "Kari Vik",
        "Anna Lund",
        "HALDEN",
        "AP",
        "Erik Sand",
        "Lars Moe",
        "BERGEN",
        "Kari Holm",
    ):
        assert furniture not in ents

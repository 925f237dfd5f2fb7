"""Tests of the summary stage on invented multi-source texts."""

from __future__ import annotations

from factories import make_source

from briefgen.analysis.segment import split_sentences
from briefgen.analysis.summarize import (
    header_paragraphs,
    is_standalone,
    sentence_terms,
    summarize_bluf,
    summarize_document,
    summarize_themes,
)
from briefgen.analysis.themes import ThemeScorer
from briefgen.analysis.vectors import stem, words
from briefgen.model import Cite, Paragraph, Quote, Source, Theme

HARBOUR = Theme(
    "harbour",
    "Harbour and shipping",
    "Port traffic, freight and the shipping lanes.",
    ("harbour", "freight", "cargo ships"),
)
FARMING = Theme(
    "farming", "Farming and harvest", "Crops, farmers and the grain harvest.", ("harvest", "farmers", "grain")
)
EMPTY = Theme("volcanoes", "Volcanic eruptions", "", ("volcano", "lava"))

A = make_source(
    "The Northvale harbour handled record freight volumes in the spring quarter, officials reported on Monday. "
    "It was the third record in a row.",
    "Farmers across the eastern plain expect the grain harvest to fall by a fifth after the long drought. "
    "Is the drought over?",
    "\u201cWe have never seen cargo ships queue like this,\u201d the harbour master said on the quay. "
    "Harbour Traffic Update",
    "Grain prices at the regional exchange rose sharply as traders priced in the weaker harvest outlook.",
    id="a",
)
B = make_source(
    "Record freight volumes were handled by the Northvale harbour in the spring quarter, officials reported on Monday.",
    "The new dredging contract will let larger cargo ships enter the harbour channel from next year.",
    "They said the plan would cost more than expected.",
    "Local farmers have asked the agriculture ministry for drought relief before the grain harvest begins.",
    id="b",
)
SOURCES = (A, B)
SENTENCES = {s.id: split_sentences(s) for s in SOURCES}
QUOTES = (
    Quote("We have never seen cargo ships queue like this,", Cite("a", 3), "statement", "the harbour master"),
)


def run(themes: tuple[Theme, ...] = (HARBOUR, FARMING, EMPTY)):
    return summarize_themes(SOURCES, SENTENCES, themes, QUOTES)


def test_extracts_are_verbatim_sentences_of_their_first_cite() -> None:
    for summary in run():
        for e in summary.extracts:
            source = {s.id: s for s in SOURCES}[e.cites[0].source]
            para = source.paragraph(e.cites[0].paragraph).text
            assert e.text in para
            assert e.text in {s.text for s in SENTENCES[source.id]}


def test_near_duplicates_from_two_sources_merge_into_one_extract_with_two_cites() -> None:
    harbour = run()[0]
    record = [e for e in harbour.extracts if "record freight" in e.text.lower()]
    assert len(record) == 1
    assert set(record[0].cites) == {Cite("a", 1), Cite("b", 1)}
    # the first cite is where the text is verbatim
    first = record[0].cites[0]
    assert record[0].text in {x.id: x for x in SOURCES}[first.source].paragraph(first.paragraph).text


def test_context_dependent_questions_headlines_and_quote_lines_are_skipped() -> None:
    texts = {e.text for summary in run() for e in summary.extracts}
    assert "It was the third record in a row." not in texts
    assert "They said the plan would cost more than expected." not in texts
    assert "Is the drought over?" not in texts
    assert not any(t.startswith("\u201cWe have never seen") for t in texts)
    assert not any(t == "Harbour Traffic Update" for t in texts)


def test_is_standalone_rules() -> None:
    assert is_standalone("The central bank raised its main interest rate by half a point on Tuesday.")
    assert not is_standalone("This decision surprised the markets and most analysts in the city.")
    assert not is_standalone("As said above, the central bank raised its main rate again.")
    assert not is_standalone("He told reporters the bank would keep raising rates all year.")
    assert not is_standalone("Will the central bank raise its main interest rate again?")
    assert not is_standalone("Rates rise.")
    assert not is_standalone("Central Bank Raises Rates Again In Surprise Move")
    assert not is_standalone(
        "\u201cWe will do whatever it takes to bring inflation down again,\u201d \u2013 Anna Berg"
    )


def test_theme_with_no_relevant_sentences_is_empty() -> None:
    empty = run()[2]
    assert empty.extracts == ()
    assert (empty.sentences, empty.sources, empty.quotes) == (0, 0, 0)


def test_each_sentence_stands_under_one_theme_only() -> None:
    cites_by_text: dict[tuple[Cite, str], str] = {}
    for summary in run():
        for e in summary.extracts:
            key = (e.cites[0], e.text)
            assert key not in cites_by_text, (
                f"{e.text!r} under {cites_by_text.get(key)} and {summary.theme.id}"
            )
            cites_by_text[key] = summary.theme.id


def test_sentences_land_under_the_theme_they_are_about() -> None:
    harbour, farming, _ = run()
    assert any("dredging" in e.text for e in harbour.extracts)
    assert any("Grain prices" in e.text for e in farming.extracts)
    assert not any("dredging" in e.text for e in farming.extracts)


def test_counts_sentences_sources_and_quotes() -> None:
    harbour, farming, _ = run()
    assert harbour.sources == 2 and farming.sources == 2
    assert harbour.quotes == 1  # the harbour master's quote sits in a harbour paragraph
    assert farming.quotes == 0
    assert harbour.sentences >= 4


def test_extracts_are_ranked_best_first() -> None:
    for summary in run():
        scores = [e.score for e in summary.extracts]
        assert scores == sorted(scores, reverse=True)


def test_deterministic() -> None:
    assert run() == run()
    assert summarize_bluf(SOURCES, SENTENCES, run()) == summarize_bluf(SOURCES, SENTENCES, run())


def test_bluf_covers_themes_with_cites_and_no_repeats() -> None:
    bluf = summarize_bluf(SOURCES, SENTENCES, run())
    assert 2 <= len(bluf) <= 5
    assert len({e.text for e in bluf}) == len(bluf)
    assert all(e.cites for e in bluf)
    harbour, farming, _ = run()
    assert {e.text for e in bluf} & {e.text for e in harbour.extracts}
    assert {e.text for e in bluf} & {e.text for e in farming.extracts}


def test_bluf_without_themes_falls_back_to_central_sentences() -> None:
    bluf = summarize_bluf(SOURCES, SENTENCES, ())
    assert bluf and all(is_standalone(e.text) for e in bluf)


def test_summarize_document_returns_n_sentences_in_document_order() -> None:
    doc = make_source(
        "The city council approved a new budget for public transport on Thursday after a long debate.",
        "The budget adds forty electric buses and extends the tram line to the northern suburbs.",
        "Council members from the opposition said the transport budget ignored cyclists entirely.",
        "The weather was mild.",
        "Work on the tram extension is due to start next spring and finish within three years.",
        id="d",
        title="Council approves transport budget",
    )
    picked = summarize_document(doc, 3)
    assert len(picked) == 3
    assert [s.index for s in picked] == sorted(s.index for s in picked)
    assert "The weather was mild." not in {s.text for s in picked}
    assert summarize_document(doc, 0) == ()
    assert len(summarize_document(doc, 10)) == 5


def test_multiword_keywords_match_on_word_boundaries_and_stems() -> None:
    theme = Theme("t", "Trade", "", ("Union State", "U.S.", "sanctions"))
    scorer = ThemeScorer((theme,))
    assert scorer.relevance(words("The Union State treaty was signed."))[0] > 0
    assert scorer.relevance(words("The U.S. announced new sanctioning rules."))[0] > 0
    # "us" the pronoun is not "US" the country; "state" alone is not "Union State"
    assert scorer.relevance(words("Tell us about the state of play."))[0] == 0
    assert stem("sanctions") == stem("sanctioned") == stem("sanction")


def test_per_source_terms_and_a_shared_week_change_nothing() -> None:
    from briefgen.analysis.summarize import prepare_week, sentence_terms, summarize_bluf

    themes = (HARBOUR, FARMING, EMPTY)
    terms = {s.id: sentence_terms(SENTENCES[s.id]) for s in SOURCES}
    assert terms["a"].tokens()[0][:3] == words(SENTENCES["a"][0].text)[:3]
    week = prepare_week(SOURCES, SENTENCES, terms)
    summaries = summarize_themes(SOURCES, SENTENCES, themes, QUOTES, week=week)
    assert summaries == run(themes)
    assert summarize_bluf(SOURCES, SENTENCES, summaries, week=week) == summarize_bluf(
        SOURCES, SENTENCES, summaries
    )


def test_back_references_need_their_context():
    from briefgen.analysis.summarize import is_standalone

    assert not is_standalone("The move drew cautious praise in European capitals and in Washington.")
    assert is_standalone("The move by the central bank to cut rates surprised most analysts this week.")
    assert not is_standalone("In particular, he delivered strongly on the vision of advancing trade.")
    assert not is_standalone("However, the attempts to re-engage with the West have so far been futile.")


def test_headlines_do_not_stand_in_a_summary():
    assert not is_standalone("Mayor Hid Budget Shortfall From Council, Former Treasurer Says.")
    # Many names, but a verb in lower case: a sentence.
    assert is_standalone("Anna Berg, Tomas Lind and Karl Ek signed the coalition agreement on Friday.")


def test_title_paragraph_sentences_never_stand_alone_but_the_standfirst_does():
    source = Source(
        id="s",
        path="s.txt",
        paragraphs=(
            Paragraph(1, "Voters Desert Ruling Party Ahead of Regional Elections."),
            Paragraph(2, "Support is falling fast as prices rise, and the opposition is ready to govern."),
            Paragraph(
                3, "The ruling party fell to 31 percent in a poll published on Monday by the institute."
            ),
        ),
        title="Voters Desert Ruling Party Ahead of Regional Elections.",
        standfirst="Support is falling fast as prices rise, and the opposition is ready to govern.",
        body_from=3,
    )
    terms = sentence_terms(split_sentences(source), header_paragraphs(source))
    assert terms.standalone == (False, True, True)


def test_week_centre_uses_known_vectors_and_gives_the_same_floats():
    from briefgen.analysis.vectors import Vectorizer, centroid

    texts = [
        "Grain exports rose again.",
        "Grain prices fell",
        "Exports rose rose rose.",
        "",
        "Ports reopened.",
    ]
    tokens = [words(t) for t in texts]
    vec = Vectorizer(tokens)
    exact = centroid(vec.vector(t) for t in tokens)
    known = [vec.vector(t) if i % 2 else None for i, t in enumerate(tokens)]
    assert vec.centre(zip(tokens, known, strict=True)) == exact  # equal floats, not merely close
    assert vec.centre((t, None) for t in tokens) == exact

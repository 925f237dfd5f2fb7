"""Speaker rules of issue 16 (quotes and speakers), on sentences written for these tests."""

from __future__ import annotations

import pytest

from briefgen.analysis.quotes import find_quotes
from briefgen.analysis.quotes.coref import QuoteMarks, Sentences, mention_facts
from briefgen.analysis.quotes.phrases import joint_speakers, real_role, tidy_phrase
from briefgen.analysis.quotes.speaker_phrase import parse_speaker
from briefgen.model import Paragraph, Quote, Source


def quotes_of(*paragraphs: str) -> tuple[Quote, ...]:
    """Return the quotes of a source made of these paragraphs."""
    source = Source(
        id="t", path="t.txt", paragraphs=tuple(Paragraph(i + 1, p) for i, p in enumerate(paragraphs))
    )
    return find_quotes(source)


def quote(quotes: tuple[Quote, ...], start: str) -> Quote:
    """Return the quote whose text starts with ``start``."""
    return next(q for q in quotes if q.text.startswith(start))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Anna Berg and Tomas Lind", ("Anna Berg", "Tomas Lind")),
        ("Sen. Ann Lee and Rep. Bo Chan", ("Sen. Ann Lee", "Rep. Bo Chan")),
        ("the union and the port", None),
        ("Berg", None),
    ],
)
def test_joint_speakers(phrase, expected):
    assert joint_speakers(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("'' Mr. Halvorsen", "Halvorsen", None),  # a doubled apostrophe used as a quotation mark
        ("were made public \u2015 Brandt", "Brandt", None),  # an aside closed by a dash
        ("Petra Halvorsen Said", "Petra Halvorsen", None),  # a headline-style reporting verb
        ("As Tomas Brandt", "Tomas Brandt", None),  # a sentence-opening preposition
        ("the Harbour Times\u2019s Ines Okafor", "Ines Okafor", "the Harbour Times\u2019s"),
        ("Archbishop Karl Ruud of the Northern Diocese of Valdoria", "Karl Ruud", "Archbishop"),
    ],
)
def test_speaker_phrase_name_and_role(phrase, name, role):
    got = parse_speaker(phrase)
    assert got is not None and (got.name, got.role) == (name, role)


@pytest.mark.parametrize("phrase", ["As", "With", "the Minister for Ports", "the Bank of Valdoria"])
def test_speaker_phrase_without_a_name(phrase):
    got = parse_speaker(phrase)
    assert got is None or got.name is None


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Mr.", None),
        ("' Ms.", None),
        ("'", None),
        ("the", None),
        ("(Raphael", None),
        ("Ruud of the", None),
        ("chief of the", "chief"),
        ("harbour union chief", "harbour union chief"),
        ("Prime Minister", "Prime Minister"),
    ],
)
def test_real_role(role, expected):
    assert real_role(role) == expected


def test_tidy_phrase_keeps_plain_names():
    assert tidy_phrase("Ines Okafor") == "Ines Okafor"


def test_the_with_one_capitalised_word_is_a_description():
    got = parse_speaker("the Bishop")
    assert got is not None and got.name is None and got.role == "the Bishop"


def test_trailing_form_of_address_is_dropped_from_a_role():
    assert real_role("police commissioner Sir") == "police commissioner"


def test_cue_of_the_next_sentence_does_not_attribute_a_scare_quote():
    qs = quotes_of(
        "Some survivors have been angered by the offer of a \u201cnarrative\u201d. Writing on her blog, "
        "Ms North says:",
        "\u201cWe run the risks on the trains every day and we want an inquiry.\u201d",
    )
    assert quote(qs, "narrative").kind == "phrase"
    assert quote(qs, "We run").speaker_role == "Ms North" or quote(qs, "We run").speaker == "North"


def test_q_and_a_answers_are_the_interviewees():
    qs = quotes_of(
        "Q&A with Governor Petra Halvorsen",
        "Governor Petra Halvorsen spoke to us on Thursday about the port and about Tomas Brandt.",
        "Q: Will the port reopen this month?",
        "A: It will. We have a deal on pensions and the unions know it.",
        "Q: And the docks?",
        "A: The docks stay open whatever happens.",
    )
    assert [q.speaker for q in qs if "transcript" in q.flags] == ["Petra Halvorsen", "Petra Halvorsen"]
    assert not any(q.text.startswith("Will the port") for q in qs)  # an unnamed question is nobody's remark


def test_lone_note_label_is_no_transcript():
    qs = quotes_of("UPDATE: The port reopened on Friday after the unions accepted the deal.")
    assert qs == ()


def test_title_word_after_mr_is_a_surname():
    got = parse_speaker("Mr. King, 82")
    assert got is not None and got.name == "King"


def test_later_mention_under_an_earlier_full_name_keeps_its_own_place():
    qs = quotes_of(
        "Economy Minister Ildefonso Guajardo Villarreal met the press in Mexico City on Monday.",
        "Tom Ruiz has threatened tariffs. The economy minister, Mr. Guajardo Villarreal, argues there is no "
        "point in answering Mr. Ruiz's threats now. \u201cWe must not overreact to campaign rhetoric,\u201d he "
        "told me.",
    )
    assert (quote(qs, "We must not").speaker or "").endswith("Guajardo Villarreal")


@pytest.mark.parametrize("phrase", ["The new", "Zapad 2025 in September) bea", "the former"])
def test_cut_off_phrase_is_no_speaker(phrase):
    assert parse_speaker(phrase) is None


@pytest.mark.parametrize("phrase", ["Both", "Afterwards", "Meanwhile"])
def test_sentence_opening_adverb_is_no_speaker(phrase):
    assert parse_speaker(phrase) is None


def test_role_of_an_organisation_is_not_a_person_named_for_it():
    got = parse_speaker("president of Union Cycliste Internationale")
    assert got is not None and got.name is None and got.role == "president of Union Cycliste Internationale"


def test_role_holding_a_pronoun_is_dropped():
    assert real_role("Both he") is None


def test_an_owner_before_a_capitalised_noun_is_not_a_subject_even_after_a_cue() -> None:
    text = "Lindqvist said Governor Ellen Vance had said Ruiz\u2019 Medicare plan would never pass."
    at = text.index("Ruiz")
    facts = mention_facts(Sentences([(1, text)]), QuoteMarks(text), 1, text, at, text.index(" plan"))
    assert not facts.subject

"""Pronoun and salience rules of issue 16: "he said" goes to the person the text points to (own sentences)."""

from __future__ import annotations

from briefgen.analysis.quotes import find_quotes
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


def test_he_is_the_leader_who_attacks_not_the_prime_minister_attacked():
    qs = quotes_of(
        "Conservative leader Michael Howard attacked Prime Minister Tony Blair over the war on Monday. "
        "\u201cHe has lost the trust of the country on Iraq,\u201d he said."
    )
    assert quote(qs, "He has lost").speaker == "Michael Howard"


def test_he_is_the_party_leader_not_the_colleague_he_defends():
    qs = quotes_of(
        "Party leader Karl Moss defended his colleague Tom Ruiz, who faces questions over his expenses. "
        "\u201cHe has done nothing wrong and I trust him,\u201d he said."
    )
    assert quote(qs, "He has done").speaker == "Karl Moss"


def test_he_is_the_new_subject_not_the_speaker_quoted_a_paragraph_earlier():
    qs = quotes_of(
        "\u201cWe acted within the rules at all times,\u201d said Admiral Karl Moss, the British commander.",
        "Iran's foreign ministry spokesman, Ali Rezai, rejected the claim. \u201cThe sailors were in our "
        "waters,\u201d he said.",
    )
    assert quote(qs, "The sailors").speaker == "Ali Rezai"


def test_he_still_continues_the_speaker_when_nobody_else_is_a_subject():
    qs = quotes_of(
        "\u201cWe acted within the rules at all times,\u201d said Admiral Karl Moss, the British commander.",
        "The ships left the port on Monday after a long night of talks.",
        "\u201cNobody was hurt and nobody will be,\u201d he said.",
    )
    assert quote(qs, "Nobody was hurt").speaker == "Karl Moss"


def test_a_person_named_as_the_subject_of_a_verb_of_criticism_is_a_person():
    qs = quotes_of(
        "Karl Moss criticised Tom Ruiz in the debate. \u201cIt is a disgrace and he knows it,\u201d he said."
    )
    assert quote(qs, "It is a disgrace").speaker == "Karl Moss"


def test_name_inside_doubled_apostrophe_quotes_is_not_a_subject():
    qs = quotes_of(
        "\u201cWe will not back this bill,\u201d Donald Ruiz said on Monday.",
        "Karl Moss, a former budget director, has pushed the idea for months. ''By backing the bill, Donald "
        "Ruiz could win the centre,'' he wrote on his website.",
    )
    assert quote(qs, "By backing").speaker == "Karl Moss"


def test_object_of_a_preposition_is_not_a_subject():
    qs = quotes_of(
        "Tom Ruiz called the suspension unfair. Josh Lind, a party official, warned that the move against "
        "Ruiz could hurt the party. \u201cThe stakes are higher than one fight,\u201d he wrote."
    )
    assert quote(qs, "The stakes").speaker == "Josh Lind"


def test_she_may_be_a_subject_the_text_never_marks_as_a_woman():
    qs = quotes_of(
        "Mary Quist backed Ann Lee in the primary.",
        "Dale Ormond, 75, a retiree in Carthage, supported Lee but now plans to vote for Tom Ruiz. \u201cI will "
        "reluctantly do that because he is better than the rest,\u201d she said.",
    )
    assert quote(qs, "I will reluctantly").speaker == "Dale Ormond"


def test_she_follows_the_chain_of_sentences_opening_with_she():
    qs = quotes_of(
        "Governor Ann Lee called the tweet unhinged. She says his temper is a danger. She says the claims "
        "about Mary Quist are lies. She tweeted: \u201cWhen something gets under his thin skin, he lashes out.\u201d"
    )
    assert quote(qs, "When something").speaker == "Ann Lee"


def test_subject_with_an_adverb_before_its_verb():
    qs = quotes_of(
        "At a rally in Ohio, 62-year-old Brenda Olsen also railed against the plan. \u201cThey should speak "
        "English in public,\u201d she said. \u201cIt is fine if they want to speak their own language at home.\u201d"
    )
    assert quote(qs, "It is fine").speaker == "Brenda Olsen"


def test_he_after_according_to_a_description_is_that_description():
    qs = quotes_of(
        "The novelist Dan Reese claims the story was covered up. The Bishop of Durham called the novel a thriller.",
        "A great deal of evidence proves the old account true, according to the Bishop. \u201cThe evidence for the "
        "old account is astonishingly good,\u201d he said.",
    )
    q = quote(qs, "The evidence")
    assert q.speaker != "Dan Reese" and q.speaker_role == "the Bishop"

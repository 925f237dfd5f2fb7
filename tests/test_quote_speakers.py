"""Speaker rules of issue 16 (quotes and speakers), on sentences written for these tests."""

from __future__ import annotations

import pytest

from briefgen.analysis.quotes import find_quotes
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


def test_joint_subject_names_both_speakers():
    qs = quotes_of("\u201cWe will appeal the ruling,\u201d Anna Berg and Tomas Lind said in a statement.")
    assert quote(qs, "We will appeal").speaker == "Anna Berg and Tomas Lind"


def test_joint_subject_resolves_each_surname_to_its_full_name():
    qs = quotes_of(
        "Anna Berg and Tomas Lind run the harbour union together.",
        "\u201cNobody here wants a strike,\u201d Berg and Lind said on Monday.",
    )
    assert quote(qs, "Nobody here").speaker == "Anna Berg and Tomas Lind"


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


def test_name_before_an_appositive_that_ends_in_a_place():
    qs = quotes_of(
        "\u201cThe silt moves every winter,\u201d Ola Hansen, professor of geology at the University of "
        "Minnesota, Duluth said."
    )
    assert quote(qs, "The silt").speaker == "Ola Hansen"


def test_company_ending_an_appositive_is_not_a_person():
    qs = quotes_of(
        "\u201cRates will stay high,\u201d Karl Moss, an analyst at North Point Research & Trading, wrote in a note.",
        "Moss has covered the port for a decade. In addition, he suggested, \u201cthe port will need a second loan before the summer is out.\u201d",
    )
    assert quote(qs, "the port will need").speaker == "Karl Moss"


def test_name_after_a_possessive_place_is_the_person():
    qs = quotes_of(
        "Valdoria's Anders Vik shook off a cold to win the sprint in Leipzig. Vik clocked 6.56 seconds.",
        "\u201cI felt strong in the last 20 metres,\u201d he said.",
    )
    assert quote(qs, "I felt strong").speaker == "Anders Vik"


def test_headline_word_written_in_lower_case_is_not_part_of_a_name():
    qs = quotes_of(
        "Off-colour Vik storms to win",
        "Anders Vik felt off-colour all week but still won. \u201cThere is more in the tank,\u201d he said.",
    )
    assert quote(qs, "There is more").speaker == "Anders Vik"


def test_plural_description_is_not_resolved_to_one_person():
    qs = quotes_of(
        "Judge Mara Quist chaired the panel, which gave the prize to Dark Harbour.",
        "\u201cA brave and funny book, and a worthy winner,\u201d wrote the judges.",
    )
    q = quote(qs, "A brave")
    assert (q.speaker, q.speaker_role) == (None, "the judges")


def test_she_never_goes_to_a_man_named_by_first_name():
    qs = quotes_of(
        "\u201cWe hit him hard on the economy all summer,\u201d said Kenneth Ruiz, a former official.",
        "\u201cWhy won\u2019t he release his tax returns? There may be reasons,\u201d she said.",
    )
    assert quote(qs, "Why won").speaker != "Kenneth Ruiz"


def test_first_name_used_by_both_sexes_does_not_block_he():
    qs = quotes_of(
        "Kim Sorensen will race in Oslo, where Sorensen won in 2003. \u201cI am ready,\u201d he said."
    )
    assert quote(qs, "I am ready").speaker == "Kim Sorensen"


def test_nationality_words_do_not_make_a_person():
    qs = quotes_of(
        "Kim Sorensen will race in Oslo. The island sprinter joins British Olympic relay champions in the "
        "field. Sorensen won there in 2003. \u201cI am looking forward to it,\u201d he said."
    )
    assert quote(qs, "I am looking").speaker == "Kim Sorensen"


def test_whose_clause_listing_titles_is_not_the_subject():
    qs = quotes_of(
        "The veteran actor, whose films include Dark Harbour, Sea Glass and Star Road: The Return, said: "
        "\u201cThe theatre gave me my start and I owe it everything.\u201d"
    )
    q = quote(qs, "The theatre")
    assert q.speaker is None and q.speaker_role == "The veteran actor"


def test_quote_paragraph_continues_the_subject_of_the_paragraph_before_it():
    # The previous paragraph's subject is quoted next, although it only scare-quotes a word and another
    # person was the last one quoted.
    qs = quotes_of(
        "\u201cWe will not cut pensions this year,\u201d Finance Minister Petra Halvorsen said.",
        "Union leader Tomas Brandt called the offer \u201cexcessive\u201d and walked out.",
        "\u201cNobody trusts a promise made at midnight in an empty room.\u201d",
    )
    assert quote(qs, "Nobody trusts").speaker == "Tomas Brandt"


def test_she_opening_the_next_sentence_gives_the_subject_her_gender():
    qs = quotes_of(
        "\u201cWe will fight this all year,\u201d said Tomas Brandt.",
        "On Monday, Sen. Halvorsen leaned in hard. She started with pensions and ended with the docks.",
        "\u201cWhy won\u2019t they listen to the members?\u201d she said.",
    )
    assert quote(qs, "Why won").speaker == "Halvorsen"


def test_quote_continuing_an_unresolved_speaker_is_not_given_to_an_earlier_one():
    qs = quotes_of(
        "\u201cWe will fight this all year,\u201d said Peter Brandt.",
        "The talks resumed on Friday in the port offices.",
        "\u201cWhy won\u2019t they listen to the members?\u201d she said. \u201cNobody here wants a strike.\u201d",
    )
    assert quote(qs, "Nobody here").speaker is None


def test_office_with_its_place_needs_both_to_fit():
    qs = quotes_of(
        "The plaque was unveiled by Prime Minister Ola Berg and Harbour Mayor Ines Okafor on Monday.",
        "Each name stands for \u201ca life, a family and a loss that will not fade\u201d according to the "
        "Minister for Harbours.",
    )
    q = quote(qs, "a life")
    assert (q.speaker, q.speaker_role) == (None, "the Minister for Harbours")


def test_the_president_is_not_the_vice_president():
    qs = quotes_of(
        "President Ann Lee opened the museum with Vice President Karl Moss on Saturday.",
        "It was, the president said, \u201ca place where every visitor can see the whole of our history.\u201d",
    )
    assert quote(qs, "a place where").speaker != "Karl Moss"


def test_the_with_one_capitalised_word_is_a_description():
    got = parse_speaker("the Bishop")
    assert got is not None and got.name is None and got.role == "the Bishop"


def test_trailing_form_of_address_is_dropped_from_a_role():
    assert real_role("police commissioner Sir") == "police commissioner"


def test_relative_clause_without_a_space_after_its_comma():
    qs = quotes_of(
        "Quoted by the radio, Saba Lind, the daughter of Ola Lind,who died in the fire, said: "
        "\u201cThe families want answers and they want them this year.\u201d"
    )
    assert quote(qs, "The families").speaker == "Saba Lind"


def test_cue_of_the_next_sentence_does_not_attribute_a_scare_quote():
    qs = quotes_of(
        "Some survivors have been angered by the offer of a \u201cnarrative\u201d. Writing on her blog, "
        "Ms North says:",
        "\u201cWe run the risks on the trains every day and we want an inquiry.\u201d",
    )
    assert quote(qs, "narrative").kind == "phrase"
    assert quote(qs, "We run").speaker_role == "Ms North" or quote(qs, "We run").speaker == "North"


def test_round_up_lines_name_who_says_each_quote():
    qs = quotes_of(
        "What the papers said on Monday:",
        '* AP - "The confirmed death toll passed 1,200, and five thousand people were homeless."',
        'Jane Doe, The Harbour Times: "The plan will fail before the winter is out."',
        'Reuters: "The port was closed on Monday after the strike began."',
        'Tomas Brandt (union leader): "We will not go back to work this week."',
    )
    assert (quote(qs, "The confirmed").speaker, quote(qs, "The confirmed").speaker_role) == (None, "AP")
    assert (quote(qs, "The plan").speaker, quote(qs, "The plan").speaker_role) == (
        "Jane Doe",
        "The Harbour Times",
    )
    assert (quote(qs, "The port").speaker, quote(qs, "The port").speaker_role) == (None, "Reuters")
    assert (quote(qs, "We will not").speaker, quote(qs, "We will not").speaker_role) == (
        "Tomas Brandt",
        "union leader",
    )


def test_sentence_ending_in_a_colon_is_not_a_round_up_label():
    qs = quotes_of("The harbour minister told reporters on the quay: \u201cWe will reopen the port.\u201d")
    assert quote(qs, "We will reopen").speaker_role == "The harbour minister"


def test_comment_signed_with_a_quoted_name():
    qs = quotes_of(
        "Ms North collected the comments of other survivors on her blog.",
        '"We run the risks every day on the trains and the buses." - "Fiona"',
    )
    assert quote(qs, "We run").speaker == "Fiona"
    assert quote(qs, "Fiona").kind == "phrase"


def test_named_transcript_turns_are_their_speakers_statements():
    qs = quotes_of(
        "The governor was asked about the strike on the Sunday programme.",
        "ANN LEE: Do you think the port will reopen before the winter?",
        "HALVORSEN: I think it will, and the unions know that we have a deal on pensions.",
        "Governor Petra Halvorsen later repeated the point.",
    )
    turn = quote(qs, "I think it will")
    assert (turn.speaker, turn.kind, turn.flags) == ("Petra Halvorsen", "statement", ("transcript",))
    assert quote(qs, "Do you think").speaker == "Ann Lee"


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


def test_shared_surname_means_the_person_named_last():
    qs = quotes_of(
        "Libertarian candidate Gary Johnson spoke in Denver on Thursday.",
        "Homeland Security Secretary Jeh Johnson says hackers are targeting election offices. Johnson said "
        "officials should ask for help. With thousands of counting systems, \u201cthere is no one single point "
        "of failure,\u201d he said.",
    )
    assert quote(qs, "there is no one").speaker == "Jeh Johnson"


def test_name_in_a_reported_clause_is_not_the_topic():
    qs = quotes_of(
        "British jumper Ashia Hansen is out for the year. Her coach Aston Moore told reporters: \u201cWe are not "
        "looking at any date this year.\u201d Moore said Hansen may return to sprinting sooner. \u201cThere was a "
        "problem with the wound, but that has been solved,\u201d he said. Moore said he is confident Hansen can "
        "make it back. \u201cIt has been a frustrating time for her,\u201d he added."
    )
    assert quote(qs, "There was a problem").speaker == "Aston Moore"
    assert quote(qs, "It has been").speaker == "Aston Moore"


def test_role_words_between_two_names_do_not_demote_the_speaker():
    qs = quotes_of(
        "But Harbour campaign chairman Paul Moss said the appeal would reach every voter. \u201cWe think the "
        "message will resonate with every community,\u201d he said."
    )
    assert quote(qs, "We think").speaker == "Paul Moss"


def test_full_name_whose_first_name_also_stands_alone_still_counts():
    qs = quotes_of(
        "Hillary was in Ohio, where Mrs. Clinton spoke. Jennifer Palmieri said Clinton will answer the attacks.",
        "Hillary Clinton is describing the tweet as unhinged. She says his temper is a danger.",
        "Her campaign answered in a series of tweets. She tweeted: \u201cWhen something gets under his thin "
        "skin, he lashes out.\u201d",
    )
    assert quote(qs, "When something").speaker == "Clinton"


def test_speaker_named_only_once_is_continued_by_the_next_pronoun():
    qs = quotes_of(
        "The change has not yet become a talking point for Hillary Clinton or Tom Ruiz.",
        "''The same plank in both platforms means a tougher line on the banks,'' Elaine C. Kamarck, a senior "
        "fellow at a research institute, wrote in an analysis.",
        "''To date,'' she continued, ''there has not been much interest in this in Congress.''",
    )
    assert quote(qs, "The same plank").speaker == "Elaine C. Kamarck"
    assert quote(qs, "there has not").speaker == "Elaine C. Kamarck"


def test_the_younger_namesake_is_not_the_person_named_in_full():
    qs = quotes_of(
        "Tom Ruiz spoke last on Thursday.",
        "\u201cIt is not a campaign anymore, it is a movement,\u201d said the younger Mr. Ruiz, surrounded by his "
        "sisters.",
    )
    q = quote(qs, "It is not")
    assert (q.speaker, q.speaker_role) == ("Ruiz", "the younger")


@pytest.mark.parametrize("phrase", ["The new", "Zapad 2025 in September) bea", "the former"])
def test_cut_off_phrase_is_no_speaker(phrase):
    assert parse_speaker(phrase) is None


def test_sentence_glued_to_a_closing_mark_is_its_own_sentence():
    qs = quotes_of(
        "\u201cThe best taco bowls are made in my tower. I love the harbour!\u201dFormer presidential candidate "
        "Ann Berg explained what was wrong to a Dutch paper: \u201cWhat he did was insensitive and insulting.\u201d"
    )
    assert quote(qs, "What he did").speaker == "Ann Berg"


def test_a_ministry_is_a_body_not_its_minister():
    qs = quotes_of(
        "Finance Minister Petra Halvorsen met the unions on Monday.",
        "The ministry called the strike \u201cunlawful\u201d and the pickets \u201ca provocation.\u201d",
    )
    assert quote(qs, "unlawful").speaker is None


@pytest.mark.parametrize("phrase", ["Both", "Afterwards", "Meanwhile"])
def test_sentence_opening_adverb_is_no_speaker(phrase):
    assert parse_speaker(phrase) is None


def test_afterwards_he_said_keeps_the_pronoun_reading():
    qs = quotes_of(
        "Michael Moss won the stage in the mountains. Afterwards he said: \u201cI thought I had a fair chance.\u201d"
    )
    assert quote(qs, "I thought").speaker == "Michael Moss"


def test_role_of_an_organisation_is_not_a_person_named_for_it():
    got = parse_speaker("president of Union Cycliste Internationale")
    assert got is not None and got.name is None and got.role == "president of Union Cycliste Internationale"


def test_role_holding_a_pronoun_is_dropped():
    assert real_role("Both he") is None


def test_name_with_an_accented_capital_after_a_long_role():
    qs = quotes_of(
        "\u201cTheir care for the old town is a lesson to all of us,\u201d said the executive clerk of the "
        "National Monuments Council, Óscar Acuña, who thanked the volunteers."
    )
    assert quote(qs, "Their care").speaker == "Óscar Acuña"

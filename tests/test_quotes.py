"""Tests for quote finding and speaker attribution (briefgen.analysis.quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from fixture_project import SEEDS

from briefgen.analysis.quotes import find_quotes
from briefgen.model import Paragraph, Quote, Source

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "quotes" / "newsroom.yaml"


def make_source(*paragraphs: str, source_id: str = "s") -> Source:
    """Return a Source whose paragraphs are the given strings."""
    return Source(
        id=source_id, path=source_id, paragraphs=tuple(Paragraph(i + 1, p) for i, p in enumerate(paragraphs))
    )


def seed(prefix: str) -> Source:
    """Return a seed file as a Source of its non-blank lines."""
    path = next(SEEDS.glob(prefix + "_*.txt"))
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return make_source(*lines, source_id=prefix)


def by_text(quotes: tuple[Quote, ...], start: str) -> Quote:
    """Return the quote whose text starts with ``start``."""
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


# --- the hand-written fixture: figures over all expected quotes ---


def test_fixture_figures():
    spec = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    quotes = find_quotes(make_source(*spec["paragraphs"]))
    expected = spec["expected"]
    found = kinds = speakers = 0
    for exp in expected:
        match = [q for q in quotes if q.cite.paragraph == exp["paragraph"] and q.text == exp["text"]]
        if not match:
            continue
        found += 1
        q = match[0]
        kinds += q.kind == exp["kind"]
        speakers += q.speaker == exp["speaker"] and q.speaker_role == exp.get("speaker_role", q.speaker_role)
        assert tuple(exp.get("flags", ())) == q.flags
    assert found == len(expected)
    assert kinds == len(expected)
    assert speakers >= 0.9 * len(expected)
    # Nothing beyond the expected quotes: the apostrophes in paragraph 9 are not quotes.
    assert len(quotes) == len(expected)


def test_offsets_are_verbatim_everywhere():
    spec = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    source = make_source(*spec["paragraphs"])
    for q in find_quotes(source):
        assert source.paragraph(q.cite.paragraph).text[q.start : q.end] == q.text


# --- seed tricky cases ---


def test_seed_quote_lines_with_dash_names_and_roles():
    quotes = find_quotes(seed("000"))
    assert by_text(quotes, "It is hard to imagine").speaker == "Viktor Khrenin"
    assert by_text(quotes, "Dictators don’t like").speaker == "Artyom Shraibman"
    diplomat = by_text(quotes, "After five years of isolation")
    assert (diplomat.speaker, diplomat.speaker_role) == (None, "EU diplomat")
    assert diplomat.text.endswith("repression has not stopped.")  # two sentences in one quote


def test_seed_missing_opening_mark():
    q = by_text(find_quotes(seed("000")), "Russian drones")
    assert q.flags == ("missing-opening-mark",)
    assert q.text.endswith("Belarusian forces,")
    assert (q.speaker, q.cue, q.kind) == ("Alexander Lukashenko", "stated", "statement")


def test_seed_nested_single_quote_stays_inside():
    quotes = find_quotes(seed("000"))
    q = by_text(quotes, "People who hadn’t dared")
    assert "‘president’" in q.text
    assert not any(x.text == "president" for x in quotes)


def test_seed_every_statement_found_with_speakers():
    quotes = [q for q in find_quotes(seed("000")) if q.kind == "statement"]
    assert len(quotes) == 8
    right = sum(q.speaker is not None or q.speaker_role is not None for q in quotes)
    assert right / len(quotes) >= 0.9


def test_seed_scare_quotes_are_phrases():
    quotes = find_quotes(seed("003"))
    for start in ("co-aggression", "a co-aggressor", "compatriots", "gift,", "strange", "Global South,"):
        assert by_text(quotes, start).kind == "phrase"
    assert not [q for q in quotes if q.kind == "statement"]
    assert by_text(quotes, "compatriots").speaker is None


def test_seed_told_journalist_is_not_the_speaker():
    quotes = find_quotes(seed("003"))
    assert all(q.speaker != "Simon Shuster" for q in quotes)
    assert by_text(quotes, "a co-aggressor").speaker == "Alexander Lukashenko"


def test_seed_phrase_speaker_from_cue():
    quotes = find_quotes(seed("004"))
    begging = by_text(quotes, "begging")
    assert (begging.kind, begging.speaker, begging.cue) == ("phrase", "Alexander Lukashenko", "insists")
    assert by_text(quotes, "several steps").speaker == "Alexander Lukashenko"


# --- unit cases ---


def test_apostrophes_are_not_quotes():
    source = make_source("Belarus’s leaders don’t agree, and Belarus’ favour is fading in the voters’ eyes.")
    assert find_quotes(source) == ()


def test_unclosed_mark_is_capped_at_its_paragraph():
    source = make_source("He said “this never ends and goes on", "A second paragraph with “a phrase” only.")
    quotes = find_quotes(source)
    first = by_text(quotes, "this never ends")
    assert first.flags == ("unclosed",) and first.cite.paragraph == 1
    assert by_text(quotes, "a phrase").cite.paragraph == 2


def test_straight_and_single_marks():
    source = make_source(
        'Maria Lopez, the committee chair, said: "We will vote next week."',
        "'It is settled,' Lopez added.",
    )
    quotes = find_quotes(source)
    assert by_text(quotes, "We will vote").speaker == "Maria Lopez"
    assert by_text(quotes, "It is settled,").speaker == "Maria Lopez"


def test_description_resolves_to_earlier_name():
    source = make_source(
        "Belarus President Alexander Lukashenko met envoys in Minsk on Monday.",
        "“We are open to talks,” the Belarusian leader said.",
    )
    q = find_quotes(source)[0]
    assert (q.speaker, q.speaker_role) == ("Alexander Lukashenko", None)


def test_pronoun_prefers_matching_gender():
    source = make_source(
        "Hillary Clinton spoke after Bernie Sanders in Iowa.",
        "“We are going to win this state,” she said.",
    )
    assert find_quotes(source)[0].speaker == "Hillary Clinton"


def test_continuation_paragraph_keeps_speaker():
    source = make_source(
        "“We are ready,” said Governor Anna Berg.", "“And we will not wait for Washington to act.”"
    )
    quotes = find_quotes(source)
    assert quotes[1].speaker == "Anna Berg" and quotes[1].kind == "statement"


@pytest.mark.parametrize("n", [200])
def test_many_unbalanced_marks_do_not_merge_paragraphs(n):
    source = make_source(*["Stray “mark here and nothing after" for _ in range(n)])
    quotes = find_quotes(source)
    assert len(quotes) == n
    assert all(q.text == "mark here and nothing after" for q in quotes)


# --- attribution patterns added for PolNeAR-style news copy (sentences written for these tests) ---


def test_name_after_lower_case_role_words_and_party_tag():
    source = make_source(
        "“The vote was never in doubt,” said former city adviser Maria Lopez.",
        "“We will appeal,” Rep. Tom Baker (D-Ohio) said Friday.",
    )
    quotes = find_quotes(source)
    assert by_text(quotes, "The vote").speaker == "Maria Lopez"
    assert by_text(quotes, "We will appeal").speaker == "Tom Baker"


def test_evaluative_verb_gives_speaker_but_keeps_phrase():
    source = make_source(
        "In March, Senator Ann Reyes blasted the agency for its “reckless spending” on travel."
    )
    q = find_quotes(source)[0]
    assert (q.kind, q.speaker, q.cue) == ("phrase", "Ann Reyes", "blasted")


def test_author_scare_quote_without_cue_stays_speakerless():
    source = make_source("Ann Reyes arrived late. The so-called “reform” package stalled in committee again.")
    q = find_quotes(source)[0]
    assert (q.kind, q.speaker, q.speaker_role) == ("phrase", None, None)


def test_attribution_closing_the_sentence():
    source = make_source(
        "“Nobody expected a recount” in a county this size, said election clerk Joan Whitfield."
    )
    assert find_quotes(source)[0].speaker == "Joan Whitfield"


def test_next_sentence_quote_keeps_the_speaker_and_next_cue_is_not_taken():
    source = make_source(
        "“It’s expensive,” Mayor Dan Ortiz said. “Very.”",
        "The plan was “dead on arrival.” Governor Lisa Chen insisted that the state “will not pay.”",
    )
    quotes = find_quotes(source)
    assert by_text(quotes, "Very.").speaker == "Dan Ortiz"
    assert by_text(quotes, "dead on arrival.").speaker is None
    assert by_text(quotes, "will not pay.").speaker == "Lisa Chen"


def test_colon_intro_and_horizontal_bar_dash():
    source = make_source(
        "Pollsters disagree - Karl Mertens: “The error was in the turnout model, not the sample.”",
        "“I voted for change and got more of the same.” \u2015 Rosa Delgado",
    )
    quotes = find_quotes(source)
    assert by_text(quotes, "The error").speaker == "Karl Mertens"
    assert by_text(quotes, "I voted").speaker == "Rosa Delgado"


def test_coordinated_verb_and_pronoun_inside_clause():
    source = make_source(
        "Governor Lisa Chen toured the site and said the repairs were “far behind schedule.”",
        "Minister Omar Haddad condemned what he called a “brazen violation” of the accord.",
    )
    quotes = find_quotes(source)
    assert by_text(quotes, "far behind").speaker == "Lisa Chen"
    assert by_text(quotes, "brazen").speaker == "Omar Haddad"


def test_pronoun_goes_to_the_salient_subject_not_the_nearest_name():
    source = make_source(
        "Mr. Halden dismissed the criticism as the voice of Mr. Varga's client, a shipping firm.",
        "“I respect Peter, but he is wrong about the port,” he said.",
        "Senator Mara Quist said she would vote against the plan. Her rival, Tom Brisk, disagreed.",
        "“It will pass,” she said.",
    )
    quotes = find_quotes(source)
    assert by_text(quotes, "I respect Peter").speaker == "Halden"
    assert by_text(quotes, "It will pass").speaker == "Mara Quist"


def test_quote_paragraph_continues_the_previous_paragraph_subject():
    source = make_source(
        "Dana Whitlock praised the mayor's handling of the flood and his ability to work with both parties.",
        "“We need someone who can bring people together and get things done.”",
    )
    assert find_quotes(source)[0].speaker == "Dana Whitlock"


def test_phrase_in_a_named_subject_sentence_and_titles_stay_speakerless():
    source = make_source(
        "Governor Lisa Chen has long pushed her promise of “free transit” for students.",
        "Chen appeared on the show “Morning Roundup” on Friday.",
    )
    quotes = find_quotes(source)
    assert by_text(quotes, "free transit").speaker == "Lisa Chen"
    assert by_text(quotes, "Morning Roundup").speaker is None


def test_subject_phrase_overrunning_into_a_clause_keeps_the_known_person():
    source = make_source(
        "Governor Lisa Chen spoke in Dover on Monday.",
        "Chen says the budget deal struck overnight was “a win for every family.”",
    )
    assert by_text(find_quotes(source), "a win").speaker == "Lisa Chen"


def test_any_verb_next_to_the_quote_attributes_it():
    source = make_source(
        "“This is a great night for the county!” beamed delegate Ann Lavelle of Kerrville.",
        "“Go back to your seat,” Senator Ray Dunmore barked during the hearing.",
        "In a surprise “gesture,” Dunmore released the transcripts on Friday.",
        "“I have nothing to hide,” Lavelle admitted.",
    )
    quotes = find_quotes(source)
    assert (by_text(quotes, "This is").speaker, by_text(quotes, "This is").cue) == ("Ann Lavelle", "beamed")
    assert by_text(quotes, "Go back").speaker == "Ray Dunmore"
    assert by_text(quotes, "gesture").kind == "phrase"  # "Dunmore released the transcripts": an action
    assert by_text(quotes, "I have").cue == "admitted"


def test_subject_of_any_verb_owns_quotes_in_its_sentence():
    source = make_source(
        "Senator Mara Quist toured the harbour on Monday.",
        "The Kerrville senator likes to call the plan a “lifeline” for fishermen.",
        "The port authority's new ad targets a “rigged permit system that favours insiders.”",
        "The so-called “reform” package stalled again.",
    )
    quotes = find_quotes(source)
    assert by_text(quotes, "lifeline").speaker == "Mara Quist"
    assert by_text(quotes, "rigged").speaker_role == "The port authority's new ad"
    assert (by_text(quotes, "reform").speaker, by_text(quotes, "reform").speaker_role) == (None, None)


def test_paragraph_ending_with_a_colon_introduces_the_next_quote():
    source = make_source(
        "When the strike ended, Governor Lisa Chen released the following statement:",
        "“Every family in this state deserves a port that works.”",
    )
    assert find_quotes(source)[0].speaker == "Lisa Chen"


def test_verb_subject_after_a_dated_intro_and_a_progressive_verb():
    source = make_source(
        "On July 6, 2015, Governor Lisa Chen made the following comment: “The port stays open.”",
        "Mayor Dan Ortiz is rolling out a new slogan: “Open for business.”",
    )
    quotes = find_quotes(source)
    assert by_text(quotes, "The port").speaker == "Lisa Chen"
    assert by_text(quotes, "Open for").speaker == "Dan Ortiz"


def test_capitalised_clause_words_inside_names():
    src = make_source(
        "“Budgets are tight this year,” said Will Pardo, a professor of finance at Marlow College.",
        "“We checked twice,” Morning Desk co-host Lena Voss said.",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "Budgets").speaker == "Will Pardo"
    assert by_text(quotes, "We checked").speaker == "Lena Voss"


def test_dateline_is_not_the_speaker():
    src = make_source(
        "BRANTFORD, May 3 (XNA) — Councillor Ida Morrow attacked the plan, saying it was “a gift to "
        "developers that the town will regret.”",
    )
    assert by_text(find_quotes(src), "a gift").speaker == "Ida Morrow"


def test_participle_after_quote_names_the_addressee():
    src = make_source(
        "Mayor Tom Reyes hailed the vote as “a turning point for the whole valley,” telling reporters he "
        "expected more to come.",
    )
    q = by_text(find_quotes(src), "a turning point")
    assert q.speaker == "Tom Reyes"


def test_inserts_and_relative_clauses_between_subject_and_verb():
    src = make_source(
        "The Harbour Authority less than two weeks ago said that “serious” flaws had been found.",
        "Senator Ana Kell, who has led the inquiry since March, named “Project Lantern” and “the audit” as causes.",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "serious").speaker_role == "The Harbour Authority"
    assert by_text(quotes, "the audit").speaker == "Ana Kell"


def test_determiner_subject_keeps_its_head_and_resolves():
    src = make_source(
        "President Maria Olsen defended the new rules on Tuesday.",
        "The president noted that she had drafted the first version, and added: “I know this law well.”",
    )
    assert by_text(find_quotes(src), "I know").speaker == "Maria Olsen"


def test_dash_line_in_next_paragraph_names_the_speaker():
    src = make_source(
        "Fact-checks of the week follow.",
        "“Our schools have lost four thousand teachers since the last budget.”",
        "- Maria Delgado, Riverside.",
        "The figure counts retirements as well as layoffs.",
    )
    q = by_text(find_quotes(src), "Our schools")
    assert q.kind == "statement"
    assert q.speaker == "Maria Delgado"


def test_unnamed_groups_and_shares_as_subjects():
    src = make_source(
        "The bill passed the upper house on Monday; one lawmaker called it “a victory for common sense.”",
        "That is why critics say the agency has been “hollowed out” by the cuts.",
        "Asked about the plan, 40 percent said “not very likely” in the survey.",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "a victory").speaker_role == "one lawmaker"
    assert by_text(quotes, "hollowed out").speaker_role == "critics"
    assert by_text(quotes, "not very likely").speaker_role == "40 percent"


def test_transcript_as_follows_keeps_the_document_as_role():
    src = make_source(
        "The governor spoke to supporters late on Tuesday. Partial transcript as follows:",
        "“We came here with a plan and we are leaving with a majority in both chambers.”",
    )
    assert by_text(find_quotes(src), "We came").speaker_role == "Partial transcript"


def test_long_introductory_phrase_is_skipped_before_the_subject():
    src = make_source(
        "In response to the ministry's plan to close three rural clinics by the end of the year, "
        "Mayor Petra Novak rallied residents, saying: “We will keep these doors open.”"
    )
    assert by_text(find_quotes(src), "We will keep").speaker == "Petra Novak"


def test_description_subject_stops_at_its_verb():
    src = make_source(
        "The spokesman declined to name a date but said talks would go on, adding: “We will keep talking.”",
        "The retired judge has given no reason for leaving, saying only that he was “ready for a quiet life.”",
        "Opening the session, the former minister of finance talked about the “painful years of austerity” ahead.",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "We will keep").speaker_role == "The spokesman"
    assert by_text(quotes, "ready for").speaker_role == "The retired judge"
    assert by_text(quotes, "painful years").speaker_role == "the former minister of finance"


def test_phrase_takes_the_subject_of_its_own_clause():
    src = make_source(
        "It is odd that Mayor Ruth Keane would denounce “congestion pricing,” which she once backed.",
        "Stunned by the verdict, Okafor believes in courts that “listen to both sides.”",
        "The senator likes “The Night Shift,” while the former governor loves “Harbour Lights.”",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "congestion").speaker == "Ruth Keane"
    assert by_text(quotes, "listen to").speaker == "Okafor"
    assert by_text(quotes, "The Night Shift").speaker_role == "The senator"
    assert by_text(quotes, "Harbour Lights").speaker_role == "the former governor"


def test_age_description_resolves_to_the_person_of_that_age():
    src = make_source(
        "Maria Alves, 46, took the stage on Monday night. Her husband watched from the front row.",
        "“He has always been a fighter,” said the 46-year-old. “Now he will fight for you.”",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "He has always").speaker == "Maria Alves"
    assert by_text(quotes, "Now he will").speaker == "Maria Alves"


def test_sentence_final_quote_keeps_the_cue_before_it():
    src = make_source(
        "Mayor Ana Ruiz called the council’s vote “reckless and short-sighted.” Tom Baker, a local "
        "business owner, warned on Friday that rents would rise.",
        "Okafor went after Lund over the budget, calling it “a fantasy” and asserting that the deficit "
        "would reach “twice the official figure.”",
        "The lawsuit, which was filed in federal court in Ohio, alleged that the county “ignored every warning.”",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "reckless").speaker == "Ana Ruiz"
    assert by_text(quotes, "twice the").speaker == "Okafor"
    assert by_text(quotes, "ignored every").speaker_role == "The lawsuit"


def test_passive_asked_by_gives_the_questioner():
    src = make_source(
        "Okafor was asked by host Dana Reyes, who has covered him for years, “Will you run again next spring?”"
    )
    q = by_text(find_quotes(src), "Will you run")
    assert q.speaker == "Dana Reyes"
    assert q.speaker_role == "host"


def test_transcript_turn_speaks_its_inner_quotes():
    src = make_source(
        "Governor Lena Marsh joined the program on Sunday.",
        "MARSH: Well, my opponent thinks this is a game of “musical chairs.” It is not.",
    )
    assert by_text(find_quotes(src), "musical chairs").speaker == "Lena Marsh"


def test_description_matches_title_abbreviations_and_middle_initials():
    src = make_source(
        "Sen. Nora Vance and Gov. Peter K. Hale toured the flooded county on Tuesday.",
        "“We will rebuild every bridge,” the Ohio senator said.",
        "Senate Majority Leader Tom R. Ashby met them later. “The money is there,” the governor said.",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "We will rebuild").speaker == "Nora Vance"
    assert by_text(quotes, "The money is").speaker == "Peter K. Hale"


def test_description_needs_its_head_or_two_shared_words():
    src = make_source(
        "Sen. Nora Vance spoke first at the hearing on Tuesday.",
        "“This bill is dead,” the Senate minority leader said.",
    )
    q = by_text(find_quotes(src), "This bill")
    assert (q.speaker, q.speaker_role) == (None, "the Senate minority leader")


def test_inverted_cue_opening_the_sentence_names_the_speaker():
    src = make_source(
        "Neighbours gathered outside the old gym on Sunday. Said Rosa Delgado, who coached there for "
        "decades, “This place raised half the town.”",
        "Councillor Ivan Petrov spoke to the station on Monday. Stated Petrov:",
        "“The budget cannot carry another stadium.”",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "This place").speaker == "Rosa Delgado"
    assert by_text(quotes, "The budget").speaker == "Ivan Petrov"


def test_colon_introductions_without_a_verb():
    src = make_source(
        "The audit found gaps in every district. From the report: “Records were kept on paper and lost.”",
        "Mayor Ana Ruiz has said so for years. Here’s Ruiz in 2019: “Nobody checks the ledgers.”",
        "Council members answered on Friday. From Okafor’s statement: “We welcome the audit.”",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "Records were").speaker_role == "the report"
    assert by_text(quotes, "Nobody checks").speaker == "Ana Ruiz"
    assert by_text(quotes, "We welcome").speaker == "Okafor"


def test_clause_ending_in_a_colon_outranks_an_earlier_cue():
    src = make_source(
        "When Okafor suggested that the port would close for a year, Ana Ruiz fired back sharply: "
        "“Nobody in this city will accept that.”",
    )
    assert by_text(find_quotes(src), "Nobody in").speaker == "Ana Ruiz"


def test_words_after_a_quote_that_run_on_are_not_its_attribution():
    src = make_source(
        "Mayor Ana Ruiz called the plan “a gift to developers” — essentially the charge her rival made.",
        "Ruiz said the budget “will be settled by June,” referring to the state’s fiscal year.",
        "Ruiz said, “Not today,” repeatedly, before she stopped responding to reporters.",
        "“Our harbour is [closing] for good” the end of an era, Carlos Okafor says.",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "a gift").speaker == "Ana Ruiz"
    assert by_text(quotes, "will be settled").speaker == "Ana Ruiz"
    assert by_text(quotes, "Not today").speaker == "Ana Ruiz"
    assert by_text(quotes, "Our harbour").speaker == "Carlos Okafor"


def test_cue_introducing_a_quote_outranks_a_later_cue_in_the_sentence():
    src = make_source(
        "Although Ana Ruiz says that the council “misread the survey” of voters in Dayton, Ohio, others "
        "argue that the survey itself was flawed.",
        "Here in Dayton, Carlos Okafor stepped up his criticism, saying, “The council has no plan.”",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "misread").speaker == "Ana Ruiz"
    assert by_text(quotes, "The council has").speaker == "Carlos Okafor"  # "Here in Dayton," is no subject


def test_subject_after_a_quote_with_appositive_commas():
    src = make_source(
        "“The money will come back,” Rep. Ana Ruiz’s chief of staff, Omar Haddad, told reporters.",
        "“We are ready,” Lina Park, the party’s spokeswoman said in a statement.",
        "“Governor, let me help you out - the answer is no,” the Republican nominee riffed on the "
        "governor’s silence, drawing applause.",
        "Tom Reyes said he hopes the bill will be “the best of both worlds,” giving towns more power.",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "The money").speaker == "Omar Haddad"
    assert by_text(quotes, "We are ready").speaker == "Lina Park"
    assert by_text(quotes, "Governor, let").speaker_role == "the Republican nominee"
    assert by_text(quotes, "the best of").speaker == "Tom Reyes"


def test_quote_in_an_opening_subordinate_clause_keeps_its_cue():
    src = make_source(
        "While Ana Ruiz calls the plan “a fair deal for the city,” Omar Haddad dwells on its cost.",
        "But as Ruiz thanked the crowd for “standing with the workers,” many in the hall stood up.",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "a fair deal").speaker == "Ana Ruiz"
    assert by_text(quotes, "standing with").speaker == "Ana Ruiz"


def test_owner_of_a_speech_noun_speaks_the_quote():
    src = make_source(
        "Fact-checkers looked at Ana Ruiz’s claim that there were “hundreds of closures” last year.",
        "Omar Haddad was asked about the strike. Haddad’s response was: “Ask the owners, not me.”",
        "Voters still talk about Lina Park’s “fair share” remark from the spring.",
        "The union issued a statement saying Ruiz’s comments “ignore the facts on the ground.”",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "hundreds of").speaker == "Ana Ruiz"
    assert by_text(quotes, "Ask the owners").speaker == "Omar Haddad"
    assert by_text(quotes, "fair share").speaker == "Lina Park"
    assert by_text(quotes, "ignore the facts").speaker != "Ana Ruiz"  # the statement's words


def test_quote_continued_after_an_interrupting_cue_or_a_connective():
    src = make_source(
        "“The county is far behind,” said a Democratic organiser, “and the primary was not decisive.”",
        "“He is meant to lead the city,” Ana Ruiz said. Instead, “he acts like a defeated man.”",
        "Voters chanted “Jobs,” “Homes,” and, yes, “Schools.”",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "and the primary").speaker_role == "a Democratic organiser"
    assert by_text(quotes, "he acts like").speaker == "Ana Ruiz"
    assert by_text(quotes, "Schools").speaker != "Ana Ruiz"


def test_a_name_followed_by_where_the_speaker_is_from_and_a_body_named_with_of():
    src = make_source(
        "Senator Ann Lee of Ohio said: “We will pass the bill.”",
        "Jane Doe of the University of Chicago said: “Prices will rise.”",
        "The Bank of England said: “Rates stay where they are.”",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "We will pass").speaker == "Ann Lee"
    assert by_text(quotes, "Prices will rise").speaker == "Jane Doe"
    rates = by_text(quotes, "Rates stay")
    assert rates.speaker is None and rates.speaker_role == "The Bank of England"


def test_a_headline_style_line_lends_no_verb_to_the_name():
    src = make_source(
        "Ann Lee spoke in Ohio on Monday about trade and jobs in the region.",
        "Ann Lee Praised “Open Markets” And “Fair Trade.” “But the trend lines are troubling,” she said.",
    )
    quotes = find_quotes(src)
    assert by_text(quotes, "But the trend lines").speaker == "Ann Lee"


_MARKS = (
    "''Two apostrophes'' and ``backticks'' stand for marks; a lone ' or ` does not, nor does ''' or ```.",
    '\u201cCurly,\u201d \u201eGerman\u201c and \u00abguillemets\u00bb, "straight" ones, don\u2019t and it\'s.',
)


def test_double_marks_are_those_of_the_plain_pattern() -> None:
    import re

    from briefgen.analysis.quotes.quotemarks import DOUBLE

    plain = re.compile(r"''|``|[\u201c\u201d\u201e\u00ab\u00bb\"]")
    for text in _MARKS:
        assert [m.span() for m in DOUBLE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_lower_case_words_are_looked_up_as_the_word_pattern_finds_them() -> None:
    from briefgen.analysis.quotes.speakers import _LOWER_WORD, _LowerWords

    texts = [
        "Yet Alexander met co-chair yet-again Smith, un\u00e9t\u00e9 mayor; the mayor's x_yet 3yet yet3 yet\u00e9.",
        "other Belarus Other\tpeople: ‘other’ and --other-- a b",
    ]
    found = {w for t in texts for w in _LOWER_WORD.findall(t)}
    lower = _LowerWords(texts)
    asked = {w for t in texts for w in t.replace("-", " ").split()} | {"", "a", "b", "yet", "other", "mayor"}
    for word in sorted(asked | {w.lower().strip(".,;:'‘’") for w in asked}):
        assert (word in lower) == (word in found), word
        assert (word in lower) == (word in found), word  # asked again: the kept answer

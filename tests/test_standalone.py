"""Eligibility of summary sentences: each reads correctly on its own, or is shown with its referent."""

from __future__ import annotations

import dataclasses

from factories import make_source

from briefgen.analysis.background import is_background
from briefgen.analysis.referents import full_name, given_names, name_surnames, unknown_subject
from briefgen.analysis.segment import split_sentences
from briefgen.analysis.standalone import (
    authors_lead_in,
    first_person,
    is_standalone,
    needs_context,
    not_prose,
    page_furniture,
    present_sentences,
    remove_insertions,
    strip_dateline,
    thin_insertions,
    unbalanced_quotes,
    verbatim_in,
)
from briefgen.model import Source


def shown(src: Source) -> list[str | None]:
    return list(present_sentences(split_sentences(src), src))


def test_a_leading_dateline_is_cut_and_what_is_left_is_still_in_the_paragraph() -> None:
    for line in (
        "OSLO, Norway, March 3 (Reuters) \u2014 Bergen's harbour authority closed the northern quay on Monday.",
        "BERGEN - Bergen's harbour authority closed the northern quay on Monday after a storm.",
        "Lisbon (AFP) \u2013 Bergen's harbour authority closed the northern quay on Monday after a storm.",
    ):
        cut = strip_dateline(line)
        assert cut.startswith("Bergen's harbour authority") and cut in line
    # No dateline, or too little left after it: unchanged.
    assert (
        strip_dateline("Bergen's harbour authority closed the quay.")
        == "Bergen's harbour authority closed the quay."
    )
    assert strip_dateline("OSLO \u2014 Quay shut.") == "OSLO \u2014 Quay shut."


def test_headline_and_deck_lines_above_a_dateline_never_stand_alone() -> None:
    src = make_source(
        "Storm closes the northern quay of the harbour for a week.",
        "Repairs to cost more than the port's yearly budget, officials say.",
        "BERGEN - Bergen's harbour authority closed the northern quay on Monday after a storm damaged its cranes.",
        title=None,
        date="2025-03-10",
    )
    out = shown(src)
    assert out[:2] == [None, None]
    assert (
        out[2]
        == "Bergen's harbour authority closed the northern quay on Monday after a storm damaged its cranes."
    )


def test_a_deck_in_headline_grammar_under_the_title_never_stands_alone() -> None:
    src = make_source(
        "Harbour board questions the storm plans;",
        "Closure compared to 'locking the stable door' by fishermen at the quay.",
        "Harbour board members questioned the storm plans of Bergen council on Monday.",
        title="Harbour board questions the storm plans;",
        date="2025-03-10",
    )
    out = shown(src)
    assert out[1] is None
    assert out[2] == "Harbour board members questioned the storm plans of Bergen council on Monday."
    lead = make_source(
        "Harbour master Ingrid Solberg closed the quay on Monday after the storm hit Bergen.",
        title="A title",
        date="2025-03-10",
    )
    assert shown(lead) == [lead.paragraphs[0].text]


def test_page_furniture_is_told_from_the_story() -> None:
    assert page_furniture("BERGEN, Norway (AP) \u2014")
    assert page_furniture("Storm Closes Bergen Harbour For A Week")
    assert page_furniture("(File photo: the northern quay in Bergen, 2019)")
    assert page_furniture("By Anna Lund and Per Dahl")
    assert not page_furniture(
        "BERGEN, Norway (AP) \u2014 The harbour closed on Monday after the storm hit the quay."
    )
    assert not page_furniture("The harbour reopened on 14 March after a week of repairs.")
    assert not page_furniture("By February 2022, the harbour had lost half of its ferry traffic.")


def test_a_first_line_is_a_headline_only_when_no_title_was_given() -> None:
    lede = "Dock workers in the southern port walked out on Monday over a pay offer they called an insult."
    body = " ".join(
        ["The strike left forty ships waiting at anchor outside the breakwater by the evening."] * 3
    )
    assert (
        shown(
            make_source(
                "Dock workers walk out over a new pay offer.",
                lede + " " + body,
                title=None,
                date="2025-03-10",
            )
        )[0]
        is None
    )
    assert shown(make_source(lede, body, title="Port strike", date="2025-03-10"))[0] == lede


def test_quotations_are_taken_whole_or_not_at_all() -> None:
    assert unbalanced_quotes("Every month we lose is a month not building,\u201d Moe said in a statement.")
    assert unbalanced_quotes('The minister said "the plan will work and the port will reopen soon.')
    assert not unbalanced_quotes("The minister called the plan \u201ca disaster\u201d on Monday evening.")
    # A sentence inside a quotation that opened in an earlier sentence of the paragraph is left out.
    src = make_source(
        "\u201cWe are reminded every day of what happened here. People lost their homes and their jobs.\u201d",
        title="A title",
        date="2025-03-10",
    )
    assert shown(src) == [None, None]


def test_the_authors_own_voice_and_other_first_person_is_left_out() -> None:
    assert first_person("We argue that the port authority has underestimated the cost of repairs.")
    assert first_person("In our view the port authority has underestimated the cost of repairs.")
    assert not first_person("The mayor said \u201cwe will rebuild\u201d and promised funds by the summer.")
    assert not first_person("The US navy sent two ships to the harbour on Monday.")
    assert not is_standalone("We argue that the port authority has underestimated the cost of repairs.")


def test_sentences_that_lean_on_what_came_before_need_context() -> None:
    leaning = (
        "The firm reported a loss of two million euros in its first annual results.",
        "The pair are facing long bans for missing three tests in a single year.",
        "The 25-year-old has already broken the national record twice this season.",
        "The athletes, who withdrew from the games, have been suspended by the federation.",
        "The Olympic silver medallist's time was the fastest in the world this year.",
        "Trade and logistics tell the same story across the whole of the region.",
        "According to the survey, both of these areas have more voters than last year.",
        "Two other men arrested at the time were found not guilty by the jury.",
        "Almost all of its grain now leaves the country through one port in the north.",
        "On Monday an appeal was rejected by a court despite his lawyer's protests.",
        "The agency chief said the ban imposed on the runner was further proof of that.",
        "The charges include neglect of duty and making false statements to the board.",
        "The defence contends the guards were following orders on the night of the fire.",
    )
    for text in leaning:
        assert needs_context(text), text
    standing = (
        "The central bank raised its main interest rate by half a point on Tuesday.",
        "The revelation that two aides had immunity set off a row in Congress on Friday.",
        "The Clean Air Plan was designed to halve emissions from coal plants by 2030.",
        "The president said his plan would cut taxes for most families next year.",
        "Farmers in the south said their harvest was the best in a decade this year.",
        "The charges against Captain Ola Brekke include neglect of duty on the night of the fire.",
        "The government remains in talks with the dockers' union over pay.",
    )
    for text in standing:
        assert not needs_context(text), text


def test_the_authors_own_voice_is_shown_as_theirs_with_a_bracketed_lead_in() -> None:
    memo = "We argue that the harbour levy will drive ferry traffic from Bergen to Stavanger within a year."
    assert authors_lead_in(memo, ("Anna Lund", "Per Dahl")) == "[Anna Lund and Per Dahl:] " + memo
    assert authors_lead_in(memo, ()) is None  # no named authors: whose voice?
    assert authors_lead_in(memo, ("Anna Lund",)) is None  # "we" of one author: the paper's voice
    assert (
        authors_lead_in("I find that " + memo[13:], ("Anna Lund",)) == "[Anna Lund:] I find that " + memo[13:]
    )
    assert verbatim_in("[Anna Lund and Per Dahl:] " + memo, "Our study ends here. " + memo)
    src = dataclasses.replace(
        make_source("Our memo is short. " + memo, title="A title", date="2025-03-10"),
        authors=("Anna Lund", "Per Dahl"),
    )
    assert shown(src) == [None, "[Anna Lund and Per Dahl:] " + memo]


def test_captions_credits_bylines_and_markup_are_not_prose() -> None:
    assert not_prose("(File photo: Dock workers at the southern port in 2019.)")
    assert not_prose("Photo credit: Anna Berg for the Harbour Times, all rights reserved.")
    assert not_prose("By Anna Berg and Tom Lund, harbour correspondents.")
    assert not_prose('<tweet id="123">The quay is closed until further notice.</tweet>')
    assert not not_prose("The harbour authority closed the northern quay on Monday.")


def test_a_bare_surname_gets_the_first_name_the_source_gives_it_in_brackets() -> None:
    src = make_source(
        "Harbour master Ingrid Solberg closed the northern quay on Monday after the storm.",
        "Solberg said repairs to the cranes would take at least a week to finish.",
        title="A title",
        date="2025-03-10",
    )
    assert (
        shown(src)[1] == "[Ingrid] Solberg said repairs to the cranes would take at least a week to finish."
    )


def test_a_surname_two_people_share_about_equally_is_left_out() -> None:
    names = given_names(
        make_source(
            "Anna Lund met Tom Lund and Anna Lund spoke. Tom Lund left early on Monday.",
            title="A title",
            date="2025-03-10",
        )
    )
    assert name_surnames("Lund said the quay would reopen within a fortnight.", names) is None
    names = given_names(
        make_source(
            "Anna Lund spoke, Anna Lund argued, Anna Lund won and Tom Lund agreed.",
            title="A title",
            date="2025-03-10",
        )
    )
    assert name_surnames("Lund said the quay would reopen within a fortnight.", names) == (
        "[Anna] Lund said the quay would reopen within a fortnight."
    )


def test_he_or_she_is_named_when_the_sentence_before_names_one_person() -> None:
    src = make_source(
        "Harbour master Ingrid Solberg closed the northern quay on Monday after the storm. "
        "She has asked Bergen for emergency funds to repair the damaged cranes.",
        "Solberg met the mayor, Per Dahl, on Tuesday to discuss the cost of repairs. "
        "He has promised an answer within a week of the meeting at the town hall.",
        title="A title",
        date="2025-03-10",
    )
    out = shown(src)
    assert out[1] == "She [Ingrid Solberg] has asked Bergen for emergency funds to repair the damaged cranes."
    assert out[3] is None  # two people named before: who "he" is cannot be told


def test_the_verbatim_check_accepts_bracketed_insertions_and_nothing_else() -> None:
    para = "Solberg said repairs would take a week. She has asked the city for funds."
    assert verbatim_in("[Ingrid] Solberg said repairs would take a week.", para)
    assert verbatim_in("She [Ingrid Solberg] has asked the city for funds.", para)
    assert verbatim_in("[Background] Solberg said repairs would take a week.", para)
    assert not verbatim_in("Ingrid Solberg said repairs would take a week.", para)
    assert not verbatim_in("[Ingrid] Solberg said repairs would take two weeks.", para)
    assert remove_insertions("She [Ingrid Solberg] has asked.") == "She has asked."


def test_sentences_dated_to_an_earlier_year_are_background() -> None:
    assert is_background("The quay was last closed in 2019 after a fire in the crane hall.", 2025)
    assert is_background("She won the national title in May 2021 and again in 2022.", 2025)
    assert not is_background("The quay closed on Monday and will reopen in 2026.", 2025)
    assert not is_background("Port traffic has doubled since 2019, the authority said.", 2025)
    assert not is_background("The plan cuts emissions by 2030 to half of 2005 levels.", 2025)


def test_every_bare_surname_further_on_is_named_however_often_the_source_uses_it() -> None:
    src = make_source(
        "Harbour master Ingrid Solberg closed the quay. Engineer Per Dahl inspected the cranes.",
        "Solberg said the storm was the worst in years. Solberg asked for funds. Solberg waited.",
        "City officials met Solberg and Dahl on Tuesday to discuss the cost of the repairs.",
        "Funding for the House of Pilots went to Tuesday's vote in the House without a debate.",
        title="A title",
        date="2025-03-10",
    )
    out = shown(src)
    assert out[-2] == (
        "City officials met [Ingrid] Solberg and [Per] Dahl on Tuesday to discuss the cost of the repairs."
    )
    assert out[-1] is not None and "[" not in out[-1]  # "the House": a body, not a person


def test_a_section_names_a_person_in_full_at_the_first_mention_only() -> None:
    texts = [
        "[Ingrid] Solberg closed the quay after the storm.",
        "City officials met [Ingrid] Solberg and [Per] Dahl on Tuesday.",
        "She [Ingrid Solberg] has asked the city for funds.",
        "Per Dahl inspected the cranes; [Per] Dahl said they were safe.",
        "The board questioned [Per] Dahl's report.",
    ]
    assert thin_insertions(texts) == [
        "[Ingrid] Solberg closed the quay after the storm.",
        "City officials met Solberg and [Per] Dahl on Tuesday.",
        "She [Ingrid Solberg] has asked the city for funds.",  # a pronoun always keeps its referent
        "Per Dahl inspected the cranes; Dahl said they were safe.",
        "The board questioned Dahl's report.",
    ]


def test_a_person_called_by_a_name_the_source_never_gives_in_full_is_left_out() -> None:
    src = make_source(
        "Harbour master Ingrid Solberg closed the quay after the storm on Monday morning.",
        "Hansen believes the harbour board ignored the warnings for far too many years.",
        "Solberg largely agreed and said the board should publish its storm plans at once.",
        title="A title",
        date="2025-03-10",
    )
    out = shown(src)
    assert out[1] is None  # who is Hansen? the source never says
    assert unknown_subject("Officials largely agreed with Berge that the quay must close.", {})
    assert not unknown_subject("Officials largely agreed with Tom Berge that the quay must close.", {})
    assert unknown_subject("Per Dahl, who will join Berge in the relay next month, finished third.", {})
    assert not unknown_subject("Fishermen believed the storm would pass before the weekend.", {})
    names = given_names(
        make_source("Harbour master Ingrid Solberg spoke.", title="A title", date="2025-03-10")
    )
    assert unknown_subject("The board questioned Solberg's and Berge's accounts of the storm.", names)
    assert not unknown_subject("The board questioned Solberg and Bergen officials on Monday.", names)
    assert (
        out[2] == "[Ingrid] Solberg largely agreed and said the board should publish its storm plans at once."
    )


def test_a_bare_first_name_is_left_out_but_a_place_sharing_it_is_not() -> None:
    src = make_source(
        "Police named the missing diver as Erik Moe, who was last seen in Bergen on Monday.",
        "Officers asked the public for any information about Erik's movements after he left Bergen.",
        "Bergen Harbour reopened on Tuesday. Bergen officials said the quay was safe again for ships.",
        title="A title",
        date="2025-03-10",
    )
    out = shown(src)
    assert out[1] is None  # "Erik": a first name the reader has not met with its surname
    assert out[3] == "Bergen officials said the quay was safe again for ships."


def test_here_after_a_cut_dateline_leaves_the_sentence_out() -> None:
    src = make_source(
        "BERGEN - A week after the storm hit here, Bergen's harbour is still closed to ships.",
        title="A title",
        date="2025-03-10",
    )
    assert shown(src) == [None]


def test_a_person_described_but_not_named_needs_context() -> None:
    assert needs_context("World indoor hurdles champion also won, improving his season's best time.")
    assert needs_context("Norway's former world champion is the first athlete banned without a test.")
    assert needs_context("The Bergen and Oslo star joins the team for the indoor season next month.")
    assert needs_context("Olympic champion Ann Lee will also take part after a long injury break.")
    assert needs_context("The federation said the sprinters had failed to give samples three times.")
    assert not needs_context("Olympic champion Ann Lee will take part in the Bergen meeting in May.")


def test_an_event_named_for_men_or_women_is_not_a_group_met_before() -> None:
    # "the women's 1,500m", "the men's final": a division of a contest, introduced where it stands.
    assert not needs_context(
        "Kenya's Ruth Okoth set a new world best in winning the women's 1,500m in Ghent."
    )
    assert not needs_context("Peru's Luis Ramos took gold in the men's marathon at the Lima Games on Sunday.")
    assert needs_context("The women had missed the start of the race by several minutes on Sunday.")


def test_a_time_or_a_person_counted_from_what_came_before_needs_context() -> None:
    assert needs_context("The two crew members were reported missing by their families the previous week.")
    assert needs_context("Police will not release the recordings yet, according to lawyers for the family.")
    assert needs_context("Protesters said the city's police had released only part of the footage.")
    assert not needs_context("A man was arrested on Friday and the man was charged with arson on Monday.")
    assert not needs_context("The mayor of the city of Bergen said the quay would reopen in a week.")


def test_a_figure_or_claim_pointed_at_with_this_or_that_needs_context() -> None:
    assert needs_context("In the northern ports, that percentage is likely to be higher still.")
    assert needs_context("Officials said this estimate left out the cost of the new cranes.")
    assert not needs_context("A national survey showed that share prices rose for a third week in a row.")
    assert not needs_context("Ferry traffic this year is a tenth below the total for 2019.")


def test_a_speech_a_tweet_or_a_series_of_searches_met_before_needs_context() -> None:
    assert needs_context("In his speech, Solberg urged the board to publish its storm plans.")
    assert not needs_context("In a speech on Monday, Solberg urged the board to publish its storm plans.")
    assert needs_context("Harbour police saw the tweet and removed the protesters from the quay.")
    assert needs_context("Police are describing the searches as significant and intelligence led.")
    assert not needs_context("Police carried out the searches of six houses in Leeds on Tuesday.")


def test_a_person_told_only_by_age_or_a_protest_met_before_needs_context() -> None:
    assert needs_context("Police believe that the 18 year old travelled from Bergen with three men.")
    assert not needs_context("Police said the 18-year-old Erik Moe travelled from Bergen with three men.")
    assert needs_context("Solberg said she would join her supporters at the protest on Friday.")
    assert not needs_context("Solberg joined the protest against the harbour levy on Friday.")
    assert needs_context("Solberg further argued that the levy would drive ships to Stavanger.")
    assert not needs_context("Solberg argued that further delays would drive ships to Stavanger.")
    assert needs_context("A bronze plaque with the names of the lost fishermen was also unveiled.")
    assert needs_context("Each crane stood for a ship the harbour had lost, the mayor said.")
    assert not needs_context("Each year the harbour board publishes its storm plans in March.")
    assert not needs_context("Harbour dues were also raised by a tenth to pay for the new cranes.")


def test_a_pointer_upwards_needs_context() -> None:
    assert needs_context(
        "Russia's support, along with the above-described developments, kept the regime afloat."
    )
    assert needs_context("The aforementioned report found that port traffic fell by a third last year.")


def test_an_event_said_no_more_of_needs_context_and_a_cut_sentence_is_left_out() -> None:
    assert needs_context("Police said footage of the encounter did not show a gun clearly.")
    assert needs_context("Several members of parliament have expressed support for the idea.")
    assert not needs_context("Ann Lee equalled the meeting record and finished well ahead of the field.")
    assert not needs_context("The plan to cut emissions was approved by parliament on Monday.")
    assert not is_standalone(", who broke onto the scene last season, set a best of 16.50m in Ghent.")


def test_more_of_an_answer_to_or_a_change_of_something_unnamed_needs_context() -> None:
    assert needs_context("Perhaps the harbour board will demand more details at its next meeting.")
    assert needs_context("The harbour board has given no response as yet to anyone.")
    assert needs_context("Two skippers have been charged with seven offences under the new laws.")
    assert needs_context("The first three at the Bergen regatta last Saturday are automatic selections.")
    assert needs_context("The trial at the district court in Bergen took place over the past year.")
    assert not needs_context("Skippers called for more information about the new quay fees on Monday.")


def test_an_example_of_something_said_before_needs_context() -> None:
    assert needs_context("Norway for example restated its call for a 2010 target at the talks.")


def test_a_dated_link_or_a_plenary_met_before_needs_context() -> None:
    assert needs_context("Opposition parties have now called for an inquiry into the 7 July link.")
    assert needs_context("After the reopening of the plenary at midday, Norway restated its position.")
    assert not needs_context("Engineers studied the rail link between Bergen and Oslo for a year.")


def test_a_byline_names_writers_and_a_sentence_opening_with_by_is_still_prose() -> None:
    for line in (
        "By Anna Berg and Tom Lund, harbour correspondents.",
        "By ANNA BERG, Associated Press Writer",
        "Reporting by Anna Berg, editing by Tom Lund.",
    ):
        assert page_furniture(line), line
    for line in (
        "By winning the vote in the port city, Anna Berg took every seat on the harbour board.",
        "By Christmas, the ferry company had moved its boats to the southern quay.",
        "By Election Day the harbour board had spent its whole budget on the quay and on new ferries.",
    ):
        assert not page_furniture(line), line


def test_a_list_of_names_is_not_a_headline_and_undecoded_escapes_can_be_allowed() -> None:
    assert not page_furniture("Crew: Anna Berg, Tom Lund, Ola Vik, Per Dahl and Kari Holm.")
    assert page_furniture("Harbour Board Closes The Northern Quay For Repairs.")
    cafe = "Anna Berg opened a caf&#233; on the quay in Bergen last spring with two partners."
    assert page_furniture(cafe)  # a brief cannot show it as written
    assert not page_furniture(cafe, escapes=False)  # the entity index can read its names


def test_a_clause_without_its_main_clause_and_after_all_do_not_stand_alone() -> None:
    assert not is_standalone("While the relay champions Anna Berg and Tom Lund will meet in the 60m.")
    assert is_standalone("While the relay champions rested, Anna Berg won the 60m in Oslo on Friday.")
    assert not is_standalone("After all, a champion always expects to win the races she enters.")
    # An elaboration of what the sentence before said: "Things like ..." or "Such as ...".
    assert not is_standalone(
        "Things like sore knees and missed sessions in the weeks before the race in Oslo."
    )


def test_an_ordinary_word_capitalised_by_a_sentence_start_is_no_given_name() -> None:
    names = given_names(
        make_source(
            "The council fears a radical Tollish plan for the harbour.",
            "Radical Tollish activists blocked the quay on Monday. Keron Blair led the march.",
            title="A title",
            date="2025-03-10",
        )
    )
    assert "Tollish" not in names
    assert name_surnames("Bystanders were struck by radical Tollish violence.", names) == (
        "Bystanders were struck by radical Tollish violence."
    )
    assert dict(names["Blair"]) == {"Keron": 1}


def test_a_one_word_speaker_is_named_in_full_when_the_source_says_who() -> None:
    names = given_names(
        make_source(
            "The memorial was opened by the mayor and the Minister for the Coast, Ingrid Solberg.",
            "Solberg said the columns would stand for a century.",
            "U.N. envoy Park Ji-Ho arrived on Monday. Mr. Park said the talks would resume.",
            "Tom Lund and Anna Lund spoke; Lund left early.",
            title="A title",
            date="2025-03-10",
        )
    )
    assert full_name("Solberg", names) == "Ingrid Solberg"
    assert full_name("Park", names) == "Park Ji-Ho"  # the family name first
    assert full_name("Lund", names) is None  # two people share it alike
    assert full_name("Ingrid Solberg", names) is None  # already in full
    assert full_name("Dahl", names) is None  # nobody of that name in the source


def test_a_list_entry_with_no_verb_is_no_statement() -> None:
    assert not is_standalone("Tom Hale: ferry owner, harbour master and councillor of Bergen.")
    assert not is_standalone("Ingrid Solberg: northern quay, Norwegian-born resident of Tromso.")
    assert is_standalone("The verdict: the court found the guard guilty of neglect on Friday.")
    assert is_standalone("One change stands out: the port now opens at six in the morning.")

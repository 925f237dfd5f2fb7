"""What the entity index lists: names, not common words; one entry per entity; roles that are roles (issue 16)."""

from __future__ import annotations

from factories import make_source

from briefgen.analysis.acronyms import undotted
from briefgen.analysis.entities import find_entities
from briefgen.analysis.entity_rules import clean_role, trim_name
from briefgen.model import Source


def _names(*sources: Source) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {e.name: (e.kind, e.variants) for e in find_entities(sources, ())}


def test_acronyms_of_things_are_not_organisations() -> None:
    names = _names(
        make_source(
            "Viewers watched the match on TV and later bought the DVD for their PC. "
            "The clinic tests for HIV every week, and the shop opens at 9am BST."
        )
    )
    assert not {"TV", "DVD", "PC", "HIV", "BST"} & set(names)


def test_an_acronym_the_text_spells_out_is_that_organisation() -> None:
    names = _names(
        make_source(
            "The Political Action Committee (PAC) raised money for the senator this spring.",
            "A spokesman for the PAC said the money would go to advertising.",
        )
    )
    assert "PAC" not in names
    assert names["Political Action Committee"][0] == "organisation"


def test_letters_cut_from_a_company_name_are_not_an_entity() -> None:
    names = _names(make_source("Shares in AT&T rose after the merger was approved by regulators."))
    assert "AT" not in names


def test_a_common_word_opening_a_capitalised_run_is_no_name() -> None:
    names = _names(
        make_source(
            "Close Trump aides met donors in the city on a close call.",
            "Officials said the Indoor Championships in the hall had an indoor record.",
        )
    )
    assert "Close Trump" not in names
    assert not any("Championships" in n for n in names)


def test_a_headline_in_title_case_is_not_an_organisation() -> None:
    names = _names(
        make_source("Carson Slams Hillary And The Media In One Debate Answer was shared widely online.")
    )
    assert not any("Media" in n for n in names)


def test_dotted_and_plain_acronyms_are_one_organisation() -> None:
    names = _names(
        make_source(
            "Agents of the F.B.I. searched the office on a warrant.",
            "The FBI said the search was routine and lawful.",
        )
    )
    assert "FBI" in names and "F.B.I." not in names
    assert undotted("F.B.I.") == "FBI" and undotted("Mr.") == "Mr."


def test_a_definition_in_brackets_merges_the_acronym_with_the_name() -> None:
    names = _names(
        make_source(
            "The Ministry of Defence (MOD) confirmed the order for new ships.",
            "The MOD said the first ship would sail next year.",
        )
    )
    assert "MOD" not in names
    assert "Ministry of Defence" in names


def test_a_broadcaster_and_its_news_service_are_one_entry() -> None:
    names = _names(
        make_source(
            "The BBC broadcast the debate to a large audience.",
            "BBC News reported that ratings rose, and the BBC said it was pleased.",
        )
    )
    assert "BBC News" not in names and "BBC News" in names["BBC"][1]


def test_two_people_sharing_a_surname_stay_apart_and_a_middle_name_is_merged() -> None:
    names = _names(
        make_source(
            "Bill Clinton spoke first at the dinner.",
            "Hillary Clinton spoke after him at the same dinner.",
            "Hillary Rodham Clinton thanked the hosts at the end.",
        )
    )
    assert "Bill Clinton" in names and "Hillary Clinton" in names
    assert "Hillary Rodham Clinton" in names["Hillary Clinton"][1]


def test_honorifics_and_clauses_are_not_roles() -> None:
    assert clean_role("Mr") is None and clean_role("Ms.") is None
    assert clean_role("better candidate because of it") is None
    assert clean_role("the first place.") is None
    assert clean_role("Defence Minister") == "Defence Minister"


def test_a_time_phrase_is_not_part_of_an_organisations_name() -> None:
    assert trim_name("Ministry of Energy on Monday") == "Ministry of Energy"
    assert trim_name("Bank of England") == "Bank of England"


def test_places_and_days_are_not_people() -> None:
    names = _names(
        make_source(
            "Aid reached Batticoloa District after the storm.",
            "Families gathered on Boxing Day in the villages of Sri Lanka.",
        )
    )
    assert not {"Batticoloa District", "Boxing Day", "Sri Lanka"} & set(names)


def test_a_bare_surname_means_the_namesake_the_article_is_about() -> None:
    about_her = make_source(
        "Hillary Clinton opened her campaign office on Monday.",
        "Hillary Clinton told voters she would fight for them. Hillary Clinton then left.",
        "Her husband, Bill Clinton, was not there. Clinton said the office would stay open late.",
    )
    entities = {e.name: e.mentions for e in find_entities((about_her,), ())}
    assert "Clinton" not in entities and entities["Hillary Clinton"] == 4
    balanced = make_source(
        "Bill Clinton and Hillary Clinton arrived together.", "The crowd cheered when Clinton said hello."
    )
    assert "Clinton" in {e.name for e in find_entities((balanced,), ())}


def test_an_occupation_or_nationality_before_a_name_is_not_part_of_it() -> None:
    names = _names(make_source("Novelist Andrea Levy won the prize, ahead of Dutchman Piet Hein Donner."))
    assert "Andrea Levy" in names and "Novelist Andrea Levy" not in names
    assert not any(n.startswith("Dutchman") for n in names)


def test_a_capitalised_common_word_alone_is_not_an_organisation() -> None:
    names = _names(
        make_source("Indoors, which hosted the meeting, was full. Athletes trained indoors all winter.")
    )
    assert "Indoors" not in names


def test_words_cut_from_a_title_before_a_known_name_join_that_person() -> None:
    names = _names(
        make_source(
            "The Under-Secretary for Refugee Affairs Anna Berg visited the camp.",
            "Anna Berg said the camp needed more water. Anna Berg left on Friday.",
        )
    )
    assert "Affairs Anna Berg" not in names and "Anna Berg" in names


def test_a_person_shaped_name_always_written_after_the_is_a_title_not_a_person() -> None:
    names = _names(
        make_source(
            "The Silver Harbour sold a million copies. Critics said the Silver Harbour was too long.",
            "Anna Berg said she had read the Silver Harbour twice.",
        )
    )
    assert "Silver Harbour" not in names and "Anna Berg" in names


def test_a_day_after_an_organisation_is_not_part_of_its_name() -> None:
    names = _names(
        make_source(
            "The Ministry of Energy on Monday announced cuts to fuel subsidies.",
            "Barack Obama praised the plan. Obama said it was brave.",
        )
    )
    assert "Ministry of Energy" in names and names["Ministry of Energy"][1] == ()
    assert not any(n.endswith("Monday") for n in names)
    assert "Obama" not in names and "Barack Obama" in names


def test_a_bare_surname_joins_the_one_person_who_bears_it_and_no_namesake() -> None:
    week = (
        make_source("Sens Anna Berg and others voted for the bill.", id="a"),
        make_source("Anna Berg spoke first in the debate.", id="b"),
        make_source("The crowd cheered when Berg said the bill would pass.", id="c"),
    )
    names = {e.name: e.mentions for e in find_entities(week, ())}
    assert "Berg" not in names and names["Anna Berg"] == 3


def _people(*sources: Source) -> dict[str, str | None]:
    return {e.name: e.role for e in find_entities(sources, ()) if e.kind == "person"}


def test_a_middle_initial_stays_in_the_name_and_a_day_after_it_does_not() -> None:
    found = find_entities(
        (
            make_source(
                "The levy was approved by Governor Ruth K. Amberley on Thursday after a long debate.",
                "Later Ruth Amberley told farmers the levy would be short-lived.",
            ),
        ),
        (),
    )
    ruth = next(e for e in found if e.name == "Ruth Amberley")
    assert ruth.mentions == 2 and ruth.variants == ("Ruth K. Amberley",)  # the same woman
    assert not any(e.name.endswith("Thursday") for e in found)


def test_two_initialled_namesakes_are_not_merged_into_one() -> None:
    people = _people(
        make_source(
            "Paul R. Osgood ran the mill before his son Paul T. Osgood took over.",
            "Paul Osgood, the founder, never retired.",
        )
    )
    assert {"Paul R. Osgood", "Paul T. Osgood"} <= set(people)


def test_a_surname_opening_with_a_particle_belongs_to_the_full_name() -> None:
    people = _people(
        make_source(
            "The memoir is by Lotte van Brakel, a retired nurse from the coast.",
            "Readers wrote to Van Brakel in their thousands, the publisher said.",
            "One backer is Ansel De Wulf, a founder of a seed bank. Mr. De Wulf said seeds keep for decades.",
        )
    )
    assert "Lotte van Brakel" in people and "Brakel" not in people
    assert "Ansel De Wulf" in people and "De Wulf" not in people


def test_a_work_titled_with_the_is_no_person_though_its_headline_drops_the_article() -> None:
    source = make_source(
        "Silver Lantern tops the charts",
        "The Silver Lantern sold a million copies in its first month.",
        "Critics said The Silver Lantern owed much to older thrillers.",
        id="a",
        title="Silver Lantern tops the charts",
        body_from=2,
    )
    assert "Silver Lantern" not in _people(source)


def test_acronyms_of_programmes_are_not_organisations() -> None:
    names = _names(
        make_source(
            "Growers welcomed the Rural Water Storage Grant program, or RWSG, this spring.",
            "Ministers say the RWSG and CFRS schemes will be reviewed by the Treasury.",
        )
    )
    assert not {"RWSG", "CFRS"} & set(names)


def test_a_body_named_by_a_generic_word_alone_is_left_out() -> None:
    names = _names(make_source("She now sits on the Players' Commission, which meets twice a year."))
    assert "Commission" not in names


def test_a_label_line_in_capitals_is_not_an_organisation() -> None:
    names = _names(make_source("SUMMARY.", "The council approved the budget on a narrow vote."))
    assert "SUMMARY" not in names


def test_a_relation_is_not_a_role() -> None:
    assert clean_role("his wife") is None
    assert clean_role("the husband of the mayor") is None
    assert clean_role("deputy mayor") == "deputy mayor"


def test_a_bare_surname_means_the_namesake_introduced_first_when_named_as_often() -> None:
    found = find_entities(
        (
            make_source(
                "Former governor Alan Pryce campaigned in Leeds for his sister Joan Pryce.",
                "Alan Pryce said the plan was sound; Joan Pryce listened from the front row.",
                "\u201cIt will work,\u201d Pryce said to the crowd.",
                "Joan Pryce thanked him, and Alan Pryce left early.",
            ),
        ),
        (),
    )
    assert [(e.name, e.mentions) for e in found] == [("Alan Pryce", 4), ("Joan Pryce", 3)]


def test_a_two_word_surname_stays_with_the_full_name_but_a_titles_tail_does_not() -> None:
    people = _people(
        make_source(
            "The prize went to Corpus Nine, a book by Daniel Ashby Carter of Leeds.",
            "Ashby Carter also writes plays for radio.",
            "Coordinator for Coastal Affairs Ilse Marten said the fund was empty.",
            "Ilse Marten later met donors. Ilse Marten flew home on a night train.",
        )
    )
    assert "Daniel Ashby Carter" in people and "Ashby Carter" not in people
    assert "Ilse Marten" in people and not any(n.endswith("Affairs Ilse Marten") for n in people)

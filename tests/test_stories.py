"""The week's stories: grouping by development, wire copies counted once, leads, background, importance."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from factories import make_source

from briefgen.analysis import analyse_sources
from briefgen.analysis.importance import importance
from briefgen.analysis.leads import (
    assesses,
    hard_news,
    impact,
    is_background,
    is_detail,
    is_feature,
    is_quotation,
    is_status,
    is_teaser,
    tells_outcome,
)
from briefgen.analysis.stories import group_sources
from briefgen.analysis.vectors import normalise
from briefgen.bottom_line import StoryPicks, bottom_line, judgements, mark_told, story_picks, theme_order
from briefgen.model import Extract, Source, Theme

THEMES = (
    Theme("ports", "Ports and shipping", keywords=("port", "harbour", "ship", "dock")),
    Theme("schools", "Schools", keywords=("school", "teacher", "pupil")),
)


# One dock strike reported by a wire service and printed twice with light edits, and once in a
# newspaper's own words; a second, smaller story about schools from two independent papers.
WIRE = (
    "Dock workers at the northern harbour walked out on Monday, halting every ship bound for the port.",
    "The union said the strike would last until the port authority reopened talks on the pay offer.",
    "About forty container ships were waiting at anchor outside the harbour by the evening.",
    "The port authority said it regretted the walkout and called for a return to the table.",
    "Shipping firms warned that shop shelves could empty within a fortnight if the dispute went on.",
)


def _week() -> tuple[Source, ...]:
    copy = list(WIRE)
    copy[2] = "Around forty container ships were waiting at anchor outside the harbour by Monday evening."
    return (
        make_source(*WIRE, id="wire-a", date="2026-03-09", outlet="Daily Courier"),
        make_source(*copy, id="wire-b", date="2026-03-09", outlet="Evening Gazette"),
        make_source(
            "A strike by dock workers closed the northern harbour port for a second day on Tuesday, stranding ships.",
            "Our reporter counted dozens of ships waiting at anchor as the union and the port authority traded blame.",
            "Talks between the dock union and the port authority are expected to resume later this week.",
            id="own",
            date="2026-03-10",
            outlet="Harbour Times",
        ),
        make_source(
            "The county council closed three village schools on Tuesday after teachers found damp in the classrooms.",
            "Pupils from the three schools will be taught in the town library until repairs are done.",
            id="school-a",
            date="2026-03-10",
            outlet="Daily Courier",
        ),
        make_source(
            "Three village schools were shut by the county council on Tuesday because of damp found by teachers.",
            "Parents said the pupils had lost a day of lessons and asked the council to hurry the repairs.",
            id="school-b",
            date="2026-03-10",
            outlet="Valley News",
        ),
    )


def test_wire_copies_count_once_for_importance():
    analysis = analyse_sources(_week(), THEMES, as_of="2026-03-12")
    by_sources = {frozenset(s.sources): s for s in analysis.stories}
    strike = by_sources[frozenset({"wire-a", "wire-b", "own"})]
    schools = by_sources[frozenset({"school-a", "school-b"})]
    # Three sources carry the strike, but two are one wire report: two independent sources.
    assert strike.independent == 2
    assert schools.independent == 2
    # Counted once, the wire copies give the strike no more weight than the schools story has
    # (everything else made equal).
    strike_, schools_ = (
        replace(s, recency=1.0, centrality=0.0, hard=1.0, impact=0.0) for s in (strike, schools)
    )
    assert importance(strike_, [], 2) == importance(schools_, [], 2)


def test_a_copy_counted_twice_would_outrank_an_independent_story():
    """The same week with the copy in its own words: three independent sources now weigh more."""
    week = list(_week())
    week[1] = make_source(
        "Stevedores stopped work at the northern harbour port on Monday and no ship could dock there.",
        "Union leaders demanded fresh talks with the port authority over a pay offer they called an insult.",
        id="wire-b",
        date="2026-03-09",
        outlet="Evening Gazette",
    )
    analysis = analyse_sources(tuple(week), THEMES, as_of="2026-03-12")
    strike = next(s for s in analysis.stories if "own" in s.sources)
    schools = next(s for s in analysis.stories if "school-a" in s.sources)
    assert strike.independent == 3
    strike_, schools_ = (
        replace(s, recency=1.0, centrality=0.0, hard=1.0, impact=0.0) for s in (strike, schools)
    )
    assert importance(strike_, [], 3) > importance(schools_, [], 3)


def test_story_lead_states_the_development_with_its_sources():
    analysis = analyse_sources(_week(), THEMES, as_of="2026-03-12")
    strike = next(s for s in analysis.stories if "own" in s.sources)
    assert "strike" in strike.lead.text or "walked out" in strike.lead.text
    assert strike.lead.cites[0].source in strike.sources
    assert strike.outlets[: len(strike.sources)]
    assert strike.dates == ("2026-03-09", "2026-03-10")
    assert re.fullmatch(r"t-[0-9a-f]{12}", strike.id)
    assert strike.lead.id in strike.sentences
    assert all(p.text != strike.lead.text for p in strike.points)


def test_story_id_depends_on_its_sources_not_their_order():
    forward = analyse_sources(_week(), THEMES, as_of="2026-03-12")
    backward = analyse_sources(tuple(reversed(_week())), THEMES, as_of="2026-03-12")
    assert {s.id for s in forward.stories} == {s.id for s in backward.stories}


def test_a_later_report_joining_a_story_keeps_its_id():
    """The archive and the editor's file name a story by id: a fourth report on the strike, filed a
    day after the others, must not rename it."""
    before = analyse_sources(_week(), THEMES, as_of="2026-03-12")
    later = make_source(
        "The dock strike at the northern harbour port entered its third day on Wednesday with ships still idle.",
        "Dock workers and the port authority have not met since the walkout began on Monday.",
        id="later",
        date="2026-03-11",
        outlet="Coast Post",
    )
    after = analyse_sources((*_week(), later), THEMES, as_of="2026-03-12")
    old = next(s for s in before.stories if "own" in s.sources)
    new = next(s for s in after.stories if "own" in s.sources)
    assert "later" in new.sources and new.sources != old.sources
    assert new.id == old.id


def test_a_story_without_a_headline_is_labelled_by_its_people_not_its_lead_again():
    week = (
        make_source(
            "Mayor Anna Kowalski closed the northern harbour port on Tuesday after a fire in the dock sheds.",
            "Firefighters from the Coast Guard fought the blaze through the night before it was put out.",
            "Anna Kowalski said the port would reopen once the sheds were declared safe for the dock workers.",
            id="untitled",
            date="2026-03-10",
            outlet="Harbour Times",
        ),
    )
    story = analyse_sources(week, THEMES, as_of="2026-03-12").stories[0]
    assert not story.lead.text.startswith(story.label.rstrip("\u2026"))
    assert "Anna Kowalski" in story.label


def test_a_feature_does_not_outrank_a_development_of_the_week():
    """A scene-setting piece about an unnamed person, however on-theme, comes after the news."""
    feature = make_source(
        "A man in a knitted cap has painted the same lighthouse above the fishing port every summer since 1980.",
        "His canvases of the lighthouse, the old ferry ship and the gulls hang in every cafe along the quay.",
        "Visitors buy the lighthouse paintings as keepsakes of their summers in the port.",
        id="feature",
        date="2026-03-11",
        outlet="Weekend Magazine",
    )
    analysis = analyse_sources((*_week(), feature), THEMES, as_of="2026-03-12")
    kinds = [("feature" in s.sources, s.feature) for s in analysis.stories]
    assert kinds[-1] == (True, True)
    assert not any(f for _, f in kinds[:-1])


def test_features_explainers_and_opinion_are_not_reports_of_a_development():
    assert is_feature("A man in a red coat waited at the gate of the port.", None, None)
    assert is_feature("One voter's long walk to the polling station began before dawn.", None, None)
    assert is_feature("DOVER \u2014 It was a sight that stopped the dockers at the gate.", None, None)
    assert is_feature(
        "Tom Hale, a ferry owner, found a way to carry cars without paying the dock fee.", None, None
    )
    assert not is_feature("Tom Hale, the harbour master, closed the port on Monday.", None, None)
    assert is_feature("The vote went to a second round.", "Why the mayor lost the harbour vote", None)
    assert is_feature("The vote went to a second round.", "Can the mayor win again?", None)
    assert is_feature("The council must act on the docks now.", "Save our docks", "opinion")
    assert is_feature("Chances are you did not see the mayor's speech on Tuesday.", None, None)
    assert is_feature("The mayor opened the new bridge.", "LOOK: Photos of the bridge opening", None)
    assert not is_feature('The mayor said "you will all be welcome" at the bridge.', None, None)
    assert not is_feature("The council closed three schools on Tuesday.", "Council shuts schools", None)
    assert not is_feature("A fire destroyed the dock sheds on Monday.", "Fire at the docks", "news analysis")


def test_a_headline_under_a_column_kicker_heads_a_feature():
    # The kicker is the whole part of the headline between separators, never a word of a report.
    lead = "The harbour's quiet ways may not last, but for now they may be the town's best asset."
    assert is_feature(lead, "Why the harbour stays calm; Letter from Dover", None)
    assert is_feature(lead, "The harbour stays calm; Letter from Dover", None)
    assert is_feature("The ferry fare rise is a mistake.", "Opinion: Ferries for all", None)
    assert is_feature("The mayor's budget misses the point.", "Analysis - the harbour budget", None)
    assert not is_feature("The council closed the harbour on Monday.", "Analysis shows harbour losses", None)
    assert not is_feature(
        "The mayor read out a letter on Monday.", "Mayor's letter from prison read out", None
    )


def test_a_preview_the_week_has_overtaken_is_not_a_development():
    """Written days before as_of, "ahead of Monday's vote" tells of something that has since happened."""
    preview = make_source(
        "Ahead of Monday's council vote, school governors hope to keep the three village schools open.",
        "Teachers and parents plan to gather outside the town hall before the vote on the schools.",
        id="preview",
        date="2026-03-06",
        outlet="Valley News",
    )
    stories = analyse_sources((preview,), THEMES, as_of="2026-03-12").stories
    assert stories[0].feature
    fresh = analyse_sources((preview,), THEMES, as_of="2026-03-07").stories
    assert not fresh[0].feature


def test_sources_far_apart_in_time_are_different_stories():
    same = normalise({"strike": 1.0, "harbour": 1.0, "dock": 1.0})
    days = [dt.date(2026, 3, 1), dt.date(2026, 3, 2), dt.date(2026, 3, 20)]
    assert group_sources([same, same, same], days) == [[0, 1], [2]]


def test_a_story_told_on_consecutive_days_stays_one_story_within_a_week():
    """Reports two days apart each, the same people doing the same thing: one running story, up to
    a week; a report nine days after the first is another story, however alike."""
    same = normalise({"strike": 1.0, "harbour": 1.0, "dock": 1.0})
    days = [dt.date(2026, 3, d) for d in (1, 3, 5, 7)]
    assert group_sources([same] * 4, days) == [[0, 1, 2, 3]]
    days = [dt.date(2026, 3, d) for d in (1, 3, 5, 7, 9)]
    assert group_sources([same] * 5, days) == [[0, 1, 2, 3], [4]]


def test_a_running_story_leads_with_what_happened_not_an_earlier_look_ahead():
    """Told on Monday, Wednesday and Friday: one story, led by Friday's deal, not Monday's hope of one."""
    week = (
        make_source(
            "Dock workers and the port authority said they would sign an agreement to end the strike at the northern harbour.",
            "The harbour union wants a rise for every dock worker at the port before the ships return.",
            id="before",
            date="2026-03-09",
            outlet="Daily Courier",
        ),
        make_source(
            "They could meet again over a pay deal for the dock workers and the port authority at the northern harbour.",
            "The harbour union asked for a rise for every dock worker at the port as the ships waited.",
            id="during",
            date="2026-03-11",
            outlet="Harbour Times",
        ),
        make_source(
            "The strike at the northern harbour ended on Friday when both sides signed an agreement.",
            "The harbour union won a rise for every dock worker at the port and the ships returned.",
            id="after",
            date="2026-03-13",
            outlet="Valley News",
        ),
    )
    stories = analyse_sources(week, THEMES, as_of="2026-03-14").stories
    assert [sorted(s.sources) for s in stories] == [["after", "before", "during"]]
    assert stories[0].lead.text.startswith("The strike at the northern harbour ended")


def test_a_status_a_later_report_overtakes_is_neither_lead_nor_point():
    """Tuesday's "talks continue" and "a vote is expected" are stale once Wednesday's report says the
    dockers voted to accept: a day apart, the older line no longer leads or makes a further point."""
    tuesday = (
        "Talks between the dock union and the port authority continue at the northern harbour, with a vote on the pay offer expected this week.",
        "The harbour union is still weighing the offer for every dock worker at the port as the ships wait outside.",
    )
    wednesday = (
        "Dock workers at the northern harbour voted on Wednesday to accept the port authority's pay offer, ending the strike.",
        "The harbour union said every dock worker at the port would return to work and the ships began to unload.",
    )
    week = (
        make_source(*tuesday, id="tuesday", date="2026-03-10", outlet="Daily Courier"),
        make_source(*wednesday, id="wednesday", date="2026-03-11", outlet="Harbour Times"),
    )
    story = analyse_sources(week, THEMES, as_of="2026-03-12").stories[0]
    assert sorted(story.sources) == ["tuesday", "wednesday"]
    assert story.lead.text.startswith("Dock workers at the northern harbour voted")
    assert not any(p.cites[0].source == "tuesday" for p in story.points)
    # On its own the status is the story's latest word and still leads.
    alone = analyse_sources(week[:1], THEMES, as_of="2026-03-11").stories[0]
    assert alone.lead.text.startswith("Talks between")


def test_status_and_outcome_are_told_apart():
    assert is_status("Talks between the union and the port continue.")
    assert is_status("The harbour is on the verge of closing for the winter.")
    assert is_status("The council is expected to vote on the schools next week.")
    assert not is_status("The council may have misjudged how much the repairs cost.")  # a judgement
    assert is_status("Divers were searching the harbour for the missing crew on Monday.")
    assert not is_status("There was nothing the harbour master could do.")
    assert tells_outcome("The council voted on Tuesday to close three schools.")
    assert not tells_outcome("The council is being asked to close three schools.")


def test_a_detail_that_adds_to_the_report_is_no_further_point():
    """A key judgement is made of the story's further points: not a line adding to what came before."""
    assert is_detail("The harbour master's deputy resigned on Monday, too.")
    assert is_detail("The union also asked for a shorter week at the port.")
    assert is_detail("The mayor went on to open the new ferry terminal at the harbour.")
    assert is_detail("A docker posted the following picture of the empty quay.")
    assert is_detail("When Ms. Lane, 21, a student, held up her sign, the crowd fell silent.")
    assert not is_detail("The strike is likely to cost the port its biggest shipping line.")
    week = (
        make_source(
            "Dock workers at the northern harbour walked out on Monday, halting every ship bound for the port.",
            "Union leaders also demanded a pension fund for retired crews and a shorter working week at sea.",
            "A long dock strike is likely to cost the northern harbour port its biggest shipping line within a month.",
            id="strike",
            date="2026-03-10",
            outlet="Harbour Times",
        ),
    )
    points = analyse_sources(week, THEMES, as_of="2026-03-11").stories[0].points
    assert [p.text[:20] for p in points] == ["A long dock strike i"]


def test_a_teaser_withholds_the_news_and_marks_a_feature():
    assert is_teaser("A judge issued a ruling today that should make the mayor smile.")
    assert is_teaser("The mayor just let something slip about the harbour.")
    assert is_teaser("The port vote hinges on two wards. Here's why")
    assert not is_teaser("A judge ruled today that the harbour may stay open at night.")
    assert not is_teaser("The mayor is trying something new: a night ferry to the islands.")
    assert not is_teaser("The ruling will make the port authority pay for the repairs.")
    assert is_feature("A court issued a ruling on Monday that will leave the dock union furious.", None, None)
    assert is_feature("The vote was close.", "The mayor let something slip about the docks", None)
    # The teaser is no lead: the sentence that tells the ruling is.
    teaser = (
        "A court issued a ruling on Monday that will leave the dock union at the northern harbour furious."
    )
    told = "A court ruled on Monday that the port authority may hire crews from abroad while the dock strike lasts."
    source = make_source(teaser, told, id="teaser", date="2026-03-10", outlet="Harbour Times")
    story = analyse_sources((source,), THEMES, as_of="2026-03-11").stories[0]
    assert story.lead.text.startswith("A court ruled on Monday")


def test_unrelated_sources_are_different_stories():
    a = normalise({"strike": 1.0, "harbour": 1.0})
    b = normalise({"school": 1.0, "damp": 1.0})
    day = dt.date(2026, 3, 1)
    assert group_sources([a, b, a], [day, day, day]) == [[0, 2], [1]]


def test_a_sentence_about_another_year_is_background():
    as_of = dt.date(2026, 6, 10)
    assert is_background("The harbour last closed in 1998, when a fire destroyed the sheds.", as_of)
    assert is_background("The union had rejected a similar offer before.", as_of)
    assert is_background("Dock workers struck over pay decades ago as well.", as_of)
    assert not is_background("The strike began on Monday and closed the port.", as_of)
    assert not is_background("The council said the 2026 budget would cover the repairs.", as_of)
    # Early in a year, last year is still the news.
    assert not is_background("The storm of December 2025 flooded the docks.", dt.date(2026, 1, 5))


def test_hard_news_reports_something_done():
    assert hard_news("The council closed three schools on Tuesday.") == 1.0
    assert hard_news("The runner hopes to win a medal next month.") == 0.0
    assert hard_news("The union said the strike would last a week.") == 0.5
    # "coal-fired" is an adjective: the plant rules face a test, nothing has been done yet.
    assert hard_news("Rules for coal-fired plants face a test in court on Tuesday.") == 0.0


def test_a_first_ever_is_news_an_ordinal_of_a_series_is_not():
    assert impact("The port let a woman captain a tug for the first time on Monday.") == 1.0
    assert impact("Ann Lee became the first woman to run the northern harbour.") == 1.0
    assert impact("The council met the dock union for the first round of talks on Monday.") == 0.0
    assert impact("The mayor and the union leader clashed in the first debate of the campaign.") == 0.0


def test_a_decision_still_to_be_made_is_softer_news_than_one_made():
    assert hard_news("The mayor has been given until Friday to decide whether to stand again.") == 0.5
    assert hard_news("The port authority is yet to reply to the union's offer.") == 0.5
    assert hard_news("The mayor decided on Monday to stand again.") == 1.0


def test_quotation_spotted_even_when_left_open():
    assert is_quotation('The mayor said: "We will reopen every school by the end of the month.')
    assert is_quotation('"We will not go back," the union leader told the crowd at the gate.')
    assert not is_quotation("The port's owner and the dockers' union met on Monday.")


def test_a_report_ending_on_a_quoted_phrase_is_not_a_quotation():
    assert not is_quotation(
        'The governor endorsed the mayor on Wednesday, saying it was time for "a steady hand at the port."'
    )
    assert is_quotation('The union leader said the offer was "an insult to every dock worker in this town."')


def test_lead_is_not_a_quote_or_a_dateline_scene():
    week = (
        make_source(
            '"We have had enough of waiting for a fair offer," said the union leader at the gate.',
            "Dock workers at the northern harbour walked out on Monday, halting every ship bound for the port.",
            id="q",
            date="2026-03-10",
            outlet="Harbour Times",
        ),
    )
    story = analyse_sources(week, THEMES, as_of="2026-03-12").stories[0]
    assert story.lead.text.startswith("Dock workers")


def test_a_desk_brief_ranks_the_stories_on_its_themes():
    analysis = analyse_sources(_week(), THEMES, as_of="2026-03-12")
    for theme, word in (("ports", "harbour"), ("schools", "schools")):
        picks = story_picks(analysis, [theme])
        assert word in picks.ranked[0].lead.text
        assert bottom_line(picks, 3, set())[0] == picks.ranked[0].lead


def test_judgements_are_further_points_not_the_bottom_line():
    analysis = analyse_sources(_week(), THEMES, as_of="2026-03-12")
    picks = story_picks(analysis, ["ports", "schools"])
    used: set[str] = set()
    bluf = bottom_line(picks, 3, used)
    assert len(bluf) == len(analysis.stories)  # one item per story, no more
    judged = judgements(picks, 3, used)
    assert judged
    assert not {e.text for e in judged} & {e.text for e in bluf}
    assert all(any(j in s.points for s in analysis.stories) for j in judged)


def test_a_judgement_assesses_when_its_story_has_a_point_that_does():
    """Of a story's further points, the one that judges (what is likely, what it means) is the key
    judgement, even when a plain report of a further fact scored higher as a point."""
    story = analyse_sources(_week(), THEMES, as_of="2026-03-12").stories[0]
    fact = Extract("About forty container ships waited at anchor outside the harbour.", story.lead.cites, 0.9)
    judged = Extract(
        "The strike is likely to cost the port its biggest shipping line.", story.lead.cites, 0.5
    )
    picks = StoryPicks((replace(story, points=(fact, judged)),))
    assert judgements(picks, 1, set()) == (judged,)


def test_a_story_two_themes_share_is_told_once_and_referred_to_after():
    themes = (
        Theme("ports", "Ports and shipping", keywords=("port", "harbour", "ship", "dock")),
        # "The union said ..." leans on context (standalone.py), so the strike story reaches this theme
        # through the dock workers' sentences.
        Theme("labour", "Labour", keywords=("union", "strike", "pay", "workers", "walkout", "dock workers")),
    )
    analysis = analyse_sources(_week(), themes, as_of="2026-03-12")
    strike = next(s for s in analysis.stories if "own" in s.sources)
    assert all(
        any(picks_id in strike.sentences for picks_id in (e.id for e in t.extracts)) for t in analysis.themes
    )
    picks = story_picks(analysis, ["ports", "labour"])
    used: set[str] = set()
    first, refs = theme_order(picks, analysis.themes[0], used)
    assert not refs and any(e.id in strike.sentences for e in first)
    mark_told(picks, first, analysis.themes[0], used)
    second, refs = theme_order(picks, analysis.themes[1], used)
    assert not any(e.id in strike.sentences for e in second)
    assert [r.text for r in refs] == [f"See also \u201c{strike.label}\u201d under Ports and shipping."]
    assert refs[0].cites == strike.lead.cites[:1]


def test_an_excluded_lead_leaves_the_bottom_line_and_its_story_keeps_its_next_point():
    from briefgen.edits.apply import SentenceIndex, apply_edits
    from briefgen.edits.model import Edit

    analysis = analyse_sources(_week(), THEMES, as_of="2026-03-12")
    strike = next(s for s in analysis.stories if "own" in s.sources)
    assert strike.points
    edits = (Edit("exclude", 1, target=strike.lead.id), Edit("exclude", 2, target="wire-b"))
    edited, _ = apply_edits(analysis, edits, SentenceIndex(analysis), audience="principals")
    kept = next(s for s in edited.stories if s.id == strike.id)
    assert kept.lead == strike.points[0] or kept.lead.text == strike.points[0].text
    assert "wire-b" not in kept.sources and len(kept.sources) == len(kept.outlets)
    picks = story_picks(edited, ["ports", "schools"])
    assert strike.lead.text not in {e.text for e in bottom_line(picks, 5, set())}


def test_an_assessment_is_told_from_a_report():
    assert assesses("The move is likely to deepen Minsk's dependence on Moscow.") == 1.0
    assert assesses("The divers released pictures of the tail fin on Monday.") == 0.0


def test_each_source_tells_at_most_one_story_and_leads_are_its_own_words():
    week = _week()
    analysis = analyse_sources(week, THEMES, as_of="2026-03-12")
    told = [s for story in analysis.stories for s in story.sources]
    assert len(told) == len(set(told)) and set(told) <= {s.id for s in week}
    texts = {(s.id, p.n): p.text for s in week for p in s.paragraphs}
    for story in analysis.stories:
        for e in (story.lead, *story.points):
            assert e.cites[0].source in story.sources
            assert e.text in texts[(e.cites[0].source, e.cites[0].paragraph)]
    assert analysis.bluf == tuple(s.lead for s in analysis.stories[: len(analysis.bluf)])


def test_a_decision_announced_is_done_whatever_it_sets_for_later():
    assert (
        hard_news("Captain Ola Brekke will face a court-martial in March, the navy announced on Friday.")
        == 1.0
    )
    assert hard_news("The council agreed on Tuesday to close the harbour for a week next month.") == 1.0
    assert hard_news("Captain Ola Brekke will face a court-martial in March.") == 0.0
    assert hard_news("The council met on Tuesday and is expected to close the harbour next month.") == 0.5


def test_an_announcement_days_old_is_still_a_development_not_an_overtaken_preview():
    """Only a piece that reports nothing done goes stale as a preview; a decision stays news."""
    decision = make_source(
        "Captain Ola Brekke will face a court-martial over the harbour fire, the navy announced on Friday.",
        "Brekke commanded the base when the dock sheds burned and faces four charges of neglect.",
        id="decision",
        date="2026-03-06",
        outlet="Coast Post",
    )
    (story,) = analyse_sources((decision,), THEMES, as_of="2026-03-12").stories
    assert not story.feature

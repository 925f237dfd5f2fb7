"""Corroboration of summary sentences by events that several sources report."""

from __future__ import annotations

from briefgen.analysis.corroborate import corroborate
from briefgen.model import Cite, Event, Extract, Theme, ThemeSummary


def test_event_reported_by_two_sources_adds_the_second_cite():
    a, b, c = Cite("memo", 18), Cite("news", 4), Cite("memo", 3)
    text = "In June 2025 the government released the opposition leader."
    summary = ThemeSummary(Theme("t", "T"), (Extract(text, (a,)), Extract("Another sentence stands.", (c,))))
    events = (Event("2025-06", text, (a, b)), Event("2023", "Another sentence stands.", (c,)))
    (out,) = corroborate((summary,), events)
    assert out.extracts[0].cites == (a, b)
    assert out.extracts[1].cites == (c,)


def test_same_text_from_another_paragraph_is_not_matched():
    a, b = Cite("memo", 18), Cite("news", 4)
    text = "Talks resumed in March."
    summary = ThemeSummary(Theme("t", "T"), (Extract(text, (Cite("memo", 2),)),))
    (out,) = corroborate((summary,), (Event("2025-03", text, (a, b)),))
    assert out.extracts[0].cites == (Cite("memo", 2),)


def test_a_sentence_shown_with_a_bracketed_first_name_is_still_the_event_sentence():
    a, b = Cite("memo", 18), Cite("news", 4)
    event = "In June 2025 Solberg released the harbour accounts."
    shown = "In June 2025 [Ingrid] Solberg released the harbour accounts."
    summary = ThemeSummary(Theme("t", "T"), (Extract(shown, (a,)),))
    (out,) = corroborate((summary,), (Event("2025-06", event, (a, b)),))
    assert out.extracts[0].cites == (a, b)
    assert out.extracts[0].text == shown

"""Corroboration from events: a summary sentence reporting a dated event that other sources also report."""

from __future__ import annotations

import dataclasses

from ..model import Cite, Event, Extract, ThemeSummary
from .standalone import remove_insertions


def _with_event_cites(extract: Extract, by_text: dict[tuple[str, Cite], Event]) -> Extract:
    """Return the extract with the cites of the event it reports, when other sources report it too."""
    event = by_text.get((remove_insertions(extract.text), extract.cites[0]))  # "[Alexander] Lukashenko"
    if event is None:
        return extract
    cites = tuple(dict.fromkeys((*extract.cites, *event.cites)))
    return extract if cites == extract.cites else dataclasses.replace(extract, cites=cites)


def corroborate(summaries: tuple[ThemeSummary, ...], events: tuple[Event, ...]) -> tuple[ThemeSummary, ...]:
    """Return summaries whose event sentences also cite the other sources that report the same event.

    Word overlap alone cannot tell two sources' accounts of one event from two sentences on one topic
    (cosine ~0.3 either way), but the same dated event found in both can.
    """
    by_text = {(e.text, e.cites[0]): e for e in events if len({c.source for c in e.cites}) > 1}
    if not by_text:
        return summaries
    return tuple(
        dataclasses.replace(t, extracts=tuple(_with_event_cites(x, by_text) for x in t.extracts))
        for t in summaries
    )

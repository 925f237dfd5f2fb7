"""What compose knows of an audience's earlier weeks: read from the archive before composing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from .. import ids
from ..analysis.dates import long_day
from ..analysis.standalone import remove_insertions
from ..model import Analysis, Event, Extract, Quote
from .store import Store, StoredItem

TREND_WEEKS = 8  # the trend figure shows this week and up to seven before it


def quote_key(text: str) -> str:
    """Return the key of a quotation's words, whichever source carried them."""
    return ids.content_id("qt", text)


def speaker_key(speaker: str) -> str:
    """Return the key of a speaker's name."""
    return ids.normalise(speaker)


@lru_cache(maxsize=1 << 16)
def _shown_key(text: str, quote: bool) -> str:
    """Return the key a recent brief's item is stored under (kept: each brief asks for thousands)."""
    # A sentence is the same with or without its bracketed insertions (a section names a person once).
    return quote_key(text) if quote else ids.sentence_id(remove_insertions(text))


def person_names(analysis: Analysis) -> dict[str, str]:
    """Return each spelling of the week's people (by ``speaker_key``) mapped to the person's name."""
    return {
        speaker_key(v): e.name for e in analysis.entities if e.kind == "person" for v in (e.name, *e.variants)
    }


def long_date(iso: str) -> str:
    """Return 2016-03-05 as "5 March 2016"."""
    return long_day(dt.date.fromisoformat(iso))


@dataclass(frozen=True, slots=True)
class History:
    """An audience's archived weeks before this one: what was shown, and each theme's coverage."""

    since: str | None = None  # the previous archived week's as-of date
    repeat_weeks: int = 4
    # key (Extract.id, quote_key) -> as-of of the latest of the last ``repeat_weeks`` briefs that showed it
    recent: dict[str, str] = field(default_factory=dict)
    ever: frozenset[str] = frozenset()  # keys of every sentence, quote and event any earlier brief showed
    voices: frozenset[str] = frozenset()  # speakers quoted in the last ``repeat_weeks`` briefs
    past: tuple[StoredItem, ...] = ()  # sentences and events of the last ``repeat_weeks`` briefs
    weeks: tuple[str, ...] = ()  # earlier weeks for the trend, oldest first (at most TREND_WEEKS - 1)
    coverage: dict[str, dict[str, int]] = field(default_factory=dict)  # week -> theme -> sentences

    def last_shown(self, item: Extract | Quote | Event) -> str | None:
        """Return the as-of date a recent brief showed this sentence, quote or event, or None."""
        return self.recent.get(_shown_key(item.text, isinstance(item, Quote))) if self.recent else None

    def seen_event(self, event: Event) -> bool:
        """Return whether any earlier brief showed this event (by id or by its sentence)."""
        return event.id in self.ever or ids.sentence_id(event.text) in self.ever

    def seen_quote(self, quote: Quote) -> bool:
        """Return whether any earlier brief showed these words as a quotation or a sentence."""
        return quote_key(quote.text) in self.ever or quote.id in self.ever


def carried_mark(as_of: str) -> str:
    """Return the mark of a sentence or quote shown again because nothing newer was found."""
    return f"Carried over from the brief of {long_date(as_of)}:"


def read_history(store: Store, audience: str, as_of: str, repeat_weeks: int) -> History:
    """Return the audience's history strictly before ``as_of`` (a rebuilt week never sees later ones)."""
    earlier = store.earlier_weeks(audience, as_of, max(repeat_weeks, TREND_WEEKS - 1))
    if not earlier:
        return History(repeat_weeks=repeat_weeks)
    window = earlier[:repeat_weeks]
    recent_items = store.items(audience, window[-1], as_of, ("sentence", "quote", "event", "voice"))
    recent: dict[str, str] = {}
    for item in recent_items:
        if item.kind in ("sentence", "quote", "event"):
            recent[item.text_key] = item.as_of  # ordered by week: the latest wins
    every = store.items(audience, None, as_of, ("sentence", "quote", "event"))
    ever = frozenset(k for i in every for k in (i.item_id, i.text_key))
    weeks = tuple(reversed(earlier[: TREND_WEEKS - 1]))
    return History(
        since=earlier[0],
        repeat_weeks=repeat_weeks,
        recent=recent,
        ever=ever,
        voices=frozenset(i.item_id for i in recent_items if i.kind == "voice"),
        past=tuple(i for i in recent_items if i.kind in ("sentence", "event")),
        weeks=weeks,
        coverage=store.coverage(audience, list(weeks)),
    )

"""Tell which way in time a sentence points: back (it reports), forward (it plans or forecasts) or neither."""

from __future__ import annotations

import re
from typing import Literal

from .gazetteer import words_set

Direction = Literal["past", "future", ""]

# Forecasts, plans, targets and schedules: what a sentence expects rather than reports.
FUTURE = re.compile(
    r"\b(?:will|shall|would(?! have)|won[\u2019']t|(?:is|are|was|were) (?:due|set|scheduled|expected|likely|planned|poised) to|"
    r"plans? to|intends? to|aims? to|upcoming|forthcoming|scheduled (?:for|on|in)|expected (?:in|on|by)|"
    r"due (?:in|on|by)|set for|next (?:week|month|year)|tomorrow|(?:is|are) to (?:be|meet|hold|visit|vote))\b",
    re.I,
)
_FUTURE_HINTS = (
    "will", "shall", "would", "won't", "won\u2019t", "due ", "set ", "scheduled", "expected", "likely", "planned",
    "poised", "plan", "intend", "aim", "upcoming", "forthcoming", "next week", "next month", "next year",
    "tomorrow", " to be", " to meet", " to hold", " to visit", " to vote",
)  # fmt: skip
# Past forms of common irregular verbs, and the auxiliaries of past tenses.
_IRREGULAR_PAST = (
    "was|were|had|did|said|told|took|met|came|went|made|gave|won|lost|began|saw|left|held|ran|became|got|"
    "put|sent|spent|built|brought|bought|fought|thought|found|led|fell|rose|struck|paid|sold|wrote|spoke|"
    "chose|drew|grew|knew|threw|flew|broke|stood|kept|felt|heard|meant|quit|beat|hit|cut|shot|won|ago"
)
_PAST = re.compile(r"\b(?:" + _IRREGULAR_PAST + r"|[a-z]{2,}[^e\W]ed|[a-z]+ied)\b")
# Words ending in -ed that are not past verbs, and participles mostly used as adjectives ("is concerned").
_NOT_PAST = words_set(
    """hundred kindred sacred naked wicked rugged beloved indeed concerned interested worried pleased
    delighted determined supposed involved based experienced qualified related advanced detailed limited
    talented skilled armed aged"""
)


def future_at(text: str) -> int:
    """Return where a sentence starts to plan or forecast ("will", "is due to"), or -1 when it does not."""
    if not any(map(text.lower().__contains__, _FUTURE_HINTS)):
        return -1
    m = FUTURE.search(text)
    return m.start() if m else -1


def reports(text: str) -> bool:
    """Return whether a sentence has a verb in the past tense."""
    # lower-case words only: "United" is no verb
    return any(m.group(0) not in _NOT_PAST for m in _PAST.finditer(text))


def direction(text: str) -> Direction:
    """Return "future" when a sentence plans or forecasts, "past" when it reports, else ""."""
    if future_at(text) >= 0:
        return "future"
    return "past" if reports(text) else ""

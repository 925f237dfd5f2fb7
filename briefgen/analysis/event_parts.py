"""Split a sentence into its dated events, and tell captions, credits and corrections from prose."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .dates import DateMention
from .labels import clause_label, event_label, happening_label
from .relative import happening_end

# Prepositions under which a date marks when something happened ("in June", "on 12 March", "by 2024").
# "back" and "ahead" mark relative dates that say their own direction ("last week", "next month").
EVENT_GOVERNORS = frozenset(["", "in", "on", "by", "during", "at", "around", "as of", "of", "back", "ahead"])
# A date in a clause opened by one of these dates something else: "rose after a fall in September".
_SUBORDINATE = re.compile(
    r"\b(?:after|before|following|than|unlike|compared (?:with|to)|since|until)\b(?:\s+[\w'\u2019-]+){0,5}\s*$",
    re.I,
)
# Two dated happenings joined in one sentence: "the call in August 2025 ..., or the invitation in January 2026".
_COORDINATOR = re.compile(r"(?:\b(?:and|or|while|whereas|but|then)\b|;)")
# "the election of 2020": a year after "of" names a happening only after a happening noun.
_HAPPENING_OF = re.compile(
    r"\b(?:election|elections|revolution|protests|uprising|summit|referendum|coup|invasion|war|olympics|games|"
    r"census|crisis|earthquake|tsunami|attack|attacks|campaign|vote)\s+of\s+$",
    re.I,
)
# Captions, picture credits, corrections and update stamps: never events.
_CAPTION = re.compile(
    r"^\s*[\[(]?(?:photo|photograph|picture|image|video|graphic|illustration|caption|credit|correction|"
    r"clarification|update|updated|published|posted|editor[\u2019']?s note|source|file photo|copyright)"
    r"(?:\s+(?:by|credit|caption))?\s*[:|\u2013\u2014-]",
    re.I,
)
_CREDIT = re.compile(
    r"\b(?:photo|photograph|image|picture)\s+(?:by|credit|courtesy)\b|\b(?:getty images|afp/getty|"
    r"reuters/|ap photo|associated press photo)\b",
    re.I,
)
MAX_PARTS = 3  # dated events one sentence may give
_WHEN_AFTER = re.compile(r",?\s+when\s+\S+\s+\S+")


@dataclass(frozen=True, slots=True)
class Dated:
    """One dated event of a sentence: its date and a few words saying what it is."""

    date: str
    label: str
    start: int  # where its date expression starts in the sentence (-1: dated through an anchor)
    governor: str  # the date's preposition, or "back" / "ahead" for relative dates
    bare: bool = False  # a month or day written without its year


def is_caption(text: str) -> bool:
    """Return whether a sentence is a caption, credit, correction or update stamp rather than prose."""
    return _CAPTION.match(text) is not None or _CREDIT.search(text) is not None


def _usable(text: str, m: DateMention) -> bool:
    """Return whether a date mention may date the sentence's own event."""
    if m.span and _WHEN_AFTER.match(text, m.end):
        return True  # "in prison since 2020, when he was arrested": the when-clause says what happened
    if m.span or m.governor not in EVENT_GOVERNORS:
        return False
    if m.governor == "of" and m.precision == 1:
        # "the rebound of 2023" names a period; "the election of 2020" a happening
        return _HAPPENING_OF.search(text[: m.start]) is not None
    if m.precision == 1 and not m.governor and happening_end(text, m.end) is not None:
        return True  # "after the disputed 2016 election": the year dates the election it names
    return _SUBORDINATE.search(text, 0, m.start) is None


def dated_parts(text: str, mentions: tuple[DateMention, ...]) -> list[Dated] | None:
    """Return the dated events of a sentence; None when its dates describe spans or other things only.

    One date per event: the most precise of those close together. A second date counts as its own
    event when a coordinator ("and", "or", ";") and at least three words stand between the two.
    """
    usable = [m for m in mentions if _usable(text, m)]
    if not usable:
        return None
    chosen = [usable[0]]
    for m in usable[1:]:
        prev = chosen[-1]
        between = text[prev.end : m.start]
        if m.governor == "as of":
            continue  # "as of 2008" gives a state's date, never a second event
        if m.date != prev.date and len(between.split()) >= 3 and _COORDINATOR.search(between):
            chosen.append(m)
        elif m.precision > prev.precision:
            chosen[-1] = m
    if len(chosen) == 1:  # one event: its most precise date, as before
        best = max(usable, key=lambda m: m.precision)
        chosen = [best]
    return [Dated(m.date, _label(text, m), m.start, m.governor, m.bare) for m in chosen[:MAX_PARTS]]


def _label(text: str, m: DateMention) -> str:
    """Return the label of the event a date mention dates; a year naming a happening labels it."""
    if m.span and _WHEN_AFTER.match(text, m.end):
        return clause_label(text, text.index("when", m.end) + 4)  # the words after "when"
    if m.precision == 1:
        if m.governor == "of":
            return happening_label(text, m.start, m.end)
        after = happening_end(text, m.end)
        if after is not None and not m.governor:
            return happening_label(text, m.start, after)
    return event_label(text, m.start, m.end)


def period_start(day: str) -> date | None:
    """Return the first day of a YYYY[-MM[-DD]] period, or None when malformed."""
    parts = [int(p) for p in day.split("-") if p.isdigit()]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def period_end(day: str) -> date | None:
    """Return the last day of a YYYY[-MM[-DD]] period, or None when malformed."""
    parts = [int(p) for p in day.split("-") if p.isdigit()]
    try:
        if len(parts) == 1:
            return date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None

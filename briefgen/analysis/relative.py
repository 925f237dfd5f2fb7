"""Resolve dates said relative to the writing day ("on Tuesday", "yesterday", "last month") and spot
years that name a happening ("the 2020 election")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .tense import Direction

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# A weekday is a date after a preposition or "last/next/this" (opening a sentence too: "On Sunday, ..."),
# after a reporting verb ("said Tuesday") or as a possessive ("Tuesday's vote"); a bare "Tuesday"
# elsewhere may be a name or a heading.
_WEEKDAY = re.compile(
    r"\b(?:(?P<pre>[Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Bb]efore|[Aa]fter)\s+|(?P<verb>said|says|announced|told|"
    r"reported|confirmed|added)\s+)?(?P<wd>" + DAY_NAMES + r")(?P<poss>[\u2019']s)?(?![\w-])"
    r"(?:\s+of\s+(?P<week>this|last|next)\s+week\b)?"  # "on Monday of this week"
)
_NEAR = re.compile(
    r"\b(?:(?P<pre>since|until|by|from)\s+)?(?P<phrase>yesterday|tomorrow|(?:last|next) (?:week|month|year)|"
    r"(?:earlier|later) this (?:week|month|year))\b",
    re.I,
)
# Cheap checks before the patterns: a weekday's name, or a word the near phrases need (lower case).
_WEEKDAY_HINTS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NEAR_HINTS = (
    "yesterday",
    "tomorrow",
    "last week",
    "last month",
    "last year",
    "next week",
    "next month",
    "next year",
    "this week",
    "this month",
    "this year",
)
# A year right before a happening names when it happened: "the 2020 election", "2020 presidential election".
_HAPPENING = re.compile(
    r"(?:[\s\u2013-]+[A-Za-z][\w-]*){0,2}?[\s\u2013-]+(?:election|elections|revolution|protests|uprising|"
    r"summit|referendum|coup|invasion|war|olympics|games|census|crisis|earthquake|tsunami|attack|attacks|"
    r"campaign|ceasefire|agreement|treaty|visit|vote|budget)\b",
    re.I,
)


def year_before_happening(text: str, end: int) -> bool:
    """Return whether the year ending at ``end`` is followed by (at most two words and) a happening noun."""
    return _HAPPENING.match(text, end) is not None


def happening_end(text: str, end: int) -> int | None:
    """Return where the happening noun after the year ending at ``end`` ends, or None when there is none."""
    m = _HAPPENING.match(text, end)
    return m.end() if m else None


def weekday_date(ref: date, name: str, pre: str, direction: Direction) -> date:
    """Return the day a weekday names: the last one on or before ``ref`` unless the text looks ahead."""
    target = _WEEKDAYS.index(name.lower())
    back = (ref.weekday() - target) % 7
    if pre == "last":
        return ref - timedelta(days=back or 7)
    ahead = (target - ref.weekday()) % 7
    if pre == "next":
        return ref + timedelta(days=ahead or 7)
    if direction == "future" and pre not in ("since", "after"):
        return ref + timedelta(days=ahead)  # "will air on Tuesday", written on a Tuesday: that day
    return ref - timedelta(days=back)


def _month_of(day: date, months: int) -> str:
    """Return the YYYY-MM ``months`` months after the month of ``day`` (before when negative)."""
    n = day.year * 12 + day.month - 1 + months
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def _near(phrase: str, ref: date) -> str:
    """Return the date a phrase such as "yesterday" or "last month" stands for, at its own precision."""
    p = phrase.lower()
    if p == "yesterday":
        return (ref - timedelta(days=1)).isoformat()
    if p == "tomorrow":
        return (ref + timedelta(days=1)).isoformat()
    unit = p.rsplit(" ", 1)[1]
    step = -1 if p.startswith("last") else 1 if p.startswith("next") else 0
    if unit == "year":
        return str(ref.year + step)
    if unit == "month":
        return _month_of(ref, step)
    return _month_of(ref + timedelta(days=7 * step), 0)  # a week is told at month precision


def relative_dates(text: str, ref: date, direction: Direction) -> list[tuple[int, int, str, str]]:
    """Return (start, end, YYYY[-MM[-DD]], governor) for each relative date in ``text``, in order."""
    out: list[tuple[int, int, str, str]] = []
    has_day = "day" in text  # every weekday and "yesterday"; most sentences have none of these words
    if not (has_day or "orrow" in text or "week" in text or "month" in text or "year" in text):
        return out
    if has_day and any(map(text.__contains__, _WEEKDAY_HINTS)):
        for m in _WEEKDAY.finditer(text):
            pre = (m.group("pre") or "").lower()
            if not (pre or m.group("verb") or m.group("poss")):
                continue
            if m.group("week"):  # that weekday of the writing week, or of the week before or after it
                step = {"this": 0, "last": -7, "next": 7}[m.group("week")]
                target = _WEEKDAYS.index(m.group("wd").lower())
                day = ref - timedelta(days=ref.weekday() - target - step)
            else:
                day = weekday_date(ref, m.group("wd"), pre, direction)
            start = m.start("wd") if m.group("verb") else m.start()
            governor = {"last": "back", "next": "ahead", "this": "on"}.get(pre, pre)
            out.append((start, m.end(), day.isoformat(), governor))
    low = text.lower()
    if not any(map(low.__contains__, _NEAR_HINTS)):
        return sorted(out)
    weekdays = list(out)
    for m in _NEAR.finditer(text):
        if any(a < m.end() and m.start() < b for a, b, _, _ in weekdays):
            continue  # the "last week" of "on Friday of last week": part of that weekday's date
        pre = (m.group("pre") or "").lower()
        phrase = m.group("phrase").lower()
        way = "back" if phrase.startswith(("last", "yesterday", "earlier")) else "ahead"
        out.append((m.start(), m.end(), _near(phrase, ref), pre or way))
    return sorted(out)

"""Name the day a source's "yesterday", "today", "tomorrow" or "on Tuesday" means, as a bracketed insertion.

A brief is read days or weeks after its sources were written: "was today sentenced" from a report of
2 June 2006 reads as the brief's own day. The day is given in square brackets after the word
("was today [2 June 2006] sentenced"), an insertion the verbatim check accepts.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .dates import CLAUSE_BREAK, long_day
from .relative import DAY_NAMES, relative_dates, weekday_date
from .tense import Direction, future_at, reports

_SHIFT = {
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
}
# Past forms a report tells its day's news with ("Gore spoke today in Oslo").
_PAST = (
    "spoke|met|said|says|told|gave|took|made|went|came|left|began|won|lost|held|sent|wrote|rose|fell|"
    "struck|ran|saw|became|broke|sold|found|flew|led|was|were|has|have|had|[a-z]{3,}ed"
)
# A report's own past tense, not "has"/"have", which tell the present as often ("Today, Russia has ...").
_TOLD = _PAST.replace("has|have|", "")
# "yesterday", "tomorrow" and a part of the day always name a day; "today" does beside a verb of the
# news ("was today sentenced", "spoke today", "announced today") or a clock time ("at 15:30 today"),
# before a part of the day ("today's early morning"), and opening a sentence told in the past ("Today,
# a group of volunteers travelled ..."), not as "nowadays" ("Today, the port handles ...", "that today
# are absent").
_DAY_WORD = re.compile(
    r"\b(?P<near>yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))(?:[\u2019']s)?\b"
    rf"|\b(?:{_PAST}|\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?)\s+(?P<after>today)\b"
    r"|\b(?P<before>today)(?=\s+(?:said|says|announced|[a-z]{3,}ed)\b)"
    r"|\b(?P<own>today)[\u2019']s(?=\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\b)"
    rf"|^(?P<opening>Today)(?=,(?!.*\b(?:is|are|remains?)\b).*\b(?:{_TOLD})\b)",
    re.I,
)


# A weekday said of the writing week ("on Wednesday", "said Tuesday", "Friday's vote"), with no date of
# its own after it ("on Tuesday, March 8", "Friday 12 May").
_WEEKDAY = re.compile(rf"\b(?:{DAY_NAMES})\b")
_DATE_AFTER = re.compile(r"[\s,]*(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")


def _clause(text: str, start: int, end: int) -> tuple[int, str]:
    """Return where the clause around ``text[start:end]`` starts, and the clause: from the break before it
    to the break after it."""
    before = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    after = CLAUSE_BREAK.search(text, end)
    return before, text[before : after.start() if after else len(text)]


# American news drops the "on": "won the primary Tuesday, defeating ...", "declared victory Tuesday night".
# A bare weekday after a lower-case word (not "every", "each", "the", ...) and before a clause's end, a
# part of the day or a preposition is a date too; after a capital it is a name ("Super Tuesday").
_BARE = re.compile(
    rf"(?P<wd>{DAY_NAMES})(?P<poss>[\u2019']s)?"
    r"(?=\s*[,.;:\u2013\u2014]|\s+(?:night|morning|afternoon|evening|to|that|in|at|after|before|as|when|with|for|and)\b)"
)


# "Friday's vote", "Monday night's debate" name an event, which a sentence in the past may look ahead to.
_POSSESSIVE = re.compile(r"(?:\s+(?:night|morning|afternoon|evening))?[\u2019']s\b")
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_NOT_A_DAY = frozenset(("every", "each", "the", "a", "an", "other", "some", "any", "one", "that", "this"))


def _weekday_days(text: str, written: date) -> list[tuple[int, str]]:
    """Return (where to insert, the day) for each weekday ``text`` says of its writing week: the next such
    day when its clause looks ahead before it ("will vote on Tuesday"), else the last one before the
    writing day when the clause reports; none when it does neither ("faces a test on Tuesday" may be
    either)."""
    if _WEEKDAY.search(text) is None:
        return []
    out = []
    for m in _WEEKDAY.finditer(text):
        offset, clause = _clause(text, m.start(), m.end())
        way = _way(clause, m.start() - offset)
        if not way and offset == 0:  # "On Monday, the mayor said ...": the clause the phrase opens
            way = _way(text[len(clause) :], -1)
        if not way or (way == "past" and _POSSESSIVE.match(text, m.end())):
            continue  # "invited her to Monday night's debate": a past verb, an event still ahead
        found = _mention(text, m, clause, offset, written, way)
        if found is not None and not _DATE_AFTER.match(text, found[0]):
            out.append((found[0], long_day(found[1])))
    return out


def _way(clause: str, at: int) -> Direction:
    """Return "future" when ``clause`` looks ahead before position ``at`` ("will decide on Friday"), else
    "past" when it reports before any look ahead ("met on Monday and will ..."), else ""."""
    ahead = future_at(clause)  # "met on Monday and will decide on Friday": each weekday its own way
    if 0 <= ahead < at or (at < 0 and ahead >= 0 and not reports(clause[:ahead])):
        return "future"
    return "past" if reports(clause[:ahead] if ahead >= 0 else clause) else ""


def _mention(
    text: str, m: re.Match[str], clause: str, offset: int, written: date, way: Direction
) -> tuple[int, date] | None:
    """Return where the weekday at ``m`` ends as a date of the writing week ("on Tuesday", "Tuesday's",
    "on Monday of last week") and its day, or None when it is no date ("Wednesday is the day ...")."""
    for start, end, iso, _ in relative_dates(clause, written, way):
        if len(iso) == 10 and offset + start <= m.start() < offset + end:
            return offset + end, date.fromisoformat(iso)
    before = _WORD_BEFORE.search(text, 0, m.start())
    if before is None or not before.group(1)[0].islower() or before.group(1) in _NOT_A_DAY:
        return None
    bare = _BARE.match(text, m.start())
    return (bare.end(), weekday_date(written, m.group(0), "", way)) if bare else None


def name_writing_day(text: str, written: str | None) -> str:
    """Return ``text`` with the day each "yesterday", "today", "tomorrow" or weekday of the writing week
    means named after it in square brackets, counted from the day the source was ``written``
    (YYYY-MM-DD); unchanged without one."""
    if not written or len(written) != 10:
        return text
    try:
        day = date.fromisoformat(written)
    except ValueError:
        return text
    inserts = _weekday_days(text, day)
    for m in _DAY_WORD.finditer(text):
        word = (
            m.group("near") or m.group("after") or m.group("before") or m.group("own") or m.group("opening")
        )
        inserts.append((m.end(), long_day(day + timedelta(days=_SHIFT[word.lower()]))))  # after "yesterday's"
    out: list[str] = []
    at = 0
    for end, label in sorted(inserts):
        out += [text[at:end], f" [{label}]"]
        at = end
    return "".join(out) + text[at:]

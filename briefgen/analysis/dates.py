"""Find and resolve date expressions in a sentence (used by the events stage)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .relative import relative_dates, year_before_happening
from .tense import Direction

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip

# Capitalised month names only: "may" in lower case is nearly always the verb.
_MONTH = (
    r"(?P<{n}>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
_YEAR = r"(?P<{n}>(?:19|20)\d\d)(?!\d)"
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_PART = (
    r"(?:(?:early|mid|late)[\s\-]+|mid-|the (?:start|beginning|end|middle) of |the (?:first|second) half of )"
)
_SEASON = r"(?:the )?(?:summer|winter|spring|autumn|fall)(?: of)? "


def _p(template: str) -> str:
    return (
        template.replace("{M}", _MONTH.format(n="m"))
        .replace("{Y}", _YEAR.format(n="y"))
        .replace("{D}", _DAY.format(n="d"))
    )


# Tried in order at each position; the first that matches wins, so more specific forms come first.
_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")),
    ("dmy", re.compile(_p(r"(?<!\d){D} (?:of )?{M},? {Y}"))),
    ("mdy", re.compile(_p(r"{M} {D},? {Y}"))),
    (
        "range",
        re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)\s?[-\u2013\u2014/]\s?(?P<y2>(?:19|20)?\d\d)(?![\d-])"),
    ),
    ("my", re.compile(_p(r"(?:" + _PART + r")?{M},? (?:of )?{Y}"))),
    ("season", re.compile(_p(_SEASON + r"{Y}"), re.I)),
    ("dm", re.compile(_p(r"(?<!\d){D} (?:of )?{M}(?![\w])"))),
    ("md", re.compile(_p(r"{M} {D}(?![\d,:])"))),
    ("md", re.compile(_p(r"{M} (?P<d>[0-3]?\d)(?:st|nd|rd|th)(?![\w])"))),  # "November 8th,"
    ("y", re.compile(_p(r"(?:" + _PART + r")?{Y}"))),
    ("m", re.compile(_p(r"(?:" + _PART + r")?{M}(?![\w])"))),
)
# Where a date form may begin: a year, a day before a month, a month name, a part of or a season.
# Hits where no form matches are skipped to their end; the digit forms come first so that a day hit
# ("12 of M") covers what it did when any 3-9 letter word was a hit. A "the " is a hit only before a part
# of the year or a season ("the start of", "the summer"): no form matches after any other, and the next
# hit could not start inside it anyway.
_START = re.compile(
    r"(?<![\w\-])(?:(?:19|20)\d\d|[0-3]?\d(?:st|nd|rd|th)? (?:of )?[A-Z]"
    r"|(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
    r"|early|mid|late|the (?=start|beginning|end|middle|first|second|summer|winter|spring|autumn|fall)"
    r"|summer|winter|spring|autumn|fall)",
    re.I,
)
_GOVERNOR = re.compile(
    r"\b(as of|in|on|by|since|during|until|till|through|throughout|from|after|before|around|of|at|to|between|"
    r"within|for)\s+$",
    re.I,
)
# Forms that stand alone ("June 2025"); the others need a preposition to count as a date ("in 2023").
_STANDALONE = {"iso", "dmy", "mdy", "my", "season"}
# A date opening a span describes a state, not something that happened at that date.
_SPAN_WORDS = {"since", "from", "until", "till"}
# Every form needs a digit or a month name, and every month name starts with one of these.
_DIGIT = re.compile(r"\d")
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Forms without a year: the reference date gives it.
_NEEDS_REF = {"m", "md", "dm"}
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b")
CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text, resolved against a reference date."""

    start: int
    end: int
    date: str  # YYYY | YYYY-MM | YYYY-MM-DD
    governor: str  # the preposition before it, lower case ("" when none)
    span: bool  # opens or closes a span ("since 2022", "Since the invasion in February 2022")
    relative: bool = False  # counted from the writing day ("on Tuesday", "last month")
    bare: bool = False  # a month or day without a year ("on 17 April"): its year is inferred

    @property
    def precision(self) -> int:
        """Return 1 for a year, 2 for a month, 3 for a day."""
        return self.date.count("-") + 1


def long_day(day: date) -> str:
    """Return a day as a brief writes it: "5 March 2016"."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def parse_iso(text: str | None) -> date | None:
    """Return ``text`` (YYYY-MM-DD) as a date, or None when it is missing or malformed."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _year_for(month_day: tuple[int, int], ref: date, direction: Direction) -> int:
    """Return the year of a month (and day) without one: the nearest in the direction the text points.

    Reporting looks back (the latest not after ``ref``), plans look ahead (the earliest not before it),
    and a sentence that points neither way takes whichever is nearer.
    """
    now = (ref.month, ref.day if month_day[1] else 0)
    back = ref.year if month_day <= now else ref.year - 1
    ahead = ref.year if month_day >= now else ref.year + 1
    if direction == "past" or back == ahead:
        return back
    if direction == "future":
        return ahead

    def months(y: int) -> int:
        return abs((y * 12 + month_day[0]) - (ref.year * 12 + ref.month))

    return ahead if months(ahead) < months(back) else back


def _resolve(form: str, m: re.Match[str], ref: date, direction: Direction = "past") -> str | None:
    """Return the YYYY[-MM[-DD]] a match stands for; a missing year comes from ``ref`` and the direction."""
    g = m.groupdict()
    if form == "iso":
        y, mo, d = int(g["y"]), int(g["mo"]), int(g["d"])
    elif form in ("dmy", "mdy"):
        y, mo, d = int(g["y"]), _month(g["m"]), int(g["d"])
    elif form in ("dm", "md"):
        mo, d = _month(g["m"]), int(g["d"])
        y = _year_for((mo, d), ref, direction)
    elif form == "my":
        return f"{int(g['y']):04d}-{_month(g['m']):02d}"
    elif form == "m":
        mo = _month(g["m"])
        return f"{_year_for((mo, 0), ref, direction):04d}-{mo:02d}"
    else:  # range, season, year: year precision; a range stands for its first year
        return g["y"]
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _in_span(text: str, start: int, governor: str) -> bool:
    """Return whether the date at ``start`` sits in a "since ..." clause."""
    if governor in _SPAN_WORDS:
        return True
    clause = CLAUSE_BREAK.split(text[:start])[-1]
    words = clause.split()
    for i, w in enumerate(words):
        if w.lower() in ("since", "until"):
            return len(words) - i <= 10
    return False


def find_dates(text: str, ref: date, direction: Direction = "past") -> list[DateMention]:
    """Return the date expressions of ``text`` in order, resolved against the reference date ``ref``."""
    return find_dates_with_ref(text, ref, direction)[0]


def find_dates_with_ref(
    text: str, ref: date, direction: Direction = "past", today: date | None = None
) -> tuple[list[DateMention], bool]:
    """Return (the date expressions of ``text``, whether any needed ``ref`` to get its year).

    ``direction`` is where the sentence points in time ("past", "future" or "" for neither): it picks
    the year of a bare month and the week of a weekday. ``today`` is the writing day that "yesterday"
    and "on Tuesday" count from (``ref`` when None). When the flag is False the result is the same
    for every reference date, so it can be kept.
    """
    out, used_ref = _absolute_dates(text, ref, direction)
    relative = [
        DateMention(a, b, day, gov, gov in _SPAN_WORDS, relative=True)
        for a, b, day, gov in relative_dates(text, today or ref, direction)
        if not any(m.start < b and a < m.end for m in out) and not _quoted_at(text, a)
    ]
    if relative:
        out = sorted([*out, *relative], key=lambda m: m.start)
    return out, used_ref or bool(relative)


def _quoted_at(text: str, pos: int) -> bool:
    """Return whether ``pos`` lies inside quotation marks: a quote's "yesterday" counts from when it was said."""
    before = text[:pos]
    if before.count("\u201c") > before.count("\u201d"):
        return True
    return before.count('"') % 2 == 1


def _absolute_dates(text: str, ref: date, direction: Direction) -> tuple[list[DateMention], bool]:
    """Return the calendar date expressions of ``text`` and whether any needed ``ref`` for its year."""
    out: list[DateMention] = []
    used_ref = False
    if not (_DIGIT.search(text) or any(map(text.__contains__, _MONTH_STEMS))):
        return out, used_ref  # every form needs a digit or a month name; most sentences have neither
    pos = 0
    while True:
        hit = _START.search(text, pos)
        if not hit:
            return out, used_ref
        i = hit.start()
        for form, pattern in _FORMS:
            m = pattern.match(text, i)
            if not m or (m.end() < len(text) and text[m.end()].isalnum()):
                continue
            gov = _GOVERNOR.search(text, max(0, i - 12), i)
            governor = gov.group(1).lower() if gov else ""
            standalone = (
                form in _STANDALONE
                or (form in ("md", "dm") and _ORDINAL.search(m.group(0)) is not None)  # "8th of November"
                or (form == "y" and year_before_happening(text, m.end()))  # "the 2020 election"
            )
            if not standalone and not governor:
                continue
            if form in ("m", "md", "dm") and governor in ("of", "to", "for"):
                continue
            used_ref = used_ref or form in _NEEDS_REF
            resolved = _resolve(form, m, ref, direction)
            if resolved is None:
                continue
            span = _in_span(text, i, governor)
            out.append(DateMention(i, m.end(), resolved, governor, span, bare=form in _NEEDS_REF))
            pos = m.end()
            break
        else:
            pos = hit.end()

"""Infer a source's title, byline, outlet, dateline, date and standfirst from its opening lines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Paragraph, Source

_NAME_PART = r"(?:[A-Z][\w'\u2019\-]+|[A-Z]\.|de|da|van|von|der|bin|al|la|le)"
_PERSON = re.compile(rf"^{_NAME_PART}(?:\s+{_NAME_PART}){{1,3}}$")
_BYLINE_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|\band\b|&)\s*")
_OUTLET_WORDS = re.compile(
    r"\b(memo|policy|brief|briefing|report|review|journal|times|news|post|gazette|herald|institute|"
    r"center|centre|council|foundation|eurasia|analysis|commentary|opinion|no\.|issue|vol\.|press|agency|"
    r"reuters|bloomberg|tribune|observer|monitor|quarterly|digest|bulletin|newsletter)\b",
    re.IGNORECASE,
)
# "MINSK / VILNIUS", "KYIV, Dec 3 (Reuters) -", "WASHINGTON —"
_DATELINE = re.compile(
    r"^([A-Z][A-Z .'\-]{1,30}(?:\s*/\s*[A-Z][A-Z .'\-]{1,30})*)(?:,[^.]{0,40})?\s*[-\u2013\u2014]?\s*$"
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_DATE_PATTERNS = (
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})\b"),
    re.compile(r"\b([A-Z][a-z]+)\s+(\d{1,2}),\s*(\d{4})\b"),
)
_LEADING_DATE = re.compile(
    r"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?:[A-Z][a-z]+\s+\d{1,2},\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})(?!\d)"
)
_TERMINAL = re.compile(r"[.!?\u201d\"]\s*$")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "vs",
        "via",
        "with",
    ]
)
_WORDISH = re.compile(r"[^\W\d_][\w'\u2019-]*")


@dataclass(slots=True)
class Header:
    title: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    dateline: str | None = None
    date: str | None = None
    standfirst: str | None = None
    body_from: int = 1  # paragraph number where the body starts


def parse_date(text: str) -> str | None:
    """Return the first full date written in ``text`` as YYYY-MM-DD, if any."""
    for i, pattern in enumerate(_DATE_PATTERNS):
        m = pattern.search(text)
        if not m:
            continue
        try:
            if i == 0:
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            elif i == 1:
                y, mo, d = int(m.group(3)), _MONTHS.get(m.group(2).lower(), 0), int(m.group(1))
            else:
                y, mo, d = int(m.group(3)), _MONTHS.get(m.group(1).lower(), 0), int(m.group(2))
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None


def byline_authors(line: str) -> tuple[str, ...]:
    """Return the authors of a byline such as 'By Ryhor Nizhnikau and Arkady Moshes', or () if not one."""
    text = re.sub(r"^(by|words by|written by)\s+", "", line.strip(), flags=re.IGNORECASE)
    if len(text.split()) > 14 or _TERMINAL.search(text) and not text.endswith("."):
        return ()
    parts = [p.strip() for p in _BYLINE_SPLIT.split(text) if p.strip()]
    if parts and all(_PERSON.match(p) for p in parts):
        return tuple(parts)
    return ()


def _is_short_line(text: str) -> bool:
    # A closing quotation mark ends a quoted headline ('Talks stall; UN "concerned"'), not a sentence.
    bare = text.rstrip().rstrip("\"\u201d\u2019'")
    return len(text.split()) <= 25 and not _TERMINAL.search(bare if bare[-1:] not in ".!?" else text)


def _is_date_line(text: str) -> bool:
    """Return whether a paragraph is a date on its own line ("Saturday, January 8, 2005")."""
    return len(text.split()) <= 8 and parse_date(text) is not None


def is_headline_case(text: str, lower: float = 0.15) -> bool:
    """Return whether ``text`` is written like a headline: its content words (after the first) capitalised.

    At most a ``lower`` share of them may be lower case. "Poll: Wealthy Voters Abandon Republican Party
    for Hillary Clinton." is a headline even with its full stop; "Clinton wins primary in New York." is
    not told apart from a sentence, and stays one.
    """
    if lower == 0.0:
        # The strict test stops at the first lower-case content word: within a few words in prose.
        seen = 0
        for i, m in enumerate(_WORDISH.finditer(text)):
            w = m.group(0)
            if i == 0 or w.lower() in _SMALL_WORDS:
                continue
            if not w[0].isupper():
                return False
            seen += 1
        return seen >= 3
    content = [w for w in _WORDISH.findall(text)[1:] if w.lower() not in _SMALL_WORDS]
    return len(content) >= 3 and sum(not w[0].isupper() for w in content) <= lower * len(content)


def _is_title_line(text: str, following: str | None) -> bool:
    """Return whether an opening line is a title: short and unpunctuated, in headline case, or a short
    one-sentence line ("Clinton wins New York primary.") above a paragraph of prose."""
    words = len(text.split())
    if _is_short_line(text) or (words <= 25 and is_headline_case(text)):
        return True
    one_sentence = not re.search(r"[.!?]\s+\S", text.strip())
    return one_sentence and words <= 14 and following is not None and len(following.split()) >= 25


def infer_header(paras: list[str]) -> Header:
    """Return what the opening paragraphs say about the document; body_from marks where prose starts."""
    header = Header()
    i = 0
    limit = min(len(paras), 8)
    while i < limit:
        text = paras[i]
        if header.dateline is None and _DATELINE.match(text) and len(text) <= 60:
            header.dateline = text.strip(" -\u2013\u2014")
            if i > 0 and header.standfirst is None and header.title is None:
                header.standfirst = paras[i - 1]
            i += 1
            break  # the body follows a dateline
        if not header.authors and (authors := byline_authors(text)):
            header.authors = authors
        elif header.date is None and len(text.split()) <= 8 and (date := parse_date(text)):
            header.date = date
        elif (
            header.outlet is None
            and _is_short_line(text)
            and _OUTLET_WORDS.search(text)
            and (header.title is not None or i > 0)
        ):
            header.outlet = text
        elif header.title is None and i == 0 and _opens_with_title(paras):
            header.title = text
        elif header.date is None and _is_short_line(text) and i + 1 < limit and _dated(paras[i + 1]):
            pass  # a caption or kicker between the title and the date line
        elif i == 0 and len(text.split()) <= 60 and i + 1 < len(paras) and _DATELINE.match(paras[i + 1]):
            pass  # a standfirst before a dateline: recorded when the dateline is seen
        else:
            if header.date is None and (lead := _LEADING_DATE.match(text)):
                header.date = parse_date(lead.group(0))  # "Saturday, March 26, 2005 Up to four times ..."
            break
        i += 1
    header.body_from = i + 1
    return header


def _opens_with_title(paras: list[str]) -> bool:
    """Return whether the first paragraph is a title: shaped like one, or a short line above a date line."""
    text = paras[0]
    if _is_title_line(text, _after_date_lines(paras, 1)):
        return True
    return len(paras) > 1 and _is_date_line(paras[1]) and len(text.split()) <= 25


def _dated(text: str) -> bool:
    """Return whether a paragraph is, or opens with, a full date."""
    return _is_date_line(text) or _LEADING_DATE.match(text) is not None


def _after_date_lines(paras: list[str], i: int) -> str | None:
    """Return the first paragraph from ``i`` on that is not a date line, or None."""
    while i < len(paras) and _is_date_line(paras[i]):
        i += 1
    return paras[i] if i < len(paras) else None


def source_with_header(
    sid: str,
    path: Path,
    paras: list[str],
    reader: str,
    *,
    opening: list[str] | None = None,
    title: str | None = None,
    authors: tuple[str, ...] = (),
    outlet: str | None = None,
    date: str | None = None,
    dateline: str | None = None,
    standfirst: str | None = None,
    url: str | None = None,
    genre: str | None = None,
) -> Source:
    """Return a Source of ``paras`` numbered from 1, with what the file's metadata states, else what its
    opening lines say (``opening``: the lines to read them from, when that is not all of ``paras``)."""
    header = infer_header(paras if opening is None else opening)
    return Source(
        id=sid,
        path=str(path),
        paragraphs=tuple(Paragraph(i, p) for i, p in enumerate(paras, 1)),
        title=title or header.title,
        authors=authors or header.authors,
        outlet=outlet or header.outlet,
        date=date or header.date,
        dateline=dateline or header.dateline,
        standfirst=standfirst or header.standfirst,
        url=url,
        genre=genre,
        reader=reader,
        body_from=min(header.body_from, len(paras)),
    )

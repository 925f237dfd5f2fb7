"""Find dated events in sentences and merge the same event reported by several sources."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from ..model import Event, Sentence, Source
from .dates import MONTHS, DateMention, find_dates, parse_iso

# Prepositions under which a date marks when something happened ("in June", "on 12 March", "by 2024").
_EVENT_GOVERNORS = {"", "in", "on", "by", "during", "at", "around", "as of", "of"}
_CONDITIONAL_START = re.compile(r"^[\"'\u201c\u2018(]*(?:if|unless|whether|should|suppose)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|shall|won[\u2019']t|(?:is|are) (?:due|set|scheduled|expected|likely) to|plans to|upcoming|"
    r"next (?:week|month|year))\b",
    re.I,
)
_ARGUMENT = re.compile(r"\b(?:we|I) (?:argue|believe|think|contend|suggest|propose)\b", re.I)
# Nouns naming datable happenings: "the invasion of Ukraine in February 2022" makes an anchor.
_EVENT_NOUNS = (
    "invasion|war|election|elections|revolution|protests|uprising|summit|referendum|coup|annexation|"
    "pandemic|crisis|attack|attacks|ceasefire|agreement|treaty|visit"
)
_ANCHOR_DEF = re.compile(
    r"((?:[A-Z][\w\u2019'-]*\s+){0,3}(?:[\w-]+\s+){0,2}(?P<noun>" + _EVENT_NOUNS + r")"
    r"(?:\s+(?:of|on|in|against|with)\s+(?:the\s+)?[A-Z][\w-]*)?)\s+(?:in|on)\s+$",
    re.I,
)
_ANCHOR_USE = re.compile(
    r"\b(?:at the (?:outset|beginning|start|onset) of|in the (?:wake|aftermath) of|on the eve of|after|following)"
    r"\s+(?:the\s+)?(?P<np>(?:[\w\u2019'-]+\s+){0,3}?(?P<noun>" + _EVENT_NOUNS + r")"
    r"(?:\s+(?:of|on|in|against|with)\s+(?:the\s+)?[A-Z][\w-]*)?)",
    re.I,
)
_CLAUSE_SPLIT = re.compile(r"[,;:()\u2013\u2014]")
_NAME = re.compile(r"[A-Z][\w-]+")
_WORD = re.compile(r"[^\W\d_][\w\u2019'-]*")
_STOP_WORDS = (
    "the a an and or but of in on at by to for from with as that this these those is are was were be been has "
    "have had it its his her their they he she we our who which what when while after before into over than "
    "also not no more most some any all other such only even still yet more about against during"
)
_STOP = frozenset(_STOP_WORDS.split())
# Shared-word test for "the same event": at least this many shared stems and this share of the shorter set.
MIN_SHARED = 3
MIN_OVERLAP = 0.3


@dataclass(frozen=True, slots=True)
class _Candidate:
    date: str
    sentence: Sentence
    order: int
    stems: frozenset[str]


def _stems(text: str) -> frozenset[str]:
    """Return the content-word stems of a sentence: lower case, 6-letter prefixes, no dates or stop words."""
    out = set()
    for w in _WORD.findall(text):
        low = w.lower().rstrip("\u2019'").removesuffix("\u2019s").removesuffix("'s")
        if len(low) < 3 or low in _STOP or low in MONTHS:
            continue
        out.add(low[:6])
    return frozenset(out)


def _anchor_key(phrase: str, noun: str) -> tuple[str, frozenset[str]]:
    names = frozenset(re.sub(r"[\u2019']s$", "", n) for n in _NAME.findall(phrase))
    return noun.lower().rstrip("s"), names


def _learn_anchors(texts: list[tuple[str, list[DateMention]]]) -> dict[tuple[str, frozenset[str]], str]:
    """Return dates the text gives for named happenings ("the invasion of Ukraine in February 2022")."""
    anchors: dict[tuple[str, frozenset[str]], str] = {}
    for text, mentions in texts:
        for m in mentions:
            found = _ANCHOR_DEF.search(text[: m.start])
            if found:
                anchors.setdefault(_anchor_key(found.group(1), found.group("noun")), m.date)
    return anchors


def _anchor_date(text: str, anchors: dict[tuple[str, frozenset[str]], str]) -> str | None:
    """Return the date of a happening the sentence refers to without a date ("at the outset of the invasion")."""
    for use in _ANCHOR_USE.finditer(text):
        if re.search(r"\b(?:since|until)\b", _CLAUSE_SPLIT.split(text[: use.start()])[-1], re.I):
            continue  # "since the outset of the invasion" describes a state, not a happening
        noun, names = _anchor_key(use.group("np"), use.group("noun"))
        matches = {d for (n, ns), d in anchors.items() if n == noun and (names & ns or not (names or ns))}
        if len(matches) == 1:
            return matches.pop()
    return None


def _is_happening(text: str) -> bool:
    """Return whether a sentence reports something that happened (not a question, plan or argument)."""
    stripped = text.rstrip("\"'\u201d\u2019) ")
    if stripped.endswith("?") or len(text.split()) < 5:
        return False
    return not (_CONDITIONAL_START.search(text) or _FUTURE.search(text) or _ARGUMENT.search(text))


def _event_date(
    text: str, mentions: list[DateMention], anchors: dict[tuple[str, frozenset[str]], str]
) -> str | None:
    """Return the date a sentence's event happened: its most precise non-span date, else a known anchor."""
    usable = [m for m in mentions if not m.span and m.governor in _EVENT_GOVERNORS]
    if not usable and any(m.span for m in mentions):
        return None
    if usable:
        best = max(usable, key=lambda m: m.precision)
        if best.governor == "of" and best.precision == 1:
            return None  # "the rebound of 2023" names a period, not a happening
        return best.date
    return _anchor_date(text, anchors)


def _merge(candidates: list[_Candidate]) -> list[Event]:
    """Return events with the same date and similar words merged, keeping the first candidate's text."""
    events: list[Event] = []
    by_date: dict[str, list[_Candidate]] = defaultdict(list)
    for c in candidates:
        by_date[c.date].append(c)
    for day, bucket in by_date.items():
        groups: list[list[_Candidate]] = []
        index: dict[str, list[int]] = defaultdict(list)  # stem -> groups; keeps comparisons near-linear
        for c in sorted(bucket, key=lambda c: c.order):
            shared: dict[int, int] = defaultdict(int)
            for stem in c.stems:
                for g in index[stem]:
                    shared[g] += 1
            target = None
            for g, n in sorted(shared.items()):
                head = groups[g][0].stems
                if n >= MIN_SHARED and n / max(1, min(len(head), len(c.stems))) >= MIN_OVERLAP:
                    target = g
                    break
            if target is None:
                groups.append([c])
                for stem in c.stems:
                    index[stem].append(len(groups) - 1)
            else:
                groups[target].append(c)
        for group in groups:
            cites = tuple(dict.fromkeys(c.sentence.cite for c in group))
            events.append(Event(date=day, text=group[0].sentence.text, cites=cites))
    return events


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _undated_reference(source: Source, fallback: date) -> date:
    """Return the 'now' of an undated source: the brief's date, or the end of the latest year it names.

    An article that names 2025 as its latest year was written in 2025, so its "in March" is March 2025
    even when the brief is dated later.
    """
    years = [int(y) for p in source.paragraphs for y in _YEAR.findall(p.text) if int(y) <= fallback.year]
    if years and max(years) < fallback.year:
        return date(max(years), 12, 31)
    return fallback


def _sentence_reference(text: str, ref: date) -> date:
    """Return the reference date for one sentence: a single year it names fixes its bare months."""
    years = {int(y) for y in _YEAR.findall(text)}
    if len(years) == 1 and (year := years.pop()) <= ref.year:
        return min(ref, date(year, 12, 31))
    return ref


def find_events(
    sources: tuple[Source, ...], sentences: dict[str, tuple[Sentence, ...]], *, as_of: str
) -> tuple[Event, ...]:
    """Return the dated events of the sources, merged across sources, in date order."""
    fallback = parse_iso(as_of) or date.today()
    found: list[tuple[Sentence, list[DateMention]]] = []
    for source in sources:
        ref = parse_iso(source.date) or _undated_reference(source, fallback)
        for s in sentences.get(source.id, ()):
            found.append((s, find_dates(s.text, _sentence_reference(s.text, ref))))
    anchors = _learn_anchors([(s.text, ms) for s, ms in found])
    candidates: list[_Candidate] = []
    for order, (s, mentions) in enumerate(found):
        if not _is_happening(s.text):
            continue
        day = _event_date(s.text, mentions, anchors)
        if day:
            candidates.append(_Candidate(day, s, order, _stems(s.text)))
    events = _merge(candidates)
    rank = {s.id: i for i, s in enumerate(sources)}
    return tuple(sorted(events, key=lambda e: (e.date, rank.get(e.cites[0].source, 0), e.cites[0].paragraph)))

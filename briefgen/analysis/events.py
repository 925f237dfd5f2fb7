"""Find dated events in sentences and merge the same event reported by several sources."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..model import Event, Sentence, Source
from ..records import fast_pickle
from .dates import MONTHS, DateMention, find_dates_with_ref, parse_iso
from .event_parts import Dated, dated_parts, is_caption, period_end, period_start
from .standalone import page_furniture, strip_dateline
from .tense import Direction, future_at, reports

# Prepositions under which a date marks when something happened ("in June", "on 12 March", "by 2024").
_EVENT_GOVERNORS = {"", "in", "on", "by", "during", "at", "around", "as of", "of"}
_CONDITIONAL_START = re.compile(r"^[\"'\u201c\u2018(]*(?:if|unless|whether|should|suppose)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|shall|won[\u2019']t|(?:is|are) (?:due|set|scheduled|expected|likely) to|plans to|upcoming|"
    r"next (?:week|month|year))\b",
    re.I,
)
_ARGUMENT = re.compile(r"\b(?:we|I) (?:argue|believe|think|contend|suggest|propose)\b", re.I)
_FUTURE_OR_ARGUMENT = re.compile(_FUTURE.pattern + "|" + _ARGUMENT.pattern, re.I)  # one scan for both
_ODD_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
# Words without one of which a pattern cannot match (lower case; see may_match).
_FUTURE_HINTS = (
    "will", "shall", "won't", "won\u2019t", "due to", "set to", "scheduled to", "expected to", "likely to", "plans to",
    "upcoming", "next week", "next month", "next year", "argue", "believe", "think", "contend", "suggest",
    "propose",
)  # fmt: skip
_ANCHOR_USE_HINTS = ("after", "following", "at the ", "eve of", "wake of")
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
# _ANCHOR_DEF's end: the event noun (with its "of X"), then "in"/"on". Checked on the text before a date
# with its trailing white space removed, it spares the costly search for most dates.
_ANCHOR_TAIL = re.compile(
    r"(?:" + _EVENT_NOUNS + r")(?:\s+(?:of|on|in|against|with)\s+(?:the\s+)?[A-Z][\w-]*)?\s+(?:in|on)\Z", re.I
)
_ANCHOR_USE = re.compile(
    r"\b(?:at the (?:outset|beginning|start|onset) of|in the (?:wake|aftermath) of|on the eve of|after|following)"
    r"\s+(?:the\s+)?(?P<np>(?:[\w\u2019'-]+\s+){0,3}?(?P<noun>" + _EVENT_NOUNS + r")"
    r"(?:\s+(?:of|on|in|against|with)\s+(?:the\s+)?[A-Z][\w-]*)?)",
    re.I,
)
_EVENT_NOUN_HINTS = tuple(_EVENT_NOUNS.split("|"))
_CLAUSE_SPLIT = re.compile(r"[,;:()\u2013\u2014]")
_NAME = re.compile(r"[A-Z][\w-]+")
_WORD = re.compile(r"[^\W\d_][\w\u2019'-]*")
_POSSESSIVE_S = re.compile(r"[\u2019']s$")
_SINCE_UNTIL = re.compile(r"\b(?:since|until)\b", re.I)
_STOP_WORDS = (
    "the a an and or but of in on at by to for from with as that this these those is are was were be been has "
    "have had it its his her their they he she we our who which what when while after before into over than "
    "also not no more most some any all other such only even still yet more about against during"
)
_STOP = frozenset(_STOP_WORDS.split())
# Shared-word test for "the same event": at least this many shared stems and this share of the shorter set.
MIN_SHARED = 3
MIN_OVERLAP = 0.3


def folds_plainly(text: str) -> bool:
    """Return whether a case-insensitive pattern's ASCII letters match only their own two cases in ``text``.

    Case-insensitive matching also lets four other letters stand for ASCII ones (dotted and dotless i,
    long s, the Kelvin sign); without them a match shows in ``text.lower()`` as lower-case ASCII.
    """
    return text.isascii() or not _ODD_FOLDS.search(text)


def may_match(text: str, hints: tuple[str, ...]) -> bool:
    """Return False when a case-insensitive pattern needing one of ``hints`` (lower case) cannot match ``text``."""
    return _hinted(_lowered(text), hints)


def _lowered(text: str) -> str | None:
    """Return ``text`` in lower case for keyword checks, or None when they cannot judge it."""
    return text.lower() if folds_plainly(text) else None


def _hinted(low: str | None, hints: tuple[str, ...]) -> bool:
    """Return False when a text (lowered by ``_lowered``) holds none of ``hints``."""
    return low is None or any(map(low.__contains__, hints))  # map: no Python frame per hint


@dataclass(frozen=True, slots=True)
class _Candidate:
    date: str
    sentence: Sentence
    order: int
    stems: frozenset[str]
    kind: str = "happened"
    label: str = ""
    guessed: bool = False  # a bare month or day whose year came from elsewhere in an undated source


def _stems(text: str) -> frozenset[str]:
    """Return the content-word stems of a sentence: lower case, 6-letter prefixes, no dates or stop words."""
    out = set()
    for w in _WORD.findall(text):
        low = w.lower().rstrip("\u2019'").removesuffix("\u2019s").removesuffix("'s")
        if len(low) < 3 or low in _STOP or low in MONTHS:
            continue
        out.add(low[:6])
    return frozenset(out)


AnchorKey = tuple[str, frozenset[str]]  # (event noun, names beside it): "invasion", {"Ukraine"}


@fast_pickle
@dataclass(frozen=True, slots=True)
class SentenceDates:
    """What one sentence gives the events stage; kept per source, so it can be cached."""

    mentions: tuple[DateMention, ...]
    ref: str | None  # the reference date its mentions needed for a year (ISO), or None: they needed none
    year: int | None  # the one year the sentence names, which fixes its bare months
    happening: bool
    anchors: tuple[tuple[AnchorKey, str], ...]  # dates it gives named happenings
    uses: tuple[AnchorKey, ...]  # named happenings it refers to without a date
    ahead_from: int = -1  # where a plan or forecast begins ("will", "is due to"); dates after it are expected
    reports: bool = False  # told in the past tense: what it dates had happened when it was written


@fast_pickle
@dataclass(frozen=True, slots=True)
class SourceDates:
    """The per-source half of the events stage: the years a source names and its sentences' dates."""

    years: tuple[int, ...]
    sentences: tuple[SentenceDates, ...]


# The reference for undated sources that name no year; their sentences that need one are redone.
_PROBE = date(2000, 1, 1)


def _anchor_key(phrase: str, noun: str) -> AnchorKey:
    names = frozenset(_POSSESSIVE_S.sub("", n) for n in _NAME.findall(phrase))
    return noun.lower().rstrip("s"), names


def _anchor_uses(text: str, low: str | None) -> tuple[AnchorKey, ...]:
    """Return the happenings a sentence refers to without a date ("at the outset of the invasion")."""
    uses: list[AnchorKey] = []
    if not _hinted(low, _ANCHOR_USE_HINTS) or not _hinted(low, _EVENT_NOUN_HINTS):
        return ()
    for use in _ANCHOR_USE.finditer(text):
        if _SINCE_UNTIL.search(_CLAUSE_SPLIT.split(text[: use.start()])[-1]):
            continue  # "since the outset of the invasion" describes a state, not a happening
        uses.append(_anchor_key(use.group("np"), use.group("noun")))
    return tuple(uses)


def _anchor_date(
    uses: tuple[AnchorKey, ...], anchors: dict[str, list[tuple[frozenset[str], str]]]
) -> str | None:
    """Return the date of the first happening referred to that exactly one anchor dates."""
    for noun, names in uses:
        matches = {d for ns, d in anchors.get(noun, ()) if names & ns or not (names or ns)}
        if len(matches) == 1:
            return matches.pop()
    return None


def _is_statement(text: str) -> bool:
    """Return whether a sentence states something (not a question, a condition or a fragment)."""
    stripped = text.rstrip("\"'\u201d\u2019) ")
    if stripped.endswith("?") or len(text.split(maxsplit=4)) < 5:  # fewer than five words
        return False
    return not _CONDITIONAL_START.match(text)


def _is_happening(text: str, low: str | None) -> bool:
    """Return whether a sentence reports something that happened (not a question, plan or argument)."""
    if not _is_statement(text):
        return False
    return not (_hinted(low, _FUTURE_HINTS) and _FUTURE_OR_ARGUMENT.search(text))


def _event_dates(
    text: str, sd: SentenceDates, anchors: dict[str, list[tuple[frozenset[str], str]]]
) -> list[Dated]:
    """Return a sentence's dated events: its own dates (see dated_parts), else a known anchor's date."""
    parts = dated_parts(text, sd.mentions)
    if parts is not None:
        return parts
    if any(m.span or m.governor in _EVENT_GOVERNORS for m in sd.mentions):
        return []  # its dates describe spans or other things than its own event
    day = _anchor_date(sd.uses, anchors)
    return [Dated(day, "", -1, "")] if day else []


def _kind(part: Dated, sd: SentenceDates, ref: date, dated: bool) -> str | None:
    """Return "happened" or "expected" for an event dated ``day`` in a source written at ``ref``, or None.

    A plan or forecast is expected while its date has not passed at the writing; a report of something
    dated after the writing is expected too ("the vote on 8 January"); a plan dated before it is dropped.
    """
    start, end = period_start(part.date), period_end(part.date)
    if start is None or end is None:
        return None
    told_ahead = sd.ahead_from >= 0 and part.start > sd.ahead_from and part.governor != "back"
    if part.governor == "ahead" or told_ahead:
        # an undated source's plan stays a plan: whether its day has passed is unknown
        return "expected" if end >= ref or not dated else None
    if not dated and part.bare and not sd.reports and sd.happening:
        return "expected"  # "is preparing for the marathon on 17 April", in a source without a date
    if sd.happening or sd.ahead_from >= 0:  # "He repeated the pledge on Monday, saying he would ..."
        # A past-tense report dated after its reference is a wrong guess of an undated source's date.
        return "expected" if start > ref and not (sd.reports and not dated) else "happened"
    return None


def _sentence_dates(text: str, source_ref: date, toward: Direction | None = None) -> SentenceDates:
    """Return a sentence's dates (resolved against ``source_ref``), anchors and whether it is a happening.

    ``toward`` overrides the way the sentence's own tense points when a bare month gets its year.
    """
    years = {int(y) for y in _years(text)}
    year = years.pop() if len(years) == 1 else None
    ref = _sentence_reference(year, source_ref)
    mentions, used_ref = find_dates_with_ref(text, ref, toward or "past", source_ref)
    ahead_from = -1
    told: Direction = "past"
    if mentions:  # tense matters only to a sentence with dates; most have none
        ahead_from = future_at(text)
        told = "past" if reports(text) else ""
        if toward is None and used_ref and told != "past":
            mentions, _ = find_dates_with_ref(text, ref, told, source_ref)  # a bare month or weekday
        if toward is None and used_ref and ahead_from >= 0 and any(m.start > ahead_from for m in mentions):
            # dates after "will" or "is due to" look ahead; those before it belong to the report
            later, _ = find_dates_with_ref(text, ref, "future", source_ref)
            mentions = [b if b.start > ahead_from else a for a, b in zip(mentions, later, strict=True)]
    anchors = []
    for m in mentions:
        before = text[: m.start]
        tail = before.rstrip()
        if len(tail) == len(before) or not _ANCHOR_TAIL.search(tail):
            continue
        found = _ANCHOR_DEF.search(before)
        if found:
            anchors.append((_anchor_key(found.group(1), found.group("noun")), m.date))
    low = _lowered(text)  # once for the keyword checks below
    happening = ahead_from < 0 and _is_happening(text, low)
    uses = _anchor_uses(text, low) if happening else ()
    if (mentions or uses) and is_caption(text):  # only a sentence with dates could become an event
        happening, ahead_from, uses = False, -1, ()
    plans = ahead_from >= 0 and _is_statement(text) and not _ARGUMENT.search(text)
    return SentenceDates(
        tuple(mentions),
        ref.isoformat() if used_ref else None,
        year,
        happening,
        tuple(anchors),
        uses,
        ahead_from if plans else -1,
        told == "past",
    )


def date_source(source: Source, sentences: tuple[Sentence, ...]) -> SourceDates:
    """Return the per-source half of the events stage (an undated source's bare months are redone later)."""
    years = sorted({int(y) for p in source.paragraphs for y in _years(p.text)})
    # An undated source's likely reference: the end of its latest year, right whenever the brief is later.
    ref = parse_iso(source.date) or (date(years[-1], 12, 31) if years else _PROBE)
    # Without a writing day, "which starts on 19 March" cannot be placed ahead of it: months look back.
    toward: Direction | None = None if source.date else "past"
    return SourceDates(tuple(years), tuple(_sentence_dates(s.text, ref, toward) for s in sentences))


def _without_stale_plans(candidates: list[_Candidate]) -> list[_Candidate]:
    """Return the candidates without an undated source's plans placed in a year it tells as past.

    "I won silver in 2003 ... I will compete on 18 February" was written after 2003 began, so its February
    is not known to be February 2003: a plan whose year was guessed is left out when that year is no later
    than one the same source dates a happening to in so many words.
    """
    past: dict[str, int] = {}
    for c in candidates:
        if c.kind == "happened" and not c.guessed and c.date[:4].isdigit():
            src = c.sentence.cite.source  # "champion in 2001 and 2002": the sentence's latest year
            told = [int(y) for y in _years(c.sentence.text)]
            past[src] = max(past.get(src, 0), int(c.date[:4]), *told)
    return [
        c
        for c in candidates
        if not (c.guessed and c.kind == "expected" and int(c.date[:4]) <= past.get(c.sentence.cite.source, 0))
    ]


def _merge(candidates: list[_Candidate]) -> list[Event]:
    """Return events with the same date and similar words merged, keeping the first candidate's text."""
    events: list[Event] = []
    by_date: dict[tuple[str, str], list[_Candidate]] = defaultdict(list)
    for c in candidates:
        by_date[(c.date, c.kind)].append(c)  # what is expected stays apart from what happened
    for (day, kind), bucket in by_date.items():
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
            first = group[0]
            expected = kind == "expected"
            text = strip_dateline(first.sentence.text)  # "OSLO (AP) - The port ...": the place is not news
            events.append(Event(day, text, cites, "expected" if expected else "happened", first.label))
    return events


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _years(text: str) -> list[str]:
    """Return the years (1950-2099) named in ``text``."""
    return _YEAR.findall(text) if "19" in text or "20" in text else []


def _undated_reference(years: tuple[int, ...], fallback: date) -> date:
    """Return the 'now' of an undated source: the brief's date, or the end of the latest year it names.

    An article that names 2025 as its latest year was written in 2025, so its "in March" is March 2025
    even when the brief is dated later.
    """
    named = [y for y in years if y <= fallback.year]
    if named and max(named) < fallback.year:
        return date(max(named), 12, 31)
    return fallback


def _context_date(context: tuple[int, str] | None, s: Sentence) -> date | None:
    """Return the date an undated source's text last named in the same paragraph, as a reference."""
    if context is None or context[0] != s.cite.paragraph:
        return None
    return period_start(context[1])


def _sentence_reference(year: int | None, ref: date) -> date:
    """Return the reference date for one sentence: a single year it names fixes its bare months."""
    if year is not None and year <= ref.year:
        return min(ref, date(year, 12, 31))
    return ref


def find_events(
    sources: tuple[Source, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    *,
    as_of: str,
    dates: Mapping[str, SourceDates] | None = None,
) -> tuple[Event, ...]:
    """Return the dated events of the sources, merged across sources, in date order.

    ``dates`` holds each source's ``date_source`` result when the per-source stage computed it.
    """
    fallback = parse_iso(as_of) or date.today()
    # Happenings with a date or a reference to a dated happening, by reading order; anchors from all.
    found: list[tuple[int, Sentence, SentenceDates, date]] = []
    anchors: dict[str, list[tuple[frozenset[str], str]]] = defaultdict(list)
    seen: set[AnchorKey] = set()
    order = 0
    for source in sources:
        sents = sentences.get(source.id, ())
        known = dates.get(source.id) if dates is not None else None
        if known is None or len(known.sentences) != len(sents):
            known = date_source(source, sents)
        ref = parse_iso(source.date) or _undated_reference(known.years, fallback)
        context: tuple[int, str] | None = None  # an undated source's last full date: (paragraph, date)
        body = source.body_from
        for s, sd in zip(sents, known.sentences, strict=True):
            if sd.ref is not None:
                follows = _context_date(context, s) if source.date is None else None
                if follows is not None:
                    sd = _sentence_dates(s.text, follows, "future")  # "only in June", after January 2025
                elif sd.ref != _sentence_reference(sd.year, ref).isoformat():
                    # its bare months need this build's reference date (looking back when undated)
                    sd = _sentence_dates(s.text, ref, None if source.date else "past")
            elif sd.mentions:
                full = [m for m in sd.mentions if m.precision >= 2]
                context = (s.cite.paragraph, full[-1].date) if full else context
            if source.date is None and any(m.relative for m in sd.mentions):
                # without the writing day, "on Tuesday" or "next month" cannot be dated
                sd = dataclasses.replace(sd, mentions=tuple(m for m in sd.mentions if not m.relative))
            for key, given in sd.anchors:
                if key not in seen:  # the first date given for a happening wins
                    seen.add(key)
                    anchors[key[0]].append((key[1], given))
            if (
                (sd.happening or sd.ahead_from >= 0)
                and (sd.mentions or sd.uses)
                and s.cite.paragraph >= body
                and not page_furniture(s.text)
            ):
                found.append((order, s, sd, ref))  # titles, bylines and datelines are not events
            order += 1
    candidates: list[_Candidate] = []
    dated = {src.id for src in sources if parse_iso(src.date)}
    for order, s, sd, ref in found:
        stems: frozenset[str] | None = None
        for part in _event_dates(s.text, sd, anchors):
            kind = _kind(part, sd, ref, s.cite.source in dated)
            if kind:
                stems = _stems(s.text) if stems is None else stems  # once per sentence
                guessed = part.bare and sd.year is None and s.cite.source not in dated
                candidates.append(_Candidate(part.date, s, order, stems, kind, part.label, guessed))
    events = _merge(_without_stale_plans(candidates))
    rank = {s.id: i for i, s in enumerate(sources)}
    return tuple(sorted(events, key=lambda e: (e.date, rank.get(e.cites[0].source, 0), e.cites[0].paragraph)))

"""The week's stories: sources grouped by development, wire copies found, a lead and a weight for each.

A story is one development reported by one or more sources: the same event, the same people, the
same days. Each source is matched to a story by its opening (headline, standfirst and first body
sentences), compared as TF-IDF vectors with the stories already formed that share one of its
strongest terms and lie within a few days of it, so the work grows with the number of sources, not
with its square. Within a story, sources that share most of their sentences are copies of one wire
report and count once. A sentence about another year is background, not the story (see leads.py);
how much a story matters is importance.py's.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .. import ids
from ..model import Cite, Event, Extract, Quote, Source, Story, Theme
from .importance import rank
from .leads import (
    assesses,
    hard_news,
    impact,
    is_background,
    is_detail,
    is_feature,
    is_quotation,
    is_status,
    is_teaser,
    stands_after_dateline,
    tells_outcome,
)
from .notes import infer_genre
from .summarize import DUPLICATE, Week, _Item, _position
from .themes import ThemeScorer
from .vectors import Vector, cosine, normalise, words

OPENING = 5  # body sentences of a source that, with its headline, say what it reports
TOP_TERMS = 12  # a source's strongest terms, by which it finds the stories it may belong to
COMMON = 60  # a term shared by more stories than this says nothing about which one
CANDIDATES = 10  # stories compared in full with a source, those sharing most of its strong terms
JOIN = 0.18  # cosine of a source's opening to a story's at which it tells that story
UNDATED_MARGIN = 0.07  # undated sources need a closer match, as no date keeps stories apart
MAX_GAP = 2  # days between a report and the story's nearest earlier or later report, at most
MAX_SPAN = 6  # days a running story spans, at most: one week's development, not a season's theme
FOLLOW_UP = 0.2  # a report that carries a story past MAX_GAP from its first day needs a closer match
WIRE = 0.5  # share of the shorter source's sentences found word for word in the other: one report
LEAD_SPAN = 4  # a lead comes from the first body sentences: later ones add detail
POINT_SPAN = 8  # further points come from this far in
MAX_POINTS = 3
LABEL_WORDS = 16  # a headline longer than this is cut for a story's label
POINT_WORDS = 8  # content words a point needs: "X is the envoy to Y" identifies, it does not judge
SUPPORT_SIM = 0.3  # cosine at which another source's sentence backs a candidate
MAX_SUPPORT_SOURCES = 8  # sources of a big story compared for support (keeps it linear)

_WORDS = re.compile(r"\w+")


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _top(vec: Vector) -> list[str]:
    return [t for t, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]]


@dataclass(slots=True)
class _Group:
    members: list[int]
    total: dict[str, float]
    latest: dt.date | None
    earliest: dt.date | None = None
    terms: set[str] = field(default_factory=set)
    norm2: float = 0.0  # squared length of ``total``, kept as sources join (no renormalising)
    days: set[dt.date] = field(default_factory=set)

    def similarity(self, vec: Vector) -> float:
        """Return the cosine of a normalised vector with the story's summed openings."""
        if self.norm2 <= 0.0:
            return 0.0
        get = self.total.get
        return sum([v * get(t, 0.0) for t, v in vec.items()]) / math.sqrt(self.norm2)

    def add(self, i: int, vec: Vector, day: dt.date | None) -> None:
        self.members.append(i)
        if day is not None:
            self.days.add(day)
        total = self.total
        for t, v in vec.items():
            old = total.get(t, 0.0)
            total[t] = old + v
            self.norm2 += 2.0 * old * v + v * v
        if day is not None and (self.latest is None or day > self.latest):
            self.latest = day
        if day is not None and (self.earliest is None or day < self.earliest):
            self.earliest = day


def _continues(group: _Group, day: dt.date) -> bool:
    """Return whether a report of ``day`` may continue a story: a running story is told on
    consecutive days (each report within MAX_GAP days of another), within MAX_SPAN days in all."""
    assert group.earliest is not None and group.latest is not None
    if (max(day, group.latest) - min(day, group.earliest)).days > MAX_SPAN:
        return False
    return any(abs((day - d).days) <= MAX_GAP for d in group.days)


def group_sources(openings: Sequence[Vector], days: Sequence[dt.date | None]) -> list[list[int]]:
    """Return sources grouped into stories (indices into ``openings``), each in the given order.

    Sources are taken by date, then in order; each joins the most similar story that shares one of
    its strongest terms and was reported within MAX_GAP days of it (a running story, told day after
    day, stays one story for up to MAX_SPAN days), or starts a new one.
    """
    order = sorted(range(len(openings)), key=lambda i: (days[i] or dt.date.min, i))
    groups: list[_Group] = []
    index: dict[str, list[int]] = {}
    for i in order:
        vec, day = openings[i], days[i]
        top = _top(vec)
        shared: Counter[int] = Counter()
        for t in top:
            posting = index.get(t, ())
            if len(posting) <= COMMON:
                shared.update(posting)
        best, best_sim = -1, JOIN
        for g, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]:
            # A story spans a few days at most: a development, not a running theme of the week.
            span = [d for d in (groups[g].earliest, groups[g].latest) if d is not None]
            if day is not None and span and not _continues(groups[g], day):
                continue
            sim = groups[g].similarity(vec)
            if day is not None and span and any(abs((day - d).days) > MAX_GAP for d in span):
                sim -= FOLLOW_UP  # told again days later: the same people doing the next thing
            if day is None or not span:  # undated: only a close match tells the same story
                sim -= UNDATED_MARGIN
            if sim >= best_sim and (sim > best_sim or best < 0):
                best, best_sim = g, sim
        if best < 0:
            best = len(groups)
            groups.append(_Group([], {}, None))
        group = groups[best]
        group.add(i, vec, day)
        for t in vec:  # every term of the story's openings finds it; a source asks by its strongest
            if t not in group.terms:
                group.terms.add(t)
                index.setdefault(t, []).append(best)
    return [sorted(g.members) for g in groups]


def wire_groups(texts: Sequence[Sequence[Sequence[str]]]) -> list[int]:
    """Return, per source, the index of the first source it copies (itself if none): one report.

    ``texts`` holds each source's sentences as their stems; two sources are copies when at least
    WIRE of the shorter one's sentences (of four content words or more) are in the other too.
    """
    sets = [{" ".join(t) for t in sents if len(t) >= 4} for sents in texts]
    parent = list(range(len(sets)))
    for i in range(len(sets)):
        for j in range(i):
            small = min(len(sets[i]), len(sets[j]))
            if small and len(sets[i] & sets[j]) >= WIRE * small:
                parent[i] = parent[j]
                break
    return parent


@dataclass(slots=True)
class _Candidate:
    item: _Item
    group: int  # wire group of its source
    k: int  # position among its source's body sentences
    fresh: float = 1.0  # 1 for a report of the story's latest day, less for earlier ones
    day: dt.date | None = None  # its source's date
    score: float = 0.0
    cites: list[Cite] = field(default_factory=list)


def _statement_score(c: _Candidate, centre: Vector, others: Sequence[_Candidate], n_groups: int) -> float:
    """Return how well a sentence states its story: central, early, backed by other reports, done."""
    backing = {
        o.group for o in others if o.group != c.group and cosine(c.item.vector, o.item.vector) >= SUPPORT_SIM
    }
    support = len(backing) / (n_groups - 1) if n_groups > 1 else 0.0
    text = c.item.sentence.text
    return (
        0.4 * cosine(c.item.vector, centre)
        + 0.3 / (1.0 + c.k)  # news puts its development first
        + 0.2 * support
        + 0.1 * (hard_news(text) if c.k < LEAD_SPAN else 0.5)
        + 0.02 * c.fresh
        - (0.3 if is_quotation(text) else 0.0)
    )


def _with_cites(c: _Candidate, pool: Sequence[_Candidate]) -> Extract:
    """Return the candidate as an Extract, other reports of the same sentence as corroborating cites."""
    cites = [c.item.sentence.cite]
    for o in pool:
        fresh = o.item.sentence.cite.source not in {x.source for x in cites}
        if fresh and cosine(c.item.vector, o.item.vector) >= DUPLICATE:
            cites.append(o.item.sentence.cite)
    # The text the eligibility gate shows (a dateline cut, a referent in brackets), as theme summaries do.
    return Extract(c.item.text, tuple(cites), round(c.score, 6))


def _words_of(text: str | None) -> str:
    return " " + " ".join(_WORDS.findall(ids.normalise(text or ""))) + " "


def _repeats(item: _Item, title: str, stems: frozenset[str]) -> bool:
    """Return whether a sentence only repeats the headline (or a deck line printed with it)."""
    if not stems.issuperset(item.tokens):  # most sentences: one set test on the stems at hand
        return False
    said = _words_of(item.sentence.text)
    return len(title) > 2 and len(said) > 2 and said in title


def _fullness(c: _Candidate) -> float:
    """Return how much a sentence says, from 0 (a few words) to 1 (sixteen content words or more)."""
    return min(1.0, len(c.item.tokens) / 16)


def _name(source: Source) -> str:
    """Return how a story list names a source: its outlet, else its title's or body's first words.

    Never its file id, which means nothing to a reader (the JSON keeps the ids)."""
    if source.outlet:
        return source.outlet
    text = source.title or next(
        (p.text for p in source.paragraphs[source.body_from - 1 :] if p.text.strip()), ""
    )
    words = text.split()
    short = " ".join(words[:5]).rstrip(",:;.-\u2013\u2014") + ("\u2026" if len(words) > 5 else "")
    return short if source.title else f"\u201c{short}\u201d" if words else "untitled"


def _label(source: Source) -> str:
    """Return a short label from the text: the lead source's headline (its main clause, before a
    deck after ";"; a long one cut to its first words), or "" when it has none (importance.weigh_people
    names the story by its people then: the lead's first words would only repeat the bottom line)."""
    words = (source.title or "").split(";")[0].split()
    return " ".join(words[:LABEL_WORDS]) + ("\u2026" if len(words) > LABEL_WORDS else "")


def _feature(source: Source, body: Sequence[_Item], lead: str) -> bool:
    """Return whether a story's lead source is a feature, explainer or opinion piece (leads.is_feature),
    judged by how the piece opens (its first sentence of four words or more) and by its lead."""
    opening = next((it.sentence.text for it in body if len(it.tokens) >= 4), "")
    genre = source.genre or infer_genre(source)
    return is_feature(opening, source.title, genre) or is_feature(lead, None, None)


def _current(pool: list[_Candidate]) -> list[_Candidate]:
    """Return the candidates less those a later report has overtaken: a status or look ahead
    ("talks continue", "is expected to") from a day before a report that tells what came of it."""
    outcomes = [
        c.day for c in pool if c.day is not None and c.k < LEAD_SPAN and tells_outcome(c.item.sentence.text)
    ]
    if not outcomes:
        return pool
    last = max(outcomes)
    return [c for c in pool if c.day is None or c.day >= last or not is_status(c.item.sentence.text)]


def _first_report(sources: Sequence[Source]) -> Source:
    """Return the source that reported a story first: the earliest dated, ties by id (undated last)."""
    return min(sources, key=lambda s: (s.date[:10] if s.date else "\uffff", s.id))


def find_stories(
    week: Week,
    sources: Sequence[Source],
    quotes: Sequence[Quote],
    events: Sequence[Event],
    themes: Sequence[Theme],
    *,
    as_of: str,
) -> tuple[Story, ...]:
    """Return the week's stories, most important first (before the people's centrality is known)."""
    by_source: dict[str, list[_Item]] = {}
    for it in week.items:
        by_source.setdefault(it.sentence.cite.source, []).append(it)
    this = _date(as_of) or dt.date.today()
    present = [s for s in sources if by_source.get(s.id)]
    openings: list[Vector] = []
    body: dict[str, list[_Item]] = {}
    background: set[int] = set()  # sentences about another time, by their order in the week
    for s in present:
        items = by_source[s.id]
        head = [it for it in items if it.sentence.cite.paragraph < s.body_from]
        rest = [it for it in items if it.sentence.cite.paragraph >= s.body_from] or items
        # Only sentences that could stand in a brief are asked (the rest belong to no shown item).
        background.update(it.order for it in rest if it.standalone and is_background(it.sentence.text, this))
        body[s.id] = rest
        # Short lines ("ABSTRACT.", "___.") are an outlet's furniture, not what it reports; each
        # sentence of the opening counts alike, however long.
        lines = head + [it for it in rest if len(it.tokens) >= 4][:OPENING]
        openings.append(normalise(_sum(it.vector for it in lines if len(it.tokens) >= 2)))
    days = [_date(s.date) for s in present]
    scorer = ThemeScorer(themes)
    quotes_by: dict[str, list[Quote]] = {}
    for q in quotes:
        quotes_by.setdefault(q.cite.source, []).append(q)
    events_by: dict[str, list[Event]] = {}
    for e in events:
        for src in {c.source for c in e.cites}:
            events_by.setdefault(src, []).append(e)

    stories: list[Story] = []
    for members in group_sources(openings, days):
        group_sources_ = [present[i] for i in members]
        centre = normalise(_sum(openings[i] for i in members))
        wires = (
            wire_groups([[it.tokens for it in body[s.id]] for s in group_sources_])
            if len(group_sources_) > 1
            else [0]
        )
        n_groups = len(set(wires))
        # Independent sources: one per wire report, and one per outlet (two pieces from one
        # newsroom are one source); a source without an outlet stands for itself.
        outlets = {
            (s.outlet or "").casefold() or f"\x00{g}" for g, s in zip(wires, group_sources_, strict=True)
        }
        independent = min(n_groups, len(outlets))
        pool: list[_Candidate] = []
        newest = max((d for d in (_date(s.date) for s in group_sources_) if d), default=None)
        for g, s in zip(wires, group_sources_, strict=True):
            title, stems = _words_of(s.title), frozenset(words(s.title or ""))
            day = _date(s.date)
            # A running story leads with its latest development.
            fresh = 1.0 if newest is None or day is None else 1.0 / (1.0 + (newest - day).days)
            # Position counts the text's sentences only: not "ABSTRACT.", a deck line or the headline again.
            text = [it for it in body[s.id] if len(it.tokens) >= 4 and not _repeats(it, title, stems)]
            for k, it in enumerate(text[:POINT_SPAN]):
                # A dateline opens only a source's first sentence.
                # A teaser ("a ruling that should make her smile") withholds the news it leads to.
                if (
                    it.standalone
                    and it.order not in background
                    and (k or stands_after_dateline(it.sentence.text))
                    and not is_teaser(it.sentence.text)
                ):
                    pool.append(_Candidate(it, g, k, fresh, day))
        pool = _current(pool)
        if not pool:
            continue
        backers = set(wires[:MAX_SUPPORT_SOURCES])
        support_pool = [c for c in pool if c.k < LEAD_SPAN and c.group in backers] if n_groups > 1 else []
        for c in pool:
            # Backing by other reports decides between leads; a later point is not weighed by it.
            others = support_pool if c.k < LEAD_SPAN else []
            c.score = _statement_score(c, centre, others, n_groups)
        # A point is judged less by place than a lead: a full statement on the story, not a gloss.
        worth = {
            id(c): c.score
            - 0.3 / (1.0 + c.k)
            + 0.1 * _position(c.k)
            + 0.2 * _fullness(c)
            + 0.1 * assesses(c.item.sentence.text)
            for c in pool
        }
        # A lead comes from the opening sentences; a source whose opening stands nowhere alone
        # (a memo's summary of headings, say) gives its best statement further in.
        early = [c for c in pool if c.k < LEAD_SPAN] or pool
        # A running story: a look ahead reported days before its latest report has been overtaken.
        behind = 1.0 / (1 + MAX_GAP)  # ``fresh`` of a report MAX_GAP days before the latest
        current = [c for c in early if c.fresh >= behind or hard_news(c.item.sentence.text) == 1.0]
        lead = min(current or early, key=lambda c: (-c.score, c.item.order))
        points: list[_Candidate] = []
        for c in sorted(pool, key=lambda c: (-worth[id(c)], c.item.order)):
            if len(points) == MAX_POINTS:
                break
            if (
                c is lead
                or len(c.item.tokens) < POINT_WORDS
                or is_detail(c.item.sentence.text)
                or any(cosine(c.item.vector, x.item.vector) >= 0.5 for x in (lead, *points))
            ):
                continue
            points.append(c)
        lead_source = next(s for s in group_sources_ if s.id == lead.item.sentence.cite.source)
        ordered = [lead_source] + [s for s in group_sources_ if s is not lead_source]
        ids_ = tuple(s.id for s in ordered)
        dates = tuple(sorted({s.date[:10] for s in ordered if s.date}))
        latest = max((d for d in (_date(x) for x in dates) if d), default=None)
        recency = 0.5 if latest is None else 1.0 / (1.0 + max(0, (this - latest).days) / 3.0)
        tokens = [t for c in (lead, *points) for t in c.item.tokens]
        # A preview ("Heading into Tuesday's primary, ...") days before as_of: the week has moved on.
        overtaken = latest is not None and (this - latest).days > MAX_GAP and hard_news(lead.item.text) == 0.0
        stories.append(
            Story(
                id=ids.story_id(_first_report(group_sources_).id),
                label=_label(lead_source),
                sources=ids_,
                outlets=tuple(_name(s) for s in ordered),
                dates=dates,
                lead=_with_cites(lead, pool),
                points=tuple(_with_cites(c, support_pool) for c in points),
                sentences=tuple(
                    dict.fromkeys(
                        ids.sentence_id(it.text)  # the text a brief shows (see standalone.py)
                        for s in ordered
                        for it in body[s.id]
                        if it.standalone and it.order not in background
                    )
                ),
                quotes=tuple(q.id for s in ordered for q in quotes_by.get(s.id, ())),
                events=tuple(
                    dict.fromkeys(
                        e.id for s in ordered for e in events_by.get(s.id, ()) if e.date[:4] == str(this.year)
                    )
                ),
                independent=independent,
                recency=round(recency, 6),
                # A lead that is not its source's first sentence is a delayed lead: a feature's.
                hard=hard_news(lead.item.sentence.text) * (1.0 if lead.k == 0 else 0.5),
                impact=impact(lead.item.sentence.text),
                relevance=tuple(round(r, 6) for r in scorer.relevance(tokens)),
                # Several independent reports make a development, whatever the pieces are.
                feature=independent == 1
                and (overtaken or _feature(lead_source, body[lead_source.id], lead.item.sentence.text)),
            )
        )
    return rank(stories, range(len(themes)))


def _sum(vectors: Iterable[Vector]) -> dict[str, float]:
    total: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
    return total

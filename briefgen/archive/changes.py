"""What changed since the audience's previous brief: new events, new voices, theme trends, developing stories."""

from __future__ import annotations

import datetime as dt
import re

from ..analysis.segment import sentence_spans
from ..model import (
    Analysis,
    Block,
    BulletList,
    Changes,
    Event,
    Extract,
    Para,
    Quote,
    ThemeSummary,
    ThemeTrend,
)
from .history import History, long_date, person_names, speaker_key
from .stories import developments, is_background, paragraph_counts, person_finder

RISE = 1.5  # a theme's share of coverage this many times its recent average is rising
MIN_SENTENCES = 5  # fewer sentences than this on either side is too little to call a trend
TREND_BASE = 4  # the share is compared with the average of this many previous weeks
MAX_NEW_EVENTS = 8  # the latest new events; the timeline holds the rest
MAX_NEW_VOICES = 6  # the best-placed quotes of people not quoted in recent weeks


# Not news in itself: an embedded post (handles, short links), a page's own date line ("This is ...
# for Monday"), a correction notice.
_NOT_NEWS = re.compile(
    r"pic\.twitter\.com|https?://|(?:^|\s)[@#]\w|^This is\b|\bediting error\b|\bmisstated\b"
    r"|\ban earlier version of this\b",
    re.IGNORECASE,
)


def _readable(text: str) -> bool:
    """Return whether an event's sentence reads as news: a whole sentence, no markup, post or notice."""
    return "<" not in text and ">" not in text and len(text.split()) >= 6 and not _NOT_NEWS.search(text)


def _after(date: str | None, since: str) -> bool:
    """Return whether a YYYY-MM-DD date is later than ``since`` (partial dates are not)."""
    return date is not None and len(date) == 10 and date > since


def _since(history: History, as_of: str) -> str:
    """Return the date after which a source or event counts as this week's."""
    if history.since is not None:
        return history.since
    return (dt.date.fromisoformat(as_of) - dt.timedelta(days=7)).isoformat()


def theme_trends(history: History, themes: tuple[ThemeSummary, ...]) -> tuple[ThemeTrend, ...]:
    """Return each theme's coverage this week and in the archived weeks before it."""
    return tuple(
        ThemeTrend(
            t.theme.id,
            t.theme.title,
            t.sentences,
            tuple(history.coverage.get(w, {}).get(t.theme.id, 0) for w in history.weeks),
            history.weeks,
        )
        for t in themes
    )


def trend_lines(trends: tuple[ThemeTrend, ...]) -> list[str]:
    """Return "Rising: …" and "Falling: …" lines for themes whose share of coverage moved markedly."""
    if not trends or not trends[0].previous_weeks:
        return []
    base = min(TREND_BASE, len(trends[0].previous_weeks))
    total_now = sum(t.this_week for t in trends) or 1
    totals_then = [sum(t.previous_weeks[-base:][i] for t in trends) or 1 for i in range(base)]
    rising: list[str] = []
    falling: list[str] = []
    for t in trends:
        then = t.previous_weeks[-base:]
        share_now = t.this_week / total_now
        share_then = sum(v / tot for v, tot in zip(then, totals_then, strict=True)) / base
        weeks = "week" if base == 1 else f"{base} weeks"
        words = f"{share_now:.0%} of this week's theme coverage, against {share_then:.0%} over the previous {weeks}"
        if t.this_week >= MIN_SENTENCES and share_now >= RISE * share_then:
            rising.append(f"{t.title} ({words})")
        elif sum(then) / base >= MIN_SENTENCES and share_now * RISE <= share_then:
            falling.append(f"{t.title} ({words})")
    lines = [f"Rising: {'; '.join(rising)}."] if rising else []
    return lines + ([f"Falling: {'; '.join(falling)}."] if falling else [])


def _quote_sentence(analysis: Analysis, quote: Quote) -> str:
    """Return the verbatim sentence(s) of the quote's paragraph that hold the whole quote."""
    text = analysis.source(quote.cite.source).paragraph(quote.cite.paragraph).text
    spans = sentence_spans(text)
    starts = [s for s, e in spans if s <= quote.start < e]
    ends = [e for s, e in spans if s < quote.end <= e]
    if starts and ends and starts[0] < ends[-1]:
        return text[starts[0] : ends[-1]]
    return quote.text


def find_changes(
    history: History,
    analysis: Analysis,
    themes: tuple[ThemeSummary, ...],
    candidates: list[Extract],
    events: tuple[Event, ...],
    quotes: tuple[Quote, ...],
    as_of: str,
) -> Changes:
    """Return what changed since the previous brief; nothing but trends when there is none."""
    trends = theme_trends(history, themes)
    if history.since is None:
        return Changes(None, themes=trends)
    since = _since(history, as_of)
    fresh = [e for e in events if _after(e.date, since) and _readable(e.text) and not history.seen_event(e)]
    latest = sorted(range(len(fresh)), key=lambda i: fresh[i].date, reverse=True)[:MAX_NEW_EVENTS]
    new_events = tuple(fresh[i] for i in sorted(latest))
    # People the week names in full, quoted in this week's news and not in recent briefs' weeks: the
    # most mentioned first (a principal's three lines go to those the week's reading talks most about).
    voices: list[Quote] = []
    heard = set(history.voices)
    people = person_names(analysis)
    mentions = {e.name: e.mentions for e in analysis.entities if e.kind == "person"}
    for q in quotes:
        if q.kind != "statement" or not q.speaker or history.seen_quote(q):
            continue
        if not _after(analysis.source(q.cite.source).date, since):
            continue  # a voice of this week's news, not of an older article read again
        name = people.get(speaker_key(q.speaker))
        if name is None or len(name.split()) < 2 or {speaker_key(q.speaker), speaker_key(name)} & heard:
            continue
        heard.update((speaker_key(q.speaker), speaker_key(name)))
        voices.append(q)
    voices.sort(key=lambda q: -mentions.get(people[speaker_key(q.speaker or "")], 0))  # stable: rank on ties
    voices = voices[:MAX_NEW_VOICES]

    def is_new(e: Extract) -> bool:
        """Return whether a sentence reports this week's news: a newer source, and not background."""
        new = any(_after(analysis.source(c.source).date, since) for c in e.cites)
        return new and not is_background(e.text, int(as_of[:4]))

    background = paragraph_counts([p.text for s in analysis.sources for p in s.paragraphs])
    persons = person_finder(
        [(e.name, e.variants, e.mentions) for e in analysis.entities if e.kind == "person"]
    )
    developing = developments(candidates, history.past, is_new, background, persons)
    return Changes(since, new_events, tuple(voices), tuple(developing), trends)


def changes_blocks(changes: Changes, analysis: Analysis, limit: int | None) -> list[Block]:
    """Return the "since last week" lines: developing stories, new events, trends, new voices, in turn."""
    if changes.since is None:
        return [Para("No earlier brief for this audience is archived; changes are shown from the next one.")]
    groups: list[list[Para]] = [
        [
            Para(d.text, d.cites, mark=f"Developing (last briefed {long_date(d.last_briefed)}):")
            for d in changes.developing
        ],
        [Para(e.text, e.cites, mark=f"New ({long_date(e.date)}):") for e in changes.new_events],
        [Para(line) for line in trend_lines(changes.themes)],
        [
            Para(_quote_sentence(analysis, q), (q.cite,), mark=f"First quoted in recent weeks: {q.speaker}:")
            for q in changes.new_voices
        ],
    ]
    lines: list[Para] = []
    if limit is None:
        lines = [p for g in groups for p in g]
    else:  # in turn, so a short list (principals get three lines) still shows each kind of change
        depth = max(len(g) for g in groups)
        lines = [g[i] for i in range(depth) for g in groups if i < len(g)][:limit]
    if not lines:
        return [Para(f"Nothing new of note since the brief of {long_date(changes.since)}.")]
    return [BulletList(tuple(lines))]

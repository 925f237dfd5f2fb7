"""How much a story matters to a brief: its independent sources, people, recency, news value and themes."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Entity, Story

W_SOURCES, W_RECENT, W_CENTRAL, W_THEME, W_HARD, W_IMPACT = 0.35, 0.15, 0.15, 0.1, 0.15, 0.1


def weigh_people(stories: Sequence[Story], entities: Sequence[Entity], n_sources: int) -> tuple[Story, ...]:
    """Return the stories with the people at their centre and how widely the week names them."""
    by_source: dict[str, list[Entity]] = {}
    for e in entities:
        for s in e.sources:
            by_source.setdefault(s, []).append(e)
    raw: list[tuple[float, tuple[str, ...]]] = []
    for story in stories:
        counts: Counter[str] = Counter()
        spread: dict[str, int] = {}
        for s in story.sources:
            for e in by_source.get(s, ()):
                counts[e.name] += 1
                spread[e.name] = len(e.sources)
        top = sorted(counts, key=lambda n: (-counts[n] * spread[n], n))[:3]
        share = sum(spread[n] for n in top) / (3 * max(1, n_sources))
        raw.append((share, tuple(top)))
    peak = max((r for r, _ in raw), default=0.0) or 1.0
    return tuple(
        replace(s, centrality=round(r / peak, 6), people=people)
        for s, (r, people) in zip(stories, raw, strict=True)
    )


def importance(story: Story, columns: Sequence[int], most_independent: int) -> float:
    """Return a story's weight for a brief on the themes in ``columns`` (indices into the Analysis).

    Independent sources count most (on a log scale, relative to the week's best-covered story),
    then how strongly it bears on the brief's themes, its recency against as_of, how widely the
    week names its people, whether its lead reports something done rather than a plan or hope, and
    whether that is of consequence (a record, a death, a result, a ban).
    """
    sources = math.log1p(story.independent) / math.log1p(max(1, most_independent))
    theme = max((story.relevance[c] for c in columns if c < len(story.relevance)), default=0.0)
    return (
        W_SOURCES * sources
        + W_THEME * theme
        + W_RECENT * story.recency
        + W_CENTRAL * story.centrality
        + W_HARD * story.hard
        + W_IMPACT * story.impact
    )


def rank(stories: Sequence[Story], columns: Sequence[int] | range) -> tuple[Story, ...]:
    """Return the stories most important first for the themes in ``columns`` (ties: first found)."""
    most = max((s.independent for s in stories), default=1)
    cols = list(columns)
    order = sorted(range(len(stories)), key=lambda i: (-round(importance(stories[i], cols, most), 9), i))
    return tuple(stories[i] for i in order)


def story_map(stories: Sequence[Story]) -> Mapping[str, int]:
    """Return sentence, quote and event id -> index of the first story in ``stories`` holding it."""
    out: dict[str, int] = {}
    for n, s in enumerate(stories):
        for key in (*s.sentences, *s.quotes, *s.events):
            out.setdefault(key, n)
    return out

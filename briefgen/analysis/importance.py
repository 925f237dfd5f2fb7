"""How much a story matters to a brief: its independent sources, people, recency, news value and themes."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Entity, Story

MAX_LABEL_NAMES = 3  # people and organisations naming a story without a headline
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
        replace(
            s,
            centrality=round(r / peak, 6),
            people=people,
            label=s.label
            or people_label(s.lead.text, [e for src in s.sources for e in by_source.get(src, ())]),
        )
        for s, (r, people) in zip(stories, raw, strict=True)
    )


def people_label(lead: str, entities: Sequence[Entity]) -> str:
    """Return a label for a story whose report has no headline: who it is about, as its lead names them.

    Up to three people and organisations, in the order the lead names them ("Alexander Lukashenko
    and European Union"); a lead naming none gives its first words, as a last resort.
    """
    found: dict[str, int] = {}
    for e in entities:
        for form in (e.name, *e.variants):
            m = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", lead) if len(form) > 2 else None
            if m and (e.name not in found or m.start() < found[e.name]):
                found[e.name] = m.start()
    names = sorted(found, key=lambda n: (found[n], n))[:MAX_LABEL_NAMES]
    if names:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    head = lead.split()
    return " ".join(head[:12]) + ("\u2026" if len(head) > 12 else "")


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
    """Return the stories most important first for the themes in ``columns`` (ties: first found).

    A feature, analysis or opinion piece of one source comes after every development, however
    central its people: it colours the week's news, it is not news of the week.
    """
    most = max((s.independent for s in stories), default=1)
    cols = list(columns)
    order = sorted(
        range(len(stories)),
        key=lambda i: (stories[i].feature, -round(importance(stories[i], cols, most), 9), i),
    )
    return tuple(stories[i] for i in order)


def story_map(stories: Sequence[Story]) -> Mapping[str, int]:
    """Return sentence, quote and event id -> index of the first story in ``stories`` holding it."""
    out: dict[str, int] = {}
    for n, s in enumerate(stories):
        for key in (*s.sentences, *s.quotes, *s.events):
            out.setdefault(key, n)
    return out

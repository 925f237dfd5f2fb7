"""Choose a brief's bottom line, key judgements and quote order from the week's stories (compose's helper).

The bottom line is one item per top story, the story's lead, most important story first; key
judgements are further points of the top stories, never a sentence already shown; quotes are
ordered by the rank of the story they belong to, its central people first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .analysis.importance import rank, story_map
from .analysis.leads import assesses
from .analysis.stories import MAX_POINTS
from .model import Analysis, Extract, Para, Quote, Story, ThemeSummary

MAX_LISTED = 5  # stories in a "Top stories this week" list unless the template says otherwise
MAX_REFERENCES = 2  # "see also" lines under a theme


@dataclass(slots=True)
class StoryPicks:
    """One audience's view of the week's stories: ranked for its themes, and what the brief took."""

    ranked: tuple[Story, ...]
    index: dict[str, int] = field(default_factory=dict)  # sentence/quote/event id -> rank in ``ranked``
    told: dict[str, str] = field(default_factory=dict)  # story id -> title of the theme that told it
    by_source: dict[str, int] = field(default_factory=dict)  # source id -> rank of the story it tells

    def story_of(self, item_id: str) -> Story | None:
        """Return the story an item id belongs to, if any."""
        n = self.index.get(item_id)
        return self.ranked[n] if n is not None else None

    def rank_of(self, item_id: str) -> int:
        """Return the rank of the story an item belongs to (a large number when it belongs to none)."""
        return self.index.get(item_id, len(self.ranked) + 1)


def story_picks(analysis: Analysis, theme_ids: Sequence[str]) -> StoryPicks:
    """Return the stories ranked for a brief on ``theme_ids``; a desk brief keeps only stories on its themes."""
    wanted = set(theme_ids)
    columns = [i for i, t in enumerate(analysis.themes) if t.theme.id in wanted]
    stories: Sequence[Story] = analysis.stories
    if len(columns) < len(analysis.themes):
        stories = [s for s in stories if any(s.relevance[c] > 0 for c in columns if c < len(s.relevance))]
    ranked = rank(stories, columns)
    by_source = {src: n for n, s in reversed(list(enumerate(ranked))) for src in s.sources}
    return StoryPicks(ranked, dict(story_map(ranked)), by_source=by_source)


def _never(_: Extract) -> bool:
    return False


def bottom_line(
    picks: StoryPicks, limit: int, used: set[str], old: Callable[[Extract], bool] = _never
) -> tuple[Extract, ...]:
    """Return one lead per top story, most important first (a week of fewer stories gives fewer items).

    A story whose lead a recent brief showed (``old``, the weekly archive) was given then: it is left
    out (what continues in it is the "what changed" section's to tell).
    """
    out = [s.lead for s in picks.ranked if s.lead.text not in used and not old(s.lead)][:limit]
    used.update(e.text for e in out)
    return tuple(out)


def judgements(
    picks: StoryPicks, n: int, used: set[str], old: Callable[[Extract], bool] = _never
) -> tuple[Extract, ...]:
    """Return up to ``n`` key judgements: the best unused point of each top story, in story order."""
    out: list[Extract] = []
    for _ in range(MAX_POINTS):
        for story in picks.ranked:
            if len(out) == n:
                break
            fresh = [p for p in story.points if p.text not in used and p not in out and not old(p)]
            if fresh:
                # A judgement assesses (likelihood, cause, meaning) when its story has such a point.
                out.append(max(fresh, key=lambda p: assesses(p.text)))
    used.update(e.text for e in out)
    return tuple(out)


def story_rank_key(picks: StoryPicks, q: Quote) -> tuple[int, int]:
    """Return a quote's place by its story: top stories first, the people at their centre first.

    A story holds every quote of its sources, so the quote's source finds it (no id to hash: a
    large week ranks thousands of quotes per brief)."""
    n = picks.by_source.get(q.cite.source)
    if n is None:
        return (len(picks.ranked) + 1, 1)
    central = q.speaker is not None and _central(picks.ranked[n].people, q.speaker)
    return (n, 0 if central else 1)


@lru_cache(maxsize=1 << 14)
def _central(people: tuple[str, ...], speaker: str) -> bool:
    """Return whether ``speaker`` is one of a story's people, by full name or surname (kept: a story's
    sources hold hundreds of quotes by the same few speakers)."""
    return any(p == speaker or p.split()[-1] == speaker.split()[-1] for p in people if p.split())


def listed(picks: StoryPicks, n: int | None, shown: Sequence[str]) -> tuple[Story, ...]:
    """Return the stories a brief names: the top ``n`` (default MAX_LISTED) and any an item belongs to."""
    top = list(picks.ranked[: MAX_LISTED if n is None else n])
    for item in shown:
        s = picks.story_of(item)
        if s is not None and s not in top:
            top.append(s)
    return tuple(top)


def brief_stories(picks: StoryPicks, shown_list: Sequence[Story], items: Sequence[str]) -> tuple[Story, ...]:
    """Return the stories a brief names: those it lists, then those its items belong to."""
    return tuple(dict.fromkeys((*shown_list, *listed(picks, 0, items))))


def lead_first(picks: StoryPicks, extracts: tuple[Extract, ...]) -> tuple[Extract, ...]:
    """Return a theme's extracts opening with the one about its most important story."""
    if not extracts:
        return extracts
    best = min(range(len(extracts)), key=lambda i: (picks.rank_of(extracts[i].id), i))
    if picks.rank_of(extracts[best].id) > len(picks.ranked):
        return extracts
    return (extracts[best], *extracts[:best], *extracts[best + 1 :])


def theme_order(
    picks: StoryPicks, theme: ThemeSummary, used: set[str]
) -> tuple[tuple[Extract, ...], list[Para]]:
    """Return a theme's unused extracts, its most important story first, and a "see also" line for
    each story of several sources that an earlier theme told (its sentences are left out here)."""
    keep: list[Extract] = []
    refs: dict[str, Para] = {}
    for e in lead_first(picks, tuple(e for e in theme.extracts if e.text not in used)):
        story = picks.story_of(e.id)
        where = picks.told.get(story.id) if story is not None and story.independent > 1 else None
        if story is not None and where is not None and where != theme.theme.title:
            refs.setdefault(
                story.id, Para(f"See also \u201c{story.label}\u201d under {where}.", story.lead.cites[:1])
            )
            continue
        keep.append(e)
    return tuple(keep), list(refs.values())[:MAX_REFERENCES]


def mark_told(picks: StoryPicks, shown: Sequence[Extract], theme: ThemeSummary, used: set[str]) -> None:
    """Record the sentences a theme showed, and the stories of several sources it told."""
    used.update(e.text for e in shown)
    for e in shown:
        story = picks.story_of(e.id)
        if story is not None and story.independent > 1:
            picks.told.setdefault(story.id, theme.theme.title)

"""What one brief's composition remembers of earlier weeks: repeats to leave out, carried marks, changes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..model import (
    Analysis,
    Block,
    BulletList,
    Changes,
    Event,
    Extract,
    Figure,
    Para,
    Quote,
    ThemeSummary,
    block_cites,
)
from .changes import changes_blocks, find_changes, theme_trends
from .history import History, carried_mark, long_date


def _empty(block: Block) -> bool:
    return isinstance(block, BulletList) and not block.items


class Memory:
    """The archive's part in composing one brief; without history it leaves everything as it was."""

    def __init__(self, history: History | None, analysis: Analysis, as_of: str) -> None:
        self.history = history
        self.analysis = analysis
        self.as_of = as_of
        self.carried: dict[str, str] = {}  # sentence or quote id -> the brief it was last shown in
        self._changes: Changes | None = None

    def old(self, item: Extract | Quote | Event) -> bool:
        """Return whether one of the audience's recent briefs showed this sentence, quote or event."""
        return self.history is not None and self.history.last_shown(item) is not None

    def has_earlier(self) -> bool:
        """Return whether the archive holds an earlier brief of this audience (changes can be told)."""
        return self.history is not None and self.history.since is not None

    def or_nothing_new(self, blocks: list[Block]) -> list[Block]:
        """Return ``blocks``, or a line saying so when earlier briefs left them nothing new to show."""
        if self.history is None or self.history.since is None or any(not _empty(b) for b in blocks):
            return blocks
        return [Para(f"Nothing new since the brief of {long_date(self.history.since)}; it still stands.")]

    def no_events(self) -> str:
        """Return what a timeline says when it has no event to show."""
        if self.history is not None and self.history.since is not None:
            return f"No dated events in the week's sources beyond those of the brief of {long_date(self.history.since)}."
        return "No dated events in the week's sources."

    def mark(self, item: Extract | Quote) -> str:
        """Return the carried-over mark of a sentence or quote shown again (and note it), else ""."""
        last = self.history.last_shown(item) if self.history is not None else None
        if last is None:
            return ""
        self.carried[item.id] = last
        return carried_mark(last)

    def changes(
        self,
        themes: tuple[ThemeSummary, ...],
        candidates: list[Extract],
        events: tuple[Event, ...],
        quotes: tuple[Quote, ...],
    ) -> Changes:
        """Return (once) what changed since the audience's previous brief."""
        if self._changes is None:
            assert self.history is not None
            self._changes = find_changes(
                self.history, self.analysis, themes, candidates, events, quotes, self.as_of
            )
        return self._changes

    def blocks(
        self, find: Callable[[], Changes], limit: int | None
    ) -> tuple[list[Block], set[str], list[Quote]]:
        """Return the changes' lines, the sentences they show and the new voices' quotes they show."""
        if self.history is None:
            text = "Built without the weekly archive: changes since earlier briefs are not shown."
            return [Para(text)], set(), []
        changes = find()
        blocks = changes_blocks(changes, self.analysis, limit)
        texts = {p.text for b in blocks if isinstance(b, BulletList) for p in b.items if p.cites}
        shown = {c for b in blocks for c in block_cites(b)}
        return blocks, texts, [q for q in changes.new_voices if q.cite in shown]

    def trend_figure(self, themes: tuple[ThemeSummary, ...]) -> Figure | None:
        """Return the trend chart once earlier weeks are archived, else None (the counts chart stays)."""
        if self.history is None or not self.history.weeks:
            return None
        trends = theme_trends(self.history, themes)
        weeks = len(self.history.weeks) + 1
        alt = "; ".join(f"{t.title} {', '.join(map(str, (*t.previous_weeks, t.this_week)))}" for t in trends)
        return Figure(
            "trend",
            f"Each theme's coverage over the last {weeks} weeks",
            f"Bars of sentences per theme and week, {self.history.weeks[0]} to {self.as_of}: {alt}",
            trend=trends,
        )

    def result(self, changes: Changes | None) -> Changes | None:
        """Return the brief's changes with what it carried over; None when built without the archive."""
        if self.history is None or changes is None:
            return None
        return dataclasses.replace(changes, carried=tuple(sorted(self.carried.items())))

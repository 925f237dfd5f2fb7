"""What a layout template sees: frozen dataclasses for each name (README: "What a brief.j2 may use")."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..config import Audience, Config
from ..model import Analysis, ThemeSummary
from .quotes import QuotesView


@dataclass(frozen=True, slots=True)
class BriefView:
    """What a layout template may know of the brief as a whole: the config's words and its date."""

    title: str
    subtitle: str | None
    organisation: str
    as_of: str
    marking: str | None
    since: str | None  # the audience's previous archived brief, in words; None without one


@dataclass(frozen=True, slots=True)
class ThemeView:
    """What a layout template may know of a theme: config text and counts, never source text."""

    id: str
    title: str
    description: str
    sentences: int
    sources: int
    quotes: int
    extracts: int


@dataclass(frozen=True, slots=True)
class Counts:
    """How much the week's reading holds: sources, quotations, dated events and named entities."""

    sources: int
    quotes: int = 0
    events: int = 0
    entities: int = 0

    @classmethod
    def of(cls, analysis: Analysis) -> Counts:
        """Return the counts of an Analysis."""
        return cls(len(analysis.sources), len(analysis.quotes), len(analysis.events), len(analysis.entities))


@dataclass(frozen=True, slots=True)
class LayoutContext:
    """Every name a layout template may use, each a frozen dataclass (Jinja reads fields as it reads keys)."""

    brief: BriefView
    audience: Audience
    themes: tuple[ThemeView, ...]
    counts: Counts
    quotes: QuotesView

    def names(self) -> dict[str, Any]:
        """Return the template's top-level names and their values."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


NO_QUOTES = QuotesView(0, 0, "source order")  # what `briefgen check` tells a template before any reading


def layout_context(
    config: Config,
    audience: Audience,
    as_of: str,
    themes: tuple[ThemeSummary, ...],
    counts: Counts,
    quotes: QuotesView = NO_QUOTES,
    since: str | None = None,
) -> LayoutContext:
    """Return what a layout template may use; build and check share it."""
    brief = BriefView(
        config.title, config.subtitle, config.organisation, as_of, audience.marking or config.marking, since
    )
    views = tuple(
        ThemeView(
            t.theme.id, t.theme.title, t.theme.description, t.sentences, t.sources, t.quotes, len(t.extracts)
        )
        for t in themes
    )
    return LayoutContext(brief, audience, views, counts, quotes)

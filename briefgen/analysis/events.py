"""Find dated events (placeholder)."""

from __future__ import annotations

from ..model import Event, Sentence, Source


def find_events(sources: tuple[Source, ...], sentences: dict[str, tuple[Sentence, ...]], *, as_of: str) -> tuple[Event, ...]:
    """Return the dated events of the sources, merged across sources, in date order."""
    return ()

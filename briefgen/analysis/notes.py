"""Source notes: genre, length and what an editor should know (placeholder)."""

from __future__ import annotations

from ..model import Entity, Quote, Source, SourceNote


def source_notes(sources: tuple[Source, ...], quotes: tuple[Quote, ...], entities: tuple[Entity, ...]) -> tuple[SourceNote, ...]:
    """Return one note per source."""
    return tuple(SourceNote(source=s.id, genre=s.genre, words=s.words) for s in sources)

"""Find people and organisations (placeholder)."""

from __future__ import annotations

from ..model import Entity, Quote, Source


def find_entities(
    sources: tuple[Source, ...], quotes: tuple[Quote, ...], *, aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> tuple[Entity, ...]:
    """Return the entities named in the sources, most mentioned first."""
    return ()

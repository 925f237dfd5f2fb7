"""Analyse read sources: sentences, quotes, themes, summaries, events, entities and source notes."""

from __future__ import annotations

from ..model import Analysis, Source, Theme
from .entities import find_entities
from .events import find_events
from .notes import source_notes
from .quotes import find_quotes
from .segment import split_sentences
from .summarize import summarize_bluf, summarize_themes


def analyze(
    sources: tuple[Source, ...],
    themes: tuple[Theme, ...],
    *,
    as_of: str,
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> Analysis:
    """Return the Analysis of ``sources`` for ``themes``; sources are taken in the given order."""
    sentences = {s.id: split_sentences(s) for s in sources}
    quotes = tuple(q for s in sources for q in find_quotes(s))
    summaries = summarize_themes(sources, sentences, themes, quotes)
    bluf = summarize_bluf(sources, sentences, summaries)
    events = find_events(sources, sentences, as_of=as_of)
    entities = find_entities(sources, quotes, aliases=aliases)
    notes = source_notes(sources, quotes, entities)
    return Analysis(
        sources=sources,
        quotes=quotes,
        events=events,
        themes=summaries,
        bluf=bluf,
        entities=entities,
        notes=notes,
    )

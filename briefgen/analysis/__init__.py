"""Analyse read sources: a per-source stage (sentences, quotes) and a cross-source stage (the rest)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Analysis, Entity, Event, Extract, Quote, Sentence, Source, SourceNote, Theme, ThemeSummary
from .entities import find_entities
from .events import find_events
from .notes import source_notes
from .quotes import find_quotes
from .segment import split_sentences
from .summarize import summarize_bluf, summarize_themes


@dataclass(frozen=True, slots=True)
class SourceAnalysis:
    """What one source gives on its own: picklable, so it can be cached and sent between processes."""

    source: Source
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]


def analyze_source(source: Source) -> SourceAnalysis:
    """Return the analysis that depends on ``source`` alone (no settings, no other source)."""
    return SourceAnalysis(source=source, sentences=split_sentences(source), quotes=find_quotes(source))


def analyze_names(
    parts: Sequence[SourceAnalysis], aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> tuple[tuple[Entity, ...], tuple[SourceNote, ...]]:
    """Return the entities and source notes: the half of the cross-source stage that needs no sentences."""
    sources = tuple(p.source for p in parts)
    quotes = tuple(q for p in parts for q in p.quotes)
    entities = find_entities(sources, quotes, aliases=aliases)
    return entities, source_notes(sources, quotes, entities)


def analyze_texts(
    parts: Sequence[SourceAnalysis], themes: tuple[Theme, ...], *, as_of: str
) -> tuple[tuple[ThemeSummary, ...], tuple[Extract, ...], tuple[Event, ...]]:
    """Return theme summaries, the bottom line and events: the half that works on sentences."""
    sources = tuple(p.source for p in parts)
    sentences = {p.source.id: p.sentences for p in parts}
    quotes = tuple(q for p in parts for q in p.quotes)
    summaries = summarize_themes(sources, sentences, themes, quotes)
    bluf = summarize_bluf(sources, sentences, summaries)
    return summaries, bluf, find_events(sources, sentences, as_of=as_of)


def assemble(
    parts: Sequence[SourceAnalysis],
    texts: tuple[tuple[ThemeSummary, ...], tuple[Extract, ...], tuple[Event, ...]],
    names: tuple[tuple[Entity, ...], tuple[SourceNote, ...]],
) -> Analysis:
    """Return the Analysis made of the two halves of the cross-source stage."""
    summaries, bluf, events = texts
    entities, notes = names
    return Analysis(
        sources=tuple(p.source for p in parts),
        quotes=tuple(q for p in parts for q in p.quotes),
        events=events,
        themes=summaries,
        bluf=bluf,
        entities=entities,
        notes=notes,
    )


def analyze_corpus(
    parts: Sequence[SourceAnalysis],
    themes: tuple[Theme, ...],
    *,
    as_of: str,
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> Analysis:
    """Return the Analysis of per-source results: summaries, bottom line, events, entities and notes."""
    texts = analyze_texts(parts, themes, as_of=as_of)
    return assemble(parts, texts, analyze_names(parts, aliases))


def analyze(
    sources: tuple[Source, ...],
    themes: tuple[Theme, ...],
    *,
    as_of: str,
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> Analysis:
    """Return the Analysis of ``sources`` for ``themes``; sources are taken in the given order."""
    parts = [analyze_source(s) for s in sources]
    return analyze_corpus(parts, themes, as_of=as_of, aliases=aliases)

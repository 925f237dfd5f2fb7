"""The analysis steps: ``analyse_source`` for each source alone, then ``analyse_across`` for the week."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import (
    Analysis,
    Cite,
    Entity,
    Event,
    Extract,
    Quote,
    Sentence,
    Source,
    SourceNote,
    Story,
    Theme,
    ThemeSummary,
)
from ..records import fast_pickle
from ..select.duplicates import Fingerprint, fingerprint
from .corroborate import corroborate
from .entities import SourceNames, find_entities, scan_source
from .events import SourceDates, date_source, find_events
from .importance import rank, weigh_people
from .notes import SourceFacts, source_facts, source_notes
from .quotes import find_quotes
from .segment import split_sentences
from .stories import find_stories
from .summarize import (
    MAX_BLUF,
    SentenceTerms,
    header_paragraphs,
    paragraph_relevance,
    prepare_week,
    sentence_terms,
    summarize_bluf,
    summarize_themes,
)


@fast_pickle
@dataclass(frozen=True, slots=True)
class SourceAnalysis:
    """What one source gives on its own: picklable, so it can be cached and sent between processes.

    Besides sentences and quotes, it holds each cross-source step's per-source half (stems, dates,
    name mentions, counts), so a rebuild after one new source redoes only the cheap cross-source part.
    A None half is computed when needed.
    """

    source: Source
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    terms: SentenceTerms | None = None
    dates: SourceDates | None = None
    names: SourceNames | None = None
    facts: SourceFacts | None = None
    fingerprint: Fingerprint | None = None  # for finding the same article read twice


def analyse_source(source: Source) -> SourceAnalysis:
    """Return the analysis that depends on ``source`` alone (no settings, no other source)."""
    sentences = split_sentences(source)
    return SourceAnalysis(
        source=source,
        sentences=sentences,
        quotes=find_quotes(source),
        terms=sentence_terms(sentences, header_paragraphs(source), source),
        dates=date_source(source, sentences),
        names=scan_source(source),
        facts=source_facts(source),
        fingerprint=fingerprint(source),
    )


Names = tuple[tuple[Entity, ...], tuple[SourceNote, ...]]  # the entities and the source notes


def _halves(parts: Sequence[SourceAnalysis], field: str) -> dict[str, Any]:
    """Return the per-source halves named ``field`` that the per-source stage computed, by source id."""
    out = {}
    for p in parts:
        value = getattr(p, field, None)  # None: not computed (e.g. a hand-made SourceAnalysis)
        if value is not None:
            out[p.source.id] = value
    return out


def analyse_names(
    parts: Sequence[SourceAnalysis], aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> Names:
    """Return the entities and source notes: the half of the cross-source stage that needs no sentences."""
    sources = tuple(p.source for p in parts)
    quotes = tuple(q for p in parts for q in p.quotes)
    entities = find_entities(sources, quotes, aliases=aliases, names=_halves(parts, "names"))
    return entities, source_notes(sources, quotes, entities, _halves(parts, "facts"))


@dataclass(frozen=True, slots=True)
class Texts:
    """The half of the cross-source stage that works on sentences."""

    summaries: tuple[ThemeSummary, ...]
    bluf: tuple[Extract, ...]
    events: tuple[Event, ...]
    quoted: tuple[tuple[Cite, tuple[float, ...]], ...]  # see Analysis.quoted
    stories: tuple[Story, ...] = ()  # before the people's centrality is known (see assemble)


def analyse_events(parts: Sequence[SourceAnalysis], *, as_of: str) -> tuple[Event, ...]:
    """Return the week's dated events, the same event reported by several sources merged."""
    sources = tuple(p.source for p in parts)
    sentences = {p.source.id: p.sentences for p in parts}
    return find_events(sources, sentences, as_of=as_of, dates=_halves(parts, "dates"))


def analyse_texts(
    parts: Sequence[SourceAnalysis],
    themes: tuple[Theme, ...],
    *,
    as_of: str,
    events: Callable[[], tuple[Event, ...]] | None = None,
) -> Texts:
    """Return theme summaries, the bottom line, events and how quoted paragraphs bear on each theme.

    ``events`` returns the week's events when another process finds them meanwhile (by default they
    are found here): it is called only once the theme summaries, which do not need them, are done.
    """
    sources = tuple(p.source for p in parts)
    sentences = {p.source.id: p.sentences for p in parts}
    quotes = tuple(q for p in parts for q in p.quotes)
    week = prepare_week(sources, sentences, _halves(parts, "terms"))
    themed = summarize_themes(sources, sentences, themes, quotes, week=week)
    found = events() if events is not None else analyse_events(parts, as_of=as_of)
    # The same event found in several sources corroborates the summary sentence that reports it.
    summaries = corroborate(themed, found)
    quoted = paragraph_relevance(week, themes, {q.cite for q in quotes})
    stories = find_stories(week, sources, quotes, found, themes, as_of=as_of)
    # The bottom line is the top stories' leads (see assemble); sentence by sentence only without stories.
    bluf = () if stories else summarize_bluf(sources, sentences, summaries, week=week)
    return Texts(summaries, bluf, found, quoted, stories)


def assemble(parts: Sequence[SourceAnalysis], texts: Texts, names: Names) -> Analysis:
    """Return the Analysis made of the two halves of the cross-source stage."""
    summaries, bluf, events = texts.summaries, texts.bluf, texts.events
    entities, notes = names
    stories = rank(weigh_people(texts.stories, entities, len(parts)), range(len(summaries)))
    if stories:
        bluf = tuple(s.lead for s in stories[:MAX_BLUF])
    return Analysis(
        sources=tuple(p.source for p in parts),
        quotes=tuple(q for p in parts for q in p.quotes),
        events=events,
        themes=summaries,
        bluf=bluf,
        entities=entities,
        notes=notes,
        quoted=texts.quoted,
        stories=stories,
    )


# Runs the events and the names halves elsewhere (another process) and returns a getter for each result.
Beside = Callable[
    [Sequence[SourceAnalysis], str, tuple[tuple[str, tuple[str, ...]], ...]],
    tuple[Callable[[], tuple[Event, ...]], Callable[[], Names]],
]


def analyse_across(
    parts: Sequence[SourceAnalysis],
    themes: tuple[Theme, ...],
    *,
    as_of: str,
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = (),
    beside: Beside | None = None,
) -> Analysis:
    """Return the week's Analysis from its sources' per-source analyses (``analyse_source``), in their order.

    ``beside`` runs the events and names halves in another process meanwhile (``workers.Executor``);
    without it every half runs here, one after the other.
    """
    if beside is None:
        return assemble(parts, analyse_texts(parts, themes, as_of=as_of), analyse_names(parts, aliases))
    events, names = beside(parts, as_of, aliases)
    return assemble(parts, analyse_texts(parts, themes, as_of=as_of, events=events), names())


def analyse_sources(
    sources: Sequence[Source],
    themes: tuple[Theme, ...],
    *,
    as_of: str,
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> Analysis:
    """Return the Analysis of sources already read, as a build analyses them (for tests and benches)."""
    return analyse_across([analyse_source(s) for s in sources], themes, as_of=as_of, aliases=aliases)

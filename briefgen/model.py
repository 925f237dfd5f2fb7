"""Plain typed objects that the pipeline stages exchange (read -> analyse -> compose -> render)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from . import ids
from .records import fast_pickle

QuoteKind = Literal["statement", "phrase"]


@fast_pickle
@dataclass(frozen=True, slots=True, order=True)
class Cite:
    """A paragraph of a source: the unit every brief sentence, quote and event is cited to."""

    source: str
    paragraph: int


@fast_pickle
@dataclass(frozen=True, slots=True)
class Paragraph:
    n: int  # numbered from 1 per source
    text: str


@fast_pickle
@dataclass(frozen=True, slots=True)
class Source:
    """One document after reading: metadata plus cleaned, numbered paragraphs."""

    id: str
    path: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    date: str | None = None  # YYYY-MM-DD
    dateline: str | None = None
    standfirst: str | None = None
    url: str | None = None
    genre: str | None = None  # "news analysis" | "policy memo" | "opinion" | ...
    reader: str = "text"
    body_from: int = 1  # first paragraph after the title, byline, outlet and dateline lines
    reliability: str | None = None  # an analyst's note on the source, from a manifest

    def paragraph(self, n: int) -> Paragraph:
        """Return paragraph number ``n`` (1-based)."""
        return self.paragraphs[n - 1]

    @property
    def words(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)

    @property
    def digest(self) -> str:
        """Return the SHA-256 of the cleaned text: what a later week compares to see a source changed."""
        return ids.source_digest(tuple(p.text for p in self.paragraphs))


@fast_pickle
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a paragraph; ``text == paragraph.text[start:end]``."""

    text: str
    cite: Cite
    start: int
    end: int
    index: int  # position within the source, from 0


@fast_pickle
@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: ``text`` is exactly what stands between the quotation marks."""

    text: str
    cite: Cite
    kind: QuoteKind
    speaker: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    start: int = 0  # offsets of ``text`` in the paragraph
    end: int = 0
    flags: tuple[str, ...] = ()  # e.g. "missing-opening-mark"

    @property
    def id(self) -> str:
        """Return the quote's stable id (its words in its source)."""
        return ids.quote_id(self.text, self.cite.source)


@fast_pickle
@dataclass(frozen=True, slots=True)
class Event:
    date: str  # YYYY | YYYY-MM | YYYY-MM-DD
    text: str  # a verbatim sentence of the first cite's paragraph
    cites: tuple[Cite, ...]
    kind: Literal["happened", "expected"] = "happened"  # expected: a plan, forecast, target or schedule
    label: str = ""  # a few words of ``text`` saying what happened (for the timeline chart); "" = none

    @property
    def id(self) -> str:
        """Return the event's stable id (its date and sentence)."""
        return ids.event_id(self.date, self.text)


@fast_pickle
@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    kind: Literal["person", "organisation"]
    variants: tuple[str, ...] = ()
    role: str | None = None
    mentions: int = 0
    sources: tuple[str, ...] = ()


@fast_pickle
@dataclass(frozen=True, slots=True)
class Extract:
    """A verbatim sentence with its citations: the first cite holds the text, the rest corroborate it."""

    text: str
    cites: tuple[Cite, ...]
    score: float = 0.0

    @property
    def id(self) -> str:
        """Return the sentence's stable id (its words, whichever sources carry them)."""
        return ids.sentence_id(self.text)


@fast_pickle
@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    title: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # words and phrases that rule a sentence out of the theme


@fast_pickle
@dataclass(frozen=True, slots=True)
class ThemeSummary:
    theme: Theme
    extracts: tuple[Extract, ...]  # ranked best first; compose trims to the audience's limit
    sentences: int = 0  # how many sentences of the week's sources bear on the theme
    sources: int = 0
    quotes: int = 0


@fast_pickle
@dataclass(frozen=True, slots=True)
class SourceNote:
    source: str
    genre: str | None
    words: int
    flags: tuple[str, ...] = ()  # things an editor should know
    used: str = ""  # what a brief used from the source; filled by compose


@fast_pickle
@dataclass(frozen=True, slots=True)
class Story:
    """One development of the week told by one or more sources: its lead, members and weight."""

    id: str  # ids.story_id of its first report (the earliest source, by date then id)
    label: str  # short: the lead source's headline, else the people at its centre (see importance.py)
    sources: tuple[str, ...]  # source ids, the lead's source first
    outlets: tuple[str, ...]  # how each source is named in a list (outlet, else title, else id)
    dates: tuple[str, ...]  # distinct dates of its sources, earliest first
    lead: Extract  # the clearest sentence stating the development, with corroborating cites
    points: tuple[Extract, ...] = ()  # further statements about it, best first (for judgements)
    sentences: tuple[str, ...] = ()  # ids of its sentences (background asides left out)
    quotes: tuple[str, ...] = ()  # ids of its quotes
    events: tuple[str, ...] = ()  # ids of its events
    independent: int = 1  # its sources, wire copies of one report counted once
    recency: float = 0.0  # 1 for a story dated as_of, falling with its age
    hard: float = 0.0  # 1 when its lead reports something done, 0 for hopes, plans and previews
    impact: float = 0.0  # 1 when its lead reports a record, a death, a result, a ban, ...
    relevance: tuple[float, ...] = ()  # to each theme of the Analysis, in order
    centrality: float = 0.0  # how widely the week's sources name its people (0..1)
    people: tuple[str, ...] = ()  # the people and organisations at its centre
    feature: bool = False  # one source's feature, explainer, opinion or overtaken preview: not a development


@fast_pickle
@dataclass(frozen=True, slots=True)
class Analysis:
    sources: tuple[Source, ...]
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    themes: tuple[ThemeSummary, ...] = ()
    bluf: tuple[Extract, ...] = ()
    entities: tuple[Entity, ...] = ()
    notes: tuple[SourceNote, ...] = ()
    excluded: tuple[SourceNote, ...] = ()  # files read but left out (out of the window, duplicates)
    period: str | None = None  # the window the sources were selected for, in words
    # (paragraph, its relevance to each theme in ``themes`` order) for every paragraph holding a quote
    quoted: tuple[tuple[Cite, tuple[float, ...]], ...] = ()
    stories: tuple[Story, ...] = ()  # the week's stories, most important first
    # Filled on first lookup: composing a brief of thousands of sources looks one up per quote.
    _by_id: dict[str, Source] = field(default_factory=dict, init=False, repr=False, compare=False)

    def source(self, source_id: str) -> Source:
        """Return the source with this id."""
        if not self._by_id:
            self._by_id.update((s.id, s) for s in reversed(self.sources))  # the first of a repeated id wins
        return self._by_id[source_id]


# --- the composed brief: sections of blocks that renderers walk without re-selecting ---


@fast_pickle
@dataclass(frozen=True, slots=True)
class Para:
    """Template text (no cites), a verbatim source sentence (with cites), or the analyst's own words.

    ``mark`` is template text shown before the sentence and set apart from it, e.g. "Carried over from
    the brief of 4 March 2016:" or "Developing (last briefed 4 March 2016):": what the weekly archive
    knows of it.
    """

    text: str
    cites: tuple[Cite, ...] = ()
    analyst: bool = False  # the analyst's words from the edits file: shown as theirs, never cited
    mark: str = ""


@fast_pickle
@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Para, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class QuoteBlock:
    quote: Quote
    context: Para | None = None  # the sentence the quote stands in, for the press
    mark: str = ""  # template text shown before the quote, e.g. "Carried over from 2016-03-04"


@fast_pickle
@dataclass(frozen=True, slots=True)
class Timeline:
    events: tuple[Event, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class EntityIndex:
    entities: tuple[Entity, ...]
    sources: tuple[Source, ...] = ()  # the sources the index names, so a renderer can name them


@fast_pickle
@dataclass(frozen=True, slots=True)
class SourceNotes:
    notes: tuple[SourceNote, ...]
    sources: tuple[Source, ...] = ()  # sources the notes' flags refer to, so a renderer can name them


@fast_pickle
@dataclass(frozen=True, slots=True)
class StoryList:
    """The week's top stories: label, sources and dates of each."""

    stories: tuple[Story, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class Figure:
    """A chart drawn by the renderer from data: ``kind`` is "timeline", "themes" or "trend"."""

    kind: Literal["timeline", "themes", "trend"]
    caption: str
    alt: str
    events: tuple[Event, ...] = ()
    themes: tuple[ThemeSummary, ...] = ()
    trend: tuple[ThemeTrend, ...] = ()


@fast_pickle
@dataclass(frozen=True, slots=True)
class ThemeTrend:
    """A theme's coverage (sentences bearing on it) this week and in earlier archived weeks."""

    id: str
    title: str
    this_week: int
    previous_weeks: tuple[int, ...] = ()  # oldest first, one per entry of ``weeks``
    weeks: tuple[str, ...] = ()  # the earlier weeks' as-of dates, oldest first


@fast_pickle
@dataclass(frozen=True, slots=True)
class Development:
    """A story briefed in an earlier week with a new sentence this week."""

    text: str  # the new, verbatim sentence
    cites: tuple[Cite, ...]
    last_briefed: str  # as-of date of the latest earlier brief that carried the story
    earlier: str  # the sentence that brief showed


@fast_pickle
@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since the audience's previous archived brief."""

    since: str | None  # the previous week's as-of date; None: no earlier week is archived
    new_events: tuple[Event, ...] = ()
    new_voices: tuple[Quote, ...] = ()
    developing: tuple[Development, ...] = ()
    themes: tuple[ThemeTrend, ...] = ()
    carried: tuple[tuple[str, str], ...] = ()  # (sentence or quote id, as-of it was last shown)


Block = Para | BulletList | QuoteBlock | Timeline | EntityIndex | SourceNotes | Figure | StoryList


@fast_pickle
@dataclass(frozen=True, slots=True)
class Section:
    title: str
    level: int  # 1..3
    blocks: tuple[Block, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class Brief:
    """Everything a renderer needs; renderers never re-select or re-analyse."""

    title: str
    audience: str
    audience_title: str
    as_of: str  # YYYY-MM-DD
    organisation: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]  # every source the brief cites, in citation order
    marking: str | None = None
    subtitle: str | None = None
    period: str | None = None
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    themes: tuple[ThemeSummary, ...] = ()
    bluf: tuple[Extract, ...] = ()
    stories: tuple[Story, ...] = ()  # the brief's top stories and every story an item of it belongs to
    keywords: tuple[str, ...] = ()
    one_page: bool = False
    judgements: tuple[Extract, ...] = ()  # the key judgements the brief shows, in order
    stem: str = field(default="")  # output file name without suffix
    changes: Changes | None = None  # None: built without the weekly archive
    # Filled on first lookup: the JSON names the story of every item it lists.
    _story_of: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def story_of(self, item_id: str) -> str | None:
        """Return the id of the brief's story a sentence, quote or event id belongs to, if any."""
        if not self._story_of:
            for story in reversed(self.stories):  # the first story holding an item wins
                self._story_of.update((i, story.id) for i in (*story.sentences, *story.quotes, *story.events))
            self._story_of[""] = ""  # filled, even for a brief without stories
        return self._story_of.get(item_id) or None

    def cites(self) -> tuple[Cite, ...]:
        """Return every cite in the brief in reading order, without repeats (footnote order)."""
        seen: dict[Cite, None] = {}
        for section in self.sections:
            for block in section.blocks:
                for c in block_cites(block):
                    seen.setdefault(c, None)
        return tuple(seen)


def block_cites(block: Block) -> tuple[Cite, ...]:
    """Return the cites a block carries, in order."""
    if isinstance(block, Para):
        return block.cites
    if isinstance(block, BulletList):
        return tuple(c for item in block.items for c in item.cites)
    if isinstance(block, QuoteBlock):
        context = block.context.cites if block.context else ()
        return tuple(dict.fromkeys((block.quote.cite, *context)))
    if isinstance(block, Timeline):
        return tuple(c for e in block.events for c in e.cites)
    if isinstance(block, StoryList):
        return tuple(s.lead.cites[0] for s in block.stories)
    return ()

"""Turn an audience's layout directives into blocks: the Analysis's sentences, quotes and events chosen for it."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING

from .. import bottom_line as top
from ..analysis.event_parts import period_end
from ..analysis.referents import Names, full_name, given_names
from ..analysis.standalone import thin_insertions
from ..analysis.themes import ThemeScorer
from ..analysis.vectors import words
from ..analysis.writing_day import name_writing_day
from ..archive.memory import Memory
from ..config import Audience
from ..edits import BriefEdits
from ..errors import RenderError
from ..model import BulletList, EntityIndex, Figure, Para, QuoteBlock, SourceNotes, StoryList, Timeline
from ..render._text import ENTITY_SOURCES_SHOWN
from .layout_template import Line
from .quotes import SAFETY_LIMIT, QuoteRanking, QuotesView, quote_context
from .theme_order import in_source_order, keep_own, not_repeated, week_first

if TYPE_CHECKING:  # names used only in annotations
    from collections.abc import Mapping, Sequence

    from ..model import Analysis, Block, Changes, Event, Extract, Quote, Source, Story, ThemeSummary

MAX_ENTITIES = 40
MAX_FIGURE_EVENTS = 30  # a drawn timeline stays legible; the table lists the rest


def shown_texts(extracts: Sequence[Extract], sources: Mapping[str, Source]) -> list[str]:
    """Return the extracts' texts as a brief shows them, read days after their sources were written:
    the day a source's "yesterday", "today" or "tomorrow" means named in brackets, and each person
    named in full at their first mention only."""
    dated = [
        name_writing_day(
            e.text, sources[e.cites[0].source].date if e.cites and e.cites[0].source in sources else None
        )
        for e in extracts
    ]
    return thin_insertions(dated)


def _paras(extracts: tuple[Extract, ...], sources: Mapping[str, Source]) -> tuple[Para, ...]:
    """Return a list's items as a brief shows them (``shown_texts``)."""
    texts = shown_texts(extracts, sources)
    return tuple(Para(x, e.cites) for e, x in zip(extracts, texts, strict=True))


def _words(text: str) -> int:
    return len(text.split())


def trim_extracts(extracts: tuple[Extract, ...], max_words: int | None) -> tuple[Extract, ...]:
    """Return the best extracts that fit ``max_words`` (always the best one, if any)."""
    if max_words is None:
        return extracts
    out: list[Extract] = []
    used = 0
    for e in extracts:
        n = _words(e.text)
        if out and used + n > max_words:
            continue
        out.append(e)
        used += n
    return tuple(out)


class Composer:
    """Turns layout lines into sections, pulling data from the Analysis for each directive."""

    def __init__(
        self,
        analysis: Analysis,
        audience: Audience,
        themes: tuple[ThemeSummary, ...],
        edits: BriefEdits | None = None,
        as_of: str = "",
        memory: Memory | None = None,
    ) -> None:
        self.analysis = analysis
        self.as_of = as_of  # "Dates to watch" lists what is expected on or after it
        self.memory = memory or Memory(None, analysis, "")  # earlier weeks: repeats left out or marked
        self.audience = audience
        self.edits = edits or BriefEdits()
        self.themes = {t.theme.id: t for t in themes}
        self.shown_themes: list[ThemeSummary] = []
        self.shown_quotes: list[Quote] = []
        self.shown_contexts: set[str] = set()  # a context sentence is shown once per brief
        self.judged: list[Extract] = []
        self.selected: dict[int | None, tuple[Quote, ...]] = {}
        self._events: dict[tuple[int | None, str], tuple[Event, ...]] = {}
        self.shown_events: tuple[Event, ...] = ()
        self.bluf: tuple[Extract, ...] = ()
        self.used: set[str] = set()  # extract texts already shown, so a sentence appears once
        self.picks = top.story_picks(analysis, tuple(self.themes))
        self.ranking = QuoteRanking(analysis, tuple(self.themes.values()))
        self.listed: tuple[Story, ...] = ()
        self.sources = {s.id: s for s in analysis.sources}
        self._names: dict[str, Names] = {}  # each quoted source's full names, read once

    def bluf_extracts(self) -> tuple[Extract, ...]:
        if self.edits.bluf is not None:  # the editor chose the bottom line
            self.bluf = self.edits.bluf
            self.used.update(e.text for e in self.bluf)
            return self.bluf
        if self.picks.ranked:
            self.bluf = top.bottom_line(self.picks, self.audience.max_bluf, self.used, self.memory.old)
            return self.bluf
        # No story (nothing standalone in any source's opening): the sentences that carry the week.
        ids = set(self.themes)
        if len(ids) == len(self.analysis.themes):
            pool = list(self.analysis.bluf)
        else:  # a desk brief: the bottom line comes from its own themes
            pool = sorted((e for t in self.themes.values() for e in t.extracts[:2]), key=lambda e: -e.score)
        out = [e for e in pool if self._new(e)][: self.audience.max_bluf]
        self.used.update(e.text for e in out)
        self.bluf = tuple(out)
        return self.bluf

    def judgements(self, n: int) -> tuple[Extract, ...]:
        out = list(top.judgements(self.picks, n, self.used, self.memory.old))  # the top stories' points first
        ranked = sorted(self.themes.values(), key=lambda t: (-t.sentences, t.theme.id))
        for t in ranked if len(out) < n else ():
            best = next(iter(not_repeated([e for e in t.extracts if self._new(e)], list(self.used))), None)
            if best:
                out.append(best)
                self.used.add(best.text)
            if len(out) == n:
                break
        self.judged.extend(out)
        return tuple(out)

    def theme_blocks(self, theme_id: str) -> list[Block]:
        t = self.themes.get(theme_id)
        if t is None:
            raise RenderError(
                f"template asks for theme '{theme_id}', which audience '{self.audience.id}' does not include"
            )
        pins = self.edits.pins.get(theme_id, ())
        pinned = {e.text for _, e in pins}
        # The theme's top story first, a story told under an earlier theme referred to (issue 20); no
        # figure repeated, never stripped bare, the week before background, each source in its order;
        # nothing a recent brief showed (the weekly archive), unless the theme has nothing else.
        ordered, refs = top.theme_order(self.picks, t, self.used | pinned)
        own = [e for e in t.extracts if e.text not in pinned and not self.memory.old(e)]
        fresh = keep_own(own, not_repeated([e for e in ordered if not self.memory.old(e)], list(self.used)))
        trimmed = trim_extracts(week_first(fresh), self.audience.max_words)
        # The first sentence stays (the theme's top story); after it, each source's sentences in its order.
        shown = [*trimmed[:1], *in_source_order(trimmed[1:], self.sources)]
        if not shown and not pins:  # a sentence of a recent brief only when the theme has nothing else
            shown = [e for e in t.extracts if e.text not in self.used][:1]
        for position, e in pins:  # the editor's pins, at their places, whatever the word limit
            shown.insert(min(position, len(shown) + 1) - 1, e)
        top.mark_told(self.picks, shown, t, self.used)
        self.shown_themes.append(dataclasses.replace(t, extracts=tuple(shown)))
        comments = [Para(c, analyst=True) for c in self.edits.comments.get(theme_id, ())]
        if not shown and not refs:
            return [Para("The week's sources say little on this theme."), *comments]
        texts = shown_texts(shown, self.sources)
        paras = [Para(x, e.cites, mark=self.memory.mark(e)) for e, x in zip(shown, texts, strict=True)]
        return [*paras, *refs, *comments]

    def stories(self, n: int | None) -> list[Block]:
        shown = top.listed(self.picks, n, ())
        self.listed = tuple(dict.fromkeys((*self.listed, *shown)))
        if not shown:
            return [Para("No stories stand out in the week's sources.")]
        return [StoryList(shown)]

    def _new(self, e: Extract) -> bool:
        return e.text not in self.used and not self.memory.old(e)

    def find_changes(self) -> Changes:
        themes = tuple(self.themes.values())
        if not self.memory.has_earlier():  # the first archived brief: only trends, from the themes alone
            return self.memory.changes(themes, [], (), ())
        fresh = [e for t in themes for e in t.extracts if self._new(e)]
        quotes = self.ranking.select(SAFETY_LIMIT)
        return self.memory.changes(themes, fresh, self.events(), quotes)

    def changes_blocks(self, limit: int | None) -> list[Block]:
        blocks, texts, voices = self.memory.blocks(self.find_changes, limit)
        self.used.update(texts)
        self.shown_quotes += [q for q in voices if q not in self.shown_quotes]
        return blocks

    def select(self, limit: int | None) -> tuple[Quote, ...]:
        """Return the quotes ``@quotes`` with this limit shows (before any shown earlier are left out)."""
        if limit not in self.selected:
            self.selected[limit] = self.ranking.select(limit, self.picks)
        return self.selected[limit]

    def quotes(self, n: int | None) -> list[Block]:
        limit = n if n is not None else self.audience.max_quotes
        quotes = [q for q in self.select(limit) if q not in self.shown_quotes]
        quotes = [q for q in quotes if not self.memory.old(q)] or quotes  # repeats only if nothing else
        self.shown_quotes.extend(quotes)
        if not quotes:
            return [Para("No direct quotations in the week's sources.")]
        return [
            QuoteBlock(
                self._named(q), quote_context(self.analysis, q, self.shown_contexts), self.memory.mark(q)
            )
            for q in quotes
        ]

    def _named(self, q: Quote) -> Quote:
        """Return the quote with its speaker named in full where the source gives the full name: the
        reader meets "— Jowell" without the source ("Minister for London, Tessa Jowell")."""
        source = self.sources.get(q.cite.source)
        if not q.speaker or source is None:
            return q
        names = self._names.get(source.id)
        if names is None:
            names = self._names[source.id] = given_names(source)
        full = full_name(q.speaker, names)
        return q if full is None else dataclasses.replace(q, speaker=full)

    def quotes_view(self) -> QuotesView:
        """Return what the layout template may say of the quotations: found, shown, in what order."""
        found = len(self.ranking.listable)  # what a Quotations section may list
        shown = len(self.select(self.audience.max_quotes))
        return QuotesView(found, shown, "source order" if shown == found else "most relevant first")

    def directive(self, line: Line) -> list[Block]:
        arg = line.arg
        if line.text == "bluf":
            return self.memory.or_nothing_new([BulletList(_paras(self.bluf_extracts(), self.sources))])
        if line.text == "judgements":
            n = int(arg) if arg.isdigit() else self.audience.max_judgements
            own = tuple(Para(text, analyst=True) for text in self.edits.judgements)
            return self.memory.or_nothing_new([BulletList(own + _paras(self.judgements(n), self.sources))])
        if line.text == "theme":
            return self.theme_blocks(arg)
        if line.text == "stories":
            return self.stories(int(arg) if arg.isdigit() else None)
        if line.text == "quotes":
            return self.quotes(int(arg) if arg.isdigit() else None)
        if line.text == "timeline":
            ahead = arg == "expected"
            shown = self.events(kind="expected" if ahead else "happened")
            self.shown_events = tuple(dict.fromkeys(self.shown_events + shown))
            if shown:
                return [Timeline(shown)]
            return [Para("No dates ahead in the week's sources." if ahead else self.memory.no_events())]
        if line.text == "figure":
            return self._figure(arg)
        if line.text == "changes":
            return self.changes_blocks(int(arg) if arg.isdigit() else None)
        if line.text == "entities":
            entities = self.analysis.entities[:MAX_ENTITIES]
            named = dict.fromkeys(i for e in entities for i in e.sources[:ENTITY_SOURCES_SHOWN])
            return [EntityIndex(entities, tuple(self.analysis.source(i) for i in named))]
        if line.text == "sources":
            return [SourceNotes(())]  # filled once every cite is known (see compose)
        raise RenderError(f"unknown directive '@{line.text}'")

    def events(self, limit: int | None = None, kind: str = "happened") -> tuple[Event, ...]:
        """Return the events of ``kind`` a brief shows: all of them, or those bearing on a desk brief's themes.

        Expected events (plans, forecasts, schedules) are shown only when still ahead at the brief's date.
        """
        if (limit, kind) not in self._events:  # asked for by the changes, the timeline and its figure
            self._events[limit, kind] = self._find_events(limit, kind)
        return self._events[limit, kind]

    def _find_events(self, limit: int | None, kind: str) -> tuple[Event, ...]:
        events = tuple(e for e in self.analysis.events if e.kind == kind)
        if kind == "expected" and self.as_of:
            events = tuple(e for e in events if (period_end(e.date) or date.min).isoformat() >= self.as_of)
        if len(self.themes) != len(self.analysis.themes):
            scorer = ThemeScorer([t.theme for t in self.themes.values()])
            events = tuple(e for e in events if any(scorer.relevance(words(e.text))))
        if kind == "happened":  # what a recent brief showed is not shown again; dates to watch stay
            events = tuple(e for e in events if not self.memory.old(e))
        limit = min(limit or SAFETY_LIMIT, self.audience.max_events or SAFETY_LIMIT)
        if len(events) > limit:
            # The best-corroborated events first, then the latest; shown in date order.
            latest_first = sorted(range(len(events)), key=lambda i: events[i].date, reverse=True)
            ranked = sorted(latest_first, key=lambda i: -len({c.source for c in events[i].cites}))
            keep = set(ranked[:limit])
            events = tuple(e for i, e in enumerate(events) if i in keep)
        return events

    def _figure(self, kind: str) -> list[Block]:
        events = self.events(MAX_FIGURE_EVENTS)
        if kind == "timeline" and events:
            return [
                Figure(
                    "timeline",
                    "The week's dated events",
                    f"Timeline of {len(events)} dated events from {events[0].date} to {events[-1].date}",
                    events=events,
                )
            ]
        trend = self.memory.trend_figure(tuple(self.themes.values())) if kind == "themes" else None
        if trend is not None:
            return [trend]
        if kind == "themes":
            themes = tuple(self.themes.values())
            return [
                Figure(
                    "themes",
                    "How much each theme drew from the week's sources",
                    "Bar chart of sentences, sources and quotes per theme: "
                    + "; ".join(
                        f"{t.theme.title} {t.sentences} sentences, {t.sources} sources, {t.quotes} quotes"
                        for t in themes
                    ),
                    themes=themes,
                )
            ]
        return []

"""Compose one audience's Brief from the Analysis: select, limit and order, as its layout template says."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import bottom_line as top
from .analysis.event_parts import period_end
from .analysis.standalone import thin_insertions
from .analysis.themes import ThemeScorer
from .analysis.vectors import words
from .archive.history import History, long_date
from .archive.memory import Memory
from .compose_quotes import SAFETY_LIMIT, QuotesView, listable, quote_context, select_quotes
from .config import Audience, Config
from .edits import BriefEdits
from .errors import RenderError
from .layout_template import Line, check_directives, render_layout, template_path
from .model import (
    Analysis,
    Block,
    Brief,
    BulletList,
    Changes,
    Cite,
    EntityIndex,
    Event,
    Extract,
    Figure,
    Para,
    Quote,
    QuoteBlock,
    Section,
    Source,
    SourceNote,
    SourceNotes,
    Story,
    StoryList,
    ThemeSummary,
    Timeline,
    block_cites,
)
from .output_names import output_stem
from .render._text import ENTITY_SOURCES_SHOWN
from .theme_order import in_source_order, keep_own, not_repeated, week_first

MAX_ENTITIES = 40
MAX_FIGURE_EVENTS = 30  # a drawn timeline stays legible; the table lists the rest


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


NO_QUOTES = QuotesView(0, 0, "source order")  # what `briefgen check` tells a template before any reading


def layout_context(
    config: Config,
    audience: Audience,
    as_of: str,
    themes: tuple[ThemeSummary, ...],
    counts: dict[str, int],
    quotes: QuotesView = NO_QUOTES,
    since: str | None = None,
) -> dict[str, Any]:
    """Return the names a layout template may use (README: "What a brief.j2 may use"); build and check share it."""
    return {
        "brief": {
            "title": config.title,
            "subtitle": config.subtitle,
            "organisation": config.organisation,
            "as_of": as_of,
            "marking": audience.marking or config.marking,
            "since": since,  # the audience's previous archived brief, in words; None without one
        },
        "audience": audience,
        "themes": [
            ThemeView(
                t.theme.id,
                t.theme.title,
                t.theme.description,
                t.sentences,
                t.sources,
                t.quotes,
                len(t.extracts),
            )
            for t in themes
        ],
        "counts": counts,
        "quotes": quotes,
    }


def _paras(extracts: tuple[Extract, ...]) -> tuple[Para, ...]:
    """Return a list's items, each person named in full at their first mention only."""
    texts = thin_insertions([e.text for e in extracts])
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


class _Composer:
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
        self.shown_events: tuple[Event, ...] = ()
        self.bluf: tuple[Extract, ...] = ()
        self.used: set[str] = set()  # extract texts already shown, so a sentence appears once
        self.picks = top.story_picks(analysis, tuple(self.themes))
        self.listed: tuple[Story, ...] = ()
        self.sources = {s.id: s for s in analysis.sources}

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
        texts = thin_insertions([e.text for e in shown])
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
        fresh = [e for t in themes for e in t.extracts if self._new(e)]
        quotes = select_quotes(self.analysis, themes, SAFETY_LIMIT)
        return self.memory.changes(themes, fresh, self.events(), quotes)

    def changes_blocks(self, limit: int | None) -> list[Block]:
        blocks, texts, voices = self.memory.blocks(self.find_changes, limit)
        self.used.update(texts)
        self.shown_quotes += [q for q in voices if q not in self.shown_quotes]
        return blocks

    def select(self, limit: int | None) -> tuple[Quote, ...]:
        """Return the quotes ``@quotes`` with this limit shows (before any shown earlier are left out)."""
        if limit not in self.selected:
            self.selected[limit] = select_quotes(
                self.analysis, tuple(self.themes.values()), limit, self.picks
            )
        return self.selected[limit]

    def quotes(self, n: int | None) -> list[Block]:
        limit = n if n is not None else self.audience.max_quotes
        quotes = [q for q in self.select(limit) if q not in self.shown_quotes]
        quotes = [q for q in quotes if not self.memory.old(q)] or quotes  # repeats only if nothing else
        self.shown_quotes.extend(quotes)
        if not quotes:
            return [Para("No direct quotations in the week's sources.")]
        return [
            QuoteBlock(q, quote_context(self.analysis, q, self.shown_contexts), self.memory.mark(q))
            for q in quotes
        ]

    def quotes_view(self) -> QuotesView:
        """Return what the layout template may say of the quotations: found, shown, in what order."""
        found = sum(1 for q in self.analysis.quotes if listable(q))  # what a Quotations section may list
        shown = len(self.select(self.audience.max_quotes))
        return QuotesView(found, shown, "source order" if shown == found else "most relevant first")

    def directive(self, line: Line) -> list[Block]:
        arg = line.arg
        if line.text == "bluf":
            return self.memory.or_nothing_new([BulletList(_paras(self.bluf_extracts()))])
        if line.text == "judgements":
            n = int(arg) if arg.isdigit() else self.audience.max_judgements
            own = tuple(Para(text, analyst=True) for text in self.edits.judgements)
            return self.memory.or_nothing_new([BulletList(own + _paras(self.judgements(n)))])
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


def _sections(lines: list[Line], composer: _Composer, title: str) -> list[Section]:
    sections: list[Section] = []
    current_title, level = title, 1
    blocks: list[Block] = []
    text: list[str] = []

    def flush_text() -> None:
        if text:
            blocks.append(Para(" ".join(text)))
            text.clear()

    for line in lines:
        if line.kind == "heading":
            flush_text()
            if blocks or current_title != title:
                sections.append(Section(current_title, level, tuple(blocks)))
            current_title, level, blocks = line.text, line.level, []
        elif line.kind == "text":
            text.append(line.text)
        elif line.kind == "blank":
            flush_text()
        else:
            flush_text()
            blocks.extend(composer.directive(line))
    flush_text()
    if blocks:
        sections.append(Section(current_title, level, tuple(blocks)))
    return sections


def _used_note(note: SourceNote, source: Source, brief_cites: list[Cite], quotes: list[Quote]) -> SourceNote:
    """Return a source note saying what this brief used from the source, with any reliability note."""
    n_cites = sum(1 for c in brief_cites if c.source == note.source)
    n_quotes = sum(1 for q in quotes if q.cite.source == note.source)
    times = "once" if n_cites == 1 else f"{n_cites} times"
    used = f"Cited {times} in this brief, {n_quotes} of its quotations shown"
    flags = ((f"Reliability: {source.reliability}",) if source.reliability else ()) + note.flags
    return dataclasses.replace(note, used=used, flags=flags)


def compose(
    analysis: Analysis,
    config: Config,
    audience: Audience,
    *,
    as_of: str,
    templates: Path,
    edits: BriefEdits | None = None,
    history: History | None = None,
) -> Brief:
    """Return the Brief for one audience: the editor's pins and words placed, and (with ``history``, the
    archive's earlier weeks) repeats left out or marked and what changed since."""
    themes = tuple(t for tid in audience.themes for t in analysis.themes if t.theme.id == tid)
    composer = _Composer(analysis, audience, themes, edits, as_of, Memory(history, analysis, as_of))
    since = long_date(history.since) if history is not None and history.since else None
    context = layout_context(
        config,
        audience,
        as_of,
        themes,
        {
            "sources": len(analysis.sources),
            "quotes": len(analysis.quotes),
            "events": len(analysis.events),
            "entities": len(analysis.entities),
        },
        quotes=composer.quotes_view(),
        since=since,
    )
    lines = render_layout(templates, audience.template, context)
    problems = check_directives(
        lines, template_path(templates, audience.template), audience.id, audience.themes
    )
    if problems:
        raise RenderError(problems)
    sections = _sections(lines, composer, config.title)
    if edits and edits.notes and sections:  # the analyst's notes open the brief
        first = sections[0]
        own = tuple(Para(text, analyst=True) for text in edits.notes)
        sections[0] = Section(first.title, first.level, own + first.blocks)
    cites: list[Cite] = [c for s in sections for b in s.blocks for c in block_cites(b)]
    cited_ids = list(dict.fromkeys(c.source for c in cites))
    notes = tuple(
        _used_note(n, analysis.source(n.source), cites, composer.shown_quotes)
        for n in analysis.notes
        if n.source in cited_ids
    )
    sections = [
        Section(
            s.title,
            s.level,
            tuple(
                SourceNotes(notes + analysis.excluded, analysis.sources) if isinstance(b, SourceNotes) else b
                for b in s.blocks
            ),
        )
        for s in sections
    ]
    return Brief(
        title=config.title,
        audience=audience.id,
        audience_title=audience.title,
        as_of=as_of,
        organisation=config.organisation,
        sections=tuple(sections),
        sources=tuple(analysis.source(i) for i in cited_ids),
        marking=audience.marking or config.marking,
        subtitle=config.subtitle,
        period=_period(analysis),
        quotes=tuple(composer.shown_quotes),
        events=composer.shown_events,
        themes=tuple(composer.shown_themes),
        bluf=composer.bluf,
        judgements=tuple(composer.judged),
        stories=top.brief_stories(
            composer.picks,
            composer.listed,
            [e.id for e in (*composer.bluf, *composer.judged)]
            + [e.id for t in composer.shown_themes for e in t.extracts]
            + [q.id for q in composer.shown_quotes],
        ),
        keywords=tuple(t.theme.title for t in themes),
        one_page=audience.one_page,
        stem=output_stem(config.output_pattern, as_of, audience.id),
        changes=composer.memory.result(composer.find_changes() if history else None),
    )


def _period(analysis: Analysis) -> str:
    dates = sorted(s.date for s in analysis.sources if s.date)
    n = len(analysis.sources)
    base = f"Drawn from {n} source{'s' if n != 1 else ''}"
    if analysis.period:
        left = f"; {len(analysis.excluded)} left out (see source notes)" if analysis.excluded else ""
        return f"{base} of the week {analysis.period}{left}"
    if not dates:
        return base
    span = f"{dates[0]} to {dates[-1]}" if dates[0] != dates[-1] else dates[0]
    if len(dates) == n:
        return f"{base} dated {span}"
    return f"{base}: {len(dates)} dated {span}, {n - len(dates)} undated"  # true of every source

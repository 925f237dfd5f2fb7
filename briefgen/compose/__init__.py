"""Compose one audience's Brief from the Analysis: select, limit and order, as its layout template says.

The layout template runs first (``layout_template``, given a typed ``context``); each directive line it
writes is then filled by the ``composer`` from the Analysis, in the order the template gives.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .. import bottom_line as top
from ..archive.history import History, long_date
from ..archive.memory import Memory
from ..config import Audience, Config
from ..edits import BriefEdits
from ..errors import RenderError
from ..model import (
    Analysis,
    Block,
    Brief,
    Cite,
    Para,
    Quote,
    Section,
    Source,
    SourceNote,
    SourceNotes,
    block_cites,
)
from ..output_names import output_stem
from .composer import Composer
from .context import Counts, layout_context
from .layout_template import Line, check_directives, render_layout, template_path

__all__ = ["compose", "layout_context"]


def _sections(lines: list[Line], composer: Composer, title: str) -> list[Section]:
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


def _flagged_sources(notes: tuple[SourceNote, ...], sources: tuple[Source, ...]) -> tuple[Source, ...]:
    """Return the sources the notes' flags name ("Number differs from <id> (para 4)"), for renderers to name.

    Only those: a brief that carried the whole week's sources took as long to copy as to render.
    """
    flags = "\n".join(f for n in notes for f in n.flags)
    return tuple(s for s in sources if f"from {s.id} (para" in flags) if flags else ()


def compose(
    analysis: Analysis,
    config: Config,
    audience: Audience,
    *,
    as_of: str,
    templates: Path,
    edits: BriefEdits | None = None,
    history: History | None = None,
    looked: list[str] | None = None,
) -> Brief:
    """Return the Brief for one audience: the editor's pins and words placed, and (with ``history``, the
    archive's earlier weeks) repeats left out or marked and what changed since.

    ``looked``, if given, gets every template file the layout looked for (``render_layout``).
    """
    themes = tuple(t for tid in audience.themes for t in analysis.themes if t.theme.id == tid)
    composer = Composer(analysis, audience, themes, edits, as_of, Memory(history, analysis, as_of))
    since = long_date(history.since) if history is not None and history.since else None
    context = layout_context(
        config,
        audience,
        as_of,
        themes,
        Counts.of(analysis),
        quotes=composer.quotes_view(),
        since=since,
    )
    lines = render_layout(templates, audience.template, context.names(), looked)
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
    shown_notes = notes + analysis.excluded
    flagged = _flagged_sources(shown_notes, analysis.sources)
    sections = [
        Section(
            s.title,
            s.level,
            tuple(SourceNotes(shown_notes, flagged) if isinstance(b, SourceNotes) else b for b in s.blocks),
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

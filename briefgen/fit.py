"""Fit one-page briefs: a promise, not a hope. Between compose and render, a brief that must fit one
page and does not, at its own type size or one documented step smaller, loses its lowest-ranked items
until it does; what was dropped is reported (a warning, so ``--strict`` fails the build).

The PDF measures the fit; the Word brief of a one-page audience is set at the PDF's type size and
margins (render/docx.py), so the same content fits there too.
"""

from __future__ import annotations

import dataclasses

from .model import Block, Brief, BulletList, EntityIndex, Figure, Para, QuoteBlock, Section, Timeline
from .render.look import Look

SMALLEST_FIT = 0.94  # a one-page brief's type may shrink to 94% of its size, never further
MAX_DROPS = 200  # a guard: every drop removes an item, so this is never reached on a real brief


def _label(block: Block | Para) -> str:
    """Return how the build's summary names a dropped item."""
    if isinstance(block, QuoteBlock):
        q = block.quote
        return f"quote “{_short(q.text)}” ({q.speaker or q.speaker_role or 'unattributed'})"
    text = block.text if isinstance(block, Para) else ""
    return f"“{_short(text)}”"


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def _droppable(sections: list[Section], keep: int = 1) -> tuple[int, int, int | None] | None:
    """Return (section, block, item) of the lowest-ranked item: a chart first (its data is in the
    tables), else the last of the longest list in the brief.

    Lists are ranked best first (bottom line, judgements, quotes, a theme's sentences, the entity index),
    so the last item of the longest one costs the brief least; a list keeps at least ``keep`` items.
    """
    for si, section in enumerate(sections):
        for bi, block in enumerate(section.blocks):
            if isinstance(block, Figure):
                return si, bi, None
    best: tuple[int, tuple[int, int, int | None]] | None = None
    for si, section in enumerate(sections):
        sourced = [
            bi
            for bi, b in enumerate(section.blocks)
            if isinstance(b, QuoteBlock) or (isinstance(b, Para) and b.cites)
        ]
        for bi, block in enumerate(section.blocks):
            where: tuple[int, int, int | None]
            if isinstance(block, BulletList) and len(block.items) > keep:
                size, where = len(block.items), (si, bi, len(block.items) - 1)
            elif isinstance(block, Timeline) and len(block.events) > keep:
                size, where = len(block.events), (si, bi, len(block.events) - 1)
            elif isinstance(block, EntityIndex) and len(block.entities) > keep:
                size, where = len(block.entities), (si, bi, len(block.entities) - 1)
            elif bi in sourced and len(sourced) > keep and bi == sourced[-1]:
                size, where = len(sourced), (si, bi, None)
            else:
                continue
            if best is None or size > best[0]:
                best = (size, where)
    return best[1] if best else None


def _drop(brief: Brief, at: tuple[int, int, int | None]) -> tuple[Brief, str]:
    """Return the brief without the item at ``at``, keeping its data fields in step, and the item's label."""
    si, bi, item = at
    sections = list(brief.sections)
    blocks = list(sections[si].blocks)
    block = blocks[bi]
    gone: Block | Para | str
    if isinstance(block, BulletList) and item is not None:
        gone = block.items[item]
        blocks[bi] = BulletList(block.items[:item] + block.items[item + 1 :])
    elif isinstance(block, Timeline) and item is not None:
        event = block.events[item]
        gone = f"event {event.date} “{_short(event.text)}”"
        blocks[bi] = Timeline(block.events[:item] + block.events[item + 1 :])
    elif isinstance(block, EntityIndex) and item is not None:
        gone = f"entity {block.entities[item].name}"
        blocks[bi] = dataclasses.replace(block, entities=block.entities[:item] + block.entities[item + 1 :])
    else:
        gone = block
        del blocks[bi]
    sections[si] = dataclasses.replace(sections[si], blocks=tuple(blocks))
    changes: dict[str, object] = {"sections": tuple(sections)}
    if isinstance(gone, QuoteBlock):
        changes["quotes"] = tuple(q for q in brief.quotes if q is not gone.quote)
    elif isinstance(gone, Para):
        changes["bluf"] = tuple(e for e in brief.bluf if e.text != gone.text)
        changes["judgements"] = tuple(e for e in brief.judgements if e.text != gone.text)
        changes["themes"] = tuple(
            dataclasses.replace(t, extracts=tuple(e for e in t.extracts if e.text != gone.text))
            for t in brief.themes
        )
    if isinstance(block, Timeline):
        changes["events"] = tuple(e for b in blocks if isinstance(b, Timeline) for e in b.events)
    label = (
        gone
        if isinstance(gone, str)
        else f"chart “{gone.caption}”"
        if isinstance(gone, Figure)
        else _label(gone)
    )
    return dataclasses.replace(brief, **changes), label  # type: ignore[arg-type]


def fit_one_page(brief: Brief, look: Look | None = None) -> tuple[Brief, list[str]]:
    """Return the brief trimmed to one page (in the audience's look) if it must fit one, and what was dropped."""
    if not brief.one_page:
        return brief, []
    from .render.pdf import build_pdf

    dropped: list[str] = []
    keep = 1  # first every list keeps its best item; only if that cannot fit does a list go whole
    for _ in range(MAX_DROPS):
        if build_pdf(brief, SMALLEST_FIT, look)[1] <= 1:
            return brief, dropped
        at = _droppable(list(brief.sections), keep)
        if at is None and keep:
            keep = 0
            continue
        if at is None:
            break
        brief, label = _drop(brief, at)
        dropped.append(label)
    dropped.append("still more than one page: the template asks for more than a page holds")
    return brief, dropped

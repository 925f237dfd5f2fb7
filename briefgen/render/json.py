"""Render a Brief to the JSON contract: exactly what the brief shows, plus every source it cites."""

from __future__ import annotations

import json
from typing import Any

from ..errors import RenderError
from ..model import (
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
    SourceNotes,
    Story,
    StoryList,
    Timeline,
)
from ..shown_paths import printable
from ._text import (
    SourceIndex,
    as_basic,
    attribution,
    note_lines,
    quote_display,
    source_label,
    source_namer,
    source_reference,
)
from .options import RenderOptions
from .registry import register_renderer


def _fields(item: object, *names: str) -> dict[str, Any]:
    """Return ``{name: item.name}`` for each of ``names``, in order: JSON keys are the model's field names."""
    return {name: getattr(item, name) for name in names}


def cite_json(c: Cite) -> dict[str, Any]:
    return {"source": c.source, "paragraph": c.paragraph}


def source_json(s: Source) -> dict[str, Any]:
    return {
        **_fields(s, "id", "digest"),
        "path": printable(s.path),  # a file name need not be UTF-8 (``briefgen extract``)
        "title": s.title,
        "authors": list(s.authors),
        **_fields(s, "outlet", "date", "dateline", "url", "genre", "reader"),
        "paragraphs": [{"n": p.n, "text": p.text} for p in s.paragraphs],
    }


def quote_json(q: Quote) -> dict[str, Any]:
    return {
        **_fields(q, "id", "text", "speaker", "speaker_role"),
        **cite_json(q.cite),
        **_fields(q, "kind", "cue", "start", "end"),
        "flags": list(q.flags),
    }


def event_json(e: Event) -> dict[str, Any]:
    return {**_fields(e, "id", "date", "kind", "label", "text"), "cites": [cite_json(c) for c in e.cites]}


def extract_json(e: Extract) -> dict[str, Any]:
    return {"id": e.id, "text": e.text, "cites": [cite_json(c) for c in e.cites]}


def story_json(s: Story) -> dict[str, Any]:
    """Return a story as the JSON lists it: what it is, who carried it, and the ids of its parts."""
    return {
        "id": s.id,
        "label": s.label,
        "sources": list(s.sources),
        "independent_sources": s.independent,
        "dates": list(s.dates),
        "people": list(s.people),
        "lead": extract_json(s.lead),
        "sentences": list(s.sentences),
        "quotes": list(s.quotes),
        "events": list(s.events),
    }


def _in_story(brief: Brief, item: dict[str, Any]) -> dict[str, Any]:
    """Return a JSON item with the id of the brief's story it belongs to (null when none)."""
    return {**item, "story": brief.story_of(item["id"])}


def analysis_json(analysis: Analysis) -> dict[str, Any]:
    """Return what `briefgen extract --json` prints: sources, stories, quotes, events and entities."""
    return {
        "sources": [source_json(s) for s in analysis.sources],
        "stories": [story_json(s) for s in analysis.stories],
        "quotes": [quote_json(q) for q in analysis.quotes],
        "events": [event_json(e) for e in analysis.events],
        "entities": [
            {
                "name": e.name,
                "kind": e.kind,
                "variants": list(e.variants),
                "role": e.role,
                "mentions": e.mentions,
                "sources": list(e.sources),
            }
            for e in analysis.entities
        ],
        "notes": [
            {"source": n.source, "genre": n.genre, "words": n.words, "flags": list(n.flags)}
            for n in analysis.notes
        ],
    }


def changes_json(changes: Changes) -> dict[str, Any]:
    """Return the brief's changes since the audience's previous archived brief."""
    return {
        "since": changes.since,
        "new_events": [event_json(e) for e in changes.new_events],
        "new_voices": [
            {"speaker": q.speaker, "text": q.text, "cites": [cite_json(q.cite)], "quote": q.id}
            for q in changes.new_voices
        ],
        "developing": [
            {
                "text": d.text,
                "cites": [cite_json(c) for c in d.cites],
                "last_briefed": d.last_briefed,
                "earlier": d.earlier,
            }
            for d in changes.developing
        ],
        "themes": [
            {
                "id": t.id,
                "this_week": t.this_week,
                "previous_weeks": list(t.previous_weeks),
                "weeks": list(t.weeks),
            }
            for t in changes.themes
        ],
        "carried_over": [{"id": i, "last_shown": d} for i, d in changes.carried],
    }


def brief_json(brief: Brief) -> dict[str, Any]:
    """Return the JSON object of a brief; ``changes`` only when it was built with the weekly archive."""
    out = _brief_json(brief)
    if brief.changes is not None:
        out["changes"] = changes_json(brief.changes)
        carried = dict(brief.changes.carried)  # each item shown again says so where it stands, too
        for item in [*out["quotes"], *(e for t in out["themes"] for e in t["summary"])]:
            if item["id"] in carried:
                item["carried_over"] = carried[item["id"]]
    return out


def _brief_json(brief: Brief) -> dict[str, Any]:
    return {
        "title": brief.title,
        "audience": brief.audience,
        "audience_title": brief.audience_title,
        "as_of": brief.as_of,
        "organisation": brief.organisation,
        "marking": brief.marking,
        "sources": [source_json(s) for s in brief.sources],
        "stories": [story_json(s) for s in brief.stories],
        "quotes": [_in_story(brief, quote_json(q)) for q in brief.quotes],
        "events": [event_json(e) for e in brief.events],
        "themes": [
            {
                "id": t.theme.id,
                "title": t.theme.title,
                "summary": [_in_story(brief, extract_json(e)) for e in t.extracts],
            }
            for t in brief.themes
        ],
        "bluf": [_in_story(brief, extract_json(e)) for e in brief.bluf],
        "judgements": [_in_story(brief, extract_json(e)) for e in brief.judgements],
        "subtitle": brief.subtitle,
        "period": brief.period,
        "sections": [
            {"title": s.title, "level": s.level, "blocks": [block_json(brief, b) for b in s.blocks]}
            for s in brief.sections
        ],
        "analyst_notes": [
            {"section": section.title, "text": p.text}
            for section in brief.sections
            for p in _analyst_paras(section)
        ],
    }


def _para_json(p: Para) -> dict[str, Any]:
    # An analyst's own words (from the edits file) are marked: they are never a source's.
    return {
        "text": p.text,
        "cites": [cite_json(c) for c in p.cites],
        **({"analyst": True} if p.analyst else {}),
    }


def block_json(brief: Brief, block: Block) -> dict[str, Any]:
    """Return one block as the brief shows it, in reading order: the JSON carries all the brief shows."""
    if isinstance(block, Para):
        return {"type": "text", **_para_json(block)}
    if isinstance(block, BulletList):
        return {"type": "list", "items": [_para_json(p) for p in block.items]}
    if isinstance(block, QuoteBlock):
        context = _para_json(block.context) if block.context is not None else None
        return {
            "type": "quote",
            **quote_json(block.quote),
            "display": quote_display(block.quote.text),  # the words as the brief shows them
            "attribution": attribution(block.quote),
            "context": context,
        }
    if isinstance(block, Timeline):
        return {"type": "timeline", "events": [event_json(e) for e in block.events]}
    if isinstance(block, StoryList):  # the stories themselves are in "stories"; here, the list as shown
        return {
            "type": "stories",
            "stories": [s.id for s in block.stories],
            "items": [_para_json(p) for p in as_basic(block).items],  # type: ignore[union-attr]
        }
    if isinstance(block, EntityIndex):
        return {
            "type": "entities",
            "entities": [
                {
                    "name": e.name,
                    "kind": e.kind,
                    "role": e.role,
                    "variants": list(e.variants),
                    "mentions": e.mentions,
                    "sources": list(e.sources),
                }
                for e in block.entities
            ],
        }
    if isinstance(block, SourceNotes):
        name = source_namer(block, brief)
        notes = []
        sources = SourceIndex(brief)
        for note in block.notes:
            source = sources.get(note.source)
            notes.append(
                {
                    "source": note.source,
                    "heading": source_label(source) if source is not None else note.source,
                    "reference": source_reference(source) if source is not None else None,
                    "lines": note_lines(note, name),
                }
            )
        return {"type": "source_notes", "notes": notes}
    if isinstance(block, Figure):
        return {"type": "figure", "figure": block.kind, "caption": block.caption, "alt": block.alt}
    raise RenderError(f"json: unknown block type {type(block).__name__}")


def _analyst_paras(section: Section) -> list[Para]:
    """Return the analyst's own words in a section, in reading order (never cited to a source)."""
    out: list[Para] = []
    for block in section.blocks:
        items = block.items if isinstance(block, BulletList) else (block,) if isinstance(block, Para) else ()
        out.extend(p for p in items if p.analyst)
    return out


def dumps(obj: Any) -> str:
    """Return stable, readable JSON (keys in contract order, non-ASCII kept)."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


@register_renderer
class JsonRenderer:
    name = "json"
    suffix = ".json"

    def render(self, brief: Brief, options: RenderOptions) -> bytes:
        """Return the brief as UTF-8 JSON."""
        return dumps(brief_json(brief)).encode("utf-8")

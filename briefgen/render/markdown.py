"""Render a Brief to Markdown, with footnote citations ([^n]) and literal source text."""

from __future__ import annotations

import re

from ..model import (
    Brief,
    BulletList,
    Cite,
    EntityIndex,
    Figure,
    Para,
    QuoteBlock,
    SourceNotes,
    StoryList,
    Timeline,
)
from ._text import (
    ANALYST_LABEL,
    SourceIndex,
    as_basic,
    attribution,
    corroboration,
    cover_lines,
    entity_label,
    entity_sources,
    event_label,
    footnote_numbers,
    note_lines,
    note_reference,
    quote_display,
    source_label,
    source_namer,
)
from .options import RenderOptions
from .registry import register_renderer

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def escape(text: str) -> str:
    """Return text with Markdown and HTML metacharacters escaped, so it shows literally."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text)  # only entity-like text would be decoded
    return re.sub(r"^(\s*)([-+]|\d+\.)(\s)", r"\1\\\2\3", text)


class _Writer:
    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.sources = SourceIndex(brief)
        self.numbers = footnote_numbers(brief)
        self.out: list[str] = []

    def refs(self, cites: tuple[Cite, ...]) -> str:
        marks = "".join(f"[^{self.numbers[c]}]" for c in cites)
        label = corroboration(cites)
        return f"{' ' + label if label else ''}{marks}"

    def para(self, p: Para) -> str:
        if p.analyst:
            return f"**{escape(ANALYST_LABEL)}** *{escape(p.text)}*"
        mark = f"*{escape(p.mark)}* " if p.mark else ""
        return mark + escape(p.text) + self.refs(p.cites)

    def table(self, header: tuple[str, ...], rows: list[str]) -> None:
        """Add a table: ``header`` names the columns, each of ``rows`` is a finished ``| ... |`` line."""
        self.out += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *rows, ""]

    def block(self, block: object) -> None:
        block = as_basic(block) if isinstance(block, StoryList) else block
        if isinstance(block, Para):
            self.out += [self.para(block), ""]
        elif isinstance(block, BulletList):
            self.out += [f"- {self.para(item)}" for item in block.items] + [""]
        elif isinstance(block, QuoteBlock):
            q = block.quote
            if block.mark:
                self.out += [f"> *{escape(block.mark)}*", ">"]
            self.out.append(
                f"> \u201c{escape(quote_display(q.text))}\u201d \u2014 {escape(attribution(q))}{self.refs((q.cite,))}"
            )
            if block.context:
                self.out += [">", f"> *Context:* {self.para(block.context)}"]
            self.out.append("")
        elif isinstance(block, Timeline):
            self.table(
                ("Date", "Event"),
                [
                    f"| {event_label(e.date)} | {self.para(Para(e.text, e.cites)).replace('|', chr(92) + '|')} |"
                    for e in block.events
                ],
            )
        elif isinstance(block, EntityIndex):
            name = source_namer(block, self.brief)
            self.table(
                ("Name", "Role", "Mentions", "Sources"),
                [
                    f"| {escape(entity_label(e))} | {escape(e.role or '')} | {e.mentions} | {escape(entity_sources(e, name, '; '))} |"
                    for e in block.entities
                ],
            )
        elif isinstance(block, SourceNotes):
            name = source_namer(block, self.brief)
            for note in block.notes:
                source = self.sources.get(note.source)
                self.out.append(f"**{escape(source_label(source) if source else note.source)}**  ")
                if source and note_reference(source):
                    self.out.append(f"{escape(note_reference(source))}  ")
                head, *flags = note_lines(note, name)
                self.out.append(escape(head))
                self.out += [f"- {escape(flag)}" for flag in flags] + [""]
        elif isinstance(block, Figure):
            self.out += [f"*Figure: {escape(block.caption)}.* {escape(block.alt)}", ""]

    def render(self) -> str:
        b = self.brief
        if b.marking:
            self.out += [f"**{escape(b.marking)}**", ""]
        self.out += [f"# {escape(b.title)}", ""]
        if b.subtitle:
            self.out += [f"*{escape(b.subtitle)}*", ""]
        self.out += [escape(line) + "  " for line in cover_lines(b)] + [""]
        for section in b.sections:
            self.out += [f"{'#' * (min(max(section.level, 1), 3) + 1)} {escape(section.title)}", ""]
            for block in section.blocks:
                self.block(block)
        for cite, n in self.numbers.items():
            source = self.sources.get(cite.source)
            link = f" <{source.url}>" if source and source.url else ""
            self.out.append(f"[^{n}]: {escape(self.sources.cite_text(cite))}{link}")
        if b.marking:
            self.out += ["", f"**{escape(b.marking)}**"]
        return "\n".join(self.out).rstrip() + "\n"


@register_renderer
class MarkdownRenderer:
    name = "md"
    suffix = ".md"

    def render(self, brief: Brief, options: RenderOptions) -> bytes:
        """Return the brief as UTF-8 Markdown."""
        return _Writer(brief).render().encode("utf-8")

"""Render a Brief to one self-contained HTML file with inline styles, as email clients keep them."""

from __future__ import annotations

import base64
from html import escape

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
from .look import Look, css_of, read_look
from .options import RenderOptions
from .registry import prepare_figures, register_renderer

# Inline styles, not a <style> block: many email clients drop <style> but keep style attributes.
FONT = "font-family:Georgia,'DejaVu Serif',serif;"
S = {
    "body": f"{FONT}max-width:760px;margin:24px auto;color:#1a1a1a;line-height:1.5;font-size:15px;",
    "marking": "font-family:Arial,sans-serif;font-size:11px;font-weight:bold;letter-spacing:1px;color:#8a1c1c;"
    "text-align:center;border:1px solid #8a1c1c;padding:2px;",
    "h1": "font-family:Arial,sans-serif;color:#12355b;font-size:26px;margin:12px 0 4px;",
    "h2": "font-family:Arial,sans-serif;color:#12355b;font-size:19px;border-bottom:1px solid #c8d3e0;"
    "margin:22px 0 8px;",
    "h3": "font-family:Arial,sans-serif;color:#12355b;font-size:16px;margin:16px 0 6px;",
    "h4": "font-family:Arial,sans-serif;color:#333;font-size:14px;margin:12px 0 4px;",
    "cover": "font-family:Arial,sans-serif;color:#555;font-size:13px;margin:0;",
    "quote": "border-left:3px solid #12355b;margin:10px 0;padding:4px 12px;font-style:italic;",
    "who": "font-style:normal;font-size:13px;color:#444;",
    "table": "border-collapse:collapse;width:100%;font-size:13px;",
    "cell": "border:1px solid #c8d3e0;padding:4px 6px;vertical-align:top;overflow-wrap:anywhere;",
    "sup": "font-size:10px;",
    "notes": "font-size:12px;color:#333;",
    "p": "margin:6px 0;overflow-wrap:anywhere;",
}


def styled(look: Look | None) -> dict[str, str]:
    """Return the inline styles with an audience's reference.docx changes laid over briefgen's own."""
    styles = dict(S, title=S["h1"], subtitle=S["cover"] + "font-size:16px;", caption=S["cover"])
    if look is None:
        return styles
    for key, role in (
        ("title", "Title"),
        ("subtitle", "Subtitle"),
        ("h2", "Heading 1"),
        ("h3", "Heading 2"),
        ("h4", "Heading 3"),
        ("body", "Normal"),
        ("quote", "Quote"),
        ("caption", "Caption"),
    ):
        styles[key] += css_of(look.style(role))  # later declarations win in a style attribute
    return styles


class _Writer:
    def __init__(self, brief: Brief, look: Look | None = None) -> None:
        self.brief = brief
        self.sources = SourceIndex(brief)
        self.look = look
        self.S = styled(look)
        self.numbers = footnote_numbers(brief)
        self.out: list[str] = []

    def refs(self, cites: tuple[Cite, ...]) -> str:
        label = corroboration(cites)
        marks = "".join(
            f'<sup style="{self.S["sup"]}"><a href="#note-{self.numbers[c]}">[{self.numbers[c]}]</a></sup>'
            for c in cites
        )
        return (f' <span style="font-size:11px;color:#555;">{label}</span>' if label else "") + marks

    def para(self, p: Para) -> str:
        if p.analyst:
            return f'<span class="analyst"><strong>{escape(ANALYST_LABEL)}</strong> <em>{escape(p.text)}</em></span>'
        mark = f"<em>{escape(p.mark)}</em> " if p.mark else ""
        return mark + escape(p.text) + self.refs(p.cites)

    def table(self, head: list[str], rows: list[list[str]]) -> None:
        self.out.append(
            f'<table style="{self.S["table"]}"><tr>'
            + "".join(f'<th style="{self.S["cell"]}text-align:left;">{h}</th>' for h in head)
            + "</tr>"
        )
        self.out += [
            "<tr>" + "".join(f'<td style="{self.S["cell"]}">{c}</td>' for c in row) + "</tr>" for row in rows
        ]
        self.out.append("</table>")

    def block(self, block: object) -> None:
        block = as_basic(block) if isinstance(block, StoryList) else block
        if isinstance(block, Para):
            self.out.append(f'<p style="{self.S["p"]}">{self.para(block)}</p>')
        elif isinstance(block, BulletList):
            self.out.append(
                "<ul>"
                + "".join(f'<li style="{self.S["p"]}">{self.para(i)}</li>' for i in block.items)
                + "</ul>"
            )
        elif isinstance(block, QuoteBlock):
            q = block.quote
            ctx = (
                f'<br><span style="{self.S["who"]}">Context: {self.para(block.context)}</span>'
                if block.context
                else ""
            )
            mark = f"<em>{escape(block.mark)}</em><br>" if block.mark else ""
            self.out.append(
                f'<blockquote style="{self.S["quote"]}">{mark}\u201c{escape(quote_display(q.text))}\u201d'
                f'<br><span style="{self.S["who"]}">\u2014 {escape(attribution(q))}'
                f"{self.refs((q.cite,))}</span>{ctx}</blockquote>"
            )
        elif isinstance(block, Timeline):
            self.table(
                ["Date", "Event"],
                [[escape(event_label(e.date)), self.para(Para(e.text, e.cites))] for e in block.events],
            )
        elif isinstance(block, EntityIndex):
            self.table(
                ["Name", "Role", "Mentions", "Sources"],
                [
                    [
                        escape(entity_label(e)),
                        escape(e.role or ""),
                        str(e.mentions),
                        escape(entity_sources(e, source_namer(block, self.brief), "; ")),
                    ]
                    for e in block.entities
                ],
            )
        elif isinstance(block, SourceNotes):
            name = source_namer(block, self.brief)
            for note in block.notes:
                source = self.sources.get(note.source)
                self.out.append(
                    f'<h4 style="{self.S["h4"]}">{escape(source_label(source) if source else note.source)}</h4>'
                )
                if source and note_reference(source):
                    self.out.append(f'<p style="{self.S["p"]}">{escape(note_reference(source))}</p>')
                self.out += [
                    f'<p style="{self.S["p"]}">{escape(line)}</p>' for line in note_lines(note, name)
                ]
        elif isinstance(block, Figure):
            self.figure(block)

    def figure(self, fig: Figure) -> None:
        try:
            from .figures import figure_png
        except ImportError:  # figures are optional decoration; the data is in the tables
            return
        data = base64.b64encode(figure_png(fig, 1400)).decode("ascii")
        self.out.append(
            f'<figure style="margin:12px 0;"><img src="data:image/png;base64,{data}" '
            f'alt="{escape(fig.alt)}" style="width:100%;height:auto;">'
            f'<figcaption style="{self.S["caption"]}">{escape(fig.caption)}</figcaption></figure>'
        )

    def render(self) -> str:
        b = self.brief
        self.out += [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(b.title)} \u2014 {escape(b.audience_title)}</title>"
            # The template folder's style.css, after the inline styles' defaults (use !important to override one).
            + (f"<style>\n{_css_text(self.look.css)}\n</style>" if self.look and self.look.css else "")
            + "</head>",
            f'<body style="{self.S["body"]}">',
        ]
        if b.marking:
            self.out.append(f'<div style="{self.S["marking"]}">{escape(b.marking)}</div>')
        if self.look and self.look.logo:  # the reference document's header picture
            kind = "png" if self.look.logo[:4] == b"\x89PNG" else "jpeg"
            data = base64.b64encode(self.look.logo).decode("ascii")
            self.out.append(f'<img src="data:image/{kind};base64,{data}" alt="" style="height:40px;">')
        self.out.append(f'<h1 style="{self.S["title"]}">{escape(b.title)}</h1>')
        if b.subtitle:
            self.out.append(f'<p style="{self.S["subtitle"]}">{escape(b.subtitle)}</p>')
        self.out += [f'<p style="{self.S["cover"]}">{escape(line)}</p>' for line in cover_lines(b)]
        for section in b.sections:
            level = min(max(section.level, 1), 3) + 1
            self.out.append(
                f'<h{level} style="{self.S["h" + str(level)]}">{escape(section.title)}</h{level}>'
            )
            for block in section.blocks:
                self.block(block)
        if self.numbers:
            self.out.append(f'<h2 style="{self.S["h2"]}">Notes</h2><ol style="{self.S["notes"]}">')
            for cite, n in self.numbers.items():
                source = self.sources.get(cite.source)
                link = (
                    f' <a href="{escape(source.url)}">{escape(source.url)}</a>'
                    if source and source.url
                    else ""
                )
                self.out.append(f'<li id="note-{n}">{escape(self.sources.cite_text(cite))}{link}</li>')
            self.out.append("</ol>")
        if b.marking:
            self.out.append(f'<div style="{self.S["marking"]}">{escape(b.marking)}</div>')
        self.out.append("</body></html>")
        return "\n".join(self.out) + "\n"


@register_renderer
class HtmlRenderer:
    name = "html"
    suffix = ".html"
    prepare = staticmethod(prepare_figures)

    def render(self, brief: Brief, options: RenderOptions) -> bytes:
        """Return the brief as one UTF-8 HTML file."""
        return _Writer(brief, read_look(options)).render().encode("utf-8")


def _css_text(css: str) -> str:
    """Return a style sheet that cannot close its own <style> element."""
    return css.replace("</", "<\\/")

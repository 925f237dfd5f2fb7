"""Render a Brief to PDF with reportlab platypus: cover, outline, cited notes, tables and vector figures."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.tables import TableStyle

from ..errors import RenderError
from ..model import (
    Block,
    Brief,
    BulletList,
    Cite,
    EntityIndex,
    Figure,
    Para,
    QuoteBlock,
    Section,
    SourceNotes,
    Timeline,
)
from ._text import (
    ANALYST_LABEL,
    SourceIndex,
    as_basic,
    attribution,
    corroboration,
    cover_lines,
    entity_sources,
    event_label,
    footnote_numbers,
    note_lines,
    note_reference,
    quote_display,
    source_label,
    source_namer,
)
from .figures import figure_drawing
from .look import Look, read_look
from .options import RenderOptions
from .pdf_flowables import (
    Bookmarked,
    BriefDoc,
    CachedParagraph,
    FitDrawing,
    chunks,
    clean,
    esc,
    link,
    mark_markup,
)
from .pdf_page import PageDecor, numbered_canvas
from .pdf_styles import (
    ACCENT,
    FAMILY,
    RULE,
    SHADE,
    Geometry,
    Styles,
    geometry,
    make_styles,
    register_fonts,
)
from .registry import register_renderer

FIT_STEPS = (1.0, 0.94)  # a one-page brief may shrink one step (fit.SMALLEST_FIT); fit.py drops items beyond


class _Writer:
    """Walks the Brief's sections and blocks, building platypus flowables."""

    def __init__(self, brief: Brief, styles: Styles, page: Geometry) -> None:
        self.brief = brief
        self.sources = SourceIndex(brief)
        self.s = styles
        self.page = page
        self.numbers = footnote_numbers(brief)

    def markers(self, cites: tuple[Cite, ...]) -> str:
        """Return superscript note numbers linking to the Notes list."""
        if not cites:
            return ""
        for c in cites:
            # A quote's context sentence may cite paragraphs no block lists: number them on first use.
            self.numbers.setdefault(c, len(self.numbers) + 1)
        links = [f'<a href="#cite-{self.numbers[c]}" color="#1f4e79">{self.numbers[c]}</a>' for c in cites]
        label = corroboration(cites)
        return (f" {escape(label)}" if label else "") + f"<super>{','.join(links)}</super>"

    def paras(
        self,
        text: str,
        style: object,
        cites: tuple[Cite, ...] = (),
        prefix: str = "",
        bullet: str | None = None,
    ) -> list[Flowable]:
        """Return a text as bounded Paragraphs, the bullet on the first piece, note markers after the last."""
        pieces = chunks(clean(text))
        out: list[Flowable] = []
        for i, piece in enumerate(pieces):
            markup = (prefix if i == 0 else "") + escape(piece)
            if i == len(pieces) - 1:
                markup += self.markers(cites)
            out.append(CachedParagraph(markup, style, bulletText=bullet if i == 0 else None))
        return out

    def story(self) -> list[Flowable]:
        """Return the whole document: cover, sections, then the Notes list."""
        b, s = self.brief, self.s
        story: list[Flowable] = [Bookmarked(esc(b.title), s.title, clean(b.title), 0)]
        if b.subtitle:
            story.append(CachedParagraph(esc(b.subtitle), s.subtitle))
        story.extend(CachedParagraph(esc(line), s.cover) for line in cover_lines(b))
        story.append(HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=4, spaceAfter=6))
        for section in b.sections:
            story.extend(self.section(section))
        story.extend(self.notes())
        return story

    def section(self, section: Section) -> list[Flowable]:
        """Return a section heading (bookmarked one level below the title) and its blocks."""
        style = self.s.heading(section.level)
        body: list[Flowable] = []
        for block in map(as_basic, section.blocks):
            body.extend(self.block(block))
        heading = Bookmarked(esc(section.title), style, clean(section.title), section.level)
        if self.brief.one_page:
            return [heading, *body]
        # Rather than keepWithNext (which moves a heading and a long table whole to the next page, leaving a
        # gap), break only when the heading and the start of what follows do not fit: a figure or quote
        # (kept together) whole, else a few lines.
        need = style.leading * 2 + style.spaceBefore + self.s.body.leading * 4
        if body and isinstance(body[0], KeepTogether):
            need = style.leading * 2 + style.spaceBefore + self._height(body[0]._content)
        return [CondPageBreak(min(need, self.page.frame_height * 0.9)), heading, *body]

    def _height(self, flowables: list[Flowable]) -> float:
        """Return the height a stack of flowables takes in the frame (wrap needs no canvas for these)."""
        w, h = self.page.frame_width, self.page.frame_height
        return sum(f.wrap(w, h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)

    def block(self, block: Block) -> list[Flowable]:
        """Return the flowables for one block."""
        s = self.s
        if isinstance(block, Para):
            return self.paras(
                block.text, s.body, block.cites, prefix=_analyst(block) + mark_markup(block.mark)
            )
        if isinstance(block, BulletList):
            out: list[Flowable] = []
            for item in block.items:
                prefix = _analyst(item) + mark_markup(item.mark)
                out.extend(self.paras(item.text, s.bullet, item.cites, prefix=prefix, bullet="\u2022"))
            return out
        if isinstance(block, QuoteBlock):
            return self.quote(block)
        if isinstance(block, Timeline):
            return self.timeline(block)
        if isinstance(block, EntityIndex):
            return self.entities(block)
        if isinstance(block, SourceNotes):
            return self.source_notes(block)
        if isinstance(block, Figure):
            return self.figure(block)
        raise RenderError(f"pdf: unknown block type {type(block).__name__}")

    def quote(self, block: QuoteBlock) -> list[Flowable]:
        """Return an indented quote, its attribution and marker, and the context in small type."""
        q, s = block.quote, self.s
        parts = self.paras(f"\u201c{quote_display(q.text)}\u201d", s.quote, prefix=mark_markup(block.mark))
        parts += self.paras(attribution(q), s.attribution, (q.cite,), prefix="\u2014 ")
        if block.context is not None:
            parts += self.paras(block.context.text, s.context, block.context.cites)
        else:
            parts[-1].style = s.attribution.clone("AttributionLast", spaceAfter=s.context.spaceAfter)
        return [KeepTogether(parts)]

    def table(self, rows: list[list[Flowable]], widths: list[float]) -> Table:
        """Return a table of Paragraph cells that wraps within the frame and repeats its header."""
        frame = self.page.frame_width
        total = sum(widths)
        table = Table(rows, colWidths=[frame * w / total for w in widths], repeatRows=1, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONT", (0, 0), (-1, -1), FAMILY),  # the default Helvetica would be listed unembedded
                    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        table.spaceAfter = self.s.body.spaceAfter + 3
        return table

    def cell(self, text: str, cites: tuple[Cite, ...] = ()) -> list[Flowable]:
        """Return a table cell's content as bounded Paragraphs (rows may split across pages)."""
        return self.paras(text, self.s.cell, cites)

    def timeline(self, block: Timeline) -> list[Flowable]:
        """Return a date | event table."""
        head = [CachedParagraph("Date", self.s.cell_head), CachedParagraph("Event", self.s.cell_head)]
        rows = [[self.cell(event_label(e.date)), self.cell(e.text, e.cites)] for e in block.events]
        return [self.table([head, *rows], [22, 78])] if rows else []

    def entities(self, block: EntityIndex) -> list[Flowable]:
        """Return the entity index as a table."""
        names = ("Name", "Type", "Role", "Also written", "Mentions", "Sources")
        head = [CachedParagraph(n, self.s.cell_head) for n in names]
        label = source_namer(block, self.brief)
        rows = [
            [
                self.cell(e.name),
                self.cell(e.kind),
                self.cell(e.role or ""),
                self.cell(", ".join(e.variants)),
                self.cell(str(e.mentions)),
                self.cell(entity_sources(e, label, "; ")),
            ]
            for e in block.entities
        ]
        # Sources get the widest column: they are named by title or opening words, never by file id.
        return [self.table([head, *rows], [20, 13, 15, 13, 11, 28])] if rows else []

    def source_notes(self, block: SourceNotes) -> list[Flowable]:
        """Return per source: a heading, its reference and link, genre and length, and editor flags."""
        s, out = self.s, []
        name = source_namer(block, self.brief)
        for note in block.notes:
            source = self.sources.get(note.source)
            out.append(CachedParagraph(esc(source_label(source) if source else note.source), s.note_head))
            ref = esc(note_reference(source)) if source is not None else ""
            url = link(source.url) if source is not None else ""
            if ref or url:  # else the heading names the source fully already
                out.append(CachedParagraph(" ".join(p for p in (ref, url) if p), s.body))
            head, *flags = note_lines(note, name)
            out.append(CachedParagraph(esc(head), s.cover))
            for flag in flags:
                out.extend(self.paras(flag, s.bullet, bullet="\u2022"))
        return out

    def figure(self, block: Figure) -> list[Flowable]:
        """Return the chart as a vector drawing scaled into the frame, with its caption."""
        drawing = figure_drawing(block, self.page.frame_width)
        limit = self.page.frame_height * (0.35 if self.brief.one_page else 0.5)  # room for text beside it
        if drawing.height > limit:
            k = limit / drawing.height
            drawing.scale(k, k)
            drawing.width, drawing.height = drawing.width * k, drawing.height * k
        caption = self.paras(block.caption, self.s.caption)
        return [FitDrawing(drawing, caption_height=14 * len(caption)), *caption]

    def notes(self) -> list[Flowable]:
        """Return the Notes list: each number's citation, with the source's link, and a link target."""
        if not self.numbers:
            return []
        s = self.s
        out: list[Flowable] = [Spacer(1, 4), Bookmarked("Notes", s.h1, "Notes", 1)]
        for cite, n in self.numbers.items():
            source = self.sources.get(cite.source)
            url = link(source.url) if source else ""
            text = f'<a name="cite-{n}"/>{n}.\u00a0' + esc(self.sources.cite_text(cite))
            out.append(CachedParagraph(text + (f" {url}" if url else ""), s.note))
        return out


def build_pdf(brief: Brief, fit: float = 1.0, look: Look | None = None) -> tuple[bytes, int]:
    """Return the PDF bytes and page count for a brief at type scale ``fit``, in the audience's look."""
    page = geometry(brief.one_page, look)
    styles = make_styles(brief.one_page, fit, look)
    out = io.BytesIO()
    doc = BriefDoc(
        out,
        pagesize=(page.width, page.height),
        leftMargin=page.left,
        rightMargin=page.right,
        topMargin=page.top,
        bottomMargin=page.bottom,
        title=clean(brief.title),
        author=clean(brief.organisation),
        subject=clean(brief.audience_title),
        keywords=[clean(k) for k in brief.keywords],
        creator="briefgen",
        producer="briefgen (ReportLab)",
        lang="en",
        invariant=1,
        initialFontName=FAMILY,  # otherwise an unused, unembedded Helvetica is listed in the PDF
    )
    decor = PageDecor(
        clean(brief.title),
        clean(brief.marking) if brief.marking else None,
        brief.as_of,
        page,
        look.logo if look is not None else None,
    )
    canvas_class = numbered_canvas(decor)
    pages: list[int] = []

    class CountingCanvas(canvas_class):  # type: ignore[misc,valid-type]
        def save(self) -> None:
            super().save()
            pages.append(self.page_count)

    try:
        doc.build(_Writer(brief, styles, page).story(), canvasmaker=CountingCanvas)
    except LayoutError as err:
        raise RenderError(f"pdf: {brief.stem or brief.audience}: layout failed: {err}") from None
    return out.getvalue(), pages[0] if pages else 0


@register_renderer
class PdfRenderer:
    name = "pdf"
    suffix = ".pdf"
    prepare = staticmethod(register_fonts)  # parsing four TTF files takes a third of a second

    def render(self, brief: Brief, options: RenderOptions) -> bytes:
        """Return the brief as PDF bytes; a one-page brief is shrunk in steps until it fits one page."""
        steps = FIT_STEPS if brief.one_page else FIT_STEPS[:1]
        look = read_look(options)
        for fit in steps:
            pdf, pages = build_pdf(brief, fit, look)
            if pages <= 1:
                break
        return pdf


def _analyst(p: Para) -> str:
    """Return the bold label that marks the analyst's own words, or nothing for sourced text."""
    return f"<b>{escape(ANALYST_LABEL)}</b> " if p.analyst else ""

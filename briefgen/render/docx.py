"""Render a Brief to DOCX: Word styles from a reference document, real footnotes, fields and links."""

from __future__ import annotations

import datetime as dt
import io

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..model import (
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
    entity_label,
    entity_sources,
    event_label,
    note_lines,
    note_reference,
    quote_display,
    source_label,
    source_namer,
)
from .docx_parts import (
    Footnotes,
    add_body_paragraph,
    add_field,
    add_hyperlink,
    add_plain_run,
    add_table_row,
    add_text_run,
    app_xml,
    begin_field,
    clean,
    end_field,
    safe_url,
    save_pinned,
    set_cell_text,
    set_footnote_separators,
    set_update_fields,
)
from .options import RenderOptions
from .reference_doc import StyleIndex, open_reference
from .registry import prepare_figures, register_renderer

# Preferred table styles, most specific first; the first the reference document has wins.
TABLE_STYLES = ("Brief Table", "Light List Accent 1", "Table Grid")


def _page_label() -> tuple[str, str]:
    """Return the words around the page fields: 'Page ' N ' of ' M (shared wording candidate)."""
    return "Page ", " of "


def _context_label() -> str:
    """Return the words before a quote's context sentence, as the Markdown renderer has them."""
    return "Context: "


def _contents_label() -> str:
    """Return the heading over the table of contents (shared wording candidate)."""
    return "Contents"


@register_renderer
class DocxRenderer:
    name = "docx"
    suffix = ".docx"
    prepare = staticmethod(prepare_figures)

    def render(self, brief: Brief, options: RenderOptions) -> bytes:
        """Return the brief as DOCX bytes (byte-identical for the same Brief and reference document)."""
        doc = open_reference(options)
        _Writer(doc, brief).write()
        _set_properties(doc, brief)
        return save_pinned(doc, {"docProps/app.xml": app_xml(brief.organisation)})


def _set_properties(doc: Document, brief: Brief) -> None:
    """Set honest core properties, replacing whatever the reference document carried."""
    props = doc.core_properties
    props.title = clean(brief.title)
    props.author = props.last_modified_by = clean(brief.organisation)
    props.subject = clean(brief.audience_title)
    props.keywords = clean(", ".join(brief.keywords))
    props.comments = props.category = props.content_status = ""
    props.identifier = props.version = ""
    props.language = "en"
    props.revision = 1
    as_of = dt.datetime.combine(dt.date.fromisoformat(brief.as_of), dt.time(0, 0), tzinfo=dt.timezone.utc)
    props.created = props.modified = as_of
    if props.last_printed is not None:  # a template's print date would leak
        props.last_printed = as_of


class _Writer:
    """Walks a Brief's sections and blocks, mapping each to Word styles and parts."""

    def __init__(self, doc: Document, brief: Brief) -> None:
        self.doc = doc
        self.brief = brief
        self.sources = SourceIndex(brief)
        self.styles = StyleIndex(doc)
        self.body = doc.element.body
        self.notes = Footnotes(doc.part)
        self._ids: dict[tuple[str, str], str] = {}
        self.char = {
            "footnote reference": self._style_id("footnote reference"),
            "footnote text": self._style_id("footnote text"),
            "hyperlink": self._style_id("Hyperlink"),
        }

    def _style_id(self, name: str) -> str:
        style = self.styles.find(name)
        assert style is not None, name  # ensure_support_styles() added it
        return style.style_id

    def _style(self, name: str, fallback: str = "Normal") -> str:
        """Return the style id for ``name`` (else ``fallback``'s), looked up once per name.

        python-docx resolves a style name by scanning every style on each call, which made a
        2,000-paragraph brief take 20 s; ids are cached here instead.
        """
        key = (name, fallback)
        if key not in self._ids:
            style = self.styles.find(name) or self.styles.find(fallback)
            assert style is not None, name  # open_reference() checked the required styles
            self._ids[key] = style.style_id
        return self._ids[key]

    def write(self) -> None:
        """Write cover, contents, sections, header and footer into the document."""
        brief = self.brief
        if brief.one_page:
            _compact(self.doc)
        self.para(brief.title, "Title")
        if brief.subtitle:
            self.para(brief.subtitle, "Subtitle")
        for line in cover_lines(brief):
            self.para(line, "Cover Line")
        if len(brief.sections) > 2 and not brief.one_page:
            self.contents()
        for section in brief.sections:
            self.section(section)
        self.header_footer()
        settings = self.doc.settings.element
        set_footnote_separators(settings)

    def para(
        self, text: str, style: str, cites: tuple[Cite, ...] = (), fallback: str = "Normal", mark: str = ""
    ) -> Paragraph:
        """Return a new body paragraph in ``style`` (else ``fallback``) with a footnote for each cite."""
        p = add_body_paragraph(self.body, self._style(style, fallback))
        if mark:  # what the archive knows of the sentence, set apart in italics
            Paragraph(p, self.doc).add_run(clean(mark) + " ").italic = True
        if text:
            add_plain_run(p, clean(text))
        paragraph = Paragraph(p, self.doc)
        self.footnotes(paragraph, cites)
        return paragraph

    def text(self, block: Para, style: str) -> None:
        """Write a Para: a cited sentence, template text, or the analyst's words under a bold label."""
        if not block.analyst:
            self.para(block.text, style, block.cites, mark=block.mark)
            return
        paragraph = self.para("", style)
        paragraph.add_run(ANALYST_LABEL + " ").bold = True
        paragraph.add_run(clean(block.text)).italic = True

    def footnotes(self, paragraph: Paragraph, cites: tuple[Cite, ...]) -> None:
        """Append the corroboration label and one footnote per cite (Word needs a note per reference).

        Word numbers every note itself: a repeated cite gets a new note with the same text. Custom marks
        that reuse an earlier number were tried and LibreOffice draws such a note twice (mark + number).
        """
        label = corroboration(cites)
        if label:
            paragraph.add_run(" " + label)
        for cite in cites:
            source = self.sources.get(cite.source)
            url = safe_url(source.url) if source is not None else None
            self.notes.add(paragraph, self.sources.cite_text(cite), url, self.char, None)

    def contents(self) -> None:
        """Write a TOC field; its cached entries show the headings until Word updates page numbers."""
        self.para(_contents_label(), "TOC Heading", fallback="Subtitle")
        last = None
        for section in self.brief.sections:
            last = self.para("", f"toc {_level(section)}")
            if section is self.brief.sections[0]:
                # The field's cached result is these entries, shown until Word updates page numbers.
                begin_field(last, 'TOC \\o "1-3" \\h \\z \\u', dirty=True)
            last.add_run(clean(section.title))
        assert last is not None
        end_field(last)
        set_update_fields(self.doc.settings.element)

    def section(self, section: Section) -> None:
        """Write a section heading and its blocks."""
        self.para(section.title, f"Heading {_level(section)}")
        for block in map(as_basic, section.blocks):
            if isinstance(block, Para):
                self.text(block, "Normal")
            elif isinstance(block, BulletList):
                for item in block.items:
                    self.text(item, "List Bullet")
            elif isinstance(block, QuoteBlock):
                self.quote(block)
            elif isinstance(block, Timeline):
                self.timeline(block)
            elif isinstance(block, EntityIndex):
                self.entities(block)
            elif isinstance(block, SourceNotes):
                self.source_notes(block)
            elif isinstance(block, Figure):
                self.figure(block)

    def quote(self, block: QuoteBlock) -> None:
        """Write “text” — speaker in the Quote style, its footnote, then the context sentence."""
        q = block.quote
        self.para(
            f"\u201c{quote_display(q.text)}\u201d \u2014 {attribution(q)}",
            "Quote",
            (q.cite,),
            mark=block.mark,
        )
        if block.context is not None:
            # The context sentence comes from the quote's own paragraph: one note serves both.
            extra = tuple(c for c in block.context.cites if c != q.cite)
            self.para(_context_label() + block.context.text, "Quote Context", extra)

    def table(self, header: tuple[str, ...], widths: tuple[float, ...]) -> Table:
        """Return a table with a repeating header row, in the reference document's table style."""
        table = self.doc.add_table(rows=1, cols=len(header))
        for name in TABLE_STYLES:
            if self.styles.find(name) is not None:
                table.style = self.doc.styles[name]
                break
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        row = table.rows[0]
        # A repeating header row is also what screen readers announce as column headers.
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, text, width in zip(row.cells, header, widths, strict=True):
            set_cell_text(cell, clean(text))
            cell.width = Cm(width)
        _fix_grid(table, [Cm(w).twips for w in widths])
        return table

    def _row(self, table: Table, texts: tuple[str, ...], widths: tuple[float, ...]) -> list[Paragraph]:
        """Append a row of one-paragraph cells, ``widths`` in cm; return the cells' paragraphs."""
        twips = [Cm(width).twips for width in widths]
        return [Paragraph(p, table) for p in add_table_row(table._tbl, [clean(t) for t in texts], twips)]

    def timeline(self, block: Timeline) -> None:
        """Write the dated events as a date | event table, each event with its footnotes."""
        widths = (3.5, 13.5)
        table = self.table(("Date", "Event"), widths)
        for event in block.events:
            _, text_cell = self._row(table, (event_label(event.date), event.text), widths)
            self.footnotes(text_cell, event.cites)
        self.doc.add_paragraph()  # keeps a following table from merging with this one

    def entities(self, block: EntityIndex) -> None:
        """Write the entity index as a name | role | mentions | sources table."""
        widths = (4.2, 4.3, 1.8, 6.7)  # the sources column holds the longest text
        table = self.table(("Name", "Role", "Mentions", "Sources"), widths)
        label = source_namer(block, self.brief)
        for entity in block.entities:
            name = entity_label(entity)
            sources = entity_sources(entity, label, "; ")
            self._row(table, (name, entity.role or "", str(entity.mentions), sources), widths)
        self.doc.add_paragraph()  # keeps a following table from merging with this one

    def source_notes(self, block: SourceNotes) -> None:
        """Write per source: a Heading 3 label, its reference with link, genre, length and flags."""
        name = source_namer(block, self.brief)
        for note in block.notes:
            source = self.sources.get(note.source)
            self.para(source_label(source) if source is not None else note.source, "Heading 3")
            url = safe_url(source.url) if source is not None else None
            if source is not None and (note_reference(source) or url):
                ref = self.para(note_reference(source), "Normal")
                if url:
                    add_text_run(ref._p, " ")
                    add_hyperlink(ref._p, self.doc.part, url, url, self.char["hyperlink"])
                elif source.url:
                    add_text_run(ref._p, " " + source.url)  # shown, not clickable
            for line in note_lines(note, name):
                self.para(line, "Normal")

    def figure(self, block: Figure) -> None:
        """Write the chart as a picture with alt text and a Caption paragraph (skipped without figures.py)."""
        try:
            from .figures import figure_png
        except ImportError:
            return  # the figures module has not landed; a brief without charts is still complete
        png = figure_png(block, width_px=1600)
        section = self.doc.sections[-1]
        width = (
            int(section.page_width or Cm(21)) - int(section.left_margin or 0) - int(section.right_margin or 0)
        )
        if self.brief.one_page:
            width = int(width * 0.6)
        self.doc.add_picture(io.BytesIO(png), width=width)
        picture = self.doc.paragraphs[-1]
        picture.paragraph_format.keep_with_next = True
        for doc_pr in picture._p.iter(qn("wp:docPr")):
            doc_pr.set("descr", clean(block.alt))
            doc_pr.set("title", clean(block.caption))
        self.para(block.caption, "Caption")

    def header_footer(self) -> None:
        """Add the marking banner to header and footer, and 'Page N of M' fields to the footer."""
        marking = self._style("Marking", "Header")
        footer_style = self._style("Footer")
        for section in self.doc.sections:
            if self.brief.marking:
                header = section.header
                target = _blank_or_new(header.paragraphs, header.add_paragraph)
                target._p.style = marking
                add_text_run(target._p, self.brief.marking)
            footer = section.footer
            if self.brief.marking:
                target = _blank_or_new(footer.paragraphs, footer.add_paragraph)
                target._p.style = marking
                add_text_run(target._p, self.brief.marking)
            page = _blank_or_new(footer.paragraphs, footer.add_paragraph)
            page._p.style = footer_style
            before, between = _page_label()
            page.add_run("\t" + before)
            add_field(page, "PAGE", "1")
            add_text_run(page._p, between)
            add_field(page, "NUMPAGES", "1")


def _blank_or_new(paragraphs: list[Paragraph], add: object) -> Paragraph:
    """Return the header/footer's lone empty paragraph, else a new one (keeps a template logo)."""
    if len(paragraphs) == 1 and not paragraphs[0].text and not list(paragraphs[0]._p.iter(qn("w:drawing"))):
        return paragraphs[0]
    return add()  # type: ignore[operator,no-any-return]


def _level(section: Section) -> int:
    """Return the section's heading level clamped to 1..3."""
    return min(3, max(1, section.level))


def _compact(doc: Document) -> None:
    """Tighten the styles (not the paragraphs) and margins to the one-page PDF's, so the content that
    fit.py fitted on the PDF's page fits the Word page too."""
    from .pdf_styles import geometry

    page = geometry(one_page=True)
    for section in doc.sections:
        section.left_margin, section.right_margin = Pt(page.left), Pt(page.right)
        section.top_margin, section.bottom_margin = Pt(page.top), Pt(page.bottom)
        section.header_distance = section.footer_distance = Pt(page.bottom * 0.45)
    sizes = {"Title": 16, "Subtitle": 10, "Heading 1": 11, "Heading 2": 10, "Heading 3": 9.5}
    for name, size in sizes.items():
        fmt = doc.styles[name]
        fmt.font.size = Pt(size)
        fmt.paragraph_format.space_before = Pt(6 if name.startswith("Heading") else 0)
        fmt.paragraph_format.space_after = Pt(2)
    for name in ("Normal", "List Bullet", "Quote"):
        style = doc.styles[name]
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.space_before = Pt(0)
    doc.styles["Normal"].font.size = Pt(8.5)
    doc.styles["Normal"].paragraph_format.line_spacing = 1.0


def _fix_grid(table: Table, twips: list[int]) -> None:
    """Make the table's grid, width and layout agree with its cells' widths.

    python-docx writes equal grid columns and an automatic table width; Word follows the cells' widths
    but LibreOffice follows the grid, so a two-column timeline gave its date column half the page.
    """
    tbl = table._tbl
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), twips, strict=True):
        col.set(qn("w:w"), str(width))
    tbl_pr = tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(sum(twips)))
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    # Schema order within w:tblPr: tblLayout comes before tblCellMar and tblLook.
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(layout)
    else:
        tbl_pr.append(layout)

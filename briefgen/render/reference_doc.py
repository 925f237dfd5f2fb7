"""Render to DOCX: build, find, open and validate the reference document that gives a brief its look."""

from __future__ import annotations

import datetime as dt
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle, StyleFactory
from lxml import etree

from ..errors import RenderError
from .docx_parts import app_xml, save_pinned
from .options import RenderOptions

# Styles the renderer cannot do without; a reference document lacking one is an error.
REQUIRED_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "Quote",
    "Caption",
)

BODY_FONT = "Cambria"
HEADING_FONT = "Calibri"
INK = RGBColor(0x22, 0x22, 0x22)
NAVY = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
MARKING_RED = RGBColor(0xA5, 0x00, 0x21)


class StyleIndex:
    """A document's style elements by casefolded name, the first of each name winning.

    Straight over the XML: python-docx builds a style object per style per lookup, which made
    opening a reference document a quarter of a one-page DOCX's time. Word's UI names differ from
    the stored ones only in case ("Heading 1" / "heading 1"), so casefolding matches them the same.
    A render looks up a few dozen names in one document, so it keeps one index of that document,
    rebuilt when a style has been added or removed since.
    """

    __slots__ = ("_by_name", "_count", "_doc")

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._count = -1
        self._by_name: dict[str, Any] = {}

    def find(self, name: str) -> BaseStyle | None:
        """Return the style called ``name`` (case-insensitive, as Word matches built-in names), or None."""
        styles = self._doc.styles.element
        if self._count != len(styles):
            tag, val = qn("w:name"), qn("w:val")
            self._by_name = {}
            for element in styles.iterchildren(qn("w:style")):
                name_element = element.find(tag)
                stored = name_element.get(val) if name_element is not None else None
                self._by_name.setdefault((stored or "").casefold(), element)
            self._count = len(styles)
        element = self._by_name.get(name.casefold())
        return StyleFactory(element) if element is not None else None


def reference_path(options: RenderOptions) -> Path | None:
    """Return the audience's reference.docx, else the default one, else None (build one)."""
    for folder in (options.template_dir, options.default_template_dir):
        if folder is not None and (folder / "reference.docx").is_file():
            path, root = (folder / "reference.docx").resolve(), folder.parent.resolve()
            if not path.is_relative_to(root):  # a link out of the templates folder: never published
                raise RenderError(
                    f"{folder / 'reference.docx'}: leads to {path}, outside the templates folder {root}; "
                    "templates may read only files inside their folder (copy the file in instead)"
                )
            return folder / "reference.docx"
    return None


def open_reference(options: RenderOptions) -> Document:
    """Return the reference document with its body cleared and its styles checked."""
    path = reference_path(options)
    if path is None:
        doc = build_reference()
        label = "built-in reference document"
    else:
        label = str(path)
        try:
            doc = docx.Document(str(path))
        except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
            raise RenderError(f"{label}: not a Word document ({exc}); save it again as .docx") from None
        except (zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
            raise RenderError(f"{label}: cannot read reference document: {exc}") from None
    missing = [name for name in REQUIRED_STYLES if StyleIndex(doc).find(name) is None]
    if missing:
        raise RenderError(
            [
                f"{label}: reference document lacks the style '{name}'; "
                f"use '{name}' once in Word and save, or remove the file to use the default"
                for name in missing
            ]
        )
    clear_body(doc)
    ensure_support_styles(doc)
    return doc


def clear_body(doc: Document) -> None:
    """Remove the body content, keeping the final section properties (page size, margins, headers)."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _char_style(doc: Document, styles: StyleIndex, name: str, style_id: str) -> CharacterStyle:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    assert isinstance(style, CharacterStyle)
    style.element.set(qn("w:styleId"), style_id)
    style.base_style = doc.styles["Default Paragraph Font"] if styles.find("Default Paragraph Font") else None
    return style


def ensure_support_styles(doc: Document) -> None:
    """Add the footnote, hyperlink, marking and cover styles when the reference document lacks them."""
    styles = StyleIndex(doc)
    if styles.find("footnote text") is None:
        style = doc.styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), "FootnoteText")
        style.base_style = doc.styles["Normal"]
        style.font.size = Pt(8)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.line_spacing = 1.0  # notes are most of a long brief's Word pages
    if styles.find("footnote reference") is None:
        style = _char_style(doc, styles, "footnote reference", "FootnoteReference")
        style.font.superscript = True
    if styles.find("Hyperlink") is None:
        style = _char_style(doc, styles, "Hyperlink", "Hyperlink")
        style.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
        style.font.underline = True
    if styles.find("Marking") is None:
        style = doc.styles.add_style("Marking", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Header"] if styles.find("Header") else doc.styles["Normal"]
        style.font.bold = True
        style.font.size = Pt(8.5)
        style.font.color.rgb = MARKING_RED
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if styles.find("Quote Context") is None:
        # Quieter than the quote it explains: smaller, grey, under the quote's indent.
        style = doc.styles.add_style("Quote Context", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.size = Pt(8.5)
        style.font.color.rgb = GREY
        style.paragraph_format.left_indent = Cm(1)
        style.paragraph_format.space_after = Pt(6)
    if styles.find("Cover Line") is None:
        style = doc.styles.add_style("Cover Line", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.color.rgb = GREY
        style.paragraph_format.space_after = Pt(2)
    for level in (1, 2, 3):
        if styles.find(f"toc {level}") is None:
            style = doc.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.element.set(qn("w:styleId"), f"TOC{level}")
            style.base_style = doc.styles["Normal"]
            style.paragraph_format.left_indent = Cm(0.5 * (level - 1))
            style.paragraph_format.space_after = Pt(2)


def _look(doc: Document) -> None:
    """Give the python-docx default styles a sober publication look."""
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), BODY_FONT)
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = INK
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.12

    for name, size, before, after in (
        ("Heading 1", 15, 14, 4),
        ("Heading 2", 12.5, 10, 3),
        ("Heading 3", 11, 8, 2),
    ):
        style = doc.styles[name]
        style.font.name = HEADING_FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = NAVY
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True

    title = doc.styles["Title"]
    title.font.name = HEADING_FONT
    title.font.size = Pt(24)
    title.font.color.rgb = NAVY
    title.paragraph_format.space_after = Pt(4)
    subtitle = doc.styles["Subtitle"]
    subtitle.font.name = HEADING_FONT
    subtitle.font.size = Pt(13)
    subtitle.font.italic = False
    subtitle.font.color.rgb = GREY
    subtitle.paragraph_format.space_after = Pt(6)

    quote = doc.styles["Quote"]
    quote.font.italic = True
    quote.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    quote.paragraph_format.left_indent = Cm(1)
    quote.paragraph_format.right_indent = Cm(1)
    caption = doc.styles["Caption"]
    caption.font.size = Pt(9)
    caption.font.bold = False
    caption.font.italic = True
    caption.font.color.rgb = GREY

    for name in ("Header", "Footer"):
        fmt = doc.styles[name].paragraph_format
        fmt.tab_stops.clear_all()
        fmt.tab_stops.add_tab_stop(Cm(8.5), WD_TAB_ALIGNMENT.CENTER)
        fmt.tab_stops.add_tab_stop(Cm(17), WD_TAB_ALIGNMENT.RIGHT)
        doc.styles[name].font.size = Pt(8.5)


def build_reference() -> Document:
    """Return the default reference document: A4, 2 cm margins, serif body, dark-blue headings."""
    doc = docx.Document()
    # The template's thumbnail shows an empty page; drop it so it cannot misrepresent a brief.
    for r_id, rel in list(doc.part.package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del doc.part.package.rels[r_id]
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.header_distance = section.footer_distance = Cm(1)
    _look(doc)
    ensure_support_styles(doc)
    clear_body(doc)
    props = doc.core_properties
    props.author = props.last_modified_by = ""
    props.comments = ""
    props.title = "briefgen reference document"
    return doc


def write_reference(dest: Path) -> Path:
    """Write the default reference document to ``dest`` (byte-stable) and return its path."""
    doc = build_reference()
    stamp = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    doc.core_properties.created = doc.core_properties.modified = stamp
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(save_pinned(doc, {"docProps/app.xml": app_xml("")}))
    return dest


if __name__ == "__main__":  # python -m briefgen.render.reference_doc templates/default/reference.docx
    write_reference(Path(sys.argv[1] if len(sys.argv) > 1 else "templates/default/reference.docx"))

"""Render to DOCX: raw OOXML that python-docx lacks (footnotes, fields, hyperlinks, settings, pinned ZIP)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from lxml import etree

# python-docx loads unknown parts as opaque blobs; its documented PartFactory hook lets a
# reference document's footnotes part load as XML so we can clear it and add to it.
PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, XmlPart)

# Characters XML 1.0 (and so Word) cannot hold; python-docx raises on them (PITFALLS).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_LINKABLE = re.compile(r"(?i)^(https?://|mailto:)[^\s]+$")

# ZIP entries get this timestamp so the same Brief always gives the same bytes.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SECT_PR = qn("w:sectPr")

_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


def clean(text: str | None) -> str:
    """Return ``text`` without the control characters and lone surrogates Word cannot store."""
    return _NOT_XML.sub("", text or "")


def safe_url(url: str | None) -> str | None:
    """Return ``url`` if it is a web or mail link, else None (a source must not plant file: or script links)."""
    url = clean(url).strip()
    return url if _LINKABLE.match(url) else None


def _sub(parent: Any, tag: str, **attrs: str) -> Any:
    """Return a new child ``tag`` of ``parent``; SubElement is ~10x faster than python-docx's OxmlElement."""
    el = etree.SubElement(parent, qn(tag))
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def _add_rpr(run: Any, char_style: str) -> None:
    _sub(_sub(run, "w:rPr"), "w:rStyle", val=char_style)


def add_text_run(parent: Any, text: str, char_style: str | None = None) -> Any:
    """Return a new ``w:r`` holding ``text`` (cleaned, spaces kept), appended to the XML ``parent``."""
    run = _sub(parent, "w:r")
    if char_style:
        _add_rpr(run, char_style)
    t = _sub(run, "w:t")
    t.set(_XML_SPACE, "preserve")
    t.text = clean(text)
    return run


def add_plain_run(p: Any, text: str) -> None:
    """Append a run of ``text`` (already cleaned) to the ``w:p`` element ``p``, as ``add_run(text)`` would.

    python-docx builds a run's text one character at a time (for tabs and breaks); a brief of thousands
    of paragraphs spent a third of its DOCX time there. Text with a tab or break takes that path still.
    Otherwise the run is built as python-docx's ``CT_R.add_t`` builds it, without its generic
    child-insertion machinery.
    """
    if "\t" in text or "\n" in text or "\r" in text:
        p.add_r().text = text  # python-docx's own path: tabs and breaks become w:tab and w:br
        return
    run = _sub(p, "w:r")
    if text:
        t = _sub(run, "w:t")
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_XML_SPACE, "preserve")


def add_body_paragraph(body: Any, style_id: str) -> Any:
    """Return a new ``w:p`` in paragraph style ``style_id``, last in the ``w:body`` element ``body``.

    As ``doc.add_paragraph()`` and then ``paragraph.style = ...`` would: before the body's closing
    section properties, if it has them.
    """
    p = _sub(body, "w:p")
    _sub(_sub(p, "w:pPr"), "w:pStyle", val=style_id)
    end = body.find(_SECT_PR)
    if end is not None:
        end.addprevious(p)  # moved, keeping its namespace from the document
    return p


def set_cell_text(cell: Any, text: str) -> None:
    """Replace a table cell's content with one paragraph of ``text``, as ``cell.text = text`` would."""
    tc = cell._tc
    tc.clear_content()
    add_plain_run(tc.add_p(), text)


def add_table_row(tbl: Any, texts: list[str], twips: list[int]) -> list[Any]:
    """Append to the ``w:tbl`` element a row of cells of one paragraph each; return the paragraphs.

    Builds what ``table.add_row()`` then ``cell.width = ...`` and ``set_cell_text`` on each cell would
    (cell widths in twips, texts already cleaned), directly: python-docx's way took a quarter of the
    time of a brief with large tables.
    """
    row = _sub(tbl, "w:tr")
    paragraphs = []
    for text, width in zip(texts, twips, strict=True):
        cell = _sub(row, "w:tc")
        _sub(_sub(cell, "w:tcPr"), "w:tcW", type="dxa", w=str(width))
        p = _sub(cell, "w:p")
        add_plain_run(p, text)
        paragraphs.append(p)
    return paragraphs


def add_hyperlink(parent: object, part: XmlPart, url: str, text: str, char_style: str | None) -> None:
    """Append a clickable ``w:hyperlink`` to ``url`` (an external relationship of ``part``) to ``parent``."""
    r_id = part.relate_to(clean(url), RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.set(qn("w:history"), "1")
    add_text_run(link, text, char_style)
    parent.append(link)  # type: ignore[attr-defined]


def _fld_char(kind: str, dirty: bool = False) -> object:
    run = OxmlElement("w:r")
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), kind)
    if dirty:
        # Asks Word to recompute the field on open (TOC page numbers).
        fld.set(qn("w:dirty"), "true")
    run.append(fld)
    return run


def begin_field(paragraph: Paragraph, instruction: str, dirty: bool = False) -> None:
    """Append the start of a complex field (begin, instruction, separate) to ``paragraph``."""
    p = paragraph._p
    p.append(_fld_char("begin", dirty))
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(_XML_SPACE, "preserve")
    instr.text = f" {instruction} "
    run.append(instr)
    p.append(run)
    p.append(_fld_char("separate"))


def end_field(paragraph: Paragraph) -> None:
    """Append the end of a complex field to ``paragraph``."""
    paragraph._p.append(_fld_char("end"))


def add_field(paragraph: Paragraph, instruction: str, shown: str, dirty: bool = False) -> None:
    """Append a complete field (e.g. PAGE) showing ``shown`` until Word updates it."""
    begin_field(paragraph, instruction, dirty)
    add_text_run(paragraph._p, shown)
    end_field(paragraph)


class Footnotes:
    """The document's footnotes part: separators kept, notes numbered from 1 in reference order."""

    def __init__(self, document_part: XmlPart) -> None:
        self._doc_part = document_part
        self.part = self._find_or_create(document_part)
        root = self.part.element
        for note in root.findall(qn("w:footnote")):
            if note.get(qn("w:type")) not in _SEPARATORS:
                root.remove(note)
        self.count = 0

    @staticmethod
    def _find_or_create(document_part: XmlPart) -> XmlPart:
        for rel in document_part.rels.values():
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                part = rel.target_part
                if isinstance(part, XmlPart):
                    return part
        package = document_part.package
        partname = PackURI("/word/footnotes.xml")
        part = XmlPart(partname, CT.WML_FOOTNOTES, parse_xml(_FOOTNOTES_XML), package)
        document_part.relate_to(part, RT.FOOTNOTES)
        return part

    def add(
        self,
        paragraph: Paragraph,
        text: str,
        url: str | None,
        styles: dict[str, str],
        mark: str | None = None,
    ) -> int:
        """Append a footnote reference to ``paragraph`` whose note reads ``text`` (linked to ``url``).

        Word numbers notes itself; ``mark`` instead shows a fixed number, so a repeated cite can
        carry its first note's number while still being a note of its own (ids must be unique).
        """
        self.count += 1
        n = self.count
        ref_run = _sub(paragraph._p, "w:r")
        _add_rpr(ref_run, styles["footnote reference"])
        if mark is None:
            _sub(ref_run, "w:footnoteReference", id=str(n))
        else:
            _sub(ref_run, "w:footnoteReference", customMarkFollows="1", id=str(n))
            _sub(ref_run, "w:t").text = mark

        note = _sub(self.part.element, "w:footnote", id=str(n))
        p = _sub(note, "w:p")
        _sub(_sub(p, "w:pPr"), "w:pStyle", val=styles["footnote text"])
        mark_run = _sub(p, "w:r")
        _add_rpr(mark_run, styles["footnote reference"])
        if mark is None:
            _sub(mark_run, "w:footnoteRef")
        else:
            _sub(mark_run, "w:t").text = mark
        add_text_run(p, " ")
        if url:
            add_hyperlink(p, self.part, url, text, styles["hyperlink"])
        else:
            add_text_run(p, text)
        return n


_SEP_PPR = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    f'<w:footnote w:type="separator" w:id="-1"><w:p>{_SEP_PPR}<w:r><w:separator/></w:r></w:p></w:footnote>'
    f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{_SEP_PPR}'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)

# CT_Settings is a sequence: new children must go before the first of their successors.
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")
_AFTER_FOOTNOTE_PR = _AFTER_UPDATE_FIELDS[2:]
_TAIL = (
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def _insert_setting(settings: object, child: object, successors: tuple[str, ...]) -> None:
    tag = child.tag  # type: ignore[attr-defined]
    for old in settings.findall(tag):  # type: ignore[attr-defined]
        settings.remove(old)  # type: ignore[attr-defined]
    for name in successors + _TAIL:
        found = settings.find(qn(f"w:{name}"))  # type: ignore[attr-defined]
        if found is not None:
            found.addprevious(child)
            return
    # Extension elements (w14:docId ...) must stay last; put ours before the first of them.
    for el in settings:  # type: ignore[attr-defined]
        if not el.tag.startswith("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"):
            el.addprevious(child)
            return
    settings.append(child)  # type: ignore[attr-defined]


def set_update_fields(settings: object) -> None:
    """Make Word offer to update fields (the TOC) when the document opens."""
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    _insert_setting(settings, el, _AFTER_UPDATE_FIELDS)


def set_footnote_separators(settings: object) -> None:
    """Declare the separator footnotes (ids -1 and 0) the way Word writes them."""
    pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    _insert_setting(settings, pr, _AFTER_FOOTNOTE_PR)


def app_xml(company: str) -> bytes:
    """Return docProps/app.xml naming briefgen, so no template's application or company leaks."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>briefgen</Application><DocSecurity>0</DocSecurity>"
        f"<Company>{escape(clean(company))}</Company></Properties>"
    ).encode()


def zip_pinned(files: Iterable[tuple[str, bytes]], replace: dict[str, bytes] | None = None) -> bytes:
    """Return a ZIP of ``files`` (name, data) with fixed timestamps and attributes (some entries replaced)."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, replace.get(name, data))
    return out.getvalue()


class _Members:
    """Stands in for python-docx's ZIP writer: keeps each member's name and bytes, in writing order."""

    def __init__(self) -> None:
        self.files: list[tuple[str, bytes]] = []

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.files.append((pack_uri.membername, blob))


def save_pinned(doc: Document, replace: dict[str, bytes] | None = None) -> bytes:
    """Return the document's DOCX bytes pinned: fixed timestamps and attributes, some entries replaced.

    Not ``doc.save`` and then rewriting its ZIP: that compressed every part twice (a fifth of a large
    brief's DOCX time). The same members, in the same order, are gathered here by the steps of
    python-docx's own ``OpcPackage.save``, and compressed once.
    """
    package = doc.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    members = _Members()
    try:
        PackageWriter._write_content_types_stream(members, parts)
        PackageWriter._write_pkg_rels(members, package.rels)
        PackageWriter._write_parts(members, parts)  # type: ignore[arg-type]
    except (AttributeError, TypeError):  # private steps gone in another python-docx: the public way
        blob = io.BytesIO()
        doc.save(blob)
        with zipfile.ZipFile(blob) as saved:
            members.files = [(i.filename, saved.read(i.filename)) for i in saved.infolist()]
    return zip_pinned(members.files, replace)

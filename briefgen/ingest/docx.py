"""Read Word (.docx) sources: body paragraphs and table rows in order, footnotes as notes after the body."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..errors import SourceError
from ..model import Source
from .decode import FORBIDDEN
from .header import byline_authors, source_with_header
from .readers import register_reader
from .text import source_id

if TYPE_CHECKING:  # python-docx is imported when a Word file is read, like the other readers' libraries
    from docx.document import Document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A real article's package inflates to a few MB; these caps stop zip bombs before any XML is parsed.
MAX_UNCOMPRESSED = 100_000_000
MAX_RATIO = 200  # uncompressed/compressed for any member larger than _RATIO_FLOOR
_RATIO_FLOOR = 5_000_000
_PLACEHOLDER_AUTHORS = {"python-docx", "author", "user", "admin", "administrator", "microsoft office user"}


def _clean(text: str) -> str:
    return " ".join(FORBIDDEN.sub("", text).split())


def check_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    """Return the opened package; raise SourceError for a non-zip or a zip that inflates too far."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise SourceError(f"{path}: not a Word (.docx) file") from None
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise SourceError(
            f"{path}: .docx inflates to {total:,} bytes, over the {MAX_UNCOMPRESSED:,}-byte cap; skipped"
        )
    for m in members:
        if m.file_size > _RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise SourceError(
                f"{path}: .docx member {m.filename} inflates {m.file_size // max(m.compress_size, 1)}x "
                f"(zip bomb?); skipped"
            )
    if "word/document.xml" not in {m.filename for m in members}:
        raise SourceError(f"{path}: not a Word (.docx) file")
    return package


def _row_text(row_cells: list[str]) -> str:
    # Merged cells repeat the same text in each grid cell: keep one copy.
    cells: list[str] = []
    for cell in row_cells:
        if cell and (not cells or cells[-1] != cell):
            cells.append(cell)
    return " | ".join(cells)


def _body(document: Document) -> list[str]:
    """Return the body's paragraphs and table rows in reading order."""
    from docx.table import Table

    out: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                out.append(_row_text([_clean(cell.text) for cell in row.cells]))
        else:
            out.append(_clean(block.text))
    return [p for p in out if p]


def _footnotes(package: zipfile.ZipFile) -> list[str]:
    """Return the footnotes' text as "Note N: ..." paragraphs, in their numbering order."""
    try:
        xml = package.read("word/footnotes.xml")
    except KeyError:
        return []
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    notes: list[str] = []
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paras = ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p")]
        text = _clean(" ".join(paras))
        if text:
            notes.append(f"Note {len(notes) + 1}: {text}")
    return notes


def _core_text(value: str | None) -> str | None:
    text = _clean(value or "")
    return text or None


@register_reader
class DocxReader:
    name = "docx"
    suffixes = (".docx",)

    def sniff(self, head: bytes) -> bool:
        """Return False: zip files are told apart by extension (xlsx and epub are zips too)."""
        return False

    def read(self, path: Path, data: bytes) -> tuple[list[Source], list[str]]:
        """Return the one source in a Word file and warnings about it."""
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        package = check_zip(path, data)
        try:
            document = docx.Document(io.BytesIO(data))
            body = _body(document)
            core = document.core_properties
            title, author = _core_text(core.title), _core_text(core.author)
        except (PackageNotFoundError, zipfile.BadZipFile):
            raise SourceError(f"{path}: not a Word (.docx) file") from None
        except (KeyError, ValueError, etree.XMLSyntaxError) as exc:
            raise SourceError(f"{path}: unreadable Word file ({type(exc).__name__}: {exc})") from None
        if not body:
            raise SourceError(f"{path}: no text after reading; skipped")
        # Footnotes follow the body as numbered notes, so they are kept and cited but never mixed in.
        notes = _footnotes(package)
        paras = body + notes
        if author and author.lower() in _PLACEHOLDER_AUTHORS:
            author = None
        parts = [a.strip() for a in (author or "").split(";") if a.strip()]
        authors = tuple(a for part in parts for a in (byline_authors(part) or (part,)))
        source = source_with_header(
            source_id(path), path, paras, self.name, opening=body, title=title, authors=authors
        )
        warnings = (
            [f"{path}: {len(notes)} footnote(s) kept as 'Note N:' paragraphs after the body"] if notes else []
        )
        return [source], warnings

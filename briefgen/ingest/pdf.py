"""Read PDF sources: text in reading order, paragraphs rebuilt from line geometry, page furniture removed."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING

from ..errors import SourceError
from ..model import Source
from .decode import FORBIDDEN
from .header import byline_authors, source_with_header
from .pdf_logs import pypdf_logs
from .readers import register_reader
from .text import source_id

if TYPE_CHECKING:  # pypdf is imported when a PDF is read: a week of text files never pays for it
    import pypdf

_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?\s*$|^\s*[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]\s*$",
    re.IGNORECASE,
)
_ENDS_SENTENCE = re.compile(r"[.!?:\u2026\"'\u201d\u2019)\]]$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# First parts that form real compounds ("long-standing", "co-aggression"): a line-end hyphen after
# them is kept when the document gives no better evidence, since typesetters rarely split there.
_COMPOUND_HEADS = frozenset(
    [
        "self",
        "well",
        "non",
        "anti",
        "post",
        "pre",
        "pro",
        "co",
        "ex",
        "multi",
        "semi",
        "cross",
        "long",
        "short",
        "high",
        "low",
        "full",
        "half",
        "mid",
        "quasi",
        "neo",
        "pan",
        "one",
        "two",
        "three",
        "four",
        "five",
        "ten",
        "first",
        "second",
        "third",
        "far",
        "near",
        "all",
        "so",
        "pseudo",
        "ultra",
        "over",
        "under",
        "counter",
    ]
)
_FURNITURE_ZONE = 3  # lines at the top and bottom of a page where headers and footers live
_MAX_PAGES = 2_000


@dataclass(slots=True)
class _Line:
    text: str
    x: float
    y: float
    size: float
    page: int


def _page_lines(page: pypdf.PageObject, number: int) -> list[_Line]:
    """Return a page's text lines in content order, each with the position of its first glyphs."""
    lines: list[_Line] = []
    parts: list[str] = []
    origin: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(cm[3]) or 1.0
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if piece and not origin:
                # A second line inside one chunk has no position of its own: assume single spacing.
                origin[:] = [x, y - i * size * scale * 1.2, size * scale]
            parts.append(piece)
            if i < len(pieces) - 1:
                flush()

    def flush() -> None:
        joined = "".join(parts).strip()
        if joined and origin:
            lines.append(_Line(joined, origin[0], origin[1], origin[2], number))
        parts.clear()
        origin.clear()

    page.extract_text(visitor_text=visit)
    flush()
    return lines


def _furniture_key(line: _Line) -> tuple[str, int]:
    """Return the line as compared across pages: its text and height on the page.

    Running heads sit at the same height on every page; a short line's numbers may change ("Page 3").
    """
    words = line.text.lower().split()
    text = re.sub(r"\d+", "#", " ".join(words)) if len(words) <= 8 else " ".join(words)
    return text, round(line.y / 4)


def _drop_furniture(pages: list[list[_Line]]) -> tuple[list[list[_Line]], int]:
    """Return pages without running headers, footers and bare page numbers, and how many lines went."""
    counts: Counter[tuple[str, int]] = Counter()
    for lines in pages:
        edge = lines[:_FURNITURE_ZONE] + lines[-_FURNITURE_ZONE:]
        counts.update({_furniture_key(line) for line in edge})
    # "Most pages": a line repeated at the edge of at least 60% of pages (and of two pages or more).
    needed = max(2, int(0.6 * len(pages) + 0.999))
    repeated = {key for key, n in counts.items() if n >= needed}
    out: list[list[_Line]] = []
    dropped = 0
    for lines in pages:
        n = len(lines)
        keep: list[_Line] = []
        for i, line in enumerate(lines):
            at_edge = i < _FURNITURE_ZONE or i >= n - _FURNITURE_ZONE
            if at_edge and (_furniture_key(line) in repeated or _PAGE_NUMBER.match(line.text)):
                dropped += 1
                continue
            keep.append(line)
        out.append(keep)
    return out, dropped


def _breaks_before(prev: _Line, line: _Line, gap: float, left: float, width: int) -> bool:
    """Return whether ``line`` starts a new paragraph after ``prev`` (same page or the next one)."""
    if line.page == prev.page:
        step = prev.y - line.y
        if step < 0 or step > 1.35 * gap:  # a column jump or a wider vertical gap
            return True
    if abs(line.size - prev.size) > 0.15 * max(line.size, prev.size):
        return True  # a heading in another size
    if line.x > left + 0.8 * line.size and abs(prev.x - left) < 0.5 * line.size:
        return True  # first-line indent
    # A short last line that ends a sentence closes its paragraph. Across a page break there is no
    # gap to measure, so a sentence end short of the full measure before a capital is taken as one.
    ends = bool(_ENDS_SENTENCE.search(prev.text))
    if line.page != prev.page and ends and line.text[:1].isupper():
        return len(prev.text) < 0.92 * width
    return len(prev.text) < 0.7 * width and ends


def _vocabulary(lines: list[_Line]) -> tuple[set[str], set[str]]:
    """Return the words and the hyphenated words the document uses within lines (not at line ends)."""
    words: set[str] = set()
    hyphenated: set[str] = set()
    for line in lines:
        tokens = _WORD.findall(line.text.rstrip("-"))
        for token in tokens[:-1] if line.text.endswith("-") else tokens:
            low = token.lower()
            if "-" in low:
                hyphenated.add(low)
                words.update(low.split("-"))
            else:
                words.add(low)
    return words, hyphenated


def _join_hyphen(head: str, tail: str, words: set[str], hyphenated: set[str]) -> str:
    """Return ``head`` (ending in '-') joined to ``tail``: drop the hyphen only for a split word."""
    if head.endswith("\u00ad"):
        return head[:-1] + tail
    left = _WORD.findall(head)
    right = _WORD.findall(tail)
    if not left or not right or not head[-2:-1].isalpha() or not tail[:1].isalpha():
        return head + tail
    first, second = left[-1].lower(), right[0].lower()
    if tail[:1].isupper() or f"{first}-{second}" in hyphenated or "-" in first:
        return head + tail
    if first + second in words:
        return head[:-1] + tail
    if first in _COMPOUND_HEADS or (first in words and second in words and len(first) > 2):
        return head + tail
    return head[:-1] + tail


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Return the paragraphs the lines form: joined, hyphenation repaired, whitespace normalised."""
    if not lines:
        return []
    steps = [
        round(a.y - b.y, 1)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and 0 < a.y - b.y < 3 * a.size
    ]
    gap = Counter(steps).most_common(1)[0][0] if steps else lines[0].size * 1.2
    left = Counter(round(line.x) for line in lines).most_common(1)[0][0]
    width = int(median(len(line.text) for line in lines)) if len(lines) > 2 else 0
    width = max(width, max((len(line.text) for line in lines), default=0) * 3 // 4)
    words, hyphenated = _vocabulary(lines)
    paras: list[str] = [lines[0].text]
    for prev, line in zip(lines, lines[1:], strict=False):
        if _breaks_before(prev, line, gap, left, width):
            paras.append(line.text)
        elif paras[-1].endswith(("-", "\u00ad")) and not paras[-1].endswith(" -"):
            paras[-1] = _join_hyphen(paras[-1], line.text, words, hyphenated)
        else:
            paras[-1] += " " + line.text
    return [" ".join(FORBIDDEN.sub("", p).split()) for p in paras if p.strip()]


def _open(path: Path, data: bytes) -> pypdf.PdfReader:
    """Return a reader for the PDF bytes; raise SourceError for encrypted or unreadable files."""
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    if not data:
        raise SourceError(f"{path}: empty file; skipped")
    try:
        pdf = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if pdf.is_encrypted:
            # Owner-password-only PDFs open with the empty user password, as in any viewer.
            try:
                opened = bool(pdf.decrypt(""))
            except (DependencyError, NotImplementedError, PyPdfError):
                opened = False
            if not opened:
                raise SourceError(f"{path}: PDF is encrypted; save an unencrypted copy")
        len(pdf.pages)  # forces the page tree, where truncation shows
    except FileNotDecryptedError:
        raise SourceError(f"{path}: PDF is encrypted; save an unencrypted copy") from None
    except PyPdfError as exc:
        raise SourceError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from None
    return pdf


def _info_text(pdf: pypdf.PdfReader, key: str) -> str | None:
    from pypdf.errors import PyPdfError

    try:
        value = pdf.metadata.get(key) if pdf.metadata else None
    except PyPdfError:
        return None
    text = " ".join(str(value).split()) if value else ""
    # Tools fill these with placeholders or the file name; those say nothing about the article.
    if not text or text.lower() in {"(anonymous)", "untitled", "(unspecified)", "unknown", "anonymous"}:
        return None
    if re.search(r"\.(pdf|docx?|txt|html?|indd|tex)$", text, re.IGNORECASE):
        return None
    return text


def _info_authors(pdf: pypdf.PdfReader) -> tuple[str, ...]:
    text = _info_text(pdf, "/Author")
    if not text:
        return ()
    return byline_authors(text) or tuple(a.strip() for a in re.split(r"\s*;\s*", text) if a.strip())


@register_reader
class PdfReader:
    name = "pdf"
    suffixes = (".pdf",)

    def sniff(self, head: bytes) -> bool:
        """Return True for bytes that start like a PDF (after up to 1 KB of junk, as viewers allow)."""
        return b"%PDF-" in head[:1024]

    def read(self, path: Path, data: bytes) -> tuple[list[Source], list[str]]:
        """Return the one source in a PDF and warnings about it, pypdf's own among them."""
        warnings: list[str] = []
        with pypdf_logs(path, warnings):
            return self._read(path, data, warnings)

    def _read(self, path: Path, data: bytes, warnings: list[str]) -> tuple[list[Source], list[str]]:
        from pypdf.errors import PyPdfError

        pdf = _open(path, data)
        if b"%%EOF" not in data[-2048:]:
            warnings.append(f"{path}: PDF has no end-of-file marker; it may be truncated")
        try:
            count = len(pdf.pages)
            if count > _MAX_PAGES:
                raise SourceError(f"{path}: PDF has {count:,} pages, over the {_MAX_PAGES:,}-page cap")
            pages = [_page_lines(page, i) for i, page in enumerate(pdf.pages, 1)]
        except (PyPdfError, KeyError, ValueError, TypeError) as exc:
            raise SourceError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from None
        if not any(pages):
            raise SourceError(f"{path}: PDF has no text layer (scanned?); run OCR first")
        pages, _ = _drop_furniture(pages)
        paras = _paragraphs([line for lines in pages for line in lines])
        if not paras:
            raise SourceError(f"{path}: PDF has no text layer (scanned?); run OCR first")
        title, authors = _info_text(pdf, "/Title"), _info_authors(pdf)
        source = source_with_header(source_id(path), path, paras, self.name, title=title, authors=authors)
        return [source], warnings

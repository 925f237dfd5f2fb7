"""Read HTML sources: the article's own paragraphs and metadata, without navigation, ads or comments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import SourceError
from ..model import Source
from .decode import FORBIDDEN, decode_source
from .header import byline_authors, source_with_header
from .readers import register_reader
from .text import source_id

# Elements of trafilatura's output tree that hold one paragraph each; lists and tables are split below.
_BLOCKS = {"p", "head", "quote", "code"}


def _text(element: etree._Element) -> str:
    return " ".join(FORBIDDEN.sub("", "".join(element.itertext())).split())


def _body_paragraphs(body: etree._Element) -> list[str]:
    """Return the paragraphs of trafilatura's body tree: one per block, list item or table row."""
    out: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            for item in element.iter("item"):
                out.append(_text(item))
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_text(cell) for cell in row if isinstance(cell.tag, str)]
                out.append(" | ".join(c for c in cells if c))
        elif tag in _BLOCKS:
            out.append(_text(element))
        elif tag == "lb":
            return
        elif len(element):
            for child in element:
                walk(child)
        else:
            out.append(_text(element))

    for child in body:
        walk(child)
    return [p for p in out if p]


def html_paragraphs(html: str) -> list[str]:
    """Return the paragraphs of an HTML fragment (feed content): every block element, no boilerplate removal."""
    try:
        root = etree.fromstring(f"<div>{html}</div>", etree.HTMLParser(no_network=True, recover=True))
    except (etree.ParserError, ValueError):
        return []
    if root is None:
        return []
    out: list[str] = []
    blocks = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dd", "dt")
    for element in root.iter(*blocks):
        # Nested blocks (p inside blockquote or li) are read once, at the innermost level.
        if any(child.tag in blocks for child in element.iter() if child is not element):
            continue
        if element.tag == "tr":
            cells = [_text(cell) for cell in element if cell.tag in ("td", "th")]
            text = " | ".join(c for c in cells if c)
        else:
            text = _text(element)
        if text:
            out.append(text)
    if not out:
        text = _text(root)
        out = [text] if text else []
    return out


def extract_article(html: str) -> tuple[list[str], dict[str, Any]]:
    """Return the main article's paragraphs and its metadata (title, author, date, sitename, url)."""
    import trafilatura  # here, not at the top: it takes a quarter second to import, and most weeks have no HTML

    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        output_format="python",
        # Dates from the page's metadata only; the text's own dates are events, not the publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return [], {}
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = meta.get("body")
    paras = _body_paragraphs(body) if body is not None else []
    if not paras and meta.get("text"):
        paras = [" ".join(line.split()) for line in str(meta["text"]).split("\n") if line.strip()]
    return paras, meta


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _authors(value: Any) -> tuple[str, ...]:
    text = _clean(value)
    if not text:
        return ()
    # trafilatura joins several authors with "; ".
    parts = [p.strip() for p in text.split(";") if p.strip()]
    return tuple(a for p in parts for a in (byline_authors(p) or (p,)))


@register_reader
class HtmlReader:
    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        """Return True for bytes that start like an HTML document."""
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return start.startswith((b"<!doctype html", b"<html"))

    def read(self, path: Path, data: bytes) -> tuple[list[Source], list[str]]:
        """Return the one article in an HTML page and warnings about it."""
        html, warnings = decode_source(data, path)
        paras, meta = extract_article(html)
        if not paras:
            raise SourceError(f"{path}: no article text found in the HTML page; skipped")
        date = _clean(meta.get("date"))
        source = source_with_header(
            source_id(path),
            path,
            paras,
            self.name,
            title=_clean(meta.get("title")),
            authors=_authors(meta.get("author")),
            outlet=_clean(meta.get("sitename")),
            date=date[:10] if date else None,
            standfirst=_clean(meta.get("description")),
            url=_clean(meta.get("url")),
        )
        return [source], warnings

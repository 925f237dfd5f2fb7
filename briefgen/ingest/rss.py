"""Read RSS and Atom feeds: one source per entry, full text where the feed carries it, else the summary."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..model import Source
from .header import byline_authors, source_with_header
from .html import html_paragraphs
from .layout import paragraphs as text_paragraphs
from .readers import register_reader
from .text import source_id

_FEED_ROOT = re.compile(rb"<(?:rss|rdf:RDF|feed)[\s>]", re.IGNORECASE)
_SLUG = re.compile(r"[^a-z0-9]+")
SUMMARY_GENRE = "feed summary"
MAX_ENTRIES = 500


def _slug(text: str, limit: int = 48) -> str:
    slug = _SLUG.sub("-", text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def _entry_paragraphs(entry: Any) -> tuple[list[str], bool]:
    """Return an entry's paragraphs and whether they are the full text (not just the summary)."""
    contents = [c for c in entry.get("content", []) if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return _to_paragraphs(best["value"], best.get("type", "text/html")), True
    summary = entry.get("summary_detail") or {}
    value = summary.get("value") or entry.get("summary") or ""
    return _to_paragraphs(value, summary.get("type", "text/html")), False


def _to_paragraphs(value: str, kind: str) -> list[str]:
    if "html" in kind:
        return html_paragraphs(value)
    return text_paragraphs(value)


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _authors(entry: Any) -> tuple[str, ...]:
    names = [a.get("name", "") for a in entry.get("authors", []) if isinstance(a, dict)]
    names = [n.strip() for n in names if n and n.strip()] or [entry.get("author", "").strip()]
    out: list[str] = []
    for name in names:
        # RSS <author> is often "email (Name)".
        m = re.match(r"^\S+@\S+\s+\((.+)\)$", name)
        name = m.group(1) if m else name
        out.extend(byline_authors(name) or ((name,) if name else ()))
    return tuple(out)


def parse_feed(path: Path, data: bytes) -> Any:
    """Return feedparser's result for the bytes; raise SourceError when no entry can be read."""
    import feedparser  # imported when a feed is read, like the other readers' libraries

    # A stream, never a string: feedparser fetches strings that look like URLs.
    feed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        reason = f" ({str(problem).splitlines()[0]})" if problem else ""
        raise SourceError(f"{path}: not a readable RSS/Atom feed{reason}; no entries")
    return feed


@register_reader
class FeedReader:
    name = "rss"
    suffixes = (".rss", ".atom", ".xml", ".rdf")

    def sniff(self, head: bytes) -> bool:
        """Return True for XML whose root is <rss>, <rdf:RDF> or Atom's <feed>."""
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return start.startswith(b"<") and bool(_FEED_ROOT.search(head[:2048]))

    def read(self, path: Path, data: bytes) -> tuple[list[Source], list[str]]:
        """Return one source per feed entry and warnings about the feed."""
        feed = parse_feed(path, data)
        warnings: list[str] = []
        if feed.get("bozo"):
            problem = str(feed.get("bozo_exception", "malformed XML")).splitlines()[0]
            warnings.append(f"{path}: feed is not well-formed ({problem}); read what could be parsed")
        entries = feed.entries
        if len(entries) > MAX_ENTRIES:
            warnings.append(f"{path}: feed has {len(entries)} entries; read the first {MAX_ENTRIES}")
            entries = entries[:MAX_ENTRIES]
        outlet = (feed.feed.get("title") or "").strip() or None
        sources: list[Source] = []
        used: set[str] = set()
        summaries = 0
        for n, entry in enumerate(entries, 1):
            paras, full = _entry_paragraphs(entry)
            title = " ".join((entry.get("title") or "").split()) or None
            if not paras:
                warnings.append(f"{path}: entry {n} ('{title or 'untitled'}') has no text; skipped")
                continue
            slug = _slug(title or "") or str(n)
            sid = f"{source_id(path)}-{slug}"
            if sid in used:
                sid = f"{source_id(path)}-{slug}-{n}"
            used.add(sid)
            summaries += not full
            sources.append(
                source_with_header(
                    sid,
                    path,
                    paras,
                    self.name,
                    title=title,
                    authors=_authors(entry),
                    outlet=outlet,
                    date=_date(entry),
                    url=(entry.get("link") or "").strip() or None,
                    genre=None if full else SUMMARY_GENRE,
                )
            )
        if not sources:
            if feed.get("bozo"):
                problem = str(feed.get("bozo_exception", "malformed XML")).splitlines()[0]
                raise SourceError(f"{path}: not a readable RSS/Atom feed ({problem}); no entry with text")
            raise SourceError(f"{path}: feed has no entry with text; skipped")
        if summaries:
            warnings.append(
                f"{path}: {summaries} of {len(sources)} entries carry only a summary, not the full "
                f"article (genre '{SUMMARY_GENRE}')"
            )
        return sources, warnings

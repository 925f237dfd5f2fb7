"""Read plain-text and Markdown sources, with optional YAML front matter that overrides inference."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import SourceError
from ..model import Source
from ..shown_paths import printable
from .decode import decode_source
from .header import byline_authors, parse_date, source_with_header
from .layout import paragraphs
from .readers import register_reader

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_UNCLOSED = re.compile(r"\A---[ \t]*\n[A-Za-z_]+[ \t]*:")  # an opening line, then a key, and no end
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FRONT_KEYS = ("title", "authors", "author", "outlet", "date", "url", "dateline", "genre", "standfirst")


def source_id(path: Path) -> str:
    """Return a source's id: its file stem (bytes that are not UTF-8 written as backslash escapes)."""
    return printable(path.stem)


class DatesAsText(yaml.SafeLoader):
    """The safe loader, leaving dates as text: PyYAML raises a bare ValueError for 2025-02-30."""


DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, list[str]]:
    """Return (front matter, remaining text, warnings); raise SourceError on malformed front matter."""
    m = _FRONT.match(text)
    if not m:
        if _UNCLOSED.match(text):
            return (
                {},
                text,
                [f"{path}:1: front matter: '---' is never closed; read as text (end it with a '---' line)"],
            )
        return {}, text, []
    try:
        meta = yaml.load(m.group(1), Loader=DatesAsText) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SourceError(f"{path}{line}: front matter: {problem}") from None
    if not isinstance(meta, dict):
        raise SourceError(f"{path}:2: front matter: expected 'key: value' lines")
    warnings = [
        f"{path}: front matter: unknown key '{k}' ignored (known: {', '.join(_FRONT_KEYS)})"
        for k in meta
        if k not in _FRONT_KEYS
    ]
    if isinstance(meta.get("date"), str) and _ISO_DAY.fullmatch(meta["date"].strip()):
        try:
            dt.date.fromisoformat(meta["date"].strip())
        except ValueError as exc:
            row = next((n for n, t in enumerate(m.group(1).split("\n"), 2) if t.startswith("date")), 2)
            warnings.append(
                f"{path}:{row}: front matter: date '{meta['date']}' is not a real day ({exc}); ignored"
            )
            meta = {k: v for k, v in meta.items() if k != "date"}
    return meta, text[m.end() :], warnings


def _meta_date(value: Any, path: Path) -> str | None:
    """Return a front-matter date as YYYY-MM-DD; raise SourceError naming the fix when it is not one."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    if parsed := parse_date(text):
        return parsed
    raise SourceError(f"{path}: front matter: date '{text}' is not YYYY-MM-DD")


def _authors(meta: dict[str, Any]) -> tuple[str, ...] | None:
    value = meta.get("authors", meta.get("author"))
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return tuple(str(a).strip() for a in value if str(a).strip())
    text = str(value)
    return byline_authors(text) or (text.strip(),)


def _text(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    return None if value is None else str(value).strip() or None


@register_reader
class TextReader:
    name = "text"
    suffixes = (".txt", ".md", ".markdown", ".text")

    def sniff(self, head: bytes) -> bool:
        """Return False: plain text is chosen by extension, never by content."""
        return False

    def read(self, path: Path, data: bytes) -> tuple[list[Source], list[str]]:
        """Return the one source in a text file and warnings about it."""
        text, warnings = decode_source(data, path)
        meta, body, fm_warnings = _front_matter(text, path)
        warnings.extend(fm_warnings)
        paras = paragraphs(body)
        if not paras:
            raise SourceError(f"{path}: no text after reading; skipped")
        source = source_with_header(
            source_id(path),
            path,
            paras,
            self.name,
            title=_text(meta, "title"),
            authors=_authors(meta) or (),
            outlet=_text(meta, "outlet"),
            date=_meta_date(meta.get("date"), path),
            dateline=_text(meta, "dateline"),
            standfirst=_text(meta, "standfirst"),
            url=_text(meta, "url"),
            genre=_text(meta, "genre"),
        )
        return [source], warnings

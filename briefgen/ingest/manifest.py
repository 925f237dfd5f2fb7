"""Read source manifests: a YAML or CSV list of files (relative to it) with metadata overrides."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import SourceError
from ..model import Source
from .decode import decode_source
from .header import byline_authors
from .readers import read_file, register_reader
from .text import DatesAsText, _meta_date

# Fields a manifest row may set; "reliability" is an editor's note about the outlet or the document.
FIELDS = ("file", "title", "outlet", "date", "url", "authors", "genre", "reliability")
MAX_LISTED_BYTES = 5_000_000
_YAML_HEAD = re.compile(r"\A\ufeff?(?:\s*#[^\n]*\n|\s*---[ \t]*\n|\s*\n)*\s*sources\s*:", re.IGNORECASE)
_CSV_HEAD = re.compile(r"\A\ufeff?\s*\"?(file|path)\"?\s*[,;\t]", re.IGNORECASE)


def is_manifest(path: Path, head: bytes) -> bool:
    """Return whether a file looks like a manifest, by its name or its first line."""
    name = path.name.lower()
    if name.endswith((".sources.yaml", ".sources.yml", ".sources.csv")):
        return True
    text = head.decode("utf-8", errors="replace")
    return bool(_YAML_HEAD.match(text) or _CSV_HEAD.match(text))


def _yaml_rows(path: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    """Return (line, row) pairs of a YAML manifest's ``sources`` list."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        loaded = yaml.load(text, Loader=DatesAsText)  # 2025-02-30: a warning, not a bare ValueError
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SourceError(f"{path}{where}: manifest: {problem}") from None
    if not isinstance(loaded, dict) or not isinstance(loaded.get("sources"), list):
        raise SourceError(f"{path}: manifest: expected a 'sources:' list of files")
    lines: list[int] = [1] * len(loaded["sources"])
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "sources" and isinstance(value, yaml.SequenceNode):
                lines = [item.start_mark.line + 1 for item in value.value]
    rows: list[tuple[int, dict[str, Any]]] = []
    for line, entry in zip(lines, loaded["sources"], strict=False):
        row: Any = {"file": entry} if isinstance(entry, str) else entry
        if not isinstance(row, dict):
            raise SourceError(f"{path}:{line}: manifest: each entry is a file name or 'file: ...' mapping")
        rows.append((line, {str(k): v for k, v in row.items()}))
    return rows


def _csv_rows(path: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    """Return (line, row) pairs of a CSV manifest (a header row naming the columns)."""
    dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    rows: list[tuple[int, dict[str, Any]]] = []
    for record in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in record.items() if v}
        if "path" in row and "file" not in row:
            row["file"] = row.pop("path")
        if row:
            rows.append((reader.line_num, row))
    return rows


def _overrides(path: Path, line: int, row: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Return the Source fields a row sets, and warnings about keys it does not know."""
    warnings = [
        f"{path}:{line}: manifest: unknown key '{k}' ignored (known: {', '.join(FIELDS)})"
        for k in row
        if k not in FIELDS
    ]
    fields: dict[str, Any] = {}
    for key in ("title", "outlet", "url", "genre"):
        if row.get(key):
            fields[key] = " ".join(str(row[key]).split())
    if row.get("date"):
        try:
            fields["date"] = _meta_date(row["date"], path)
        except SourceError:
            warnings.append(f"{path}:{line}: manifest: date '{row['date']}' is not YYYY-MM-DD; ignored")
    authors = row.get("authors")
    if isinstance(authors, list):
        fields["authors"] = tuple(str(a).strip() for a in authors if str(a).strip())
    elif authors:
        parts = [a.strip() for a in str(authors).split(";") if a.strip()]
        fields["authors"] = tuple(a for p in parts for a in (byline_authors(p) or (p,)))
    if row.get("reliability"):
        fields["reliability"] = " ".join(str(row["reliability"]).split())
    return fields, warnings


def apply_overrides(source: Source, fields: dict[str, Any]) -> Source:
    """Return ``source`` with the manifest's fields; those the model has no place for are left out."""
    known = {f.name for f in dataclasses.fields(Source)}
    return dataclasses.replace(source, **{k: v for k, v in fields.items() if k in known})


@register_reader
class ManifestReader:
    name = "manifest"
    suffixes = (".sources.yaml", ".sources.yml", ".sources.csv")

    def sniff(self, head: bytes) -> bool:
        """Return True for a YAML file that opens with 'sources:' or a CSV whose header starts 'file,'."""
        text = head.decode("utf-8", errors="replace")
        return bool(_YAML_HEAD.match(text) or _CSV_HEAD.match(text))

    def read(self, path: Path, data: bytes) -> tuple[list[Source], list[str]]:
        """Return the sources of every file the manifest lists, with its overrides, and warnings."""
        text, warnings = decode_source(data, path)
        rows = _csv_rows(path, text) if _CSV_HEAD.match(text) else _yaml_rows(path, text)
        sources: list[Source] = []
        for line, row in rows:
            name = str(row.get("file") or "").strip()
            if not name:
                warnings.append(f"{path}:{line}: manifest: entry has no 'file'; skipped")
                continue
            listed = Path(name) if Path(name).is_absolute() else path.parent / name
            if not listed.is_file():
                warnings.append(f"{path}:{line}: listed file '{name}' not found; skipped")
                continue
            try:
                head = listed.open("rb").read(2048)
            except OSError as exc:
                warnings.append(f"{path}:{line}: cannot read '{name}': {exc.strerror or exc}; skipped")
                continue
            if is_manifest(listed, head):
                warnings.append(
                    f"{path}:{line}: '{name}' is itself a manifest; nested manifests are not read"
                )
                continue
            try:
                found, more = read_file(listed, MAX_LISTED_BYTES)
            except SourceError as exc:
                warnings.extend(f"{path}:{line}: {problem}" for problem in exc.problems)
                continue
            fields, problems = _overrides(path, line, row)
            if len(found) > 1:
                # A listed feed holds many articles: only outlet-wide fields apply to all of them.
                fields = {k: v for k, v in fields.items() if k in ("outlet", "genre", "reliability")}
            warnings.extend(more + problems)
            if "reliability" in fields and "reliability" not in {f.name for f in dataclasses.fields(Source)}:
                warnings.append(f"{path}:{line}: reliability note for '{name}': {fields['reliability']}")
            sources.extend(apply_overrides(s, fields) for s in found)
        if not sources:
            raise SourceError(f"{path}: manifest lists no readable source")
        return sources, warnings

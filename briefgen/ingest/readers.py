"""The reader registry: each format's reader, chosen by content or extension, and reading one file."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Protocol

from ..errors import SourceError
from ..model import Paragraph, Source
from ..registry import registrar
from .decode import read_source_bytes


class Reader(Protocol):
    name: str
    suffixes: tuple[str, ...]

    def sniff(self, head: bytes) -> bool: ...

    def read(self, path: Path, data: bytes) -> tuple[list[Source], list[str]]: ...


READERS: dict[str, type] = {}


register_reader = registrar(READERS, "reader")


def reader_for(path: Path, head: bytes) -> Reader | None:
    """Return the reader for a file: by content sniffing first, then by extension."""
    readers = [cls() for cls in READERS.values()]
    for reader in readers:
        if reader.sniff(head):
            return reader  # type: ignore[no-any-return]
    suffix = path.suffix.lower()
    for reader in readers:
        if suffix in reader.suffixes:
            return reader  # type: ignore[no-any-return]
    return None


def read_file(path: Path, max_bytes: int) -> tuple[list[Source], list[str]]:
    """Return the sources in one file and warnings; raise SourceError when it cannot be read."""
    return parse_file(path, read_source_bytes(path, max_bytes))


def parse_file(path: Path, data: bytes) -> tuple[list[Source], list[str]]:
    """Return the sources in a file's bytes, read by the reader its content or extension calls for."""
    reader = reader_for(path, data[:2048])
    if reader is None:
        known = sorted({s for cls in READERS.values() for s in cls.suffixes})  # type: ignore[attr-defined]
        raise SourceError(
            f"{path}: no reader for '{path.suffix or path.name}' files (known: {', '.join(known)})"
        )
    sources, warnings = reader.read(path, data)
    return [bound_paragraphs(s, warnings) for s in sources], warnings


MAX_PARAGRAPH = 10_000  # characters; longer runs are split so every later step stays fast


def _split_long(para: str) -> list[str]:
    """Return ``para`` cut at white space into pieces of at most MAX_PARAGRAPH characters."""
    pieces: list[str] = []
    while len(para) > MAX_PARAGRAPH:
        cut = para.rfind(" ", MAX_PARAGRAPH // 2, MAX_PARAGRAPH)
        cut = cut if cut > 0 else MAX_PARAGRAPH
        pieces.append(para[:cut].strip())
        para = para[cut:].strip()
    return [*pieces, para] if para else pieces


def bound_paragraphs(source: Source, warnings: list[str]) -> Source:
    """Return the source with overlong paragraphs split (and renumbered), warning when it happens."""
    if all(len(p.text) <= MAX_PARAGRAPH for p in source.paragraphs):
        return source
    texts = [piece for p in source.paragraphs for piece in _split_long(p.text)]
    long = [p.n for p in source.paragraphs if len(p.text) > MAX_PARAGRAPH]
    warnings.append(
        f"{source.path}: paragraph(s) {', '.join(map(str, long[:5]))} over {MAX_PARAGRAPH:,} characters "
        f"split at white space; citations number the pieces"
    )
    paragraphs = tuple(Paragraph(i, t) for i, t in enumerate(texts, 1))
    return dataclasses.replace(
        source, paragraphs=paragraphs, body_from=min(source.body_from, len(paragraphs))
    )

"""Cache the week as a whole: an edit or a template change re-runs only compose and render.

Three kinds of entry live in the per-source cache's folder, sealed with its secret like every entry:
the week's Analysis, valid while every source file (path, size, time, bytes), the config's
analysis settings and the code are unchanged; each audience's composed Brief, valid while the week,
the audience's settings, its edits, its archived history, every template file its layout looked for
and the code are unchanged (a template or an edit for one audience recomposes that audience only);
and each rendered file, valid while its Brief, its template folder and the rendering code are
unchanged. Each kind has one slot per config and week (and audience and format), so a rebuild
replaces its entry rather than piling up new ones.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cache import SourceCache, load_record
from .cache_folder import WHOLE_SUFFIX, read_regular
from .config import Config
from .model import Analysis, Brief


@dataclass(frozen=True, slots=True)
class WeekEntry:
    """The week's analysis with what reading it reported, so a cached build reports the same."""

    content: str  # what it was computed from (see week_key)
    analysis: Analysis
    sources: int
    warnings: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One rendered file."""

    content: str
    data: bytes


@dataclass(frozen=True, slots=True)
class BriefEntry:
    """One audience's composed Brief, with the template files its layout looked for."""

    content: str  # what it was composed from, the template files aside (see brief_key)
    templates: tuple[tuple[str, bytes], ...]  # (path, file_stamp) of each file the layout looked for
    brief: Brief


@lru_cache(maxsize=1)
def _package_fingerprint() -> str:
    """Return a sha256 of every module of briefgen: a change to any code makes every week entry stale."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _slot(cache: SourceCache, *parts: str) -> str:
    """Return the entry key of a slot: one per config, week (and audience and format)."""
    digest = hashlib.sha256(cache.generation.encode() + b"\0slot")
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def week_key(config: Config, as_of: str, paths: Iterable[Path]) -> str:
    """Return what the week's analysis depends on: the code, the analysis settings and every source file."""
    digest = hashlib.sha256(_package_fingerprint().encode() + b"\0" + as_of.encode() + b"\0")
    settings = dataclasses.replace(config, audiences=(), out=Path(), templates=Path())
    digest.update(repr(settings).encode("utf-8", "surrogatepass") + b"\0")
    for path in paths:
        try:
            info = os.stat(path)
            # Only a regular file is read: a FIFO would block, and the reader skips it anyway.
            data = Path(path).read_bytes() if stat.S_ISREG(info.st_mode) else b"not a regular file"
        except OSError:
            digest.update(b"unreadable\0" + str(path).encode("utf-8", "surrogatepass"))
            continue
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(f"{info.st_size}:{info.st_mtime_ns}\0".encode())
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _path(cache: SourceCache, key: str) -> Path:
    """Return where a whole-week or rendered-file entry lives: beside the per-source entries, named apart."""
    return cache.folder / key[:2] / f"{key}{WHOLE_SUFFIX}"


def _load(cache: SourceCache, key: str, limit: int) -> object | None:
    blob, _ = read_regular(_path(cache, key), limit)
    payload = None if blob is None else cache._opened(key, blob)
    if payload is None:
        return None
    try:
        return load_record(payload)  # authenticated, and even then only briefgen's records are built
    except Exception:  # noqa: BLE001 - an entry of an older class layout: recompute
        return None


def _store(cache: SourceCache, key: str, entry: object) -> None:
    path = _path(cache, key)
    payload = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return  # an unwritable cache only costs speed
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(cache.seal(key, payload))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def load_week(cache: SourceCache, config: Config, as_of: str, content: str, limit: int) -> WeekEntry | None:
    """Return the cached week if it was computed from exactly ``content``, else None."""
    entry = _load(cache, _slot(cache, "week", str(config.path.resolve()), as_of), limit)
    return entry if isinstance(entry, WeekEntry) and entry.content == content else None


def store_week(cache: SourceCache, config: Config, as_of: str, entry: WeekEntry) -> None:
    """Keep the week's analysis for the next build of this config and week."""
    _store(cache, _slot(cache, "week", str(config.path.resolve()), as_of), entry)


def _canonical(value: object) -> object:
    """Return ``value`` as nested tuples whose repr is the same in every process (sets sorted: a set's
    order follows string hashing, which differs from one run to the next)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            *(_canonical(getattr(value, f.name)) for f in dataclasses.fields(value)),
        )
    if isinstance(value, dict):
        return ("dict", *sorted((repr(_canonical(k)), _canonical(v)) for k, v in value.items()))
    if isinstance(value, set | frozenset):
        return ("set", *sorted(repr(_canonical(v)) for v in value))
    if isinstance(value, tuple | list):
        return tuple(_canonical(v) for v in value)
    return value


def brief_key(week: str, *inputs: object) -> str:
    """Return what one audience's Brief depends on besides its template files: the code, the week's
    analysis (``week_key``) and ``inputs`` (the audience's settings, edits, history, date)."""
    digest = hashlib.sha256(_package_fingerprint().encode() + b"\0" + week.encode() + b"\0")
    digest.update(repr(_canonical(inputs)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def file_stamp(path: str) -> bytes:
    """Return a digest of a file's bytes, or a mark that it is absent (or not a file)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).digest()
    except OSError:
        return b"absent"


def load_brief(cache: SourceCache, config: Config, as_of: str, audience: str, content: str) -> Brief | None:
    """Return the audience's Brief as composed before from ``content``, if no template file it looked for
    has changed since (or appeared, where a missing one was looked for); else None."""
    entry = _load(
        cache, _slot(cache, "brief", str(config.path.resolve()), as_of, audience), cache.max_entry_bytes
    )
    if not isinstance(entry, BriefEntry) or entry.content != content:
        return None
    if any(file_stamp(path) != stamp for path, stamp in entry.templates):
        return None
    return entry.brief


def store_brief(cache: SourceCache, config: Config, content: str, looked: list[str], brief: Brief) -> None:
    """Keep an audience's composed Brief, with the template files its layout ``looked`` for."""
    templates = tuple((path, file_stamp(path)) for path in dict.fromkeys(looked))
    slot = _slot(cache, "brief", str(config.path.resolve()), brief.as_of, brief.audience)
    _store(cache, slot, BriefEntry(content, templates, brief))


def folder_stamp(folder: Path | None) -> bytes:
    """Return the bytes of every file a template folder holds that a renderer reads."""
    if folder is None or not folder.is_dir():
        return b""
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def brief_digest(brief: Brief) -> bytes:
    """Return a digest of everything a Brief holds (one per brief, shared by its formats' keys)."""
    return hashlib.sha256(pickle.dumps(brief, protocol=pickle.HIGHEST_PROTOCOL)).digest()


def file_key(brief: bytes, fmt: str, stamps: tuple[bytes, ...]) -> str:
    """Return what a rendered file depends on: its Brief (``brief_digest``), its format, its template
    folders (``folder_stamp`` of each) and the code."""
    digest = hashlib.sha256(_package_fingerprint().encode() + b"\0" + fmt.encode() + b"\0")
    digest.update(brief)
    for stamp in stamps:
        digest.update(stamp)
    return digest.hexdigest()


def load_file(cache: SourceCache, config: Config, brief: Brief, fmt: str, content: str) -> bytes | None:
    """Return the file as rendered before from the same content, else None."""
    slot = _slot(cache, "file", str(config.path.resolve()), brief.as_of, brief.audience, fmt)
    entry = _load(cache, slot, cache.max_entry_bytes)
    return entry.data if isinstance(entry, FileEntry) and entry.content == content else None


def store_file(cache: SourceCache, config: Config, brief: Brief, fmt: str, content: str, data: bytes) -> None:
    """Keep a rendered file for the next build of this config, week, audience and format."""
    slot = _slot(cache, "file", str(config.path.resolve()), brief.as_of, brief.audience, fmt)
    _store(cache, slot, FileEntry(content, data))

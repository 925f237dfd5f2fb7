"""Cache per-source analysis on disk, keyed by the file's bytes, the settings and the analysis code."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import __version__
from .analysis import SourceAnalysis
from .records import fast_pickle

# Bump when CachedFile or anything it holds changes shape: old entries then live in another folder.
SCHEMA = 3
MAGIC = b"briefgen-cache 1\n"
DIGEST_LEN = 64  # hex sha256 of the payload, on the line after MAGIC
# Code whose edits change what reading or per-source analysis returns.
_CODE_DIRS = ("analysis", "ingest")
_CODE_FILES = ("model.py", "cache.py", "workers.py")
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is briefgen's cache; delete it at will.\n"


@fast_pickle
@dataclass(frozen=True, slots=True)
class CachedFile:
    """One cache entry: every source a file gave, with the reader's warnings."""

    key: str
    parts: tuple[SourceAnalysis, ...]
    warnings: tuple[str, ...]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Return a sha256 of the reading and per-source analysis code, so a code edit empties the cache."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = [package / name for name in _CODE_FILES]
    files += sorted(p for d in _CODE_DIRS for p in (package / d).glob("*.py"))
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class SourceCache:
    """A cache folder; picklable so worker processes can read and write it directly.

    Entries are pickles of our own CachedFile, written only by briefgen into this folder, behind a
    sha256 line: a truncated or altered entry fails the check and is recomputed, never unpickled.
    Pickle rather than JSON because it keeps the frozen model objects exactly (JSON would need a codec
    per model class that must follow every change to model.py) and is several times faster to load.
    The checksum guards against damage, not against someone who can already write to the folder.
    """

    root: Path
    generation: str  # sub-folder for this schema, version and code; other generations are pruned
    settings: str  # JSON of the settings that change per-source results

    @classmethod
    def open(cls, root: Path, settings: Mapping[str, object], version: str | None = None) -> SourceCache:
        """Return the cache at ``root`` for these settings, this briefgen version and this code."""
        generation = f"v{SCHEMA}-{version or __version__}-{code_fingerprint()[:16]}"
        return cls(Path(root), generation, json.dumps(dict(settings), sort_keys=True, default=str))

    @property
    def folder(self) -> Path:
        """Return the folder holding this generation's entries."""
        return self.root / self.generation

    def key(self, path: str, data: bytes) -> str:
        """Return the key of a file: its bytes, its path (ids and cites come from it) and the settings."""
        digest = hashlib.sha256()
        for part in (self.generation, self.settings, path):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def load(self, key: str) -> tuple[CachedFile | None, bool]:
        """Return (entry or None, whether a damaged entry was found and removed)."""
        payload, discarded = self.load_payload(key)
        if payload is None:
            return None, discarded
        entry = self.decode(payload, key)
        if entry is None:
            self.discard(key)
            return None, True
        return entry, False

    def load_payload(self, key: str) -> tuple[bytes | None, bool]:
        """Return (the entry's checksummed pickle or None, whether a damaged entry was found and removed).

        A worker hands the payload to the main process as it is: unpickling it there once is half the
        work of unpickling it in the worker and pickling it again to send it.
        """
        path = self._entry(key)
        try:
            blob = path.read_bytes()
        except OSError:
            return None, False  # missing, or removed by a concurrent prune: just recompute
        payload = _verified(blob)
        if payload is None:
            self.discard(key)
            return None, True
        return payload, False

    def decode(self, payload: bytes, key: str) -> CachedFile | None:
        """Return the entry a verified payload holds, or None if it is not one of ours for ``key``."""
        return _unpickle(payload, key)

    def discard(self, key: str) -> None:
        """Remove an entry; another build may have replaced or removed it already, and that is fine."""
        with contextlib.suppress(OSError):
            self._entry(key).unlink()

    def store(self, entry: CachedFile) -> bytes:
        """Write an entry atomically (temp file, then rename), so readers never see half of one.

        Return its pickle, which a worker sends to the main process as it is (one pickling, not two).
        """
        path = self._entry(entry.key)
        payload = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        blob = MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        except OSError:
            return payload  # an unwritable cache only costs speed
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return payload

    def prepare(self) -> None:
        """Create the folder, tag it as a cache, and remove other generations' entries."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tag = self.root / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text(_TAG, encoding="utf-8")
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
        except OSError:
            return
        for other in self.root.glob("v*-*"):
            if other.is_dir() and other.name != self.generation:
                shutil.rmtree(other, ignore_errors=True)


def _verified(blob: bytes) -> bytes | None:
    """Return the payload of ``blob`` if its header and checksum check out."""
    head = len(MAGIC) + DIGEST_LEN + 1
    if len(blob) < head or not blob.startswith(MAGIC) or blob[head - 1 : head] != b"\n":
        return None
    payload = blob[head:]
    if hashlib.sha256(payload).hexdigest().encode() != blob[len(MAGIC) : head - 1]:
        return None
    return payload


def _unpickle(payload: bytes, key: str) -> CachedFile | None:
    """Return the entry in a verified payload if its type and key check out."""
    try:
        entry = pickle.loads(payload)
    except Exception:  # a checksummed pickle of an older class layout can still fail: recompute
        return None
    if not isinstance(entry, CachedFile) or entry.key != key:
        return None
    if not all(isinstance(p, SourceAnalysis) for p in entry.parts):
        return None
    return entry

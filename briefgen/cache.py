"""Cache per-source analysis on disk, keyed by the file's bytes, the settings and the analysis code."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import io
import json
import os
import pickle
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .cache_folder import claim, prune, read_regular
from .records import fast_pickle

if TYPE_CHECKING:
    from .analysis import SourceAnalysis

# Bump when CachedFile or anything it holds changes shape: old entries then live in another folder.
SCHEMA = 4
MAGIC = b"briefgen-cache 2\n"
DIGEST_LEN = 64  # hex HMAC-SHA256 of the entry's key and payload, on the line after MAGIC
ENTRY_BYTES_PER_SOURCE_BYTE = 64  # an entry larger than this many times the largest source is not ours
MIN_ENTRY_BYTES = 64 << 20
# Code whose edits change what reading or per-source analysis returns.
_CODE_DIRS = ("analysis", "ingest")
_CODE_FILES = ("model.py", "cache.py", "workers.py")


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

    Entries are pickles of our own CachedFile behind an HMAC-SHA256 of their key and bytes, made with
    a secret only this user can read (``cache_folder``): an entry another user forged or altered, or
    one moved to another key's name, fails the check and is recomputed, never unpickled. Entries are
    read only as regular files of bounded size (no symlinks, FIFOs or devices).
    Pickle rather than JSON because it keeps the frozen model objects exactly (JSON would need a codec
    per model class that must follow every change to model.py) and is several times faster to load.
    """

    root: Path  # the folder briefgen owns (the one named, or its briefgen-cache sub-folder)
    generation: str  # sub-folder for this schema, version and code; other generations are pruned
    settings: str  # JSON of the settings that change per-source results
    secret: bytes = field(default=b"", repr=False)
    max_entry_bytes: int = MIN_ENTRY_BYTES

    @classmethod
    def open(cls, root: Path, settings: Mapping[str, object], version: str | None = None) -> SourceCache:
        """Return the cache at ``root`` for these settings, this briefgen version and this code.

        Raise CacheUnusable when ``root`` cannot safely hold a cache (see ``cache_folder.claim``).
        """
        folder, secret = claim(Path(root))
        generation = f"v{SCHEMA}-{version or __version__}-{code_fingerprint()[:16]}"
        largest = settings.get("max_source_bytes")
        limit = max(MIN_ENTRY_BYTES, ENTRY_BYTES_PER_SOURCE_BYTE * largest if isinstance(largest, int) else 0)
        text = json.dumps(dict(settings), sort_keys=True, default=str)
        return cls(folder, generation, text, secret, limit)

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

    def seal(self, key: str, payload: bytes) -> bytes:
        """Return the bytes stored for ``payload`` under ``key``: header, authentication code, payload."""
        mac = hmac.new(self.secret, key.encode() + b"\0", hashlib.sha256)
        mac.update(payload)
        return MAGIC + mac.hexdigest().encode() + b"\n" + payload

    def _opened(self, key: str, blob: bytes) -> bytes | None:
        """Return the payload of ``blob`` if its header and authentication code check out for ``key``."""
        head = len(MAGIC) + DIGEST_LEN + 1
        if len(blob) < head or not blob.startswith(MAGIC) or blob[head - 1 : head] != b"\n":
            return None
        payload = blob[head:]
        return payload if hmac.compare_digest(self.seal(key, payload)[:head], blob[:head]) else None

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
        """Return (the entry's authenticated pickle or None, whether a damaged entry was found and removed).

        A worker hands the payload to the main process as it is: unpickling it there once is half the
        work of unpickling it in the worker and pickling it again to send it.
        """
        blob, unusable = read_regular(self._entry(key), self.max_entry_bytes)
        payload = None if blob is None else self._opened(key, blob)
        if payload is None and (unusable or blob is not None):
            self.discard(key)
            return None, True
        return payload, False

    def decode(self, payload: bytes, key: str) -> CachedFile | None:
        """Return the entry an authenticated payload holds, or None if it is not one of ours for ``key``."""
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
        try:
            try:
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            except FileNotFoundError:  # the shard's first entry (a mkdir per entry cost a tenth of storing)
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        except OSError:
            return payload  # an unwritable cache only costs speed
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(self.seal(entry.key, payload))
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return payload

    def prepare(self) -> None:
        """Create this generation's folder and remove other generations' entries (only files briefgen writes)."""
        with contextlib.suppress(OSError):
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        prune(self.root, self.generation)


class _ModelUnpickler(pickle.Unpickler):
    """An unpickler that builds only briefgen's own record classes (dataclasses and enums).

    The key already keeps out entries another user wrote; this also keeps out one written by
    whoever holds a copy of the key (a cache folder handed on), since a pickle can otherwise call
    any function it names.
    """

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("briefgen.") and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, Enum)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a briefgen record")


def load_record(payload: bytes) -> object:
    """Return the record an authenticated payload holds, building only briefgen's own record classes."""
    return _ModelUnpickler(io.BytesIO(payload)).load()


def _unpickle(payload: bytes, key: str) -> CachedFile | None:
    """Return the entry in an authenticated payload if its type and key check out."""
    try:
        entry = _ModelUnpickler(io.BytesIO(payload)).load()
    except Exception:  # an authenticated pickle of an older class layout can still fail: recompute
        return None
    if not isinstance(entry, CachedFile) or entry.key != key:
        return None
    from .analysis import SourceAnalysis  # loaded with a file's entry: a week read whole needs none

    if not all(isinstance(p, SourceAnalysis) for p in entry.parts):
        return None
    return entry

"""The cache's folder: which folder briefgen owns, its secret, safe reads, and pruning only its own files."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from pathlib import Path

KEY_NAME = "briefgen-cache.key"  # 0600 secret that authenticates entries; its presence marks the folder ours
KEY_BYTES = 32
SUBFOLDER = "briefgen-cache"  # used inside a folder that holds other files
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is briefgen's cache; delete it at will.\n"
IGNORE = "*\n"
# Names briefgen itself writes: generation folders, two-hex shards, entries and their temp files.
GENERATION = re.compile(r"v\d+-[0-9A-Za-z.+]+-[0-9a-f]{16}\Z")
_SHARD = re.compile(r"[0-9a-f]{2}\Z")
WHOLE_SUFFIX = ".whole"  # week_cache's entries: a whole week's analysis, or one rendered file
_ENTRY = re.compile(r"[0-9a-f]{64}\.(?:pickle|whole)\Z")
_TEMP = re.compile(r"\.[0-9A-Za-z_]+\.tmp\Z")  # tempfile.mkstemp(prefix=".", suffix=".tmp")
_KEY_TEMP = re.compile(re.escape(KEY_NAME) + r"\.[0-9a-f]+\.tmp\Z")
STALE_TEMP_SECONDS = 3600.0  # a temp file this old belongs to a build that was killed
_READ_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
)


class CacheUnusable(Exception):
    """The cache folder cannot be used safely; the build goes on without a cache."""


def read_regular(path: Path, limit: int) -> tuple[bytes | None, bool]:
    """Return (the bytes of ``path``, whether it was unusable): only a regular file of at most ``limit`` bytes.

    Opened without following a symlink and without blocking (a FIFO would hang a plain open), and
    checked with fstat on the open descriptor, so a swap between the check and the read is harmless.
    A missing file is (None, False); a symlink, FIFO, device, folder or oversized file is (None, True).
    """
    try:
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        return None, False
    except OSError:
        return None, True  # ELOOP: a symlink; EACCES, ENXIO ...: not an entry we can trust
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None, True
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # grew since fstat
            return None, True
        return b"".join(chunks), False
    except OSError:
        return None, True
    finally:
        os.close(fd)


def _load_key(root: Path) -> bytes | None:
    """Return the folder's secret if it is a regular file of ours that no one else can read or write."""
    data, _ = read_regular(root / KEY_NAME, KEY_BYTES)
    if data is None or len(data) != KEY_BYTES:
        return None
    info = os.lstat(root / KEY_NAME)
    if info.st_mode & 0o077 or (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
        return None
    return data


def _write_key(root: Path, *, replace: bool) -> bytes:
    """Write a new secret, created 0600; without ``replace``, keep one another build wrote first."""
    tmp = root / f"{KEY_NAME}.{secrets.token_hex(8)}.tmp"
    key = secrets.token_bytes(KEY_BYTES)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        if replace:
            os.replace(tmp, root / KEY_NAME)
            return key
        try:
            os.link(tmp, root / KEY_NAME)  # fails if another build made one meanwhile: use theirs
        except FileExistsError:
            theirs = _load_key(root)
            if theirs is None:
                raise CacheUnusable(f"{root}: {KEY_NAME} is not a valid key") from None
            return theirs
        return key
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _names(folder: Path) -> list[str]:
    return [n for n in os.listdir(folder) if not _KEY_TEMP.match(n)]


def _old_layout(folder: Path) -> bool:
    """Return whether ``folder`` holds nothing but what an earlier briefgen wrote (tag, .gitignore, generations)."""
    names = _names(folder)
    if "CACHEDIR.TAG" not in names:
        return False
    for name in names:
        path = folder / name
        if name in ("CACHEDIR.TAG", ".gitignore"):
            text, _ = read_regular(path, 4096)
            if text != (TAG if name == "CACHEDIR.TAG" else IGNORE).encode():
                return False
        elif not (GENERATION.match(name) and path.is_dir() and not path.is_symlink()):
            return False
    return True


def _take(folder: Path) -> bytes | None:
    """Return the secret of ``folder`` if briefgen owns it or may take it (new, empty, or an old cache)."""
    key_path = folder / KEY_NAME
    if os.path.lexists(key_path):
        if not stat.S_ISREG(os.lstat(key_path).st_mode):
            raise CacheUnusable(f"{key_path}: not a regular file; remove it or choose another --cache-dir")
        key = _load_key(folder)
        # Ours by its marker, but a key others could read or have written cannot vouch for entries.
        return key if key is not None else _write_key(folder, replace=True)
    try:
        folder.mkdir(mode=0o700, parents=True)
    except FileExistsError:
        names = _names(folder) if folder.is_dir() else None
        if names is not None and KEY_NAME in names:  # another build claimed it a moment ago: its key
            return _take(folder)  # comes before anything else it writes, so this listing shows it
        if names is None or (names and not _old_layout(folder)):
            return None  # someone else's folder: leave it alone
    key = _write_key(folder, replace=False)
    for name, text in (("CACHEDIR.TAG", TAG), (".gitignore", IGNORE)):
        with contextlib.suppress(FileExistsError):
            fd = os.open(
                folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644
            )
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
    return key


def claim(root: Path) -> tuple[Path, bytes]:
    """Return (the folder the cache uses, its secret) for the folder the user named.

    briefgen uses ``root`` itself when it created it, found it empty, or finds its own key there;
    a folder holding anything else is left untouched and the cache lives in ``root/briefgen-cache``.
    Raise CacheUnusable when neither can be used.
    """
    try:
        for folder in (root, root / SUBFOLDER):
            key = _take(folder)
            if key is not None:
                return folder, key
    except OSError as exc:
        raise CacheUnusable(
            f"{root}: cannot use it as a cache ({exc.strerror or exc}); choose a folder with --cache-dir, or --no-cache"
        ) from None
    raise CacheUnusable(
        f"{root}: holds other files, and so does {root / SUBFOLDER}; "
        "choose an empty or new folder with --cache-dir"
    )


def prune(folder: Path, keep: str) -> None:
    """Remove other generations' entries, and temp files left by killed builds; only names briefgen writes."""
    now = time.time()
    with contextlib.suppress(OSError):
        for gen in os.scandir(folder):
            if not (GENERATION.match(gen.name) and gen.is_dir(follow_symlinks=False)):
                continue
            old = gen.name != keep
            for shard in os.scandir(gen.path):
                if not (_SHARD.match(shard.name) and shard.is_dir(follow_symlinks=False)):
                    continue
                for entry in os.scandir(shard.path):
                    stale = _TEMP.match(entry.name) and _age(entry, now) > STALE_TEMP_SECONDS
                    if (old and _ENTRY.match(entry.name)) or stale:
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
                if old:
                    with contextlib.suppress(OSError):
                        os.rmdir(shard.path)  # only if empty: a file of someone else's stays
            if old:
                with contextlib.suppress(OSError):
                    os.rmdir(gen.path)


def _age(entry: os.DirEntry[str], now: float) -> float:
    try:
        return now - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return 0.0

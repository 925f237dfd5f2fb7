"""Write a build's files as one set: staged in a fresh folder, then switched in by one atomic rename.

The output folder's layout (README, "Output folder"):

    out/<stem>.<ext>        a relative link to .briefgen/current/<stem>.<ext>, made once per name
    out/.briefgen/current   a link to sets/<id>: the one rename that switches every file at once
    out/.briefgen/sets/<id> one build's complete set: its new files, plus the older files still linked
    out/.briefgen/lock      held while a build writes, so two builds never switch at the same time

Whatever kills a build, ``current`` names either the previous complete set or the new one; the next
build removes what an interrupted one left (staging folders, temporary links and files, dangling
links). The set that ``current`` left is kept until the next build, so a reader who resolved
``current`` once reads one whole set.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import RenderError

STORE = ".briefgen"
_LINK_PREFIX = f"{STORE}/current/"
# Temporary files earlier versions (and the fallback below) left beside their targets: ".<name>.<8>.tmp".
_STRAY_TMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


class InterruptedAfterSwitch(KeyboardInterrupt):
    """Ctrl-C arrived once the new set was in place: the message says what was written."""


def write_set(files: dict[Path, bytes], out_dir: Path) -> None:
    """Write ``files`` (all directly in ``out_dir``) as one set; raise RenderError and keep the old set."""
    names = _names(files, out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        store = out_dir / STORE
        (store / "sets").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{out_dir}: cannot create output folder: {exc.strerror or exc}") from None
    try:
        with _locked(store):
            clear_leftovers(out_dir)
            if not _links_work(store):
                _write_in_place(names, out_dir)
                return
            _adopt_plain_files(names, out_dir)
            _switch(names, out_dir)
    except OSError as exc:
        raise RenderError(
            f"{out_dir}: cannot write output: {exc.strerror or exc}; previous files kept"
        ) from None


def _names(files: dict[Path, bytes], out_dir: Path) -> dict[str, bytes]:
    """Return file name -> bytes; raise RenderError for a path that is not a plain name in ``out_dir``."""
    names: dict[str, bytes] = {}
    for path, data in files.items():
        name = path.name
        if os.path.normpath(path.parent) != os.path.normpath(out_dir) or name in ("", ".", "..", STORE):
            raise RenderError(f"{path}: output path leaves the output folder {out_dir}; check output_pattern")
        if name in names:
            raise RenderError(f"{path}: two outputs of this build have the same name; check output_pattern")
        names[name] = data
    return names


@contextlib.contextmanager
def _locked(store: Path) -> Iterator[None]:
    """Hold the output folder's lock (where the platform has one)."""
    fd = os.open(store / "lock", os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory locks; builds should not overlap
            yield
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _current(store: Path) -> Path | None:
    """Return the folder of the current set, or None before the first build."""
    try:
        target = os.readlink(store / "current")
    except OSError:
        return None
    folder = store / target
    return folder if folder.is_dir() else None


def _ours(link: Path) -> bool:
    """Return whether ``link`` is one of our per-name links into the current set."""
    try:
        return os.readlink(link).startswith(_LINK_PREFIX)
    except OSError:
        return False


def clear_leftovers(out_dir: Path) -> list[str]:
    """Remove what interrupted builds left in ``out_dir``; return the names removed."""
    store = out_dir / STORE
    removed: list[str] = []
    current = _current(store)
    sets = store / "sets"
    if sets.is_dir():
        for entry in sets.iterdir():
            if current is None or entry.name != current.name:
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(f"{STORE}/sets/{entry.name}")
    if store.is_dir():
        for entry in store.iterdir():
            if entry.name.endswith(".tmp"):
                entry.unlink(missing_ok=True)
                removed.append(f"{STORE}/{entry.name}")
    for entry in out_dir.iterdir():
        stray = _STRAY_TMP.match(entry.name) and entry.is_file() and not entry.is_symlink()
        dangling = entry.is_symlink() and _ours(entry) and not entry.exists()
        if stray or dangling:
            entry.unlink(missing_ok=True)
            removed.append(entry.name)
    return removed


def _links_work(store: Path) -> bool:
    """Return whether this file system holds symbolic links (not so on FAT, or Windows without rights)."""
    probe = store / f"probe.{os.getpid()}.tmp"
    try:
        os.symlink("sets", probe)
    except (OSError, NotImplementedError):
        return False
    probe.unlink()
    return True


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_file(path: Path, data: bytes, like: Path | None) -> None:
    """Write ``path`` (new); its mode is that of ``like`` when it exists, else what the umask allows."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if like is not None:
            with contextlib.suppress(OSError):
                os.fchmod(fd, os.stat(like).st_mode & 0o7777)
        with os.fdopen(fd, "wb", closefd=False) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        os.close(fd)


def _link_or_copy(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def _new_set(store: Path) -> Path:
    """Return a fresh, empty set folder whose mode follows the umask (mkdtemp makes it private)."""
    folder = Path(tempfile.mkdtemp(dir=store / "sets", prefix="build-"))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask)
    return folder


def _point_current(store: Path, folder: Path) -> None:
    """Switch ``current`` to ``folder`` with one rename (the commit point of a build)."""
    tmp = store / f"current.{folder.name}.tmp"
    os.symlink(f"sets/{folder.name}", tmp)
    os.replace(tmp, store / "current")


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back Ctrl-C and SIGTERM for a moment (main thread, POSIX); they are delivered afterwards."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError, OSError):  # no signal masks here: the rename is atomic anyway
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _adopt_plain_files(names: dict[str, bytes], out_dir: Path) -> None:
    """Bring plain files at this build's names (from older versions) into the current set, as links.

    The content a reader sees does not change: each file is linked into the set first, then its name
    in ``out_dir`` becomes a link to that same content.
    """
    plain = [n for n in names if (out_dir / n).is_file() and not (out_dir / n).is_symlink()]
    if not plain:
        return
    store = out_dir / STORE
    current = _current(store)
    if current is None:
        current = _new_set(store)
        _fsync_dir(current)
        _point_current(store, current)
        _fsync_dir(store)
    for name in plain:
        tmp = current / f".{name}.adopt.tmp"
        _link_or_copy(out_dir / name, tmp)
        os.replace(tmp, current / name)
        link_tmp = out_dir / f".{name}.{secrets.token_hex(4)}.tmp"
        os.symlink(_LINK_PREFIX + name, link_tmp)
        os.replace(link_tmp, out_dir / name)


def _switch(names: dict[str, bytes], out_dir: Path) -> None:
    """Stage the new set beside the current one, link new names, then switch ``current`` to it."""
    store = out_dir / STORE
    current = _current(store)
    staged = _new_set(store)
    switched = False
    try:
        for name, data in names.items():
            _write_file(staged / name, data, out_dir / name if (out_dir / name).exists() else None)
        if current is not None:
            # Older files whose names are still linked carry over, so last week's briefs stay readable.
            for entry in current.iterdir():
                if entry.name not in names and _ours(out_dir / entry.name):
                    _link_or_copy(entry, staged / entry.name)
        _fsync_dir(staged)
        for name in names:
            link = out_dir / name
            if not link.is_symlink():
                if link.exists():
                    raise RenderError(f"{link}: is in the way of an output file; move it")
                os.symlink(_LINK_PREFIX + name, link)  # dangles until the switch: no mixed set is visible
        _fsync_dir(out_dir)
        with _signals_held():  # Ctrl-C waits for the switch, so the message below can tell the truth
            _point_current(store, staged)
            switched = True
        _fsync_dir(store)
    except KeyboardInterrupt:
        if not switched:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        raise InterruptedAfterSwitch(
            f"briefgen: interrupted after the new set of {len(names)} file(s) was written to {out_dir}"
        ) from None
    except BaseException:
        if not switched:
            shutil.rmtree(staged, ignore_errors=True)
        raise


def _write_in_place(names: dict[str, bytes], out_dir: Path) -> None:
    """Fallback without links: each file renamed over its target (the set does not switch as one)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in names.items():
            target = out_dir / name
            tmp = out_dir / f".{name}.{secrets.token_hex(4)}.tmp"
            staged.append((tmp, target))
            _write_file(tmp, data, target if target.exists() else None)
        with _signals_held():
            for tmp, target in staged:
                os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)

"""Process lifetime: workers die with the build that started them, and SIGTERM stops a build like Ctrl-C."""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import NoReturn

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_SECONDS = 0.25  # how often a worker without prctl checks that its parent lives


class Terminated(KeyboardInterrupt):
    """The build was sent SIGTERM: stopped and cleaned up exactly as after Ctrl-C."""


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM


def exit_status(exc: KeyboardInterrupt) -> int:
    """Return the exit status for a build stopped by ``exc``."""
    return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED


def exit_now(status: int) -> NoReturn:
    """End this process at once with ``status``, after flushing what it printed.

    After Ctrl-C or SIGTERM every ``finally`` has run (temp files are gone) and the message is out;
    a normal exit would then wait for the process pools' threads, which wait for workers that are
    finishing a chunk (or, with a worker killed mid-message, wait for ever). The workers die with
    this process.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)


def finish(status: int) -> NoReturn:
    """End a command that finished with ``status``: exit handlers run and output is flushed as in a normal
    exit, but the objects left are not freed one by one.

    A build holds the week's analysis, millions of objects read from the cache; freeing them at exit
    took a tenth of a second, a sixth of a build after an edit. The operating system takes the memory back.
    """
    atexit._run_exitfuncs()
    exit_now(status)


# Modules whose code must not be cut short: logging takes a lock before a fork and releases it in
# a hook after it, and an exception raised inside that hook left the lock held (a later import that
# logs then hung the build).
_UNINTERRUPTIBLE = frozenset({"logging"})
_REDELIVER_SECONDS = 0.02


def _stop(signum: int, frame: FrameType | None) -> None:
    """Raise KeyboardInterrupt (Terminated for SIGTERM) in the main thread, unless that is unsafe now."""
    if frame is not None and frame.f_globals.get("__name__") in _UNINTERRUPTIBLE:
        # Ask again in a moment, when the main thread has left that code.
        timer = threading.Timer(_REDELIVER_SECONDS, signal.raise_signal, (signum,))
        timer.daemon = True
        timer.start()
        return
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While inside, SIGTERM stops the program as Ctrl-C does (Terminated, a KeyboardInterrupt); restored after."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def start_worker(parent: int, collect: bool) -> None:
    """Set up a worker process: die with ``parent``, leave stopping to it, collect cycles or not.

    A worker that outlived a killed build kept its stdout open, so a pipe or ``make`` reading the
    build's output hung. On Linux the kernel kills the worker when its parent dies (PR_SET_PDEATHSIG);
    elsewhere a thread watches the parent's pid. Ctrl-C and SIGTERM go to the main process, which
    stops the workers itself, so they neither print tracebacks nor run the main process's handler.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not _kill_me_with_parent():
        threading.Thread(target=_watch, args=(parent,), name="briefgen-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the kernel was asked to tell us
        os._exit(1)
    if collect:
        gc.enable()
    else:
        gc.disable()


def _kill_me_with_parent() -> bool:
    """Return whether the kernel will SIGKILL this process when its parent dies (Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # only in workers: the command line starts without it

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)

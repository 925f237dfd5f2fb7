"""`briefgen review`: a local web page to finish the week's brief; it writes only the edits file."""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import archive
from ..config import load_config
from ..edits import edits_path, load_edits
from ..errors import ConfigError
from ..pipeline import BuildReport, analyse_week, open_cache
from ..progress import Progress
from ..workers import default_jobs
from .session import ReviewSession

HOST = "127.0.0.1"  # never another interface: the page can change the week's brief


@contextmanager
def week_lock(edits_file: Path) -> Iterator[None]:
    """Hold the one review of a week's edits file; a second review is refused while it runs.

    The lock file lives in the system's temporary folder, keyed by the edits file's path, so the
    review writes nothing into the project but the edits file itself.
    """
    digest = hashlib.sha256(str(edits_file.resolve()).encode()).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"briefgen-review-{digest}.lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ConfigError(
                f"{edits_file}: another review of this week is running; use its page or stop it first (Ctrl-C)"
            ) from None
        yield
    finally:
        os.close(fd)


def open_session(
    config_path: str | Path,
    *,
    as_of: str | None = None,
    edits: str | Path | None = None,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> ReviewSession:
    """Return a session on the week: the config, the analysed sources and the edits file (validated)."""
    config = load_config(config_path)
    brief_date = config.resolve_as_of(as_of)
    path = Path(edits) if edits is not None else edits_path(config, brief_date)
    load_edits(path, config)  # a malformed file is reported now, before the sources are read
    report = BuildReport(jobs=max(1, jobs or default_jobs()))
    analysis = analyse_week(
        config, brief_date, report, cache=open_cache(config, report, cache_dir, use_cache), progress=progress
    )
    session = ReviewSession.open(config, brief_date, analysis, path)
    # As build composes: with the audiences' earlier weeks from the archive (read only; never written here).
    audiences = [a.id for a in config.audiences]
    session.histories = archive.read(config.root / config.archive, audiences, brief_date, config.repeat_weeks)
    return session


def serve(session: ReviewSession, port: int, on_ready: Callable[[str], None]) -> None:
    """Serve the review page on 127.0.0.1 until Ctrl-C; ``on_ready`` gets its address."""
    from werkzeug.serving import make_server

    from .app import create_app

    with week_lock(session.path):
        server = make_server(HOST, port, create_app(session, port or 0), threaded=True)
        real_port = server.socket.getsockname()[1]
        if not port:  # the app checks the Host header against the port it really listens on
            server.app = create_app(session, real_port)
        try:
            on_ready(f"http://{HOST}:{real_port}/")
            server.serve_forever()
        except KeyboardInterrupt:
            pass  # Ctrl-C is how a review ends: every edit is already in the file
        finally:
            server.server_close()

"""Read PDF sources: what pypdf logs about a file becomes briefgen warnings naming that file.

pypdf reports repairs ("incorrect startxref pointer", "EOF marker not found") through the
``logging`` module; with no handler set, Python prints them bare on stderr, with no file name.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import SourceError

MAX_LOGGED = 5  # lines per file; the rest are counted


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        if message and message not in self.messages:
            self.messages.append(message)


@contextmanager
def pypdf_logs(path: Path, warnings: list[str]) -> Iterator[None]:
    """Collect what pypdf logs while the block runs into ``warnings`` (or the SourceError it raises)."""
    logger = logging.getLogger("pypdf")
    handler = _Collect()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    lines: list[str] = []
    try:
        yield
    except SourceError as exc:
        if handler.messages and exc.problems:  # one line per skipped file, pypdf's words in it
            exc.problems[-1] += f" (pypdf: {'; '.join(handler.messages[:MAX_LOGGED])})"
        raise
    else:
        lines = _lines(path, handler.messages)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    warnings.extend(lines)


def _lines(path: Path, messages: list[str]) -> list[str]:
    lines = [f"{path}: PDF: pypdf repaired the file: {m}" for m in messages[:MAX_LOGGED]]
    if len(messages) > MAX_LOGGED:
        lines.append(f"{path}: PDF: {len(messages) - MAX_LOGGED} more problem(s) of this kind")
    return lines

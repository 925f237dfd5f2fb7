"""Select the week's sources: those dated within the config's window, each article read once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..model import SourceNote
from .duplicates import dedupe
from .window import period_text, select_window

if TYPE_CHECKING:  # analysis imports this package's fingerprints: no import at run time
    from ..analysis import SourceAnalysis


def _file_time(path: Path) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def select_week(
    parts: list[SourceAnalysis], config: Config, as_of: str
) -> tuple[list[SourceAnalysis], tuple[SourceNote, ...], str | None]:
    """Return the parts inside the config's window, read once each, the notes on what was left out, and the period."""
    sources = [p.source for p in parts]
    excluded: list[SourceNote] = []
    period = None
    if config.window_days:
        times = {s.path: t for s in sources if (t := _file_time(config.root / s.path)) is not None}
        sources, left_out = select_window(sources, as_of, config.window_days, times)
        period = period_text(as_of, config.window_days)
        excluded += [SourceNote(s.path, s.genre, 0, used=f"Left out: {why}.") for s, why in left_out]
    prints = {id(p.source): p.fingerprint for p in parts}
    sources, duplicates = dedupe(sources, [prints[id(s)] for s in sources])
    excluded += [
        SourceNote(dropped, None, 0, used=f"Left out: the same article as {kept}; read once.")
        for kept, dropped in duplicates
    ]
    keep = {id(s) for s in sources}
    return [p for p in parts if id(p.source) in keep], tuple(excluded), period

"""Analyse read sources: ``analyse_source`` for each source alone, then ``analyse_across`` for the week.

The steps live in ``steps.py``; this package loads them on first use, so a build whose whole week comes
from the cache (an editor's rebuild) and the modules compose borrows from here (``standalone``,
``themes``) do not import the analysis's several hundred regular expressions.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .steps import (
        Names,
        SourceAnalysis,
        analyse_across,
        analyse_events,
        analyse_names,
        analyse_source,
        analyse_sources,
    )

__all__ = [
    "Names",
    "SourceAnalysis",
    "analyse_across",
    "analyse_events",
    "analyse_names",
    "analyse_source",
    "analyse_sources",
]


def __getattr__(name: str) -> Any:
    """Return a step from ``steps.py``, importing it on first use (PEP 562)."""
    if name in __all__:
        return getattr(importlib.import_module(".steps", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

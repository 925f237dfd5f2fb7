"""Extractive theme summaries and the bottom line up front (placeholder)."""

from __future__ import annotations

from ..model import Extract, Quote, Sentence, Source, Theme, ThemeSummary


def summarize_themes(
    sources: tuple[Source, ...], sentences: dict[str, tuple[Sentence, ...]], themes: tuple[Theme, ...],
    quotes: tuple[Quote, ...],
) -> tuple[ThemeSummary, ...]:
    """Return one ranked summary per theme."""
    return tuple(ThemeSummary(theme=t, extracts=()) for t in themes)


def summarize_bluf(
    sources: tuple[Source, ...], sentences: dict[str, tuple[Sentence, ...]], summaries: tuple[ThemeSummary, ...]
) -> tuple[Extract, ...]:
    """Return the sentences that carry the week, best first."""
    return ()


def summarize_document(source: Source, n: int) -> tuple[Sentence, ...]:
    """Return the ``n`` best sentences of one document, in document order."""
    return ()

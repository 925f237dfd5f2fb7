"""Find direct quotations and their speakers (placeholder: replaced by the quote-attribution work)."""

from __future__ import annotations

from ..model import Quote, Source


def find_quotes(source: Source) -> tuple[Quote, ...]:
    """Return the quotations of a source, in reading order."""
    return ()

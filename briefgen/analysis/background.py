"""Background: sentences that report a year before the week's reading, labelled as such in a brief."""

from __future__ import annotations

import re

BACKGROUND_LABEL = "[Background] "
# "in 2004", "in July 2004", "during 1998", "back in early 2001": a time adverbial naming a year.
_DATED = re.compile(
    r"\b(?:in|during|on|by|until|back in)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d{2})\b(?!-)"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def is_background(text: str, year: int) -> bool:
    """Return whether a sentence of a text written in ``year`` reports an earlier year ("in 2004")."""
    # "the deadliest since the bombing in 1988": a comparison with that year, not a report of it.
    dated = [
        int(m.group(1))
        for m in _DATED.finditer(text)
        if "since " not in text[max(0, m.start() - 50) : m.start()]
    ]
    if not dated or max(dated) >= year:
        return False
    return all(int(y) < year for y in _YEAR.findall(text))

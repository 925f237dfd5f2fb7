"""Name the day a source's "yesterday", "today" or "tomorrow" means, as a bracketed insertion.

A brief is read days or weeks after its sources were written: "was today sentenced" from a report of
2 June 2006 reads as the brief's own day. The day is given in square brackets after the word
("was today [2 June 2006] sentenced"), an insertion the verbatim check accepts.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_SHIFT = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
# "yesterday" and "tomorrow" always name a day; "today" does beside a verb of the news ("was today
# sentenced", "announced today"), not as "nowadays" ("Today, Russia dominates ...", "that today are absent").
_DAY_WORD = re.compile(
    r"\b(?P<near>yesterday|tomorrow|tonight)(?:[\u2019']s)?\b"
    r"|\b(?:was|were|has|have|had|said|says|[a-z]{3,}ed)\s+(?P<after>today)\b"
    r"|\b(?P<before>today)(?=\s+(?:said|says|announced|[a-z]{3,}ed)\b)",
    re.I,
)


def name_writing_day(text: str, written: str | None) -> str:
    """Return ``text`` with the day each "yesterday", "today" or "tomorrow" means named after it in
    square brackets, counted from the day the source was ``written`` (YYYY-MM-DD); unchanged without one."""
    if not written or len(written) != 10 or not _DAY_WORD.search(text):
        return text
    try:
        day = date.fromisoformat(written)
    except ValueError:
        return text
    out: list[str] = []
    at = 0
    for m in _DAY_WORD.finditer(text):
        word = m.group("near") or m.group("after") or m.group("before")
        then = day + timedelta(days=_SHIFT[word.lower()])
        out += [text[at : m.end()], f" [{then.day} {then.strftime('%B')} {then.year}]"]  # after "yesterday's"
        at = m.end()
    return "".join(out) + text[at:]

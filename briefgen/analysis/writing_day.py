"""Name the day a source's "yesterday", "today" or "tomorrow" means, as a bracketed insertion.

A brief is read days or weeks after its sources were written: "was today sentenced" from a report of
2 June 2006 reads as the brief's own day. The day is given in square brackets after the word
("was today [2 June 2006] sentenced"), an insertion the verbatim check accepts.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_SHIFT = {
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
}
# Past forms a report tells its day's news with ("Gore spoke today in Oslo").
_PAST = (
    "spoke|met|said|says|told|gave|took|made|went|came|left|began|won|lost|held|sent|wrote|rose|fell|"
    "struck|ran|saw|became|broke|sold|found|flew|led|was|were|has|have|had|[a-z]{3,}ed"
)
# "yesterday", "tomorrow" and a part of the day always name a day; "today" does beside a verb of the
# news ("was today sentenced", "spoke today", "announced today") or a clock time ("at 15:30 today"),
# not as "nowadays" ("Today, Russia dominates ...", "that today are absent").
_DAY_WORD = re.compile(
    r"\b(?P<near>yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))(?:[\u2019']s)?\b"
    rf"|\b(?:{_PAST}|\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?)\s+(?P<after>today)\b"
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

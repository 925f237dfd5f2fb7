"""Near-identical sentences by their figures: two reports of the same numbers are one fact."""

from __future__ import annotations

import re
from functools import lru_cache

SHARED = 2  # figures two sentences must share to report the same fact

_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if i > 1
}
_NUMBER = re.compile(
    r"\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(list(_UNITS)[1:10]) + r"))?\b",
    re.I,
)


@lru_cache(maxsize=1 << 14)
def figures(text: str) -> frozenset[float]:
    """Return the numbers of ``text`` worth comparing: 10 and more, not years ("Fifty-two" is 52)."""
    out = set()
    for m in _NUMBER.finditer(text):
        word = m.group(0).lower()
        if word[0].isdigit():
            value = float(word.replace(",", ""))
        else:
            tens, _, unit = word.partition("-")
            value = float(_TENS[tens] + _UNITS.get(unit, 0))
        if value >= 10 and not (1900 <= value <= 2100 and value.is_integer()):
            out.add(value)
    return frozenset(out)


def same_figures(a: str, b: str) -> bool:
    """Return whether two sentences report the same figures ("52 people died, 700 were injured")."""
    fa = figures(a)
    return len(fa) >= SHARED and len(fa & figures(b)) >= SHARED


_CONTENT = re.compile(r"[a-z]{5,}")
_COMMON = frozenset(
    [
        "about",
        "after",
        "again",
        "against",
        "their",
        "there",
        "these",
        "those",
        "which",
        "while",
        "would",
        "could",
        "should",
        "where",
        "being",
        "other",
        "since",
        "until",
        "under",
        "still",
        "first",
        "years",
        "today",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "said",
        "says",
        "according",
    ]
)


def repeats(a: str, b: str) -> bool:
    """Return whether ``a`` tells again what ``b`` told: the same two figures, or one figure and two
    content words ("52 people were killed ..." / "Fifty-two people were killed ..."). For choosing
    what to show next, never for merging citations: a false match only skips a sentence."""
    if same_figures(a, b):
        return True
    if figures(a).isdisjoint(figures(b)):
        return False
    words_a = set(_CONTENT.findall(a.lower())) - _COMMON
    return len(words_a & set(_CONTENT.findall(b.lower()))) >= 2

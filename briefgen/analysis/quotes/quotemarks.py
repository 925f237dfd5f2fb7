"""Quote finding: pair quotation marks within a paragraph and mask quoted text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two apostrophes or backticks stand for a double mark in some wire copy (''like this''). The pattern is
# ''|``|[\u201c\u201d\u201e\u00ab\u00bb"], written to open with one character class (a second ' or ` must
# follow those two): a pattern that opens with a class lets the regex engine skip other text fast.
DOUBLE = re.compile(
    r"[\u201c\u201d\u201e\u00ab\u00bb\"'`](?:(?<=')'|(?<=`)`|(?<=[\u201c\u201d\u201e\u00ab\u00bb\"]))"
)
SINGLE = re.compile(r"[\u2018\u2019']")
_OPEN_CONTEXT = " \t\n([{\u2014\u2013-/\u201c\"'\u2018"

_NON_SPACE = re.compile(r"\S")


@dataclass(slots=True)
class Span:
    """Offsets of the text between two marks, and of the marks themselves (-1 when missing)."""

    start: int
    end: int
    open_mark: int
    close_mark: int
    flags: tuple[str, ...] = ()


def _is_openish(text: str, i: int, j: int) -> bool:
    """Return whether the mark text[i:j] stands where an opening mark stands (after space, before a word)."""
    prev = text[i - 1] if i else " "
    nxt = text[j] if j < len(text) else " "
    return prev in _OPEN_CONTEXT and not nxt.isspace()


def _is_closeish(text: str, i: int, j: int) -> bool:
    """Return whether the mark text[i:j] stands where a closing mark stands (after a word, before space)."""
    prev = text[i - 1] if i else " "
    nxt = text[j] if j < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or not nxt.isalnum())


def double_spans(text: str) -> tuple[list[Span], list[int]]:
    """Return the double-quoted spans of a paragraph and the positions of stray closing marks."""
    spans: list[Span] = []
    strays: list[int] = []
    open_at, open_end = -1, -1
    for m in DOUBLE.finditer(text):
        i, j = m.start(), m.end()
        c = m.group(0)
        if c in "\u201c\u201e\u00ab``":
            role = "open"
        elif c in "\u201d\u00bb":
            role = "close"
        else:
            opens, closes = _is_openish(text, i, j), _is_closeish(text, i, j)
            # Context decides a straight mark; when it cannot, the pairing state does.
            role = (
                ("open" if opens else "close") if opens != closes else ("close" if open_at >= 0 else "open")
            )
        if open_at < 0:
            if role == "open":
                open_at, open_end = i, j
            else:
                strays.append(i)
        elif role == "close":
            spans.append(Span(open_end, i, open_at, i))
            open_at = -1
        else:
            # A second opening mark before any close: the first quote was left unclosed.
            end = len(text[:i].rstrip())
            if end > open_end:
                spans.append(Span(open_end, end, open_at, -1, ("unclosed",)))
            open_at, open_end = i, j
    if open_at >= 0:
        end = len(text.rstrip())
        if end > open_end:
            spans.append(Span(open_end, end, open_at, -1, ("unclosed",)))
    return spans, strays


def single_spans(text: str, doubles: list[Span]) -> list[Span]:
    """Return single-quoted spans outside double quotes; marks between letters are apostrophes."""
    inside = [(s.open_mark, s.close_mark + 1 if s.close_mark >= 0 else s.end) for s in doubles]
    spans: list[Span] = []
    open_at = -1
    k = 0
    for m in SINGLE.finditer(text):
        i = m.start()
        while k < len(inside) and inside[k][1] < i:
            k += 1
        if k < len(inside) and inside[k][0] <= i <= inside[k][1]:
            continue  # nested in a double quote: part of that quote
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe: "don’t", "Belarus’s"
        if open_at < 0:
            if text[i] != "\u2019" and _is_openish(text, i, i + 1) and nxt.isalpha():
                open_at = i
        elif text[i] != "\u2018" and _is_closeish(text, i, i + 1) and prev not in " s":
            spans.append(Span(open_at + 1, i, open_at, i))
            open_at = -1
        elif text[i] != "\u2018" and _is_closeish(text, i, i + 1) and prev == "s" and not nxt.isalpha():
            # "the voters’ choice" keeps its apostrophe; a closing mark ends with punctuation or space.
            spans.append(Span(open_at + 1, i, open_at, i))
            open_at = -1
    return spans


def mask(text: str, spans: list[Span]) -> str:
    """Return the paragraph with quoted text blanked, so cue search never reads inside a quote."""
    parts: list[str] = []
    pos = 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start < pos:
            continue
        parts.append(text[pos : s.start])
        parts.append(_NON_SPACE.sub("_", text[s.start : s.end]))
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


# A sentence end glued to the next sentence by a closing mark with no space: "I love them!”Former ...".
_GLUED = re.compile(r"[.!?][\u201d\"](?=[A-Z][a-z])")


def split_glued(sentences: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Return the sentence spans, also split where a closing mark ends a sentence with no space after it."""
    cuts = [m.end() for m in _GLUED.finditer(text)]
    if not cuts:
        return sentences
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        for cut in cuts:
            if start < cut < end:
                out.append((start, cut))
                start = cut
        out.append((start, end))
    return out

"""Quote classification: a remark (statement) or a scare-quoted word, phrase or title (phrase)."""

from __future__ import annotations

import re
from typing import Protocol

from ..words import CUE_VERBS, word_set
from .quotemarks import Span
from .uncued import QuoteContext

# A run of title-case words: a title or a name ("Face the Nation", "Lyin' Ted", "Global South").
TITLE_CASE = re.compile(
    r"[A-Z][\w\u2019'\-]*(?:\s+(?:[A-Z0-9][\w\u2019'\-]*|a|an|the|of|in|on|to|for|and|or|is|at|by))*"
)
_SHORT_WORDS = re.compile(r"[\w\u2019'\-]+")
_CUE_WORDS = frozenset(v for v in CUE_VERBS if " " not in v)
_CUE_PHRASES = tuple(v for v in CUE_VERBS if " " in v)
# Nouns that report speech or writing: "his claim that people would “learn nothing”".
_SPEECH_NOUNS = word_set("claim claims promise pledge vow statement remark remarks words message letter")


class Attributed(Protocol):
    """What the classifier needs of an attribution: whether its cue stands right by the quote."""

    adjacent: bool


def is_statement(text: str, attribution: Attributed | None, span: Span, pq: QuoteContext) -> bool:
    """Return whether a quote is a remark (statement) rather than a scare-quoted phrase."""
    words = len(_SHORT_WORDS.findall(text))
    if words == 0:
        return False
    if words <= 6 and TITLE_CASE.fullmatch(text.strip(" ,.!?")):
        return False  # a title or a name ("Face the Nation", "Lyin' Ted"), however it is introduced
    adjacent = attribution is not None and attribution.adjacent
    if adjacent or "missing-opening-mark" in span.flags:
        return True
    if attribution is None and _woven_in(text, span, pq):
        return False
    if words >= 8:
        return True
    if words >= 5 and attribution is not None:
        return True
    # A quote standing as its own sentence ending in punctuation: “We will not back down.”
    start = pq.sentence_of(span.open_mark if span.open_mark >= 0 else span.start)[0]
    own_sentence = pq.masked[start : max(start, span.open_mark)].strip() == ""
    return own_sentence and words >= 3 and text.rstrip()[-1:] in ".!?,"


def _woven_in(text: str, span: Span, pq: QuoteContext) -> bool:
    """Return whether an uncued quote is words the writer weaves into their own sentence.

    Opening in lower case after words of the same sentence that introduce no speech (no colon), it
    quotes a charge, a law or a document's wording ("charged with actions “likely to produce
    death”"), not a remark anyone made: a phrase, however long.
    """
    first = text.lstrip(" \"'‘“")[:1]
    if not first.islower():
        return False
    mark = span.open_mark if span.open_mark >= 0 else span.start
    start = pq.sentence_of(mark)[0]
    before = pq.masked[start:mark].rstrip()
    if not before or before.endswith((":", ",")) or not before[-1:].isalpha():
        return False
    lowered = f" {before.lower()} "
    said = set(_SHORT_WORDS.findall(lowered)) & (_CUE_WORDS | _SPEECH_NOUNS)
    return not said and not any(f" {cue} " in lowered for cue in _CUE_PHRASES)

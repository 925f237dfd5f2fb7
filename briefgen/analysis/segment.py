"""Split paragraphs into sentences, surviving abbreviations ("U.S.", "St.", "no. 985"), quotes and dashes."""

from __future__ import annotations

import functools
import re

from ..model import Cite, Sentence, Source

# Words that end with a period but do not end a sentence when followed by a capital or digit.
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "cmdr",
    "sgt",
    "adm",
    "pres",
    "rev",
    "hon",
    "jr",
    "sr",
    "mt",
    "ft",
    "no",
    "nos",
    "vol",
    "vols",
    "pp",
    "p",
    "fig",
    "art",
    "sec",
    "ch",
    "para",
    "op",
    "cf",
    "vs",
    "v",
    "etc",
    "approx",
    "est",
    "dept",
    "univ",
    "assn",
    "bros",
    "inc",
    "corp",
    "co",
    "ltd",
    "plc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "e.g",
    "i.e",
    "al",
    "ca",
    "mln",
    "bln",
    "tn",
}
# After these, a following number is part of the same sentence ("no. 985", "p. 4").
_NUMBERED = {"no", "nos", "vol", "vols", "pp", "p", "fig", "art", "sec", "ch", "para", "op"}
# Sentence starters that make "U.S." or an initial end a sentence when they follow it.
_STARTERS = {
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "Yet",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "As",
    "For",
    "If",
    "When",
    "While",
    "Meanwhile",
    "However",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "After",
    "Before",
    "Since",
    "So",
    "Still",
    "Now",
    "Then",
    "Some",
    "Many",
}

_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_OPENERS = "\"'\u201c\u2018([\u00ab"
# A candidate end: terminal punctuation, optional closing marks, white space, then a plausible start.
# The run of punctuation is matched from its first mark only (a match cannot start inside a run where
# it failed at the run's start): opening with a single character class lets the regex engine skip
# every other position quickly.
_BOUNDARY = re.compile(
    r"([.!?\u2026](?<![.!?\u2026]{2})[.!?\u2026]*)(["
    + re.escape(_CLOSERS)
    + r"]*)(\s+)(?=["
    + re.escape(_OPENERS)
    + r"]*[A-Z0-9\u0400-\u042f])"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)$")
_NEXT_WORD = re.compile(r"[\"'\u201c\u2018(\[]*([\w\u2019']+)")
# How far back the word before a period is looked for: longer than any word, short enough that a long
# paragraph is not rescanned from its start at every period.
_LOOK_BACK = 100


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    """Return whether the candidate boundary really ends a sentence."""
    punct, closers = match.group(1), match.group(2)
    if punct != "." or closers:
        return True  # "?", "!" and a period inside closing quotes end sentences
    end = match.start(1)
    start = max(0, end - _LOOK_BACK)
    # The word holds no space: searching from the last space before it finds the same match sooner.
    start = max(start, text.rfind(" ", start, end) + 1)
    before = _WORD_BEFORE.search(text, start, end)
    if not before:
        return True
    word = before.group(1)
    low = word.lower().rstrip(".")
    next_word = _NEXT_WORD.match(text, match.end())
    nxt = next_word.group(1) if next_word else ""
    if low in _NUMBERED:
        return not nxt[:1].isdigit()
    if low in _TITLES:
        return False
    if "." in word or (len(word) == 1 and word.isupper()):
        # "U.S.", "E.U.", an initial "J.": a boundary only before a typical sentence opener.
        return nxt in _STARTERS
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``, trimmed of surrounding white space."""
    return list(_spans(text))


# Quotes, entities and notes each split the same paragraphs again; remembering the last few thousand
# paragraphs saves that work (about a tenth of per-source analysis time).
@functools.lru_cache(maxsize=4096)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _is_boundary(text, m):
            end = m.start(3)
            if text[start:end].strip():
                spans.append((start, end))
            start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    out = []
    for s, e in _bounded(text, spans):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return tuple(out)


MAX_SENTENCE = 1_500  # characters; a run-on "sentence" is cut at white space so analysis stays linear


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return spans with any longer than MAX_SENTENCE cut at white space."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > MAX_SENTENCE:
            cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
            cut = cut if cut > s else s + MAX_SENTENCE
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def split_text(text: str) -> list[str]:
    """Return the sentences of ``text``."""
    return [text[s:e] for s, e in sentence_spans(text)]


def split_sentences(source: Source) -> tuple[Sentence, ...]:
    """Return every sentence of a source with its paragraph cite and offsets."""
    out: list[Sentence] = []
    for para in source.paragraphs:
        cite = Cite(source.id, para.n)  # one object per paragraph: pickles (cache, workers) store it once
        for s, e in sentence_spans(para.text):
            out.append(Sentence(para.text[s:e], cite, s, e, len(out)))
    return tuple(out)

"""Say what a dated event is in a few words of its own sentence, for the timeline chart."""

from __future__ import annotations

import re

from .gazetteer import words_set

MAX_WORDS = 6
_BREAK = re.compile(r",(?!\d{3})|[;:()\u2013\u2014]|\s-\s")  # not the comma of "200,000"
_WORD = re.compile(r"\S+")
# Words that open a clause without saying what happened ("However, ...", "In late August ...").
_LEAD = words_set(
    """however but and or yet so then meanwhile moreover also still thus instead indeed reportedly possibly
    finally later earlier initially ultimately nevertheless nonetheless furthermore additionally in on at by
    during since as after before following from until amid despite when while although though
    last next this early late mid several many some other such both each every all few with"""
)
# Words a label should not end on: it would read as cut off mid-phrase.
_TAIL = words_set(
    "to the a an of in on at by for from with and or but as that which who only had has have was were is are been"
)
_PREPOSITION_START = words_set("in on at by during since as after before following from until amid despite")
_EDGE = "\"'\u201c\u201d\u2018\u2019*([)]"
# A clause inside the date's clause starts after one of these: "... after North Korean troops came ...".
_OPENER = re.compile(r"\b(after|when|while|because|that|which|who|whereby|where|as)\s+", re.I)
_CLAUSE_WORDS = frozenset(["after", "when", "while", "because", "which", "who", "whereby", "where"])
_APPOSITIVE_START = re.compile(r"^(?:[a-z]+(?:ed|ing|en)|which|who|whose|where)$")


def _words(text: str) -> list[str]:
    """Return the words of ``text`` without quote marks and brackets at their edges; a lone full stop or
    dash is no word (". 12,000 donors gave" after a sentence break the splitter missed)."""
    return [w for w in (w.strip(_EDGE) for w in _WORD.findall(text)) if any(c.isalnum() for c in w)]


def _cut(words: list[str]) -> list[str]:
    """Return the first MAX_WORDS words, never ending inside a name ("blocked a New" of "a New Jersey
    company"): the name's words are dropped, or, when that leaves under three words, kept to the name's end
    (three more words at most)."""
    kept = words[:MAX_WORDS]
    if len(words) <= MAX_WORDS or not (words[MAX_WORDS][:1].isupper() and kept[-1][:1].isupper()):
        return kept
    k = len(kept)
    while k > 0 and kept[k - 1][:1].isupper():
        k -= 1
    while k > 0 and kept[k - 1].lower() in _TAIL:
        k -= 1
    if k >= 3:
        return kept[:k]
    end = MAX_WORDS
    while end < min(len(words), MAX_WORDS + 3) and words[end][:1].isupper():
        end += 1
    return words[:end]


def _tidy(words: list[str]) -> list[str]:
    """Return ``words`` without opening connectives and without a dangling last word, at most MAX_WORDS."""
    while words and words[0].lower().rstrip(",") in _LEAD:
        words = words[1:]
    words = _cut(words)
    while words and words[-1].lower() in _TAIL:
        words = words[:-1]
    return words


def _clauses(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each clause of ``text``, split at commas, brackets and dashes."""
    spans, at = [], 0
    for m in _BREAK.finditer(text):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(text)))
    return spans


def clause_label(text: str, start: int) -> str:
    """Return the first few words of the clause that starts at ``start`` ("when police raided ...")."""
    stop = _BREAK.search(text, start)
    return " ".join(_tidy(_words(text[start : stop.start() if stop else len(text)]))).rstrip(".,;:")


def happening_label(text: str, start: int, end: int) -> str:
    """Return the words naming a happening that a year dates, without the year: "presidential election"."""
    if text[:start].rstrip().endswith(" of"):
        return " ".join(_words(text[:start])[-4:-1]).rstrip(".,;:")  # "sham presidential election" (of 2020)
    return " ".join(_words(text[start:end])[1:]).rstrip(".,;:")  # "protests" (2020): the date is shown above


def event_label(text: str, start: int, end: int) -> str:
    """Return a few words of ``text`` naming the event dated by the expression at ``text[start:end]``.

    The words before the date in its own clause come first ("Trump's phone call to Lukashenko in
    August 2025"), then the words after it; when the clause holds little besides the date ("In late
    August, ...") the sentence's first clause that does not open with a preposition is used.
    """
    clauses = _clauses(text)
    a, b = next(((a, b) for a, b in clauses if a <= start < b or a < end <= b), (0, len(text)))
    # An inner clause's own words: two suffice after "who" or "when" ("who committed suicide in June");
    # "that" and "as" open too many other things, so three are needed after them.
    inner = [
        (m.end(), 2 if m.group(1).lower() in _CLAUSE_WORDS else 3)
        for m in _OPENER.finditer(text, a, start)
        if text.count(" ", m.end(), start) >= (2 if m.group(1).lower() in _CLAUSE_WORDS else 3)
    ]
    at, least = inner[-1] if inner else (a, 3)
    pieces = ((text[at:start], least), (text[end:b], 3))
    for n, (piece, least) in enumerate(pieces):
        raw = _words(piece)
        if raw and _APPOSITIVE_START.match(raw[0]) and not (n == 0 and inner):
            break  # "orchestrated by Minsk in 2021" describes the sentence's subject: name that instead
        words = _tidy(raw)
        if len(words) >= least:  # "(who) committed suicide in June 2015": two words say it
            return " ".join(words).rstrip(".,;:")
    for ca, cb in clauses:
        raw = _words(text[ca:cb])
        if not raw or raw[0].lower() in _PREPOSITION_START:
            continue
        words = _tidy(raw)
        if len(words) >= 3:
            return " ".join(words).rstrip(".,;:")
    return ""

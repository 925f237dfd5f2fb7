"""Split paragraphs into sentences, surviving abbreviations ("U.S.", "St.", "no. 985"), quotes and dashes."""

from __future__ import annotations

import functools
import re

from ..model import Cite, Sentence, Source
from .gazetteer import words_set

# Abbreviations written before what they qualify ("Mr. Lee", "Gen. Smith", "Jan. 5", "e.g. this"): the
# period never ends a sentence when a capital or digit follows.
_PREPOSITIVE = words_set(
    """mr mrs ms dr prof st sen sens rep reps gov govs gen lt col maj capt cpt cmdr cdr sgt adm brig spc pfc pvt
    cpl sfc ens supt insp det atty fr msgr pres rev hon mt ft no nos vol vols
    pp p fig art sec ch para op cf vs v approx est dept univ assn jan feb mar apr jun jul aug sep sept oct nov
    dec e.g i.e ca mln bln tn n°"""
)
# Abbreviations written after what they qualify ("Briggs & Co.", "Smith Jr.", "et al."): like "U.S." or an
# initial, their period may also end the sentence, and does when a sentence opener follows.
_POSTPOSITIVE = words_set("jr sr inc corp co ltd plc bros etc al")
# After these, a following number is part of the same sentence ("no. 985", "p. 4").
_NUMBERED = words_set("no nos vol vols pp p fig art sec ch para op n°")
# Closed-class words: pronouns, determiners, prepositions, conjunctions, auxiliaries and question words.
# English capitalises them only at the start of a sentence (and always for "I", which is left out), so one
# capitalised after an abbreviation's period shows that the period ended the sentence ("in the U.S. How
# about you?"), while a capitalised open-class word may be a name the abbreviation qualifies ("the U.S.
# Government").
_FUNCTION_WORDS = words_set(
    """a an the this that these those some any each every no both either neither all many much most few
    several such what which who whom whose when where why how whether if unless because although though
    while since until after before as than and but or nor yet so for of in on at by to from with without into
    onto upon about above below over under between among against during through across along around behind
    beyond despite toward towards within he she it we they you me him her us them his its our their your
    my mine ours theirs there here is are was were be been being am do does did done have has had having
    will would shall should can could may might must not never also only even still then now however
    meanwhile instead"""
)
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
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-\u00b0]*)$")
_NEXT_WORD = re.compile(r"[\"'\u201c\u2018(\[]*([\w\u2019']+)")
# How far back the word before a period is looked for: longer than any word, short enough that a long
# paragraph is not rescanned from its start at every period.
_LOOK_BACK = 100


def _opens_sentence(word: str) -> bool:
    """Return whether a capitalised ``word`` can only be capitalised because it opens a sentence."""
    return word[:1].isupper() and word.lower() in _FUNCTION_WORDS


# A parenthetical reference closing the sentence before it: '"…" (Smith 55).'
_TRAILING_REFERENCE = re.compile(r"\([^()]{1,60}\)[.!?]?(?:\s|$)")
_SPACED_ELLIPSIS = re.compile(r"(?:^|\s)\.\s\.\s\.$")
# A list marker opening a sentence or an item: "1.", "2.)", "a." at the start, after a sentence's end
# or after a bullet.
_LIST_MARKER = re.compile(r"(?:^|[.!?]\s+|[\u2022\u2043]\s*)(?:\d{1,3}|[a-z])\.\)?$")


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    """Return whether the candidate boundary really ends a sentence."""
    punct, closers = match.group(1), match.group(2)
    next_word = _NEXT_WORD.match(text, match.end())
    nxt = next_word.group(1) if next_word else ""
    if _TRAILING_REFERENCE.match(text, match.end()):
        return False
    if _LIST_MARKER.search(text, max(0, match.start(1) - 8), match.end(2)):
        return False
    if punct in ("...", "\u2026") or (punct == "." and _SPACED_ELLIPSIS.search(text, 0, match.end(1))):
        # Three dots mark words left out, a fourth the end of a sentence; before "I" (always a capital)
        # the three are inside the sentence.
        return nxt != "I"
    if punct != "." or closers:
        return True  # "?", "!" and a period inside closing quotes end sentences
    end = match.start(1)
    start = max(0, end - _LOOK_BACK)
    # The word holds no space: searching from the last space before it finds the same match sooner.
    start = max(start, text.rfind(" ", start, end) + 1)
    if "/" in text[start:end] or "@" in text[start:end]:
        return True  # a web or mail address ends at the period
    before = _WORD_BEFORE.search(text, start, end)
    if not before:
        return True
    word = before.group(1)
    low = word.lower().rstrip(".")
    if low in _NUMBERED and not word.isupper():  # "p. 5", "No. 10"; a capital letter alone is an initial
        return not nxt[:1].isdigit()
    if low in _PREPOSITIVE:
        return False
    if low in _POSTPOSITIVE or "." in word or (len(word) == 1 and word.isupper()):
        # "U.S.", "Co.", an initial "J.": a boundary only before a word that only a sentence opens with.
        return _opens_sentence(nxt)
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

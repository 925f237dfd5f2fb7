"""Find the name-like mentions of one source: the per-source half of the entity stage."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import itemgetter

from ..model import Source
from ..records import fast_pickle
from .gazetteer import (
    BODIES,
    CALENDAR,
    CONNECTORS,
    DEMONYMS,
    EVENT_WORDS,
    OPENERS,
    ORG_HEADS,
    PARTICLES,
    PLACES,
    TITLES,
    words_set,
)
from .segment import sentence_spans
from .standalone import dateline_length, page_furniture

_SPEECH = re.compile(r"\s+(?:said|says|told|argued|insisted|stated|added|wrote|noted|warned|claimed)\b")
_ROLE_NOUNS = (
    "envoy|president|minister|leader|spokesman|spokeswoman|spokesperson|head|chief|adviser|advisor|ambassador|"
    "candidate|journalist|analyst|husband|wife|son|daughter|secretary|director|chairman|commander|official|"
    "diplomat|founder|editor|researcher|professor|economist|negotiator|representative|deputy|opponent|activist"
)
# "Keith Kellogg, Trump's special envoy on Ukraine," / "Coale is the Deputy Special Envoy to ..." / "X—the husband of Y—"
# Matched at the end of the name (no ^): nothing in it looks behind that position.
_ROLE_AFTER = re.compile(
    r"(?:,\s+|\s*[\u2014\u2013]\s*|\s+is\s+)(?P<role>(?:(?:a|an|the)\s+|[A-Z][\w-]*[\u2019']s\s+)"
    r"[^,.;:\u2014\u2013()]{0,60}?\b(?i:"
    + _ROLE_NOUNS
    + r")\b[^,;:\u2014\u2013()]{0,60}?)(?=\s*[,.;:\u2014\u2013(]|$)"
)
_ROLE_BEFORE = re.compile(r"(?P<role>(?:[\w.\u2019'-]+\s+){0,2}(?:" + _ROLE_NOUNS + r"))\s+$", re.I)
# _ROLE_BEFORE can only match a text ending in a role noun and white space; this checks the noun on the
# last 16 characters (the longest noun has 14), sparing the costly search for most names.
_ROLE_TAIL = re.compile(r"(?:" + _ROLE_NOUNS + r")\Z", re.I)
_ROLE_NOUN_TUPLE = tuple(_ROLE_NOUNS.split("|"))
_ROLE_POSSESSIVE = re.compile(r"\s+(?:\w+\s+){0,2}(?:" + _ROLE_NOUNS + r")\b")
_ADMINISTRATION = re.compile(r"\s+administration\b")
_WHICH = re.compile(r"\*?,?\s+which\b")
# A place preposition right before a name; checked on the last 9 characters (7-letter word, a boundary).
_PLACE_PREP = re.compile(r"\b(?:in|to|from|at|into|across|near|toward|towards|via)\Z")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w\u2019'-]*[^\W_])?")
# Splitting on the token pattern (kept) gives gaps and tokens alternately, with offsets by summing lengths.
_TOKEN_SPLIT = re.compile("(" + TOKEN.pattern + ")")
_FIRST = itemgetter(0)
_POSSESSIVE_ENDS = ("\u2019s", "'s")
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_OPENING_CHARS = _QUOTE_MARKS + "([*- "
_TRAILING = PARTICLES | CONNECTORS
_PLACE_WORDS = PLACES | DEMONYMS
_ROLE_MODIFIERS = words_set(
    "former senior chief deputy acting top veteran special prime foreign defence defense opposition exiled "
    "jailed independent state"
)


@fast_pickle
@dataclass(slots=True)
class Mention:
    tokens: tuple[str, ...]
    source: str
    sentence: int  # a corpus-wide sentence number, for "do these two spellings co-occur?"
    role: str | None = None
    cue: str | None = None  # "person" | "organisation" | "place" | None


@functools.lru_cache(maxsize=65536)
def is_place(token: str) -> bool:
    """Return whether every hyphen-separated part of ``token`` is a place or nationality."""
    return all(p.casefold() in _PLACE_WORDS for p in token.split("-") if p)


def _is_heading(text: str, words: int, caps: int) -> bool:
    """Return whether a paragraph of ``words`` words, ``caps`` of them capitalised, reads like a title or byline."""
    if words <= 2 and text.isupper():
        return True  # a label line in capitals ("ABSTRACT.", "UPDATE:"), even with a full stop
    return words <= 25 and caps >= 0.5 * words and not text.rstrip().endswith((".", "?", "!"))


@dataclass(slots=True)
class _Tokens:
    """A text's tokens with the gap before each, their offsets and whether each is capitalised."""

    words: list[str]
    gaps: list[str]  # gaps[k] stands before words[k]
    starts: list[int]
    ends: list[int]
    caps: list[bool]
    capitals: list[int]  # the indexes of capitalised words, so runs are found without visiting the rest


def _tokens(text: str) -> _Tokens:
    """Return the tokens of ``text``."""
    parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, ..., token, gap
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts)))  # words[k] spans offsets[2k] .. offsets[2k + 1]
    caps = list(map(str.isupper, map(_FIRST, words)))
    return _Tokens(words, parts[0::2], offsets[0:-1:2], offsets[1::2], caps, list(compress(count(), caps)))


def _sentence_tokens(para: _Tokens, text: str, s: int, e: int) -> tuple[_Tokens, int, int, int]:
    """Return (tokens, first, stop, shift): the sentence ``text[s:e]`` is tokens[first:stop], offsets less shift.

    The paragraph's tokens serve when no token crosses the sentence's edges; then tokenising the sentence
    alone gives the same tokens.
    """
    lo = bisect_left(para.starts, s)
    hi = bisect_right(para.ends, e)
    n = len(para.words)
    if (lo and para.ends[lo - 1] > s) or (hi < n and para.starts[hi] < e) or hi < lo:
        own = _tokens(text[s:e])
        return own, 0, len(own.words), 0
    return para, lo, hi, s


def _initial_gap(word: str, gap: str) -> bool:
    """Return whether ``word`` and the gap after it are a middle initial ("George W. Bush")."""
    return gap == ". " and len(word) == 1 and word.isupper()


def _runs(t: _Tokens, first: int, stop: int, shift: int) -> list[tuple[int, int, list[str]]]:
    """Return runs of capitalised tokens (with particles and "of"-style connectors) as (start, end, tokens)."""
    words, gaps, caps, capitals = t.words, t.gaps, t.caps, t.capitals
    runs: list[tuple[int, int, list[str]]] = []
    at = bisect_left(capitals, first)
    while at < len(capitals) and capitals[at] < stop:
        i = j = capitals[at]
        while j + 1 < stop and (gaps[j + 1] == " " or (j > i and _initial_gap(words[j], gaps[j + 1]))):
            nxt = words[j + 1]
            if words[j].endswith(_POSSESSIVE_ENDS):
                break
            if caps[j + 1]:
                j += 1
            elif nxt in PARTICLES or nxt in CONNECTORS:
                k = j + 2 if not (nxt == "of" and j + 2 < stop and words[j + 2] == "the") else j + 3
                if k < stop and caps[k] and gaps[k] == " ":
                    j = k
                else:
                    break
            else:
                break
        run = words[i : j + 1]
        if run[-1].endswith(_POSSESSIVE_ENDS):
            run[-1] = run[-1][:-2]
        runs.append((t.starts[i] - shift, t.ends[j] - shift, run))
        at = bisect_right(capitals, j, at + 1)  # the next capitalised word after the run
    return runs


def _split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Return (title-and-place prefix, name) of a run such as "Belarus President Alexander Lukashenko"."""
    titles = [i for i, t in enumerate(tokens[:-1]) if t.casefold() in TITLES]
    k = titles[-1] + 1 if titles else 0
    while k < len(tokens) - 1 and is_place(tokens[k]):
        k += 1  # "Belarus Lukashenko": a place before a name is not part of it (nor a role)
    return (tokens[: titles[-1] + 1] if titles else []), tokens[k:]


def _ends_with(text: str, end: int, tail: re.Pattern[str], chars: int, start: int = 0) -> bool:
    """Return whether ``text[start:end]`` ends in white space after a match of ``tail`` within ``chars``.

    ``tail`` must not look before the ``chars`` characters it is given (nor need a boundary there).
    """
    k = end
    while k > start and text[k - 1].isspace():
        k -= 1
    return k < end and tail.search(text, max(start, k - chars), k) is not None


def _ends_with_role_noun(text: str, end: int, start: int) -> bool:
    """Return ``_ends_with(text, end, _ROLE_TAIL, 16, start)``, sparing the regex for ASCII text.

    On ASCII, the case-insensitive pattern matches just when the lower-cased text ends in a role noun;
    a plain ``str.endswith`` checks that many times faster than trying every noun at every position.
    """
    k = end
    while k > start and text[k - 1].isspace():
        k -= 1
    if k == end:
        return False
    tail = text[max(start, k - 16) : k]
    if tail.isascii():
        return tail.lower().endswith(_ROLE_NOUN_TUPLE)
    return _ROLE_TAIL.search(tail) is not None  # the pattern looks at nothing outside its 16 characters


def _single_cue(text: str, start: int, end: int, possessive: bool) -> str | None:
    """Return what the context says a lone capitalised word names: "person", "organisation", "place" or None."""
    if _SPEECH.match(text, end) or (possessive and _ROLE_POSSESSIVE.match(text, end)):
        return "person"
    if _ADMINISTRATION.match(text, end):
        return "person"
    if _WHICH.match(text, end):
        return "organisation"
    if _ends_with(text, start, _PLACE_PREP, 9):
        return "place"
    return None


def _role_from_context(text: str, start: int, end: int) -> str | None:
    """Return the role the sentence gives a person: an apposition after the name or a job noun before it."""
    after = _ROLE_AFTER.match(text, end)
    found = after.group("role") if after else None
    if not found:
        begin = max(0, start - 80)  # a role sits right before the name
        if _ends_with_role_noun(text, start, begin):
            before = _ROLE_BEFORE.search(text[begin:start])
            found = before.group("role") if before else None
    if not found:
        return None
    role = _ARTICLE.sub("", found.strip())
    if not after:
        # Before a name, only modifiers belong to the role: "told U.S. journalist" -> "U.S. journalist".
        words = role.split()
        while len(words) > 1 and words[0].islower() and words[0] not in _ROLE_MODIFIERS:
            words.pop(0)
        role = " ".join(words)
    return role or None


_MIDDLE_INITIAL = re.compile(r"[A-Z]\.?")


def _not_name_word(token: str) -> bool:
    """Return whether a token cannot be part of a person's name: an acronym or a dotted abbreviation."""
    return token.isupper() or token[-1:] == "."


@functools.lru_cache(maxsize=65536)
def _shape(tokens: tuple[str, ...]) -> tuple[str, tuple[str, ...], str | None] | None:
    """Return what a run's words alone say it names: (kind, name words, title prefix), or None for nothing.

    Names recur across sources, so this part is worked out once per run of words.
    """
    folded = [t.casefold() for t in tokens]
    if ORG_HEADS.isdisjoint(folded) and not CONNECTORS.isdisjoint(tokens):
        last = max(i for i, t in enumerate(tokens) if t in CONNECTORS)
        if all(t.casefold() in CALENDAR or is_place(t) for t in tokens[last + 1 :]):
            tokens = tokens[:last]  # "Bush on Friday", "Ann Lee of Leeds": a time or place after the name
        else:
            tokens = tokens[last + 1 :]  # "Critics of Marchenka" names Marchenka
    while tokens and tokens[-1] in _TRAILING:
        tokens = tokens[:-1]
    if not tokens:
        return None
    folded = [t.casefold() for t in tokens]
    if not EVENT_WORDS.isdisjoint(folded):
        return None
    if " ".join(folded) in BODIES:
        return "organisation", tokens, None  # "White House": an institution named by its seat
    if not ORG_HEADS.isdisjoint(folded) or (len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1):
        if all(is_place(t) or t in TITLES or t in ("federation", "republic") for t in folded):
            return None  # "Russian Federation" is a country
        return "organisation", tokens, None
    prefix, name = _split_role(list(tokens))
    if not name or any(is_place(t) or t.casefold() in CALENDAR or t.casefold() in TITLES for t in name):
        return None
    last = len(name) - 1
    if len(name) > 4 or any(
        _not_name_word(t) and not (0 < i < last and _MIDDLE_INITIAL.fullmatch(t))  # "George W. Bush"
        for i, t in enumerate(name)
        if t not in PARTICLES
    ):
        return None
    name = [t + "." if 0 < i < last and len(t) == 1 else t for i, t in enumerate(name)]  # "W" -> "W."
    return "person", tuple(name), " ".join(prefix) if prefix else None


def _classify(text: str, start: int, end: int, tokens: list[str], where: tuple[str, int]) -> Mention | None:
    """Return the mention a capitalised run stands for, or None for places, dates and common words.

    An opening run's common first words are already gone from ``tokens``; ``start`` is still the run's.
    """
    shape = _shape(tuple(tokens))
    if shape is None:
        return None
    if start and end < len(text) and text[start - 1] in _QUOTE_MARKS and text[end] in _QUOTE_MARKS:
        return None  # a name in scare quotes ("Russkiy Mir") is a slogan, not a person
    kind, name, prefix = shape
    if kind == "organisation":
        return Mention(name, *where, cue="organisation")
    role = prefix or _role_from_context(text, start, end)
    if len(name) > 1:
        return Mention(name, *where, role=role, cue="person")
    cue = "person" if prefix else _single_cue(text, start, end, text[start:end].endswith(_POSSESSIVE_ENDS))
    return Mention(name, *where, role=role, cue=cue)


@fast_pickle
@dataclass(frozen=True, slots=True)
class Opener:
    """A capitalised run opening a sentence: whether its first words are common ones needs the whole corpus.

    A leading word is dropped while it is in the corpus vocabulary (or a known opener word), so the
    mention left after dropping each number of words is worked out here and picked once the vocabulary
    is known.
    """

    folded: tuple[str, ...]  # the run's words from the first that is not a known opener word, case-folded
    found: tuple[Mention | None, ...]  # found[k]: the mention once the first k of ``folded`` are dropped


@fast_pickle
@dataclass(frozen=True, slots=True)
class SourceNames:
    """The per-source half of the entity stage: mentions and sentence openers, in reading order."""

    items: tuple[Mention | Opener, ...]  # sentence numbers count from 1 within the source
    lower: frozenset[str]  # the source's lower-case words, for the corpus vocabulary
    sentences: int


def _opener(text: str, start: int, end: int, tokens: list[str], where: tuple[str, int]) -> Opener | None:
    """Return what an opening run may name for each number of common words the corpus drops; None: nothing."""
    k0 = 0
    while k0 < len(tokens) and tokens[k0].casefold() in OPENERS:
        k0 += 1  # always dropped, whatever the corpus
    found = tuple(_classify(text, start, end, tokens[k:], where) for k in range(k0, len(tokens)))
    if not any(found):
        return None
    return Opener(tuple(t.casefold() for t in tokens[k0:]), found)


def pick(opener: Opener, vocab: set[str] | frozenset[str]) -> Mention | None:
    """Return the mention an opener stands for, given the corpus's lower-case words."""
    k = 0
    while k < len(opener.folded) and (opener.folded[k] in vocab or opener.folded[k] in OPENERS):
        k += 1
    return opener.found[k] if k < len(opener.found) else None


def scan_source(source: Source) -> SourceNames:
    """Return the name-like mentions of one source; openers wait for the corpus vocabulary."""
    lower: set[str] = set()
    items: list[Mention | Opener] = []
    sentence = 0
    for para in source.paragraphs:
        tokens = _tokens(para.text)
        lower.update(filter(str.islower, tokens.words))
        if para.n < source.body_from or _is_heading(para.text, len(tokens.words), len(tokens.capitals)):
            continue  # the title, byline and dateline lines above the text, a subhead
        for s, e in sentence_spans(para.text):
            sentence += 1
            if page_furniture(para.text[s:e], escapes=False):
                continue  # a caption, credit, byline or headline inside the text names no one in the story
            s += dateline_length(para.text[s:e])  # "HALDEN (AP) \u2014 ...": the text starts after the place
            text = para.text[s:e]
            for n, (a, b, run) in enumerate(_runs(*_sentence_tokens(tokens, para.text, s, e))):
                # Only the first run can have nothing but quote marks and brackets before it.
                if n == 0 and not text[:a].strip(_OPENING_CHARS):
                    opener = _opener(text, a, b, run, (source.id, sentence))
                    if opener is not None:
                        items.append(opener)
                    continue
                found = _classify(text, a, b, run, (source.id, sentence))
                if found:
                    items.append(found)
    return SourceNames(tuple(items), frozenset(lower), sentence)

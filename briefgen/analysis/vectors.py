"""Text vectors for the summary stage: tokens, a light English stemmer, TF-IDF and centroids."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain

# A sparse, L2-normalised term vector.
Vector = dict[str, float]

_STOP_TEXT = """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each either else ever every few for from
    further had has have having he her here hers herself him himself his how however i if in into is it its
    itself just me might more most much must my myself neither no nor not now of off on once only or other
    ought our ours ourselves out over own per same shall she should so some such than that the their theirs
    them themselves then there these they this those through thus to too under until up upon us very was we
    were what when where whether which while who whom whose why will with within without would yet you your
    yours yourself yourselves said says say according told one two mr mrs ms dr s t re ve ll d m"""
_STOP = frozenset(_STOP_TEXT.split())

# "U.S." and "E.U." become one token; so do initialisms written without dots.
_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,]\d+)*")
_VOWEL = re.compile(r"[aeiouy]")


def stem(word: str) -> str:
    """Return a light suffix-stripped stem of a lower-case word (plural, -ing, -ed, -ation, final e)."""
    w = word
    if len(w) <= 3:
        return w
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "i"
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and _VOWEL.search(w[: -len(suffix)]):
            w = w[: -len(suffix)]
            # "stopped" -> "stop", but keep "ll"/"ss" ("called", "passed")
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("ational") and len(w) > 9:
        w = w[:-7] + "ate"
    elif w.endswith("ation") and len(w) > 8:
        w = w[:-5] + "ate"
    elif w.endswith("ical") and len(w) > 6:
        w = w[:-2]
    if w.endswith("y") and len(w) > 3 and w[-2] not in "aeiou":
        w = w[:-1] + "i"
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    """Return the content-word stems of ``text`` in order (stop words dropped, acronyms kept)."""
    text = _ACRONYM.sub(lambda m: m.group(0).replace(".", "").upper(), text)
    return [t for t in map(_term, _WORD.findall(text)) if t]


@lru_cache(maxsize=1 << 17)
def _term(raw: str) -> str:
    """Return the stem of one token, or "" for a stop word (memoised: a week repeats its vocabulary)."""
    if raw[-2:] in ("'s", "\u2019s"):
        raw = raw[:-2]
    low = raw.lower().replace("\u2019", "'")
    # An all-capital token ("US", "IT", "WHO") is an acronym, not the stop word it spells.
    if low in _STOP and not (raw.isupper() and len(raw) > 1):
        return ""
    return stem(low)


class Vectorizer:
    """TF-IDF weights learnt from one collection of texts (each text is one 'document' for df)."""

    def __init__(self, token_lists: Iterable[Sequence[str]]) -> None:
        sets = [set(toks) for toks in token_lists]
        df: Counter[str] = Counter(chain.from_iterable(sets))  # one count, in C
        n = len(sets)
        self._n = n
        self._idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
        self._default = math.log(n + 1) + 1.0

    def idf(self, term: str) -> float:
        """Return the inverse document frequency of ``term`` (unseen terms count as rarest)."""
        return self._idf.get(term, self._default)

    def vector(self, tokens: Sequence[str]) -> Vector:
        """Return the normalised TF-IDF vector of a token list (sub-linear term frequency)."""
        idf, default = self._idf, self._default  # local names: this runs once per sentence of the week
        terms, weights = _weights(tokens, idf, default)
        return normalise(dict(zip(terms, weights, strict=True)))

    def centre(self, rows: Iterable[tuple[Sequence[str], Vector | None]]) -> Vector:
        """Return ``centroid(self.vector(t) for t, _ in rows)``, the same floats, in one lean pass.

        A row is a token list and its vector if already computed (used as is), else None.
        """
        total: dict[str, float] = {}
        idf, default = self._idf, self._default
        get = total.get
        for tokens, known in rows:
            if known is not None:
                for t, v in known.items():  # the very floats the lean path below would add
                    total[t] = get(t, 0.0) + v
                continue
            terms, weights = _weights(tokens, idf, default)
            norm = math.sqrt(sum([w * w for w in weights]))
            if norm == 0.0:
                continue
            for t, w in zip(terms, weights, strict=True):
                total[t] = get(t, 0.0) + w / norm
        return normalise(total)


def _weights(
    tokens: Sequence[str], idf: dict[str, float], default: float
) -> tuple[Sequence[str], list[float]]:
    """Return a token list's distinct terms, first-seen order, and their TF-IDF weights (1 + log tf)."""
    if len(set(tokens)) == len(tokens):  # most sentences: every stem once, and 1 + log 1 is exactly 1
        return tokens, [idf.get(t, default) for t in tokens]
    counts = Counter(tokens)
    return list(counts), [(1.0 + math.log(c)) * idf.get(t, default) for t, c in counts.items()]


def normalise(vec: dict[str, float]) -> Vector:
    """Return ``vec`` scaled to unit length (an empty vector stays empty)."""
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm == 0.0:
        return {}
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Vector, b: Vector) -> float:
    """Return the cosine of two normalised vectors."""
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum([v * get(t, 0.0) for t, v in a.items()])  # a list sums faster than a generator


def centroid(vectors: Iterable[Vector], weights: Iterable[float] | None = None) -> Vector:
    """Return the normalised (weighted) mean of ``vectors``: one pass, linear in their total size."""
    total: dict[str, float] = {}
    ws = iter(weights) if weights is not None else None
    for vec in vectors:
        w = next(ws) if ws is not None else 1.0
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + w * v
    return normalise(total)

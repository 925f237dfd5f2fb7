"""Find content duplicates (the same article read twice) so that the week reads each once."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from ..model import Source
from ..records import fast_pickle
from .candidates import candidate_pairs

_WORD = re.compile(r"\w+")
SHINGLE = 5  # words per shingle
NEAR = 0.9  # Jaccard similarity at or above which two sources are the same article
_BANDS, _ROWS = 16, 4  # MinHash LSH: a pair at Jaccard 0.9 shares a band with probability > 0.9999
_SLOTS = _BANDS * _ROWS  # one-permutation MinHash: each shingle hash lands in one slot, one pass
_EMPTY = 1 << 32


def normalise(text: str) -> list[str]:
    """Return the words of ``text`` for comparison: NFKC, lower case, no punctuation.

    Quotation marks and hyphens need no unifying: they are never part of a word.
    """
    if not text.isascii():  # ASCII text is its own NFKC form: spare the call
        text = unicodedata.normalize("NFKC", text)
    return _WORD.findall(text.lower())


def _hash(text: str) -> int:
    # CRC-32 is fast and the same on every run; its rare collisions barely move a Jaccard score.
    return zlib.crc32(text.encode())


@fast_pickle
@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What finding a source's duplicates needs from it alone: small, so the per-source cache keeps it."""

    exact: str  # sha256 of the normalised words
    size: int  # number of distinct shingles
    bands: tuple[tuple[int, ...], ...]  # MinHash signature cut into LSH bands


def _shingles(source: Source) -> tuple[bytes, frozenset[int]]:
    """Return the source's normalised words joined by spaces (UTF-8) and the hashes of its shingles."""
    words = [w for p in source.paragraphs for w in normalise(p.text)]
    text = " ".join(words)
    data = text.encode()
    if len(words) < SHINGLE:
        return data, frozenset({_hash(text)}) if words else frozenset()
    # Hash each shingle as a slice of the joined bytes rather than joining and encoding it anew:
    # words hold no spaces, so the slice is the shingle's words joined by single spaces, same CRC.
    sizes = map(len, words) if len(data) == len(text) else (len(w.encode()) for w in words)
    starts = list(accumulate((size + 1 for size in sizes), initial=0))  # byte offset of each word
    # Shingle i runs from word i's start to the space before word i + SHINGLE (the last: to the end).
    slices = [data[a : b - 1] for a, b in zip(starts, starts[SHINGLE:], strict=False)]
    return data, frozenset(map(zlib.crc32, slices))


def fingerprint(source: Source) -> Fingerprint:
    """Return the source's duplicate-finding fingerprint (computed once per source, in the workers)."""
    data, shingles = _shingles(source)
    exact = hashlib.sha256(data).hexdigest()
    signature = [_EMPTY] * _SLOTS
    for h in shingles:
        slot, value = h % _SLOTS, h // _SLOTS
        if value < signature[slot]:
            signature[slot] = value
    bands = tuple(tuple(signature[b * _ROWS : (b + 1) * _ROWS]) for b in range(_BANDS))
    return Fingerprint(exact, len(shingles), bands)


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)  # the size of a | b, without building it


def _richness(source: Source) -> tuple[int, int]:
    """Return how much a copy offers: metadata fields filled, then words."""
    filled = sum(1 for v in (source.title, source.authors, source.date, source.url, source.outlet) if v)
    return filled, source.words


class _Groups:
    """Union-find over source indexes; a group's root is its first member, so the order is the input's."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)

    def members(self) -> list[list[int]]:
        """Return each group's indexes, groups in the order of their first member."""
        groups: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            groups.setdefault(self.find(i), []).append(i)
        return list(groups.values())


def _exact_pairs(fps: Sequence[Fingerprint]) -> Iterator[tuple[int, int]]:
    """Yield (first, later) pairs of sources whose normalised text is the same."""
    first: dict[str, int] = {}
    for index, p in enumerate(fps):
        if p.exact in first:
            yield first[p.exact], index
        else:
            first[p.exact] = index


def _near_pairs(
    sources: Sequence[Source], fps: Sequence[Fingerprint], groups: _Groups
) -> Iterator[tuple[int, int]]:
    """Yield the candidate pairs (``candidate_pairs``) not yet grouped whose shingles agree to NEAR or more."""
    shingles: dict[int, frozenset[int]] = {}  # only for candidate pairs, which are rare

    def shingles_of(i: int) -> frozenset[int]:
        if i not in shingles:
            shingles[i] = _shingles(sources[i])[1]
        return shingles[i]

    checked: set[int] = set()  # i * n + j: one small int per pair, not a tuple
    n = len(sources)
    for i, j in candidate_pairs([p.bands if p.size else None for p in fps]):
        pair = i * n + j
        if pair in checked or groups.find(i) == groups.find(j):
            continue
        checked.add(pair)
        small, large = sorted((fps[i].size, fps[j].size))
        # Jaccard >= 0.9 needs set sizes within 10%: a cheap test before the exact one.
        if small >= NEAR * large and _jaccard(shingles_of(i), shingles_of(j)) >= NEAR:
            yield i, j


def _keep_richest(
    sources: Sequence[Source], groups: list[list[int]]
) -> tuple[set[int], list[tuple[str, str]]]:
    """Return the index kept of each group (the most metadata, then words, then the first) and (kept, dropped) paths."""
    keep: set[int] = set()
    pairs: list[tuple[str, str]] = []
    for members in groups:
        best = max(members, key=lambda i: (_richness(sources[i]), -i))
        keep.add(best)
        pairs.extend((sources[best].path, sources[i].path) for i in members if i != best)
    return keep, pairs


def dedupe(
    sources: list[Source], prints: Sequence[Fingerprint | None] | None = None
) -> tuple[list[Source], list[tuple[str, str]]]:
    """Return the sources with content duplicates removed, and (kept path, dropped path) pairs.

    Same article = same normalised text, or Jaccard >= 0.9 on word 5-shingles. Candidate pairs come
    from MinHash LSH buckets (16 bands of 4) kept small (``candidates``), then are checked exactly,
    so the work and memory stay linear in the number of sources rather than comparing every pair.
    Three passes: group the exact copies, then the near ones (union-find), then keep the richest of
    each group. ``prints`` holds each source's fingerprint when the per-source stage computed it.
    """
    given = list(prints) if prints is not None else [None] * len(sources)
    fps = [fp if fp is not None else fingerprint(s) for s, fp in zip(sources, given, strict=True)]
    groups = _Groups(len(sources))
    for i, j in _exact_pairs(fps):
        groups.union(i, j)
    for i, j in _near_pairs(sources, fps, groups):  # lazily: a pair grouped meanwhile is not checked
        groups.union(i, j)
    keep, pairs = _keep_richest(sources, groups.members())
    return [s for i, s in enumerate(sources) if i in keep], pairs

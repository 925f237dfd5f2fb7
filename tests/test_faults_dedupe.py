"""Duplicate detection at scale: many short, similar sources cost linear work and lose no duplicate."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

import briefgen.select.duplicates as duplicates
from briefgen.model import Paragraph, Source
from briefgen.select.candidates import MAX_BUCKET, candidate_pairs
from briefgen.select.duplicates import NEAR, _shingles, dedupe, fingerprint

_PLACES = ["Leeds", "Cork", "Gdansk", "Porto", "Lyon", "Graz", "Turku", "Split"]
_TOPICS = ["water", "bus", "school", "bridge", "clinic", "park", "tram", "port"]


def _notes(n: int, seed: int = 7) -> list[Source]:
    """Return ``n`` short notes that differ in a few words; every fifth repeats the one before but its last word."""
    rng = random.Random(seed)
    texts: list[str] = []
    for i in range(n):
        if i % 5 == 4:
            texts.append(texts[-1].replace("in the spring.", "in the summer."))
            continue
        texts.append(
            f"Item {i}. The {rng.choice(_PLACES)} {rng.choice(_TOPICS)} plan was approved on a vote of "
            f"{rng.randint(3, 9)} to {rng.randint(0, 2)} and the work will start in the spring."
        )
    return [Source(id=f"n{i}", path=f"n{i}.txt", paragraphs=(Paragraph(1, t),)) for i, t in enumerate(texts)]


def _groups(sources: list[Source], pairs: list[tuple[str, str]]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {s.path: {s.path} for s in sources}
    for kept, dropped in pairs:
        groups[kept].add(dropped)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


def _brute_force(sources: list[Source]) -> set[frozenset[str]]:
    """Return the groups that comparing every pair exactly gives (Jaccard >= 0.9, transitively)."""
    sets = [_shingles(s)[1] for s in sources]
    parent = list(range(len(sources)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in combinations(range(len(sources)), 2):
        union = len(sets[i] | sets[j])
        if union and len(sets[i] & sets[j]) / union >= NEAR:
            parent[find(j)] = find(i)
    groups: dict[int, set[str]] = {}
    for i, s in enumerate(sources):
        groups.setdefault(find(i), set()).add(s.path)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


def test_many_similar_short_sources_cost_linear_work(monkeypatch):
    """Comparing every pair in a shared bucket was quadratic: 10,000 short notes took 208 s and 5.9 GB."""
    calls = 0
    exact = duplicates._jaccard

    def counted(a: frozenset[int], b: frozenset[int]) -> float:
        nonlocal calls
        calls += 1
        return exact(a, b)

    monkeypatch.setattr(duplicates, "_jaccard", counted)
    sources = _notes(3000)
    kept, pairs = dedupe(sources)
    # At most MAX_BUCKET - 1 partners per source in each of the 16 bands; in practice far fewer.
    assert calls <= 16 * MAX_BUCKET * len(sources)
    assert calls < 20 * len(sources)
    assert len(pairs) == 600 and len(kept) == 2400  # every reworded copy found, nothing else


def test_similar_sources_give_what_comparing_every_pair_gives():
    sources = _notes(400, seed=11)
    _, pairs = dedupe(sources)
    assert _groups(sources, pairs) == _brute_force(sources)


def _signatures(n: int, bands: int, shared: int) -> list[tuple[tuple[int, ...], ...]]:
    """Return signatures of ``n`` sources that all agree on their first ``shared`` bands."""
    rng = random.Random(n)
    return [tuple((0,) if b < shared else (rng.randrange(10**9),) for b in range(bands)) for _ in range(n)]


@pytest.mark.parametrize("shared", [1, 8, 16])
def test_every_source_yields_a_bounded_number_of_pairs(shared):
    n = 2000
    pairs = list(candidate_pairs(_signatures(n, 16, shared)))
    assert len(pairs) < 16 * MAX_BUCKET * n
    assert all(i < j for i, j in pairs)
    if shared == 16:  # identical signatures: each source with its predecessors, so all stay linked
        assert {(i - 1, i) for i in range(1, n)} <= set(pairs)


def test_small_buckets_yield_every_pair_once_per_band():
    signatures = [((1,), (5,)), ((1,), (6,)), ((2,), (5,)), ((1,), (5,)), None]
    assert sorted(candidate_pairs(signatures)) == sorted([(0, 1), (0, 3), (1, 3), (0, 2), (0, 3), (2, 3)])
    assert list(candidate_pairs([None, None])) == []


def test_a_source_without_words_is_never_a_candidate():
    empty = Source(id="e", path="e.txt", paragraphs=(Paragraph(1, "..."),))
    assert fingerprint(empty).size == 0
    kept, pairs = dedupe([empty, empty])
    assert len(kept) == 1 and pairs == [("e.txt", "e.txt")]  # the same (empty) text: one exact copy

"""Candidate duplicate pairs: sources sharing a MinHash LSH band, with every bucket kept small."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

MAX_BUCKET = 16  # a bucket up to this size yields all its pairs; a larger one is split further

Bands = tuple[tuple[int, ...], ...]


def candidate_pairs(signatures: Sequence[Bands | None]) -> Iterator[tuple[int, int]]:
    """Yield pairs (i, j), i < j, of sources that share a band of their MinHash signatures.

    ``signatures[i]`` is source i's signature cut into bands, or None for a source with no words.
    A bucket of at most MAX_BUCKET sources yields every pair in it, which is all that ordinary news
    gives (the copies of one article). Many short, similar sources share whole buckets, and
    comparing every pair was quadratic (10,000 short notes: 208 s, 5.9 GB). A larger bucket is
    therefore split by the next band of the signatures, then the next, until each part is small:
    the sources in a part agree on more bands, as true duplicates (Jaccard >= 0.9) almost always do.
    A part still too large when all bands agree pairs each source with its MAX_BUCKET - 1
    predecessors, so every source yields fewer than MAX_BUCKET pairs per band whatever the input.
    """
    count = next((len(s) for s in signatures if s is not None), 0)
    for band in range(count):
        buckets: dict[tuple[int, ...], list[int]] = {}
        for i, sig in enumerate(signatures):
            if sig is not None:
                buckets.setdefault(sig[band], []).append(i)
        # (members in ascending order, how many bands they are known to share)
        stack = [(members, 1) for members in buckets.values() if len(members) > 1]
        stack.reverse()  # pop() then takes buckets in the order they were first seen
        while stack:
            members, shared = stack.pop()
            if len(members) <= MAX_BUCKET:
                yield from combinations(members, 2)
            elif shared == count:
                for pos, j in enumerate(members):
                    for i in members[max(0, pos - MAX_BUCKET + 1) : pos]:
                        yield i, j
            else:
                parts: dict[tuple[int, ...], list[int]] = {}
                other = (band + shared) % count
                for i in members:
                    parts.setdefault(signatures[i][other], []).append(i)  # type: ignore[index]
                stack.extend((part, shared + 1) for part in reversed(parts.values()) if len(part) > 1)

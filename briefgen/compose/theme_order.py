"""Compose stage, theme sections: sentences in reading order within a source, and no theme left bare."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..analysis.background import BACKGROUND_LABEL
from ..analysis.same_facts import repeats
from ..analysis.standalone import remove_insertions
from ..model import Extract, Source

MIN_THEME_SENTENCES = 2  # a theme the bottom line has used up keeps at least this many of its own


def in_source_order(extracts: Sequence[Extract], sources: Mapping[str, Source]) -> tuple[Extract, ...]:
    """Return ``extracts`` with the sentences of each source in that source's order.

    Each source keeps the slots its sentences hold in the ranking; only which of its sentences fills
    which slot changes, so an antecedent is read before the sentence that leans on it.
    """
    slots: dict[str, list[int]] = {}
    for i, e in enumerate(extracts):
        slots.setdefault(e.cites[0].source, []).append(i)
    out = list(extracts)
    for sid, where in slots.items():
        if len(where) < 2:
            continue
        mine = sorted((extracts[i] for i in where), key=lambda e: _position(e, sources.get(sid)))
        for i, e in zip(where, mine, strict=True):
            out[i] = e
    return tuple(out)


def _position(e: Extract, source: Source | None) -> tuple[int, int]:
    """Return where an extract stands in its source: paragraph, then offset in the paragraph."""
    cite = e.cites[0]
    if source is None:
        return (cite.paragraph, 0)
    text = next((p.text for p in source.paragraphs if p.n == cite.paragraph), "")
    return (cite.paragraph, max(0, text.find(remove_insertions(e.text))))


def week_first(extracts: Sequence[Extract]) -> tuple[Extract, ...]:
    """Return ``extracts`` with the week's sentences before background about earlier years (kept in rank
    order each), so a word limit drops background first."""
    return tuple(sorted(extracts, key=lambda e: e.text.startswith(BACKGROUND_LABEL)))


def not_repeated(extracts: Sequence[Extract], shown: Sequence[str]) -> list[Extract]:
    """Return the extracts that do not report the same figures as a sentence shown already (the bottom
    line's "52 people were killed ..." is not repeated in a theme as "Fifty-two people died ...")."""
    return [e for e in extracts if not any(repeats(e.text, s) for s in shown)]


def keep_own(all_extracts: Sequence[Extract], fresh: Sequence[Extract]) -> tuple[Extract, ...]:
    """Return ``fresh`` topped up with the theme's best extracts, so the bottom line never strips it bare."""
    if len(fresh) >= MIN_THEME_SENTENCES:
        return tuple(fresh)
    wanted = min(MIN_THEME_SENTENCES, len(all_extracts))
    keep = set(id(e) for e in fresh)
    for e in all_extracts:
        if len(keep) >= wanted:
            break
        keep.add(id(e))
    return tuple(e for e in all_extracts if id(e) in keep)

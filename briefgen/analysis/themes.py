"""Theme relevance scoring: how strongly a sentence's words bear on each configured theme."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..model import Theme
from .vectors import words

# Weights of a matched term by where the theme names it: keywords are the user's own signal; a title
# word counts only beside another sign of the theme (one word's accident, "industrial" under "Hydrogen
# and industry", is not enough), description words only add up when several co-occur.
KEYWORD_WEIGHT = 1.0
TITLE_WEIGHT = 0.45
DESCRIPTION_WEIGHT = 0.25
# A multi-word keyword ("Union State") is more specific than either word alone.
PHRASE_BONUS = 0.5
# A sentence bears on a theme from one keyword, or a title word and a description word, upward.
RELEVANT = 0.5
# A word the theme excludes rules the sentence out of it, whatever else it says.
EXCLUDE_WEIGHT = -1000.0

Phrase = tuple[str, ...]


def theme_phrases(theme: Theme) -> dict[Phrase, float]:
    """Return the stemmed phrases of a theme with their weights (the strongest naming wins)."""
    phrases: dict[Phrase, float] = {}

    def add(phrase: Phrase, weight: float) -> None:
        if phrase and weight > phrases.get(phrase, 0.0):
            phrases[phrase] = weight

    for kw in theme.keywords:
        stems = tuple(words(kw))
        add(stems, KEYWORD_WEIGHT + PHRASE_BONUS * (len(stems) - 1))
    for stem in words(theme.title):
        add((stem,), TITLE_WEIGHT)
    for stem in words(theme.description):
        add((stem,), DESCRIPTION_WEIGHT)
    for ex in theme.exclude:
        stems = tuple(words(ex))
        if stems:
            phrases[stems] = EXCLUDE_WEIGHT
    return phrases


class ThemeScorer:
    """Scores token lists against several themes in one pass over each sentence's words."""

    def __init__(self, themes: Sequence[Theme]) -> None:
        self.themes = tuple(themes)
        # First stem of a phrase -> (theme index, phrase, weight): one dict lookup per word.
        self._index: dict[str, list[tuple[int, Phrase, float]]] = {}
        for i, theme in enumerate(self.themes):
            for phrase, weight in sorted(theme_phrases(theme).items()):
                self._index.setdefault(phrase[0], []).append((i, phrase, weight))
        self._first = frozenset(self._index)

    def raw_scores(self, tokens: Sequence[str]) -> list[float]:
        """Return, per theme, the summed weight of the distinct theme phrases found in ``tokens``."""
        if self._first.isdisjoint(tokens):
            return [0] * len(self.themes)  # most sentences of a large week: one set test, in C
        found: list[dict[Phrase, float]] = [{} for _ in self.themes]
        n = len(tokens)
        for pos, tok in enumerate(tokens):
            for i, phrase, weight in self._index.get(tok, ()):
                k = len(phrase)
                if k == 1 or (pos + k <= n and tuple(tokens[pos : pos + k]) == phrase):
                    found[i][phrase] = weight
        return [sum(f.values()) for f in found]

    def relevance(self, tokens: Sequence[str]) -> list[float]:
        """Return, per theme, a relevance in [0, 1) (0 below the threshold; saturating above it)."""
        return [0.0 if s < RELEVANT else 1.0 - math.exp(-s) for s in self.raw_scores(tokens)]

"""Theme relevance scoring: how strongly a sentence's words bear on each configured theme."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..model import Theme
from .gazetteer import ORG_HEADS
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
# A theme word met only in an aside that says who someone is ("Jones, who won five medals at the 2000
# Olympics, denies using drugs"; "World record holder Tim Montgomery faces a ban") describes the person,
# not what the sentence reports: alone it never makes the sentence bear on the theme; beside other signs
# of the theme it adds this much of its weight.
ASIDE_WEIGHT = 0.4

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
        # Keywords written with a capital ("European Union") are names: they count inside a name too.
        self._names: set[tuple[int, Phrase]] = set()
        for i, theme in enumerate(self.themes):
            for phrase, weight in sorted(theme_phrases(theme).items()):
                self._index.setdefault(phrase[0], []).append((i, phrase, weight))
            self._names.update((i, tuple(words(kw))) for kw in theme.keywords if kw != kw.lower())
        self._first = frozenset(self._index)

    def raw_scores(
        self,
        tokens: Sequence[str],
        in_names: frozenset[str] = frozenset(),
        aside: frozenset[str] = frozenset(),
    ) -> list[float]:
        """Return, per theme, the summed weight of the distinct theme phrases found in ``tokens``.

        A one-word phrase the sentence has only inside a name (``in_names``: "fund" in "World Wildlife
        Fund") counts only if the theme wrote it as a name; phrases it has only in an aside about a person
        (``aside``) count at ASIDE_WEIGHT, and only beside another sign of the theme.
        """
        if self._first.isdisjoint(tokens):
            return [0] * len(self.themes)  # most sentences of a large week: one set test, in C
        found: list[dict[Phrase, float]] = [{} for _ in self.themes]
        asides: list[dict[Phrase, float]] = [{} for _ in self.themes]
        n = len(tokens)
        for pos, tok in enumerate(tokens):
            for i, phrase, weight in self._index.get(tok, ()):
                k = len(phrase)
                if k == 1 and tok in in_names and (i, phrase) not in self._names:
                    continue
                if k == 1 or (pos + k <= n and tuple(tokens[pos : pos + k]) == phrase):
                    (asides if weight > 0 and aside.issuperset(phrase) else found)[i][phrase] = weight
        if not aside:
            return [sum(f.values()) for f in found]
        out = []
        for f, a in zip(found, asides, strict=True):
            main = sum(f.values())
            out.append(main + ASIDE_WEIGHT * sum(a.values()) if main > 0 else main)
        return out

    def relevance(
        self,
        tokens: Sequence[str],
        in_names: frozenset[str] = frozenset(),
        aside: frozenset[str] = frozenset(),
    ) -> list[float]:
        """Return, per theme, a relevance in [0, 1) (0 below the threshold; saturating above it)."""
        return [0.0 if s < RELEVANT else 1.0 - math.exp(-s) for s in self.raw_scores(tokens, in_names, aside)]


# "World Wildlife Fund's Climate Change Program": a run of capitalised words, a name.
_NAME_RUN = re.compile(r"\b[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)+")


def heads_in_names(text: str, tokens: Sequence[str]) -> frozenset[str]:
    """Return the stems of organisation head words ("fund") that ``text`` has only inside a longer name."""
    inside: list[str] = []
    for m in _NAME_RUN.finditer(text):
        # Inside the name, not its last word: "Fund" in "World Wildlife Fund's Climate Change Program"
        # names the program's owner; "West Yorkshire Police searched" is the police.
        for token in m.group(0).split()[1:-1]:
            head = re.sub(r"[\u2019']s$", "", token).lower()
            if head in ORG_HEADS:
                inside += words(head)
    return frozenset(s for s in inside if tokens.count(s) <= inside.count(s))


_NAME_WORD = r"[A-Z][\w\u2019'-]*"
_PERSON_NOUNS = (
    "holder|champion|winner|medallist|medalist|star|captain|coach|manager|sprinter|athlete|player|chief|"
    "leader|president|minister|secretary|spokesman|spokeswoman|official|director|chairman|candidate|suspect"
)
# After a name: ", who won five medals at the 2000 Olympics" (to the next comma), ", the world record holder,".
_ASIDE_AFTER = re.compile(
    rf"{_NAME_WORD}(,\s+(?:who|whose|whom)\b[^,;:()]*|,\s+(?:a|an|the)\s+[^,;:()]*?(?=,))"
)
# Before a name, opening the sentence: "World record holder Tim Montgomery", "Olympic champion Kelly Holmes".
_TITLE_BEFORE = re.compile(
    rf"^([A-Z][a-z'-]*(?:\s+[a-z][a-z'-]*){{0,3}}\s+(?:{_PERSON_NOUNS}))\s+{_NAME_WORD}\s+{_NAME_WORD}"
)


def aside_stems(text: str, tokens: Sequence[str]) -> frozenset[str]:
    """Return the stems ``text`` has only in asides saying who someone is (a title before a name, a
    "who" clause or an apposition after one), not in what the sentence reports."""
    m = _TITLE_BEFORE.match(text)
    if m is None and "," not in text:
        return frozenset()
    inside = words(m.group(1)) if m else []
    for a in _ASIDE_AFTER.finditer(text):
        inside += words(a.group(1))
    return frozenset(s for s in inside if tokens.count(s) <= inside.count(s))

"""Quote attribution: the role words a source gives a person, and how well a description matches them."""

from __future__ import annotations

import re
from functools import lru_cache

_POSSESSIVE = re.compile(r"[\u2019']s?$")
_INITIAL = re.compile(r"[A-Z]\.")
# Title abbreviations stand for the words a later description uses ("Sen. Rubio" ... "the Florida senator").
_ABBREVIATED = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "sec": "secretary",
    "amb": "ambassador",
    "pres": "president",
}
# A party tag after a name ("(D-Nev.)", ", R-Iowa,") says which party's member a description may mean.
_PARTY_TAG = re.compile(r"(?:\s*\(|,\s+)([DRI])-[A-Z]")
_PARTIES = {"D": "democrat", "R": "republican", "I": "independent"}
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "one",
        "another",
        "this",
        "that",
        "his",
        "her",
        "their",
        "its",
        "our",
        "some",
        "many",
        "other",
        "several",
        "two",
        "three",
    ]
)
_BODIES = frozenset(["senate", "congress", "presidency", "government", "ministry", "administration"])
# Heads so general that one shared modifier identifies the person ("the Belarusian leader").
_GENERIC_HEADS = frozenset(["leade", "offic", "polit", "lawma", "man", "woman", "figur"])
_STOP = frozenset(["the", "and", "for", "with", "who", "that", "from", "said", "says"])


@lru_cache(maxsize=1 << 16)
def clean_token(tok: str) -> str:
    """Return a token without possessive or trailing punctuation; an initial keeps its period."""
    if _INITIAL.fullmatch(tok):
        return tok  # a middle initial: "Harry M. Reid"
    tok = tok.rstrip(".,;:")
    if len(tok) > 2:
        tok = _POSSESSIVE.sub("", tok)
    return tok


def stem(word: str) -> str:
    """Return a crude stem that makes "Belarus" and "Belarusian" agree, and "Sen." and "senator"."""
    low = word.lower()
    if low in _BODIES:
        return low  # "Senate" is where a senator sits, not what she is
    return _ABBREVIATED.get(low, low)[:5]


_AGE_AFTER = re.compile(r",\s+(\d{1,3}),")
_AGE_BEFORE = re.compile(r"(\d{1,3})-year-old\s+$")
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|who is)\s+([^,.;]{2,80})")


def mention_roles(text: str, start: int, end: int) -> set[str]:
    """Return the role stems the words around a name mention text[start:end] give its person."""
    roles: set[str] = set()
    # Lower-case words just before ("former", "Belarusian") and an appositive after ("X, the leader of Y,").
    before = text[max(0, start - 40) : start].split()[-3:]
    roles.update(stem(clean_token(w)) for w in before if w[:1].islower() and len(w) > 3)
    # "Ann Lee, 46," and "46-year-old Ann Lee": an age is a description too ("the 46-year-old").
    age = _AGE_AFTER.match(text[end : end + 8]) or _AGE_BEFORE.search(text[max(0, start - 20) : start])
    if age:
        roles.add(stem(age.group(1) + "-year-old"))
    after = _APPOSITIVE.match(text[end : end + 90])
    if after:
        roles.update(stem(clean_token(w)) for w in after.group(1).split() if len(w) > 2)
    party = _PARTY_TAG.match(text, end)
    if party:
        roles.add(stem(_PARTIES[party.group(1)]))
    return roles


def description_words(description: str) -> tuple[list[str], str | None]:
    """Return the content-word stems of a description and the stem of its head (its last word)."""
    words = [
        stem(clean_token(w))
        for w in description.split()
        if w.lower() not in _DETERMINERS
        and w.lower() not in _STOP
        and len(w) > 2
        and not (w[:1].isupper() and _POSSESSIVE.search(w))
    ]
    tokens = description.split()
    for i, w in enumerate(tokens[1:], 1):
        if w in ("of", "for"):
            tokens = tokens[:i]  # "the Minister for London": the head is the office, not the place
            break
    last = tokens[-1] if tokens else ""
    office = len(tokens) < len(description.split()) and last[:1].isupper() and not _POSSESSIVE.search(last)
    head = stem(clean_token(last)) if (last[:1].islower() or office) and len(last) > 2 else None
    return words, head


def office_words(description: str) -> frozenset[str]:
    """Return the stems a person's roles must all hold to fit an office with its place or body.

    "the Minister for London" fits neither the Mayor of London nor the Prime Minister: both the office and
    the place must be among the person's role words. Empty for any other description.
    """
    tokens = description.split()
    cut = next((i for i, w in enumerate(tokens[1:], 1) if w in ("of", "for")), None)
    if cut is None or not tokens[cut - 1][:1].isupper():
        return frozenset()
    words, _ = description_words(description)
    return frozenset(words)


def description_score(words: list[str], head: str | None, roles: set[str]) -> int:
    """Return how well a description fits a person's role stems; 0 when it does not fit.

    The head noun ("senator" in "the Florida senator") names what the person is; without it, one shared
    modifier ("Democratic" in "the Democratic candidate") fits too many people, so two are needed, unless
    the head is as general as "leader" or "official".
    """
    shared = len(set(words) & roles)
    for office, modifier in (("presi", "vice"), ("minis", "prime")):
        if head == office and modifier in roles and modifier not in words:
            return 0  # "the president" is not the vice-president, "the minister" not the prime minister
    if head is not None and head in roles:
        return shared + 1
    return shared if shared >= 2 or head is None or head in _GENERIC_HEADS else 0

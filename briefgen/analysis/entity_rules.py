"""Rules of news writing about names and roles in the entity index: what is a name, what is a role.

- A capitalised common word before a name is a description ("Novelist Andrea Levy"), and a run opening
  with one is no name at all ("Close Trump", "Indoor Championships") unless a role vouches for it.
- Acronyms of things (TV, DVD, HIV, BST) are not organisations unless the text spells them out
  ("Political Action Committee (PAC)"); letters cut from "AT&T" are not an entity (see acronyms.py).
- Places, days and competitions are not people; a place or time phrase ends an organisation's name.
- Honorifics are not roles. Which spellings are one entity is in entity_spellings.py.
"""

from __future__ import annotations

import re

from ..model import Entity, Source
from .acronyms import undotted
from .gazetteer import (
    CALENDAR,
    COMMON_ACRONYMS,
    EVENT_HEADS,
    GIVEN_WORDS,
    HONORIFICS,
    OCCUPATIONS,
    ORG_HEADS,
    PARTICLES,
    PLACE_HEADS,
    PLACES,
    words_set,
)
from .mentions import Mention, is_place

_TIME_OR_PLACE_TAIL = re.compile(r"^(?P<name>.+?)\s+(?:on|in|at|of)\s+(?P<tail>\S+)$")
_ROLE_CLAUSE = re.compile(r"\b(?:who|which|that|because|whose|where|when)\b", re.I)
MAX_ROLE_WORDS = 8
_KIN = words_set(
    """wife husband son daughter mother father brother sister widow widower cousin nephew niece uncle aunt
    grandson granddaughter grandmother grandfather stepson stepdaughter fiancee fiance"""
)
# Capitalised function words inside a name mark a headline in title case ("Carson Slams Hillary And The Media").
_TITLE_CASE_WORDS = frozenset(
    ["And", "Or", "In", "The", "Of", "On", "For", "To", "A", "With", "At", "By", "From"]
)
_ADVERB_ENDS = ("ally", "edly", "ately", "ously", "ently", "antly", "ively", "fully", "ingly", "enly", "ssly")


def name_like(word: str, vocab: frozenset[str] | set[str]) -> bool:
    """Return whether a capitalised word may open a person's name (not a common word of the week)."""
    folded = word.casefold()
    if folded in GIVEN_WORDS:
        return True
    if "-" in word and not word.split("-", 1)[1][:1].isupper():
        return False  # "Off-colour" is a description; "Jean-Michel" a name
    if folded.endswith(_ADVERB_ENDS) or is_place(word) or folded in OCCUPATIONS:
        return False  # "Suddenly Last Summer"; "Australian Craig Mottram"
    return folded not in vocab and folded not in CALENDAR


def clean_mention(m: Mention, vocab: frozenset[str] | set[str]) -> Mention | None:
    """Return a mention with a leading description moved to its role, or None when it names no one."""
    tokens = m.tokens
    if len(tokens) > 1 and tokens[0] == "The" and m.cue != "organisation":
        return None  # "The History Boys", "The Lyric": titles and things, not people
    if m.cue == "organisation" and len(tokens) == 1 and undotted(tokens[0]) != tokens[0]:
        return Mention((undotted(tokens[0]),), m.source, m.sentence, m.role, m.cue)
    if m.cue != "person" or len(tokens) < 2:
        return m
    if len(set(tokens)) < len(tokens):
        return None  # "Spend Spend Spend": a name does not repeat a word
    if name_like(tokens[0], vocab) or tokens[0].casefold() in PARTICLES:
        return m  # "Van Doren Stern": a particle opens a surname
    if len(tokens) >= 3 and name_like(tokens[1], vocab):
        return Mention(tokens[1:], m.source, m.sentence, m.role, m.cue)  # "Novelist Andrea Levy"
    return m if m.role else None


def is_entity(
    e: Entity,
    standalone: set[str],
    defined: set[str],
    vocab: set[str] | frozenset[str],
    policies: set[str] | frozenset[str] = frozenset(),
) -> bool:
    """Return whether an entity is a person or organisation a reader would list."""
    words = e.name.split()
    folded = [w.casefold() for w in words]
    if e.kind == "organisation" and len(words) == 1 and e.name in policies:
        return False  # "DACA": a programme, not a body
    single = e.kind == "organisation" and len(words) == 1 and not e.name.isupper()
    if single and folded[0] in vocab and folded[0] not in ORG_HEADS:
        return False  # "Indoors": a common word of the week, capitalised, is not a name
    if not _TITLE_CASE_WORDS.isdisjoint(words[1:]):
        return False  # a headline in title case, not a name
    if len(words) == 1 and e.name.isupper():
        if e.name in defined:
            return True
        if e.name.casefold() in COMMON_ACRONYMS:
            return False
        if len(e.name) <= 3 and e.name not in standalone:
            return False  # only ever fused with "&"
    if folded[-1] in ("day", "eve") or not EVENT_HEADS.isdisjoint(folded):
        return False  # "Boxing Day", "Indoor Championships", "Choice Awards"
    # "Batticoloa District", "Sri Lanka": places, not people
    return not (e.kind == "person" and (folded[-1] in PLACE_HEADS or all(w in PLACES for w in folded)))


def always_after_the(e: Entity, by_id: dict[str, Source]) -> bool:
    """Return whether every time the sources write a person-shaped name, "the" comes first ("The Da Vinci
    Code"): people are not written with an article, titles of works and institutions are.

    Headlines drop articles ("Da Vinci Code is 'lousy history'"), so a source's title lines do not count.
    """
    if e.role or " " not in e.name:
        return False
    seen = False
    for sid in e.sources:
        source = by_id.get(sid)
        if source is None:
            continue
        title = (source.title or "").strip()
        for p in source.paragraphs:
            headline = p.n < source.body_from or p.text.strip() == title
            at = p.text.find(e.name)
            while at >= 0:
                if p.text[max(0, at - 4) : at].casefold() != "the " and not headline:
                    return False
                seen = True
                at = p.text.find(e.name, at + 1)
    return seen


def clean_role(role: str | None) -> str | None:
    """Return a role worth showing: not an honorific ("Mr", "Ms"), not a clause or a sentence's tail."""
    if not role:
        return None
    text = role.strip()
    if text.rstrip(".").casefold() in HONORIFICS or text.endswith("."):
        return None
    if len(text.split()) > MAX_ROLE_WORDS or _ROLE_CLAUSE.search(text):
        return None
    words = text.split()
    if not _KIN.isdisjoint(w.casefold() for w in (*words[:2], words[-1])):
        return None  # "his wife", "the husband of ...": a relation to someone, not a post
    return text


def trim_name(name: str) -> str:
    """Return an organisation's name without a trailing time or place phrase ("... on Monday")."""
    m = _TIME_OR_PLACE_TAIL.match(name)
    if m is None:
        return name
    tail = m.group("tail").casefold()
    # "Ministry of Energy on Monday" loses its day; "Bank of England" keeps its place
    if tail in CALENDAR or (tail in PLACES and not name.endswith(" of " + m.group("tail"))):
        return m.group("name")
    return name

"""Quote attribution: patterns that tell a name from a role (a role noun beside it, a verb after it)."""

from __future__ import annotations

import re

from ..words import TITLE_WORDS, any_word
from .descriptions import clean_token


def split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Return (role tokens, name tokens) of a capitalised sequence, cutting after the last title word."""
    cut = 0
    for i, tok in enumerate(tokens[:-1]):
        if clean_token(tok).lower() in TITLE_WORDS:
            cut = i + 1
    return tokens[:cut], tokens[cut:]


# A lower-case role noun right before a name ("Conservative leader Michael Howard", "spokesman, Ali Rezai").
_ROLE_NOUN = any_word(
    """
    leader spokesman spokeswoman spokesperson colleague minister secretary chairman chairwoman director adviser
    advisor aide official president chief commander coach captain manager lawyer economist analyst professor
    candidate rival deputy envoy ambassador governor senator mayor retiree strategist consultant operative
    activist voter resident student teacher worker owner founder
    """
)
ROLE_BEFORE = re.compile(rf"\b{_ROLE_NOUN}\s*,?\s+$")
# An appositive giving a role right after a name: "Karl Moss, a former budget director, ...".
ROLE_AFTER = re.compile(rf",\s+(?:\d{{1,3}},\s+)?(?:the|a|an)\s+(?:[\w\u2019'\-]+\s+){{0,4}}{_ROLE_NOUN}\b")
# Verbs whose subject is a person: "Karl Moss criticised ...", "Ali Rezai, the spokesman, rejected ...".
PERSON_VERB = re.compile(
    r"(?:(?:,[^,;\u201c\u201d\"]{1,40}){1,3},)?(?:\s+(?:also|then|later|still|again|[a-z]+ly))?\s+"
    + any_word(
        """
        criticised criticized attacked defended accused praised railed complained supported backed opposed
        endorsed voted rejected denied dismissed urged warned argued insisted vowed promised conceded admitted
        apologised apologized resigned
        """
    )
    + r"\b"
)
# "an analyst at Compass Point Research & Trading, wrote": a capitalised word after a preposition ends an
# appositive naming a body or place; it is not the cue's subject.
OF_BODY = re.compile(r"(?:\b(?:at|of|for|in|from|with)|&)\s+$")

"""Quote attribution: what a run of capitalised words gives (role words, a name, a lone surname)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..words import FEMALE_FIRST, MALE_FIRST, NOT_PERSON, PAST_CUE_FORMS, TITLE_WORDS
from .coref import PERSON_TITLES
from .descriptions import clean_token
from .name_words import split_role

_TOKEN = re.compile(r"\S+")
GIVEN_NAMES = (FEMALE_FIRST | MALE_FIRST) - TITLE_WORDS  # first names ("Mrs" is a title)


@lru_cache(maxsize=1 << 16)
def looks_like_name(tokens: tuple[str, ...]) -> bool:
    """Return whether capitalised tokens look like a person's name (not a place, body or date)."""
    if not 2 <= len(tokens) <= 4:
        return False
    low = [clean_token(t).lower() for t in tokens]
    # "Bill Clinton": a first name that is also a common word ("a bill") opens a name.
    if any(t in NOT_PERSON or t in TITLE_WORDS for t in low[low[0] in GIVEN_NAMES :]):
        return False
    if any(t.isupper() and len(t) > 2 for t in tokens):
        return False  # acronyms: organisations
    return all(len(t) >= 2 or t.endswith(".") for t in low)


# Name runs recur within and across sources: what a run's words alone give is worked out once per run.
@lru_cache(maxsize=1 << 16)
def run_parts(run: str) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """Return a capitalised run's (role tokens, cleaned name tokens, offset of its last token)."""
    tokens = run.split()
    roles, name = split_role(tokens)
    last = len(tokens) - 1  # index of the name's last token in the run
    for i, tok in enumerate(name[:-1]):
        if tok.endswith(("'s", "\u2019s", "s'", "s\u2019")):
            # "Britain's Jason Gardener": a full name after the possessive; "Schindler's List": the owner.
            if len(name) - i - 1 < 2:
                last = len(roles) + i  # "Sanders' Medicare": the owner is the name, where it stands
            name = name[i + 1 :] if len(name) - i - 1 >= 2 else name[: i + 1]
            break
    cleaned = [clean_token(t) for t in name]
    while len(cleaned) > 2 and cleaned[-1].lower() in PAST_CUE_FORMS:
        cleaned = cleaned[:-1]  # "Hillary Clinton Praised ...": a headline-style line's verb
    return tuple(roles), tuple(cleaned), [m.start() for m in _TOKEN.finditer(run)][last]


@lru_cache(maxsize=1 << 16)
def single_parts(token: str, roles: tuple[str, ...]) -> tuple[str, bool, bool] | None:
    """Return what a lone capitalised name token gives: (surname, after a person title, may be titled).

    None when the token is a common capitalised word rather than a name.
    """
    word = clean_token(token)
    if word.lower() in NOT_PERSON:
        return None
    titled_word = bool(roles) and clean_token(roles[-1]).lower() in PERSON_TITLES
    may_title = token[:1].isupper() and not token.endswith(("\u2019s", "'s"))
    return word, titled_word, may_title

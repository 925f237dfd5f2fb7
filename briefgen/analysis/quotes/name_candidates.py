"""Quote attribution's first reading of a source: every capitalised run that may name a person.

Full-name candidates (with the role words before them and whether a cue vouches for them), lone
surnames and titled surnames; ``People`` (speakers.py) decides which are people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Source
from ..words import NOT_PERSON, word_set
from .descriptions import clean_token
from .lower_words import LowerWords as _LowerWords
from .lower_words import common_compound
from .name_runs import GIVEN_NAMES, looks_like_name, run_parts, single_parts
from .name_words import OF_BODY

# A capitalised word, an initial, or a short abbreviation with its period ("Sen.", "Jr."); a longer word
# never keeps a period, so a name run stops at a sentence end ("in Belarus. Lukashenko said").
_CAP_REST = (
    r"(?:[\w\u2019'\-]*[a-z\u2019'\-](?![\w.])|[a-z]{0,3}\.|[\w\u2019'\-]*(?![\w.])"
    r"|[\w\u2019'\-]*[a-z](?=\.(?:\s|$)))"  # "noted Dan Oskvig.": a sentence's last name, without its period
)
_CAP = r"[A-Z]" + _CAP_REST
# The run opens with its capital, then looks behind it (not before it): a pattern that starts with a
# character class lets the regex engine skip every other position quickly, twice as fast on news text.
_NAME_SEQ = re.compile(
    r"[A-Z](?<![\w\u2019'\-][A-Z])"
    + _CAP_REST
    + r"(?:\s+(?:"
    + _CAP
    + r"|(?:de|van|von|bin|al|da|del|di|le|la)\b))*"
)
_CUED = re.compile(r",?\s+(?:said|says|told|tells|added|wrote|writes|argued|argues|stated|insisted|noted)\b")
_CUED_BEFORE = re.compile(
    r"\b(?:said|says|added|wrote|noted|argued|explained|observed|insisted|according to|journalist|reporter|analyst|official)\s+(?:the\s+)?$"
)

# Capitalised words that say what a person is, never part of the name: a party, a newsroom title.
_ROLE_OPENERS = word_set(
    "democrat republican libertarian independent conservative liberal editor-in-chief editor publisher"
)

Candidate = tuple[
    str, tuple[str, ...], str, re.Match[str], int, bool
]  # name, roles, text, run, paragraph, vouched


@dataclass(slots=True)
class NameRuns:
    """What the capitalised runs of a source give before any is accepted as a person."""

    candidates: list[Candidate] = field(default_factory=list)
    singles: list[tuple[int, int, str]] = field(default_factory=list)  # (paragraph, offset, surname)
    surnames: dict[str, int] = field(default_factory=dict)  # lone surname -> times it stands alone
    titled: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (surname, title words)


def name_candidates(source: Source, lower: _LowerWords) -> NameRuns:
    """Read every capitalised run of a source: full-name candidates, lone surnames, titled surnames."""
    runs = NameRuns()
    for para in source.paragraphs:
        for m in _NAME_SEQ.finditer(para.text):
            roles, name, last_at = run_parts(m.group(0))
            # "Yet Alexander Lukashenko": a sentence-opening common word is not part of the name.
            # "Bill Clinton": a first name that is also a common word is decided later, by what vouches for it.
            while len(name) > 1 and (
                name[0].lower() not in GIVEN_NAMES
                and (
                    name[0].lower() in lower
                    or name[0].lower() in NOT_PERSON
                    or common_compound(name[0], lower)
                )
            ):
                name = name[1:]
            while len(name) > 2 and clean_token(name[0]).lower() in _ROLE_OPENERS:
                roles, name = (*roles, name[0]), name[1:]  # "Democrat Zephyr Teachout": a party is a role
            if looks_like_name(name):
                cued = bool(
                    _CUED.match(para.text, m.end())
                    or _CUED_BEFORE.search(para.text, max(0, m.start() - 40), m.start())
                )
                runs.candidates.append((" ".join(name), roles, para.text, m, para.n, bool(roles) or cued))
            elif len(name) == 1 and (single := single_parts(name[0], roles)) is not None:
                word, titled_word, may_title = single
                # "Ham said", "said Matthews": a lone capitalised word as a cue's subject is a person.
                if may_title and (
                    titled_word
                    or (
                        not roles
                        and _CUED.match(para.text, m.end())
                        and not name[0].isupper()
                        and not OF_BODY.search(para.text, max(0, m.start() - 12), m.start())
                    )
                ):
                    runs.titled.append((word, roles))
                runs.singles.append((para.n, m.start() + last_at, word))
                runs.surnames[word] = runs.surnames.get(word, 0) + 1
    return runs

"""Referents a brief may name in square brackets: a bare surname's first name, the person "he" is.

Only where the source makes the referent certain: a surname the source writes in full with one given
name (or one far more often than any other), a pronoun whose sentence before names one person only.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Source
from .gazetteer import CALENDAR, DEMONYMS, ORG_HEADS, PARTICLES, PLACES, TITLES

SURE_SHARE = 0.75  # a bare surname names the person given this share of its full-name mentions
PROTAGONIST = 4  # a surname the source uses this often is its protagonist, met in full elsewhere

FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "if",
        "when",
        "while",
        "after",
        "before",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "to",
        "with",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "then",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "last",
        "next",
        "new",
        "more",
        "most",
        "many",
        "some",
        "several",
        "all",
        "both",
        "each",
        "every",
        "no",
        "not",
        "only",
        "even",
        "still",
        "also",
        "however",
        "although",
        "though",
        "because",
        "since",
        "until",
        "nearly",
        "almost",
        "about",
        "around",
        "over",
        "under",
        "among",
        "between",
        "during",
        "despite",
        "without",
        "within",
        "across",
        "according",
        "asked",
        "speaking",
        "writing",
    ]
)
NOT_GIVEN = FUNCTION_WORDS | TITLES | PLACES | DEMONYMS | CALENDAR | ORG_HEADS | PARTICLES
PRONOUN_SUBJECT = re.compile(r"^(He|She) (?=[a-z])")

_SURNAME = r"[A-Z][a-z]*(?:[\u2019']?[A-Z][a-z]+)*(?:-[A-Z][a-z]+)?"
# A possessive may follow ("Kostas Kenteris' lawyer"); a letter or hyphen may not.
_NAME_RUN = re.compile(rf"(?<![\w\u2019'-])[A-Z][a-z]+(?:\s+(?:[A-Z]\.|{_SURNAME})){{1,3}}(?![\w-])")
_ROLE_SUFFIX = re.compile(r"(?:er|ist|or|ian|ant|ent|man|woman)$")
_BARE = re.compile(rf"(?<![\w\u2019'.-])({_SURNAME})(?![\w-])")
# A capitalised word, an inserted bracket or a name particle ("Yvo de Boer") just before: a longer name.
_CAPITAL_BEFORE = re.compile(r"(?:[A-Z][\w.]*|\[[^\]]*\]|\b(?i:" + "|".join(sorted(PARTICLES)) + r"))\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")

Names = dict[str, Counter[str]]


def given_names(source: Source) -> Names:
    """Return, for each surname written after given names in ``source``, how often each given name is.

    "Keith Lamont Scott" gives Scott the given names "Keith Lamont"; title and place words leading a run
    ("Secretary of State Jon Husted") and a role noun opening a sentence ("Sprinter Ann Lee") are none.
    """
    found: Names = {}
    for p in source.paragraphs:
        for m in _NAME_RUN.finditer(p.text):
            tokens = m.group(0).split()
            while tokens and tokens[0].lower() in NOT_GIVEN:
                tokens = tokens[1:]
            opening = m.start() == 0 or p.text[max(0, m.start() - 4) : m.start()].rstrip().endswith(
                (".", "!", "?", ":")
            )
            if opening and len(tokens) > 2 and _ROLE_SUFFIX.search(tokens[0]):
                tokens = tokens[1:]
            if len(tokens) < 2 or any(t.lower() in NOT_GIVEN for t in tokens):
                continue
            found.setdefault(tokens[-1], Counter())[" ".join(tokens[:-1])] += 1
    return found


def _sure_given(surname: str, names: Names) -> str | None:
    """Return the given name the source gives ``surname``, "" if it gives several alike, None if none."""
    counts = names.get(surname)
    if not counts:
        return None
    given, n = counts.most_common(1)[0]
    return given if n >= SURE_SHARE * sum(counts.values()) else ""


def name_surnames(text: str, names: Names, whole: str | None = None) -> str | None:
    """Return ``text`` with bare surnames given their first name in brackets ("[Tom] Steyer said ...").

    The opening surname always (the sentence's subject); a surname further on when the source's text
    ``whole`` names that person rarely (below PROTAGONIST times: not someone the reader meets
    throughout). None when the source gives such a surname to several people alike: which is meant?
    """
    out: list[str] = []
    last = 0
    done: set[str] = set()
    for m in _BARE.finditer(text):
        surname = m.group(1)
        if surname in done or surname not in names:
            continue
        # "The Roadmap establishes ..." where the source says "Bali Roadmap": a name's short form.
        opening = m.start() == 0 or text[: m.start()] == "The "
        if not opening and whole is not None and whole.count(surname) >= PROTAGONIST:
            continue
        if m.start() > 4 and _CAPITAL_BEFORE.search(text[: m.start()]) or _CAPITAL_AFTER.match(text, m.end()):
            continue  # part of a longer name written here ("Anna Lund", "Lund Street")
        if _ARTICLE_BEFORE.search(text[: m.start()]):
            return None  # "an O'Sullivan": one of a family, which one is not said
        given = _sure_given(surname, names)
        if not given:
            return None
        done.add(surname)
        if re.search(rf"\b{re.escape(given)}\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", text):
            continue  # the sentence names the person in full elsewhere
        out += [text[last : m.start()], f"[{given}] "]
        last = m.start()
    return "".join(out) + text[last:] if out else text


def people_named(text: str, names: Names) -> set[str]:
    """Return the full names of the people a sentence names, in full or by a surname the source knows."""
    found: set[str] = set()
    for m in _NAME_RUN.finditer(text):
        tokens = [t for t in m.group(0).split() if t.lower() not in NOT_GIVEN]
        if len(tokens) >= 2:
            found.add(" ".join(tokens))
    for m in _BARE.finditer(text):
        surname = m.group(1)
        given = _sure_given(surname, names)
        if given and not any(n.endswith(" " + surname) for n in found):
            found.add(f"{given} {surname}")
    return found


def name_pronoun(text: str, previous: str | None, names: Names) -> tuple[str, str] | None:
    """Return ("He [Alexander Lukashenko] has ...", "Alexander Lukashenko has ...") when the sentence
    before names one person, as its subject, and no one else; else None (who "he" is is unsure)."""
    m = PRONOUN_SUBJECT.match(text)
    if m is None or previous is None:
        return None
    people = people_named(_QUOTED.sub(" ", previous), names)
    if len(people) != 1:
        return None
    (person,) = people
    if person.split()[-1] not in previous.split(",")[0].split()[:8]:
        return None  # named, but not as the subject the pronoun continues
    rest = text[m.end(1) :]
    return f"{m.group(1)} [{person}]{rest}", person + rest

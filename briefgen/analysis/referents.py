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
    text = "\n".join(p.text for p in source.paragraphs)
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
            # "Radical Islamic terrorists" opening a sentence, where the source writes "radical Islamic"
            # elsewhere: a capital the sentence start gave an ordinary word, not a given name.
            if opening and len(tokens) > 1 and f"{tokens[0].lower()} {tokens[1]}" in text:
                continue
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


def full_name(name: str, names: Names) -> str | None:
    """Return the full name the source gives a one-word name, or None: a surname with the given name
    the source gives it ("Jowell" -> "Tessa Jowell"), else a name written before one surname only and
    never as a surname itself ("Ban" -> "Ban Ki-Moon": the family name first)."""
    if " " in name.strip():
        return None
    given = _sure_given(name, names)
    if given:
        return f"{given} {name}"
    if given is not None:  # a surname several people share alike: which one is unsure
        return None
    after = [surname for surname, counts in names.items() if set(counts) == {name}]
    return f"{name} {after[0]}" if len(after) == 1 else None


def name_surnames(text: str, names: Names) -> str | None:
    """Return ``text`` with bare surnames given their first name in brackets ("[Tom] Steyer said ...").

    Every bare surname the source writes in full elsewhere, however often the source uses it: the
    brief's reader meets the sentence without the source (a section shows each name in full once:
    standalone.thin_insertions). None when the source gives such a surname to several people alike:
    which is meant?
    """
    out: list[str] = []
    last = 0
    done: set[str] = set()
    for m in _BARE.finditer(text):
        surname = m.group(1)
        if surname in done or surname not in names:
            continue
        if m.start() > 4 and text[m.start() - 4 : m.start()] == "the ":
            continue  # "the House", "the Roadmap": a body or a document, not a person, takes "the"
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


# "Wines believes ...", "Anderson largely agreed ...": one capitalised word as the subject of a verb of
# mind or of agreement is a person named by surname (places and bodies say, warn or announce).
_PERSON_SUBJECT = re.compile(
    rf"^({_SURNAME}) (?:[a-z]+ly |also |still |now )?((?:believes|believed|thinks|thought|agreed|agrees|feels"
    r"|felt|seemed|seems|hopes|hoped|insisted|insists|admitted|admits|conceded|concedes|worries|worried"
    r"|fears|feared|wondered|wonders|recalled|recalls))\b"
)
_WORD_TOKEN = re.compile(r"[A-Za-z][\w-]*")
PERSON_SHARE = 1 / 3  # a given name written with its surname this often is a person's name, not a place's


# "agreed with McLenny", "will join Cragg": the one agreed with, joined or beaten is a person too.
_PERSON_OBJECT = re.compile(
    rf"\b(?:(?:agreed|agrees|disagreed|disagrees|sided|sides) with|join|joins|joined|beat|beats|beaten)"
    rf" ({_SURNAME})(?![\w-]|\s+[A-Z])"
)


# "Mills' and Sameuelson's immunity": one of two people paired, the other known.
_PAIRED = re.compile(
    rf"(?<![\w\u2019'-])({_SURNAME})(?:[\u2019']s?)? and ({_SURNAME})"
    r"(?:[\u2019']s?(?=\s)|(?=[,.;:]|\s+(?:said|say|were|are|have|had|did|do|will|would|who)\b))"
)


def unknown_subject(text: str, names: Names) -> bool:
    """Return whether a sentence's subject, the one it agrees with, or one paired with a known person is
    named only by a surname the source never gives in full (a reader cannot tell who "Wines" is)."""
    subject = _PERSON_SUBJECT.match(text)
    if subject and subject.group(1).endswith(("s", "men", "people")) and not subject.group(2).endswith("s"):
        subject = None  # "Democrats agreed": a plural, not a person (a surname would take "agrees")
    for m in (subject, _PERSON_OBJECT.search(text)):
        if m and m.group(1) not in names and m.group(1).lower() not in NOT_GIVEN:
            return True
    for m in _PAIRED.finditer(text):
        known, other = m.group(1), m.group(2)
        if known in names and other not in names and other.lower() not in NOT_GIVEN:
            return True
    return False


def first_names(source: Source, names: Names) -> frozenset[str]:
    """Return the given names the source uses for people (written with their surname at least a third of
    the times it writes them): "Hasib" of "Hasib Hussain", not "Charlotte" of "Charlotte Panthers"."""
    candidates = {g for counts in names.values() for g in counts if " " not in g and g not in names}
    if not candidates:
        return frozenset()
    words = _WORD_TOKEN.findall("\n".join(p.text for p in source.paragraphs))
    alone = Counter(w for w in words if w in candidates)
    paired = Counter(a for a, b in zip(words, words[1:], strict=False) if a in candidates and b in names)
    return frozenset(g for g, n in alone.items() if paired[g] >= PERSON_SHARE * n)


def bare_first_name(text: str, names: Names, people: frozenset[str]) -> bool:
    """Return whether a sentence calls someone by a first name alone ("Hasib's whereabouts"), which a
    brief's reader, who has not met the full name, cannot place."""
    for m in _BARE.finditer(text):
        given = m.group(1)
        if given in people and not any(text.startswith(" " + s, m.end()) for s in _surnames_of(given, names)):
            return True
    return False


def _surnames_of(given: str, names: Names) -> list[str]:
    return [s for s, counts in names.items() if given in counts]


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

"""Rules of news writing the entity index keeps: what is a name, which spellings are one entity, what is a role.

- A capitalised common word before a name is a description ("Novelist Andrea Levy"), and a run opening
  with one is no name at all ("Close Trump", "Indoor Championships") unless a role vouches for it.
- Acronyms of things (TV, DVD, HIV, BST) are not organisations unless the text spells them out
  ("Political Action Committee (PAC)"); letters cut from "AT&T" are not an entity.
- Places, days and competitions are not people; a place or time phrase ends an organisation's name.
- F.B.I. is FBI; "Ministry of Defence (MOD)" makes MOD the ministry; "BBC News" is the BBC when the
  week also names the BBC; "Hillary Rodham Clinton" is "Hillary Clinton"; honorifics are not roles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Entity, Source
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

_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
# "Long Name (ACR)": a definition of an acronym in the text.
_DEFINED = re.compile(
    r"((?:[A-Z][\w'\u2019&-]*\s+(?:(?:of|for|and|on|the|de|du|des|la|le)\s+)*)*[A-Z][\w'\u2019&-]*)"
    r"\s+\(((?:[A-Z]\.?){2,8}s?)\)"
)
_JOINERS = words_set("of for and on the de du des la le")
_MEDIA_TAILS = (
    "News",
    "Online",
    "Radio",
    "Television",
    "TV",
    "World Service",
    "Inc",
    "Inc.",
    "Corp",
    "Ltd",
    "plc",
)
_TIME_OR_PLACE_TAIL = re.compile(r"^(?P<name>.+?)\s+(?:on|in|at|of)\s+(?P<tail>\S+)$")
_ROLE_CLAUSE = re.compile(r"\b(?:who|which|that|because|whose|where|when)\b", re.I)
MAX_ROLE_WORDS = 8
_KIN = words_set(
    """wife husband son daughter mother father brother sister widow widower cousin nephew niece uncle aunt
    grandson granddaughter grandmother grandfather stepson stepdaughter fiancee fiance"""
)
_COMPANY_TAILS = frozenset(
    [
        "Network",
        "Group",
        "Inc",
        "Inc.",
        "Corp",
        "Corp.",
        "Corporation",
        "Company",
        "Co",
        "Ltd",
        "plc",
        "Channel",
    ]
)
# Capitalised function words inside a name mark a headline in title case ("Carson Slams Hillary And The Media").
_TITLE_CASE_WORDS = frozenset(
    ["And", "Or", "In", "The", "Of", "On", "For", "To", "A", "With", "At", "By", "From"]
)
_ADVERB_ENDS = ("ally", "edly", "ately", "ously", "ently", "antly", "ively", "fully", "ingly", "enly", "ssly")


def undotted(form: str) -> str:
    """Return an acronym without its full stops ("F.B.I." -> "FBI"); other forms unchanged."""
    return form.replace(".", "") if _DOTTED.match(form) else form


def _name_like(word: str, vocab: frozenset[str] | set[str]) -> bool:
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
    if m.cue == "organisation" and len(tokens) == 1 and _DOTTED.match(tokens[0]):
        return Mention((undotted(tokens[0]),), m.source, m.sentence, m.role, m.cue)
    if m.cue != "person" or len(tokens) < 2:
        return m
    if len(set(tokens)) < len(tokens):
        return None  # "Spend Spend Spend": a name does not repeat a word
    if _name_like(tokens[0], vocab) or tokens[0].casefold() in PARTICLES:
        return m  # "Van Doren Stern": a particle opens a surname
    if len(tokens) >= 3 and _name_like(tokens[1], vocab):
        return Mention(tokens[1:], m.source, m.sentence, m.role, m.cue)  # "Novelist Andrea Levy"
    return m if m.role else None


def acronym_definitions(sources: Iterable[Source]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return (long name, (acronym,)) for each "Long Name (ACR)" in the sources whose initials fit."""
    found: dict[str, str] = {}
    for s in sources:
        for p in s.paragraphs:
            if "(" not in p.text:
                continue
            for m in _DEFINED.finditer(p.text):
                acr = m.group(2).replace(".", "")
                name = _fitting_name(m.group(1).split(), acr.rstrip("s") if len(acr) > 2 else acr)
                if name and acr not in found:
                    found[acr] = name
    return tuple((name, (acr,)) for acr, name in found.items())


def _fitting_name(words: list[str], acr: str) -> str | None:
    """Return the shortest tail of ``words`` whose initials spell ``acr`` in order, or None."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _JOINERS or words[i][:1].upper() != acr[:1].upper():
            continue
        initials = "".join(w[0] for w in words[i:]).upper()
        k = 0
        for ch in initials:
            if k < len(acr) and ch == acr[k].upper():
                k += 1
        if k == len(acr) and len(words) - i >= 2:
            return " ".join(words[i:])
    return None


# Words naming a law, programme or agreement: "the Deferred Action for Childhood Arrivals program, or DACA"
# and "the DACA and DAPA programs" name policies, not organisations.
_POLICY_WORDS = r"(?:program|programme|scheme|act|law|treaty|accord|agreement|initiative|plan|policy|rule)s?"
_POLICY_AFTER = re.compile(r"\b([A-Z]{2,8})(?:,?\s+(?:and|or)\s+([A-Z]{2,8}))?\s+" + _POLICY_WORDS + r"\b")
_POLICY_DEFINED = re.compile(
    r"((?:[A-Z][\w'\u2019&-]*\s+(?:(?:of|for|and|on|the)\s+)*)+)"
    + _POLICY_WORDS
    + r",?\s+(?:or|known as)\s+(?:the\s+)?([A-Z]{2,8})\b"
)
# Organisations named by a generic head alone ("the Athletes' Commission" read as "Commission"): no one can
# tell which body is meant, so the index leaves them out (casefolded).
_BARE_HEADS = words_set(
    """commission committee council ministry department agency association board authority office bureau
    institute institution foundation union federation court group company party alliance coalition movement
    front fund service services embassy directorate secretariat administration academy university college
    hospital museum gallery club bank network orchestra center centre corporation organisation organization"""
)


def policy_acronyms(sources: Iterable[Source]) -> set[str]:
    """Return the acronyms the texts use for laws and programmes, not for organisations.

    An acronym defined as a programme whose initials fit it ("the Deferred Action for Childhood Arrivals
    program, or DACA"), or one the text never writes except right before a policy word ("DACA and DAPA programs").
    """
    found: set[str] = set()
    elsewhere: set[str] = set()
    before: set[str] = set()
    for s in sources:
        for p in s.paragraphs:
            text = p.text
            for m in _POLICY_DEFINED.finditer(text):
                if _fitting_name(m.group(1).split(), m.group(2)):
                    found.add(m.group(2))
            spans = set()
            for m in _POLICY_AFTER.finditer(text):
                for g in (1, 2):
                    if m.group(g):
                        before.add(m.group(g))
                        spans.add(m.start(g))
            for m in re.finditer(r"\b[A-Z]{2,8}\b", text):
                if m.start() not in spans:
                    elsewhere.add(m.group())
    return found | (before - elsewhere)


_SHORT_CAPS = re.compile(r"(?<![\w&])[A-Z]{2,3}(?![\w&])")


def standalone_short_caps(sources: Iterable[Source]) -> set[str]:
    """Return the two- and three-letter capitals the texts use as words of their own (not "AT" of "AT&T")."""
    out: set[str] = set()
    for s in sources:
        for p in s.paragraphs:
            out.update(_SHORT_CAPS.findall(p.text))
    return out


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


def _always_after_the(e: Entity, by_id: dict[str, Source]) -> bool:
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


def _other_spelling(form: str, name: str) -> bool:
    """Return whether ``form`` is worth listing as another way ``name`` is written.

    Not a part of the name ("Paul" of "Rand Paul"), the name with a title before it ("Sens Rand Paul"),
    or the name with a time or place after it.
    """
    padded = f" {name} "
    return f" {form} " not in padded and not form.endswith(" " + name) and trim_name(form) != name


def _merge_into(target: Entity, other: Entity) -> Entity:
    variants = tuple(dict.fromkeys((*target.variants, other.name, *other.variants)))
    return Entity(
        name=target.name,
        kind=target.kind,
        variants=tuple(v for v in variants if _other_spelling(v, target.name)),
        role=target.role or other.role,
        mentions=target.mentions + other.mentions,
        sources=tuple(dict.fromkeys((*target.sources, *other.sources))),
    )


@dataclass(slots=True)
class _Index:
    """The week's entities by name, organisations by their leading words and by their last word."""

    by_name: dict[str, Entity]
    by_head: dict[str, list[str]]  # "Fox Business" -> ["Fox Business Network"] (names one word longer)
    by_last: dict[str, list[str]]  # "Times" -> ["New York Times", "Financial Times"]
    by_tail: dict[str, list[str]]  # "van voorhis" -> ["Chandler Van Voorhis"]: people by all but a first word
    initialled: dict[
        str, int
    ]  # "Donald Trump" -> how many names with middle initials it has ("Donald J. Trump")

    @classmethod
    def of(cls, entities: list[Entity]) -> _Index:
        by_head: dict[str, list[str]] = defaultdict(list)
        by_last: dict[str, list[str]] = defaultdict(list)
        by_tail: dict[str, list[str]] = defaultdict(list)
        initialled: Counter[str] = Counter()
        for e in entities:
            words = e.name.split()
            if e.kind == "person" and len(words) >= 3:
                by_tail[" ".join(words[1:]).casefold()].append(e.name)
            if e.kind == "person" and len(words) >= 3 and any(w.endswith(".") for w in words[1:-1]):
                initialled[f"{words[0]} {words[-1]}"] += 1
            if e.kind == "organisation" and len(words) > 1:
                by_head[" ".join(words[:-1])].append(e.name)
                by_last[words[-1]].append(e.name)
        return cls({e.name: e for e in entities}, by_head, by_last, by_tail, initialled)


def _double_surname(full: Entity, tail: Entity, vocab: set[str] | frozenset[str]) -> bool:
    """Return whether ``tail`` (all of ``full``'s words but the first) is ``full``'s own surname.

    "Chandler Van Voorhis" and "Van Voorhis": a particle opens a surname. "Michael Symmons Roberts" and
    "Symmons Roberts": a first word that can open a name, written in full at least as often as the tail;
    "Affairs Jan Egeland", once beside three "Jan Egeland", is a title's tail before a name instead.
    """
    words = full.name.split()
    if words[1].casefold() in PARTICLES:
        return True
    return _name_like(words[0], vocab) and full.mentions >= tail.mentions


def _is_own_tail(e: Entity, tail: str, index: _Index, vocab: set[str] | frozenset[str]) -> bool:
    """Return whether ``tail`` (``e``'s name without its first word) is ``e``'s surname (see _double_surname)."""
    same = [n for n in index.by_tail.get(tail.casefold(), []) if n == e.name]
    other = index.by_name.get(tail) or next(
        (x for x in index.by_name.values() if x.name.casefold() == tail.casefold() and x.kind == "person"),
        None,
    )
    return bool(same) and other is not None and _double_surname(e, other, vocab)


def _parent(e: Entity, index: _Index, vocab: set[str] | frozenset[str] = frozenset()) -> str | None:
    """Return the entity ``e`` is another spelling of, or None."""
    by_name = index.by_name
    words = e.name.split()
    if e.kind == "organisation":
        for tail in _MEDIA_TAILS:
            head = e.name.removesuffix(" " + tail)
            if head != e.name and by_name.get(head) is not None and by_name[head].kind == "organisation":
                return head  # "BBC News" and "BBC"
        trimmed = trim_name(e.name)
        if trimmed != e.name:
            return trimmed
    if e.kind == "person":
        longer = [n for n in index.by_head.get(e.name, ()) if n.split()[-1] in _COMPANY_TAILS]
        if len(longer) == 1:
            return longer[0]  # "Fox Business" and "Fox Business Network"
    if e.kind == "organisation" and len(words) == 1:
        longer = [n for n in index.by_last.get(e.name, ()) if set(e.sources) <= set(by_name[n].sources)]
        if len(longer) == 1:
            return longer[0]  # "the Times" in articles that name "The New York Times"
    if e.kind == "person" and len(words) >= 3:
        for i in range(1, len(words) - 1):  # "Affairs Jan Egeland" is Jan Egeland with a title's tail before
            tail = " ".join(words[i:])
            if words[i - 1].casefold() in PARTICLES or (i == 1 and _is_own_tail(e, tail, index, vocab)):
                break  # "Chandler Van Voorhis": "Van Voorhis" is his surname, not another person
            if tail in by_name and by_name[tail].kind == "person":
                return tail
    if e.kind == "person" and len(words) >= 2:
        longer = [
            n for n in index.by_tail.get(e.name.casefold(), []) if _double_surname(by_name[n], e, vocab)
        ]
        if len(longer) == 1:
            return longer[0]  # "Van Doren Stern" is the surname of "Philip van Doren Stern"
    if e.kind == "person" and len(words) >= 3:
        short = f"{words[0]} {words[-1]}"
        initialled = any(w.endswith(".") or len(w) == 1 for w in words[1:-1])
        # "Hillary Rodham Clinton" and "Donald J. Trump" are "Hillary Clinton" and "Donald Trump"; not when the
        # week writes two initials with one name (George W. Bush and George H. W. Bush are two people)
        if (
            by_name.get(short) is not None
            and by_name[short].kind == "person"
            and (not initialled or index.initialled.get(short, 0) == 1)
        ):
            return short
    return None


def tidy_entities(
    entities: tuple[Entity, ...],
    sources: tuple[Source, ...],
    defined: set[str],
    vocab: set[str] | frozenset[str] = frozenset(),
) -> tuple[Entity, ...]:
    """Return the entities without non-entities, with spellings merged and roles cleaned, most mentioned first."""
    standalone = standalone_short_caps(sources)
    policies = policy_acronyms(sources)
    by_id = {s.id: s for s in sources}
    kept = [
        e
        for e in entities
        if is_entity(e, standalone, defined, vocab, policies)
        and not (e.kind == "person" and _always_after_the(e, by_id))
    ]
    index = _Index.of(kept)
    parent_of = {e.name: p for e in kept if (p := _parent(e, index, vocab)) is not None and p != e.name}
    roots: dict[str, Entity] = {}
    for e in kept:  # most mentioned first, so a name keeps its own place when it is a root
        root = e.name
        for _ in range(3):  # a short chain at most: "BBC News Online" -> "BBC News" -> "BBC"
            root = parent_of.get(root, root)
        if root == e.name:
            roots[root] = _merge_into(e, roots[root]) if root in roots else e
        elif root in roots:
            roots[root] = _merge_into(roots[root], e)
        else:
            roots[root] = _merge_into(Entity(root, e.kind), e)
    _place_bare_surnames(roots)
    for name in [n for n, e in roots.items() if e.kind == "organisation" and n.casefold() in _BARE_HEADS]:
        del roots[name]  # "Commission" alone, not "the Times" of "The New York Times": which body is it?
    out = (
        Entity(e.name, e.kind, e.variants, clean_role(e.role), e.mentions, e.sources) for e in roots.values()
    )
    return tuple(sorted(out, key=lambda e: (-e.mentions, e.name)))


def _place_bare_surnames(roots: dict[str, Entity]) -> None:
    """Merge a bare surname into the one person of the week who bears it, once spellings are merged.

    "Sens Rand Paul" and "Rand Paul" made "Paul" look shared while the entities were found; once they are
    one, "Paul" is him. A surname two people bear (Bill and Hillary Clinton) stays apart.
    """
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name, e in roots.items():
        if e.kind == "person" and " " in name:
            by_surname[name.rsplit(" ", 1)[1]].append(name)
    for name in [n for n, e in roots.items() if e.kind == "person" and " " not in n]:
        bearers = by_surname.get(name, [])
        if len(bearers) == 1:
            roots[bearers[0]] = _merge_into(roots[bearers[0]], roots.pop(name))

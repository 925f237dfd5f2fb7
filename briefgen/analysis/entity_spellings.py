"""Rules of news writing about spellings: which names in the week's entity index are one entity.

F.B.I. is FBI; "Ministry of Defence (MOD)" makes MOD the ministry; "BBC News" is the BBC when the week also
names the BBC; "Hillary Rodham Clinton" is "Hillary Clinton"; a bare surname is the one person who bears it.
``tidy_entities`` applies these with the rules of entity_rules.py and acronyms.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Entity, Source
from .acronyms import policy_acronyms, standalone_short_caps
from .entity_rules import always_after_the, clean_role, is_entity, name_like, trim_name
from .gazetteer import PARTICLES, words_set

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
# Organisations named by a generic head alone ("the Athletes' Commission" read as "Commission"): no one can
# tell which body is meant, so the index leaves them out (casefolded).
_BARE_HEADS = words_set(
    """commission committee council ministry department agency association board authority office bureau
    institute institution foundation union federation court group company party alliance coalition movement
    front fund service services embassy directorate secretariat administration academy university college
    hospital museum gallery club bank network orchestra center centre corporation organisation organization"""
)


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
    return name_like(words[0], vocab) and full.mentions >= tail.mentions


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
        and not (e.kind == "person" and always_after_the(e, by_id))
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

"""Find the people and organisations named in the sources, merge spelling variants and find their roles."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..model import Entity, Quote, Source
from .acronyms import acronym_definitions
from .entity_rules import clean_mention
from .entity_spellings import tidy_entities
from .gazetteer import ORG_HEADS, words_set
from .mentions import TOKEN, Mention, Opener, SourceNames, is_place, pick, scan_source

__all__ = ["SourceNames", "close_spelling", "find_entities", "scan_source"]

# A bare surname means the namesake its article names in full at least this many times as often as any other.
DOMINANT_TIMES = 3
_FEMININE = ("aya", "ova", "eva", "ina", "ska", "skaya", "ovna", "evna", "yna")


@dataclass(slots=True)
class _Group:
    name: str
    kind: str
    forms: Counter[str] = field(default_factory=Counter)
    sources: dict[str, None] = field(default_factory=dict)
    roles: Counter[str] = field(default_factory=Counter)  # beside the full name: the most given wins
    surname_roles: Counter[str] = field(default_factory=Counter)  # beside a bare surname: if no other
    mentions: int = 0


def _scan(
    sources: tuple[Source, ...], names: Mapping[str, SourceNames] | None = None
) -> tuple[list[Mention], list[int], set[str]]:
    """Return every name-like mention in the sources, in reading order, its corpus-wide sentence number,
    and the week's lower-case words.

    The numbers come apart from the (per-source, cached) mentions, so no mention is copied.
    """
    scanned = [(names or {}).get(s.id) or scan_source(s) for s in sources]
    vocab: set[str] = set().union(*(n.lower for n in scanned))
    out: list[Mention] = []
    at: list[int] = []
    offset = 0
    for found in scanned:
        for item in found.items:
            m = pick(item, vocab) if isinstance(item, Opener) else item
            if m is not None:
                m = clean_mention(m, vocab)
            if m is not None:
                out.append(m)
                at.append(offset + m.sentence)
        offset += found.sentences
    return out, at, vocab


def _within(a: str, b: str, limit: int) -> bool:
    """Return whether the Levenshtein distance between two short strings is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False  # each letter of length difference costs an edit
    if limit == 1 and len(a) == len(b):
        return sum(ca != cb for ca, cb in zip(a, b, strict=True)) <= 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return False  # a row's minimum never falls in later rows
        prev = cur
    return prev[-1] <= limit


@functools.lru_cache(maxsize=65536)
def close_spelling(a: str, b: str) -> bool:
    """Return whether two surnames look like spellings of one name (Lukashenko / Lukashenka), not two people.

    Different gendered endings (Tsikhanouski / Tsikhanouskaya) mean different people; otherwise one edit per
    six letters is allowed.
    """
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0] or a.endswith(_FEMININE) != b.endswith(_FEMININE):
        return False
    return _within(a, b, max(1, min(len(a), len(b)) // 6))


class _Resolver:
    """Map mentions to entity groups: aliases first, then full names, surnames and close spellings.

    Indexes kept up to date by ``_group`` let each mention look at a handful of candidate groups, not at
    every group so far (which made the stage quadratic in the number of sources).
    """

    def __init__(
        self,
        mentions: list[Mention],
        forms: list[str],
        sentences: list[int],
        aliases: tuple[tuple[str, tuple[str, ...]], ...],
    ) -> None:
        """Index ``mentions`` (with their forms and corpus-wide sentence numbers, in the same order)."""
        self.alias = {v.casefold(): name for name, variants in aliases for v in (name, *variants)}
        self.groups: dict[str, _Group] = {}
        # Forms in order with their sentences, to tell co-occurring names apart: two lists, not a set per
        # form, as the question is seldom asked and every long-lived container adds to garbage collection.
        order = sorted(range(len(forms)), key=forms.__getitem__)
        self._seen_forms = [forms[i] for i in order]
        self._seen_sentences = [sentences[i] for i in order]
        # Multi-word people by surname; by (first name, word count, surname initial); and surname spellings
        # by each of their one-letter deletions, so close spellings are found without comparing all pairs.
        self._by_surname: dict[str, list[_Group]] = defaultdict(list)
        self._by_first: dict[tuple[str, int, str], list[_Group]] = defaultdict(list)
        self._deletions: dict[
            str, tuple[str, ...]
        ] = {}  # tuples of strings: the collector stops tracking them
        self._long: dict[str, set[str]] = defaultdict(set)  # surnames of 12+ letters by initial (2+ edits)
        self._initials: dict[str, _Group] = {}  # "EU" -> the first organisation with those initials
        # form -> (people indexed when computed, close people): recomputed only after a new person appears
        self._close: dict[str, tuple[int, list[_Group]]] = {}
        self._people = 0
        # full name -> (its namesakes' bucket, how many it held, its group's name)
        self._full: dict[str, tuple[list[_Group], int, str]] = {}
        # (source, surname) -> the full names of people with that surname the source names: "Trump" in an
        # article naming only Donald Trump is him, though the week also names Ivanka Trump.
        self._local: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # full name -> mentions
        for m, form in zip(mentions, forms, strict=True):
            # full names (and aliases' canonical names) make the groups that others join
            if len(m.tokens) > 1:
                key = self._full_key(m, form)
                group = self._group(key, m.cue or "person")
                if group.kind == "person":
                    self._local[(m.source, key.split()[-1])][key] += 1
        for m, form in zip(mentions, forms, strict=True):
            # then one-word organisations ("Gazprom"), unless the word is a person's surname ("the Trump
            # campaign"): that waits for resolve, which places it with the person or as a person
            if len(m.tokens) == 1 and m.cue == "organisation" and form not in self._by_surname:
                self._group(self._full_key(m, form), "organisation")

    def _full_key(self, m: Mention, form: str) -> str:
        if self.alias and form.casefold() in self.alias:
            return self.alias[form.casefold()]
        if m.cue == "person" and len(m.tokens) > 1:
            known = self._full.get(form)
            if known is not None and len(known[0]) == known[1]:
                return known[2]  # no new namesake since last time: same answer
            bucket = self._by_first[(m.tokens[0], len(m.tokens), m.tokens[-1].casefold()[:1])]
            found = form
            for g in bucket:  # "Alexander Lukashenka" joins "Alexander Lukashenko"
                parts = g.name.split()
                if (
                    parts != list(m.tokens)
                    and close_spelling(parts[-1], m.tokens[-1])
                    and not self._together(g.name, form)
                ):
                    found = g.name
                    break
            self._full[form] = (bucket, len(bucket), found)  # the bucket grows in place
            return found
        return form

    def _group(self, name: str, kind: str) -> _Group:
        if name not in self.groups:
            org = any(t.casefold() in ORG_HEADS for t in name.split()) or kind == "organisation"
            group = self.groups[name] = _Group(name, "organisation" if org else "person")
            self._index(group)
        return self.groups[name]

    def _index(self, g: _Group) -> None:
        """Add a new group to the indexes that ``resolve`` and ``_full_key`` look candidates up in."""
        parts = g.name.split()
        if g.kind == "organisation":
            words = [w for w in parts if w[0].isupper()]
            if len(words) > 1:
                self._initials.setdefault("".join(w[0] for w in words), g)
            return
        if len(parts) < 2:
            return
        surname = parts[-1]
        folded = surname.casefold()
        self._by_first[(parts[0], len(parts), folded[:1])].append(g)
        if not self._by_surname[surname]:
            for variant in _deletions(folded):
                self._deletions[variant] = (*self._deletions.get(variant, ()), surname)
            if len(folded) >= 12:
                self._long[folded[:1]].add(surname)
        self._by_surname[surname].append(g)
        self._people += 1

    def _together(self, a: str, b: str) -> bool:
        return not self._sentences_of(a).isdisjoint(self._sentences_of(b))

    def _sentences_of(self, form: str) -> set[int]:
        """Return the corpus-wide numbers of the sentences that mention ``form``."""
        lo = bisect_left(self._seen_forms, form)
        return set(self._seen_sentences[lo : bisect_right(self._seen_forms, form, lo)])

    def _close_people(self, form: str) -> list[_Group]:
        """Return the multi-word people whose surname is a close spelling of ``form``, oldest first."""
        cached = self._close.get(form)
        if cached is not None and cached[0] == self._people:
            return cached[1]
        folded = form.casefold()
        # One edit or fewer unless both names have 12+ letters: those share a one-letter deletion.
        surnames = {s for v in _deletions(folded) for s in self._deletions.get(v, ())}
        if len(folded) >= 12:
            surnames |= self._long.get(folded[:1], set())
        found = [g for s in surnames if close_spelling(s, form) for g in self._by_surname[s]]
        self._close[form] = (self._people, found)
        return found

    def _local_person(self, m: Mention, form: str) -> _Group | None:
        """Return the person with surname ``form`` that the mention's own source means by it: the one it names
        in full, the one it names in full far more often than any namesake (a story about Hillary Clinton
        that names Bill Clinton once), or the one it introduces first and names at least as often as any other
        (news style gives the first-named namesake the bare surname and writes the others in full)."""
        names = self._local.get((m.source, form))
        if not names:
            return None
        (top, n), *rest = names.most_common(2)
        first = next(iter(names))  # counters keep the order names were first seen in
        if rest and (n < 2 or (n < DOMINANT_TIMES * rest[0][1] and top != first)):
            return None
        return self.groups[top]

    def resolve(self, m: Mention, form: str) -> _Group | None:
        """Return the group a mention (its words joined as ``form``) belongs to, or None when it cannot be placed."""
        if len(m.tokens) == 1 and (local := self._local_person(m, form)) is not None:
            return local  # "Trump" (even "the Trump campaign") where the article names Donald Trump
        organisation = m.cue == "organisation" and form not in self._by_surname
        if len(m.tokens) > 1 or organisation or (self.alias and form.casefold() in self.alias):
            key = self._full_key(m, form)
            if len(m.tokens) == 1 and key == form and m.cue == "organisation":
                return self._acronym_of(form) or self._group(form, "organisation")
            return self._group(key, m.cue or "person")
        exact = self._by_surname.get(form, ())
        if len(exact) == 1:
            return exact[0]
        org = self.groups.get(form)
        if org is not None and org.kind == "organisation":
            return org
        close = self._close_people(form)
        if not exact and len(close) == 1 and not self._together(close[0].name.split()[-1], form):
            return close[0]
        if exact and (m.cue is not None or form in self.groups):
            return self._group(form, "person")  # a surname several people share: a person, unplaced
        if m.cue in ("person", "organisation"):
            return self._group(form, m.cue)
        return None

    def _acronym_of(self, form: str) -> _Group | None:
        """Return the organisation whose initials spell ``form`` ("EU" -> "European Union")."""
        return self._initials.get(form) if form.isupper() else None


# One word cut from a longer title ("State" of "Secretary of State Hillary Clinton"): no role on its own.
_PART_TITLES = words_set(
    "state secretary former acting deputy vice general chief head special foreign interior defence defense late"
)


def _most_given(roles: Counter[str]) -> str | None:
    """Return the role given most often (the first given among equals), or None."""
    return roles.most_common(1)[0][0] if roles else None


def _deletions(word: str) -> set[str]:
    """Return ``word`` and every string one deletion away: two words within one edit share one of them."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _is_part(form: str, name: str) -> bool:
    """Return whether ``form`` is a run of ``name``'s words ("Lukashenko" of "Alexander Lukashenko")."""
    f, n = form.split(), name.split()
    return any(n[i : i + len(f)] == f for i in range(len(n) - len(f) + 1))


@functools.lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    """Return a pattern finding ``word`` as a whole word."""
    return re.compile(r"\b" + re.escape(word) + r"\b")


def _speaker_mentions(sources: tuple[Source, ...], quotes: tuple[Quote, ...], start: int) -> list[Mention]:
    """Return quote speakers as mentions, unless the paragraph already names them outside the quote."""
    by_id: dict[str, list[Source]] = defaultdict(list)
    for s in sources:
        by_id[s.id].append(s)
    paragraphs: dict[str, dict[int, str]] = {}  # by source id, made when a quote needs it
    out = []
    for i, q in enumerate(quotes):
        tokens = TOKEN.findall(q.speaker or "")
        if not tokens or not all(t[:1].isupper() for t in tokens) or all(is_place(t) for t in tokens):
            continue
        texts = paragraphs.get(q.cite.source)
        if texts is None:
            texts = paragraphs[q.cite.source] = {
                p.n: p.text for s in by_id.get(q.cite.source, ()) for p in s.paragraphs
            }
        text = texts.get(q.cite.paragraph, "")
        if tokens[-1] in text:  # else no need for the pattern
            word = _word_pattern(tokens[-1])
            if word.search(text, 0, q.start) or word.search(text[q.end :]):
                continue  # the scan already counted this name
        out.append(Mention(tuple(tokens), q.cite.source, start + i, role=q.speaker_role, cue="person"))
    return out


def find_entities(
    sources: tuple[Source, ...],
    quotes: tuple[Quote, ...],
    *,
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = (),
    names: Mapping[str, SourceNames] | None = None,
) -> tuple[Entity, ...]:
    """Return the entities named in the sources, most mentioned first.

    ``names`` holds each source's ``scan_source`` result when the per-source stage computed it.
    """
    mentions, sentences, vocab = _scan(sources, names)
    defined = acronym_definitions(sources)  # "Ministry of Defence (MOD)": MOD is the ministry
    known = {a.casefold() for _, variants in aliases for a in variants}
    aliases = (*aliases, *((n, v) for n, v in defined if v[0].casefold() not in known))
    speakers = [
        c
        for m in _speaker_mentions(sources, quotes, start=len(mentions) + 10**9)
        if (c := clean_mention(m, vocab)) is not None
    ]
    mentions += speakers
    sentences += [m.sentence for m in speakers]
    forms = [" ".join(m.tokens) for m in mentions]
    resolver = _Resolver(mentions, forms, sentences, aliases)
    for m, form in zip(mentions, forms, strict=True):
        group = resolver.resolve(m, form)
        if group is None:
            continue
        group.mentions += 1
        group.forms[form] += 1
        group.sources.setdefault(m.source, None)
        if m.role and group.kind == "person" and m.role.casefold() not in _PART_TITLES:
            # "President Clinton" beside a bare surname may be a namesake: a full name's role comes first.
            (group.roles if len(m.tokens) > 1 or form == group.name else group.surname_roles)[m.role] += 1
    rank = {s.id: i for i, s in enumerate(sources)}
    entities = []
    for g in resolver.groups.values():
        if not g.mentions:
            continue
        variants = tuple(f for f, _ in g.forms.most_common() if f != g.name and not _is_part(f, g.name))
        kind: Literal["person", "organisation"] = "organisation" if g.kind == "organisation" else "person"
        entities.append(
            Entity(
                name=g.name,
                kind=kind,
                variants=variants,
                role=_most_given(g.roles) or _most_given(g.surname_roles),
                mentions=g.mentions,
                sources=tuple(sorted(g.sources, key=lambda s: rank.get(s, len(rank)))),
            )
        )
    ordered = tuple(sorted(entities, key=lambda e: (-e.mentions, e.name)))
    return tidy_entities(ordered, sources, {v[0] for _, v in defined}, vocab)

"""Find the people and organisations named in the sources, merge spelling variants and find their roles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..model import Entity, Quote, Source
from .gazetteer import (
    CALENDAR,
    CONNECTORS,
    DEMONYMS,
    EVENT_WORDS,
    OPENERS,
    ORG_HEADS,
    PARTICLES,
    PLACES,
    TITLES,
)
from .segment import sentence_spans

_SPEECH = re.compile(r"\s+(?:said|says|told|argued|insisted|stated|added|wrote|noted|warned|claimed)\b")
_ROLE_NOUNS = (
    "envoy|president|minister|leader|spokesman|spokeswoman|spokesperson|head|chief|adviser|advisor|ambassador|"
    "candidate|journalist|analyst|husband|wife|son|daughter|secretary|director|chairman|commander|official|"
    "diplomat|founder|editor|researcher|professor|economist|negotiator|representative|deputy|opponent|activist"
)
# "Keith Kellogg, Trump's special envoy on Ukraine," / "Coale is the Deputy Special Envoy to ..." / "X—the husband of Y—"
_ROLE_AFTER = re.compile(
    r"^(?:,\s+|\s*[\u2014\u2013]\s*|\s+is\s+)(?P<role>(?:(?:a|an|the)\s+|[A-Z][\w-]*[\u2019']s\s+)"
    r"[^,.;:\u2014\u2013()]{0,60}?\b(?i:"
    + _ROLE_NOUNS
    + r")\b[^,;:\u2014\u2013()]{0,60}?)(?=\s*[,.;:\u2014\u2013(]|$)"
)
_ROLE_BEFORE = re.compile(r"(?P<role>(?:[\w.\u2019'-]+\s+){0,2}(?:" + _ROLE_NOUNS + r"))\s+$", re.I)
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w\u2019'-]*[^\W_])?")
_POSSESSIVE = re.compile(r"[\u2019']s$")
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_FEMININE = ("aya", "ova", "eva", "ina", "ska", "skaya", "ovna", "evna", "yna")


@dataclass(slots=True)
class _Mention:
    tokens: tuple[str, ...]
    source: str
    sentence: int  # a corpus-wide sentence number, for "do these two spellings co-occur?"
    role: str | None = None
    cue: str | None = None  # "person" | "organisation" | "place" | None


@dataclass(slots=True)
class _Group:
    name: str
    kind: str
    forms: Counter[str] = field(default_factory=Counter)
    sources: dict[str, None] = field(default_factory=dict)
    role: str | None = None
    mentions: int = 0


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _is_place(token: str) -> bool:
    parts = [p for p in re.split(r"-", token) if p]
    return all(p.casefold() in PLACES or p.casefold() in DEMONYMS for p in parts)


def _is_heading(text: str) -> bool:
    """Return whether a paragraph reads like a title or byline (mostly capitalised words, no full stop)."""
    words = _TOKEN.findall(text)
    caps = sum(1 for w in words if _is_cap(w))
    return len(words) <= 25 and caps >= 0.5 * len(words) and not text.rstrip().endswith((".", "?", "!"))


def _runs(text: str) -> list[tuple[int, int, list[str]]]:
    """Return runs of capitalised tokens (with particles and "of"-style connectors) as (start, end, tokens)."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    runs: list[tuple[int, int, list[str]]] = []
    i = 0
    while i < len(toks):
        if not _is_cap(toks[i][2]):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and text[toks[j][1] : toks[j + 1][0]] == " ":
            nxt = toks[j + 1][2]
            if _POSSESSIVE.search(toks[j][2]):
                break
            if _is_cap(nxt):
                j += 1
            elif nxt in PARTICLES or nxt in CONNECTORS:
                k = j + 2 if not (nxt == "of" and j + 2 < len(toks) and toks[j + 2][2] == "the") else j + 3
                if k < len(toks) and _is_cap(toks[k][2]) and text[toks[k - 1][1] : toks[k][0]] == " ":
                    j = k
                else:
                    break
            else:
                break
        tokens = [t for _, _, t in toks[i : j + 1]]
        tokens[-1] = _POSSESSIVE.sub("", tokens[-1])
        runs.append((toks[i][0], toks[j][1], tokens))
        i = j + 1
    return runs


def _split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Return (title-and-place prefix, name) of a run such as "Belarus President Alexander Lukashenko"."""
    titles = [i for i, t in enumerate(tokens[:-1]) if t.casefold() in TITLES]
    k = titles[-1] + 1 if titles else 0
    while k < len(tokens) - 1 and _is_place(tokens[k]):
        k += 1  # "Belarus Lukashenko": a place before a name is not part of it (nor a role)
    return (tokens[: titles[-1] + 1] if titles else []), tokens[k:]


def _single_cue(text: str, start: int, end: int, possessive: bool) -> str | None:
    """Return what the context says a lone capitalised word names: "person", "organisation", "place" or None."""
    after = text[end:]
    if _SPEECH.match(after) or (
        possessive and re.match(r"\s+(?:\w+\s+){0,2}(?:" + _ROLE_NOUNS + r")\b", after)
    ):
        return "person"
    if re.match(r"\s+administration\b", after):
        return "person"
    if re.match(r"\*?,?\s+which\b", after):
        return "organisation"
    if re.search(r"\b(?:in|to|from|at|into|across|near|toward|towards|via)\s+$", text[:start]):
        return "place"
    return None


def _role_from_context(text: str, start: int, end: int) -> str | None:
    """Return the role the sentence gives a person: an apposition after the name or a job noun before it."""
    after = _ROLE_AFTER.match(text[end:])
    found = after.group("role") if after else None
    if not found:
        before = _ROLE_BEFORE.search(text[max(0, start - 80) : start])  # a role sits right before the name
        found = before.group("role") if before else None
    if not found:
        return None
    role = re.sub(r"^(?:a|an|the)\s+", "", found.strip(), flags=re.I)
    if not after:
        # Before a name, only modifiers belong to the role: "told U.S. journalist" -> "U.S. journalist".
        words = role.split()
        while len(words) > 1 and words[0].islower() and words[0] not in _ROLE_MODIFIERS:
            words.pop(0)
        role = " ".join(words)
    return role or None


_ROLE_MODIFIERS = {
    "former",
    "senior",
    "chief",
    "deputy",
    "acting",
    "top",
    "veteran",
    "special",
    "prime",
    "foreign",
    "defence",
    "defense",
    "opposition",
    "exiled",
    "jailed",
    "independent",
    "state",
}


def _mention(
    text: str, start: int, end: int, tokens: list[str], vocab: set[str], where: tuple[str, int]
) -> _Mention | None:
    """Return the mention a capitalised run stands for, or None for places, dates and common words."""
    if not text[:start].strip(_QUOTE_MARKS + "([*- "):
        while tokens and (tokens[0].casefold() in vocab or tokens[0].casefold() in OPENERS):
            tokens = tokens[1:]  # a capitalised common word opening the sentence
    folded = [t.casefold() for t in tokens]
    if not any(t in ORG_HEADS for t in folded) and any(t in CONNECTORS for t in tokens):
        last = max(i for i, t in enumerate(tokens) if t in CONNECTORS)
        tokens = tokens[last + 1 :]  # "Critics of Marchenka" names Marchenka
    while tokens and tokens[-1] in PARTICLES | CONNECTORS:
        tokens = tokens[:-1]
    if not tokens:
        return None
    if start and end < len(text) and text[start - 1] in _QUOTE_MARKS and text[end] in _QUOTE_MARKS:
        return None  # a name in scare quotes ("Russkiy Mir") is a slogan, not a person
    folded = [t.casefold() for t in tokens]
    if any(t in EVENT_WORDS for t in folded):
        return None
    if any(t in ORG_HEADS for t in folded) or (
        len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1
    ):
        if all(_is_place(t) or t in TITLES or t in ("federation", "republic") for t in folded):
            return None  # "Russian Federation" is a country
        return _Mention(tuple(tokens), *where, cue="organisation")
    prefix, name = _split_role(tokens)
    if not name or any(_is_place(t) or t.casefold() in CALENDAR or t.casefold() in TITLES for t in name):
        return None
    if any(t.isupper() or t[-1:] == "." for t in name if t not in PARTICLES) or len(name) > 4:
        return None
    role = " ".join(prefix) if prefix else _role_from_context(text, start, end)
    if len(name) > 1:
        return _Mention(tuple(name), *where, role=role, cue="person")
    cue = "person" if prefix else _single_cue(text, start, end, bool(_POSSESSIVE.search(text[start:end])))
    return _Mention(tuple(name), *where, role=role, cue=cue)


@dataclass(frozen=True, slots=True)
class _Opener:
    """A capitalised run opening a sentence: whether its first words are common ones needs the whole corpus."""

    paragraph: int  # index in source.paragraphs
    span: tuple[int, int]  # the sentence in the paragraph
    run: tuple[int, int]  # the run in the sentence
    tokens: tuple[str, ...]
    sentence: int  # numbered from 1 within the source


@dataclass(frozen=True, slots=True)
class SourceNames:
    """The per-source half of the entity stage: mentions and sentence openers, in reading order."""

    items: tuple[_Mention | _Opener, ...]  # sentence numbers count from 1 within the source
    lower: frozenset[str]  # the source's lower-case words, for the corpus vocabulary
    sentences: int


def scan_source(source: Source) -> SourceNames:
    """Return the name-like mentions of one source; openers wait for the corpus vocabulary."""
    lower = frozenset(w for p in source.paragraphs for w in _TOKEN.findall(p.text) if w.islower())
    items: list[_Mention | _Opener] = []
    sentence = 0
    for k, para in enumerate(source.paragraphs):
        if _is_heading(para.text):
            continue
        for s, e in sentence_spans(para.text):
            sentence += 1
            text = para.text[s:e]
            for a, b, tokens in _runs(text):
                if not text[:a].strip(_QUOTE_MARKS + "([*- "):
                    items.append(_Opener(k, (s, e), (a, b), tuple(tokens), sentence))
                    continue
                found = _mention(text, a, b, tokens, set(), (source.id, sentence))  # vocab only for openers
                if found:
                    items.append(found)
    return SourceNames(tuple(items), lower, sentence)


def _scan(sources: tuple[Source, ...], names: Mapping[str, SourceNames] | None = None) -> list[_Mention]:
    """Return every name-like mention in the sources, in reading order, numbering sentences corpus-wide."""
    scanned = [(names or {}).get(s.id) or scan_source(s) for s in sources]
    vocab: set[str] = set().union(*(n.lower for n in scanned))
    out: list[_Mention] = []
    offset = 0
    for source, found in zip(sources, scanned, strict=True):
        for item in found.items:
            if isinstance(item, _Mention):
                out.append(_Mention(item.tokens, item.source, offset + item.sentence, item.role, item.cue))
                continue
            (s, e), (a, b) = item.span, item.run
            text = source.paragraphs[item.paragraph].text[s:e]
            m = _mention(text, a, b, list(item.tokens), vocab, (source.id, offset + item.sentence))
            if m:
                out.append(m)
        offset += found.sentences
    return out


def _edit(a: str, b: str) -> int:
    """Return the Levenshtein distance between two short strings."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


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
    return _edit(a, b) <= max(1, min(len(a), len(b)) // 6)


class _Resolver:
    """Map mentions to entity groups: aliases first, then full names, surnames and close spellings.

    Indexes kept up to date by ``_group`` let each mention look at a handful of candidate groups, not at
    every group so far (which made the stage quadratic in the number of sources).
    """

    def __init__(self, mentions: list[_Mention], aliases: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
        self.alias = {v.casefold(): name for name, variants in aliases for v in (name, *variants)}
        self.groups: dict[str, _Group] = {}
        # form -> sentences, to tell co-occurring names apart
        self.seen_in: dict[str, set[int]] = defaultdict(set)
        # Multi-word people by surname; by (first name, word count, surname initial); and surname spellings
        # by each of their one-letter deletions, so close spellings are found without comparing all pairs.
        self._by_surname: dict[str, list[_Group]] = defaultdict(list)
        self._by_first: dict[tuple[str, int, str], list[_Group]] = defaultdict(list)
        self._deletions: dict[str, set[str]] = defaultdict(set)
        self._long: dict[str, set[str]] = defaultdict(set)  # surnames of 12+ letters by initial (2+ edits)
        self._initials: dict[str, _Group] = {}  # "EU" -> the first organisation with those initials
        # form -> (people indexed when computed, close people): recomputed only after a new person appears
        self._close: dict[str, tuple[int, list[_Group]]] = {}
        self._people = 0
        self._full: dict[str, tuple[int, str]] = {}  # full name -> (namesakes seen, its group's name)
        for m in mentions:
            self.seen_in[" ".join(m.tokens)].add(m.sentence)
        for m in mentions:  # full names (and aliases' canonical names) make the groups that others join
            if len(m.tokens) > 1 or m.cue == "organisation":
                self._group(self._full_key(m), m.cue or "person")

    def _full_key(self, m: _Mention) -> str:
        form = " ".join(m.tokens)
        if form.casefold() in self.alias:
            return self.alias[form.casefold()]
        if m.cue == "person" and len(m.tokens) > 1:
            key = (m.tokens[0], len(m.tokens), m.tokens[-1].casefold()[:1])
            bucket = self._by_first.get(key, [])
            known = self._full.get(form)
            if known is not None and known[0] == len(bucket):
                return known[1]  # no new namesake since last time: same answer
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
            self._full[form] = (len(bucket), found)
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
                self._deletions[variant].add(surname)
            if len(folded) >= 12:
                self._long[folded[:1]].add(surname)
        self._by_surname[surname].append(g)
        self._people += 1

    def _together(self, a: str, b: str) -> bool:
        seen_a, seen_b = self.seen_in.get(a), self.seen_in.get(b)
        return bool(seen_a and seen_b and not seen_a.isdisjoint(seen_b))

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

    def resolve(self, m: _Mention) -> _Group | None:
        """Return the group a mention belongs to, or None when it cannot be placed."""
        form = " ".join(m.tokens)
        if len(m.tokens) > 1 or m.cue == "organisation" or form.casefold() in self.alias:
            key = self._full_key(m)
            if len(m.tokens) == 1 and key == form and m.cue == "organisation":
                return self._acronym_of(form) or self._group(form, "organisation")
            return self._group(key, m.cue or "person")
        exact = self._by_surname.get(form, [])
        if len(exact) == 1:
            return exact[0]
        org = self.groups.get(form)
        if org is not None and org.kind == "organisation":
            return org
        close = self._close_people(form)
        if not exact and len(close) == 1 and not self._together(close[0].name.split()[-1], form):
            return close[0]
        if m.cue in ("person", "organisation"):
            return self._group(form, m.cue)
        return None

    def _acronym_of(self, form: str) -> _Group | None:
        """Return the organisation whose initials spell ``form`` ("EU" -> "European Union")."""
        return self._initials.get(form) if form.isupper() else None


def _deletions(word: str) -> set[str]:
    """Return ``word`` and every string one deletion away: two words within one edit share one of them."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _is_part(form: str, name: str) -> bool:
    """Return whether ``form`` is a run of ``name``'s words ("Lukashenko" of "Alexander Lukashenko")."""
    f, n = form.split(), name.split()
    return any(n[i : i + len(f)] == f for i in range(len(n) - len(f) + 1))


def _speaker_mentions(sources: tuple[Source, ...], quotes: tuple[Quote, ...], start: int) -> list[_Mention]:
    """Return quote speakers as mentions, unless the paragraph already names them outside the quote."""
    paragraphs = {(s.id, p.n): p.text for s in sources for p in s.paragraphs}
    out = []
    for i, q in enumerate(quotes):
        tokens = _TOKEN.findall(q.speaker or "")
        if not tokens or not all(_is_cap(t) for t in tokens) or all(_is_place(t) for t in tokens):
            continue
        text = paragraphs.get((q.cite.source, q.cite.paragraph), "")
        outside = text[: q.start] + " " + text[q.end :]
        if re.search(r"\b" + re.escape(tokens[-1]) + r"\b", outside):
            continue  # the scan already counted this name
        out.append(_Mention(tuple(tokens), q.cite.source, start + i, role=q.speaker_role, cue="person"))
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
    mentions = _scan(sources, names)
    mentions += _speaker_mentions(sources, quotes, start=len(mentions) + 10**9)
    resolver = _Resolver(mentions, aliases)
    for m in mentions:
        group = resolver.resolve(m)
        if group is None:
            continue
        group.mentions += 1
        group.forms[" ".join(m.tokens)] += 1
        group.sources.setdefault(m.source, None)
        if group.role is None and m.role and group.kind == "person":
            group.role = m.role
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
                role=g.role,
                mentions=g.mentions,
                sources=tuple(sorted(g.sources, key=lambda s: rank.get(s, len(rank)))),
            )
        )
    return tuple(sorted(entities, key=lambda e: (-e.mentions, e.name)))

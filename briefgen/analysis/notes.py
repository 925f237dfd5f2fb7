"""Source notes: genre, length and what an editor should know about each source.

Genre: ``Source.genre`` when the reader set it; else "policy memo" when the title, outlet, standfirst or a short
line near the top says memo, brief, report or policy; else "opinion" when the text argues in the first person
outside quotation marks (I/we/my/our at least 1 per 100 words and at least two "should"/"must"); else
"news analysis".

Number conflicts: a count before the same plural noun phrase ("123 political prisoners", "dozens of political
prisoners") in two sources, whose ranges cannot overlap ("dozens" is 24-99, "more than a dozen" is over 12),
and whose nearby words share a stem ("released" / "release") so they are about the same point. Anything less
clear is not flagged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Entity, Quote, Source, SourceNote
from .events import folds_plainly, may_match
from .gazetteer import words_set
from .segment import sentence_spans

_MEMO = re.compile(r"\b(?:memo|memorandum|brief|briefing|report|policy)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|me|us)\b")
_MODAL = re.compile(r"\b(?:should|must|ought)\b", re.I)
# Quoted words: what the people a story quotes say, not what its writer argues.
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")
_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "fifty": 50, "a dozen": 12, "a hundred": 100, "a thousand": 1000,
}  # fmt: skip
_VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
}
_MORE = ("more than", "well over", "over", "at least", "upwards of")
_LESS = ("fewer than", "less than", "under", "up to")
_ABOUT = ("nearly", "almost", "about", "around", "roughly", "some", "approximately")
_COUNT = re.compile(
    r"(?<![\w.,])(?P<q>(?:(?:" + "|".join(_MORE + _LESS + _ABOUT) + r")\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|" + "|".join(list(_WORDS) + list(_VAGUE)) + r")"
    r"(?:\s+(?:million|thousand|hundred))?)\s+(?:of\s+)?(?:other\s+|more\s+)?"
    r"(?P<np>(?:[a-z][a-z-]+\s+)?[a-z][a-z-]+s)\b",
    re.I,
)
# On text whose letters fold plainly (see folds_plainly), the pattern without re.I over the lower-cased
# text matches at the same offsets: lower() keeps each character's length and class (word, digit, space,
# other), and only the two cases of an ASCII letter become that letter (checked over all of Unicode).
# Matching without re.I is about twice as fast.
_COUNT_LOWER = re.compile(_COUNT.pattern)
# A count needs a digit or a number word: cheap checks that spare the full pattern most sentences.
# A digit count is followed by white space and a word (scale, "of" or the noun); re.I letters.
_DIGIT_WORD = re.compile(r"\d\s+[a-zA-Z\u0130\u0131\u017f\u212a]")
_NUMBER_WORDS = tuple(sorted({w.split()[-1] for w in _WORDS} | {w[:-1] for w in _VAGUE}))
_STEM_WORD = re.compile(r"[a-z]{4,}")
_STOP_WORDS = (
    "that this with from have been were their there which while when into than they them also"
    " after before over under about above below more most some such only just other being would could"
    " will should said says told year years month months week weeks today yesterday last next first"
)
_STOP = frozenset(_STOP_WORDS.split())
_SCALE = {"million": 1e6, "thousand": 1e3, "hundred": 1e2}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Count:
    source: str
    paragraph: int
    phrase: str  # the count and its noun as written
    noun: str
    low: float
    high: float
    stems: frozenset[str]


def _interval(q: str) -> tuple[float, float] | None:
    """Return the range of values a count expression allows ("more than a dozen" -> (13, inf))."""
    q = q.lower()
    mod = next((m for m in _MORE + _LESS + _ABOUT if q.startswith(m + " ")), "")
    core = q[len(mod) :].strip()
    scale = 1.0
    for word, factor in _SCALE.items():
        if core.endswith(" " + word) and core not in _WORDS:
            core, scale = core[: -len(word) - 1], factor
    if core in _VAGUE:
        return _VAGUE[core]
    parts = core.split()
    if core[0].isdigit() and len(parts) == 2 and parts[1] in _SCALE and scale == 1.0:
        core, scale = (
            parts[0],
            _SCALE[parts[1]],
        )  # parted by other white space ("84\u00a0million"): float() failed
    n = float(_WORDS[core]) if core in _WORDS else float(core.replace(",", "")) if core[0].isdigit() else None
    if n is None or (scale == 1 and 1900 <= n <= 2100 and "," not in core):
        return None  # a year, not a count
    n *= scale
    if mod in _MORE:
        return n + 1e-9, float("inf")
    if mod in _LESS:
        return 0.0, n
    if mod in _ABOUT:
        return 0.8 * n, 1.2 * n
    return n, n


def _may_count(text: str) -> bool:
    """Return False when ``text`` cannot hold a count: no digit before a word, and no number word."""
    return bool(_DIGIT_WORD.search(text)) or may_match(text, _NUMBER_WORDS)


def _counts(source: Source) -> list[_Count]:
    """Return the counted noun phrases of a source with the word stems around them."""
    out = []
    for para in source.paragraphs:
        if not _may_count(para.text):
            continue
        for s, e in sentence_spans(para.text):
            text = para.text[s:e]
            if not _may_count(text):
                continue
            low = text.lower() if folds_plainly(text) else None
            for m in _COUNT_LOWER.finditer(low) if low is not None else _COUNT.finditer(text):
                noun_words = m.group("np").lower().split()
                if _UNITS.intersection(noun_words) or noun_words[-1] in _NOT_NOUNS:
                    continue  # never compared (see _conflicts): not worth keeping in the cache
                span = _interval(m.group("q"))
                if span is None:
                    continue
                before = text[: m.start()].lower().split()[-6:]
                after = text[m.end() :].lower().split()[:6]
                noun = m.group("np").lower()
                words = (
                    {w for chunk in before + after for w in _STEM_WORD.findall(chunk)}
                    - _STOP
                    - set(noun.split())
                )
                stems = frozenset(w[:5] for w in words)
                phrase = text[m.start() : m.end()]  # as written, whichever text was matched
                out.append(_Count(source.id, para.n, phrase, noun, span[0], span[1], stems))
    return out


@dataclass(frozen=True, slots=True)
class SourceFacts:
    """The per-source half of the notes stage: counted phrases, genre and the words the source uses."""

    counts: tuple[_Count, ...]
    genre: str
    words: frozenset[str]  # \w+ tokens, to find which sources can spell a name variant
    length: int  # Source.words: white-space separated words


def source_facts(source: Source) -> SourceFacts:
    """Return what the notes need from one source alone."""
    text = " ".join(p.text for p in source.paragraphs)  # no \w+ token nor word spans the joins
    length = len(text.split())  # Source.words
    return SourceFacts(
        tuple(_counts(source)), _genre(source, text, length), frozenset(_WORD.findall(text)), length
    )


# Units of time and measure: "three years" and "24 years" in two articles are different spans, not two
# counts of one thing: _counts drops them, so they never reach _conflicts.
_UNITS = words_set(
    """years months weeks days hours minutes seconds decades centuries times points percent cents dollars
    euros pounds miles kilometres kilometers metres meters feet inches tons tonnes degrees acres votes seats"""
)
# A "noun" the count pattern caught that is a function word ("1.6 percent this", "two of us").
_NOT_NOUNS = words_set("this thus was has is does his its as us yes less unless perhaps whereas")
# Modifiers that do not narrow what is counted ("new jobs" is as general as "jobs").
_VAGUE_MODIFIERS = words_set("new more other additional extra further few many several")


def _shared_needed(noun: str) -> int:
    """Return how many context stems two counts of ``noun`` must share to be counts of the same thing.

    A specific phrase ("political prisoners") needs one shared word around it; a bare noun ("jobs",
    "people") needs two, or articles about different things would be flagged against each other.
    """
    words = noun.split()
    return 1 if len(words) > 1 and words[0] not in _VAGUE_MODIFIERS else 2


def _conflicts(facts: Sequence[SourceFacts]) -> dict[str, list[str]]:
    """Return flags for counts of the same thing that two sources give incompatibly."""
    by_noun: dict[str, list[_Count]] = defaultdict(list)
    for f in facts:
        for c in f.counts:
            by_noun[c.noun].append(c)
    # A source that itself gives one noun several different counts ("1,237 delegates" to win, "865
    # delegates" so far) uses it for different things: its counts of that noun are compared with nothing.
    ambiguous: set[tuple[str, str]] = set()
    for noun, counts in by_noun.items():
        spans: dict[str, tuple[float, float]] = {}
        for c in counts:
            low, high = spans.get(c.source, (c.low, c.high))
            if c.high < low or high < c.low:
                ambiguous.add((c.source, noun))
            spans[c.source] = (max(low, c.low), min(high, c.high))
    flags: dict[str, list[str]] = defaultdict(list)
    for noun, all_counts in by_noun.items():
        counts = [c for c in all_counts if (c.source, noun) not in ambiguous]
        needed = _shared_needed(noun)
        # Only counts sharing a stem can conflict: look those up instead of comparing every pair.
        by_stem: dict[str, list[int]] = defaultdict(list)
        for j, c in enumerate(counts):
            for stem in c.stems:
                by_stem[stem].append(j)
        for i, a in enumerate(counts):
            later: set[int] = set()
            for stem in a.stems:
                js = by_stem[stem]
                later.update(js[bisect_right(js, i) :])
            for b in map(counts.__getitem__, sorted(later)):
                disjoint = a.high < b.low or b.high < a.low
                if a.source != b.source and disjoint and len(a.stems & b.stems) >= needed:
                    flags[a.source].append(
                        f'Number differs from {b.source} (para {b.paragraph}): "{a.phrase}" (para {a.paragraph}) '
                        f'vs "{b.phrase}".'
                    )
                    flags[b.source].append(
                        f'Number differs from {a.source} (para {a.paragraph}): "{b.phrase}" (para {b.paragraph}) '
                        f'vs "{a.phrase}".'
                    )
    return flags


def infer_genre(source: Source) -> str:
    """Return the source's genre: its own if set, else memo, opinion or news analysis (see module doc)."""
    text = " ".join(p.text for p in source.paragraphs)
    return _genre(source, text, len(text.split()))


def _genre(source: Source, text: str, length: int) -> str:
    """Return the genre of ``source``, whose paragraphs joined by spaces are ``text`` of ``length`` words."""
    if source.genre:
        return source.genre
    heads = [source.title or "", source.outlet or "", source.standfirst or ""]
    heads += [p.text for p in source.paragraphs[:5] if len(p.text.split()) <= 12]
    if any(_MEMO.search(h) for h in heads):
        return "policy memo"
    if folds_plainly(text) and sum(map(text.lower().count, ("should", "must", "ought"))) < 2:
        return "news analysis"  # fewer than two modal words (counted cheaply, as substrings)
    own = _QUOTED.sub(" ", text)  # a reporter quoting "we must act" is not arguing in the first person
    if len(_MODAL.findall(own)) >= 2 and len(_FIRST_PERSON.findall(own)) * 100 >= max(1, length):
        return "opinion"
    return "news analysis"


def _spelling_flags(
    sources: tuple[Source, ...], entities: tuple[Entity, ...], facts: Sequence[SourceFacts]
) -> dict[str, list[str]]:
    """Return, per source, a flag for each name spelled differently from the entity's main spelling.

    Only the sources that use every word of a variant are searched, so the cost follows the matches,
    not sources x variants.
    """
    lower_words = set().union(*(f.words for f in facts)) if facts else set()

    def misspelling(entity: Entity, variant: str) -> bool:
        main = entity.name.split()[-1] if len(variant.split()) == 1 else entity.name
        a, b = sorted((main.casefold(), variant.casefold()), key=len)
        if b in (a + "s", a + "es", a + "\u2019s", a + "'s"):
            return False  # singular and plural ("Republican", "Republicans"): one word, not two spellings
        # A common word written with a capital ("Analysis", "Trade") is not a name to check.
        return not any(w.lower() in lower_words for w in (main, variant) if " " not in w)

    variants = [
        (entity, variant, _WORD.findall(variant))
        for entity in entities
        for variant in entity.variants
        # an acronym ("EU") is an abbreviation, not a misspelling
        if not variant.isupper() and misspelling(entity, variant)
    ]
    needed = {w for _, _, ws in variants for w in ws}
    where: dict[str, list[int]] = defaultdict(list)  # word -> sources using it
    for i, f in enumerate(facts):
        for w in f.words & needed:
            where[w].append(i)
    out: dict[str, list[str]] = defaultdict(list)
    for entity, variant, ws in variants:
        candidates = min((where.get(w, []) for w in ws), key=len) if ws else range(len(sources))
        pattern = re.compile(r"(?<!\w)" + re.escape(variant) + r"(?!\w)")
        main = entity.name.split()[-1] if len(variant.split()) == 1 else entity.name
        for i in candidates:
            # The substring test first: the pattern's look-behind stops re from searching for it quickly.
            paras = [p.n for p in sources[i].paragraphs if variant in p.text and pattern.search(p.text)]
            if paras:
                text = ", ".join(str(n) for n in paras)
                out[sources[i].id].append(f"Name spelled two ways: {main} / {variant} (para {text}).")
    return out


def _quote_flags(quotes: list[Quote]) -> list[str]:
    out = []
    for q in quotes:
        if "missing-opening-mark" in q.flags:
            out.append(f"Quote in para {q.cite.paragraph} has no opening quotation mark.")
        if "missing-closing-mark" in q.flags:
            out.append(f"Quote in para {q.cite.paragraph} has no closing quotation mark.")
    return out


def source_notes(
    sources: tuple[Source, ...],
    quotes: tuple[Quote, ...],
    entities: tuple[Entity, ...],
    facts: Mapping[str, SourceFacts] | None = None,
) -> tuple[SourceNote, ...]:
    """Return one note per source.

    ``facts`` holds each source's ``source_facts`` when the per-source stage computed them.
    """
    by_source: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_source[q.cite.source].append(q)
    known = [(facts or {}).get(s.id) or source_facts(s) for s in sources]
    conflicts = _conflicts(known)
    spelling = _spelling_flags(sources, entities, known)
    notes = []
    for s, f in zip(sources, known, strict=True):
        flags = _quote_flags(by_source[s.id]) + spelling.get(s.id, []) + conflicts.get(s.id, [])
        if not s.date:
            flags.append("No publication date.")
        notes.append(SourceNote(source=s.id, genre=f.genre, words=f.length, flags=tuple(flags)))
    return tuple(notes)

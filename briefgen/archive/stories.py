"""Stories that continue: a new sentence this week about what an earlier week's brief reported.

A news story continues when a new report names the same particular actors and things as an earlier
one and says something else about them. So a sentence of this week continues an earlier brief's
sentence when they share a proper name and several rarer words, yet are not the same statement
reworded, and the sentence comes from a source dated after that brief.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..analysis.vectors import words
from ..model import Development, Extract
from .store import StoredItem

MIN_SHARED = 4  # distinct shared stems, names included
MIN_THINGS = 3  # shared words other than names that are rare in the week's reading
RARE = 0.02  # a word in at most this share of the week's paragraphs is rare
MIN_WEIGHT = 21.0  # summed rarity (idf over the week's paragraphs) of the shared stems
MAX_OVERLAP = 0.5  # above this share of common stems the two say the same thing
MAX_DEVELOPING = 6

# A capitalised word after the sentence's first word: part of a name, a place, an organisation.
_NAME = re.compile(r"(?<=[\w,;:)\u201d\"'] )[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|\b[A-Z]{2,}\b")
# Titles and other capitalised words that name no particular person, place or body.
_NOT_NAMES_TEXT = (
    "mr mrs ms dr president senator sen rep gov governor minister secretary the a an i he she it they we "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "new north south east west first last sens reps gen lt col"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
# Common words that say nothing of what a story is about, however rare in one week's reading.
_GENERIC = frozenset(
    words(
        "use used using since several far along official officials business gov sen rep made make makes "
        "time times year years week weeks day days people told asked called came come went going way part "
        "many much more most less least still already also even just well back around among toward "
        "including include includes whether another other others number"
    )
)


@dataclass(frozen=True, slots=True)
class _Text:
    stems: frozenset[str]
    names: frozenset[str]
    days: frozenset[str]  # weekdays the sentence names


def _profile(text: str) -> _Text:
    stems = frozenset(words(text))
    names = frozenset(w for m in _NAME.findall(text) for w in words(m) if w not in _NOT_NAMES and len(w) > 2)
    return _Text(stems, names & stems, frozenset(_WEEKDAY.findall(text)))


_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
# A sentence that opens on an earlier time ("Last May, ...", "In 2000, ...", "Two years ago, ...").
_PAST_OPENING = re.compile(
    rf"^(?:Last (?:{_MONTH}|year|month|spring|summer|fall|autumn|winter)\b"
    rf"|In (?:(?:{_MONTH}|early|late|mid-?) )?(?:19|20)\d\d\b"
    r"|(?:In recent|For|Over the(?: past| last)?) (?:years|months|decades)\b)"
)
# "... ago" of a span longer than weeks, or "last year" / "last spring", anywhere: it looks back.
_LONG_AGO = re.compile(
    r"\b(?:years?|months|decades?|(?:quarter-|half-)?century)\s+ago\b"
    r"|\blast (?:year|spring|summer|fall|autumn|winter)\b"
)
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\.?\s+$")  # a capitalised word (a name, a title) just before
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def person_finder(people: list[tuple[str, tuple[str, ...], int]]) -> Callable[[str], frozenset[str]]:
    """Return a function giving the people a text names, from (name, other spellings, mentions).

    A full name or a listed spelling names its person; a surname alone names the week's most
    mentioned person who bears it, as a news report's later references do.
    """
    forms: dict[str, str] = {}
    for name, _variants, _ in sorted(people, key=lambda p: p[2]):  # the most mentioned overwrites
        forms[name.split()[-1]] = name
    for name, variants, _ in people:
        forms.update((v, name) for v in (name, *variants) if " " in v or v not in forms)
    forms = {f: n for f, n in forms.items() if len(f) > 2}
    if not forms:
        return lambda text: frozenset()
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b"
    )

    def find(text: str) -> frozenset[str]:
        found = set()
        for m in pattern.finditer(text):
            if " " not in m.group(0):  # a surname after a first name not of this person's names
                before = _WORD_BEFORE.search(text, 0, m.start())
                if before and before.group(1).lower() not in _NOT_NAMES:
                    continue
            found.add(forms[m.group(0)])
        return frozenset(found)

    return find


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# News is told against the present: a recent day ("on Tuesday", "this week"; "this month" may be weeks
# old) or a present, perfect or future verb ("is", "has", "will", "says"; not "'s", mostly a
# possessive). A sentence in the past tense with neither is background.
_RECENT = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday"
    r"|(?:this|last|earlier this|earlier in the|later this) (?:week|weekend|morning|night))\b",
    re.IGNORECASE,
)
_PRESENT = re.compile(r"\b(?:is|are|am|has|have|will|says|say|can|can['\u2019]t|won['\u2019]t)\b")


def is_background(text: str, year: int) -> bool:
    """Return whether a sentence tells background rather than news.

    Background opens on an earlier time ("Last May", "In 2000", "In recent years"), looks back
    ("a decade ago"), names a year before this one, or is told in the past tense with no recent day
    to anchor it.
    """
    if _PAST_OPENING.match(text) or _LONG_AGO.search(text):
        return True
    if any(int(y) < year for y in _YEAR.findall(text)):
        return True
    return not _RECENT.search(text) and not _PRESENT.search(text)


def paragraph_counts(paragraphs: list[str]) -> tuple[int, Counter[str]]:
    """Return how many paragraphs there are and in how many each stem occurs: the week's background."""
    df: Counter[str] = Counter()
    for text in paragraphs:
        df.update(set(words(text)))
    return len(paragraphs), df


def developments(
    candidates: list[Extract],
    past: tuple[StoredItem, ...],
    is_new: Callable[[Extract], bool],
    background: tuple[int, Counter[str]],
    persons: Callable[[str], frozenset[str]] = lambda text: frozenset(),
) -> list[Development]:
    """Return this week's sentences that continue a story an earlier brief told, strongest first.

    ``candidates`` are the week's sentences not shown before, best first; ``is_new`` says whether a
    sentence comes from a source dated after the previous brief (a development, not old background);
    ``background`` (``paragraph_counts`` of the week's reading) says how common each word is;
    ``persons`` returns the people of the week a text names (see ``person_finder``).
    """
    earlier = [(p, _profile(p.text), persons(p.text)) for p in past if p.kind in ("sentence", "event")]
    fresh = [(c, _profile(c.text), persons(c.text)) for c in candidates if is_new(c)]
    if not earlier or not fresh:
        return []
    n, df = background
    rare = math.log((n + 1) / (RARE * n + 1))

    def idf(w: str) -> float:
        return math.log((n + 1) / (df.get(w, 0) + 1))

    scored: list[tuple[float, int, Extract, StoredItem]] = []
    for rank, (cand, cp, cpeople) in enumerate(fresh):
        best: tuple[float, StoredItem] | None = None
        for item, ip, ipeople in earlier:
            shared = cp.stems & ip.stems
            names = cpeople & ipeople
            things = [
                w for w in shared - cp.names - _GENERIC if w.isalpha() and len(w) > 2 and idf(w) >= rare
            ]
            if not names or len(things) < MIN_THINGS or len(shared) < MIN_SHARED:
                continue  # a story is particular people or bodies doing particular things
            if len(shared) / max(1, min(len(cp.stems), len(ip.stems))) > MAX_OVERLAP:
                continue  # the same statement in other words: not a development
            if cp.days & ip.days:
                continue  # the same day's news told again (both say "on Wednesday"): not a development
            weight = sum(idf(w) for w in shared)
            # Later briefs first on a tie: "last briefed" is the latest brief that carried the story.
            if weight >= MIN_WEIGHT and (best is None or (weight, item.as_of) > (best[0], best[1].as_of)):
                best = (weight, item)
        if best is not None:
            scored.append((best[0], rank, cand, best[1]))
    scored.sort(key=lambda s: (-s[0], s[1]))
    out: list[Development] = []
    told: set[str] = set()
    for _, _, cand, item in scored:
        if item.text_key in told:
            continue  # one development per earlier story
        told.add(item.text_key)
        out.append(Development(cand.text, cand.cites, item.as_of, item.text))
        if len(out) == MAX_DEVELOPING:
            break
    return out

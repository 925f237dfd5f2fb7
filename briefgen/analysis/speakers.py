"""Quote attribution: recognise speaker phrases and resolve names, pronouns and descriptions to people."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..model import Source

# Capitalised words that introduce a name as a role ("Belarus President Alexander Lukashenko"), never the name.
_TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "sen", "senator", "rep", "representative", "gov",
    "governor", "mayor", "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman",
    "spokesperson", "adviser", "advisor", "leader", "general", "gen", "attorney", "judge", "justice", "speaker",
    "chief", "deputy", "special", "envoy", "ambassador", "commissioner", "dr", "mr", "mrs", "ms", "rev", "sir",
    "candidate", "nominee", "former", "manager", "strategist", "pollster", "analyst", "professor", "prof",
    "lt", "col", "capt", "sgt", "adm", "lord", "king", "queen", "prince", "pope", "chancellor", "foreign",
    "defense", "defence", "interior", "finance", "state", "press", "campaign", "majority", "minority",
    "whip", "house", "senate", "democratic", "republican", "gop", "independent", "host", "anchor", "reporter",
    "columnist", "editor", "founder", "ceo", "executive", "officer", "commander", "colonel", "president-elect",
    "congressman", "congresswoman", "assemblyman", "councilman", "councilwoman", "trustee", "economist",
}
# Capitalised words that mark a sequence as a place, organisation or date rather than a person.
_NOT_PERSON = {
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "of", "and", "but", "or", "if",
    "as", "by", "to", "from", "with", "after", "before", "when", "while", "yet", "so", "it", "its", "he",
    "she", "they", "we", "i", "his", "her", "their", "our", "my", "you", "there", "here", "what", "why", "how",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "united", "states", "kingdom", "nations", "union", "european", "white", "house", "new", "york", "post",
    "times", "news", "journal", "street", "party", "committee", "council", "congress", "court", "supreme",
    "national", "international", "department", "ministry", "university", "college", "institute", "center",
    "centre", "foundation", "bank", "fund", "federal", "reserve", "republic", "federation", "america",
    "american", "americans", "county", "city", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "central", "fox", "cnn", "msnbc", "nbc", "abc", "cbs", "npr", "bbc", "network",
    "associated", "press", "reuters", "tv", "radio", "magazine", "review", "office", "agency", "service",
    "security", "army", "navy", "air", "force", "forces", "administration", "government", "organization",
    "organisation", "association", "club", "group", "company", "corporation", "inc", "llc", "ltd", "war",
    "world", "day", "act", "bill", "law", "program", "project", "plan", "board", "peace", "square", "hall",
    "capitol", "hill", "valley", "island", "river", "lake", "mountain", "road", "avenue", "airport", "station",
    "church", "school", "hospital", "twitter", "facebook", "google", "instagram", "youtube", "internet",
    "christmas", "easter", "thanksgiving", "olympics", "summit", "conference", "convention", "debate",
    "primary", "caucus", "caucuses", "election", "campaign", "democrats", "republicans", "gop", "isis",
    "obamacare", "medicare", "medicaid", "brexit", "nato", "eu", "un", "us", "u.s.", "uk", "live", "show",
    "saturday", "night", "super", "tuesday", "los", "angeles", "san", "las", "vegas", "st", "fort", "mount",
    "democratic", "republican", "senate", "representatives", "state", "secretary", "oval", "pentagon",
    "kremlin", "parliament", "assembly", "mr", "mrs", "ms", "dr", "however", "meanwhile", "still", "now",
}
_FEMALE_FIRST = {
    "hillary", "sarah", "nancy", "elizabeth", "carly", "michelle", "melania", "ivanka", "kellyanne", "hope",
    "huma", "jennifer", "jessica", "karen", "susan", "mary", "patricia", "linda", "barbara", "margaret",
    "lisa", "betsy", "nikki", "condoleezza", "madeleine", "angela", "theresa", "marine", "debbie", "donna",
    "katrina", "jill", "jane", "anne", "ann", "emily", "kate", "katie", "laura", "amy", "maria", "julia",
    "rachel", "rebecca", "megyn", "gretchen", "dana", "kirsten", "tammy", "maxine", "loretta", "janet",
    "sheryl", "samantha", "ruth", "sonia", "elena", "kamala", "sviatlana", "svetlana", "olga", "natalia",
    "anna", "irina", "ursula", "kaja", "christine", "marie", "sophie", "claire", "catherine", "helen",
    "stephanie", "heather", "kelly", "erin", "alison", "allison", "sara", "diane", "joanne", "lauren",
    "jeanne", "carolyn", "caroline", "victoria", "tulsi", "joni", "shelley", "kristen", "kristin", "priya",
    "ruby", "louise", "cheryl", "deborah", "denise", "monica", "paula", "wendy", "zoe", "mrs", "ms",
}
_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
_WORD = r"[A-Z][\w\u2019'\-]*\.?"
_NAME_SEQ = re.compile(
    r"(?<![\w\u2019'])(?:[A-Z][\w\u2019'\-]*\.?|[A-Z]\.)(?:\s+(?:[A-Z][\w\u2019'\-]*\.?|[A-Z]\.|de|van|von|bin|al|da|del|di|le|la))*"
)
_POSSESSIVE = re.compile(r"[\u2019']s?$")
_DET = re.compile(
    r"^(?:the|a|an|one|another|this|that|his|her|their|its|our|some|many|other|several|two|three|[A-Z][\w\-]*[\u2019']s?)$"
)


@dataclass(slots=True)
class Person:
    """A person the source names, with the words it used to describe them."""

    name: str
    roles: set[str] = field(default_factory=set)
    female: bool | None = None


def _clean_token(tok: str) -> str:
    """Return a token without possessive or trailing punctuation."""
    tok = tok.rstrip(".,;:")
    if len(tok) > 2:
        tok = _POSSESSIVE.sub("", tok)
    return tok


def _stem(word: str) -> str:
    """Return a crude stem that makes "Belarus" and "Belarusian" agree."""
    return word.lower()[:5]


def split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Return (role tokens, name tokens) of a capitalised sequence, cutting after the last title word."""
    cut = 0
    for i, tok in enumerate(tokens[:-1]):
        if _clean_token(tok).lower() in _TITLE_WORDS:
            cut = i + 1
    return tokens[:cut], tokens[cut:]


def looks_like_name(tokens: list[str]) -> bool:
    """Return whether capitalised tokens look like a person's name (not a place, body or date)."""
    if not 2 <= len(tokens) <= 4:
        return False
    low = [_clean_token(t).lower() for t in tokens]
    if any(t in _NOT_PERSON or t in _TITLE_WORDS for t in low):
        return False
    if any(t.isupper() and len(t) > 2 for t in tokens):
        return False  # acronyms: organisations
    return all(len(t) >= 2 or t.endswith(".") for t in low)


class People:
    """The people of one source, their mentions in reading order, and how to resolve a reference to them."""

    def __init__(self, source: Source) -> None:
        self.persons: dict[str, Person] = {}
        self._by_last: dict[str, str] = {}
        self._mentions: list[tuple[int, int, str]] = []  # (paragraph, offset, full name), in order
        self._keys: list[tuple[int, int]] = []
        singles: list[tuple[int, int, str]] = []
        for para in source.paragraphs:
            for m in _NAME_SEQ.finditer(para.text):
                tokens = m.group(0).split()
                roles, name = split_role(tokens)
                name = [_clean_token(t) for t in name]
                if looks_like_name(name):
                    self._register(" ".join(name), roles, para.text, m, para.n)
                elif len(name) == 1 and _clean_token(name[0]).lower() not in _NOT_PERSON:
                    singles.append((para.n, m.start() + m.group(0).rfind(tokens[-1]), _clean_token(name[0])))
        for n, off, last in singles:
            full = self._by_last.get(last)
            if full:
                self._mentions.append((n, off, full))
        self._mentions.sort()
        self._keys = [(n, off) for n, off, _ in self._mentions]

    def _register(self, name: str, roles: list[str], text: str, m: re.Match[str], n: int) -> None:
        """Record a full-name mention with its role words (title before it, or description after it)."""
        person = self.persons.get(name)
        if person is None:
            person = self.persons[name] = Person(name)
            self._by_last.setdefault(name.split()[-1], name)
            first = name.split()[0].lower()
            person.female = True if first in _FEMALE_FIRST else None
        person.roles.update(_stem(_clean_token(r)) for r in roles)
        # Lower-case words just before ("former", "Belarusian") and an appositive after ("X, the leader of Y,").
        before = text[max(0, m.start() - 40) : m.start()].split()[-3:]
        person.roles.update(_stem(_clean_token(w)) for w in before if w[:1].islower() and len(w) > 3)
        after = re.match(r",\s+(?:the|a|an|who is)\s+([^,.;]{2,80})", text[m.end() : m.end() + 90])
        if after:
            person.roles.update(_stem(_clean_token(w)) for w in after.group(1).split() if len(w) > 2)
        self._mentions.append((n, m.start() + m.group(0).find(name.split()[0]), name))

    def full_name(self, name: str) -> str:
        """Return the full name a surname or partial name stands for, else the name itself."""
        if name in self.persons:
            return name
        tokens = name.split()
        return self._by_last.get(tokens[-1], name) if tokens else name

    def known(self, name: str) -> bool:
        """Return whether ``name`` is (part of) a person of this source."""
        return name in self.persons or (bool(name.split()) and name.split()[-1] in self._by_last)

    def before(self, paragraph: int, offset: int, *, female: bool | None = None) -> str | None:
        """Return the nearest person mentioned before a position, preferring a compatible gender."""
        i = bisect_left(self._keys, (paragraph, offset))
        fallback = None
        # Look back a bounded number of mentions: keeps resolution constant-time per quote.
        for j in range(i - 1, max(-1, i - 12), -1):
            name = self._mentions[j][2]
            if fallback is None:
                fallback = name
            sex = self.persons[name].female
            if female is None or sex is None or sex == female:
                if female is True and sex is None:
                    continue
                return name
        return fallback

    def describe(self, description: str, paragraph: int, offset: int) -> str | None:
        """Return the person an earlier description matches ("the Belarusian leader"), or None."""
        words = [_stem(_clean_token(w)) for w in description.split() if not _DET.match(w) and len(w) > 2]
        if not words:
            return None
        i = bisect_left(self._keys, (paragraph, offset))
        best, best_score = None, 0
        for j in range(i - 1, max(-1, i - 60), -1):
            name = self._mentions[j][2]
            score = len(set(words) & self.persons[name].roles)
            if score > best_score:
                best, best_score = name, score
        return best


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """What a cue's subject says about the speaker: a name, a pronoun or a description."""

    name: str | None = None
    pronoun: str | None = None
    role: str | None = None


_ROLE_NAME = re.compile(r"^(?P<role>(?:[a-z][\w\-\u2019']*\s+){0,3})(?P<caps>(?:[A-Z][\w\u2019'\-.]*\s*)+)$")


def parse_speaker(phrase: str) -> SpeakerPhrase | None:
    """Return the speaker a subject phrase names ("he", "Sen. John McCain", "an EU diplomat"), or None."""
    phrase = phrase.strip(" ,;:\u2013\u2014-")
    phrase = re.sub(r",.*$", "", phrase)  # an appositive after the name: "Smith, the chairman"
    if not phrase:
        return None
    if phrase.lower() in _PRONOUNS:
        return SpeakerPhrase(pronoun=phrase.lower())
    tokens = phrase.split()
    if len(tokens) > 8:
        return None
    m = _ROLE_NAME.match(phrase)
    if m:
        caps = m.group("caps").split()
        roles, name = split_role(caps)
        name = [_clean_token(t) for t in name]
        role = " ".join(m.group("role").split() + roles) or None
        if name and (looks_like_name(name) or len(name) == 1) and name[-1].lower() not in _NOT_PERSON:
            if not (len(name) == 1 and (name[0].lower() in _TITLE_WORDS or name[0].isupper())):
                return SpeakerPhrase(name=" ".join(name), role=role)
    if tokens[0][:1].isupper() and not _DET.match(tokens[0]) and all(t[:1].isupper() for t in tokens):
        # "EU diplomat" is lower-case inside; an all-capitalised phrase we could not parse is an organisation.
        return SpeakerPhrase(role=phrase)
    return SpeakerPhrase(role=phrase)

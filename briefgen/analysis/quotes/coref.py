"""Quote attribution: pronoun resolution by salience (subjects, recent speakers, sentence distance)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..segment import sentence_spans
from ..words import word_set as _words

# What follows a subject: an optional party tag or appositive, adverbs, then a finite verb.
_VERB_AFTER = re.compile(
    r"(?:\s*\([^()]{0,40}\))?(?:,[^,.;:\u201c\u201d\"]{1,120},|,(?=\s+[a-z]{2,}(?:es|s)\b))?"
    r"(?:\s+(?:[a-z]+ly|also|then|later|still|never|often|even|again|already|now|too))*\s+"
    r"(?:is|was|has|had|have|will|would|can|could|should|may|might|must|did|does|do|told|said|says|"
    r"[a-z]{2,}(?:ed|es|s))\b"
)
# A cue just before a name makes the name the cue's subject ("said Smith", "according to Smith").
_CUE_BEFORE = re.compile(
    r"(?:said|says|added|noted|wrote|asked|according to)\s+(?:the\s+)?(?:[A-Z][\w.\u2019']*\s+){0,4}$"
)
# "Moore said Hansen ...": a subject before the cue makes the name after it the reported clause's subject.
_SUBJECT_CUE = re.compile(
    r"(?:\b[A-Z][\w.\u2019'\-]*|\b(?:he|she|they|we|I))\s+(?:said|says|added|noted|wrote)\s+$"
)
_COMPLEMENT_BEFORE = re.compile(
    r"\b(?:said|says|told\s+\w+|added|believes|believed|thinks|thought|hopes|hoped|expects|expected|that)\s+$"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:against|to|for|with|by|from|of|about|on|at|into|over|than|like|toward|towards|behind|between)\s+$"
)
# "Gingrich noted that both Obama and Biden have ...": every name of a reported clause is inside it.
_REPORTED_CLAUSE = re.compile(
    r"\b(?:said|says|noted|notes|argued|argues|added|believes|thinks|insisted|claimed|claims|warned|warns)\s+that\s"
)
_LEAD_WORDS = _words("the a an but and so yet then also former presidential vice nominee candidate")
_OPEN_MARK = re.compile("[\u201c\u201e]")
_CLOSE_MARK = re.compile("\u201d")
_STRAIGHT = re.compile("\"|''")  # a straight mark, or two apostrophes used as one (as some wires print it)
_POSSESSIVE_AFTER = re.compile(r"[\u2019']s?\b")
_POSSESSIVE_END = re.compile(r"[\u2019']s?(?:\s|$)")  # "Ruiz’ Medicare plan": the run goes on after it
_INTRODUCTORY = re.compile(r"^[^,]{1,50},\s+")
# "is Carl Dunmore, a 41-year-old nurse", "Ann Lee, 46,": a person introduced with an age is the topic.
_AGE_INTRODUCED = re.compile(r",\s+(?:\d{1,3},|an?\s+\d{1,3}-year-old\b)")


_MALE_TITLES = _words("mr congressman spokesman chairman councilman assemblyman king prince sir lord")
_FEMALE_TITLES = _words("mrs ms miss congresswoman spokeswoman chairwoman councilwoman queen princess lady")
# Titles that make a lone capitalised word a person ("Mr. Obama", "Sen. Cruz").
PERSON_TITLES = (
    _MALE_TITLES
    | _FEMALE_TITLES
    | _words(
        "dr sen rep gov president senator governor secretary judge justice gen prof rev ambassador mayor"
    )
)


def title_gender(roles: Sequence[str]) -> bool | None:
    """Return True for a female title, False for a male one, else None."""
    for r in reversed(roles):
        low = r.rstrip(".,;:").lower()
        if low in _FEMALE_TITLES:
            return True
        if low in _MALE_TITLES:
            return False
    return None


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """Where a mention stands: its sentence number in the source, and whether it is a subject or quoted."""

    sentence: int
    subject: bool
    quoted: bool


class Sentences:
    """Sentence numbering of a whole source, so distances between positions count sentences.

    The sentences are the segmenter's (``segment.sentence_spans``), those of the model; the white space
    after a sentence belongs to it.
    """

    def __init__(self, paragraphs: list[tuple[int, str]]) -> None:
        self._base: dict[int, int] = {}
        self._ends: dict[int, list[int]] = {}  # per paragraph: where each sentence after the first starts
        total = 0
        for n, text in paragraphs:
            ends = [start for start, _ in sentence_spans(text)[1:]]
            self._base[n] = total
            self._ends[n] = ends
            total += len(ends) + 1

    def number(self, paragraph: int, offset: int) -> int:
        """Return the source-wide number of the sentence holding a position."""
        return self._base.get(paragraph, 0) + bisect_right(self._ends.get(paragraph, []), offset)

    def starts(self, paragraph: int) -> list[int]:
        """Return the paragraph offsets where its sentences start."""
        return [0, *self._ends.get(paragraph, [])]

    def end(self, paragraph: int, offset: int) -> int | None:
        """Return the paragraph offset where the sentence holding a position ends, None at the paragraph's end."""
        ends = self._ends.get(paragraph, [])
        k = bisect_right(ends, offset)
        return ends[k] if k < len(ends) else None

    def start(self, paragraph: int, offset: int) -> int:
        """Return the paragraph offset where the sentence holding a position starts."""
        ends = self._ends.get(paragraph, [])
        k = bisect_right(ends, offset)
        return ends[k - 1] if k else 0


class QuoteMarks:
    """Double quotation marks of one paragraph, to tell whether a position lies inside a quote."""

    def __init__(self, text: str) -> None:
        self._opens = [m.start() for m in _OPEN_MARK.finditer(text)]
        self._closes = [m.start() for m in _CLOSE_MARK.finditer(text)]
        self._straight = [m.start() for m in _STRAIGHT.finditer(text)]

    def inside(self, offset: int) -> bool:
        """Return whether a position lies inside double quotation marks (curly marks, else straight ones)."""
        k, j = bisect_right(self._opens, offset), bisect_right(self._closes, offset)
        if k and (not j or self._opens[k - 1] > self._closes[j - 1]):
            return True
        return bisect_right(self._straight, offset) % 2 == 1


def mention_facts(
    sentences: Sentences, marks: QuoteMarks, n: int, text: str, start: int, end: int
) -> MentionFacts:
    """Return the facts of one name mention text[start:end] in paragraph ``n``."""
    s0 = sentences.start(n, start)
    lead = text[s0:start]
    after = text[end : end + 160]
    if _POSSESSIVE_AFTER.match(after) or _POSSESSIVE_END.search(text[start:end]):
        return MentionFacts(sentences.number(n, start), False, marks.inside(start))  # "Pence's ...": no
    # "Smith said", "Smith, the chairman, has argued", "said Smith": the name is a clause's subject.
    cued = bool(_CUE_BEFORE.search(lead[-80:])) and not _SUBJECT_CUE.search(lead[-40:])
    if not cued and (
        _PREPOSITION_BEFORE.search(lead[-14:])
        or _COMPLEMENT_BEFORE.search(lead[-24:])
        or _REPORTED_CLAUSE.search(lead)
    ):
        # "Moore said Hansen may return": the subject of a reported clause, not of the sentence.
        # "the move against Sanders could hurt": a preposition's object, whatever verb follows it.
        return MentionFacts(sentences.number(n, start), False, marks.inside(start))
    subject = bool(_VERB_AFTER.match(after)) or cued or bool(_AGE_INTRODUCED.match(after))
    # A name opening its sentence (after an introductory phrase and title words at most) is its topic.
    if not subject:
        opening = _INTRODUCTORY.sub("", lead)
        subject = all(w[:1].isupper() or w in _LEAD_WORDS for w in opening.split())
    return MentionFacts(sentences.number(n, start), subject, marks.inside(start))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person mentioned before a pronoun, with what makes them likely to be its referent."""

    name: str
    distance: int  # sentences between the mention and the pronoun
    subject: bool
    recent_speaker: bool
    order: int  # 0 for the nearest mention, 1 for the next, ...


def salience(c: Candidate) -> float:
    """Return how likely a candidate is the referent of a subject pronoun ("he said"); higher is likelier."""
    # Centering: a pronoun subject continues the previous sentences' subject or the speaker being quoted,
    # not whoever was named last (an object, a name inside a relative clause).
    score = -1.5 * min(c.distance, 6) - 0.2 * c.order
    if c.subject:
        score += 2.0
    if c.recent_speaker:
        score += 2.5
    return score

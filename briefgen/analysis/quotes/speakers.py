"""Quote attribution: recognise speaker phrases and resolve names, pronouns and descriptions to people."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...model import Source
from ..bodies import names_a_body
from ..words import FEMALE_FIRST, MALE_FIRST, NOT_PERSON
from .coref import (
    Candidate,
    MentionFacts,
    QuoteMarks,
    Sentences,
    mention_facts,
    salience,
    title_gender,
)
from .descriptions import (
    clean_token,
    description_score,
    description_words,
    mention_roles,
    office_words,
    stem,
)
from .gender import pronoun_genders, pronoun_openings
from .lower_words import LOWER_WORD as _LOWER_WORD  # noqa: F401  (tests read the pattern here)
from .lower_words import LowerWords as _LowerWords
from .name_candidates import NameRuns, name_candidates
from .name_runs import GIVEN_NAMES
from .name_words import (
    PERSON_VERB,
    ROLE_AFTER,
    ROLE_BEFORE,
)
from .phrases import plural_description

# "Sandy Ormond, who lost her seat in 2019, said": a cue after a relative clause or appositive.
_CUED_AFTER_CLAUSE = re.compile(
    r",\s+(?:who|whose|a|an|the|one|his|her|their)\s[^.;:\u201c\u201d\"]{1,160}?,\s+(?:said|says|told|tells|added|wrote|writes|argued|"
    r"insisted|noted)\b"
)
# A finite verb between two names of a sentence: the first is a clause's subject ("Moore said he is ...").
_FINITE = re.compile(r"\s(?:is|was|are|were|has|had|have|said|says|will|would|can|could|[a-z]{3,}ed)\s")
_RUN = re.compile(r"[\w.\-\u2019']+(?:\s+[A-Z][\w.\-\u2019']*)*")
_OWN_PRONOUN = re.compile(
    r"(?:,[^,.;\u201c\u201d\"]{1,80},)?\s+(?:said|says|added|argued|insisted|noted|told \w+)\s+(?:that\s+)?(she|he)\b"
)


# Where a sentence starts: a capitalised common word there ("Will", "Bill") may open it, not a name.
_SENTENCE_START = re.compile(r"(?:^|[.!?:\u201c\u201d\"]\s*)$")
_GIVEN = GIVEN_NAMES  # first names: "Donald" opens a name even where it also stands alone
# "his wife, Jane,": a relative named by a first name alone is a person (the noun gives the gender).
_KIN_NAMED = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:(wife|mother|daughter|sister|widow)|husband|father|son|brother|widower)"
    r"\s*,?\s+(?=[A-Z][a-z]+\b(?![\u2019'\-])(?!\s+[A-Z]))"
)
_FIRST_NAME = re.compile(r"[A-Z][a-z]+")


def _other_first_name(name: str, earlier: str) -> bool:
    """Return whether two names open with different first names: two people who share a surname."""
    first, other = name.split()[0].lower(), earlier.split()[0].lower()
    return first != other and first in _GIVEN and len(earlier.split()) > 1


@dataclass(slots=True)
class Person:
    """A person the source names, with the words it used to describe them."""

    name: str
    roles: set[str] = field(default_factory=set)
    female: bool | None = None


class People:
    """The people of one source, their mentions in reading order, and how to resolve a reference to them."""

    def __init__(self, source: Source) -> None:
        self.persons: dict[str, Person] = {}
        self.sentences = Sentences([(p.n, p.text) for p in source.paragraphs])
        self._facts: list[MentionFacts] = []
        self.texts = self._texts = {p.n: p.text for p in source.paragraphs}
        self._by_last: dict[str, str] = {}
        self._mentions: list[tuple[int, int, str]] = []  # (paragraph, offset, full name), in order
        self._keys: list[tuple[int, int]] = []
        lower = _LowerWords([p.text for p in source.paragraphs])
        runs = name_candidates(source, lower)
        self._add_vouched(runs, lower)
        self._add_kin(source)
        self._add_titled(runs.titled)
        self._add_surnames(runs.singles)
        self._add_facts()
        self._add_genders()

    def _add_vouched(self, runs: NameRuns, lower: _LowerWords) -> None:
        """Register the candidate names something vouches for; a run that opens no name leaves a surname.

        A capitalised pair is a person when a title, a cue verb or a later bare surname vouches for it;
        this keeps "Since Russia" and "External Vulnerabilities" out of pronoun resolution.
        """
        surnames = runs.surnames
        for full, roles, text, m, n, vouched in runs.candidates:
            first = full.split()[0]
            at = m.start() + m.group(0).find(first)
            # "Bill Clinton", "Former President Bill Clinton": a first name that is also a common word
            # ("a bill") still opens a name when a title or the surname standing alone vouches for it.
            given = first.lower() in _GIVEN and (
                bool(roles) or full.split()[-1] in surnames or not _SENTENCE_START.search(text, 0, at)
            )
            if (first.lower() in lower and not given) or (first in surnames and not roles and not given):
                # "Other Belarus", "Lukashenko Belarus": a common word or an untitled surname opens no name;
                # its last word may still be a known surname ("Hillary Clinton" where "Hillary" stands alone).
                last = full.split()[-1]
                runs.singles.append((n, m.start() + m.group(0).rfind(last), last))
                continue
            if first.endswith("ing") and first.lower() not in FEMALE_FIRST:
                continue  # "Injecting Clinton": a sentence-opening participle
            if (  # cheapest tests first: most pairs are vouched for by a title, a cue or a later surname
                vouched
                or full.split()[-1] in surnames
                or first.lower() in FEMALE_FIRST
                or first.lower() in MALE_FIRST
                or ROLE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                or PERSON_VERB.match(text, m.end())
                or ROLE_AFTER.match(text, m.end())
                or _CUED_AFTER_CLAUSE.match(text, m.end())
            ):
                self._register(full, roles, text, m, n)

    def _add_kin(self, source: Source) -> None:
        """Register relatives named by a first name alone ("his wife, Jane,"), of the kin noun's gender."""
        for para in source.paragraphs:
            for kin in _KIN_NAMED.finditer(para.text):
                m = _FIRST_NAME.match(para.text, kin.end())
                if m is None or m.group(0).lower() in NOT_PERSON or m.group(0) in self._by_last:
                    continue
                self._register(m.group(0), (), para.text, m, para.n)
                self.persons[m.group(0)].female = kin.group(1) is not None

    def _add_titled(self, titled: list[tuple[str, tuple[str, ...]]]) -> None:
        """Add the people named only by a title and surname ("Mr. Obama", "Sen. Cruz")."""
        for last, roles in titled:
            if last not in self._by_last:
                self.persons[last] = Person(last)
                self._by_last[last] = last
            person = self.persons[self._by_last[last]]
            if person.female is None:
                person.female = title_gender(roles)

    def _add_surnames(self, singles: list[tuple[int, int, str]]) -> None:
        """Add the bare-surname mentions of known people; a shared surname means the latest of them."""
        self._mentions.sort()
        surnames_of = [p.split()[-1] for p in self.persons]
        self._shared = {last for last in surnames_of if surnames_of.count(last) > 1}
        named = list(self._mentions)  # full-name mentions, in order: a bare surname means the latest of them
        for n, off, last in singles:
            known = self._latest(named, last, n, off) or self._by_last.get(last)
            if known:
                self._mentions.append((n, off, known))
        self._mentions.sort()
        self._keys = [(n, off) for n, off, _ in self._mentions]

    def _add_facts(self) -> None:
        """Record each mention's sentence, whether it is a subject and whether it stands in a quote.

        The gender a person's own clause gives ("Mara Quist said she ...") is recorded on the way.
        """
        marks: dict[int, QuoteMarks] = {}
        for n, off, who in self._mentions:
            text = self._texts[n]
            if n not in marks:
                marks[n] = QuoteMarks(text)
            run = _RUN.match(text, off)
            end = run.end() if run else off
            facts = mention_facts(self.sentences, marks[n], n, text, off, end)
            if facts.subject and self._facts and self._facts[-1].sentence == facts.sentence:
                prior = self._facts[-1]
                gap = text[self._mentions[len(self._facts) - 1][1] : off]
                if (
                    prior.subject
                    and not prior.quoted
                    and _FINITE.search(gap)
                    and self._mentions[len(self._facts) - 1][2] != who
                ):
                    # "Moore said he is confident Hansen can ...": a sentence's first subject is its topic.
                    facts = MentionFacts(facts.sentence, False, facts.quoted)
            self._facts.append(facts)
            # "Mara Quist said she ...": the pronoun a person's own clause uses gives their gender.
            own = _OWN_PRONOUN.match(text, end)
            owner = self.persons.get(self._mentions[len(self._facts) - 1][2])
            if own and owner is not None and owner.female is None:
                owner.female = own.group(1).lower() == "she"

    def _add_genders(self) -> None:
        """Give people whose gender is still unknown the one the pronouns taking up their sentences tell."""
        self._openings = pronoun_openings(self.sentences, self._texts)
        self._chained: dict[tuple[int, int], str | None] = {}
        self._depth = 0
        genders = pronoun_genders(self._mentions, self._facts, self.sentences, self._texts, self._gender)
        for who, female in genders.items():
            self.persons[who].female = female

    def _gender(self, name: str) -> bool | None:
        """Return True for a woman, False for a man, None while nothing tells."""
        return self.persons[name].female

    def _register(self, name: str, roles: Sequence[str], text: str, m: re.Match[str], n: int) -> None:
        """Record a full-name mention with its role words (title before it, or description after it)."""
        # "Belarus Lukashenko" after "Alexander Lukashenko": the same person, under the name first given.
        at = m.start() + m.group(0).find(name.split()[0])  # where this run's own name starts
        earlier = self._by_last.get(name.split()[-1])
        if (
            earlier is not None
            and name not in self.persons
            and len(name.split()) <= len(earlier.split())
            and not roles  # "Homeland Security Secretary Jeh Johnson" is not Gary Johnson
            and not _other_first_name(name, earlier)  # "Donald Trump" is not Melania Trump
        ):
            name = earlier
        person = self.persons.get(name)
        if person is None:
            person = self.persons[name] = Person(name)
            self._by_last.setdefault(name.split()[-1], name)
            first = name.split()[0].lower()
            person.female = (
                True if first in FEMALE_FIRST else False if first in MALE_FIRST else title_gender(roles)
            )
        person.roles.update(stem(clean_token(r)) for r in roles)
        person.roles.update(mention_roles(text, m.start(), m.end()))
        self._mentions.append((n, at, name))

    def full_name(self, name: str, paragraph: int = 0, offset: int = 0) -> str:
        """Return the full name a surname or partial name stands for, else the name itself.

        Given a position, a surname two people share ("Johnson" after Gary and Jeh Johnson) means the one
        named last before it.
        """
        if name in self.persons:
            return name
        tokens = name.split()
        if not tokens:
            return name
        latest = self._latest(self._mentions, tokens[-1], paragraph, offset) if paragraph else None
        return latest or self._by_last.get(tokens[-1], name)

    def _latest(
        self, mentions: list[tuple[int, int, str]], last: str, paragraph: int, offset: int
    ) -> str | None:
        """Return the person a surname several people share means at a position; else None.

        The one named in full in this sentence or the one before ("Jeh Johnson says ... Johnson said");
        else the one the source named first, its main person: a writer names the other in full again.
        """
        if last not in self._shared:
            return None
        k = bisect_left(mentions, (paragraph, offset, ""))
        same = [(n, off, name) for n, off, name in mentions[:k] if name.split()[-1] == last]
        if not same:
            return None
        n, off, name = same[-1]
        if self.sentences.number(paragraph, offset) - self.sentences.number(n, off) <= 1:
            return name
        return same[0][2]

    def known(self, name: str) -> bool:
        """Return whether ``name`` is (part of) a person of this source."""
        return name in self.persons or (bool(name.split()) and name.split()[-1] in self._by_last)

    def before(
        self,
        paragraph: int,
        offset: int,
        *,
        female: bool | None = None,
        speaker: tuple[int, str] | None = None,
    ) -> str | None:
        """Return the likeliest referent of a subject pronoun at a position, of a compatible gender.

        ``speaker``: (sentence number, name) of the last quoted speaker, who stays salient."""
        i = bisect_left(self._keys, (paragraph, offset))
        here = self.sentences.number(paragraph, offset)
        best: tuple[float, str] | None = None
        seen: set[str] = set()
        order = 0
        if speaker is not None and self._new_subject(i, speaker, female, here):
            speaker = None  # someone else has become the topic since the last quote: they are "he" now
        chain = self._chain(paragraph, offset, female, here)
        # Look back a bounded number of mentions: keeps resolution constant-time per quote.
        for j in range(i - 1, max(-1, i - 15), -1):
            facts = self._facts[j]
            name = self._mentions[j][2]
            unmarked = female is True and self.persons[name].female is None
            if unmarked and not facts.subject and here - facts.sentence > 1:
                continue  # "she" for someone never marked as a woman: a subject, or named just before
            if facts.quoted or name in seen or not self._compatible(name, female, lenient=True):
                continue
            seen.add(name)
            spoke = speaker is not None and speaker[1] == name and here - speaker[0] <= 6
            # The speaker being quoted is as near as their last statement, named there or not ("said Lee.").
            near = (
                min(here - facts.sentence, here - speaker[0]) if speaker and spoke else here - facts.sentence
            )
            cand = Candidate(name, near, facts.subject or spoke, spoke, order)
            order += 1
            score = salience(cand) - (1.0 if unmarked else 0.0)  # after anyone marked as a woman
            if best is None or score > best[0]:
                best = (score, name)
        if (
            speaker is not None
            and speaker[1] not in seen
            and self._compatible(speaker[1], female, lenient=True)
        ):
            score = salience(Candidate(speaker[1], here - speaker[0], True, here - speaker[0] <= 6, order))
            if best is None or score > best[0]:
                best = (score, speaker[1])
        if chain is not None and (score := salience(Candidate(chain[1], chain[0], True, False, 0))) > (
            best[0] if best else -99.0
        ):
            best = (score, chain[1])  # "She says ... She says ... She tweeted": the one the pronouns follow
        return best[1] if best else None

    def _chain(self, paragraph: int, offset: int, female: bool | None, here: int) -> tuple[int, str] | None:
        """Return (sentences back, referent) of the last sentence opening with the same pronoun, if near."""
        k = bisect_left(self._openings, (paragraph, offset, False)) - 1
        if female is None or k < 0 or self._depth > 40:
            return None
        n, at, fem = self._openings[k]
        back = here - self.sentences.number(n, at)
        if back == 0 and k > 0:  # the pronoun being resolved opens this very sentence: the one before
            n, at, fem = self._openings[k - 1]
            back = here - self.sentences.number(n, at)
        if fem != female or not 0 < back <= 4:
            return None
        if (n, at) not in self._chained:
            self._depth += 1
            self._chained[(n, at)] = self.before(n, at, female=female)
            self._depth -= 1
        ref = self._chained[(n, at)]
        return (back, ref) if ref else None

    def _new_subject(self, i: int, speaker: tuple[int, str], female: bool | None, here: int) -> bool:
        """Return whether another person of the pronoun's gender is a subject after the last speaker's quote.

        Centering: "“...,” said Admiral Moss. Iran's spokesman, Ali Rezai, rejected the claim. “...,” he
        said": the subject of the sentence just before is the one who speaks, not the earlier speaker.
        """
        for j in range(i - 1, max(-1, i - 15), -1):
            facts = self._facts[j]
            if facts.sentence <= speaker[0]:
                return False
            name = self._mentions[j][2]
            # The subject of the sentence just before is the new topic, even one the text never marked
            # as a woman: "Akar told CNN that ... “...,” she said" after another woman's quote.
            near = here - facts.sentence <= 1
            if (
                facts.subject
                and not facts.quoted
                and name != speaker[1]
                and self._compatible(name, female, near)
            ):
                return True
        return False

    def _compatible(self, name: str, female: bool | None, lenient: bool = False) -> bool:
        """Return whether a person may be referred to with a pronoun of the given gender."""
        person = self.persons.get(name)
        first = name.split()[0].lower() if name.split() else ""
        sex = (
            person.female
            if person
            else True
            if first in FEMALE_FIRST
            else False
            if first in MALE_FIRST
            else None
        )
        if female is True and not lenient:
            return sex is True  # "she" needs evidence: most unmarked names in political news are men
        return female is None or sex is None or sex == female

    def describe(
        self, description: str, paragraph: int, offset: int, speaker: tuple[int, str] | None = None
    ) -> str | None:
        """Return the person an earlier description matches ("the Belarusian leader"), or None."""
        first = description.split()[0].lower() if description.split() else ""
        if (
            first in ("a", "an", "one", "another", "some", "many", "several", "two", "three")
            or first[:1].isdigit()
        ):
            return None  # an indefinite description introduces someone new; "63 percent" is a share of many
        words, head = description_words(description)
        office = office_words(description)
        if not words or plural_description(description) or names_a_body(description):
            return None  # "the judges wrote": several people, never one of them; "the committee": a body
        # A definite description refers back like a pronoun whose gender is its role: among the people it
        # fits best, the most salient one (a subject, the speaker being quoted, the nearest).
        i = bisect_left(self._keys, (paragraph, offset))
        here = self.sentences.number(paragraph, offset)
        best: tuple[int, float, str] | None = None
        seen: set[str] = set()
        for j in range(i - 1, max(-1, i - 60), -1):
            name = self._mentions[j][2]
            if name in seen:
                continue
            seen.add(name)
            roles = self.persons[name].roles
            score = description_score(words, head, roles) if office <= roles else 0
            if score == 0:
                continue
            facts = self._facts[j]
            recent = speaker is not None and speaker[1] == name and here - speaker[0] <= 6
            rank = salience(Candidate(name, here - facts.sentence, facts.subject, recent, len(seen)))
            if best is None or (score, rank) > best[:2]:
                best = (score, rank, name)
        return best[2] if best else None

"""Quote attribution: recognise speaker phrases and resolve names, pronouns and descriptions to people."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Source
from .coref import (
    PERSON_TITLES,
    Candidate,
    MentionFacts,
    QuoteMarks,
    Sentences,
    mention_facts,
    salience,
    title_gender,
)
from .descriptions import clean_token, description_score, description_words, mention_roles, stem
from .first_names import MALE_FIRST
from .gender import pronoun_genders
from .phrases import joint_speakers, real_role, tidy_phrase


def word_set(text: str) -> frozenset[str]:
    """Return the white-space separated words of a word list."""
    return frozenset(text.split())


# Capitalised words that introduce a name as a role ("Belarus President Alexander Lukashenko"), never the name.
_TITLE_WORDS = word_set(
    """
    adm adviser advisor ambassador analyst anchor assemblyman attorney campaign candidate capt ceo chair
    chairman chairwoman chancellor chief col colonel columnist commander commissioner congressman
    congresswoman councilman councilwoman councillor councilor sheriff treasurer alderman defence defense democratic deputy director dr economist editor
    envoy executive finance foreign former founder gen general gop gov governor host house independent
    interior judge justice king leader lord lt majority manager mayor minister minority mr mrs ms
    nominee officer pollster pope president president-elect press prime prince prof professor queen rep
    reporter representative republican rev secretary sen senate senator sgt sir speaker special
    spokesman spokesperson spokeswoman state strategist trustee vice whip sens archbishop cardinal mp mep
    premier admiral coach novelist
    """
)
# Capitalised words that mark a sequence as a place, organisation or date rather than a person.
_NOT_PERSON = word_set(
    """
    a abc about act administration after against agency air airport also although america american
    americans african asian australian british canadian chinese english european french german irish
    italian japanese mexican olympic paralympic russian scottish spanish welsh commonwealth among an and angeles april army as assembly associated association at august avenue bank
    bbc because before between bill board britain brexit but by campaign capitol caucus caucuses cbs center
    central centre christmas church city club cnn college committee company conference congress
    convention corporation council county court day debate december democratic democrats department
    despite dr during east easter eastern election eu european even facebook february federal federation
    for force forces fort foundation fox friday from fund google gop government group hall he her here
    hill his hospital house how however i if in inc instagram institute international internet into isis
    island it its january journal july june just kingdom kremlin lake las law like live llc los ltd
    magazine march may meanwhile medicaid medicare ministry monday mount mountain mr mrs ms msnbc my
    national nations nato navy nbc network new news night north northern november now npr obamacare
    october of office olympics on only or organisation organization our oval over parliament party peace
    pentagon per plan post press primary program project radio representatives republic republican
    republicans reserve reuters review river road san saturday school secretary security senate
    september service she show since so south southern square st state states station still street
    summit sunday super supreme thanksgiving that the their then there these they this those though
    through thursday times to toward towards tuesday tv twitter u.s. uk un under union united university
    unless unlike until upon us valley vegas via war we wednesday west western what when where whether
    which while white who why with without world yet york you youtube
    """
)
_FEMALE_FIRST = word_set(
    """
    agnes alice amanda andrea angelica beatrice carmen charlotte chloe clara daria diana elena eva fatima
    francesca grace hanna hannah ines irene isabel jacqueline joanna judith julie leila lucia lydia
    marta martha mia nadia natasha nina petra pia rosa sandra silvia sofia tanya teresa ulrike vera yulia
    alison allison amy angela ann anna anne barbara betsy carly caroline carolyn catherine cheryl
    christine claire condoleezza dana debbie deborah denise diane donna elena elizabeth emily erin
    gretchen heather helen hillary hope huma irina ivanka jane janet jeanne jennifer jessica jill joanne
    joni julia kaja kamala karen kate katie katrina kelly kellyanne kirsten kristen kristin laura lauren
    linda lisa loretta louise madeleine margaret maria marie marine mary maxine megyn melania michelle
    monica mrs ms nancy natalia nikki olga patricia paula priya rachel rebecca ruby ruth samantha sara
    sarah shelley sheryl sonia sophie stephanie susan svetlana sviatlana tammy theresa tulsi ursula
    victoria wendy zoe
    """
)
_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
# A capitalised word, an initial, or a short abbreviation with its period ("Sen.", "Jr."); a longer word
# never keeps a period, so a name run stops at a sentence end ("in Belarus. Lukashenko said").
_CAP_REST = r"(?:[\w\u2019'\-]*[a-z\u2019'\-](?![\w.])|[a-z]{0,3}\.|[\w\u2019'\-]*(?![\w.]))"
_CAP = r"[A-Z]" + _CAP_REST
# The run opens with its capital, then looks behind it (not before it): a pattern that starts with a
# character class lets the regex engine skip every other position quickly, twice as fast on news text.
_NAME_SEQ = re.compile(
    r"[A-Z](?<![\w\u2019'\-][A-Z])"
    + _CAP_REST
    + r"(?:\s+(?:"
    + _CAP
    + r"|(?:de|van|von|bin|al|da|del|di|le|la)\b))*"
)
_CUED = re.compile(r",?\s+(?:said|says|told|tells|added|wrote|writes|argued|argues|stated|insisted|noted)\b")
_CUED_BEFORE = re.compile(
    r"\b(?:said|says|added|wrote|according to|journalist|reporter|analyst|official)\s+$"
)
_RUN = re.compile(r"[\w.\-\u2019']+(?:\s+[A-Z][\w.\-\u2019']*)*")
_OWN_PRONOUN = re.compile(
    r"(?:,[^,.;\u201c\u201d\"]{1,80},)?\s+(?:said|says|added|argued|insisted|noted|told \w+)\s+(?:that\s+)?(she|he)\b"
)
_CLAUSE_OPENING = re.compile(
    r"((?:[A-Z][\w.\-\u2019']*\s+){0,3}[A-Z][\w.\-\u2019']*)\s+(?:is|was|has|had|[a-z]{2,}(?:s|ed))\b"
)
_LOWER_WORD = re.compile(r"(?<![\w\-])[a-z][a-z]+\b")
_DET = re.compile(
    r"^(?:the|a|an|one|another|this|that|his|her|their|its|our|some|many|other|several|two|three|[A-Z][\w\-]*[\u2019']s?)$"
)


# "an analyst at Compass Point Research & Trading, wrote": a capitalised word after a preposition ends an
# appositive naming a body or place; it is not the cue's subject.
_OF_BODY = re.compile(r"(?:\b(?:at|of|for|in|from|with)|&)\s+$")


def _common_compound(word: str, lower: _LowerWords) -> bool:
    """Return whether a capitalised hyphenated word is a common compound ("Off-colour") the text writes lower-case."""
    parts = word.split("-")
    return len(parts) > 1 and parts[1][:1].islower() and lower.written(word.lower())


class _LowerWords:
    """The words ``_LOWER_WORD`` finds in a source's paragraphs, as a set that is only asked about a few.

    A source has hundreds of lower-case words and a name test asks about a handful, so each asked word
    is looked up in the text on demand (a substring search, then the pattern where it occurs) and kept.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        # No lower-case word spans a line break, and one stands on either side of it like a text's edge.
        self._text = "\n".join(texts)
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            found = self._known[word] = self._find(word)
        return found

    def written(self, word: str) -> bool:
        """Return whether the text writes ``word`` (a hyphenated compound, say) in lower case as a word."""
        return re.search(r"(?<![\w\-])" + re.escape(word) + r"(?![\w\-])", self._text) is not None

    def _find(self, word: str) -> bool:
        if len(word) < 2:
            return False  # the pattern's words have two letters or more ("" would be found everywhere)
        text = self._text
        at = text.find(word)
        while at >= 0:
            # Where the pattern matches at a position, findall matches there too: no match of it can
            # cover a later start, since that start would follow a letter.
            m = _LOWER_WORD.match(text, at)
            if m is not None and m.end() == at + len(word):
                return True
            at = text.find(word, at + 1)
        return False


@dataclass(slots=True)
class Person:
    """A person the source names, with the words it used to describe them."""

    name: str
    roles: set[str] = field(default_factory=set)
    female: bool | None = None


def split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Return (role tokens, name tokens) of a capitalised sequence, cutting after the last title word."""
    cut = 0
    for i, tok in enumerate(tokens[:-1]):
        if clean_token(tok).lower() in _TITLE_WORDS:
            cut = i + 1
    return tokens[:cut], tokens[cut:]


@lru_cache(maxsize=1 << 16)
def looks_like_name(tokens: tuple[str, ...]) -> bool:
    """Return whether capitalised tokens look like a person's name (not a place, body or date)."""
    if not 2 <= len(tokens) <= 4:
        return False
    low = [clean_token(t).lower() for t in tokens]
    if any(t in _NOT_PERSON or t in _TITLE_WORDS for t in low):
        return False
    if any(t.isupper() and len(t) > 2 for t in tokens):
        return False  # acronyms: organisations
    return all(len(t) >= 2 or t.endswith(".") for t in low)


# Name runs recur within and across sources: what a run's words alone give is worked out once per run.
@lru_cache(maxsize=1 << 16)
def _run_parts(run: str) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """Return a capitalised run's (role tokens, cleaned name tokens, offset of its last token)."""
    from .cues import PAST_CUE_FORMS  # here: cues imports this module's word_set

    tokens = run.split()
    roles, name = split_role(tokens)
    for i, tok in enumerate(name[:-1]):
        if tok.endswith(("'s", "\u2019s", "s'", "s\u2019")):
            # "Britain's Jason Gardener": a full name after the possessive; "Schindler's List": the owner.
            name = name[i + 1 :] if len(name) - i - 1 >= 2 else name[: i + 1]
            break
    cleaned = [clean_token(t) for t in name]
    while len(cleaned) > 2 and cleaned[-1].lower() in PAST_CUE_FORMS:
        cleaned = cleaned[:-1]  # "Hillary Clinton Praised ...": a headline-style line's verb
    return tuple(roles), tuple(cleaned), run.rfind(tokens[-1])


@lru_cache(maxsize=1 << 16)
def _single_parts(token: str, roles: tuple[str, ...]) -> tuple[str, bool, bool] | None:
    """Return what a lone capitalised name token gives: (surname, after a person title, may be titled).

    None when the token is a common capitalised word rather than a name.
    """
    word = clean_token(token)
    if word.lower() in _NOT_PERSON:
        return None
    titled_word = bool(roles) and clean_token(roles[-1]).lower() in PERSON_TITLES
    may_title = token[:1].isupper() and not token.endswith(("\u2019s", "'s"))
    return word, titled_word, may_title


class People:
    """The people of one source, their mentions in reading order, and how to resolve a reference to them."""

    def __init__(self, source: Source) -> None:
        self.persons: dict[str, Person] = {}
        self.sentences = Sentences([(p.n, p.text) for p in source.paragraphs])
        self._facts: list[MentionFacts] = []
        self._texts = {p.n: p.text for p in source.paragraphs}
        self._by_last: dict[str, str] = {}
        self._mentions: list[tuple[int, int, str]] = []  # (paragraph, offset, full name), in order
        self._keys: list[tuple[int, int]] = []
        singles: list[tuple[int, int, str]] = []
        candidates: list[tuple[str, tuple[str, ...], str, re.Match[str], int, bool]] = []
        surnames: dict[str, int] = {}
        titled: list[tuple[str, tuple[str, ...]]] = []
        lower = _LowerWords([p.text for p in source.paragraphs])
        for para in source.paragraphs:
            for m in _NAME_SEQ.finditer(para.text):
                roles, name, last_at = _run_parts(m.group(0))
                # "Yet Alexander Lukashenko": a sentence-opening common word is not part of the name.
                while len(name) > 1 and (
                    name[0].lower() in lower
                    or name[0].lower() in _NOT_PERSON
                    or _common_compound(name[0], lower)
                ):
                    name = name[1:]
                if looks_like_name(name):
                    cued = bool(
                        _CUED.match(para.text, m.end())
                        or _CUED_BEFORE.search(para.text, max(0, m.start() - 40), m.start())
                    )
                    candidates.append((" ".join(name), roles, para.text, m, para.n, bool(roles) or cued))
                elif len(name) == 1 and (single := _single_parts(name[0], roles)) is not None:
                    word, titled_word, may_title = single
                    # "Ham said", "said Matthews": a lone capitalised word as a cue's subject is a person.
                    if may_title and (
                        titled_word
                        or (
                            not roles
                            and _CUED.match(para.text, m.end())
                            and not name[0].isupper()
                            and not _OF_BODY.search(para.text, max(0, m.start() - 12), m.start())
                        )
                    ):
                        titled.append((word, roles))
                    singles.append((para.n, m.start() + last_at, word))
                    surnames[word] = surnames.get(word, 0) + 1
        # A capitalised pair is a person when a title, a cue verb or a later bare surname vouches for it;
        # this keeps "Since Russia" and "External Vulnerabilities" out of pronoun resolution.
        for full, roles, text, m, n, vouched in candidates:
            first = full.split()[0]
            if first.lower() in lower or first in surnames:
                continue  # "Other Belarus", "Lukashenko Belarus": a common word or a surname cannot open a name
            if first.endswith("ing") and first.lower() not in _FEMALE_FIRST:
                continue  # "Injecting Clinton": a sentence-opening participle
            if vouched or full.split()[-1] in surnames or first.lower() in _FEMALE_FIRST:
                self._register(full, roles, text, m, n)
        # "Mr. Obama", "Sen. Cruz": a title vouches for a lone surname the source never gives in full.
        for last, roles in titled:
            if last not in self._by_last:
                self.persons[last] = Person(last)
                self._by_last[last] = last
            person = self.persons[self._by_last[last]]
            if person.female is None:
                person.female = title_gender(roles)
        for n, off, last in singles:
            known = self._by_last.get(last)
            if known:
                self._mentions.append((n, off, known))
        self._mentions.sort()
        self._keys = [(n, off) for n, off, _ in self._mentions]
        marks: dict[int, QuoteMarks] = {}
        for n, off, _ in self._mentions:
            text = self._texts[n]
            if n not in marks:
                marks[n] = QuoteMarks(text)
            run = _RUN.match(text, off)
            end = run.end() if run else off
            self._facts.append(mention_facts(self.sentences, marks[n], n, text, off, end))
            # "Mara Quist said she ...": the pronoun a person's own clause uses gives their gender.
            own = _OWN_PRONOUN.match(text, end)
            owner = self.persons.get(self._mentions[len(self._facts) - 1][2])
            if own and owner is not None and owner.female is None:
                owner.female = own.group(1).lower() == "she"
        genders = pronoun_genders(
            self._mentions, self._facts, self.sentences, self._texts, self._unknown_gender
        )
        for who, female in genders.items():
            self.persons[who].female = female

    def _unknown_gender(self, name: str) -> bool:
        """Return whether nothing yet tells a person's gender."""
        return self.persons[name].female is None

    def _register(self, name: str, roles: Sequence[str], text: str, m: re.Match[str], n: int) -> None:
        """Record a full-name mention with its role words (title before it, or description after it)."""
        # "Belarus Lukashenko" after "Alexander Lukashenko": the same person, under the name first given.
        earlier = self._by_last.get(name.split()[-1])
        if earlier is not None and name not in self.persons and len(name.split()) <= len(earlier.split()):
            name = earlier
        person = self.persons.get(name)
        if person is None:
            person = self.persons[name] = Person(name)
            self._by_last.setdefault(name.split()[-1], name)
            first = name.split()[0].lower()
            person.female = (
                True if first in _FEMALE_FIRST else False if first in MALE_FIRST else title_gender(roles)
            )
        person.roles.update(stem(clean_token(r)) for r in roles)
        person.roles.update(mention_roles(text, m.start(), m.end()))
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

    def before(
        self,
        paragraph: int,
        offset: int,
        *,
        female: bool | None = None,
        speaker: tuple[int, str] | None = None,
    ) -> str | None:
        """Return the likeliest referent of a subject pronoun at a position, of a compatible gender.

        ``speaker`` is (sentence number, name) of the last quoted speaker, who stays salient.
        """
        i = bisect_left(self._keys, (paragraph, offset))
        here = self.sentences.number(paragraph, offset)
        best: tuple[float, str] | None = None
        seen: set[str] = set()
        order = 0
        # Look back a bounded number of mentions: keeps resolution constant-time per quote.
        for j in range(i - 1, max(-1, i - 15), -1):
            facts = self._facts[j]
            name = self._mentions[j][2]
            if facts.quoted or name in seen or not self._compatible(name, female):
                continue
            seen.add(name)
            cand = Candidate(
                name,
                here - facts.sentence,
                facts.subject,
                speaker is not None and speaker[1] == name and here - speaker[0] <= 6,
                order,
            )
            order += 1
            score = salience(cand)
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
        return best[1] if best else None

    def _compatible(self, name: str, female: bool | None, lenient: bool = False) -> bool:
        """Return whether a person may be referred to with a pronoun of the given gender."""
        person = self.persons.get(name)
        sex = person.female if person else None
        if female is True and not lenient:
            return sex is True  # "she" needs evidence: most unmarked names in political news are men
        return female is None or sex is None or sex == female

    def describe(
        self, description: str, paragraph: int, offset: int, speaker: tuple[int, str] | None = None
    ) -> str | None:
        """Return the person an earlier description matches ("the Belarusian leader"), or None."""
        first = description.split()[0].lower() if description.split() else ""
        if first in ("a", "an", "one", "another", "some", "many", "several", "two", "three"):
            return None  # an indefinite description introduces someone new
        words, head = description_words(description)
        if not words or _plural(description):
            return None  # "the judges wrote": several people, never one of them
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
            score = description_score(words, head, self.persons[name].roles)
            if score == 0:
                continue
            facts = self._facts[j]
            recent = speaker is not None and speaker[1] == name and here - speaker[0] <= 6
            rank = salience(Candidate(name, here - facts.sentence, facts.subject, recent, len(seen)))
            if best is None or (score, rank) > best[:2]:
                best = (score, rank, name)
        return best[2] if best else None


def _plural(description: str) -> bool:
    """Return whether a description's head noun is plural ("the judges", "the organisers")."""
    last = description.split()[-1].lower() if description.split() else ""
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "'s", "\u2019s"))


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """What a cue's subject says about the speaker: a name, a pronoun or a description."""

    name: str | None = None
    pronoun: str | None = None
    role: str | None = None


# Words that show a phrase is a clause or a cut-off noun phrase, not someone who speaks.
_CLAUSE_WORDS = word_set(
    """
    that which who whom is are was were be been being has have had will would could should can may might
    did does do not to it this these those there when if because while what how why than
    """
)
_LEADING_PREPOSITIONS = word_set(
    "with in on at for of to into about over under after before during as and or but"
)
_AGE = re.compile(r"\d{1,3}-year-old")
# "the 46-year-old", "the former 70-year-old senator": an age description refers back like a pronoun.
_AGE_DESCRIPTION = re.compile(r"^[Tt]he\s+(?:[a-z]+\s+)?\d{1,3}-year-old(?:\s+[a-z]+){0,2}$")
_CAP_TOKEN = re.compile(r"^(?:[A-Z][\w\u2019'\-.]*|(?:de|van|von|bin|al|da|del|di|le|la))$")
# "Ann Lee of Ohio", "Jane Doe of the University of Chicago": a two-word name, then where they are from.
_CAP = r"[A-Z][\w\u2019'\-.]*"
_OF_PLACE = re.compile(
    rf"^(?P<name>(?:.*?\s)?(?!(?:The|A|An|This|That)\s){_CAP}\s+{_CAP})\s+of\s+(?:the\s+)?{_CAP}(?:\s+(?:of\s+|and\s+)?{_CAP}){{0,3}}$"
)

_PARENTHESES = re.compile(r"\s*\([^()]{0,40}\)")
_AFTER_COMMA = re.compile(r",.*$")
_BY_FROM = re.compile(r"^(?:by|from)\s+")
_CUE_WORDS = word_set("said says added told stated wrote argued insisted claimed noted warned")


def parse_speaker(phrase: str) -> SpeakerPhrase | None:
    """Return the speaker a subject phrase names ("he", "Sen. John McCain", "an EU diplomat"), or None."""
    phrase = _PARENTHESES.sub("", phrase)  # "(D-Wis.)", "(R)"
    phrase = tidy_phrase(phrase)  # quote marks at its edge, an aside closed by a dash
    phrase = _AFTER_COMMA.sub("", phrase)  # an appositive after the name: "Smith, the chairman"
    phrase = _BY_FROM.sub("", phrase)
    if m := _OF_PLACE.match(phrase):
        phrase = m.group("name")  # the person, not their state or employer
    if not phrase:
        return None
    if (pair := joint_speakers(phrase)) is not None:
        # "Smith and Jones said": both speak; each part is read as a speaker of its own.
        first, second = (parse_speaker(p) for p in pair)
        if first is not None and second is not None and first.name and second.name:
            return SpeakerPhrase(name=f"{first.name} and {second.name}")
    if phrase.lower() in _PRONOUNS:
        return SpeakerPhrase(pronoun=phrase.lower())
    tokens = phrase.split()
    if len(tokens) > 10 or _DET.match(tokens[-1]) or tokens[-1].lower() in _PRONOUNS:
        return None  # "his claims of": a noun phrase cut short, not a subject
    # A capitalised clause word followed by another capitalised word is part of a name or a title ("Will
    # Doyle", "CBS This Morning"); alone or lower-case it shows a clause.
    clause = any(
        t.lower() in _CLAUSE_WORDS
        and (t.islower() or i + 1 == len(tokens) or not tokens[i + 1][:1].isupper())
        for i, t in enumerate(tokens)
    )
    if clause or any(t[:1].isdigit() and not _AGE.fullmatch(t) for t in tokens[-1:]):
        return None
    if tokens[0][:1].isupper() and tokens[0].lower() in _LEADING_PREPOSITIONS:
        tokens = tokens[1:]  # "As John Cornyn put it", "As": a sentence-opening preposition is not a name
        if not tokens:
            return None
    if tokens[0] in _LEADING_PREPOSITIONS:
        return None  # "with several Asian and African": a prepositional phrase has no speaker
    # The name is the run of capitalised words ending the phrase ("former Obama adviser David Axelrod").
    k = len(tokens)
    while k > 0 and _CAP_TOKEN.match(tokens[k - 1]):
        k -= 1
    caps = tokens[k:]
    for i, tok in enumerate(caps[:-1]):
        if tok.endswith(("'s", "\u2019s")):
            k, caps = k + i + 1, caps[i + 1 :]  # "the Washington Post's Ishaan Tharoor": the name after it
            break
    if len(caps) == 1 and k > 0 and tokens[k - 1] in ("of", "for"):
        caps = []  # "the Bank of England", "the Minister for London": a body or an office, not a person
    if caps:
        roles, name = split_role(caps)
        name = [clean_token(t) for t in name]
        while len(name) > 1 and name[-1].lower() in _CUE_WORDS:
            name = name[:-1]  # "Hillary Clinton Said": a headline-style line's reporting verb
        single_title = len(name) == 1 and (name[0].lower() in _TITLE_WORDS or name[0].isupper())
        # A cue's subject vouches for a name that the general name test would doubt ("Bill Clinton").
        plausible = (
            0 < len(name) <= 4
            and name[-1].lower() not in _NOT_PERSON
            and name[0].lower() not in ("the", "a", "an")
            and not any(t.isupper() and len(t) > 2 for t in name)
        )
        if name and plausible and not single_title:
            role = real_role(" ".join(tokens[:k] + roles) or None)
            return SpeakerPhrase(name=" ".join(name), role=role)
    # No name: a description or a body ("EU diplomat", "the Belarusian leader", "The New York Times").
    return SpeakerPhrase(role=phrase)


class Resolver:
    """Turns a speaker phrase into (name, role) using the source's people."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._people: People | None = None
        self._speaker: tuple[int, str] | None = None

    @property
    def people(self) -> People:
        """Return the source's people, found on first use: a source whose quotation marks are all
        apostrophes, or that quotes nobody, never pays for finding them."""
        if self._people is None:
            self._people = People(self._source)
        return self._people

    def note_speaker(self, paragraph: int, offset: int, name: str) -> None:
        """Record the speaker of a statement just attributed: the next "he said" most likely continues them."""
        if name in self.people.persons:
            self._speaker = (self.people.sentences.number(paragraph, offset), name)

    def resolve(self, phrase: SpeakerPhrase | None, paragraph: int, at: int) -> tuple[str | None, str | None]:
        """Return (speaker, speaker_role) for a phrase found at a position."""
        if phrase is None:
            return None, None
        if phrase.pronoun in ("he", "she"):
            female = phrase.pronoun == "she"
            return self.people.before(paragraph, at, female=female, speaker=self._speaker), None
        if phrase.pronoun:
            return None, None
        if phrase.name and " and " in phrase.name:
            names = [self.people.full_name(n) for n in phrase.name.split(" and ")]
            return " and ".join(names), phrase.role
        if phrase.name:
            return self.people.full_name(phrase.name), phrase.role
        if phrase.role:
            clause = _CLAUSE_OPENING.match(phrase.role)
            if clause and self.people.known(clause.group(1)):
                # "Hillary Clinton says Donald Trump's flurry of": a known person opening a clause over-read.
                return self.people.full_name(clause.group(1)), None
            who = self.people.describe(phrase.role, paragraph, at, self._speaker)
            if who is None and _AGE_DESCRIPTION.match(phrase.role):
                who = self.people.before(paragraph, at, speaker=self._speaker)
            return (who, None) if who else (None, phrase.role)
        return None, None

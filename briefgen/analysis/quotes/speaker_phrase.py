"""Quote attribution: read a cue's subject phrase as a name, a pronoun or a description (a role)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..words import NOT_PERSON, TITLE_WORDS, word_set
from .descriptions import clean_token
from .name_words import split_role
from .phrases import joint_speakers, real_role, tidy_phrase

_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
_DET = re.compile(
    r"^(?:the|a|an|one|another|this|that|his|her|their|its|our|some|many|other|several|two|three|[A-Z][\w\-]*[\u2019']s?)$"
)


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
AGE_DESCRIPTION = re.compile(r"^[Tt]he\s+(?:[a-z]+\s+)?\d{1,3}-year-old(?:\s+[a-z]+){0,2}$")
# A capitalised token, accented capitals included ("Óscar Acuña"), or a name particle.
_CAP_TOKEN = re.compile(
    r"^(?:[A-Z\u00c0-\u00d6\u00d8-\u00de][\w\u2019'\-.]*|(?:de|van|von|bin|al|da|del|di|le|la))$"
)
# "Ann Lee of Ohio", "Jane Doe of the University of Chicago": a two-word name, then where they are from.
_CAP = r"[A-Z][\w\u2019'\-.]*"
_OF_PLACE = re.compile(
    rf"^(?P<name>(?:.*?\s)?(?!(?:The|A|An|This|That)\s){_CAP}\s+{_CAP})\s+of\s+(?:the\s+)?{_CAP}(?:\s+(?:of\s+|and\s+)?{_CAP}){{0,3}}$"
)

_PARENTHESES = re.compile(r"\s*\([^()]{0,40}\)")
_AFTER_COMMA = re.compile(r",.*$")
_BY_FROM = re.compile(r"^(?:by|from)\s+")
_CUE_WORDS = word_set("said says added told stated wrote argued insisted claimed noted warned")


# Words a description cannot end on: it has lost its head noun ("The new", "the former").
_NO_HEAD = word_set("new old former latest same other first last next such own")
# Sentence-opening words that are never who speaks ("Afterwards he said", "Both he and Dimas").
_NOT_A_SPEAKER = word_set(
    "both all each either neither afterwards later meanwhile instead then still also however"
)


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
    if phrase.lower() in _NOT_A_SPEAKER:
        return None
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
    if caps and k > 1 and tokens[k - 1] in ("of", "for") and tokens[0][:1].islower():
        caps = []  # "president of Union Cycliste Internationale": the body a role belongs to, not a person
    if len(caps) == 1 and k > 0 and tokens[k - 1].lower() in ("the", "a", "an"):
        caps = []  # "the Bishop", "the President": a name takes no article; a description does
    if caps:
        roles, name = split_role(caps)
        name = [clean_token(t) for t in name]
        while len(name) > 1 and name[-1].lower() in _CUE_WORDS:
            name = name[:-1]  # "Hillary Clinton Said": a headline-style line's reporting verb
        addressed = bool(roles) and roles[-1].lower().rstrip(".") in ("mr", "mrs", "ms", "miss", "dr")
        single_title = (
            len(name) == 1 and not addressed and (name[0].lower() in TITLE_WORDS or name[0].isupper())
        )
        # A cue's subject vouches for a name that the general name test would doubt ("Bill Clinton").
        plausible = (
            0 < len(name) <= 4
            and name[-1].lower() not in NOT_PERSON
            and name[0].lower() not in ("the", "a", "an")
            and not any(t.isupper() and len(t) > 2 for t in name)
        )
        if name and plausible and not single_title:
            role = real_role(" ".join(tokens[:k] + roles) or None)
            return SpeakerPhrase(name=" ".join(name), role=role)
    # No name: a description or a body ("EU diplomat", "the Belarusian leader", "The New York Times").
    if (
        phrase.count("(") != phrase.count(")")
        or tokens[-1].lower() in _NO_HEAD
        or phrase.lower() in _NOT_A_SPEAKER
    ):
        return None  # "Zapad 2025 in September) bea", "The new": a cut-off phrase, not who speaks
    return SpeakerPhrase(role=phrase)

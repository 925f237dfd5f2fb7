"""Quote attribution: turn a speaker phrase into a person of the source (name, pronoun or description)."""

from __future__ import annotations

import re

from ...model import Source
from .gender import according_role
from .name_runs import looks_like_name
from .speaker_phrase import AGE_DESCRIPTION, SpeakerPhrase
from .speakers import People

_KIN = re.compile(r"\b(?:younger|elder|junior|senior|son|daughter|wife|husband|brother|sister)\b")
_CLAUSE_OPENING = re.compile(
    r"((?:[A-Z][\w.\-\u2019']*\s+){0,3}[A-Z][\w.\-\u2019']*)\s+(?:is|was|has|had|[a-z]{2,}(?:s|ed))\b"
)


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
        """Record a statement's speaker, even one named only there: the next "she continued" is theirs."""
        if name in self.people.persons or looks_like_name(tuple(name.split())):
            self._speaker = (self.people.sentences.number(paragraph, offset), name)

    def resolve(self, phrase: SpeakerPhrase | None, paragraph: int, at: int) -> tuple[str | None, str | None]:
        """Return (speaker, speaker_role) for a phrase found at a position."""
        if phrase is None:
            return None, None
        if phrase.pronoun in ("he", "she"):
            if role := according_role(self.people.sentences, self.people.texts, paragraph, at):
                return self.resolve(SpeakerPhrase(role=role), paragraph, at)  # "according to the Bishop."
            return self.people.before(
                paragraph, at, female=phrase.pronoun == "she", speaker=self._speaker
            ), None
        if phrase.pronoun:
            return None, None
        if phrase.name and " and " in phrase.name:
            names = [self.people.full_name(n, paragraph, at) for n in phrase.name.split(" and ")]
            return " and ".join(names), phrase.role
        if phrase.name:  # "the younger Mr. Trump": a relative who shares the name keeps it as written
            kin = phrase.role is not None and _KIN.search(phrase.role) is not None
            return (phrase.name if kin else self.people.full_name(phrase.name, paragraph, at)), phrase.role
        if phrase.role:
            clause = _CLAUSE_OPENING.match(phrase.role)
            if clause and self.people.known(clause.group(1)):
                # "Hillary Clinton says Donald Trump's flurry of": a known person opening a clause over-read.
                return self.people.full_name(clause.group(1)), None
            who = self.people.describe(phrase.role, paragraph, at, self._speaker)
            if who is None and AGE_DESCRIPTION.match(phrase.role):
                who = self.people.before(paragraph, at, speaker=self._speaker)
            return (who, None) if who else (None, phrase.role)
        return None, None

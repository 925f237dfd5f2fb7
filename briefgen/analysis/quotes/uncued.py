"""Quote attribution without a cue of its own: the subjects and speakers around a quote."""

from __future__ import annotations

import re
from typing import Protocol

from ...model import Paragraph
from ..segment import sentence_spans
from ..words import WEAK_CUES
from .cues import CUE, clause_subject, subject_before
from .finite_verbs import verb_subject
from .intros import intro_phrase
from .quotemarks import Span
from .resolver import Resolver
from .speaker_phrase import parse_speaker


class QuoteContext(Protocol):
    """The paragraph a quote stands in: its text with quotes masked, and its sentences."""

    para: Paragraph
    masked: str

    def sentence_of(self, pos: int) -> tuple[int, int]: ...


# A quoted run in masked text: blanked words ("___ ____") separated by spaces.
_QUOTED_RUN = re.compile(r"_+(?:\s+_+)*")


def _ends_with_remark(masked_sentence: str) -> bool:
    """Return whether a masked sentence quotes a remark (four words or more), not just a scare-quoted word."""
    return any(len(m.group(0).split()) >= 4 for m in _QUOTED_RUN.finditer(masked_sentence))


def _paragraph_topic(prev: str, n: int, resolver: Resolver) -> str | None:
    """Return the person who is the subject of a paragraph's last sentence, if a known person is."""
    spans = sentence_spans(prev)
    if not spans or _ends_with_remark(prev[spans[-1][0] :]):
        return None  # the previous paragraph ends with a quote: its own attribution rules
    s0 = spans[-1][0]
    who = clause_subject(prev[s0:].lstrip())
    phrase = parse_speaker(who) if who else None
    # A full name as the subject is a person even when the source names them only once.
    full = phrase is not None and phrase.name is not None and len(phrase.name.split()) >= 2
    if phrase is None or not (
        phrase.name and (full or resolver.people.known(phrase.name)) or phrase.pronoun in ("he", "she")
    ):
        return None
    return resolver.resolve(phrase, n, s0)[0]


def sentence_subject(span: Span, pq: QuoteContext, resolver: Resolver) -> str | None:
    """Return the known person (or resolved he/she) opening the quote's sentence ("Trump called it “...”")."""
    s0 = pq.sentence_of(span.start)[0]
    who = clause_subject(pq.masked[s0 : max(s0, span.open_mark)])
    phrase = parse_speaker(who) if who and "_" not in who else None
    known = phrase is not None and phrase.name and resolver.people.known(phrase.name)
    if phrase is not None and (known or phrase.pronoun in ("he", "she")):
        return resolver.resolve(phrase, pq.para.n, s0)[0]
    return None


def subject_speaker(span: Span, pq: QuoteContext, resolver: Resolver) -> tuple[str | None, str | None]:
    """Return (speaker, role) from the subject of any verb opening the quote's sentence ("The ad targets")."""
    s0 = pq.sentence_of(span.start)[0]
    prefix = pq.masked[s0 : max(s0, span.open_mark)]
    lead = len(prefix) - len(prefix.lstrip(" \u201c\u201d\"'"))
    found = verb_subject(prefix[lead:])
    if found is None:
        return None, None
    phrase = parse_speaker(found[0])
    if phrase is None or phrase.pronoun:
        return None, None
    return resolver.resolve(phrase, pq.para.n, s0 + lead + found[1])


# "Smith's reply is as follows:": the closing words of a paragraph that introduce the next.
_FOLLOWS = re.compile(r"^([A-Z][\w\s\-]{1,40}?)\s+(?:(?:is|are)\s+)?(?:as follows|follows|below)$")


def uncued_speaker(
    span: Span,
    pq: QuoteContext,
    prev: str,
    last: tuple[int, str | None, str | None] | None,
    resolver: Resolver,
) -> tuple[str | None, str | None]:
    """Return (speaker, role) of a statement without a cue of its own, from the text around it."""
    n = pq.para.n
    if span.start <= 1 and prev.rstrip().endswith(":"):
        # "Smith said:" closing the previous paragraph introduces this one.
        tail = prev.rstrip()[:-1]
        spans = sentence_spans(tail)
        last_sentence = tail[spans[-1][0] :].strip() if spans else tail.strip()
        follows = _FOLLOWS.match(last_sentence)
        named = intro_phrase(last_sentence)
        if named is not None:
            # "Stated Lee:", "More from the report:" closing the previous paragraph.
            return resolver.resolve(parse_speaker(named[0]), n - 1, len(prev) - len(last_sentence) + named[1])
        cues = [] if follows else list(CUE.finditer(tail))
        if cues:
            who = subject_before(tail[: cues[-1].start()])
            return resolver.resolve(parse_speaker(who) if who else None, n, 0)
        # "Clinton released the following statement:", "Transcript as follows:": the clause's subject.
        found = None if follows else verb_subject(last_sentence)
        who = found[0] if found else follows.group(1) if follows else None
        phrase = parse_speaker(who) if who else None
        if phrase is not None and phrase.pronoun not in ("he", "she", None):
            return None, None
        return resolver.resolve(phrase, n - 1, len(prev) - len(last_sentence))
    s0 = pq.sentence_of(span.open_mark if span.open_mark >= 0 else span.start)[0]
    if pq.masked[s0 : max(s0, span.open_mark)].strip():
        # The quote sits inside a sentence: its named subject speaks ("Lynch announced ...: “...”").
        who = sentence_subject(span, pq, resolver)
        if who:
            return who, None
        subject = subject_speaker(span, pq, resolver)
        if subject[0] or subject[1]:
            return subject
    if span.start <= 1:
        # A paragraph that is only a quote continues the person the previous paragraph ends on
        # ("Valastro praised Christie's leadership." / “We need someone who ...”).
        topic = _paragraph_topic(prev, n - 1, resolver)
        if topic:
            return topic, None
    if s0 > 0 and (last is None or last[0] != n):
        # "She said she and the governor had made gains. “I believe ...”": a quote standing alone after
        # a sentence that reports someone's words, with no quote of its own, goes on with those words.
        reported = _reported_before(s0, pq, resolver)
        if reported:
            return reported, None
    if last is not None and last[0] >= n - 2:
        # A quote with no cue of its own continues the previous speaker's remarks.
        return last[1], last[2]
    return sentence_subject(span, pq, resolver), None


def _reported_before(s0: int, pq: QuoteContext, resolver: Resolver) -> str | None:
    """Return the person (named, or he/she) whose words the sentence before ``s0`` reports, if it quotes none."""
    p0 = pq.sentence_of(s0 - 1)[0]
    sentence = pq.masked[p0:s0]
    if "_" in sentence:
        return None  # it quotes something itself: its own attribution rules
    cue = CUE.search(sentence)
    who = subject_before(sentence[: cue.start()]) if cue else None
    phrase = parse_speaker(who) if who else None
    if phrase is None or not (phrase.name or phrase.pronoun in ("he", "she")):
        return None
    return resolver.resolve(phrase, pq.para.n, p0 + cue.start() if cue else p0)[0]


# Where a clause inside a sentence may start: punctuation or a conjunction ("..., while the governor loves").
_CLAUSE_START = re.compile(
    r"(?:[,;:(\u2014\u2013]|\b(?:that|because|while|whereas|although|though|when|if|since|after|before|"
    r"but|and|so|as|where|until|unless)\b)\s*"
)


def local_speaker(span: Span, pq: QuoteContext, resolver: Resolver) -> tuple[str | None, str | None]:
    """Return (speaker, role) from the subject of the clause a quote stands in ("..., while Ann Lee loves “...”").

    The clause is the nearest one before the quote that opens with a subject and a finite verb; a quote
    is its speaker's word when it is part of what that subject says, names or does.
    """
    s0 = pq.sentence_of(span.start)[0]
    prefix = pq.masked[s0 : max(s0, span.open_mark)]
    starts = [m.end() for m in _CLAUSE_START.finditer(prefix)]
    for start in [*reversed(starts[-3:]), 0][:4]:
        clause = prefix[start:]
        lead = len(clause) - len(clause.lstrip(" \u201c\u201d\"'"))
        found = verb_subject(clause[lead:], lower=start > 0)
        if found is None:
            continue
        if start > 0 and re.match(re.escape(found[0]) + r"\s*,", clause[lead + found[1] :]):
            continue  # "... since March, named": a noun closing a phrase before the main clause's verb
        phrase = parse_speaker(found[0])
        if phrase is None or (phrase.pronoun and phrase.pronoun not in ("he", "she")):
            return None, None
        return resolver.resolve(phrase, pq.para.n, s0 + start + lead + found[1])
    return None, None


_GOVERNED = re.compile(
    r"\b(?:on|in|at|of|from|about|for|with|by|into|onto|during|to)\s+(?:[\w\u2019'\-]+\s+){0,3}$"
)


def title_speaker(span: Span, pq: QuoteContext, resolver: Resolver) -> tuple[str | None, str | None]:
    """Return (speaker, role) for a quoted title: the clause's subject when the title is what it names.

    "The senator likes “The Walking Dead”", "Cruz named “Veep” as his favourite": the subject chose the
    words. After a preposition ("appeared on the show “Morning Roundup”") a title is only a name.
    """
    s0 = pq.sentence_of(span.start)[0]
    if _GOVERNED.search(pq.masked[max(s0, span.open_mark - 60) : max(s0, span.open_mark)]):
        return None, None
    return local_speaker(span, pq, resolver)


# Nouns for something said: "Clinton’s response was: “...”", "Trump’s pledge to be “neutral”".
_SPEECH_NOUNS = (
    "response|reply|answer|slogan|motto|mantra|catchphrase|catch phrase|claim|assertion|contention|"
    "comment|comments|remark|remarks|statement|words|call|calls|pledge|promise|vow|dictum|warning|"
    "declaration|description|characterization|charge|accusation|quip|line|tweet|message|argument|"
    "insistence|suggestion|admission|boast|complaint|criticism|attack|broadside|refrain|plea|demand"
)
_POSSESSIVE_SPEECH = re.compile(
    r"(?<![\w\u2019'])((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)[\u2019']s?\s+(?:[a-z][\w\-]*\s+){0,3}?"
    r"(?:" + _SPEECH_NOUNS + r")\b(?P<rest>[^.;!?_]{0,80})$"
)

# The patterns of possessive_speaker, compiled once.
_POSSESSIVE_END = re.compile(r"[\u2019']s?\s*[\u201c\"]?$")
_SPEECH_NOUN = re.compile(r"\s*(?:" + _SPEECH_NOUNS + r")\b")
_OWNER = re.compile(r"((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)[\u2019']s?\s*$")
_TARGET_PREPOSITION = re.compile(r"\b(?:about|against|of|on|over)\s*$")


def possessive_speaker(span: Span, pq: QuoteContext, resolver: Resolver) -> tuple[str | None, str | None]:
    """Return (speaker, role) when the quote is what a named owner's speech noun holds.

    "Clinton’s response was: “...”", "Romney’s “47 percent” comment", "Trump’s pledge to be “neutral”":
    the owner of a response, pledge or claim said the words it quotes.
    """
    s0 = pq.sentence_of(span.start)[0]
    prefix = pq.masked[s0 : max(s0, span.open_mark)]
    m = _POSSESSIVE_SPEECH.search(prefix[-160:])
    if m is None and _POSSESSIVE_END.search(prefix):
        # "Romney’s “47 percent” comment": the noun follows the quote.
        after = pq.masked[span.close_mark + 1 : span.close_mark + 40] if span.close_mark >= 0 else ""
        noun = _SPEECH_NOUN.match(after)
        owner = _OWNER.search(prefix)
        if noun and owner:
            return resolver.resolve(parse_speaker(owner.group(1)), pq.para.n, s0 + owner.start(1))
        return None, None
    if m is None or _TARGET_PREPOSITION.search(m.group("rest")):
        return None, None  # "Sanders’ attack on “...”": the words are the target, not the owner's
    if any(c.group(0) not in WEAK_CUES for c in CUE.finditer(prefix, 0, len(prefix) - len(m.group(0)))):
        return None, None  # "The town issued a statement saying Trump’s comments “...”": the cue's subject
    phrase = parse_speaker(m.group(1))
    if phrase is None or phrase.pronoun:
        return None, None
    return resolver.resolve(phrase, pq.para.n, s0 + len(prefix) - len(prefix[-160:]) + m.start(1))

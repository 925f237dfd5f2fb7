"""Quote attribution: a person's gender from the pronoun that takes up their sentence ("Lee spoke. She ...")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .coref import MentionFacts, QuoteMarks, Sentences

# The next sentence's subject is a bare "he" or "she", after a connective at most.
_NEXT_PRONOUN = re.compile(r"\s*(?:(?:But|And|Then|Later|Still|Yet|Instead),?\s+)?(She|He)\s+[a-z]")


# "..., she's", "..., he said": a subject pronoun after a comma or a conjunction within the sentence.
_LATER_PRONOUN = re.compile(
    r"(?:,|\b(?:and|but|so|because|when|as|while))\s+(she|he)\b(?!\s+(?:and|or)\b)", re.I
)


# A sentence opening with a subject pronoun: "She says ...", "He later added ...".
_OPENING = re.compile(r"[\W_]{0,3}(She|He)\s+[a-z]")


def pronoun_openings(sentences: Sentences, texts: dict[int, str]) -> list[tuple[int, int, bool]]:
    """Return (paragraph, offset, female) of every sentence that opens with "She" or "He", in order."""
    out = []
    for n, text in texts.items():
        marks: QuoteMarks | None = None
        for start in sentences.starts(n):
            m = _OPENING.match(text, start)
            if m:
                marks = marks or QuoteMarks(text)
                if not marks.inside(m.start(1)):  # “She can never win,” Lee said: the speaker's "she"
                    out.append((n, m.start(1), m.group(1) == "She"))
    return sorted(out)


# A possessive or reflexive pronoun in a person's own clause: "Lee, who lost her son, ...", "Lee said her group".
_OWN_POSSESSIVE = re.compile(r"\b(her|herself|his|himself)\b", re.I)
# An opening "He" whose sentence also holds "her" or "she": two people, so no evidence about the subject.
_OTHER_WOMAN = re.compile(r"[^.!?]*\b(?:her|she)\b", re.I)
_RELATIVE = re.compile(r",\s+who\s")
_NAME_RUN = re.compile(r"(?:[A-Z][\w.\u2019'\-]*\s*)*")
# Where the subject's own clause ends: another capitalised name, or a clause of its own ("admits that her
# party ...", "said there is ..."), whose possessives may be anyone's.
_CLAUSE_END = re.compile(
    r"(?<=\s)(?!I\b)[A-Z][a-z]|\b(?:that|there|what|which|why|how|if|whether|because|when|while|although|"
    r"and|but|as|after|before|since|than)\b"
)
_QUOTE_MARK = re.compile('[\u201c\u201d"]')


def pronoun_genders(
    mentions: Sequence[tuple[int, int, str]],
    facts: Sequence[MentionFacts],
    sentences: Sentences,
    texts: dict[int, str],
    gender_of: Callable[[str], bool | None],
) -> dict[str, bool]:
    """Return {name: female} for people whose gender the pronouns of their own or the next sentence tell.

    Centering: a sentence's subject is what a subject pronoun opening the next sentence refers to, so
    "Clinton leaned in hard. She started off ..." tells that Clinton is a woman; and a possessive in the
    subject's own clause is the subject's ("Lee, who lost her son in the war, said ..."), unless another
    person of that gender was named just before. Only the first mention of its sentence counts, and only
    for people whose gender is still unknown (``gender_of`` gives None).
    """
    found: dict[str, bool] = {}
    for j, ((n, off, name), fact) in enumerate(zip(mentions, facts, strict=True)):
        if not fact.subject or fact.quoted or name in found or gender_of(name) is not None:
            continue
        if j and facts[j - 1].sentence == fact.sentence:
            continue  # someone else opens the sentence
        end = sentences.end(n, off)
        stop = mentions[j + 1][1] if j + 1 < len(mentions) and mentions[j + 1][0] == n else None
        own = texts.get(n, "")[off : end if stop is None else min(stop, end or stop)]
        own = _QUOTE_MARK.split(own, maxsplit=1)[
            0
        ]  # words inside a quotation are the speaker's, not the text's
        if (owned := _own_possessive(own, j, mentions, facts, gender_of)) is not None:
            found[name] = owned
            continue
        text = texts.get(n, "") if end is not None else texts.get(n + 1, "")
        m = _NEXT_PRONOUN.match(text, end or 0)
        if m and not (m.group(1) == "He" and _OTHER_WOMAN.match(text, m.end())):
            # "Lee backed Ruiz. He thanked her ...": the "He" is Ruiz, who took up the object.
            found[name] = m.group(1) == "She"
            continue
        # "If Clinton's plan fails, she ...": a subject pronoun later in the same sentence, before anyone else.
        m = _LATER_PRONOUN.search(own)
        if m:
            found[name] = m.group(1).lower() == "she"
    return found


def _own_possessive(
    own: str,
    j: int,
    mentions: Sequence[tuple[int, int, str]],
    facts: Sequence[MentionFacts],
    gender_of: Callable[[str], bool | None],
) -> bool | None:
    """Return the gender a possessive in a subject's own clause gives, None if none or another may own it."""
    lead = _NAME_RUN.match(own)
    begin = lead.end() if lead else 0
    relative = _RELATIVE.match(own, begin)
    if relative:
        # "Lee, who lost her seat, ...", "Lee, who died on Monday, used her last column": the relative
        # clause on the name is about them, and so is the main clause that follows it.
        close = own.find(",", relative.end())
        found = _clause_possessive(own, relative.end(), close if close >= 0 else len(own))
        if found is None and close >= 0:
            found = _clause_possessive(own, close + 1, len(own))
        return found
    female = _clause_possessive(own, begin, len(own))
    if female is None:
        return None
    for k in range(j - 1, max(-1, j - 8), -1):
        if facts[j].sentence - facts[k].sentence > 2:
            break
        if gender_of(mentions[k][2]) is female:
            return None  # "Trump met Clinton. Ruiz praised her plan": "her" may be the woman just named
    return female


def _clause_possessive(text: str, start: int, stop: int) -> bool | None:
    """Return True for "her"/"herself", False for "his"/"himself" in text[start:stop] before the clause ends."""
    end = _CLAUSE_END.search(text, start, stop)
    m = _OWN_POSSESSIVE.search(text, start, end.start() if end else stop)
    return m.group(1).lower().startswith("her") if m else None


# "..., according to the Bishop." closing the sentence before a "he said": the description spoke last.
_ACCORDING_END = re.compile(
    r"\baccording to (the (?:[A-Z][\w\-]+|[a-z]+)(?: (?:of|for) [A-Z][\w\-]+)?)\s*[.!?][\u201d\"]?\s*$"
)


def according_role(sentences: Sentences, texts: dict[int, str], paragraph: int, offset: int) -> str | None:
    """Return the description that the sentence before a position ends on ("according to the Bishop")."""
    start = sentences.start(paragraph, offset)
    before = texts.get(paragraph, "")[:start] if start > 0 else texts.get(paragraph - 1, "")
    m = _ACCORDING_END.search(before[-200:])
    return m.group(1) if m else None

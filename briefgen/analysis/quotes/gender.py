"""Quote attribution: a person's gender from the pronoun that takes up their sentence ("Lee spoke. She ...")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .coref import MentionFacts, Sentences

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
        for start in sentences.starts(n):
            m = _OPENING.match(text, start)
            if m:
                out.append((n, m.start(1), m.group(1) == "She"))
    return sorted(out)


def pronoun_genders(
    mentions: Sequence[tuple[int, int, str]],
    facts: Sequence[MentionFacts],
    sentences: Sentences,
    texts: dict[int, str],
    unknown: Callable[[str], bool],
) -> dict[str, bool]:
    """Return {name: female} for people whose sentence, as its subject, is taken up by "She"/"He".

    Centering: a sentence's subject is what a subject pronoun opening the next sentence refers to, so
    "Clinton leaned in hard. She started off ..." tells that Clinton is a woman. Only the first mention of
    its sentence counts, and only for people whose gender is still ``unknown``.
    """
    found: dict[str, bool] = {}
    for j, ((n, off, name), fact) in enumerate(zip(mentions, facts, strict=True)):
        if not fact.subject or fact.quoted or name in found or not unknown(name):
            continue
        if j and facts[j - 1].sentence == fact.sentence:
            continue  # someone else opens the sentence
        end = sentences.end(n, off)
        text = texts.get(n, "") if end is not None else texts.get(n + 1, "")
        m = _NEXT_PRONOUN.match(text, end or 0)
        if m:
            found[name] = m.group(1) == "She"
            continue
        # "If Clinton's plan fails, she ...": a subject pronoun later in the same sentence, before anyone else.
        stop = mentions[j + 1][1] if j + 1 < len(mentions) and mentions[j + 1][0] == n else None
        own = texts.get(n, "")[off : end if stop is None else min(stop, end or stop)]
        m = _LATER_PRONOUN.search(own)
        if m:
            found[name] = m.group(1).lower() == "she"
    return found


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

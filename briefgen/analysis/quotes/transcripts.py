"""Quote attribution: transcripts and Q&A interviews, whose turns are remarks without quotation marks.

A turn is a paragraph opening with its speaker's label in capitals and a colon ("TAPPER: Do you think
...") or with "Q:" / "A:". A title-case label ("Jeb Bush: student loans ...") heads a list item as often
as a remark, so it is not read as a turn. A source is read as a transcript only when it holds at least two turns
by two different labels, so a lone "UPDATE:" or "EXCLUSIVE:" headline is not one. Each turn without
quotation marks becomes one statement (its text after the label, verbatim), flagged "transcript"; a named
turn is its speaker's, an "A:" answer is the interviewee's: the first person the text names before the
first question. An unnamed "Q:" question is nobody's statement and is left out; a named interviewer's
turn ("TAPPER: Do you think ...") is theirs.
"""

from __future__ import annotations

import re

from ...model import Cite, Quote, Source
from .quotemarks import DOUBLE
from .resolver import Resolver
from .speaker_phrase import parse_speaker

_TURN = re.compile(
    r"^(?P<label>[A-Z][A-Z.\u2019'\-]+(?:\s+[A-Z][A-Z.\u2019'\-]+){0,3}|Q|A|Question|Answer):\s+(?P<text>\S.{10,})$",
    re.S,
)
_QUESTION = frozenset({"Q", "QUESTION", "Question"})
_ANSWER = frozenset({"A", "ANSWER", "Answer"})
# Labels that head a note, not a speaker's turn.
_NOT_SPEAKERS = frozenset(
    [
        "UPDATE",
        "UPDATED",
        "EDITOR",
        "NOTE",
        "CORRECTION",
        "EMAIL",
        "BYLINE",
        "EXCLUSIVE",
        "BREAKING",
        "WATCH",
        "LOOK",
        "READ",
        "PHOTO",
        "VIDEO",
        "SOURCE",
        "SOURCES",
        "CREDIT",
        "RELATED",
        "MORE",
        "BOOM",
        "BUSTED",
        "WOW",
    ]
)


def _turns(source: Source) -> list[tuple[int, str, int]]:
    """Return (paragraph, label, text offset) of every turn paragraph without quotation marks."""
    out = []
    for para in source.paragraphs:
        m = _TURN.match(para.text)
        if m and not DOUBLE.search(para.text) and m.group("label").split()[0].upper() not in _NOT_SPEAKERS:
            out.append((para.n, m.group("label"), m.start("text")))
    return out


def _interviewee(source: Source, before: int, resolver: Resolver) -> str | None:
    """Return the first person the text names before paragraph ``before``: the one being interviewed.

    An interview opens on its subject ("Q&A with Vice President Joe Biden", "Joe Biden spent Thursday ...");
    people named later in the introduction are what the talk is about.
    """
    names = [n for n in resolver.people.persons if len(n.split()) >= 2] or list(resolver.people.persons)
    for para in source.paragraphs:
        if para.n >= before:
            break
        found = [(at, name) for name in names if (at := para.text.find(name.split()[-1])) >= 0]
        if found:
            return min(found)[1]
    return None


def transcript_quotes(source: Source, resolver: Resolver) -> list[Quote]:
    """Return the turns of a transcript or Q&A as statements, in reading order; [] for other sources."""
    turns = _turns(source)
    if len({label for _, label, _ in turns}) < 2:
        return []
    first_question = min((n for n, label, _ in turns if label in _QUESTION), default=None)
    interviewee = _interviewee(source, first_question, resolver) if first_question is not None else None
    out = []
    for n, label, at in turns:
        text = source.paragraph(n).text
        speaker, role = None, None
        if label in _QUESTION:
            continue
        if label in _ANSWER:
            speaker = interviewee
        else:
            speaker, role = resolver.resolve(parse_speaker(label.title()), n, 0)
        out.append(
            Quote(
                text=text[at:].rstrip(),
                cite=Cite(source.id, n),
                kind="statement",
                speaker=speaker,
                speaker_role=role,
                cue=None,
                start=at,
                end=len(text.rstrip()),
                flags=("transcript",),
            )
        )
    return out

"""Find the quotations of a source: each paragraph's quotes, attributed in named passes.

``find_quotes`` reads a source paragraph by paragraph. For each quote: its cued attribution (a cue beside
it, or a dash line after it), else a speaker found without a cue, else the speaker of the statement it
continues; then it remembers the statement for the quotes after it. Transcript turns are merged last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Cite, Paragraph, Quote, QuoteKind, Source
from .cues import CUE
from .paragraph import ParagraphQuotes, next_line_dash
from .quote_kind import TITLE_CASE, is_statement
from .quotemarks import DOUBLE, SINGLE, Span
from .resolver import Resolver
from .speaker_phrase import parse_speaker
from .transcripts import transcript_quotes
from .uncued import (
    local_speaker,
    possessive_speaker,
    sentence_subject,
    subject_speaker,
    title_speaker,
    uncued_speaker,
)

# A transcript turn opens with the speaker's name in capitals and a colon ("PENCE:", "SEN. JOHN DOE:").
_TRANSCRIPT_TURN = re.compile(r"^[\W_]{0,2}([A-Z][A-Z.\u2019'\-]+(?:\s+[A-Z][A-Z.\u2019'\-]+){0,3}):\s")
_CONTINUES = re.compile(r"\s*(?:Instead|Then|Later|Still|Also|Again|Otherwise|Moreover|Indeed),\s*")
_INTERRUPTED = re.compile(r"\s*,?\s*[^.!?;:_]{2,100},\s*")
_WORD_CHAR = re.compile(r"\w")

_Speaker = tuple[str | None, str | None]  # (speaker, speaker_role)


@dataclass(slots=True)
class _Reading:
    """What reading a source carries from one quote to the next."""

    resolver: Resolver
    last: tuple[int, str | None, str | None] | None = None  # (paragraph, speaker, role) of the last statement
    prev_masked: str = ""  # the paragraph before, its quotes masked


def find_quotes(source: Source) -> tuple[Quote, ...]:
    """Return the quotations of a source, in reading order."""
    reading = _Reading(Resolver(source))
    out: list[Quote] = []
    paras = source.paragraphs
    for i, para in enumerate(paras):
        if not DOUBLE.search(para.text) and not SINGLE.search(para.text):
            reading.prev_masked = para.text
            continue
        following = paras[i + 1].text if i + 1 < len(paras) else None
        out.extend(_paragraph_quotes(source.id, para, following, reading))
    turns = transcript_quotes(source, reading.resolver)
    if turns:
        out = sorted(out + turns, key=lambda q: (q.cite.paragraph, q.start))
    return tuple(out)


def _paragraph_quotes(
    source_id: str, para: Paragraph, following: str | None, reading: _Reading
) -> list[Quote]:
    """Return one paragraph's quotes, each attributed by the passes in turn."""
    pq = ParagraphQuotes(para)
    out: list[Quote] = []
    prev_close = -2
    for span in pq.spans:
        text = para.text[span.start : span.end]
        if not text.strip() or not _WORD_CHAR.search(text):
            continue
        attribution = pq.attribution(span)
        if attribution is None and following is not None:
            attribution = next_line_dash(para.text, span, following)
        speaker, role = (None, None)
        if attribution is not None:
            speaker, role = reading.resolver.resolve(attribution.phrase, para.n, attribution.at)
        kind: QuoteKind = "statement" if is_statement(text, attribution, span, pq) else "phrase"
        if attribution is None:
            speaker, role = _uncued(span, text, kind, pq, reading)
            if speaker is None and (continued := _continued(span, pq, prev_close, reading)) is not None:
                speaker, role = continued
                kind = "statement"
        prev_close = span.close_mark
        cue = attribution.cue if attribution else None
        cite = Cite(source_id, para.n)
        out.append(
            Quote(text, cite, kind, speaker, role, cue, start=span.start, end=span.end, flags=span.flags)
        )
        if kind == "statement" and (speaker or role or attribution is not None):
            _remember(reading, para.n, span, speaker, role)
    reading.prev_masked = pq.masked
    return out


def _uncued(span: Span, text: str, kind: QuoteKind, pq: ParagraphQuotes, reading: _Reading) -> _Speaker:
    """Return the speaker of a quote no cue attributes: a transcript turn, an owner, the context or subject."""
    resolver = reading.resolver
    turn = _TRANSCRIPT_TURN.match(pq.para.text)
    if turn and turn.end() <= span.start:
        # "PENCE: Well, she thinks this is “Shark Tank.”": a transcript turn is its speaker's words.
        return resolver.resolve(parse_speaker(turn.group(1).title()), pq.para.n, turn.start(1))
    if (owned := possessive_speaker(span, pq, resolver)) != (None, None):
        return owned
    if kind == "statement":
        return uncued_speaker(span, pq, reading.prev_masked, reading.last, resolver)
    if TITLE_CASE.fullmatch(text.strip(" ,.!?")):
        return title_speaker(span, pq, resolver)
    # A phrase in a sentence whose subject is a known person is that person's word ("Sanders has pushed
    # his promise of “free college”"); titles and author scare quotes stay speakerless.
    speaker, role = local_speaker(span, pq, resolver)
    if speaker is None and role is None:
        speaker = sentence_subject(span, pq, resolver)
    if speaker is None and role is None:
        speaker, role = subject_speaker(span, pq, resolver)
    return speaker, role


def _continued(span: Span, pq: ParagraphQuotes, prev_close: int, reading: _Reading) -> _Speaker | None:
    """Return the speaker of the statement a speakerless quote continues, if it continues one.

    “...,” Smith said. “Big time.”: a quote opening the next sentence is still Smith's; so is one after
    "Instead," and the rest of a sentence the cue interrupts (“...,” said Smith, “...”). Only a statement
    of the same paragraph is continued.
    """
    if reading.last is None or reading.last[0] != pq.para.n:
        return None
    s0 = pq.sentence_of(span.open_mark if span.open_mark >= 0 else span.start)[0]
    lead = pq.masked[s0 : max(s0, span.open_mark)]
    between = pq.masked[prev_close + 1 : max(prev_close + 1, span.open_mark)]
    if (
        not lead.strip()
        or _CONTINUES.fullmatch(lead)
        or (_INTERRUPTED.fullmatch(between) and CUE.search(between))
    ):
        return reading.last[1], reading.last[2]
    return None


def _remember(reading: _Reading, paragraph: int, span: Span, speaker: str | None, role: str | None) -> None:
    """Record a statement as the last remark, and its speaker as the one a later pronoun may mean.

    A cued statement whose speaker stays unknown ("..., she said" with no woman named) is still the last
    remark: the quotes that continue it must not go to an earlier speaker.
    """
    reading.last = (paragraph, speaker, role)
    if speaker:
        reading.resolver.note_speaker(paragraph, span.end, speaker)

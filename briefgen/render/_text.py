"""Wording shared by every renderer: citation text, dates, quote attribution, safe filenames."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..model import (
    Block,
    Brief,
    BulletList,
    Cite,
    Entity,
    EntityIndex,
    Para,
    Quote,
    Source,
    SourceNote,
    SourceNotes,
    StoryList,
)


def long_date(iso: str | None) -> str:
    """Return '21 November 2026' for an ISO date (or '2025' / 'June 2025' for partial dates)."""
    if not iso:
        return ""
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            d = dt.date.fromisoformat(iso)
            return f"{d.day} {d.strftime('%B')} {d.year}"
        if len(parts) == 2:
            d = dt.date(int(parts[0]), int(parts[1]), 1)
            return f"{d.strftime('%B')} {d.year}"
    except ValueError:
        return iso
    return iso


def opening_words(source: Source, n: int = 8) -> str:
    """Return the first words of a source's body (its standfirst if it has one), ellipsised."""
    text = source.standfirst or next(
        (p.text for p in source.paragraphs[source.body_from - 1 :] if p.text.strip()), ""
    )
    words = text.split()
    return " ".join(words[:n]) + ("\u2026" if len(words) > n else "")


def _outlet_and_date(source: Source) -> str:
    """Return 'Outlet, 3 June 2025' when a source has both, else ''."""
    return f"{source.outlet}, {long_date(source.date)}" if source.outlet and source.date else ""


def source_label(source: Source) -> str:
    """Return a heading for a source: its title, else its outlet and date, else its opening words.

    File ids mean nothing to a reader (the JSON keeps them), so no label shows one.
    """
    return source.title or _outlet_and_date(source) or f"\u201c{opening_words(source)}\u201d"


def short_source_label(source: Source, n: int = 5) -> str:
    """Return a compact name for a source in a table cell: the first words of its label."""
    if source.title:
        words = source.title.split()
        return " ".join(words[:n]).rstrip(",:;.-\u2013\u2014") + ("\u2026" if len(words) > n else "")
    return _outlet_and_date(source) or f"\u201c{opening_words(source, n)}\u201d"


def source_namer(block: EntityIndex | SourceNotes, brief: Brief) -> Callable[[str], str]:
    """Return a function naming a block's sources compactly by id (the id if none is known)."""
    index: dict[str, Source] = {}
    for s in (*brief.sources, *block.sources):
        index.setdefault(s.id, s)

    def name(source_id: str) -> str:
        source = index.get(source_id)
        return short_source_label(source) if source is not None else source_id

    return name


def source_reference(source: Source) -> str:
    """Return 'Authors, "Title", Outlet, date' as a bibliography entry."""
    parts: list[str] = []
    if source.authors:
        parts.append(
            " and ".join(source.authors)
            if len(source.authors) <= 2
            else ", ".join(source.authors[:-1]) + " and " + source.authors[-1]
        )
    if source.title:
        parts.append(f"\u201c{source.title}\u201d")
    elif not _outlet_and_date(source):  # nothing else names it: its opening words do
        parts.append(f"untitled, opening \u201c{opening_words(source)}\u201d")
    if source.outlet:
        parts.append(source.outlet)
    if source.dateline:
        parts.append(source.dateline)
    if source.date:
        parts.append(long_date(source.date))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]  # it opens a note: a sentence


def note_reference(source: Source) -> str:
    """Return the reference line under a source note's heading, or '' when it would repeat the heading."""
    named_by_outlet = not source.title and bool(_outlet_and_date(source))
    adds = source.authors or source.dateline or (not named_by_outlet and (source.outlet or source.date))
    return source_reference(source) if adds else ""


class SourceIndex:
    """The sources a brief cites, by id (the first of an id wins).

    Renderers look a source up for every note and cite, and a week's brief may cite a thousand
    sources: each renderer indexes the brief's sources once, when it starts on the brief.
    """

    __slots__ = ("_by_id",)

    def __init__(self, brief: Brief) -> None:
        self._by_id: dict[str, Source] = {}
        for s in brief.sources:
            self._by_id.setdefault(s.id, s)

    def get(self, source_id: str) -> Source | None:
        """Return the brief's source with this id, if it cites it."""
        return self._by_id.get(source_id)

    def cite_text(self, cite: Cite) -> str:
        """Return the footnote text for a cite: source reference and paragraph."""
        source = self.get(cite.source)
        ref = source_reference(source) if source else cite.source
        return f"{ref}, para. {cite.paragraph}."


# A comma, semicolon or colon ending a quote belongs to the sentence that carried it (",” she said"):
# the shown quote stands alone, so that mark is dropped; its own ". ! ? …" and a dash cut-off stay.
_DANGLING = ",;:"


def quote_display(text: str) -> str:
    """Return a quote's text as shown: verbatim, without surrounding space or a dangling , ; or : at its end."""
    return text.strip().rstrip(_DANGLING).rstrip()


def attribution(quote: Quote) -> str:
    """Return who said a quote: 'Name', 'Name, role', a role, or 'unattributed'."""
    if quote.speaker and quote.speaker_role:
        return f"{quote.speaker}, {quote.speaker_role}"
    return quote.speaker or quote.speaker_role or "unattributed"


def sentence_case(text: str) -> str:
    """Return ``text`` with its first letter upper-case, as a sentence after a full stop begins."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if not (ch.isspace() or ch in "\"'\u201c\u2018(["):
            return text
    return text


def cover_lines(brief: Brief) -> list[str]:
    """Return the cover block under the title: audience, date, organisation, period."""
    lines = [f"{brief.audience_title} brief \u00b7 as of {long_date(brief.as_of)}"]
    if brief.organisation:
        lines.append(brief.organisation)
    if brief.period:
        lines.append(brief.period)
    return lines


def footnote_numbers(brief: Brief) -> dict[Cite, int]:
    """Return the note number of every cite, numbered from 1 in reading order."""
    return {c: i for i, c in enumerate(brief.cites(), 1)}


def corroboration(cites: tuple[Cite, ...]) -> str:
    """Return '[2 sources]' when more than one source supports a sentence, else ''."""
    n = len({c.source for c in cites})
    return f"[{n} sources]" if n > 1 else ""


def event_label(date: str) -> str:
    """Return a timeline date as readers write it: '2025', 'June 2025', '3 June 2025'."""
    return long_date(date)


def entity_label(entity: Entity) -> str:
    """Return an entity's name with its other spellings: 'Alexander Lukashenko (Lukashenka)'."""
    return entity.name + (f" ({', '.join(entity.variants)})" if entity.variants else "")


# An entity named in hundreds of sources lists a few; the rest is a count (the JSON has every id).
ENTITY_SOURCES_SHOWN = 5


def entity_sources(entity: Entity, label: Callable[[str], str] = str, sep: str = ", ") -> str:
    """Return the first few sources naming an entity, then how many more: 'a, b, c, d, e and 12 more'.

    Renderers pass ``label`` from ``source_namer``: a reader sees names, not file ids.
    """
    shown = sep.join(label(s) for s in entity.sources[:ENTITY_SOURCES_SHOWN])
    more = len(entity.sources) - ENTITY_SOURCES_SHOWN
    return f"{shown} and {more:,} more" if more > 0 else shown


# Editor's flags of one kind shown per source; a week of thousands of sources can give one source dozens
# of number differences, and the JSON keeps them all.
FLAGS_SHOWN = 3


def _shown_flags(flags: tuple[str, ...]) -> list[str]:
    """Return the flags to print: up to FLAGS_SHOWN of each kind, then a line counting the rest."""
    out: list[str] = []
    hidden: dict[str, int] = {}
    seen: dict[str, int] = {}
    for flag in flags:
        kind = " ".join(flag.split()[:2])  # "Number differs", "Name spelled", "Quote in"
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= FLAGS_SHOWN:
            out.append(flag)
        else:
            hidden[kind] = hidden.get(kind, 0) + 1
    out += [f"{n:,} more \u201c{kind}\u201d notes, all in the JSON export." for kind, n in hidden.items()]
    return out


# An editor's flag names the other source by id ("Number differs from 000_8b61 (para 4)").
_FLAG_SOURCE = re.compile(r"(?<=\bfrom )(.+?)(?= \(para \d)")  # ids may hold spaces


def note_lines(note: SourceNote, name: Callable[[str], str] = str) -> list[str]:
    """Return the lines under a source note's heading: genre, length, use, then each editor's flag.

    ``name`` (from ``source_namer``) turns the file id a flag names into the source's name.
    """
    head = sentence_case(
        f"{note.genre or 'unknown genre'}, {note.words:,} words. {sentence_case(note.used)}".strip()
        if note.words
        else note.used
    )
    flags = (_FLAG_SOURCE.sub(lambda m: name(m.group(1)), flag) for flag in _shown_flags(note.flags))
    return [line for line in (head, *(f"Note: {flag}" for flag in flags)) if line]


ANALYST_LABEL = "Analyst's note:"  # marks the analyst's own words (from the edits file) in every format


def story_line(label: str, outlets: tuple[str, ...], independent: int, dates: tuple[str, ...]) -> str:
    """Return "label — 3 sources (A, B, C; 2 independent); 9–10 February 2016" for a story list."""
    names = list(dict.fromkeys(outlets))
    shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    n = len(outlets)
    count = f"{n} source{'s' if n != 1 else ''} ({shown}"
    count += f"; {independent} independent)" if independent < n else ")"
    when = ""
    if dates:
        first, last = long_date(dates[0]), long_date(dates[-1])
        when = f"; {first}" if first == last else f"; {first} \u2013 {last}"
    return f"{label} \u2014 {count}{when}"


def as_basic(block: Block) -> Block:
    """Return a story list as the bullet list every renderer draws; other blocks unchanged."""
    if isinstance(block, StoryList):
        return BulletList(
            tuple(
                Para(story_line(s.label, s.outlets, s.independent, s.dates), s.lead.cites[:1])
                for s in block.stories
            )
        )
    return block

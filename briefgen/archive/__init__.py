"""The weekly archive: every brief built, so that each brief knows the weeks before it.

``read(path, ...)`` gives compose an audience's ``History``; ``record(path, ...)`` stores a build's
briefs once every file is written; ``weeks(path)`` lists what is archived. The SQL is in store.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import ids
from ..analysis.standalone import remove_insertions
from ..model import Analysis, Brief, BulletList, Cite, Para, QuoteBlock, Timeline
from .history import History, person_names, quote_key, read_history, speaker_key
from .store import ArchiveBusy, ArchiveError, Store, StoredItem, WeekRecord, WeekSummary

__all__ = [
    "ArchiveBusy",
    "ArchiveError",
    "History",
    "read",
    "record",
    "weeks",
]


def read(path: Path, audiences: list[str], as_of: str, repeat_weeks: int) -> dict[str, History]:
    """Return each audience's history before ``as_of``; raise ArchiveError for an unusable file."""
    if not path.parent.is_dir():  # found now, before the build, not after the briefs are written
        raise ArchiveError(
            f"{path}: no folder {path.parent} for the archive; create it or pass another --archive"
        )
    with Store(path, create=False) as store:
        return {a: read_history(store, a, as_of, repeat_weeks) for a in audiences}


def weeks(path: Path) -> list[WeekSummary]:
    """Return every archived week and audience with its counts, by as-of date."""
    if not path.exists():
        raise ArchiveError(f"{path}: no archive yet; build a brief first (or pass --archive)")
    with Store(path, create=False) as store:
        return store.list_weeks()


def _cites(cites: tuple[Cite, ...]) -> tuple[tuple[str, int], ...]:
    return tuple((c.source, c.paragraph) for c in cites)


def _sentence(p: Para, as_of: str) -> StoredItem:
    key = ids.sentence_id(remove_insertions(p.text))  # "[Alexander] Lukashenko" is Lukashenko's sentence
    return StoredItem(as_of, "sentence", ids.sentence_id(p.text), key, p.text,
                      _cites(p.cites), None, p.mark.startswith("Carried"))  # fmt: skip


def _voices(analysis: Analysis) -> list[str]:
    """Return every voice the week quoted (and the full name a bare surname stands for), once each."""
    people = person_names(analysis)
    quoted = [speaker_key(q.speaker) for q in analysis.quotes if q.speaker and q.kind == "statement"]
    return list(dict.fromkeys([*quoted, *(speaker_key(people[k]) for k in quoted if k in people)]))


def _items(brief: Brief, voices: list[str]) -> list[StoredItem]:
    """Return every cited sentence, quote and event the brief shows, and every voice the week quoted."""
    out: list[StoredItem] = []
    for section in brief.sections:
        for block in section.blocks:
            if isinstance(block, Para) and block.cites:
                out.append(_sentence(block, brief.as_of))
            elif isinstance(block, BulletList):
                out += [_sentence(p, brief.as_of) for p in block.items if p.cites]
            elif isinstance(block, QuoteBlock):
                q = block.quote
                out.append(StoredItem(brief.as_of, "quote", q.id, quote_key(q.text), q.text,
                                      _cites((q.cite,)), q.speaker, block.mark.startswith("Carried")))  # fmt: skip
                if block.context is not None:
                    out.append(_sentence(block.context, brief.as_of))
            elif isinstance(block, Timeline):
                out += [
                    StoredItem(
                        brief.as_of,
                        "event",
                        e.id,
                        ids.sentence_id(e.text),
                        e.text,
                        _cites(e.cites),
                        e.date,
                        False,
                    )  # fmt: skip
                    for e in block.events
                ]
    if brief.changes is not None:
        out += [
            StoredItem(
                brief.as_of, "event", e.id, ids.sentence_id(e.text), e.text, _cites(e.cites), e.date, False
            )
            for e in brief.changes.new_events
        ]
    out += [
        StoredItem(brief.as_of, "voice", speaker_key(s), speaker_key(s), s, (), None, False) for s in voices
    ]
    return out


@dataclass(frozen=True, slots=True)
class _Week:
    """What every audience's record of a week shares: worked out once per build, not per audience."""

    sources: tuple[tuple[str, str, str | None, str | None, str | None, str | None], ...]
    entities: tuple[tuple[str, str, int, int], ...]
    voices: list[str]

    @classmethod
    def of(cls, analysis: Analysis) -> _Week:
        return cls(
            sources=tuple((s.id, s.digest, s.title, s.outlet, s.date, s.url) for s in analysis.sources),
            entities=tuple((e.name, e.kind, e.mentions, len(e.sources)) for e in analysis.entities),
            voices=_voices(analysis),
        )


def week_record(
    brief: Brief, analysis: Analysis, themes: tuple[str, ...], week: _Week | None = None
) -> WeekRecord:
    """Return what the archive keeps of one audience's brief (``week``: the week's shared part, if known)."""
    week = week or _Week.of(analysis)
    coverage = [
        (t.theme.id, t.sentences, t.sources, t.quotes) for t in analysis.themes if t.theme.id in themes
    ]
    return WeekRecord(
        as_of=brief.as_of,
        audience=brief.audience,
        sources=week.sources,
        items=tuple(_items(brief, week.voices)),
        entities=week.entities,
        coverage=tuple(coverage),
    )


def record(path: Path, briefs: list[Brief], analysis: Analysis, themes: dict[str, tuple[str, ...]]) -> None:
    """Store the build's briefs, replacing any earlier record of the same week and audience, in one go."""
    week = _Week.of(analysis)
    records = [week_record(b, analysis, themes[b.audience], week) for b in briefs]
    with Store(path, create=True) as store:
        store.replace_weeks(records)

"""Apply a week's edits to the Analysis before compose: excluded items go, speakers are corrected,
and pins, the editor's bottom line and the analyst's own words are resolved for compose to place."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from ..analysis.segment import split_sentences
from ..errors import ConfigError
from ..model import Analysis, Cite, Extract, SourceNote
from .load import target_kind
from .model import BriefEdits, Edit


class SentenceIndex:
    """Every sentence of the week by id: the analysis's own extracts first (with all their cites),
    then each source's sentences, split only when an edit names a sentence the extracts lack."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis
        self._by_id: dict[str, Extract] | None = None  # hashed on the first look-up: most builds make none
        self._split = False

    def get(self, sentence_id: str) -> Extract | None:
        """Return the sentence with this id, or None if no source of the week holds it."""
        if self._by_id is None:
            analysis = self._analysis
            self._by_id = {}
            for e in (*analysis.bluf, *(e for t in analysis.themes for e in t.extracts)):
                self._by_id.setdefault(e.id, e)
        found = self._by_id.get(sentence_id)
        if found is None and not self._split:
            self._split = True
            for source in self._analysis.sources:
                for s in split_sentences(source):
                    self._by_id.setdefault(Extract(s.text, (s.cite,)).id, Extract(s.text, (s.cite,)))
            found = self._by_id.get(sentence_id)
        return found


def stale_edits(
    edits: Iterable[Edit], analysis: Analysis, index: SentenceIndex, path: Path | None
) -> list[str]:
    """Return one warning per edit whose target is not in this week's analysis."""
    targeted = [(e, e.target, target_kind(e.target)) for e in edits if e.target is not None]
    kinds = {kind for _, _, kind in targeted}
    # Ids are hashes: take only the kinds some edit names (a week holds thousands of quotes).
    known = {
        "q": {q.id for q in analysis.quotes} if "q" in kinds else set(),
        "e": {e.id for e in analysis.events} if "e" in kinds else set(),
        "source": {s.id for s in analysis.sources} if "source" in kinds else set(),
    }
    out = []
    for e, target, kind in targeted:
        found = index.get(target) is not None if kind == "s" else target in known[kind]
        if not found:
            what = {"s": "sentence", "q": "quote", "e": "event", "source": "source"}[kind]
            out.append(
                f"{path}:{e.line}: {e.action} {e.target}: no {what} with this id in this week's reading "
                "(its source changed or left the week); the entry is skipped"
            )
    return out


def apply_edits(
    analysis: Analysis,
    edits: tuple[Edit, ...],
    index: SentenceIndex,
    *,
    audience: str,
    path: Path | None = None,
) -> tuple[Analysis, BriefEdits]:
    """Return the analysis with one audience's exclusions and corrections, and what compose places."""
    if not edits:
        return analysis, BriefEdits()
    gone = {e.target for e in edits if e.action == "exclude" and e.target}
    speakers = {e.target: e for e in edits if e.action == "speaker" and e.target}
    # Notes, comments, pins and judgements leave the analysis as it is: spare hashing every item's id.
    edited = _without(analysis, gone, speakers) if gone or speakers else analysis
    brief_edits = _placed(edits, index, gone)
    if not any(t.extracts for t in edited.themes) and not edited.quotes and not brief_edits.pins:
        raise ConfigError(
            f"{path}: these edits leave nothing of the week's reading in the '{audience}' brief; "
            "remove an exclusion (or limit it with 'audiences:')"
        )
    return edited, brief_edits


def _without(analysis: Analysis, gone: set[str], speakers: dict[str, Edit]) -> Analysis:
    """Return the analysis without the excluded items and sources, with the editor's speakers."""
    dropped_sources = {t for t in gone if target_kind(t) == "source"}

    def keep_cites(cites: tuple[Cite, ...]) -> tuple[Cite, ...] | None:
        """Return the cites left, or None when the cite that holds the text is gone."""
        if not cites or cites[0].source in dropped_sources:
            return None
        return tuple(c for c in cites if c.source not in dropped_sources)

    def extracts(items: tuple[Extract, ...]) -> tuple[Extract, ...]:
        out = []
        for x in items:
            cites = keep_cites(x.cites)
            if cites is not None and x.id not in gone:
                out.append(x if cites == x.cites else dataclasses.replace(x, cites=cites))
        return tuple(out)

    quotes = []
    for q in analysis.quotes:
        if q.cite.source in dropped_sources:
            continue
        qid = q.id  # a hash: once per quote
        if qid in gone:
            continue
        fix = speakers.get(qid)
        quotes.append(
            q
            if fix is None
            else dataclasses.replace(q, speaker=fix.speaker or q.speaker, speaker_role=fix.role)
        )
    events = []
    for ev in analysis.events:
        cites = tuple(c for c in ev.cites if c.source not in dropped_sources)
        if cites and ev.id not in gone:
            events.append(ev if cites == ev.cites else dataclasses.replace(ev, cites=cites))
    themes = tuple(dataclasses.replace(t, extracts=extracts(t.extracts)) for t in analysis.themes)
    left_out = tuple(
        SourceNote(n.source, n.genre, n.words, ("left out by the editor", *n.flags))
        for n in analysis.notes
        if n.source in dropped_sources
    )
    stories = []
    for st in analysis.stories:  # a story keeps its sources and statements the editor left in
        said = extracts((st.lead, *st.points))
        kept = [(s, o) for s, o in zip(st.sources, st.outlets, strict=True) if s not in dropped_sources]
        if said and kept:
            sources, outlets = (tuple(x) for x in zip(*kept, strict=True))
            independent = min(st.independent, len(sources))
            stories.append(
                dataclasses.replace(
                    st,
                    lead=said[0],
                    points=said[1:],
                    sources=sources,
                    outlets=outlets,
                    independent=independent,
                )
            )
    return dataclasses.replace(
        analysis,
        stories=tuple(stories),
        quotes=tuple(quotes),
        events=tuple(events),
        themes=themes,
        bluf=extracts(analysis.bluf),
        notes=tuple(n for n in analysis.notes if n.source not in dropped_sources),
        excluded=analysis.excluded + left_out,
    )


def _placed(edits: tuple[Edit, ...], index: SentenceIndex, gone: set[str]) -> BriefEdits:
    """Return the pins, bottom line and analyst's words, with sentence ids resolved."""
    pins: dict[str, list[tuple[int, Extract]]] = {}
    bluf: list[Extract] = []
    comments: dict[str, list[str]] = {}
    for e in edits:
        if e.action == "pin" and e.target and e.theme and e.target not in gone:
            found = index.get(e.target)
            if found is not None:
                pins.setdefault(e.theme, []).append((e.position or 1, found))
        elif e.action == "bluf" and e.target and e.target not in gone:
            found = index.get(e.target)
            if found is not None:
                bluf.append(found)
        elif e.action == "comment" and e.theme and e.text:
            comments.setdefault(e.theme, []).append(e.text)
    return BriefEdits(
        pins={k: tuple(sorted(v, key=lambda p: p[0])) for k, v in pins.items()},
        bluf=tuple(bluf) if any(e.action == "bluf" for e in edits) else None,
        comments={k: tuple(v) for k, v in comments.items()},
        judgements=tuple(e.text for e in edits if e.action == "judgement" and e.text),
        notes=tuple(e.text for e in edits if e.action == "note" and e.text),
    )

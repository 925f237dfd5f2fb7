"""The editor's corrections for one week: plain typed entries, each remembering its line in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..model import Extract

Action = Literal["exclude", "pin", "bluf", "speaker", "comment", "judgement", "note"]

# Sections of the edits file, in the order a file lists them, and the action each holds.
SECTIONS: dict[str, Action] = {
    "exclude": "exclude",
    "pin": "pin",
    "bluf": "bluf",
    "speakers": "speaker",
    "comments": "comment",
    "judgements": "judgement",
    "notes": "note",
}


@dataclass(frozen=True, slots=True)
class Edit:
    """One entry: what to do, to which target (an id), or the analyst's own words."""

    action: Action
    line: int  # 1-based line of the entry in the edits file, for warnings
    target: str | None = None  # s-…, q-…, e-… or a source id
    text: str | None = None  # the analyst's words (comment, judgement, note)
    theme: str | None = None  # pin and comment
    position: int | None = None  # pin: 1 is first
    speaker: str | None = None  # speaker: the corrected name
    role: str | None = None  # speaker: the corrected role
    audiences: tuple[str, ...] = ()  # empty: every audience

    def applies_to(self, audience: str) -> bool:
        """Return whether this entry applies to the audience's brief."""
        return not self.audiences or audience in self.audiences


@dataclass(frozen=True, slots=True)
class Edits:
    """Every entry of a week's edits file (none when there is no file)."""

    path: Path | None = None
    entries: tuple[Edit, ...] = ()

    def for_audience(self, audience: str) -> tuple[Edit, ...]:
        """Return the entries that apply to one audience, in file order."""
        return tuple(e for e in self.entries if e.applies_to(audience))


@dataclass(frozen=True, slots=True)
class BriefEdits:
    """What compose places for one audience: resolved targets and the analyst's words."""

    pins: dict[str, tuple[tuple[int, Extract], ...]] = field(
        default_factory=dict
    )  # theme -> (position, sentence)
    bluf: tuple[Extract, ...] | None = None  # the editor's bottom line, replacing the automatic one
    comments: dict[str, tuple[str, ...]] = field(default_factory=dict)  # theme -> the analyst's comments
    judgements: tuple[str, ...] = ()  # the analyst's own key judgements
    notes: tuple[str, ...] = ()  # the analyst's notes at the top of the brief

    @property
    def pinned(self) -> frozenset[str]:
        """Return the ids of every pinned sentence."""
        return frozenset(e.id for pins in self.pins.values() for _, e in pins)

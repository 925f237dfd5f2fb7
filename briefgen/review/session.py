"""A review session: the week's analysis held in memory, composed and previewed again after each edit.

The page calls the same functions as ``build``: the week is analysed once by ``analyse_week``; each
edit is written to the edits file, which is re-read, and the audience's brief is composed with it and
rendered by the HTML renderer. Nothing else is written.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..archive import History
from ..compose import compose
from ..config import Config
from ..edits import Edits, SentenceIndex, apply_edits, edits_path, load_edits, parse_edits, stale_edits
from ..edits.write import HEADER, add_entry, remove_entry, save_edits
from ..errors import BriefgenError
from ..model import Analysis, Brief, Extract, Source
from ..render import RenderOptions, get_renderer
from ..render._text import source_label

CANDIDATES_SHOWN = 12  # per theme: the ranked sentences an editor chooses among

# What the page may ask for, and the section of the edits file each action writes.
ACTIONS = {
    "exclude": "exclude",
    "pin": "pin",
    "bluf": "bluf",
    "speaker": "speakers",
    "comment": "comments",
    "judgement": "judgements",
    "note": "notes",
}


@dataclass
class ReviewSession:
    """One week under review: its config, analysis and edits file."""

    config: Config
    as_of: str
    analysis: Analysis
    path: Path
    lock: threading.Lock = field(default_factory=threading.Lock)
    histories: dict[str, History] = field(default_factory=dict)  # the archive's earlier weeks, per audience

    @classmethod
    def open(cls, config: Config, as_of: str, analysis: Analysis, path: Path | None = None) -> ReviewSession:
        """Return a session on the week's edits file (default: edits/<as-of>.yaml beside the config)."""
        return cls(config, as_of, analysis, path or edits_path(config, as_of))

    def edits(self) -> Edits:
        """Return the edits file as it is on disk now (an editor may also change it by hand)."""
        return load_edits(self.path, self.config)

    def brief(self, audience: str, edits: Edits | None = None) -> Brief:
        """Return the audience's brief with the week's edits, exactly as ``build`` composes it."""
        edits = edits or self.edits()
        index = SentenceIndex(self.analysis)
        edited, placed = apply_edits(
            self.analysis, edits.for_audience(audience), index, audience=audience, path=edits.path
        )
        templates = self.config.root / self.config.templates
        return compose(
            edited,
            self.config,
            self.config.audience(audience),
            as_of=self.as_of,
            templates=templates,
            edits=placed,
            history=self.histories.get(audience),
        )

    def preview(self, audience: str) -> bytes:
        """Return the audience's brief as the HTML file ``build`` would write."""
        templates = self.config.root / self.config.templates
        options = RenderOptions(
            template_dir=templates / self.config.audience(audience).template,
            default_template_dir=templates / "default",
        )
        return get_renderer("html").render(self.brief(audience), options)

    def state(self, audience: str) -> dict[str, Any]:
        """Return what the page shows beside the preview: ranked candidates, their state and the edits."""
        edits = self.edits()
        brief = self.brief(audience, edits)
        mine = edits.for_audience(audience)
        excluded = {e.target for e in mine if e.action == "exclude"}
        pinned = {e.target: e for e in mine if e.action == "pin"}
        shown = {x.id for t in brief.themes for x in t.extracts} | {x.id for x in brief.bluf}
        shown_quotes = {q.id for q in brief.quotes}
        themes = []
        for t in self.analysis.themes:
            if t.theme.id not in self.config.audience(audience).themes:
                continue
            candidates = list(t.extracts[:CANDIDATES_SHOWN])
            candidates += [
                x for x in self._pinned_extracts(pinned, t.theme.id) if x.id not in {c.id for c in candidates}
            ]
            themes.append(
                {
                    "id": t.theme.id,
                    "title": t.theme.title,
                    "candidates": [
                        self._sentence(x, shown, excluded, pinned, t.theme.id) for x in candidates
                    ],
                    "comments": [
                        {"text": e.text, "line": e.line}
                        for e in mine
                        if e.action == "comment" and e.theme == t.theme.id
                    ],
                }
            )
        quotes = [
            {
                "id": q.id,
                "text": q.text,
                "speaker": q.speaker,
                "role": q.speaker_role,
                "source": self._label(q.cite.source),
                "paragraph": q.cite.paragraph,
                "shown": q.id in shown_quotes,
                "excluded": q.id in excluded,
                "line": next((e.line for e in mine if e.target == q.id), None),
            }
            for q in self.analysis.quotes
            if q.kind == "statement"
        ][:60]
        return {
            "audience": audience,
            "as_of": self.as_of,
            "edits_file": str(self.path),
            "themes": themes,
            "quotes": quotes,
            "warnings": stale_edits(edits.entries, self.analysis, SentenceIndex(self.analysis), self.path),
            "notes": [
                {"action": e.action, "text": e.text, "line": e.line}
                for e in mine
                if e.text and e.action != "comment"
            ],
        }

    def _pinned_extracts(self, pinned: dict[str | None, Any], theme: str) -> list[Extract]:
        index = SentenceIndex(self.analysis)
        out = []
        for target, e in pinned.items():
            if e.theme == theme and target:
                found = index.get(target)
                if found is not None:
                    out.append(found)
        return out

    def _label(self, source_id: str) -> str:
        return source_label(self.analysis.source(source_id))

    def _sentence(
        self, x: Extract, shown: set[str], excluded: set[str | None], pinned: dict, theme: str
    ) -> dict[str, Any]:
        cite = x.cites[0]
        source: Source = self.analysis.source(cite.source)
        pin = pinned.get(x.id)
        before = source.paragraph(cite.paragraph - 1).text if cite.paragraph > 1 else ""
        return {
            "id": x.id,
            "text": x.text,
            "source": self._label(cite.source),
            "paragraph": cite.paragraph,
            "context": source.paragraph(cite.paragraph).text,
            "before": before,
            "shown": x.id in shown,
            "excluded": x.id in excluded,
            "pinned": pin is not None and pin.theme == theme,
            "line": pin.line if pin is not None else None,
        }

    def act(self, request: dict[str, Any]) -> None:
        """Write one editor's action to the edits file (validated first); raise BriefgenError if refused."""
        with self.lock:
            text = self.path.read_text(encoding="utf-8") if self.path.exists() else HEADER
            action = request.get("action")
            if action == "undo":
                line = request.get("line")
                if not isinstance(line, int):
                    raise BriefgenError("undo: which entry? (a line number)")
                text = remove_entry(text, line)
            elif action in ACTIONS:
                fields = {
                    k: v
                    for k in ("id", "theme", "position", "speaker", "role", "text", "audiences")
                    if (v := request.get(k)) not in (None, "", [])
                }
                if "audiences" in fields:
                    fields["audiences"] = tuple(fields["audiences"])
                text = add_entry(text, ACTIONS[action], fields)
            else:
                raise BriefgenError(f"unknown action {action!r}")
            self._check(text)
            save_edits(self.path, text, self.config)

    def _check(self, text: str) -> None:
        """Raise ConfigError, writing nothing, if the new edits are invalid or would empty a brief."""
        edits = parse_edits(text, self.path, self.config)
        for a in self.config.audiences:
            self.brief(a.id, edits)

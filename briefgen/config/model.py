"""Config stage: the frozen dataclasses a config becomes; their field defaults are the config's defaults.

schema.py reads each default from here, so a default is written once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..model import Theme

FORMATS = ("docx", "pdf", "json", "md", "html")


@dataclass(frozen=True, slots=True)
class Audience:
    id: str
    title: str
    template: str  # a folder name under the templates folder
    themes: tuple[str, ...]  # theme ids, in the order the brief shows them
    formats: tuple[str, ...] = FORMATS
    max_words: int | None = None  # per theme summary
    max_quotes: int | None = None
    max_events: int | None = None  # timeline length
    max_judgements: int = 3
    max_bluf: int = 5
    one_page: bool = False
    marking: str | None = None


@dataclass(frozen=True, slots=True)
class Config:
    path: Path
    title: str
    sources: tuple[str, ...]  # folders and globs, relative to the config's folder
    themes: tuple[Theme, ...]
    audiences: tuple[Audience, ...]
    organisation: str = ""
    as_of: str | None = None  # YYYY-MM-DD; None means today
    marking: str | None = None
    subtitle: str | None = None
    templates: Path = Path("templates")
    out: Path = Path("out")
    output_pattern: str = "{as_of}-{audience}"
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()  # canonical name -> variants
    max_source_bytes: int = 5_000_000
    window_days: int | None = None
    archive: Path = Path("briefgen-archive.sqlite")  # the weekly archive, relative to the config's folder
    repeat_weeks: int = 4  # a sentence or quote of the last this many briefs is not shown again

    @property
    def root(self) -> Path:
        """Return the folder that relative paths in the config are resolved from."""
        return self.path.parent

    def theme(self, theme_id: str) -> Theme:
        """Return the theme with this id."""
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(theme_id)

    def audience(self, audience_id: str) -> Audience:
        """Return the audience with this id."""
        for a in self.audiences:
            if a.id == audience_id:
                return a
        raise KeyError(audience_id)

    def resolve_as_of(self, override: str | None = None) -> str:
        """Return the brief date: the override, the config's, or today."""
        return override or self.as_of or dt.date.today().isoformat()

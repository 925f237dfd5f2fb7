"""Validate config YAML against the schema and build Config (a first, permissive version)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .config import FORMATS, Audience, Config
from .errors import ConfigError
from .model import Theme


def validate(text: str, path: Path) -> Config:
    """Return a Config from YAML ``text`` read from ``path``; raise ConfigError listing every problem."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: YAML error: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the config must be a mapping of keys to values")
    problems: list[str] = []
    themes = tuple(
        Theme(id=str(k), title=str(v.get("title", k)), description=str(v.get("description", "")),
              keywords=tuple(str(x) for x in v.get("keywords", ())))
        for k, v in (raw.get("themes") or {}).items()
    )
    theme_ids = [t.id for t in themes]
    audiences = []
    for aid, a in (raw.get("audiences") or {}).items():
        a = a or {}
        ath = a.get("themes", "all")
        ath_ids = tuple(theme_ids) if ath == "all" else tuple(str(x) for x in ath)
        for t in ath_ids:
            if t not in theme_ids:
                problems.append(f"{path}: audiences.{aid}.themes: unknown theme '{t}'")
        fmts = tuple(str(f) for f in a.get("formats", ("docx", "pdf", "json", "md")))
        for f in fmts:
            if f not in FORMATS:
                problems.append(f"{path}: audiences.{aid}.formats: '{f}' is not one of {', '.join(FORMATS)}")
        audiences.append(Audience(
            id=str(aid), title=str(a.get("title", aid)), template=str(a.get("template", aid)),
            themes=ath_ids, formats=fmts, max_words=a.get("max_words"), max_quotes=a.get("max_quotes"),
            max_judgements=int(a.get("max_judgements", 3)), max_bluf=int(a.get("max_bluf", 5)),
            one_page=bool(a.get("one_page", False)), marking=a.get("marking"),
        ))
    if problems:
        raise ConfigError(problems)
    as_of = raw.get("as_of")
    aliases: dict[str, Any] = raw.get("aliases") or {}
    return Config(
        path=path, title=str(raw.get("title", "Weekly brief")), organisation=str(raw.get("organisation", "")),
        sources=tuple(str(s) for s in raw.get("sources", ())), themes=themes, audiences=tuple(audiences),
        as_of=str(as_of) if as_of else None, marking=raw.get("marking"), subtitle=raw.get("subtitle"),
        templates=Path(raw.get("templates", "templates")), out=Path(raw.get("out", "out")),
        output_pattern=str(raw.get("output_pattern", "{as_of}-{audience}")),
        aliases=tuple((str(k), tuple(str(x) for x in v)) for k, v in aliases.items()),
        max_source_bytes=int(raw.get("max_source_bytes", 5_000_000)),
        window_days=raw.get("window_days"),
    )

"""The build: load_config -> read_sources -> analyze -> compose per audience -> render -> write atomically."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import analyze
from .compose import compose
from .config import Config, load_config
from .errors import ConfigError, SourceError
from .ingest import ReadResult, gather_paths, read_sources
from .model import Analysis, Brief
from .output import write_atomically
from .render import RenderOptions, get_renderer


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the closing summary."""

    written: list[tuple[Path, int]] = field(default_factory=list)  # (path, bytes)
    warnings: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    sources: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def read_config_sources(config: Config) -> ReadResult:
    """Return what reading the config's sources gave; raise SourceError when nothing is readable."""
    paths, problems = gather_paths(config.sources, config.root)
    result = read_sources(paths, max_bytes=config.max_source_bytes)
    result.warnings[:0] = [f"{config.path}: {p}" for p in problems]
    if not result.sources:
        raise SourceError(
            [
                *result.warnings,
                *(reason for _, reason in result.skipped),
                f"{config.path}: no readable source among {len(paths)} file(s); nothing was built",
            ]
        )
    return result


def _render_options(config: Config, template: str) -> RenderOptions:
    templates = config.root / config.templates
    return RenderOptions(template_dir=templates / template, default_template_dir=templates / "default")


def compose_all(analysis: Analysis, config: Config, audiences: list[str], as_of: str) -> list[Brief]:
    """Return one Brief per selected audience."""
    templates = config.root / config.templates
    return [
        compose(analysis, config, config.audience(a), as_of=as_of, templates=templates) for a in audiences
    ]


def build(
    config_path: str | Path,
    *,
    audiences: list[str] | None = None,
    formats: list[str] | None = None,
    out: str | Path | None = None,
    as_of: str | None = None,
) -> BuildReport:
    """Build every selected audience's brief in every selected format; write nothing unless all succeed."""
    report = BuildReport()
    clock = time.perf_counter()
    config = load_config(config_path)
    selected = audiences or [a.id for a in config.audiences]
    unknown = [a for a in selected if a not in {x.id for x in config.audiences}]
    if unknown:
        known = ", ".join(a.id for a in config.audiences)
        raise ConfigError([f"--audience: unknown audience '{a}' (known: {known})" for a in unknown])
    brief_date = config.resolve_as_of(as_of)

    result = read_config_sources(config)
    report.warnings += result.warnings
    report.skipped += result.skipped
    report.sources = len(result.sources)
    report.timings["read"] = time.perf_counter() - clock

    clock = time.perf_counter()
    analysis = analyze(tuple(result.sources), config.themes, as_of=brief_date, aliases=config.aliases)
    report.timings["analyse"] = time.perf_counter() - clock

    clock = time.perf_counter()
    briefs = compose_all(analysis, config, selected, brief_date)
    report.timings["compose"] = time.perf_counter() - clock

    clock = time.perf_counter()
    out_dir = Path(out) if out is not None else Path(os.path.normpath(config.root / config.out))
    files: dict[Path, bytes] = {}
    for brief in briefs:
        audience = config.audience(brief.audience)
        options = _render_options(config, audience.template)
        for fmt in formats or list(audience.formats):
            renderer = get_renderer(fmt)
            files[out_dir / f"{brief.stem}{renderer.suffix}"] = renderer.render(brief, options)
    report.timings["render"] = time.perf_counter() - clock
    write_atomically(files, out_dir)
    report.written = [(p, len(b)) for p, b in files.items()]
    return report

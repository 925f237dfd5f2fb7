"""The build: load the config, gather and select the week's sources, analyse them, compose, render, write."""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import archive
from .cache import SourceCache
from .cache_folder import CacheUnusable
from .compose.week import compose_week
from .config import Config, load_config
from .config.limits import window_problem
from .edits import edits_path, load_edits
from .errors import ConfigError, SourceError
from .ingest import gather_paths
from .model import Analysis, Brief
from .output import write_atomically
from .progress import Progress
from .render import RenderOptions, get_renderer, prepare
from .select import select_week
from .shown_paths import shown_path
from .week_cache import (
    WeekEntry,
    brief_digest,
    file_key,
    folder_stamp,
    load_file,
    load_week,
    store_file,
    store_week,
    week_key,
)
from .workers import (
    Executor,
    FileJob,
    FileResult,
    analyse_week_across,
    default_jobs,
    process_files,
    render_many,
)

if TYPE_CHECKING:  # the analysis steps load only when a week is analysed, not read from the cache
    from .analysis import SourceAnalysis

CACHE_DIR = ".briefgen-cache"  # default cache folder, beside the config


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the closing summary."""

    written: list[tuple[Path, int]] = field(default_factory=list)  # (path, bytes)
    warnings: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    sources: int = 0
    from_cache: int = 0  # files whose analysis came from the cache
    analysed: int = 0  # files read and analysed in this build
    discarded: int = 0  # damaged cache entries found, removed and recomputed
    cache_dir: Path | None = None  # None: the cache was not used
    jobs: int = 1
    archive: Path | None = None  # the weekly archive read and written; None: not used
    archive_failed: str | None = None  # why the written briefs could not be archived (e.g. locked)
    week: str = ""  # what the week's analysis was computed from (week_cache.week_key); "" without a cache
    timings: dict[str, float] = field(default_factory=dict)  # wall time per stage, in build order
    worker_seconds: dict[str, float] = field(default_factory=dict)  # read / analyse, summed over files


def _gather(results: list[FileResult], report: BuildReport) -> list[SourceAnalysis]:
    """Return the sources of every file in input order; a repeated source id is skipped with a reason."""
    seen: dict[str, str] = {}
    parts: list[SourceAnalysis] = []
    for r in results:
        report.from_cache += r.cached
        report.analysed += not r.cached and not r.problems
        report.discarded += r.discarded
        report.skipped.extend((r.path, p) for p in r.problems)
        report.warnings.extend(r.warnings)
        for part in r.parts:
            sid = part.source.id
            if sid in seen:
                reason = (
                    f"{r.path}: source id '{sid}' is already used by {seen[sid]}; skipped (rename one file)"
                )
                report.skipped.append((r.path, reason))
                continue
            seen[sid] = r.path
            parts.append(part)
    report.worker_seconds = {
        "read": sum(r.read_seconds for r in results),
        "analyse": sum(r.analyse_seconds for r in results),
    }
    return parts


def read_and_analyse(
    paths: Sequence[Path],
    report: BuildReport,
    executor: Executor,
    *,
    max_bytes: int,
    cache: SourceCache | None = None,
    progress: Progress | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> list[SourceAnalysis]:
    """Return the per-source analysis of every readable file, in input order: the build's map step.

    Unreadable files and repeated source ids go to ``report.skipped``, readers' warnings to its warnings.
    """
    if cache is not None:
        cache.prepare()
    job = FileJob(max_bytes=max_bytes, cache=cache)
    with (progress or Progress()).stage("read+analyse", len(paths), "file") as stage:
        results = process_files(
            paths, job, executor, on_result=lambda _: stage.advance(), meanwhile=meanwhile
        )
    return _gather(results, report)


def _read_config_sources(
    config: Config,
    paths: Sequence[Path],
    report: BuildReport,
    executor: Executor,
    cache: SourceCache | None,
    progress: Progress,
    meanwhile: Callable[[], None] | None,
) -> list[SourceAnalysis]:
    """Return the config's sources analysed, their paths as outputs show them; raise SourceError when none is readable."""
    parts = read_and_analyse(
        paths,
        report,
        executor,
        max_bytes=config.max_source_bytes,
        cache=cache,
        progress=progress,
        meanwhile=meanwhile,
    )
    if not parts:
        raise SourceError(
            [
                *report.warnings,
                *(reason for _, reason in report.skipped),
                f"{config.path}: no readable source among {len(paths)} file(s); nothing was built",
            ]
        )
    report.sources = len(parts)
    # Outputs name files relative to the config, whatever the working folder and however it was typed.
    return [
        dataclasses.replace(
            p, source=dataclasses.replace(p.source, path=shown_path(p.source.path, config.root))
        )
        for p in parts
    ]


def render_all(
    briefs: list[Brief],
    config: Config,
    formats: list[str] | None,
    out_dir: Path,
    progress: Progress,
    executor: Executor | None = None,
    cache: SourceCache | None = None,
) -> dict[Path, bytes]:
    """Return every output file's bytes, keyed by its path; nothing is written yet.

    With a cache, a file whose Brief, template folder and code are unchanged is not rendered again.
    """
    plan = [
        (b, f, RenderOptions.of(config.root / config.templates, config.audience(b.audience).template))
        for b in briefs
        for f in formats or list(config.audience(b.audience).formats)
    ]
    paths = [out_dir / f"{b.stem}{get_renderer(f).suffix}" for b, f, _ in plan]
    # Each brief is pickled and each template folder read once for all the files' keys (a large
    # week's brief takes tens of ms to pickle; a folder may hold a font).
    digests = {id(b): brief_digest(b) for b in briefs} if cache else {}
    stamps: dict[Path | None, bytes] = {}

    def stamp(folder: Path | None) -> bytes:
        if folder not in stamps:
            stamps[folder] = folder_stamp(folder)
        return stamps[folder]

    keys = [
        file_key(digests[id(b)], f, (stamp(o.template_dir), stamp(o.default_template_dir))) if cache else ""
        for b, f, o in plan
    ]
    found = [
        load_file(cache, config, b, f, k) if cache else None for (b, f, _), k in zip(plan, keys, strict=True)
    ]
    todo = [i for i, data in enumerate(found) if data is None]
    with progress.stage("render", len(plan), "file") as stage:
        for _ in range(len(plan) - len(todo)):
            stage.advance()
        rendered = render_many([plan[i] for i in todo], executor or Executor(), on_done=stage.advance)
    for i, data in zip(todo, rendered, strict=True):
        found[i] = data
        if cache is not None:
            b, f, _ = plan[i]
            store_file(cache, config, b, f, keys[i], data)
    return dict(zip(paths, (d if d is not None else b"" for d in found), strict=True))


def open_cache(
    config: Config, report: BuildReport, cache_dir: str | Path | None = None, use_cache: bool = True
) -> SourceCache | None:
    """Return the build's cache (None without one): ``cache_dir``, else .briefgen-cache/ beside the config."""
    if not use_cache:
        return None
    named = Path(cache_dir) if cache_dir is not None else config.root / CACHE_DIR
    try:
        # Only settings that change what one file reads or analyses to; the rest is cross-source.
        cache = SourceCache.open(named, {"max_source_bytes": config.max_source_bytes})
    except CacheUnusable as exc:
        if cache_dir is not None:  # the default folder unusable (a read-only project) only costs speed
            report.warnings.append(f"{exc}; this build ran without a cache")
        return None
    report.cache_dir = cache.root
    return cache


def analyse_week(
    config: Config,
    brief_date: str,
    report: BuildReport,
    *,
    cache: SourceCache | None = None,
    progress: Progress | None = None,
    executor: Executor | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Analysis:
    """Return the week's Analysis: gather the config's files, analyse each (cached), select the week, analyse across.

    With a cache, an unchanged week (the same files, settings and code) is loaded whole.
    """
    progress = progress or Progress()
    executor = executor or Executor(report.jobs)
    paths, problems = gather_paths(config.sources, config.root)
    content = ""
    if cache is not None:
        with progress.timed("week cache"):
            content = report.week = week_key(config, brief_date, paths)
            limit = cache.max_entry_bytes + 64 * sum(p.stat().st_size for p in paths if p.is_file())
            entry = load_week(cache, config, brief_date, content, limit)
        if entry is not None:
            if meanwhile is not None:
                meanwhile()
            report.sources = report.from_cache = entry.sources
            report.warnings.extend(entry.warnings)
            report.skipped.extend(entry.skipped)
            return entry.analysis
    first_warning, first_skip = len(report.warnings), len(report.skipped)
    report.warnings += [f"{config.path}: {p}" for p in problems]
    parts = _read_config_sources(config, paths, report, executor, cache, progress, meanwhile)
    with progress.timed("select"):
        parts, excluded, period = select_week(parts, config, brief_date)
    if not parts:
        report.warnings.append(
            f"{config.path}: no source is dated within {period or 'the window'}; every brief is empty "
            "(check as_of and window_days)"
        )
    with progress.stage("analyse across sources", 1, "step", timing="cross-source") as stage:
        analysis = analyse_week_across(
            parts, config.themes, executor, as_of=brief_date, aliases=config.aliases
        )
        analysis = dataclasses.replace(analysis, excluded=excluded, period=period)
        stage.advance()
    if cache is not None:
        warnings, skipped = tuple(report.warnings[first_warning:]), tuple(report.skipped[first_skip:])
        store_week(cache, config, brief_date, WeekEntry(content, analysis, report.sources, warnings, skipped))
    return analysis


def _check_request(config: Config, audiences: list[str] | None, as_of: str | None) -> tuple[list[str], str]:
    """Return the audiences to build and the brief's date; raise ConfigError on an unknown audience or date."""
    selected = audiences or [a.id for a in config.audiences]
    unknown = [a for a in selected if a not in {x.id for x in config.audiences}]
    if unknown:
        known = ", ".join(a.id for a in config.audiences)
        raise ConfigError([f"--audience: unknown audience '{a}' (known: {known})" for a in unknown])
    brief_date = config.resolve_as_of(as_of)
    if as_of is not None and (problem := window_problem(config.window_days, as_of, "--as-of")):
        raise ConfigError(f"{problem} (window_days is set in {config.path})")
    return selected, brief_date


def build(
    config_path: str | Path,
    *,
    audiences: list[str] | None = None,
    formats: list[str] | None = None,
    out: str | Path | None = None,
    as_of: str | None = None,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    edits: str | Path | None = None,
    archive_path: str | Path | None = None,
    use_archive: bool = True,
) -> BuildReport:
    """Build every selected audience's brief in every selected format; write nothing unless all succeed."""
    progress = progress or Progress()
    report = BuildReport(jobs=max(1, jobs or default_jobs()))
    executor = Executor(report.jobs)
    config = load_config(config_path)
    selected, brief_date = _check_request(config, audiences, as_of)
    week_edits = load_edits(Path(edits) if edits is not None else edits_path(config, brief_date), config)
    if use_archive:  # read first: an unusable archive stops the build before any work
        report.archive = Path(archive_path) if archive_path is not None else config.root / config.archive
    histories = (
        archive.read(report.archive, selected, brief_date, config.repeat_weeks) if report.archive else None
    )
    wanted = formats or sorted({f for a in selected for f in config.audience(a).formats})
    with contextlib.ExitStack() as week_objects:
        with executor.collector_paused():
            cache = open_cache(config, report, cache_dir, use_cache)
            analysis = analyse_week(
                config,
                brief_date,
                report,
                cache=cache,
                progress=progress,
                executor=executor,
                meanwhile=lambda: prepare(wanted),  # the renderers' fonts load while the workers analyse
            )
            briefs = compose_week(
                analysis,
                config,
                selected,
                brief_date,
                report.warnings,
                progress,
                week_edits,
                histories,
                cache,
                report.week,
            )
            # The week's objects live until the end: frozen before the collector is back on, so no
            # collection walks them (a full one over a large week's objects took 30 ms, twice).
            week_objects.enter_context(executor.frozen())
        out_dir = Path(out) if out is not None else Path(os.path.normpath(config.root / config.out))
        files = render_all(briefs, config, formats, out_dir, progress, executor, cache)
        with progress.timed("write"):
            write_atomically(files, out_dir)
        if report.archive is not None:  # only once every file is written: a failed build archives nothing
            with progress.timed("archive"):
                report.archive_failed = _archive(report.archive, briefs, analysis, config, selected)
    report.written = [(p, len(b)) for p, b in files.items()]
    report.timings = dict(progress.timings)
    return report


def _archive(
    path: Path, briefs: list[Brief], analysis: Analysis, config: Config, selected: list[str]
) -> str | None:
    """Record the week's briefs in the archive; return why not (the files are written: say so, not "nothing")."""
    try:
        archive.record(path, briefs, analysis, {a: config.audience(a).themes for a in selected})
    except archive.ArchiveError as exc:
        return "; ".join(exc.problems)
    return None

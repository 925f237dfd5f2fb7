"""Work spread over processes: reading and analysing each file (through the cache), and rendering."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .analysis import (
    SourceAnalysis,
    analyze_events,
    analyze_names,
    analyze_source,
    analyze_texts,
    assemble,
)
from .cache import CachedFile, SourceCache
from .errors import BriefgenError, ExitStatus, SourceError
from .ingest import parse_file
from .ingest.decode import read_source_bytes
from .model import Analysis, Brief, Entity, Event, SourceNote, Theme, block_cites
from .render import RenderOptions, get_renderer

# Files whose reader makes no reference cycles: no collection after reading them.
_PLAIN_TEXT = frozenset((".txt", ".md", ".markdown", ".text"))
# Below this many files per worker, starting processes costs more than it saves.
MIN_FILES_PER_WORKER = 8
# Chunks small enough for a smooth progress bar and an even finish, large enough to amortise pickling.
MAX_CHUNK = 8


class WorkerError(BriefgenError):
    """A worker process died: neither a config nor a source problem."""

    category = "worker"
    status = ExitStatus.FAILED  # exit 1: not a clean build


@dataclass(frozen=True, slots=True)
class FileJob:
    """What every file's work needs besides its path; sent to each worker once per chunk."""

    max_bytes: int
    cache: SourceCache | None = None


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file gave: its analysed sources, or the problems that made it unreadable."""

    path: str
    parts: tuple[SourceAnalysis, ...] = ()
    warnings: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()  # non-empty: the file was skipped
    cached: bool = False
    discarded: bool = False  # a damaged cache entry was found and removed
    read_seconds: float = 0.0
    analyse_seconds: float = 0.0
    payload: bytes | None = None  # a cache entry's pickle, unpickled by the main process (``_unpack``)
    key: str | None = None


def process_file(job: FileJob, path: Path) -> FileResult:
    """Return the analysis of one file, from the cache when its bytes, settings and code are unchanged."""
    clock = time.perf_counter()
    try:
        data = read_source_bytes(path, job.max_bytes)  # read once: hashed for the cache, then parsed
    except SourceError as exc:
        return FileResult(str(path), problems=tuple(exc.problems), read_seconds=time.perf_counter() - clock)
    key = None
    discarded = False
    if job.cache is not None:
        key = job.cache.key(str(path), data)
        payload, discarded = job.cache.load_payload(key)
        if payload is not None:
            return FileResult(
                str(path), cached=True, payload=payload, key=key, read_seconds=time.perf_counter() - clock
            )
    try:
        sources, warnings = parse_file(path, data)
    except SourceError as exc:
        return FileResult(str(path), problems=tuple(exc.problems), read_seconds=time.perf_counter() - clock)
    finally:
        if not gc.isenabled() and path.suffix.lower() not in _PLAIN_TEXT:
            gc.collect()  # PDF, HTML and Word parsers (and their errors) leave reference cycles; text none
    read_done = time.perf_counter()
    parts = tuple(analyze_source(s) for s in sources)
    analysed = time.perf_counter()
    if job.cache is not None and key is not None:
        payload = job.cache.store(CachedFile(key, parts, tuple(warnings)))
        return FileResult(
            str(path),
            payload=payload,  # the main process unpickles it (``_unpack``)
            key=key,
            discarded=discarded,
            read_seconds=read_done - clock,
            analyse_seconds=analysed - read_done,
        )
    return FileResult(
        str(path),
        parts,
        tuple(warnings),
        discarded=discarded,
        read_seconds=read_done - clock,
        analyse_seconds=analysed - read_done,
    )


@contextmanager
def _pool(workers: int, stage: str, *, collect: bool = True) -> Iterator[ProcessPoolExecutor]:
    """Yield a process pool that is torn down at once on Ctrl-C and reports a dead worker plainly.

    ``collect``: the workers run Python's cycle collector even if the build paused it in the main
    process; a short task that only unpickles and counts does without it.
    """
    pool = ProcessPoolExecutor(max_workers=workers, initializer=gc.enable if collect else gc.disable)
    try:
        yield pool
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)  # don't wait for queued chunks
        raise
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        raise WorkerError(
            f"{stage}: a worker process died (killed, or out of memory?); try again with --jobs 1"
        ) from None
    pool.shutdown(wait=True)


def default_jobs() -> int:
    """Return the default number of worker processes: one per CPU."""
    return os.cpu_count() or 1


def _unpack(result: FileResult, job: FileJob, run: Callable[[Path], FileResult]) -> FileResult:
    """Return ``result`` with a cache payload turned into its parts (recomputed if it does not decode)."""
    if result.payload is None or job.cache is None or result.key is None:
        return result
    entry = job.cache.decode(result.payload, result.key)
    if entry is not None:
        return dataclasses.replace(result, parts=entry.parts, warnings=entry.warnings, payload=None)
    job.cache.discard(result.key)  # checksummed but not ours (an old layout): never trusted
    return dataclasses.replace(run(Path(result.path)), discarded=True)


def _beside(task: Callable[[], None]) -> threading.Thread:
    """Start ``task`` in a thread of this process; its failure only costs the time it would have saved."""

    def run() -> None:
        with contextlib.suppress(Exception):
            task()

    thread = threading.Thread(target=run, name="briefgen-prepare", daemon=True)
    thread.start()
    return thread


def process_files(
    paths: Sequence[Path],
    job: FileJob,
    *,
    jobs: int,
    on_result: Callable[[FileResult], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> list[FileResult]:
    """Return every file's result in input order, using up to ``jobs`` processes.

    ``meanwhile`` runs in this process while the workers analyse (it would otherwise idle): started
    only after the workers are forked, and finished before this returns, so no later fork copies a
    half-done task.
    """
    workers = min(jobs, len(paths) // MIN_FILES_PER_WORKER)
    run = partial(process_file, job)
    results: list[FileResult] = []
    if workers <= 1:
        if meanwhile is not None:
            meanwhile()
        for path in paths:
            results.append(_unpack(run(path), job, run))
            if on_result:
                on_result(results[-1])
        return results
    # Several chunks per worker, so a slow chunk does not leave the other workers idle at the end.
    chunk = max(1, min(MAX_CHUNK, len(paths) // (workers * 4)))
    thread = None
    # The collector off: per-source analysis makes no reference cycles, and walking the objects a worker
    # holds cost a quarter of its time (cycles from other readers' parsers are collected per file).
    with _pool(workers, "read+analyse", collect=False) as pool:
        # map() yields in input order, which keeps the output independent of the number of workers.
        for result in pool.map(run, paths, chunksize=chunk):
            if thread is None and meanwhile is not None:
                thread = _beside(meanwhile)  # the pool forked all its workers before the first result
            results.append(_unpack(result, job, run))
            if on_result:
                on_result(result)
    if thread is not None:
        thread.join()
    elif meanwhile is not None:
        meanwhile()
    return results


def analyse_across(
    parts: Sequence[SourceAnalysis],
    themes: tuple[Theme, ...],
    *,
    as_of: str,
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = (),
    jobs: int = 1,
) -> Analysis:
    """Return the cross-source Analysis; with 2+ jobs, events, entities and notes run beside the rest."""
    global _INHERITED
    if jobs <= 1 or len(parts) < 2 * MIN_FILES_PER_WORKER:
        return assemble(parts, analyze_texts(parts, themes, as_of=as_of), analyze_names(parts, aliases))
    forked = multiprocessing.get_start_method() == "fork"
    with _pool(1, "analyse across sources", collect=False) as pool:
        # One worker does the events first (the theme summaries need them only at the end), then the
        # names; this process meanwhile does the theme summaries.
        if forked:
            # The forked worker already holds the parts: pickling them over cost more than the work.
            _INHERITED = (parts, aliases)
            try:
                events = pool.submit(_events_of_inherited, as_of)  # the worker is forked here
                names = pool.submit(_names_of_inherited)
            finally:
                _INHERITED = None
        else:
            # Each half needs only some of the per-source results: don't pickle the rest over.
            dated = [dataclasses.replace(p, quotes=(), terms=None, names=None, facts=None) for p in parts]
            events = pool.submit(analyze_events, dated, as_of=as_of)
            light = [dataclasses.replace(p, sentences=(), terms=None, dates=None) for p in parts]
            names = pool.submit(analyze_names, light, aliases)
        texts = analyze_texts(parts, themes, as_of=as_of, events=events.result)
        return assemble(parts, texts, names.result())


# What a forked cross-source worker inherits from the main process (set only while it is forked).
_INHERITED: tuple[Sequence[SourceAnalysis], tuple[tuple[str, tuple[str, ...]], ...]] | None = None


def _inherited() -> tuple[Sequence[SourceAnalysis], tuple[tuple[str, tuple[str, ...]], ...]]:
    assert _INHERITED is not None, "only for a worker forked while the parts were set"
    return _INHERITED


def _events_of_inherited(as_of: str) -> tuple[Event, ...]:
    """Return the week's events for the parts this forked worker inherited."""
    return analyze_events(_inherited()[0], as_of=as_of)


def _names_of_inherited() -> tuple[tuple[Entity, ...], tuple[SourceNote, ...]]:
    """Return the names half of the cross-source stage for the parts this forked worker inherited."""
    parts, aliases = _inherited()
    return analyze_names(parts, aliases)


def render_one(brief: Brief, fmt: str, options: RenderOptions) -> bytes:
    """Return one brief rendered in one format."""
    return get_renderer(fmt).render(brief, options)


# Rough relative cost of laying out a block per format: page layout dominates, text exports are cheap.
_FORMAT_COST = {"pdf": 3.0, "docx": 2.0}


def _render_cost(brief: Brief, fmt: str) -> float:
    """Return a rough estimate of how long rendering ``brief`` as ``fmt`` takes (only the order matters)."""
    size = sum(1 + len(block_cites(b)) for s in brief.sections for b in s.blocks) + 3 * len(brief.sources)
    return _FORMAT_COST.get(fmt, 0.3) * (10 + size)


def render_many(
    plan: Sequence[tuple[Brief, str, RenderOptions]],
    *,
    jobs: int,
    on_done: Callable[[], None] | None = None,
) -> list[bytes]:
    """Return the bytes of every (brief, format, options) in ``plan``, in plan order."""
    workers = min(jobs, len(plan))
    if workers <= 1:
        out = []
        for brief, fmt, options in plan:
            out.append(render_one(brief, fmt, options))
            if on_done:
                on_done()
        return out
    results: list[bytes] = [b""] * len(plan)
    # Longest first, so the last file to finish is a short one and no worker idles meanwhile.
    order = sorted(range(len(plan)), key=lambda i: -_render_cost(plan[i][0], plan[i][1]))
    with _pool(workers, "render") as pool:
        futures = {pool.submit(render_one, *plan[i]): i for i in order}
        for future in as_completed(futures):
            results[futures[future]] = future.result()  # a renderer's error surfaces here, as in-process
            if on_done:
                on_done()
    return results

"""Where the build's work runs (``Executor``): reading and analysing each file (through the cache), the
cross-source step beside it, and rendering; in this process or in worker processes."""

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
from typing import TYPE_CHECKING, Any, TypeVar

from . import analysis  # its steps load on first use: a week from the cache needs none of them
from .cache import CachedFile, SourceCache
from .errors import BriefgenError, ExitStatus, SourceError
from .ingest import parse_file
from .ingest.decode import read_source_bytes
from .lifetime import start_worker
from .model import Analysis, Brief, Event, Theme, block_cites
from .render import RenderOptions, get_renderer

if TYPE_CHECKING:
    from .analysis import Names, SourceAnalysis

    _Parts = tuple[Sequence[SourceAnalysis], tuple[tuple[str, tuple[str, ...]], ...]]

T = TypeVar("T")

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


class Executor:
    """Where the build's work runs: this process, or up to ``jobs`` worker processes per stage.

    A stage starts its pool only when it has enough work to gain from it (``process_files``,
    ``analyse_week_across``, ``render_many``); otherwise it runs here. The output is the same for any
    number of jobs. Python's cycle collector is managed here too (``collector_paused``, ``frozen``).
    """

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)

    @staticmethod
    @contextmanager
    def collector_paused() -> Iterator[None]:
        """Pause Python's cycle collector in this process while the week's objects are built.

        Unpickling and analysing thousands of sources makes millions of long-lived objects, and each
        collection walks all of them: with the collector on, unpickling 1,000 analysed sources took four
        times as long. Our own objects form no reference cycles, so nothing is lost meanwhile. Worker
        processes turn it back on (``_pool``).
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            if enabled:
                gc.enable()

    @staticmethod
    @contextmanager
    def frozen() -> Iterator[None]:
        """Keep the objects made so far out of collections meanwhile: the week's objects live until the end."""
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()


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
    parts = tuple(analysis.analyse_source(s) for s in sources)
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


def _start(parent: int, collect: bool, inherited: object) -> None:
    """Set up a worker process (``lifetime.start_worker``), keeping what it inherited when forked."""
    global _INHERITED
    start_worker(parent, collect)
    _INHERITED = inherited


@contextmanager
def _pool(
    workers: int, stage: str, *, collect: bool = True, inherit: object = None
) -> Iterator[ProcessPoolExecutor]:
    """Yield a process pool that is torn down at once on Ctrl-C and reports a dead worker plainly.

    ``collect``: the workers run Python's cycle collector even if the build paused it in the main
    process; a short task that only unpickles and counts does without it. ``inherit``: what forked
    workers keep from this process without pickling (``Executor.beside``).
    """
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_start, initargs=(os.getpid(), collect, inherit)
    )
    try:
        yield pool
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (lifetime.Terminated)
        # The workers ignore both and finish their chunk; the command line exits at once after its
        # message, and the kernel then kills them (lifetime.start_worker). Killing them here instead
        # could cut a result message in half and leave the pool's thread waiting for the rest.
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


def _unpack(result: FileResult, job: FileJob) -> FileResult:
    """Return ``result`` with a cache payload turned into its parts (recomputed if it does not decode)."""
    if result.payload is None or job.cache is None or result.key is None:
        return result
    entry = job.cache.decode(result.payload, result.key)
    if entry is not None:
        return dataclasses.replace(result, parts=entry.parts, warnings=entry.warnings, payload=None)
    job.cache.discard(result.key)  # authenticated but not ours (an old layout): never trusted
    # Recompute without the cache, so the parts come back as objects: a stored entry's result carries
    # only a payload, and taking that for the answer dropped the source. The next build stores it.
    fresh = process_file(dataclasses.replace(job, cache=None), Path(result.path))
    return dataclasses.replace(fresh, discarded=True)


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
    executor: Executor,
    *,
    on_result: Callable[[FileResult], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> list[FileResult]:
    """Return every file's result in input order, using up to ``jobs`` processes.

    ``meanwhile`` runs in this process while the workers analyse (it would otherwise idle): started
    only after the workers are forked, and finished before this returns, so no later fork copies a
    half-done task.
    """
    workers = min(executor.jobs, len(paths) // MIN_FILES_PER_WORKER)
    run = partial(process_file, job)
    results: list[FileResult] = []
    if workers <= 1:
        if meanwhile is not None:
            meanwhile()
        for path in paths:
            results.append(_unpack(run(path), job))
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
            results.append(_unpack(result, job))
            if on_result:
                on_result(result)
    if thread is not None:
        thread.join()
    elif meanwhile is not None:
        meanwhile()
    return results


def analyse_week_across(
    parts: Sequence[SourceAnalysis],
    themes: tuple[Theme, ...],
    executor: Executor,
    *,
    as_of: str,
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> Analysis:
    """Return the cross-source Analysis (``analyse_across``); with 2+ jobs, events and names run beside the rest."""
    if executor.jobs <= 1 or len(parts) < 2 * MIN_FILES_PER_WORKER:
        return analysis.analyse_across(parts, themes, as_of=as_of, aliases=aliases)
    forked = multiprocessing.get_start_method() == "fork"
    # The forked worker already holds the parts: pickling them over cost more than the work.
    inherit = (parts, aliases) if forked else None
    with _pool(1, "analyse across sources", collect=False, inherit=inherit) as pool:

        def beside(
            parts: Sequence[SourceAnalysis], as_of: str, aliases: tuple[tuple[str, tuple[str, ...]], ...]
        ) -> tuple[Callable[[], tuple[Event, ...]], Callable[[], Names]]:
            # One worker does the events first (the theme summaries need them only at the end), then
            # the names; this process meanwhile does the theme summaries.
            if forked:
                events = pool.submit(_events_of_inherited, as_of)  # the worker is forked here
                names = pool.submit(_names_of_inherited)
            else:
                # Each half needs only some of the per-source results: don't pickle the rest over.
                dated = [dataclasses.replace(p, quotes=(), terms=None, names=None, facts=None) for p in parts]
                events = pool.submit(analysis.analyse_events, dated, as_of=as_of)
                light = [dataclasses.replace(p, sentences=(), terms=None, dates=None) for p in parts]
                names = pool.submit(analysis.analyse_names, light, aliases)
            return events.result, names.result

        return analysis.analyse_across(parts, themes, as_of=as_of, aliases=aliases, beside=beside)


# What a forked worker inherited (the cross-source parts, or the render plan): set by its initializer
# (``_start``), never in the build's process.
_INHERITED: object = None


def _inherited() -> _Parts:
    assert _INHERITED is not None, "only for a worker forked with the parts (_pool's inherit)"
    return _INHERITED  # type: ignore[return-value]  # what analyse_week_across forked it with


def _events_of_inherited(as_of: str) -> tuple[Event, ...]:
    """Return the week's events for the parts this forked worker inherited."""
    return analysis.analyse_events(_inherited()[0], as_of=as_of)


def _names_of_inherited() -> Names:
    """Return the names half of the cross-source stage for the parts this forked worker inherited."""
    parts, aliases = _inherited()
    return analysis.analyse_names(parts, aliases)


def render_one(brief: Brief, fmt: str, options: RenderOptions) -> bytes:
    """Return one brief rendered in one format."""
    return get_renderer(fmt).render(brief, options)


def _render_planned(plan: Sequence[tuple[Brief, str, RenderOptions]], i: int) -> bytes:
    return render_one(*plan[i])


def _run_inherited(task: Callable[[Any, int], T], i: int) -> T:
    """Run ``task`` on item ``i`` of what this forked worker inherited (``map_forked``)."""
    assert _INHERITED is not None, "only in a worker forked by map_forked"
    return task(_INHERITED, i)


def map_forked(
    task: Callable[[Any, int], T],
    items: Any,
    order: Sequence[int],
    executor: Executor,
    stage: str,
    *,
    collect: bool = True,
    on_done: Callable[[], None] | None = None,
) -> dict[int, T]:
    """Return ``{i: task(items, i)}`` for every ``i`` in ``order``, started in that order.

    With two jobs or more, and where processes fork, the work runs in worker processes that inherit
    ``items`` (nothing is pickled to them; only each result comes back); else here, one after the other.
    ``task`` must be a module-level function (it is sent by name).
    """
    workers = min(executor.jobs, len(order))
    results: dict[int, T] = {}
    if workers <= 1 or multiprocessing.get_start_method() != "fork":
        for i in order:
            results[i] = task(items, i)
            if on_done:
                on_done()
        return results
    with _pool(workers, stage, collect=collect, inherit=items) as pool:
        futures = {pool.submit(_run_inherited, task, i): i for i in order}
        for future in as_completed(futures):
            results[futures[future]] = future.result()  # an error surfaces here, as in-process
            if on_done:
                on_done()
    return results


# Rough relative cost of laying out a block per format: page layout dominates, text exports are cheap.
_FORMAT_COST = {"pdf": 3.0, "docx": 2.0}


def _render_cost(brief: Brief, fmt: str) -> float:
    """Return a rough estimate of how long rendering ``brief`` as ``fmt`` takes (only the order matters)."""
    size = sum(1 + len(block_cites(b)) for s in brief.sections for b in s.blocks) + 3 * len(brief.sources)
    return _FORMAT_COST.get(fmt, 0.3) * (10 + size)


def render_many(
    plan: Sequence[tuple[Brief, str, RenderOptions]],
    executor: Executor,
    *,
    on_done: Callable[[], None] | None = None,
) -> list[bytes]:
    """Return the bytes of every (brief, format, options) in ``plan``, in plan order."""
    # Longest first, so the last file to finish is a short one and no worker idles meanwhile. Forked
    # workers inherit the plan: pickling a large week's brief over for each of its formats had cost
    # as much as rendering it.
    order = sorted(range(len(plan)), key=lambda i: -_render_cost(plan[i][0], plan[i][1]))
    done = map_forked(_render_planned, plan, order, executor, "render", on_done=on_done)
    return [done[i] for i in range(len(plan))]

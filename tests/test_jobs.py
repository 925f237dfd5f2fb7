"""--jobs: the same output for any number of processes, results in input order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_cache import make_project

import briefgen.workers
from briefgen.cli import main
from briefgen.workers import Executor, FileJob, process_files


@pytest.fixture
def pooled(monkeypatch):
    """Use worker processes even for a handful of files."""
    monkeypatch.setattr(briefgen.workers, "MIN_FILES_PER_WORKER", 1)


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}  # not the set store


def test_results_keep_input_order(tmp_path, pooled):
    make_project(tmp_path, extra=6)
    paths = sorted((tmp_path / "seeds").iterdir())
    paths.insert(2, tmp_path / "seeds" / "missing.txt")  # a skipped file keeps its place too
    one = process_files(paths, FileJob(max_bytes=1_000_000), Executor(1))
    two = process_files(paths, FileJob(max_bytes=1_000_000), Executor(2))
    assert [r.path for r in two] == [str(p) for p in paths]
    assert [(r.path, r.parts, r.problems) for r in two] == [(r.path, r.parts, r.problems) for r in one]
    assert two[2].problems and "missing.txt" in two[2].problems[0]


def test_one_and_two_jobs_write_identical_bytes(tmp_path, pooled):
    config = make_project(tmp_path, extra=4)
    common = ["--quiet", "build", str(config), "--no-cache", "--audience", "press"]
    assert main([*common, "--jobs", "1", "--out", str(tmp_path / "one")]) == 0
    assert main([*common, "--jobs", "2", "--out", str(tmp_path / "two")]) == 0
    one, two = _outputs(tmp_path / "one"), _outputs(tmp_path / "two")
    assert {Path(n).suffix for n in one} == {".docx", ".pdf", ".json", ".md", ".html"}
    assert one == two


def test_cached_build_with_two_jobs_matches(tmp_path, pooled):
    config = make_project(tmp_path, extra=4)
    common = ["--quiet", "build", str(config), "--format", "json,md", "--jobs", "2"]
    assert main([*common, "--out", str(tmp_path / "cold")]) == 0
    assert main([*common, "--out", str(tmp_path / "warm")]) == 0
    assert _outputs(tmp_path / "cold") == _outputs(tmp_path / "warm")


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_jobs_must_be_a_positive_number(value, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", "x.yaml", "--jobs", value])
    assert exc.value.code == 2
    assert (
        f"argument --jobs/-j: '{value}' is not a number of processes; write 1 or more"
        in capsys.readouterr().err
    )


def _die(job: FileJob, path: Path) -> None:
    os._exit(1)  # what the kernel's OOM killer does to a worker, as far as the pool can tell


def test_a_dead_worker_is_one_plain_error(tmp_path, pooled, monkeypatch, capsys):
    config = make_project(tmp_path, extra=4)
    monkeypatch.setattr(briefgen.workers, "process_file", _die)
    assert main(["--quiet", "build", str(config), "--no-cache", "--jobs", "2"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "read+analyse: a worker process died (killed, or out of memory?); try again with --jobs 1",
        "briefgen: 1 problem; nothing was written",
    ]


def test_cross_source_worker_gives_the_same_analysis_forked_or_pickled(tmp_path, pooled, monkeypatch):
    """Events and names run in a worker: inherited by fork, or pickled over under other start methods."""
    from briefgen.config import load_config
    from briefgen.ingest import gather_paths
    from briefgen.pipeline import BuildReport, read_and_analyse
    from briefgen.workers import analyse_week_across

    config = load_config(make_project(tmp_path, extra=6))
    paths = gather_paths(config.sources, config.root)[0]
    parts = read_and_analyse(paths, BuildReport(), Executor(1), max_bytes=1_000_000)
    kw = {"as_of": "2025-12-20", "aliases": config.aliases}
    alone = analyse_week_across(parts, config.themes, Executor(1), **kw)
    forked = analyse_week_across(parts, config.themes, Executor(2), **kw)
    monkeypatch.setattr(briefgen.workers.multiprocessing, "get_start_method", lambda: "spawn")
    pickled = analyse_week_across(parts, config.themes, Executor(2), **kw)
    assert alone.entities and alone.notes and alone.events
    assert forked == alone and pickled == alone
    assert briefgen.workers._INHERITED is None  # set only in the forked worker, never here


def test_a_build_leaves_the_cycle_collector_as_it_found_it(tmp_path, pooled):
    import gc

    from briefgen.pipeline import build

    config = make_project(tmp_path, extra=4)
    assert gc.isenabled()
    build(config, formats=["md", "pdf"], jobs=2)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        build(config, formats=["md"], jobs=1)
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()

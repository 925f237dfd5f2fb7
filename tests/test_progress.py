"""Progress: plain lines when stderr is not a terminal, a bar when it is, nothing with --quiet."""

from __future__ import annotations

import io

from test_cache import make_project

from briefgen.cli import main
from briefgen.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress.for_stream(stream)
    assert progress.mode == "plain"
    with progress.stage("render", 200, "file") as stage:
        for _ in range(200):
            stage.advance()
    lines = stream.getvalue().splitlines()
    assert lines[:3] == [
        "briefgen: render: 50/200 files",
        "briefgen: render: 100/200 files",
        "briefgen: render: 150/200 files",
    ]
    assert lines[3].startswith("briefgen: render: 200 file(s) in ")
    assert len(lines) == 4


def test_small_stage_logs_once():
    stream = io.StringIO()
    with Progress.for_stream(stream).stage("compose", 4, "brief") as stage:
        stage.advance(4)
    assert stream.getvalue().startswith("briefgen: compose: 4 brief(s) in ")
    assert stream.getvalue().count("\n") == 1


def test_bar_on_a_terminal():
    stream = _Terminal()
    progress = Progress.for_stream(stream)
    assert progress.mode == "bar"
    with progress.stage("read+analyse", 3, "file") as stage:
        stage.advance(3)
    out = stream.getvalue()
    assert "read+analyse" in out and "3/3" in out and "\r" in out
    assert "briefgen:" not in out


def test_quiet_prints_nothing():
    stream = _Terminal()
    with Progress.for_stream(stream, quiet=True).stage("render", 200, "file") as stage:
        stage.advance(200)
    assert stream.getvalue() == ""


def test_build_logs_stages_and_summary(tmp_path, capsys):
    config = make_project(tmp_path)
    assert main(["build", str(config), "--format", "md", "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    stages = [
        line.split(":")[1].strip() for line in captured.err.splitlines() if line.startswith("briefgen: ")
    ]
    assert stages == ["read+analyse", "analyse across sources", "compose", "render"]
    assert "briefgen: wrote 4 file(s) in " in captured.out
    assert "sources: 3 read (0 from cache, 3 analysed); none skipped" in captured.out
    assert (
        "time: week cache " in captured.out
        and ", read+analyse " in captured.out
        and "render " in captured.out
    )
    assert "2025-12-20-press.md  (" in captured.out


def test_build_quiet_prints_only_warnings(tmp_path, capsys):
    config = make_project(tmp_path)
    (tmp_path / "seeds" / "empty.txt").write_bytes(b"")
    assert main(["--quiet", "build", str(config), "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err and all(line.startswith("warning: ") for line in captured.err.splitlines())
    assert "empty.txt" in captured.err


def test_stages_and_timed_steps_record_their_time_in_order():
    progress = Progress()
    with progress.stage("analyse across sources", 1, "step", timing="cross-source") as stage:
        stage.advance()
    with progress.timed("write"):
        pass
    with progress.timed("write"):  # a step run twice adds up
        pass
    assert list(progress.timings) == ["cross-source", "write"]
    assert all(seconds >= 0 for seconds in progress.timings.values())

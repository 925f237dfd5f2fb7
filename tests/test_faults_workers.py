"""Killing a build: its worker processes die with it, the output pipe closes, SIGTERM is a clean stop."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_cache import make_project

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")

_WORDS = [
    "council",
    "budget",
    "minister",
    "said",
    "spending",
    "schools",
    "roads",
    "port",
    "union",
    "wages",
    "strike",
    "vote",
    "committee",
    "report",
    "ministry",
    "officials",
    "plan",
    "year",
    "week",
    "talks",
    "deal",
    "agreement",
    "prices",
    "energy",
    "housing",
]


def _write_sources(folder: Path, n: int) -> None:
    """Write ``n`` made-up articles of a few paragraphs each, different enough to analyse in full."""
    for i in range(n):
        paragraphs = [f"Report number {i} on the {_WORDS[i % len(_WORDS)]}"]
        for p in range(6):
            words = [_WORDS[(i * 7 + p * 3 + k * k) % len(_WORDS)] for k in range(40)]
            paragraphs.append(
                f"The {words[0]} {words[1]} met on Tuesday {p + 1} March. "
                f"\u201cWe agreed on the {words[2]} and the {words[3]},\u201d the minister, Jane Doe, said. "
                + " ".join(words[4:]).capitalize()
                + "."
            )
        (folder / f"made_up_{i:04d}.txt").write_text("\n\n".join(paragraphs) + "\n")


def _children(pid: int) -> set[int]:
    kids: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            kids |= {int(x) for x in (task / "children").read_text().split()}
    return kids


def _alive(pid: int) -> bool:
    """Return whether ``pid`` runs (a zombie waiting for its reaper does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def _start(tmp_path: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    """Start a two-process build reading into a pipe; return it once its workers run."""
    config = make_project(tmp_path)
    _write_sources(tmp_path / "seeds", 1500)  # seconds of work: the signal lands mid-analysis
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "build", str(config), "--jobs", "2", "--no-cache"]
        + ["--format", "md", "--out", str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        kids = _children(proc.pid)
        if len(kids) >= 2:
            time.sleep(0.3)  # let them get into their work
            return proc, kids | _children(proc.pid)
        time.sleep(0.01)
    proc.kill()
    pytest.fail("the build's workers never started")


def _read_to_eof(stream, seconds: float) -> bytes | None:
    """Return what ``stream`` gives until EOF, or None if it stays open for ``seconds``."""
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(stream.read()), daemon=True)
    reader.start()
    reader.join(seconds)
    return None if reader.is_alive() else got[0]


def _gone_within(pids: set[int], seconds: float) -> set[int]:
    """Return the pids still running after waiting up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.05)
    return {p for p in pids if _alive(p)}


def _cleanup(pids: set[int]) -> None:
    for pid in pids:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_workers_die_with_the_build_and_the_pipe_closes(tmp_path, sig):
    proc, workers = _start(tmp_path)
    try:
        os.kill(proc.pid, sig)  # the main process only, as a supervisor or `kill PID` would
        assert _read_to_eof(proc.stdout, 20) is not None, "stdout stayed open after the build was killed"
        assert _gone_within(workers, 10) == set(), "a worker outlived the build"
        proc.wait(timeout=20)
    finally:
        _cleanup(workers | {proc.pid})


@pytest.mark.parametrize(
    ("sig", "status", "word"), [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")]
)
def test_sigterm_stops_like_ctrl_c(tmp_path, sig, status, word):
    proc, workers = _start(tmp_path)
    try:
        os.kill(proc.pid, sig)
        err = _read_to_eof(proc.stderr, 20)
        assert proc.wait(timeout=20) == status
        assert err is not None
        lines = err.decode().strip().splitlines()
        assert lines[-1] == f"briefgen: {word}; nothing was written"
        assert "Traceback" not in err.decode()
        out = tmp_path / "out"
        assert not out.exists() or not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    finally:
        _cleanup(workers | {proc.pid})


_WATCHED = """
import os, sys, time
import briefgen.lifetime as lifetime
lifetime._kill_me_with_parent = lambda: False  # as where the kernel cannot be asked: the watchdog alone
parent = os.getpid()
child = os.fork()
if child == 0:
    lifetime.start_worker(parent, True)
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
time.sleep(60)
"""


def test_without_the_kernel_a_worker_watches_its_parent():
    proc = subprocess.Popen([sys.executable, "-c", _WATCHED], stdout=subprocess.PIPE, cwd=ROOT)
    child = int(proc.stdout.readline())
    try:
        assert _alive(child)
        proc.kill()
        proc.wait(timeout=10)
        assert _gone_within({child}, 5) == set()
    finally:
        _cleanup({child, proc.pid})


def test_finish_runs_exit_handlers_and_flushes_before_leaving(tmp_path):
    # The command line ends with lifetime.finish (no freeing of the week's objects one by one): what
    # it printed and what exit handlers do (a pool's threads, a temp folder's clean-up) still happen.
    code = (
        "import atexit, sys\n"
        "from briefgen.lifetime import finish\n"
        f"atexit.register(lambda: open({str(tmp_path / 'ran')!r}, 'w').close())\n"
        "print('printed', end='')\n"
        "sys.stderr.write('warned')\n"
        "finish(3)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert (proc.returncode, proc.stdout, proc.stderr) == (3, "printed", "warned")
    assert (tmp_path / "ran").is_file()

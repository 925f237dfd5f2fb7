"""A build's files switch as one set: kills and Ctrl-C at every step of the write leave a whole set."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fixture_project import TEMPLATES

from briefgen.cli import main
from briefgen.output_set import STORE

ROOT = Path(__file__).resolve().parent.parent
SOURCE = (
    "Minister Anna Kowalska said the talks would resume in March. \u201cWe are ready to sign,\u201d "
    "she told reporters in Warsaw. The opposition called the plan a \u201cgift\u201d to the ruling party.\n"
)
CONFIG = """title: "{title}"
as_of: "2025-12-20"
sources: [sources/*]
templates: {templates}
out: out
themes:
  talks:
    keywords: [talks, sign, plan]
audiences:
  press:
    formats: [md, json, html]
  desk:
    template: press
    formats: [md, json, html]
"""
NAMES = sorted(f"2025-12-20-{a}.{f}" for a in ("press", "desk") for f in ("md", "json", "html"))

# Run the command line in a child that SIGKILLs (or Ctrl-Cs) itself at the Nth call of one write step.
DRIVER = """
import importlib, os, signal, sys
module, name = sys.argv[1].rsplit(".", 1)
target = importlib.import_module(module)
nth, when, sig = int(sys.argv[2]), sys.argv[3], getattr(signal, sys.argv[4])
original, calls = getattr(target, name), [0]
def wrapped(*args, **kwargs):
    calls[0] += 1
    if calls[0] == nth and when == "before":
        os.kill(os.getpid(), sig)
    result = original(*args, **kwargs)
    if calls[0] == nth and when == "after":
        os.kill(os.getpid(), sig)
    return result
setattr(target, name, wrapped)
from briefgen.cli import main
sys.exit(main(sys.argv[5:]))
"""


def write_project(root: Path, title: str) -> Path:
    (root / "sources").mkdir(exist_ok=True)
    (root / "sources" / "talks.txt").write_text(SOURCE, encoding="utf-8")
    config = root / "weekly.yaml"
    config.write_text(CONFIG.format(title=title, templates=TEMPLATES), encoding="utf-8")
    return config


def briefs(out: Path) -> dict[str, str]:
    """Return name -> text of every brief a reader finds in ``out`` (links that resolve to files)."""
    return {p.name: p.read_text() for p in sorted(out.iterdir()) if p.name != STORE and p.is_file()}


def titles(texts: dict[str, str]) -> set[str]:
    return {t for text in texts.values() for t in ("Old Weekly", "New Weekly") if t in text}


def leftovers(out: Path) -> list[str]:
    """Return what a finished build should not leave: temp files, dangling links, extra sets."""
    found = [p.name for p in out.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]
    found += [p.name for p in out.iterdir() if p.is_symlink() and not p.exists()]
    found += [p.name for p in (out / STORE).iterdir() if p.name.endswith(".tmp")]
    sets = list((out / STORE / "sets").iterdir())
    if len(sets) > 2:  # the current set and the one it replaced (kept for readers until the next build)
        found += [p.name for p in sets]
    return found


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """Return a project whose out/ holds a complete 'Old Weekly' set; its config now says 'New Weekly'."""
    config = write_project(tmp_path, "Old Weekly")
    assert main(["--quiet", "build", str(config), "--no-cache"]) == 0
    assert titles(briefs(tmp_path / "out")) == {"Old Weekly"}
    write_project(tmp_path, "New Weekly")
    return tmp_path


def run_and_stop(project: Path, step: str, nth: int, when: str, sig: str) -> subprocess.CompletedProcess:
    step = step if "." in step else f"briefgen.output_set.{step}"
    args = [sys.executable, "-c", DRIVER, step, str(nth), when, sig]
    args += ["build", str(project / "weekly.yaml"), "--no-cache", "--jobs", "1"]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=project)


STOPS = [
    ("_write_file", 1, "before"),  # staging the first file
    ("_write_file", 4, "after"),  # half the set staged
    ("_fsync_dir", 1, "after"),  # all staged, links not yet made
    ("_point_current", 1, "before"),  # the moment before the switch
    ("_point_current", 1, "after"),  # the moment after it
    ("_fsync_dir", 3, "after"),  # switched and synced, before returning
]


@pytest.mark.parametrize(("step", "nth", "when"), STOPS)
def test_a_kill_at_any_step_leaves_one_whole_set_and_the_next_build_clears_up(built, step, nth, when):
    done = run_and_stop(built, step, nth, when, "SIGKILL")
    assert done.returncode == -9, done.stderr
    texts = briefs(built / "out")
    assert sorted(texts) == NAMES
    assert len(titles(texts)) == 1, f"mixed set after a kill at {step} #{nth} {when}"
    assert main(["--quiet", "build", str(built / "weekly.yaml"), "--no-cache"]) == 0
    assert titles(briefs(built / "out")) == {"New Weekly"}
    assert leftovers(built / "out") == []


@pytest.mark.parametrize(
    ("step", "nth"), [("os.replace", n) for n in (1, 2, 4)] + [("os.fsync", n) for n in (1, 3, 8)]
)
def test_a_kill_at_any_rename_or_sync_leaves_one_whole_set(built, step, nth):
    done = run_and_stop(built, step, nth, "after", "SIGKILL")
    assert done.returncode in (0, -9), done.stderr
    texts = briefs(built / "out")
    assert sorted(texts) == NAMES
    assert len(titles(texts)) == 1, f"mixed set after a kill at {step} #{nth}"


def test_ctrl_c_while_staging_keeps_the_old_set_and_says_so(built):
    done = run_and_stop(built, "_write_file", 2, "before", "SIGINT")
    assert done.returncode == 130
    assert "interrupted; nothing was written" in done.stderr
    assert titles(briefs(built / "out")) == {"Old Weekly"}
    assert len(list((built / "out" / STORE / "sets").iterdir())) == 1  # the staging folder was removed


def test_ctrl_c_during_the_switch_waits_for_it_and_says_the_new_set_is_written(built):
    done = run_and_stop(built, "_point_current", 1, "before", "SIGINT")
    assert done.returncode == 130
    assert f"interrupted after the new set of 6 file(s) was written to {built / 'out'}" in done.stderr
    assert "nothing was written" not in done.stderr
    assert titles(briefs(built / "out")) == {"New Weekly"}


def test_a_reader_who_resolves_current_once_never_sees_a_mixed_set(built):
    out = built / "out"
    seen: list[set[str]] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                current = out / STORE / os.readlink(out / STORE / "current")
                seen.append(titles({p.name: p.read_text() for p in current.iterdir()}))
            except FileNotFoundError:
                continue  # a set two builds old is removed by the next build: the reader starts again

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for title in ("New Weekly", "Old Weekly", "New Weekly", "Old Weekly"):
            write_project(built, title)
            command = [sys.executable, "-m", "briefgen", "-q", "build", "weekly.yaml", "--no-cache"]
            subprocess.run(command, cwd=built, timeout=120, check=True)
    finally:
        stop.set()
        reader.join(timeout=30)
    assert seen and all(len(s) == 1 for s in seen)
    assert {"Old Weekly"} in seen and {"New Weekly"} in seen


def test_stray_temp_files_and_staging_folders_of_old_builds_are_removed(built):
    out = built / "out"
    (out / ".2025-12-20-press.md.k2j4l5m6.tmp").write_bytes(b"half a brief")
    (out / STORE / "sets" / "build-killed01").mkdir()
    (out / STORE / "sets" / "build-killed01" / "2025-12-20-press.md").write_bytes(b"half")
    os.symlink(f"{STORE}/current/2025-12-27-press.md", out / "2025-12-27-press.md")
    (out / "notes.tmp").write_bytes(b"the user's own file")
    assert main(["--quiet", "build", str(built / "weekly.yaml"), "--no-cache"]) == 0
    assert leftovers(out) == []
    assert not (out / STORE / "sets" / "build-killed01").exists()
    assert (out / "notes.tmp").read_bytes() == b"the user's own file"


def test_last_weeks_briefs_stay_readable_after_this_weeks_build(built):
    config = built / "weekly.yaml"
    assert main(["--quiet", "build", str(config), "--no-cache", "--as-of", "2025-12-27"]) == 0
    texts = briefs(built / "out")
    assert sorted(texts) == sorted(NAMES + [n.replace("12-20", "12-27") for n in NAMES])
    assert json.loads(texts["2025-12-20-press.json"])["title"] == "Old Weekly"


def test_plain_files_of_earlier_versions_are_taken_over_without_a_gap(tmp_path):
    config = write_project(tmp_path, "New Weekly")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "2025-12-20-press.md").write_text("an old plain brief")
    assert main(["--quiet", "build", str(config), "--no-cache"]) == 0
    assert sorted(briefs(tmp_path / "out")) == NAMES
    assert titles(briefs(tmp_path / "out")) == {"New Weekly"}


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_outputs_honour_the_umask(tmp_path, umask, mode):
    config = write_project(tmp_path, "New Weekly")
    old = os.umask(umask)
    try:
        assert main(["--quiet", "build", str(config), "--no-cache"]) == 0
    finally:
        os.umask(old)
    for name in NAMES:
        assert stat.S_IMODE(os.stat(tmp_path / "out" / name).st_mode) == mode, name


def test_an_existing_briefs_mode_is_kept_on_rebuild(built):
    out, config = built / "out", str(built / "weekly.yaml")
    os.chmod(out / "2025-12-20-press.md", 0o640)
    old = os.umask(0o077)
    try:
        assert main(["--quiet", "build", config, "--no-cache"]) == 0
        assert main(["--quiet", "build", config, "--no-cache", "--as-of", "2025-12-27"]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(out / "2025-12-20-press.md").st_mode) == 0o640
    assert stat.S_IMODE(os.stat(out / "2025-12-20-press.json").st_mode) == 0o644
    assert stat.S_IMODE(os.stat(out / "2025-12-27-press.json").st_mode) == 0o600  # new: the umask's

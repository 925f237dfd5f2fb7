"""The week cached whole: an edit or a template change re-runs only compose and render, and a cached
build's files are byte for byte those of a build without the cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fixture_project import AUDIENCES, copy_project

from briefgen.cli import main
from briefgen.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
DATE = "2025-12-20"


def _files(folder: Path) -> dict[str, bytes]:
    """Return the briefs in an output folder (not the hidden folder that holds the current set)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_an_edit_reuses_the_week_and_equals_a_build_without_cache(tmp_path):
    config = copy_project(tmp_path)
    first = build(config)
    assert "read+analyse" in first.timings
    (config.parent / "edits").mkdir()
    (config.parent / "edits" / f"{DATE}.yaml").write_text("notes:\n  - text: Checked by the desk.\n")
    second = build(config)
    assert "week cache" in second.timings and "read+analyse" not in second.timings
    assert main(["--quiet", "build", str(config), "--no-cache", "--out", str(tmp_path / "plain")]) == 0
    assert _files(tmp_path / "out") == _files(tmp_path / "plain")


def test_a_template_change_rerenders_only_its_audience(tmp_path, monkeypatch):
    config = copy_project(tmp_path)
    build(config)
    layout = tmp_path / "templates" / "press" / "brief.j2"
    layout.write_text(layout.read_text() + "\nA line the press template added.\n")
    rendered: list[str] = []
    import briefgen.pipeline as pipeline

    real = pipeline.render_many

    def counting(plan, *args, **kw):
        rendered.extend(b.audience for b, _, _ in plan)
        return real(plan, *args, **kw)

    monkeypatch.setattr(pipeline, "render_many", counting)
    build(config)
    assert set(rendered) == {"press"}
    assert b"A line the press template added." in (tmp_path / "out" / f"{DATE}-press.md").read_bytes()


def test_a_changed_source_is_read_again(tmp_path):
    config = copy_project(tmp_path)
    build(config)
    seed = sorted((tmp_path / "seeds").iterdir())[0]
    seed.write_text(seed.read_text() + "\nThe council met again on Friday and agreed a new budget.\n")
    again = build(config)
    assert "read+analyse" in again.timings
    assert b"agreed a new budget" in (tmp_path / "out" / f"{DATE}-analysts.json").read_bytes()


def test_a_forged_week_entry_is_never_used(tmp_path):
    config = copy_project(tmp_path)
    build(config)
    cache = tmp_path / "configs" / ".briefgen-cache"
    for entry in [*cache.rglob("*.pickle"), *cache.rglob("*.whole")]:
        data = entry.read_bytes()
        entry.write_bytes(data[:-10] + b"0123456789")  # same length, authentication code now wrong
    again = build(config)
    assert "read+analyse" in again.timings
    assert main(["--quiet", "build", str(config), "--no-cache", "--out", str(tmp_path / "plain")]) == 0
    assert _files(tmp_path / "out") == _files(tmp_path / "plain")


class _Command:
    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self):
        import os

        return (os.system, (self.command,))


def test_even_a_sealed_week_entry_cannot_run_code(tmp_path):
    import pickle

    from briefgen.cache import SourceCache

    config = copy_project(tmp_path)
    first = build(config)
    cache = SourceCache.open(first.cache_dir, {"max_source_bytes": 5_000_000})
    marker = tmp_path / "pwned"
    for entry in first.cache_dir.rglob("*.whole"):
        entry.write_bytes(cache.seal(entry.stem, pickle.dumps(_Command(f"touch {marker}"))))
    again = build(config)
    assert not marker.exists() and "read+analyse" in again.timings


def _composing(monkeypatch) -> list[str]:
    """Return the list that every audience composed from here on is appended to."""
    import briefgen.compose.week as week

    composed: list[str] = []
    real = week.compose

    def counting(analysis, config, audience, **kw):
        composed.append(audience.id)
        return real(analysis, config, audience, **kw)

    monkeypatch.setattr(week, "compose", counting)
    return composed


def test_a_template_change_recomposes_only_its_audience(tmp_path, monkeypatch):
    config = copy_project(tmp_path)
    build(config)
    composed = _composing(monkeypatch)
    build(config)
    assert composed == []  # nothing changed: every brief from the cache
    layout = tmp_path / "templates" / "press" / "brief.j2"
    layout.write_text(layout.read_text() + "\nA line the press template added.\n")
    build(config)
    assert composed == ["press"]
    assert main(["--quiet", "build", str(config), "--no-cache", "--out", str(tmp_path / "plain")]) == 0
    assert _files(tmp_path / "out") == _files(tmp_path / "plain")


def test_a_file_another_template_includes_recomposes_the_one_that_includes_it(tmp_path, monkeypatch):
    config = copy_project(tmp_path)
    shared = tmp_path / "templates" / "masthead.j2"
    shared.write_text("Prepared by the desk.\n")
    layout = tmp_path / "templates" / "analysts" / "brief.j2"
    layout.write_text('{% include "masthead.j2" %}\n' + layout.read_text())
    build(config)
    composed = _composing(monkeypatch)
    shared.write_text("Prepared by the Europe desk.\n")
    build(config)
    assert composed == ["analysts"]
    assert b"Prepared by the Europe desk." in (tmp_path / "out" / f"{DATE}-analysts.md").read_bytes()
    # A file of the same name in the audience's own folder now comes first in the search: it is used.
    (tmp_path / "templates" / "analysts" / "masthead.j2").write_text("Prepared by the analysts.\n")
    build(config)
    assert composed == ["analysts", "analysts"]
    assert b"Prepared by the analysts." in (tmp_path / "out" / f"{DATE}-analysts.md").read_bytes()


def test_an_edit_for_one_audience_recomposes_only_it(tmp_path, monkeypatch):
    config = copy_project(tmp_path)
    build(config)
    composed = _composing(monkeypatch)
    (config.parent / "edits").mkdir()
    edits = config.parent / "edits" / f"{DATE}.yaml"
    edits.write_text("notes:\n  - text: For the press office only.\n    audiences: [press]\n")
    build(config)
    assert composed == ["press"]
    edits.write_text("notes:\n  - text: For everyone.\n")
    build(config)
    assert sorted(composed[1:]) == sorted(AUDIENCES)
    assert main(["--quiet", "build", str(config), "--no-cache", "--out", str(tmp_path / "plain")]) == 0
    assert _files(tmp_path / "out") == _files(tmp_path / "plain")


def test_a_brief_key_is_the_same_in_every_process():
    # A history holds sets, whose order follows string hashing, which differs from run to run: the key
    # must not, or no build would ever find the brief the one before it stored.
    code = (
        "from briefgen.archive.history import History\n"
        "from briefgen.week_cache import brief_key\n"
        "h = History(since='2025-12-13', ever=frozenset({'a', 'b', 'c', 'd'}), voices=frozenset({'x', 'y'}),"
        " recent={'k2': '2025-12-13', 'k1': '2025-12-06'})\n"
        "print(brief_key('week', h, ('edit',), '2025-12-20'))\n"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(keys) == 1 and keys.pop().strip()

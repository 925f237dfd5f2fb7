"""Config limits: output names that would clash or be cut, date windows that overflow, empty briefs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from factories import TALKS, make_project

from briefgen.check import check
from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
# Two audiences with one template, so that their output names may clash.
TWO = {"press": {"formats": ["md"]}, "desk": {"template": "press", "formats": ["md"]}}


def project(root: Path, **keys: Any) -> Path:
    return make_project(root, **{"title": "Limits Weekly", "audiences": TWO, **keys})


def line_of(path: Path, key: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(key))


def build_fails_with(capsys, config: Path, text: str, *extra: str) -> str:
    assert main(["--quiet", "build", str(config), "--no-cache", *extra]) == 2
    err = capsys.readouterr().err
    assert text in err and "Traceback" not in err, err
    assert not (config.parent / "out").exists()
    return err


def test_a_pattern_too_long_for_a_file_name_is_a_config_error_with_its_line(tmp_path, capsys):
    config = project(tmp_path, output_pattern="{as_of}-{audience}-" + "weekly-brief-" * 14)
    where = f"{config}:{line_of(config, 'output_pattern')}:"
    err = build_fails_with(capsys, config, f"{where}17: output_pattern: the file name for audience 'press'")
    assert "over the 200 allowed; shorten the pattern" in err
    problems, _ = check(config)
    assert [p for p in problems if p.startswith(where)], problems


def test_names_of_many_bytes_count_in_bytes_not_characters(tmp_path, capsys):
    config = project(tmp_path, output_pattern="{audience}-" + "\u0431\u0440\u0438\u0444" * 25)
    build_fails_with(capsys, config, "for audience 'desk' would be 210 bytes long", "--as-of", "2025-12-20")


def test_two_audiences_may_never_share_a_file_name(tmp_path, capsys):
    # "con" is a reserved name on Windows, so it becomes "_con": the name of the other audience.
    audiences = {"con": {"template": "press"}, "_con": {"template": "press"}}
    config = project(tmp_path, output_pattern="{audience}", audiences=audiences)
    where = f"{config}:{line_of(config, 'output_pattern')}:"
    build_fails_with(
        capsys, config, f"{where}17: output_pattern: audiences 'con' and '_con' would both write"
    )
    assert any("would both write '_con.*'" in p for p in check(config)[0])


def test_a_pattern_that_fits_builds_every_audience_in_full(tmp_path):
    config = project(tmp_path, output_pattern="{as_of}-{audience}-" + "x" * 150)
    assert main(["--quiet", "build", str(config), "--no-cache"]) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert names == [f"2025-12-20-{a}-{'x' * 150}.md" for a in ("desk", "press")]


@pytest.mark.parametrize(
    ("as_of", "days", "text"),
    [
        ("2025-12-20", 1000000000, "window_days: 1,000,000,000 days is too long a window; write at most"),
        (None, 1000000000, "window_days: 1,000,000,000 days is too long a window"),
        (
            "0001-01-01",
            7,
            "window_days: a window of 7 days before 0001-01-01 would start before the year 1",
        ),
    ],
)
def test_huge_windows_are_config_errors_with_file_and_line(tmp_path, capsys, as_of, days, text):
    config = project(tmp_path, window_days=days, as_of=as_of)
    where = f"{config}:{line_of(config, 'window_days')}:14: "
    build_fails_with(capsys, config, where + text)
    assert [p for p in check(config)[0] if p.startswith(where + text)]


def test_an_as_of_on_the_command_line_that_overflows_the_window_is_a_usage_error(tmp_path, capsys):
    config = project(tmp_path, window_days=30)
    build_fails_with(
        capsys, config, "--as-of: a window of 30 days before 0001-01-10", "--as-of", "0001-01-10"
    )


def test_a_brief_with_no_source_in_its_window_warns_and_strict_fails(tmp_path, capsys):
    config = project(tmp_path, window_days=7, as_of="2030-06-30")
    (tmp_path / "sources" / "talks.txt").write_text("---\ndate: 2025-12-18\n---\n" + TALKS)
    assert main(["--quiet", "build", str(config), "--no-cache"]) == 0
    warning = "no source is dated within 24\u201330 June 2030; every brief is empty"
    assert warning in capsys.readouterr().err
    assert main(["--quiet", "build", str(config), "--no-cache", "--strict"]) == 1
    assert warning in capsys.readouterr().err

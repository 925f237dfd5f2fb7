"""Global options (--quiet, --debug) work before or after the command, as users type them."""

from __future__ import annotations

import pytest
from fixture_project import copy_project

from briefgen.cli import main, parser


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_and_debug_parse_in_either_place(where):
    opts = ["-q", "--debug"]
    argv = [*opts, "check", "c.yaml"] if where == "before" else ["check", "c.yaml", *opts]
    args = parser().parse_args(argv)
    assert args.quiet is True and args.debug is True


def test_without_them_both_are_off():
    args = parser().parse_args(["build", "c.yaml"])
    assert args.quiet is False and args.debug is False


@pytest.mark.parametrize("command", ["build", "check", "extract", "summarize"])
def test_every_command_takes_them_after_its_name(command):
    args = parser().parse_args([command, "x", "--quiet", "--debug"])
    assert args.quiet and args.debug


@pytest.mark.parametrize("argv", [["--version"], ["build", "--version"], ["check", "c.yaml", "--version"]])
def test_version_works_in_either_place(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        parser().parse_args(argv)
    assert stop.value.code == 0 and capsys.readouterr().out.startswith("briefgen ")


def test_build_quiet_after_the_config_prints_nothing(tmp_path, capsys):
    config = copy_project(tmp_path)
    assert main(["build", str(config), "--format", "md", "--no-cache", "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["build", str(config), "--format", "md", "--no-cache"]) == 0
    assert "briefgen: wrote" in capsys.readouterr().out


def test_summarize_refuses_a_folder_in_one_line(tmp_path, capsys):
    assert main(["summarize", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path}: a folder; summarize reads one file (extract reads a folder)",
        "briefgen: 1 problem; nothing was written",
    ]


def test_debug_after_the_command_shows_the_traceback(tmp_path, capsys):
    assert main(["build", str(tmp_path / "missing.yaml"), "--debug"]) == 2
    err = capsys.readouterr().err
    assert "config file not found" in err and "Traceback" in err

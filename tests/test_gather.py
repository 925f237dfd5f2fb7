"""Gathering sources: folders and globs select files; what cannot be read is named once, with why."""

from __future__ import annotations

import os
from pathlib import Path

from briefgen.cli import main
from briefgen.ingest import gather_paths

TEXT = "The minister said the talks would resume in March after a pause of two weeks.\n"


def _tree(root: Path) -> Path:
    src = root / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(TEXT)
    (src / "sub" / "b.txt").write_text(TEXT)
    return src


def test_a_folder_selects_every_file_below_it(tmp_path):
    src = _tree(tmp_path)
    paths, problems = gather_paths(("src",), tmp_path)
    assert paths == [src / "a.txt", src / "sub" / "b.txt"] and problems == []


def test_a_folder_matched_by_a_plain_glob_is_named_with_the_fix(tmp_path):
    src = _tree(tmp_path)
    paths, problems = gather_paths(("src/*",), tmp_path)
    assert paths == [src / "a.txt"]
    assert problems == [
        f"sources: skipped {src / 'sub'}: a folder matched by 'src/*', where a file is expected; "
        "its files are not read (list the folder itself, or use a '**' pattern)"
    ]


def test_a_recursive_glob_reads_the_folders_files_without_a_warning(tmp_path):
    src = _tree(tmp_path)
    paths, problems = gather_paths(("src/**/*",), tmp_path)
    assert paths == [src / "a.txt", src / "sub" / "b.txt"] and problems == []


def test_a_fifo_is_kept_so_reading_names_it_once(tmp_path, capsys):
    src = _tree(tmp_path)
    os.mkfifo(src / "pipe.txt")
    # Two patterns select the pipe; it is one path and one warning.
    paths, problems = gather_paths(("src", "src/*.txt"), tmp_path)
    assert paths.count(src / "pipe.txt") == 1 and problems == []
    assert main(["extract", str(src)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"warning: {src / 'pipe.txt'}: a named pipe (FIFO), not a regular file; skipped"]


def test_a_bare_fifo_given_to_extract_is_named(tmp_path, capsys):
    os.mkfifo(tmp_path / "pipe")
    assert main(["extract", str(tmp_path / "pipe")]) == 3
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{tmp_path / 'pipe'}: a named pipe (FIFO), not a regular file; skipped"


def test_an_unreadable_subfolder_is_reported_once(tmp_path, monkeypatch):
    src = _tree(tmp_path)
    locked = src / "sub"
    if os.geteuid() == 0:  # root reads any folder: make listing this one fail as it would for a user
        real = os.scandir

        def scandir(path: object = ".") -> object:
            if Path(os.fspath(path)) == locked:  # type: ignore[arg-type]
                raise PermissionError(13, "Permission denied", str(locked))
            return real(path)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        paths, problems = gather_paths(("src", "src"), tmp_path)
    finally:
        locked.chmod(0o755)
    assert paths == [src / "a.txt"]
    assert problems == [
        f"sources: skipped folder {locked}: cannot be listed (Permission denied); "
        "its files are not read (fix its permissions)"
    ]


def test_an_empty_pattern_still_says_it_matches_nothing(tmp_path):
    assert gather_paths(("none/*.txt",), tmp_path) == (
        [],
        [f"sources: 'none/*.txt' matches no file (looked in {tmp_path / 'none'})"],
    )


def test_extract_reads_the_sources_in_a_folder(tmp_path, capsys):
    src = _tree(tmp_path)
    assert main(["extract", str(src)]) == 0
    out = capsys.readouterr().out
    assert "a:" in out or "a " in out
    assert out.count(" paras") == 2  # one line per source: a.txt and sub/b.txt


def test_hidden_files_and_folders_are_not_sources(tmp_path):
    src = _tree(tmp_path)
    (src / ".git").mkdir()
    (src / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (src / ".notes.txt").write_text(TEXT)
    paths, problems = gather_paths(("src",), tmp_path)
    assert paths == [src / "a.txt", src / "sub" / "b.txt"] and problems == []


def test_an_empty_folder_is_named_as_a_folder(tmp_path, capsys, monkeypatch):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".DS_Store").write_text("x")
    assert gather_paths(("empty",), tmp_path) == (
        [],
        ["sources: folder 'empty' holds no file (hidden files are not sources)"],
    )
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "empty"]) == 3
    assert capsys.readouterr().err.splitlines() == [
        "warning: sources: folder 'empty' holds no file (hidden files are not sources)",
        "empty: no source file to read; give files, or folders holding them",
        "briefgen: 1 problem; nothing was written",
    ]

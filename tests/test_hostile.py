"""Hostile inputs through the whole build: a clear message, the right exit code, no partial output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import factories
import pytest
from fixture_project import TEMPLATES

from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOOD = (
    "Minister Anna Kowalska said the talks would resume in March. \u201cWe are ready to sign,\u201d "
    "she told reporters in Warsaw. The opposition called the plan a \u201cgift\u201d to the ruling party.\n"
)

THEMES = {
    "talks": {
        "title": "Talks",
        "description": "Negotiations and agreements.",
        "keywords": ["talks", "sign", "plan"],
    }
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return a project folder with one good source and a config building md and json."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "good.txt").write_text(GOOD, encoding="utf-8")
    write_config(tmp_path, "md, json, html")
    return tmp_path


def write_config(root: Path, formats: str, templates: str = str(TEMPLATES), **audiences: dict) -> Path:
    """Write the config of a press brief in ``formats`` ("md, json"), and of any other ``audiences``."""
    press = {"title": "Press", "template": "press", "themes": "all", "formats": formats.split(", ")}
    return factories.write_config(
        root / "weekly.yaml",
        title="Hostile Weekly",
        organisation="Test Desk",
        templates=templates,
        themes=THEMES,
        audiences={"press": press, **audiences},
    )


def build(root: Path, *extra: str) -> int:
    quiet = ["--quiet"] if "--quiet" in extra else []
    return main([*quiet, "build", str(root / "weekly.yaml"), *(e for e in extra if e != "--quiet")])


def out_files(root: Path) -> list[str]:
    out = root / "out"
    return sorted(p.name for p in out.iterdir() if p.name != ".briefgen") if out.exists() else []


def no_partial(root: Path) -> None:
    assert not [n for n in out_files(root) if n.startswith(".") or n.endswith(".tmp")]


def warned(capsys, text: str) -> str:
    err = capsys.readouterr().err
    assert text in err, err
    assert "Traceback" not in err
    return err


def test_empty_file_is_skipped_with_a_warning(project, capsys):
    (project / "sources" / "empty.txt").write_bytes(b"")
    assert build(project) == 0
    warned(capsys, f"{project / 'sources' / 'empty.txt'}: empty file")
    assert "2025-12-20-press.md" in out_files(project)
    no_partial(project)


def test_binary_file_with_text_extension_is_skipped(project, capsys):
    (project / "sources" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert build(project) == 0
    warned(capsys, f"{project / 'sources' / 'photo.txt'}: looks like a binary file")
    no_partial(project)


def test_unreadable_file_is_skipped(project, capsys):
    (project / "sources" / "gone.txt").symlink_to(project / "nowhere.txt")
    assert build(project) == 0
    warned(capsys, f"{project / 'sources' / 'gone.txt'}: cannot read")


def test_file_over_the_size_cap_is_skipped(project, capsys):
    config = project / "weekly.yaml"
    config.write_text(config.read_text() + "max_source_bytes: 1000\n")
    (project / "sources" / "huge.txt").write_text("Word. " * 1000)
    assert build(project) == 0
    warned(capsys, f"{project / 'sources' / 'huge.txt'}: file is 6,000 bytes, over the 1,000-byte cap")


def test_duplicate_ids_keep_the_first(project, capsys):
    (project / "sources" / "good.md").write_text("Another text.\n")
    assert build(project) == 0
    warned(capsys, "source id 'good' is already used by")


def test_no_readable_source_exits_3_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "empty.txt").write_bytes(b"")
    write_config(tmp_path, "md")
    assert build(tmp_path) == 3
    warned(capsys, "no readable source among 1 file(s); nothing was built")
    assert out_files(tmp_path) == []


def test_strict_turns_warnings_into_exit_1(project, capsys):
    (project / "sources" / "empty.txt").write_bytes(b"")
    assert build(project, "--strict") == 1
    warned(capsys, "empty file")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encodings_are_decoded(project, encoding, capsys):
    (project / "sources" / "good.txt").unlink()
    text = (
        GOOD.replace("Kowalska", "Kowalska-Śliwińska")
        if encoding != "cp1252"
        else GOOD.replace("\u201c", '"').replace("\u201d", '"').replace("Warsaw", "Café Warsaw")
    )
    (project / "sources" / "enc.txt").write_bytes(text.replace("\n", "\r\n").encode(encoding))
    assert build(project) == 0
    brief = json.loads((project / "out" / "2025-12-20-press.json").read_text())
    paragraph = brief["sources"][0]["paragraphs"][0]["text"]
    assert paragraph == text.strip()
    if encoding == "cp1252":
        warned(capsys, "read as Windows-1252")


def test_control_characters_are_removed_with_a_warning(project, capsys):
    formats = "md, json, html, docx, pdf"
    write_config(project, formats)
    (project / "sources" / "ctrl.txt").write_text(
        "A line\x0b with a vertical tab\x00 and \x1b escape said Kowalska.\n"
    )
    assert build(project) == 0
    warned(capsys, "ctrl.txt")
    brief = json.loads((project / "out" / "2025-12-20-press.json").read_text())
    texts = [p["text"] for s in brief["sources"] for p in s["paragraphs"]]
    assert all(not any(ord(c) < 32 for c in t) for t in texts)


MARKUP = (
    "The memo quoted <b>bold</b> tags, AT&T and &amp; entities, a <script>alert(1)</script> "
    "block, {{ x }} and {% raw %} talks to sign the plan.\n"
)


def test_markup_in_sources_is_data_in_every_format(project):
    write_config(project, "md, json, html, docx, pdf")
    (project / "sources" / "good.txt").write_text(MARKUP + GOOD)
    assert build(project, "--quiet") == 0
    out = project / "out"
    brief = json.loads((out / "2025-12-20-press.json").read_text())
    assert brief["sources"][0]["paragraphs"][0]["text"] == MARKUP.strip()
    # A sentence holding markup is no summary sentence; what the quote shows of it is escaped.
    assert not any("<" in e["text"] for t in brief["themes"] for e in t["summary"])
    html = (out / "2025-12-20-press.html").read_text()
    assert "<script>alert" not in html and "<b>bold" not in html
    assert "&lt;b&gt;bold&lt;/b&gt; tags, AT&amp;T and &amp;amp;" in html
    md = (out / "2025-12-20-press.md").read_text()
    assert "\\<b\\>bold\\</b\\>" in md


def test_unbalanced_quote_does_not_swallow_the_document(project):
    text = (
        "He said \u201cthis opening mark is never closed and the sentence goes on.\n"
        + "Another paragraph with plain text about the talks.\n" * 5
        + "\u201cA real quote,\u201d said Kowalska.\n"
    )
    (project / "sources" / "good.txt").write_text(text)
    assert build(project, "--quiet") == 0
    brief = json.loads((project / "out" / "2025-12-20-press.json").read_text())
    assert all(len(q["text"]) < 200 for q in brief["quotes"])


def test_unknown_format_on_command_line_is_a_usage_error(project, capsys):
    with pytest.raises(SystemExit) as exit_:
        build(project, "--format", "docs")
    assert exit_.value.code == 2
    assert "unknown format(s) docs" in capsys.readouterr().err


def test_missing_config_exits_2(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope.yaml")]) == 2
    warned(capsys, f"{tmp_path / 'nope.yaml'}: config file not found")


def test_output_folder_that_is_a_file_fails_cleanly(project, capsys):
    (project / "blocker").write_text("x")
    assert build(project, "--out", str(project / "blocker")) == 4
    warned(capsys, "cannot create output folder")


def test_template_copy_folder_adds_an_audience(project):
    templates = project / "templates"
    shutil.copytree(TEMPLATES, templates)
    shutil.copytree(templates / "press", templates / "board")
    write_config(
        project, "md", "templates", board={"template": "board", "themes": ["talks"], "formats": ["md"]}
    )
    assert build(project, "--quiet") == 0
    assert "2025-12-20-board.md" in out_files(project)


def test_run_on_text_without_breaks_is_split_and_builds(project, capsys):
    (project / "sources" / "runon.txt").write_text("talks and \u201cplans to sign " * 3000)  # 75 KB, one line
    assert build(project) == 0
    warned(capsys, "over 10,000 characters split at white space")
    brief = json.loads((project / "out" / "2025-12-20-press.json").read_text())
    runon = [s for s in brief["sources"] if s["id"] == "runon"]
    assert all(len(p["text"]) <= 10_000 for s in runon for p in s["paragraphs"])


def test_an_internal_error_is_one_line_and_exit_1(project, capsys, monkeypatch):
    import briefgen.pipeline

    def broken(*args, **kwargs):
        raise ValueError("something we did not foresee")

    monkeypatch.setattr(briefgen.pipeline, "build", broken)
    assert build(project) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "briefgen: internal error: ValueError: something we did not foresee; nothing was written"
    )
    assert "Traceback" not in err


def test_a_named_pipe_is_skipped_not_waited_on(project, capsys):
    import os

    os.mkfifo(project / "pipe-target")
    (project / "sources" / "pipe.txt").symlink_to(project / "pipe-target")
    assert build(project) == 0
    warned(capsys, f"{project / 'sources' / 'pipe.txt'}: a named pipe (FIFO), not a regular file; skipped")

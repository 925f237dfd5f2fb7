"""The weekly archive: exact history by as-of date, no repeats, changes since last week, bad archives refused."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_project import copy_project

from briefgen.archive import store
from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
WEEK1, WEEK2 = "2025-12-13", "2025-12-20"
ARCHIVE = "briefgen-archive.sqlite"


def _build(config: Path, as_of: str, *extra: str) -> int:
    return main(["--quiet", "build", str(config), "--as-of", as_of, "--format", "json,md", *extra])


def _outputs(folder: Path, as_of: str) -> dict[str, bytes]:
    """Return the week's files, the project's own folder name (in source paths) taken out."""
    root = str(folder.parent).encode()
    return {p.name: p.read_bytes().replace(root, b"PROJECT") for p in sorted(folder.glob(f"{as_of}-*"))}


@pytest.fixture(scope="module")
def in_order(tmp_path_factory) -> Path:
    """Return a project with the seeds built for two weeks, in date order."""
    config = copy_project(tmp_path_factory.mktemp("in-order"))
    assert _build(config, WEEK1) == 0
    assert _build(config, WEEK2) == 0
    return config.parent.parent


def test_archive_is_beside_the_config_and_lists_both_weeks(in_order, capsys):
    assert (in_order / "configs" / ARCHIVE).is_file()
    capsys.readouterr()
    assert main(["history", str(in_order / "configs" / "weekly.yaml")]) == 0
    out = capsys.readouterr().out
    assert "8 brief(s) in 2 week(s)" in out
    assert f"{WEEK1}  analysts" in out and f"{WEEK2}  sanctions_desk" in out


def test_second_week_shows_since_section_in_every_format(in_order, tmp_path):
    config = in_order / "configs" / "weekly.yaml"
    out = tmp_path / "all"
    assert _build(config, WEEK2, "--format", "docx,pdf,json,md,html", "--out", str(out)) == 0
    brief = json.loads((out / f"{WEEK2}-analysts.json").read_text())
    assert brief["changes"]["since"] == WEEK1
    assert [t["id"] for t in brief["changes"]["themes"]][:1] == ["russia_dependence"]
    assert all(t["previous_weeks"] and len(t["previous_weeks"]) == 1 for t in brief["changes"]["themes"])
    assert "## Since the brief of 13 December 2025" in (out / f"{WEEK2}-analysts.md").read_text()
    assert "Since the brief of 13 December 2025</h" in (out / f"{WEEK2}-analysts.html").read_text()
    import docx

    headings = [p.text for p in docx.Document(str(out / f"{WEEK2}-principals.docx")).paragraphs]
    assert "Since the brief of 13 December 2025" in headings
    text = subprocess.run(
        ["pdftotext", str(out / f"{WEEK2}-principals.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Since the brief of 13 December 2025" in text


def test_first_week_has_no_since_section_and_null_since(in_order):
    brief = json.loads((in_order / "out" / f"{WEEK1}-analysts.json").read_text())
    assert brief["changes"]["since"] is None
    assert "Since the brief of" not in (in_order / "out" / f"{WEEK1}-analysts.md").read_text()


def test_no_summary_sentence_repeats_unmarked(in_order):
    for audience in ("analysts", "principals", "press", "sanctions_desk"):
        first = json.loads((in_order / "out" / f"{WEEK1}-{audience}.json").read_text())
        second = json.loads((in_order / "out" / f"{WEEK2}-{audience}.json").read_text())
        before = {e["text"] for t in first["themes"] for e in t["summary"]} | {
            e["text"] for e in first["bluf"]
        }
        marked = {c["id"] for c in second["changes"]["carried_over"]}
        for e in [e for t in second["themes"] for e in t["summary"]] + second["bluf"]:
            assert e["text"] not in before or e["id"] in marked, (audience, e["text"])
            assert e.get("carried_over") == (WEEK1 if e["id"] in marked else None)
        # The bottom line is never carried over: the same sources leave it shorter, not repeated.
        assert not {e["text"] for e in second["bluf"]} & before


def test_carried_over_sentences_are_marked_in_markdown(in_order):
    brief = json.loads((in_order / "out" / f"{WEEK2}-sanctions_desk.json").read_text())
    assert brief["changes"]["carried_over"], "the same seeds a week later leave the desk nothing new"
    md = (in_order / "out" / f"{WEEK2}-sanctions_desk.md").read_text()
    assert md.count("*Carried over from the brief of 13 December 2025:*") >= len(
        [
            e
            for t in brief["themes"]
            for e in t["summary"]
            if e["id"] in {c["id"] for c in brief["changes"]["carried_over"]}
        ]
    )


def test_out_of_order_builds_give_the_same_briefs(in_order, tmp_path):
    config = copy_project(tmp_path)
    assert _build(config, WEEK2) == 0  # the later week first: it knows nothing yet
    assert _build(config, WEEK1) == 0  # the earlier week never sees the later one
    assert _outputs(tmp_path / "out", WEEK1) == _outputs(in_order / "out", WEEK1)
    assert _build(config, WEEK2) == 0  # rebuilt: replaces its record, compares only with week 1
    assert _outputs(tmp_path / "out", WEEK2) == _outputs(in_order / "out", WEEK2)
    with sqlite3.connect(config.parent / ARCHIVE) as db:
        assert db.execute("SELECT COUNT(*) FROM briefs").fetchone()[0] == 8


def test_no_archive_gives_todays_brief_and_touches_no_archive(in_order, tmp_path):
    config = in_order / "configs" / "weekly.yaml"
    before = (in_order / "configs" / ARCHIVE).read_bytes()
    out = tmp_path / "plain"
    assert _build(config, WEEK2, "--no-archive", "--out", str(out)) == 0
    assert (in_order / "configs" / ARCHIVE).read_bytes() == before
    brief = json.loads((out / f"{WEEK2}-analysts.json").read_text())
    assert "changes" not in brief
    # Without history the week is composed as if it were the first: the same text as a first week.
    first = (in_order / "out" / f"{WEEK1}-analysts.md").read_text().replace(WEEK1, WEEK2)
    first = first.replace("13 December 2025", "20 December 2025")
    assert (out / f"{WEEK2}-analysts.md").read_text() == first


def test_archive_option_moves_it(in_order, tmp_path):
    moved = tmp_path / "elsewhere.sqlite"
    config = in_order / "configs" / "weekly.yaml"
    assert _build(config, WEEK1, "--archive", str(moved), "--out", str(tmp_path / "o")) == 0
    with sqlite3.connect(moved) as db:
        assert db.execute("SELECT as_of, COUNT(*) FROM briefs").fetchone() == (WEEK1, 4)


def test_failed_render_leaves_the_archive_untouched(tmp_path, capsys):
    config = copy_project(tmp_path)
    assert _build(config, WEEK1) == 0
    archive = config.parent / ARCHIVE
    before = archive.read_bytes()
    layout = tmp_path / "templates" / "press" / "brief.j2"
    layout.write_text(layout.read_text() + "\n{{ nonexistent.value }}\n")
    assert _build(config, WEEK2) == 4
    assert archive.read_bytes() == before
    assert not list((tmp_path / "out").glob(f"{WEEK2}-*"))


def _refused(config: Path, archive: Path, capsys) -> str:
    before = archive.read_bytes()
    capsys.readouterr()
    assert _build(config, WEEK1) == 2
    err = capsys.readouterr().err
    assert archive.read_bytes() == before, "a bad archive is never overwritten"
    assert "Traceback" not in err
    assert not (config.parent.parent / "out").exists()
    return err.splitlines()[0]


def test_text_file_posing_as_archive_is_refused(tmp_path, capsys):
    config = copy_project(tmp_path)
    archive = config.parent / ARCHIVE
    archive.write_text("these are my notes, not a database\n" * 20)
    line = _refused(config, archive, capsys)
    assert line.startswith(f"{archive}: not a briefgen archive or damaged")


def test_corrupt_archive_is_refused(tmp_path, capsys):
    config = copy_project(tmp_path)
    assert _build(config, WEEK1) == 0
    shutil.rmtree(tmp_path / "out")
    archive = config.parent / ARCHIVE
    data = bytearray(archive.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)  # the schema page, after the header
    archive.write_bytes(bytes(data))
    line = _refused(config, archive, capsys)
    assert line.startswith(f"{archive}: not a briefgen archive or damaged")


def test_archive_from_a_newer_briefgen_is_refused(tmp_path, capsys):
    config = copy_project(tmp_path)
    archive = config.parent / ARCHIVE
    with sqlite3.connect(archive) as db:
        db.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    line = _refused(config, archive, capsys)
    assert line == (
        f"{archive}: archive written by a newer briefgen (schema {store.SCHEMA_VERSION + 1}, this one reads "
        f"up to {store.SCHEMA_VERSION}); it was left untouched; upgrade briefgen or pass another --archive"
    )


def test_another_programs_sqlite_file_is_refused(tmp_path, capsys):
    config = copy_project(tmp_path)
    archive = config.parent / ARCHIVE
    with sqlite3.connect(archive) as db:
        db.execute("CREATE TABLE contacts (name TEXT)")
    line = _refused(config, archive, capsys)
    assert line.startswith(f"{archive}: an SQLite file that is not a briefgen archive")


def test_locked_archive_is_waited_on_then_reported(tmp_path, monkeypatch):
    archive = tmp_path / ARCHIVE
    with store.Store(archive, create=True):
        pass
    monkeypatch.setattr(store, "LOCK_WAIT", 0.2)
    holder = sqlite3.connect(archive, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(store.ArchiveBusy) as caught, store.Store(archive, create=True) as s:
            s.replace_weeks([store.WeekRecord(WEEK1, "analysts", (), (), (), ())])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert caught.value.problems == [
        f"{archive}: the archive is in use by another build (waited 0.2s); nothing was archived; "
        "run the build again when that one has finished"
    ]
    assert caught.value.status == 1


def test_two_builds_at_once_do_not_corrupt_the_archive(tmp_path):
    config = copy_project(tmp_path)
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "briefgen",
                "--quiet",
                "build",
                str(config),
                "--as-of",
                day,
                "--format",
                "json",
                "--no-cache",
                "--jobs",
                "1",
                "--out",
                str(tmp_path / day),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        for day in (WEEK1, WEEK2)
    ]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    with sqlite3.connect(config.parent / ARCHIVE) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        weeks = db.execute("SELECT as_of, COUNT(*) FROM briefs GROUP BY as_of ORDER BY as_of").fetchall()
    assert weeks == [(WEEK1, 4), (WEEK2, 4)]


def test_older_archive_is_migrated_forward(tmp_path, monkeypatch):
    archive = tmp_path / ARCHIVE
    with sqlite3.connect(archive) as db:
        db.execute("PRAGMA user_version = 0")  # an empty file: version 0, no tables
    with store.Store(archive, create=False) as s:
        assert s.list_weeks() == []
    with sqlite3.connect(archive) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION


def test_a_version_1_archive_keeps_its_weeks_and_gains_the_digest(tmp_path):
    config = copy_project(tmp_path)
    assert _build(config, WEEK1) == 0
    archive = config.parent / ARCHIVE
    with sqlite3.connect(archive) as db:  # as briefgen wrote it before records carried a digest
        db.execute("ALTER TABLE briefs DROP COLUMN digest")
        db.execute("PRAGMA user_version = 1")
    assert _build(config, WEEK1) == 0
    with sqlite3.connect(archive) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
        rows = db.execute("SELECT audience, digest FROM briefs WHERE as_of = ?", (WEEK1,)).fetchall()
    assert len(rows) == 4 and all(digest for _, digest in rows)


def test_a_rebuild_rewrites_only_the_briefs_that_changed(tmp_path):
    config = copy_project(tmp_path)
    archive = config.parent / ARCHIVE

    def rows() -> dict[str, tuple[int, int]]:
        with sqlite3.connect(archive) as db:
            return {
                a: (i, n)
                for a, i, n in db.execute(
                    "SELECT b.audience, b.id, COUNT(x.brief) FROM briefs b JOIN items x ON x.brief = b.id "
                    "GROUP BY b.id"
                )
            }

    assert _build(config, WEEK1) == 0
    first = rows()
    assert _build(config, WEEK1) == 0
    assert rows() == first  # nothing changed: no record rewritten
    (config.parent / "edits").mkdir()
    (config.parent / "edits" / f"{WEEK1}.yaml").write_text(
        "exclude:\n  - id: " + _first_cited(config, WEEK1, "press") + "\n    audiences: [press]\n"
    )
    assert _build(config, WEEK1) == 0
    again = rows()
    assert again["press"] != first["press"]
    assert {a: v for a, v in again.items() if a != "press"} == {
        a: v for a, v in first.items() if a != "press"
    }


def _first_cited(config: Path, as_of: str, audience: str) -> str:
    """Return the id of the first source an audience's built brief cites."""
    brief = json.loads((config.parent.parent / "out" / f"{as_of}-{audience}.json").read_text())
    return str(brief["sources"][0]["id"])


def test_archive_locked_after_writing_says_the_briefs_were_written(tmp_path, monkeypatch, capsys):
    import briefgen.archive

    def locked(path, *args):
        raise store.ArchiveBusy(
            f"{path}: the archive is in use by another build (waited 0.2s); nothing was archived"
        )

    config = copy_project(tmp_path)
    monkeypatch.setattr(briefgen.archive, "record", locked)
    capsys.readouterr()
    assert _build(config, WEEK1) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        f"{config.parent / ARCHIVE}: the archive is in use by another build (waited 0.2s); nothing was archived "
        "(the briefs above were written)"
    )
    assert len(_outputs(tmp_path / "out", WEEK1)) == 8


def test_check_runs_the_layouts_with_a_since_date_and_checks_the_archive(in_order, tmp_path, capsys):
    capsys.readouterr()
    assert main(["check", str(in_order / "configs" / "weekly.yaml")]) == 0
    out = capsys.readouterr().out
    assert f"{in_order / 'configs' / ARCHIVE}: archive ok: 8 brief(s) in 2 week(s)" in out
    config = copy_project(tmp_path)
    (config.parent / ARCHIVE).write_text("not a database at all, just some words\n" * 10)
    assert main(["check", str(config)]) == 2
    assert f"{config.parent / ARCHIVE}: not a briefgen archive or damaged" in capsys.readouterr().err


def test_timeline_does_not_repeat_events_of_recent_briefs(in_order):
    first = json.loads((in_order / "out" / f"{WEEK1}-analysts.json").read_text())
    second = json.loads((in_order / "out" / f"{WEEK2}-analysts.json").read_text())
    assert first["events"], "the seeds have dated events"
    assert not {e["id"] for e in second["events"]} & {e["id"] for e in first["events"]}
    md = (in_order / "out" / f"{WEEK2}-analysts.md").read_text()
    assert "No dated events in the week's sources beyond those of the brief of 13 December 2025." in md


def test_a_section_left_empty_by_earlier_briefs_says_so(in_order):
    second = json.loads((in_order / "out" / f"{WEEK2}-sanctions_desk.json").read_text())
    assert second["bluf"] == []  # the same seeds: the desk's bottom line was all given last week
    md = (in_order / "out" / f"{WEEK2}-sanctions_desk.md").read_text()
    section = md.split("## Bottom line for the desk", 1)[1].split("\n## ", 1)[0]
    assert section.strip() == "Nothing new since the brief of 13 December 2025; it still stands."


def test_archive_in_a_missing_folder_is_refused_before_building(tmp_path, capsys):
    config = copy_project(tmp_path)
    missing = tmp_path / "nowhere" / ARCHIVE
    capsys.readouterr()
    assert _build(config, WEEK1, "--archive", str(missing)) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{missing}: no folder {missing.parent} for the archive; create it or pass another --archive"
    )
    assert not (tmp_path / "out").exists()


def test_a_sentence_is_the_same_sentence_with_or_without_its_bracketed_insertions():
    from briefgen.archive import _sentence
    from briefgen.model import Cite, Para

    cite = (Cite("s", 1),)
    named = _sentence(Para("[Ingrid] Solberg closed the quay after the storm.", cite), WEEK1)
    bare = _sentence(Para("Solberg closed the quay after the storm.", cite), WEEK1)
    assert named.text_key == bare.text_key

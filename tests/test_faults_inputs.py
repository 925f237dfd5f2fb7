"""Odd inputs: impossible and unclosed front matter, and pypdf's own log lines, named by file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from factories import make_project

from briefgen.cli import main
from briefgen.ingest import read_file

ROOT = Path(__file__).resolve().parent.parent
BODY = "Minister Anna Kowalska said the talks would resume in March, according to officials.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return a project folder with an empty sources/ and a config building md and json."""
    return make_project(tmp_path, files={}, title="Inputs Weekly").parent


def test_an_impossible_front_matter_date_is_a_warning_with_file_and_line(project, capsys):
    memo = project / "sources" / "memo.md"
    memo.write_text("---\ntitle: A memo\ndate: 2025-02-30\n---\n" + BODY)
    assert main(["--quiet", "build", str(project / "weekly.yaml"), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {memo}:3: front matter: date '2025-02-30' is not a real day" in err
    assert "ignored" in err and "Traceback" not in err and "internal error" not in err
    (source,), _ = read_file(memo, 10_000)
    assert source.title == "A memo" and source.date is None


def test_a_real_front_matter_date_is_still_read(tmp_path):
    memo = tmp_path / "memo.md"
    memo.write_text("---\ndate: 2024-02-29\n---\n" + BODY)
    (source,), warnings = read_file(memo, 10_000)
    assert source.date == "2024-02-29" and warnings == []


def test_an_impossible_date_in_a_manifest_is_a_warning(tmp_path):
    (tmp_path / "memo.txt").write_text(BODY)
    manifest = tmp_path / "week.sources.yaml"
    manifest.write_text("sources:\n  - file: memo.txt\n    date: 2025-02-30\n")
    sources, warnings = read_file(manifest, 10_000)
    assert [s.date for s in sources] == [None]
    assert any("2025-02-30" in w and "ignored" in w for w in warnings), warnings


def test_front_matter_that_is_never_closed_is_a_warning(project, capsys):
    memo = project / "sources" / "memo.md"
    memo.write_text("---\ntitle: A memo\ndate: 2025-12-18\n" + BODY)
    assert main(["--quiet", "build", str(project / "weekly.yaml"), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {memo}:1: front matter: '---' is never closed; read as text" in err


def test_a_horizontal_rule_at_the_top_is_not_front_matter(tmp_path):
    memo = tmp_path / "memo.md"
    memo.write_text("---\n\n" + BODY)
    _, warnings = read_file(memo, 10_000)
    assert warnings == []


def damaged_pdf(path: Path) -> Path:
    """Write a PDF with a wrong startxref offset: pypdf repairs it, logging as it goes."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, BODY.strip())
    c.save()
    data = path.read_bytes()
    m = re.search(rb"startxref\s+(\d+)", data)
    assert m
    path.write_bytes(data[: m.start(1)] + str(int(m.group(1)) + 7).encode() + data[m.end(1) :])
    return path


def test_pypdf_log_lines_become_warnings_naming_the_file(project, capsys):
    pdf = damaged_pdf(project / "sources" / "report.pdf")
    assert main(["--quiet", "build", str(project / "weekly.yaml"), "--no-cache", "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {pdf}: PDF: pypdf repaired the file: incorrect startxref pointer" in err
    bare = [line for line in err.splitlines() if "startxref" in line and str(pdf) not in line]
    assert bare == []


def test_pypdf_lines_of_an_unreadable_pdf_join_its_one_skip_reason(project, capsys):
    (project / "sources" / "memo.txt").write_text(BODY)
    pdf = damaged_pdf(project / "sources" / "report.pdf")
    pdf.write_bytes(pdf.read_bytes().replace(b"%%EOF", b"     ")[:-200])
    assert main(["--quiet", "build", str(project / "weekly.yaml"), "--no-cache", "--jobs", "1"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    mentioning = [line for line in lines if "EOF" in line]
    assert mentioning and all(line.startswith(f"warning: {pdf}: not a readable PDF") for line in mentioning)

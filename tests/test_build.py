"""The whole build on the sample seeds: every audience and format, faithful content, atomic output."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from fixture_project import copy_project

from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
AUDIENCES = ("principals", "analysts", "press", "sanctions_desk")
FORMATS = ("docx", "pdf", "json", "md", "html")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """Return a copy of the fixture project (config, templates, seeds), built once."""
    root = tmp_path_factory.mktemp("project")
    assert main(["--quiet", "build", str(copy_project(root))]) == 0
    return root


def outputs(project: Path) -> dict[str, Path]:
    return {p.name: p for p in (project / "out").iterdir()}


def test_every_audience_in_every_format(project):
    names = set(outputs(project))
    assert names == {f"2025-12-20-{a}.{f}" for a in AUDIENCES for f in FORMATS}


@pytest.mark.parametrize("audience", AUDIENCES)
def test_json_is_faithful(project, audience):
    brief = json.loads((project / "out" / f"2025-12-20-{audience}.json").read_text())
    paras = {(s["id"], p["n"]): p["text"] for s in brief["sources"] for p in s["paragraphs"]}
    extracts = [e for t in brief["themes"] for e in t["summary"]] + brief["bluf"]
    assert extracts, "a brief with no summary sentences"
    for e in extracts:
        first = e["cites"][0]
        assert e["text"] in paras[(first["source"], first["paragraph"])]
    for q in brief["quotes"]:
        assert q["text"] in paras[(q["source"], q["paragraph"])]
        assert q["kind"] in ("statement", "phrase")
    for ev in brief["events"]:
        assert ev["text"] in paras[(ev["cites"][0]["source"], ev["cites"][0]["paragraph"])]
    cited = {c["source"] for e in extracts for c in e["cites"]} | {q["source"] for q in brief["quotes"]}
    assert cited <= {s["id"] for s in brief["sources"]}


def test_desk_brief_keeps_to_its_themes(project):
    brief = json.loads((project / "out" / "2025-12-20-sanctions_desk.json").read_text())
    assert [t["id"] for t in brief["themes"]] == ["western_outreach_sanctions", "economy_trade"]


def test_no_sentence_repeats_within_a_brief(project):
    brief = json.loads((project / "out" / "2025-12-20-analysts.json").read_text())
    texts = [e["text"] for t in brief["themes"] for e in t["summary"]] + [e["text"] for e in brief["bluf"]]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("audience", AUDIENCES)
def test_docx_reopens_with_heading_styles(project, audience):
    docx = pytest.importorskip("docx")
    doc = docx.Document(str(project / "out" / f"2025-12-20-{audience}.docx"))
    styles = {p.style.name for p in doc.paragraphs}
    assert "Title" in styles and "Heading 1" in styles


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_pdf_holds_the_quotes(project, audience):
    brief = json.loads((project / "out" / f"2025-12-20-{audience}.json").read_text())
    text = " ".join(_pdf_text(project / "out" / f"2025-12-20-{audience}.pdf").split())
    for q in brief["quotes"]:
        words = " ".join(q["text"].split())[:40]
        assert words.replace("\u2011", "-")[:25] in text.replace("\u2011", "-"), q["text"]


def test_principals_pdf_is_one_page(project):
    from pypdf import PdfReader

    assert len(PdfReader(str(project / "out" / "2025-12-20-principals.pdf")).pages) == 1


def test_rebuild_is_byte_identical(project, tmp_path):
    assert main(["--quiet", "build", str(project / "configs" / "weekly.yaml"), "--out", str(tmp_path)]) == 0
    for name, path in outputs(project).items():
        assert (tmp_path / name).read_bytes() == path.read_bytes(), name


def test_failed_build_writes_nothing_and_keeps_previous(project, tmp_path, capsys):
    out = tmp_path / "out"
    assert (
        main(
            [
                "--quiet",
                "build",
                str(project / "configs" / "weekly.yaml"),
                "--out",
                str(out),
                "--audience",
                "press",
                "--format",
                "md",
            ]
        )
        == 0
    )
    before = (out / "2025-12-20-press.md").read_bytes()
    broken = project / "templates" / "press" / "brief.j2"
    original = broken.read_text()
    try:
        broken.write_text(original + "\n{{ nonexistent.value }}\n")
        status = main(
            ["build", str(project / "configs" / "weekly.yaml"), "--out", str(out), "--format", "md"]
        )
    finally:
        broken.write_text(original)
    assert status == 4
    err = capsys.readouterr().err
    assert f"{broken}:" in err and "undefined variable" in err and "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["2025-12-20-press.md"]
    assert (out / "2025-12-20-press.md").read_bytes() == before


def test_audience_and_format_selection(project, tmp_path):
    assert (
        main(
            [
                "--quiet",
                "build",
                str(project / "configs" / "weekly.yaml"),
                "--out",
                str(tmp_path),
                "--audience",
                "press",
                "--format",
                "json,md",
                "--as-of",
                "2026-01-05",
            ]
        )
        == 0
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-01-05-press.json", "2026-01-05-press.md"]


def test_principals_docx_is_one_page_as_laid_out_by_libreoffice(project, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-writer-nogui); .ci/run installs it")
    docx = project / "out" / "2025-12-20-principals.docx"
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    from pypdf import PdfReader

    reader = PdfReader(str(tmp_path / "2025-12-20-principals.pdf"))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Page 1 of 1" in text and "UNCLASSIFIED" in text


def test_analysts_brief_shows_corroboration_timeline_entities_and_notes(project):
    brief = json.loads((project / "out" / "2025-12-20-analysts.json").read_text())
    extracts = [e for t in brief["themes"] for e in t["summary"]]
    assert any(len({c["source"] for c in e["cites"]}) > 1 for e in extracts)
    md = (project / "out" / "2025-12-20-analysts.md").read_text()
    assert "[2 sources]" in md
    for heading in ("## Timeline", "## Entity index", "## Source notes", "## Quotations"):
        assert heading in md
    assert brief["events"] and all(e["date"][:4].isdigit() for e in brief["events"])

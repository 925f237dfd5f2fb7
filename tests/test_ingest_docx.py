"""Reading Word sources: body order, tables, footnotes as notes, core properties, hostile packages."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from fixtures.ingest.make import SEEDS, corpus_article, make_docx, norm, quotes, seed_source, texts

from briefgen.errors import SourceError
from briefgen.ingest import read_file
from briefgen.ingest.docx import DocxReader

_FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>IMF, World Economic Outlook, October 2025.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def read(path: Path):
    (source,), warnings = DocxReader().read(path, path.read_bytes())
    return source, warnings


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_as_docx_gives_the_same_paragraphs_and_quotes(seed: Path, tmp_path: Path):
    ref = seed_source(seed)
    got, warnings = read(make_docx(tmp_path / "a.docx", [p.text for p in ref.paragraphs]))
    assert texts(got) == texts(ref)
    assert quotes(got) == quotes(ref)
    assert warnings == []  # a footnote-less document has no notes


def test_table_rows_follow_in_body_order_and_core_properties_give_title_and_authors(tmp_path: Path):
    path = make_docx(
        tmp_path / "a.docx",
        ["Trade figures for the year.", "They are set out below."],
        title="Trade memo",
        author="Ryhor Nizhnikau; Arkady Moshes",
        table=[["Year", "Trade"], ["2024", "$50bn"]],
    )
    got, _ = read(path)
    assert texts(got) == [
        "Trade figures for the year.",
        "They are set out below.",
        "Year | Trade",
        "2024 | $50bn",
    ]
    assert got.title == "Trade memo"
    assert got.authors == ("Ryhor Nizhnikau", "Arkady Moshes")


def test_footnotes_follow_the_body_as_numbered_notes(tmp_path: Path):
    plain = make_docx(tmp_path / "plain.docx", ["Growth slowed, the IMF said."]).read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("word/footnotes.xml", _FOOTNOTES)
    path = tmp_path / "notes.docx"
    path.write_bytes(buffer.getvalue())
    got, warnings = read(path)
    assert texts(got) == [
        "Growth slowed, the IMF said.",
        "Note 1: IMF, World Economic Outlook, October 2025.",
    ]
    assert warnings == [f"{path}: 1 footnote(s) kept as 'Note N:' paragraphs after the body"]


def test_non_zip_docx(tmp_path: Path):
    path = tmp_path / "fake.docx"
    path.write_text("just text pretending to be Word")
    with pytest.raises(SourceError) as err:
        read(path)
    assert err.value.problems == [f"{path}: not a Word (.docx) file"]


def test_zip_without_a_word_document(tmp_path: Path):
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(SourceError) as err:
        read(path)
    assert err.value.problems == [f"{path}: not a Word (.docx) file"]


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * 20_000_000 + b"/>")
    with pytest.raises(SourceError) as err:
        read(path)
    (problem,) = err.value.problems
    assert problem.startswith(f"{path}: .docx member word/document.xml inflates ")
    assert problem.endswith("x (zip bomb?); skipped")


def test_docx_through_the_registry(tmp_path: Path):
    path = make_docx(tmp_path / "memo.docx", ["A memo paragraph."])
    (source,), _ = read_file(path, 10_000_000)
    assert source.reader == "docx" and source.id == "memo"


def test_corpus_article_through_docx(tmp_path: Path):
    paras = corpus_article("tech", "003")
    if paras is None:
        pytest.skip("BBC News Summary corpus not found under shared/corpora/bbc-news-summary; skipped")
    got, _ = read(make_docx(tmp_path / "bbc.docx", paras))
    assert texts(got) == [norm(p) for p in paras]

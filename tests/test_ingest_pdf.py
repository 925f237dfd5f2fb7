"""Reading PDF sources: paragraphs and quotes match the text seeds; furniture, hyphens and hostile files."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from fixtures.ingest.make import SEEDS, corpus_article, make_pdf, norm, quotes, seed_source, texts
from reportlab.lib.pagesizes import A4, A5
from reportlab.pdfgen import canvas

from briefgen.errors import SourceError
from briefgen.ingest import read_file
from briefgen.ingest.pdf import PdfReader


def read(path: Path):
    (source,), warnings = PdfReader().read(path, path.read_bytes())
    return source, warnings


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_as_pdf_gives_the_same_paragraphs_and_quotes(seed: Path, tmp_path: Path):
    ref = seed_source(seed)
    pdf = make_pdf(tmp_path / "a.pdf", [p.text for p in ref.paragraphs])
    got, warnings = read(pdf)
    assert pypdf.PdfReader(pdf).get_num_pages() > 1  # the header and page numbers repeat
    assert texts(got) == texts(ref)
    assert quotes(got) == quotes(ref)
    assert got.reader == "pdf" and warnings == []


def test_running_header_and_page_numbers_are_removed(tmp_path: Path):
    paras = [
        f"Paragraph {i} says something about trade. "
        + " ".join(f"Clause {i}.{j} adds a further point on sanctions policy." for j in range(i % 7))
        for i in range(80)
    ]
    got, _ = read(make_pdf(tmp_path / "a.pdf", paras, header="Eurasia Review | Weekly"))
    joined = " ".join(p.text for p in got.paragraphs)
    assert "Eurasia Review" not in joined and "Page 2" not in joined
    # Every word survives in order; only a paragraph ending exactly at a page foot may be ambiguous.
    assert joined == " ".join(p.strip() for p in paras)
    assert abs(len(got.paragraphs) - len(paras)) <= 3


def test_title_and_authors_come_from_the_document_info(tmp_path: Path):
    pdf = make_pdf(
        tmp_path / "a.pdf",
        ["Body text of the memo goes here."],
        title="A Deal",
        author="Ryhor Nizhnikau and Arkady Moshes",
    )
    got, _ = read(pdf)
    assert got.title == "A Deal"
    assert got.authors == ("Ryhor Nizhnikau", "Arkady Moshes")


def _lines_pdf(path: Path, pages: list[list[tuple[float, float, str]]], size: float = 10) -> Path:
    """Write lines at exact positions (x, y from the top) to test the layout rules directly."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for lines in pages:
        c.setFont("Helvetica", size)
        for x, y, text in lines:
            c.drawString(x, A4[1] - y, text)
        c.showPage()
    c.save()
    return path


def test_indent_and_short_last_line_break_paragraphs_without_vertical_gaps(tmp_path: Path):
    lines = [
        (90, 100, "This first paragraph starts with an indented line and runs on"),
        (72, 112, "across a second line that is as long as the others in the block."),
        (72, 124, "It ends here."),
        (72, 136, "The second paragraph has no indent but follows a short line and it"),
        (72, 148, "runs on over two lines of the same measure as the first paragraph."),
        (90, 160, "The third paragraph is indented again, which starts it anew here."),
    ]
    got, _ = read(_lines_pdf(tmp_path / "a.pdf", [lines]))
    assert [p.text for p in got.paragraphs] == [
        "This first paragraph starts with an indented line and runs on across a second line that is as "
        "long as the others in the block. It ends here.",
        "The second paragraph has no indent but follows a short line and it runs on over two lines of the "
        "same measure as the first paragraph.",
        "The third paragraph is indented again, which starts it anew here.",
    ]


def test_line_end_hyphens_are_repaired_only_for_split_words(tmp_path: Path):
    lines = [
        (72, 100, "The inter-"),
        (72, 112, "national community held a long-"),
        (72, 124, "standing view of the anti-"),
        (72, 136, "American bloc, a long-standing and self-"),
        (72, 148, "serving view of non-"),
        (72, 160, "state actors and of govern-"),
        (72, 172, "ments in the region, said the government."),
    ]
    got, _ = read(_lines_pdf(tmp_path / "a.pdf", [lines]))
    assert got.paragraphs[0].text == (
        "The international community held a long-standing view of the anti-American bloc, a long-standing "
        "and self-serving view of non-state actors and of governments in the region, said the government."
    )


def test_a_sentence_running_over_a_page_break_stays_one_paragraph(tmp_path: Path):
    page1 = [(72, 100 + 12 * i, f"Line {i} of a long paragraph that keeps going on and on") for i in range(5)]
    page2 = [(72, 100, "and ends on the next page with a full stop."), (72, 130, "A new paragraph.")]
    got, _ = read(_lines_pdf(tmp_path / "a.pdf", [page1, page2]))
    assert got.paragraphs[0].text.endswith(
        "keeps going on and on and ends on the next page with a full stop."
    )
    assert got.paragraphs[-1].text == "A new paragraph."


# --- hostile files: one clear line naming the file ---


def test_encrypted_pdf(tmp_path: Path):
    src = make_pdf(tmp_path / "plain.pdf", ["Secret text of the memo."])
    writer = pypdf.PdfWriter(clone_from=str(src))
    writer.encrypt(user_password="pw", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(SourceError) as err:
        read(path)
    assert err.value.problems == [f"{path}: PDF is encrypted; save an unencrypted copy"]


def test_owner_password_only_pdf_is_read(tmp_path: Path):
    src = make_pdf(tmp_path / "plain.pdf", ["Readable text of the memo."], header="")
    writer = pypdf.PdfWriter(clone_from=str(src))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "restricted.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    got, _ = read(path)
    assert texts(got) == ["Readable text of the memo."]


def test_image_only_pdf(tmp_path: Path):
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(72, 72, 300, 500, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(SourceError) as err:
        read(path)
    assert err.value.problems == [f"{path}: PDF has no text layer (scanned?); run OCR first"]


def test_truncated_pdf(tmp_path: Path):
    data = make_pdf(tmp_path / "a.pdf", ["Some text."] * 50).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceError) as err:
        read(path)
    (problem,) = err.value.problems
    assert problem.startswith(f"{path}: not a readable PDF (")


def test_empty_pdf(tmp_path: Path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(SourceError) as err:
        read(path)
    assert err.value.problems == [f"{path}: empty file; skipped"]


def test_garbage_after_pdf_magic(tmp_path: Path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    with pytest.raises(SourceError) as err:
        read(path)
    assert err.value.problems[0].startswith(f"{path}: ")


def test_registry_sniffs_a_pdf_with_the_wrong_extension(tmp_path: Path):
    path = make_pdf(tmp_path / "memo.bin", ["Text in a misnamed file."])
    (source,), _ = read_file(path, 10_000_000)
    assert source.reader == "pdf" and source.id == "memo"


def test_corpus_article_through_pdf(tmp_path: Path):
    paras = corpus_article("politics", "001")
    if paras is None:
        pytest.skip("BBC News Summary corpus not found under shared/corpora/bbc-news-summary; skipped")
    # A small page, so the article runs over several pages with a header and page numbers on each.
    pdf = make_pdf(tmp_path / "bbc.pdf", paras, pagesize=A5, header="BBC News | Politics")
    assert len(pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages) >= 2
    got, _ = read(pdf)
    assert texts(got) == [norm(p) for p in paras]

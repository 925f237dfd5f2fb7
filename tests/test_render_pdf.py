"""Tests for the PDF renderer: reopen what we wrote with pypdf and poppler-utils."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from sample_brief import CYRILLIC, HOSTILE, sample_brief

from briefgen.model import Brief, Cite, Para, Section, Source
from briefgen.render import RenderOptions
from briefgen.render.pdf import PdfRenderer, build_pdf, clean, esc


def _render(brief: Brief) -> bytes:
    return PdfRenderer().render(brief, RenderOptions())


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return _render(sample_brief())


def _text(pdf: bytes) -> str:
    """Return the PDF's text with whitespace collapsed (line wraps become single spaces)."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _poppler(tool: str, args: list[str]) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_sanitiser_strips_control_characters_and_escapes_markup() -> None:
    assert clean("a\x00b\x0bc\x1bd\ufffee\tf\ng") == "abcde f g"
    assert esc('<img src="x.png"/> & {{ x }}') == '&lt;img src="x.png"/&gt; &amp; {{ x }}'


def test_quotes_and_hostile_markup_come_out_literally(pdf: bytes) -> None:
    text = _text(pdf)
    assert _one_line(HOSTILE) in text
    assert "\u201cWe have to move, we have to trade,\u201d" in text
    assert "\u2014 Alexander Lukashenko" in text
    assert "\u201cbegging\u201d" in text


def test_cyrillic_and_polish_round_trip(pdf: bytes) -> None:
    text = _text(pdf)
    assert CYRILLIC in text
    assert "\u25a0" not in text


def test_pdftotext_extracts_scripts_unchanged(pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    text = _poppler("pdftotext", [str(path), "-"])
    for word in ("Лукашенко", "Łukaszenka", "Gdańsk", "Tsikhanouskaya", "<b>bold</b>", "AT&T", "{% raw %}"):
        assert word in text
    assert "\u25a0" not in text


def test_fonts_are_dejavu_and_embedded(pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    rows = _poppler("pdffonts", [str(path)]).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert "DejaVuSans" in row
        assert re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", row), row  # emb and sub columns


def test_outline_lists_title_sections_and_notes(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))

    def titles(items: list[object]) -> list[str]:
        out: list[str] = []
        for item in items:
            out.extend(titles(item) if isinstance(item, list) else [item.title])  # type: ignore[attr-defined]
        return out

    brief = sample_brief()
    assert titles(reader.outline) == [brief.title, *(s.title for s in brief.sections), "Notes"]


def test_metadata(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Belarus Weekly \u2014 Лукашенко"
    assert meta.author == "Eastern Europe Desk"
    assert meta.subject == "Analysts"
    assert "economy_trade" in str(meta.get("/Keywords"))
    assert str(meta.get("/CreationDate")).startswith("D:20251220")
    assert reader.trailer["/Root"].get("/Lang") == "en"


def test_every_page_has_header_marking_and_page_of_total(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    total = len(reader.pages)
    assert total >= 2
    for n, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        assert f"Page {n} of {total}" in text
        assert text.count("UNCLASSIFIED // FOR OFFICIAL USE") == 2  # header and footer
        assert "Belarus Weekly" in text


def test_citation_markers_link_to_notes_and_urls_are_clickable(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    internal, uris = 0, []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            action = a.get("/A")
            if a.get("/Dest") is not None or (action is not None and action.get("/S") == "/GoTo"):
                internal += 1
            elif action is not None and action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
    assert internal >= len(sample_brief().cites())
    assert "https://example.org/memo?a=1&b=2" in uris
    # The notes give each number's citation text.
    assert "1. Ryhor Nizhnikau and Arkady Moshes, \u201cA Deal with the Devil\u201d" in _text(pdf)


def test_rebuild_is_byte_identical(pdf: bytes) -> None:
    assert _render(sample_brief()) == pdf


def test_one_page_brief_fits_one_page() -> None:
    # Every block type, figures included: shrunk one step at most, then its lowest-ranked items dropped.
    from briefgen.fit import fit_one_page

    fitted, dropped = fit_one_page(sample_brief(one_page=True))
    assert dropped and dropped[0].startswith("chart ")
    reader = PdfReader(io.BytesIO(_render(fitted)))
    assert len(reader.pages) == 1
    assert "Page 1 of 1" in (reader.pages[0].extract_text() or "")


def test_one_page_layout_is_tighter_than_normal() -> None:
    brief = dataclasses.replace(sample_brief(), sections=sample_brief().sections[:6])
    _, normal = build_pdf(brief)
    _, compact = build_pdf(dataclasses.replace(brief, one_page=True))
    assert compact < normal


def _brief_with(paras: tuple[Para, ...], source: Source | None = None) -> Brief:
    base = sample_brief()
    sources = (source,) if source else base.sources
    return dataclasses.replace(base, sections=(Section("Body", 1, paras),), sources=sources)


def test_control_characters_and_injected_images_do_not_break_or_leak() -> None:
    pdf = _render(
        _brief_with((Para('Bad\x00chars\x0b here <img src="/etc/passwd"/> <font name="Nope">x</font>'),))
    )
    text = _text(pdf)
    assert 'Badchars here <img src="/etc/passwd"/> <font name="Nope">x</font>' in text
    assert "\u25a0" not in text


def test_very_long_paragraph_and_unbroken_text_keep_every_character() -> None:
    long_para = " ".join(f"word{i}" for i in range(6000))
    unbroken = "x" * 5000
    pdf = _render(_brief_with((Para(long_para, (Cite("memo", 1),)), Para(unbroken))))
    text = _text(pdf)
    assert "word0 " in text and "word5999" in text
    assert "".join(text.split()).count("x" * 100) >= 49  # wrapped, not lost off the page


def test_unsafe_urls_are_not_links() -> None:
    source = Source(id="memo", path="m.txt", paragraphs=(), title="T", url="javascript:alert(1)")
    pdf = _render(_brief_with((Para("A sentence.", (Cite("memo", 1),)),), source))
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            assert action is None or action.get("/S") != "/URI"
    assert "javascript:alert(1)" in _text(pdf)


def test_page_renders_to_image(pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    _poppler("pdftoppm", ["-r", "40", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")])
    assert list(tmp_path.glob("p*.png"))


# --- shortcuts past reportlab's pure-Python paths must give reportlab's own results ---------------------


def test_escape_pdf_matches_reportlab() -> None:
    from reportlab.lib.rl_accel import _py_escapePDF

    from briefgen.render.pdf_page import escape_pdf

    every_byte = bytes(range(256))
    assert escape_pdf(every_byte) == _py_escapePDF(every_byte)
    assert escape_pdf(b"(a\\b) \x00\xff") == _py_escapePDF(b"(a\\b) \x00\xff")


def test_font_split_string_matches_reportlab() -> None:
    import random

    from reportlab.pdfbase.ttfonts import TTFont

    from briefgen.render.pdf_styles import FAMILY, _MeasuredFont, font_path

    plain, ours = TTFont("Plain", str(font_path(FAMILY))), _MeasuredFont("Ours", str(font_path(FAMILY)))
    doc_a, doc_b = type("Doc", (), {})(), type("Doc", (), {})()
    # ASCII, nbsp, Latin, Cyrillic and Greek: more than one 256-code subset, and a character not in the font.
    alphabet = [chr(c) for c in [*range(32, 127), *range(0xA0, 0x250), *range(0x400, 0x460), 0x3B1, 0x10FFFD]]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet[:95] if rng.random() < 0.7 else alphabet) for _ in range(20))
        assert ours.splitString(text, doc_b) == plain.splitString(text, doc_a)
    assert ours.splitString("", doc_b) == plain.splitString("", doc_a) == []
    a, b = plain.state[doc_a], ours.state[doc_b]
    assert (a.assignments, a.subsets, a.nextCode) == (b.assignments, b.subsets, b.nextCode)
    assert len(a.subsets) > 1
    assert ours.stringWidth("Week in review", 9.5) == plain.stringWidth("Week in review", 9.5)


def test_plain_paragraph_fragments_match_the_markup_parser() -> None:
    from reportlab.platypus import Paragraph

    from briefgen.render.pdf import CachedParagraph
    from briefgen.render.pdf_styles import make_styles

    styles = make_styles(one_page=False)
    for text in ("Plain  text,\u00a0spaced  out ", "x", "Mińsk \u2014 \u201cquoted\u201d"):
        for style in (styles.body, styles.cell_head, styles.quote):
            ours, theirs = CachedParagraph(text, style), Paragraph(text, style)
            assert ours.text == theirs.text
            assert [vars(f) for f in ours.frags] == [vars(f) for f in theirs.frags]
    marked = CachedParagraph("a &amp; <b>b</b>", styles.body)  # markup still goes to the parser
    assert [vars(f) for f in marked.frags] == [
        vars(f) for f in Paragraph("a &amp; <b>b</b>", styles.body).frags
    ]


def test_cached_paragraph_wraps_as_reportlab() -> None:
    from reportlab.platypus import Paragraph

    from briefgen.render.pdf import CachedParagraph
    from briefgen.render.pdf_styles import make_styles

    style = make_styles(one_page=False).body
    text = "A fairly long paragraph that wraps over several lines at this width. " * 8
    ours, theirs = CachedParagraph(text, style), Paragraph(text, style)
    for width in (300, 300, 120, 300):
        assert ours.wrap(width, 50) == theirs.wrap(width, 50)
        assert ours.blPara.lines == theirs.blPara.lines
    pieces, expected = ours.split(300, 40), theirs.split(300, 40)
    assert [p.wrap(300, 50) for p in pieces] == [p.wrap(300, 50) for p in expected]
    assert [p.blPara.lines for p in pieces] == [p.blPara.lines for p in expected]

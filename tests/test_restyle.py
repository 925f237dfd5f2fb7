"""One place restyles every format: the audience's reference.docx changes the PDF and HTML too."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Pt, RGBColor
from fixture_project import copy_project
from pypdf import PdfReader

from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATE = "2025-12-20"
SERIF = Path("/usr/share/fonts/truetype/dejavu")


def _restyled_press(root: Path, font: str | None = None) -> Path:
    """Return the config of a sample project whose press template restyles Heading 1 in Word."""
    copy_project(root)
    ref = docx.Document(str(root / "templates" / "default" / "reference.docx"))
    h1 = ref.styles["Heading 1"]
    h1.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    h1.font.size = Pt(17)
    if font:
        h1.font.name = font
    ref.save(str(root / "templates" / "press" / "reference.docx"))
    return root / "configs" / "weekly.yaml"


def _pdf_content(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.get_contents().get_data().decode("latin-1") for page in reader.pages)


def test_heading_1_restyled_in_word_changes_pdf_and_html(tmp_path):
    config = _restyled_press(tmp_path)
    (tmp_path / "templates" / "press" / "style.css").write_text("h2 { letter-spacing: 1px !important; }\n")
    assert (
        main(["--quiet", "build", str(config), "--no-cache", "--audience", "press", "--audience", "analysts"])
        == 0
    )
    out = tmp_path / "out"
    html = (out / f"{DATE}-press.html").read_text()
    assert "color:#c00000;" in html and "font-size:22.7px;" in html
    assert "<style>\nh2 { letter-spacing: 1px !important; }\n\n</style></head>" in html
    assert "#c00000" not in (out / f"{DATE}-analysts.html").read_text()  # only the press template changed
    red = ".752941 0 0 rg"  # reportlab's fill colour for #c00000
    assert red in _pdf_content(out / f"{DATE}-press.pdf")
    assert red not in _pdf_content(out / f"{DATE}-analysts.pdf")
    word = docx.Document(str(out / f"{DATE}-press.docx"))
    assert word.styles["Heading 1"].font.color.rgb == RGBColor(0xC0, 0x00, 0x00)


@pytest.mark.skipif(
    not (SERIF / "DejaVuSerif.ttf").is_file(), reason="Debian's fonts-dejavu has no DejaVu Serif here"
)
def test_a_font_in_the_template_folder_is_embedded_in_the_pdf(tmp_path):
    config = _restyled_press(tmp_path, font="DejaVu Serif")
    for name in ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"):
        shutil.copy(SERIF / name, tmp_path / "templates" / "press" / name)
    assert main(["--quiet", "build", str(config), "--no-cache", "--audience", "press"]) == 0
    pdf = tmp_path / "out" / f"{DATE}-press.pdf"
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert (
            "DejaVuSerif-Bold" in fonts and " yes " in fonts.split("DejaVuSerif-Bold", 1)[1].splitlines()[0]
        )
    embedded = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(pdf).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("DejaVuSerif-Bold" in name for name in embedded)
    assert "font-family:'DejaVu Serif',serif;" in (tmp_path / "out" / f"{DATE}-press.html").read_text()


def test_the_header_logo_of_reference_docx_is_in_every_format(tmp_path):
    import io

    from PIL import Image

    config = _restyled_press(tmp_path)
    png = io.BytesIO()
    Image.new("RGB", (120, 40), (200, 30, 30)).save(png, format="PNG")
    ref_path = tmp_path / "templates" / "press" / "reference.docx"
    ref = docx.Document(str(ref_path))
    ref.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(png.getvalue()), height=Pt(14))
    ref.save(str(ref_path))
    assert main(["--quiet", "build", str(config), "--no-cache", "--audience", "press"]) == 0
    out = tmp_path / "out"
    html = (out / f"{DATE}-press.html").read_text()
    assert html.index('<img src="data:image/png;base64,') < html.index("<h1 ")
    pages = PdfReader(out / f"{DATE}-press.pdf").pages
    assert all(page.images for page in pages)  # the logo on every page's header
    word = docx.Document(str(out / f"{DATE}-press.docx"))
    assert any(rel.reltype.endswith("/image") for rel in word.sections[0].header.part.rels.values())

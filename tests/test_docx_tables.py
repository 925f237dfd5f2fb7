"""Word tables lay out the same in Word and LibreOffice: the grid, the table width and the cells agree."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn
from fixture_project import TEMPLATES
from sample_brief import sample_brief

from briefgen.render import RenderOptions
from briefgen.render.docx import DocxRenderer

ROOT = Path(__file__).resolve().parent.parent


def test_every_table_grid_matches_its_cells_and_is_fixed():
    options = RenderOptions(default_template_dir=TEMPLATES / "default")
    doc = docx.Document(io.BytesIO(DocxRenderer().render(sample_brief(), options)))
    assert doc.tables
    for table in doc.tables:
        tbl = table._tbl
        grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
        first_row = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in tbl.tr_lst[0].tc_lst]
        assert grid == first_row  # LibreOffice lays out by the grid, Word by the cells
        width = tbl.tblPr.find(qn("w:tblW"))
        assert (width.get(qn("w:type")), int(width.get(qn("w:w")))) == ("dxa", sum(grid))
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    timeline = next(t for t in doc.tables if t.rows[0].cells[0].text == "Date")
    date, event = (int(c.get(qn("w:w"))) for c in timeline._tbl.tblGrid.findall(qn("w:gridCol")))
    assert event > 3 * date  # the event, not its date, takes the page


def test_a_quotes_context_line_is_quieter_than_the_quote():
    options = RenderOptions(default_template_dir=TEMPLATES / "default")
    doc = docx.Document(io.BytesIO(DocxRenderer().render(sample_brief(), options)))
    context = [p for p in doc.paragraphs if p.style.name == "Quote Context"]
    assert context
    assert (
        context[0].style.font.size.pt < (doc.styles["Quote"].font.size or doc.styles["Normal"].font.size).pt
    )

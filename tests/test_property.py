"""Property: any Unicode text, control and markup characters included, goes through the whole build."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from fixture_project import TEMPLATES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
MARKUP = [
    "<b>",
    "</b>",
    "&amp;",
    "&",
    "<script>",
    "{{ x }}",
    "{% raw %}",
    "\u201c",
    "\u201d",
    '"',
    "'",
    "\x00",
    "\x0b",
    "\x1b",
    "\ufffe",
    "\u2028",
    "\n",
    "\n\n",
    "---\n",
    "# ",
    "*",
    "[x](#)",
    "Лукашенко",
]
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=40), st.sampled_from(MARKUP)), min_size=1, max_size=30)
CONFIG = f"""title: "Property <b>&"
as_of: "2025-12-20"
sources: [sources/*]
templates: {TEMPLATES}
themes:
  any: {{title: Anything, keywords: [the, a, and]}}
audiences:
  analysts: {{template: analysts, formats: [docx, pdf, json, md, html]}}
"""


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=TEXT)
def test_any_text_builds_and_every_output_reopens(tmp_path_factory, pieces):
    root = tmp_path_factory.mktemp("prop")
    (root / "sources").mkdir()
    text = "".join(pieces)
    (root / "sources" / "doc.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
    (root / "sources" / "plain.txt").write_text("The minister said the talks would resume.\n")
    (root / "weekly.yaml").write_text(CONFIG)
    out = root / "out"
    status = main(
        ["--quiet", "build", str(root / "weekly.yaml"), "--out", str(out), "--jobs", "1", "--no-cache"]
    )
    assert status == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"2025-12-20-analysts.{ext}" for ext in ("docx", "html", "json", "md", "pdf")]
    brief = json.loads((out / "2025-12-20-analysts.json").read_text())
    for source in brief["sources"]:
        for para in source["paragraphs"]:
            assert not any(ord(c) < 32 and c not in "\t" for c in para["text"])
    document = docx.Document(str(out / "2025-12-20-analysts.docx"))
    assert document.paragraphs[0].text == "Property <b>&"
    reader = PdfReader(str(out / "2025-12-20-analysts.pdf"))
    assert "Property <b>&" in reader.pages[0].extract_text()

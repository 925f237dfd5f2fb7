"""The editor's edits file: validated with positions, applied by every build, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from fixture_project import FIXTURE_PROJECT, copy_project
from pypdf import PdfReader

from briefgen.cli import main
from briefgen.config import load_config
from briefgen.edits import parse_edits
from briefgen.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
DATE = "2025-12-20"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    """Return the config of a built copy of the sample project and its analysts' JSON, before edits."""
    config = copy_project(tmp_path_factory.mktemp("edits"))
    assert main(["--quiet", "build", str(config), "--no-cache"]) == 0
    return config, json.loads((config.parent.parent / "out" / f"{DATE}-analysts.json").read_text())


def _write_edits(config: Path, text: str) -> Path:
    path = config.parent / "edits" / f"{DATE}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    return path


def _pdf_text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


def test_edits_survive_a_rebuild_in_every_format(built, tmp_path):
    config, before = built
    out = config.parent.parent / "out"
    economy = next(t for t in before["themes"] if t["id"] == "economy_trade")
    dropped = economy["summary"][0]
    quote = before["quotes"][0]
    _write_edits(
        config,
        f"""exclude:
  - id: {dropped["id"]}
speakers:
  - {{id: {quote["id"]}, speaker: "Ann Example", role: "Test role"}}
comments:
  - {{theme: economy_trade, text: "Watch the potash price in January."}}
judgements:
  - text: "Our own judgement, not a source's."
notes:
  - text: "Draft for the desk."
""",
    )
    assert main(["--quiet", "build", str(config), "--no-cache", "--strict"]) == 0
    after = json.loads((out / f"{DATE}-analysts.json").read_text())
    shown = {e["id"] for t in after["themes"] for e in t["summary"]} | {e["id"] for e in after["bluf"]}
    assert dropped["id"] not in shown
    fixed = next(q for q in after["quotes"] if q["id"] == quote["id"])
    assert (fixed["speaker"], fixed["speaker_role"]) == ("Ann Example", "Test role")
    notes = [n["text"] for n in after["analyst_notes"]]
    assert notes[0] == "Draft for the desk."
    assert "Watch the potash price in January." in notes
    principals = json.loads((out / f"{DATE}-principals.json").read_text())
    assert "Our own judgement, not a source's." in [n["text"] for n in principals["analyst_notes"]]

    docx = Document(out / f"{DATE}-analysts.docx")
    labelled = [p for p in docx.paragraphs if p.text.startswith("Analyst's note: ")]
    assert any("Watch the potash price" in p.text for p in labelled)
    assert all(p.runs[0].bold and p.runs[1].italic for p in labelled)
    assert dropped["text"][:60] not in " ".join(p.text for p in docx.paragraphs)
    assert "Analyst's note: Watch the potash price" in " ".join(
        _pdf_text(out / f"{DATE}-analysts.pdf").split()
    )
    html = (out / f"{DATE}-analysts.html").read_text()
    assert '<span class="analyst"><strong>Analyst&#x27;s note:</strong> <em>Draft for the desk.</em>' in html
    assert (
        "**Analyst's note:** *Watch the potash price in January.*"
        in (out / f"{DATE}-analysts.md").read_text()
    )

    first = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert main(["--quiet", "build", str(config), "--no-cache"]) == 0
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == first


def test_a_pinned_sentence_leads_its_theme(built, tmp_path):
    config, before = built
    config = copy_project(tmp_path)
    # A sentence no theme chose: the last sentence of the economy theme's candidates is pinned first.
    security = next(t for t in before["themes"] if t["id"] == "military_security")
    target = security["summary"][-1]
    _write_edits(config, f"pin:\n  - {{id: {target['id']}, theme: economy_trade, position: 1}}\n")
    assert main(["--quiet", "build", str(config), "--no-cache", "--format", "json"]) == 0
    after = json.loads((tmp_path / "out" / f"{DATE}-analysts.json").read_text())
    economy = next(t for t in after["themes"] if t["id"] == "economy_trade")
    assert economy["summary"][0]["id"] == target["id"]


def test_an_edit_whose_target_is_gone_warns_and_strict_fails(tmp_path, capsys):
    config = copy_project(tmp_path)
    _write_edits(config, "exclude:\n  - id: s-000000000000\n")
    assert main(["--quiet", "build", str(config), "--no-cache", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert f"edits/{DATE}.yaml:2: exclude s-000000000000: no sentence with this id" in err
    assert main(["--quiet", "build", str(config), "--no-cache", "--format", "json", "--strict"]) == 1


def test_edits_that_empty_a_brief_are_refused(tmp_path, capsys):
    config = copy_project(tmp_path)
    ids = [p.stem for p in (tmp_path / "seeds").iterdir()]
    _write_edits(config, "exclude:\n" + "".join(f"  - id: {i}\n" for i in ids))
    assert main(["--quiet", "build", str(config), "--no-cache", "--format", "json"]) == 2
    assert "leave nothing of the week's reading" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_every_problem_of_an_edits_file_at_once_with_positions():
    config = load_config(FIXTURE_PROJECT / "configs" / "weekly.yaml")
    text = """bluf:
  - id: q-0123456789ab
pin:
  - {id: s-0123456789ab, theme: economy_trad}
speakers:
  - {id: q-0123456789ab, speeker: Ann}
notes:
  - text: fine
    audiences: [principal]
comment:
  - text: a typo in the section name
"""
    with pytest.raises(ConfigError) as err:
        parse_edits(text, Path("edits/x.yaml"), config)
    themes = ", ".join(t.id for t in config.themes)
    audiences = ", ".join(a.id for a in config.audiences)
    assert err.value.problems == [
        "edits/x.yaml:2:9: bluf[0].id: 'q-0123456789ab' is not a sentence id (s-…); "
        "copy the id from the brief's JSON or the review page",
        "edits/x.yaml:4:33: pin[0].theme: unknown theme 'economy_trad'; did you mean 'economy_trade'? "
        f"known: {themes}",
        "edits/x.yaml:6:26: speakers[0]: unknown key 'speeker'; did you mean 'speaker'? "
        "allowed: id, speaker, role, audiences, why",
        "edits/x.yaml:9:16: notes[0].audiences: unknown audience 'principal'; did you mean 'principals'? "
        f"known: {audiences}",
        "edits/x.yaml:10:1: unknown section 'comment'; did you mean 'comments'? "
        "allowed: exclude, pin, bluf, speakers, comments, judgements, notes",
    ]


def test_a_malformed_edits_file_is_a_config_error_naming_it(tmp_path, capsys):
    config = copy_project(tmp_path)
    _write_edits(config, "exclude:\n  - id: [unclosed\n")
    assert main(["--quiet", "build", str(config), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert f"edits/{DATE}.yaml:3:1: YAML syntax error" in err
    assert not (tmp_path / "out").exists()

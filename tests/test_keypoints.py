"""Does the analysts' brief carry the points an analyst would pick? Checked on invented sources."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from briefgen.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "keypoints"


def test_analysts_brief_cites_a_paragraph_for_every_key_point(tmp_path):
    assert main(["--quiet", "build", str(FIXTURE / "config.yaml"), "--out", str(tmp_path), "--no-cache"]) == 0
    brief = json.loads((tmp_path / "2025-06-20-analysts.json").read_text())
    extracts = [e for t in brief["themes"] for e in t["summary"]] + brief["bluf"]
    cited = {(c["source"], c["paragraph"]) for e in extracts for c in e["cites"]}
    points = yaml.safe_load((FIXTURE / "keypoints.yaml").read_text())
    missed = [p["point"] for p in points if not cited & {tuple(x) for x in p["paragraphs"]}]
    assert not missed, f"key points with no supporting paragraph cited: {missed}"


def test_quotes_of_the_fixture_have_their_speakers(tmp_path):
    assert main(["--quiet", "build", str(FIXTURE / "config.yaml"), "--out", str(tmp_path), "--no-cache"]) == 0
    brief = json.loads((tmp_path / "2025-06-20-analysts.json").read_text())
    speakers = {q["text"].split()[0]: q["speaker"] for q in brief["quotes"] if q["kind"] == "statement"}
    assert speakers == {"This": "Adela Ruiz", "We": "Tomas Brandt"}

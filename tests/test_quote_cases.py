"""Quote attribution as table cases: tests/fixtures/quotes/{attribution,speakers,pronouns,phrases}.yaml.

Each case is a few paragraphs written for the test and the quotes find_quotes must find in them, each
named by the start of its text with the fields it must have (see the head of each table).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from briefgen.analysis.quotes import find_quotes
from briefgen.model import Paragraph, Quote, Source

TABLES = Path(__file__).resolve().parent / "fixtures" / "quotes"
FIELDS = ("speaker", "speaker_role", "kind", "cue", "flags")


def _cases() -> list[Any]:
    params = []
    for name in ("attribution", "speakers", "pronouns", "phrases"):
        for case in yaml.safe_load((TABLES / f"{name}.yaml").read_text(encoding="utf-8"))["cases"]:
            params.append(pytest.param(case, id=f"{name}:{case['name']}"))
    return params


def _source(paragraphs: list[str]) -> Source:
    return Source(
        id="t", path="t.txt", paragraphs=tuple(Paragraph(i + 1, p) for i, p in enumerate(paragraphs))
    )


def _quote(quotes: tuple[Quote, ...], start: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, f"{len(found)} quotes start {start!r}: {[q.text for q in quotes]}"
    return found[0]


@pytest.mark.parametrize("case", _cases())
def test_quote_case(case: dict[str, Any]) -> None:
    quotes = find_quotes(_source(case["paragraphs"]))
    for expected in case["quotes"]:
        unknown = set(expected) - {"starts", "why", *FIELDS, *(f"not_{f}" for f in FIELDS)}
        assert not unknown, f"unknown keys {sorted(unknown)} in case {case['name']}"
        q = _quote(quotes, expected["starts"])
        for field in FIELDS:
            got = getattr(q, field)
            got = list(got) if field == "flags" else got
            if field in expected:
                assert got == expected[field], (expected["starts"], field, got)
            if f"not_{field}" in expected:
                assert got != expected[f"not_{field}"], (expected["starts"], field, got)


def test_tables_have_distinct_case_names() -> None:
    for name in ("attribution", "speakers", "pronouns", "phrases"):
        cases = yaml.safe_load((TABLES / f"{name}.yaml").read_text(encoding="utf-8"))["cases"]
        names = [c["name"] for c in cases]
        assert len(names) == len(set(names)), name

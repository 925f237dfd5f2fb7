"""Composition: layout templates in the sandbox, limits, and source text kept out of template code."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.compose.composer import trim_extracts
from briefgen.compose.layout_template import parse_layout, render_layout
from briefgen.errors import RenderError
from briefgen.model import Cite, Extract
from briefgen.output_names import output_stem


def write_template(tmp_path: Path, body: str) -> Path:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "brief.j2").write_text(body)
    return tmp_path


def test_layout_lines_parse_into_headings_text_and_directives():
    lines = parse_layout("# Top\nSome text\n\n@theme economy\n## Sub\n", Path("x"))
    assert [(line.kind, line.text, line.level, line.arg) for line in lines if line.kind != "blank"] == [
        ("heading", "Top", 1, ""),
        ("text", "Some text", 0, ""),
        ("directive", "theme", 0, "economy"),
        ("heading", "Sub", 2, ""),
    ]


def test_unknown_directive_is_named():
    with pytest.raises(RenderError, match="unknown directive '@quotez'"):
        parse_layout("@quotez\n", Path("x"))


def test_sandbox_blocks_python_internals(tmp_path):
    root = write_template(tmp_path, "{{ cycler.__init__.__globals__.os.popen('id').read() }}\n")
    with pytest.raises(RenderError) as err:
        render_layout(root, "t", {})
    assert str(root / "t" / "brief.j2") in str(err.value)


def test_undefined_variable_names_template_and_line(tmp_path):
    root = write_template(tmp_path, "# Title\n\n{{ brief.titel }}\n")
    with pytest.raises(RenderError) as err:
        render_layout(root, "t", {"brief": {"title": "x"}})
    assert err.value.problems[0].startswith(f"{root / 't' / 'brief.j2'}:3: undefined variable")
    assert "titel" in err.value.problems[0]


def test_syntax_error_names_line(tmp_path):
    root = write_template(tmp_path, "# Title\n{% if %}\n")
    with pytest.raises(RenderError, match=r"brief.j2:2: template syntax"):
        render_layout(root, "t", {})


def test_huge_output_is_refused(tmp_path):
    root = write_template(tmp_path, "{{ 'a' * 100000000 }}\n")
    with pytest.raises(RenderError, match="template over its budget: a repeated value of 100,000,000"):
        render_layout(root, "t", {})


def test_trim_keeps_best_within_words():
    c = (Cite("s", 1),)
    extracts = (Extract("one two three four", c), Extract("five six seven", c), Extract("eight", c))
    assert [e.text for e in trim_extracts(extracts, 5)] == ["one two three four", "eight"]
    assert [e.text for e in trim_extracts(extracts, 1)] == ["one two three four"]  # the best always stays


@pytest.mark.parametrize(
    "pattern,expected",
    [
        ("{as_of}-{audience}", "2025-12-20-press"),
        ("../../etc/{audience}", "etc-press"),
        ("/abs/{audience}", "abs-press"),
        ("CON", "_CON"),
    ],
)
def test_output_stems_are_safe(pattern, expected):
    assert output_stem(pattern, "2025-12-20", "press") == expected


def test_timeline_keeps_the_best_corroborated_then_latest_events():
    from briefgen.compose.composer import Composer
    from briefgen.config import Audience
    from briefgen.model import Analysis, Event

    events = (
        Event("2023", "A.", (Cite("a", 1),)),
        Event("2024", "B.", (Cite("a", 2), Cite("b", 1))),
        Event("2025-01", "C.", (Cite("a", 3),)),
        Event("2025-06", "D.", (Cite("a", 4),)),
    )
    audience = Audience("x", "X", "x", (), ("md",), max_events=2)
    composer = Composer(Analysis(sources=(), events=events), audience, ())
    assert [e.text for e in composer.events()] == ["B.", "D."]


def test_sandbox_range_cap_is_a_template_error(tmp_path):
    root = write_template(tmp_path, "{% for i in range(10**9) %}x{% endfor %}\n")
    with pytest.raises(
        RenderError, match=r"brief.j2:1: template over its budget: the number 1,000,000,000 is over"
    ):
        render_layout(root, "t", {})


def test_include_outside_the_templates_is_refused(tmp_path):
    root = write_template(tmp_path, '{% include "../../../etc/passwd" %}\n')
    with pytest.raises(RenderError, match=r"template not found: \.\./\.\./\.\./etc/passwd"):
        render_layout(root, "t", {})


def test_runaway_recursion_is_a_template_error(tmp_path):
    root = write_template(tmp_path, "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}\n")
    with pytest.raises(RenderError, match="template error: RecursionError"):
        render_layout(root, "t", {})

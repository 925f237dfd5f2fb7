"""Layout templates: a time and memory budget, and no reading of files outside their folder."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from factories import make_project
from fixture_project import TEMPLATES

from briefgen import template_budget
from briefgen.check import check
from briefgen.cli import main
from briefgen.compose.layout_template import render_layout
from briefgen.errors import RenderError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return a project folder with its own copy of the templates and a config building md and json."""
    return make_project(tmp_path, copy_templates=True, title="Template Weekly").parent


def layout(root: Path, text: str) -> Path:
    (root / "t").mkdir(parents=True, exist_ok=True)
    (root / "t" / "brief.j2").write_text(text, encoding="utf-8")
    return root


def fails_fast(root: Path, text: str) -> str:
    clock = time.monotonic()
    with pytest.raises(RenderError) as caught:
        render_layout(layout(root, text), "t", {})
    assert time.monotonic() - clock < 2 * template_budget.MAX_SECONDS + 5
    (message,) = caught.value.problems
    assert message.startswith(f"{root / 't' / 'brief.j2'}"), message
    return message


def test_nested_loops_run_out_of_time(tmp_path, monkeypatch):
    monkeypatch.setattr(template_budget, "MAX_SECONDS", 1.0)
    message = fails_fast(
        tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    assert "template over its budget: ran for over 1 s; check its loops" in message


def test_loops_over_a_range_made_once_run_out_of_time(tmp_path, monkeypatch):
    monkeypatch.setattr(template_budget, "MAX_SECONDS", 1.0)
    text = "{% set r = range(100000) %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}"
    assert "ran for over 1 s" in fails_fast(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("{{ 'x' * 10**9 }}", "a repeated value of 1,000,000,000 is over the 200,000"),
        ("{{ [1, 2] * 10**8 }}", "a repeated value of 200,000,000"),
        ("{{ 'x'|center(10**9) }}", "the number 1,000,000,000 is over the 1,000,000"),
        ("{{ 'x'.ljust(10**9) }}", "the number 1,000,000,000"),
        ("{{ '{:>1000000000}'.format('x') }}", "a width in a format string"),
        ("{{ '%1000000000s' % 'x' }}", "a width in a format string"),
        ("{{ '%1000000000s'|format('x') }}", "a width in a format string"),
        ("{{ range(100000)|join('x' * 100000) }}", "of memory"),
        ("{{ ('x' * 100000)|replace('x', 'x' * 100000) }}", "of memory"),
        (
            "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            "of memory",
        ),
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
            "output is over 200,000",
        ),
    ],
)
def test_templates_that_ask_for_too_much_fail_at_once(tmp_path, text, why):
    message = fails_fast(tmp_path, text)
    assert "template over its budget" in message and why in message, message


def test_a_template_cannot_change_lists(tmp_path):
    message = fails_fast(tmp_path, "{% set l = [] %}{% for i in range(10) %}{{ l.append(i) }}{% endfor %}")
    assert "access to attribute 'append' of 'list' object is unsafe" in message


def test_a_huge_string_in_a_template_fails_the_build_with_exit_4_naming_the_file(project, capsys):
    template = project / "templates" / "press" / "brief.j2"
    template.write_text("# Press\n{{ 'x' * 10**9 }}\n@quotes\n")
    clock = time.monotonic()
    assert main(["--quiet", "build", str(project / "weekly.yaml"), "--no-cache"]) == 4
    assert time.monotonic() - clock < 10
    err = capsys.readouterr().err
    assert f"{template}:2: template over its budget: a repeated value of 1,000,000,000" in err
    assert "Traceback" not in err and not (project / "out").exists()


def test_normal_templates_render_within_budget_and_the_trace_is_given_back(project):
    before = sys.gettrace()  # a coverage tool's, or None
    assert main(["--quiet", "build", str(project / "weekly.yaml"), "--no-cache"]) == 0
    assert sys.gettrace() is before


def test_a_link_to_a_file_outside_the_templates_is_refused(project, capsys, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    secret.write_text("root:x:0:0:the secret\n")
    os.symlink(secret, project / "templates" / "press" / "notes.j2")
    template = project / "templates" / "press" / "brief.j2"
    template.write_text("# Press\n{% include 'notes.j2' %}\n@quotes\n")
    assert main(["--quiet", "build", str(project / "weekly.yaml"), "--no-cache"]) == 4
    err = capsys.readouterr().err
    assert (
        f"{project / 'templates' / 'press' / 'notes.j2'}: leads to {secret}, outside the templates folder"
        in err
    )
    assert "the secret" not in err and not (project / "out").exists()
    assert any("outside the templates folder" in p for p in check(project / "weekly.yaml")[0])


def test_the_layout_itself_may_not_be_a_link_outside(project, capsys, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "brief.j2"
    elsewhere.write_text("# Press\n@quotes\n")
    (project / "templates" / "press" / "brief.j2").unlink()
    os.symlink(elsewhere, project / "templates" / "press" / "brief.j2")
    assert main(["--quiet", "build", str(project / "weekly.yaml"), "--no-cache"]) == 4
    assert "outside the templates folder" in capsys.readouterr().err


def test_links_inside_the_templates_folder_still_work(project):
    (project / "templates" / "press" / "brief.j2").unlink()
    os.symlink("../default/brief.j2", project / "templates" / "press" / "brief.j2")
    assert main(["--quiet", "build", str(project / "weekly.yaml"), "--no-cache"]) == 0


def test_a_reference_document_linked_from_outside_is_refused(project, capsys, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "reference.docx"
    shutil.copy(TEMPLATES / "default" / "reference.docx", elsewhere)
    os.symlink(elsewhere, project / "templates" / "press" / "reference.docx")
    config = project / "weekly.yaml"
    config.write_text(config.read_text().replace("[md, json]", "[docx]"))
    assert main(["--quiet", "build", str(config), "--no-cache"]) == 4
    err = capsys.readouterr().err
    assert f"{project / 'templates' / 'press' / 'reference.docx'}: leads to {elsewhere}, outside" in err

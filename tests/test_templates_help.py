"""Templates you can write without reading the code: the help table, check's template errors, new-audience."""

from __future__ import annotations

import dataclasses
import difflib
import re
from pathlib import Path

from fixture_project import FIXTURE_PROJECT, copy_project

from briefgen.check import check
from briefgen.cli import main
from briefgen.compose.context import BriefView, Counts, LayoutContext, ThemeView, layout_context
from briefgen.compose.layout_template import DIRECTIVE_HELP, DIRECTIVES, TEMPLATE_NAMES, template_help
from briefgen.config import Audience, load_config

ROOT = Path(__file__).resolve().parent.parent


def test_the_help_names_every_variable_a_template_gets():
    config = load_config(FIXTURE_PROJECT / "configs" / "weekly.yaml")
    context = layout_context(config, config.audiences[0], "2025-12-20", (), Counts(0))
    documented = {n for n, *_ in TEMPLATE_NAMES}
    assert {f"brief.{f.name}" for f in dataclasses.fields(BriefView)} <= documented
    assert {f"audience.{f.name}" for f in dataclasses.fields(Audience)} <= documented
    assert {f"theme.{f.name}" for f in dataclasses.fields(ThemeView)} <= documented
    assert {f"counts.{f.name}" for f in dataclasses.fields(Counts)} <= documented
    assert {f"quotes.{f.name}" for f in dataclasses.fields(context.quotes)} <= documented
    assert set(context.names()) == {f.name for f in dataclasses.fields(LayoutContext)}
    assert set(context.names()) <= {n.split(".")[0] for n in documented}
    assert {d.split()[0][1:] for d, _ in DIRECTIVE_HELP} == set(DIRECTIVES)


def test_the_readme_section_is_the_generated_help():
    readme = (ROOT / "README.md").read_text()
    section = re.search(r"<!-- template-help:start[^>]*-->\n(.*?)<!-- template-help:end -->", readme, re.S)
    assert section and section.group(1) == template_help(markdown=True), (
        "run briefgen template-help --markdown"
    )


def test_check_reports_a_theme_the_audience_lacks_as_build_would(tmp_path, capsys):
    config = copy_project(tmp_path)
    layout = tmp_path / "templates" / "sanctions_desk" / "brief.j2"
    layout.write_text("# Bottom line\n@bluf\n\n# Security\n@theme military_security\n")
    problems, _ = check(config)
    expected = (
        f"{layout}:5: @theme 'military_security': audience 'sanctions_desk' does not include this theme "
        "(its themes: western_outreach_sanctions, economy_trade); add it to the audience's themes in the config "
        "or remove the line"
    )
    assert problems == [expected]
    assert main(["--quiet", "build", str(config), "--no-cache", "--format", "md"]) == 4
    assert expected in capsys.readouterr().err


def test_check_reports_an_unknown_variable_with_its_line(tmp_path):
    config = copy_project(tmp_path)
    layout = tmp_path / "templates" / "press" / "brief.j2"
    layout.write_text("# For {{ organisation }}\n@quotes\n")
    problems, _ = check(config)
    assert problems == [f"{layout}:1: undefined variable: 'organisation' is undefined"]


def test_new_audience_copies_the_folder_and_keeps_the_configs_comments(tmp_path):
    config = copy_project(tmp_path)
    before = config.read_text()
    assert main(["--quiet", "new-audience", str(config), "board", "--from", "press"]) == 0
    after = config.read_text()
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [d for d in diff if d.startswith("- ")], "no line of the config, comment or not, is lost"
    assert [d[2:].strip() for d in diff if d.startswith("+ ")][0] == "board:"
    assert (tmp_path / "templates" / "board" / "brief.j2").read_text() == (
        tmp_path / "templates" / "press" / "brief.j2"
    ).read_text()
    assert load_config(config).audience("board").template == "board"
    assert main(["--quiet", "build", str(config), "--no-cache", "--audience", "board", "--format", "md"]) == 0
    assert main(["--quiet", "new-audience", str(config), "board", "--from", "press"]) == 2

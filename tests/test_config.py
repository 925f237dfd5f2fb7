"""Tests for the config loader: one test per message, YAML 1.1 traps, and the schema's docs."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from fixture_project import FIXTURE_PROJECT

from briefgen.config import FORMATS, Audience, Config, load_config
from briefgen.config.schema import (
    AUDIENCE_FIELDS,
    COUNT,
    SCHEMA,
    THEME_FIELDS,
    TOP_FIELDS,
    Field,
    _defaults,
    validate,
)
from briefgen.errors import ConfigError
from briefgen.model import Theme

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "configs"

BASE = """\
title: Weekly
sources: [seeds/*.txt]
themes:
  economy_trade:
    keywords: [trade]
  security:
    keywords: [army]
audiences:
  press:
    themes: all
    formats: [md]
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a folder with templates/press and templates/analysts, made the working directory."""
    for name in ("press", "analysts"):
        (tmp_path / "templates" / name).mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def problems(text: str) -> list[str]:
    """Return the problem lines validating ``text`` as c.yaml; fail if it validates."""
    with pytest.raises(ConfigError) as info:
        validate(text, Path("c.yaml"))
    return info.value.problems


def ok(text: str) -> Config:
    """Return the Config for ``text`` (read as c.yaml)."""
    return validate(text, Path("c.yaml"))


# --- valid configs ---


def test_weekly_config_validates(tmp_path: Path) -> None:
    configs = tmp_path / "configs"
    configs.mkdir()
    shutil.copy(FIXTURE_PROJECT / "configs" / "weekly.yaml", configs)
    for name in ("principals", "analysts", "press", "sanctions_desk"):
        (tmp_path / "templates" / name).mkdir(parents=True)
    config = load_config(configs / "weekly.yaml")
    assert config.title == "Belarus Weekly"
    assert config.as_of == "2025-12-20"
    assert config.sources == ("../seeds/*.txt",)
    assert [a.id for a in config.audiences] == ["principals", "analysts", "press", "sanctions_desk"]
    assert config.audience("principals").one_page is True
    assert config.audience("principals").themes == tuple(t.id for t in config.themes)
    assert config.audience("sanctions_desk").themes == ("western_outreach_sanctions", "economy_trade")
    assert config.theme("economy_trade").keywords[0] == "economy"
    assert dict(config.aliases)["Alexander Lukashenko"][-1] == "Лукашенко"


def test_minimal_fixture_takes_defaults(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "minimal.yaml", tmp_path)
    (tmp_path / "templates" / "press").mkdir(parents=True)
    config = load_config(tmp_path / "minimal.yaml")
    assert config.sources == ("seeds",)
    assert config.organisation == "" and config.as_of is None and config.out == Path("out")
    assert config.theme("security") == dataclasses.replace(config.theme("security"), title="Security")
    press = config.audience("press")
    assert press == Audience(
        id="press", title="Press", template="press", themes=("economy_trade", "security"), formats=FORMATS
    )


def test_yaml_11_words_and_numbers_stay_text(project: Path) -> None:
    config = ok(
        BASE.replace("keywords: [trade]", "keywords: [no, off, NO, 1.10, 012, 0123, '12:30', 12:30, ~x]")
        .replace("  security:", "  'no':")
        .replace("themes: all", "themes: [no, economy_trade]")
        + "as_of: 2024-01-15\nmax_source_bytes: 012\n"
    )
    assert config.theme("economy_trade").keywords == (
        "no", "off", "NO", "1.10", "012", "0123", "12:30", "12:30", "~x"
    )  # fmt: skip
    assert [t.id for t in config.themes] == ["economy_trade", "no"]
    assert config.audience("press").themes == ("no", "economy_trade")
    assert config.as_of == "2024-01-15"
    assert config.max_source_bytes == 12


def test_booleans_only_where_the_schema_wants_them(project: Path) -> None:
    assert ok(BASE + "    one_page: yes\n").audience("press").one_page is True
    assert ok(BASE + "    one_page: NO\n").audience("press").one_page is False
    assert ok(BASE + "marking: yes\n").marking == "yes"


def test_single_strings_count_as_one_item_lists(project: Path) -> None:
    config = ok(BASE.replace("formats: [md]", "formats: pdf") + "aliases:\n  Jane Doe: J. Doe\n")
    assert config.audience("press").formats == ("pdf",)
    assert config.aliases == (("Jane Doe", ("J. Doe",)),)


# --- one test per message ---


def test_unknown_key_with_suggestion(project: Path) -> None:
    assert problems(BASE + "    max_quote: 3\n") == [
        "c.yaml:12:5: audiences.press: unknown key 'max_quote'; did you mean 'max_quotes'? allowed: "
        "title, template, themes, formats, max_words, max_quotes, max_events, max_judgements, max_bluf, one_page, marking"
    ]


def test_unknown_top_level_key_without_suggestion(project: Path) -> None:
    assert problems(BASE + "colour: blue\n") == [
        "c.yaml:12:1: unknown key 'colour' allowed: title, subtitle, organisation, marking, as_of, sources, "
        "templates, out, output_pattern, aliases, max_source_bytes, window_days, archive, repeat_weeks, "
        "themes, audiences"
    ]


def test_missing_required_keys(project: Path) -> None:
    assert problems("title: Weekly\n") == [
        "c.yaml:1:1: missing required key 'sources' (folders and globs of source files, relative to the config)",
        "c.yaml:1:1: missing required key 'themes' (themes the briefs are organised by (ids: a-z, 0-9, _))",
        "c.yaml:1:1: missing required key 'audiences' (one brief per audience (ids: a-z, 0-9, _))",
    ]


def test_wrong_types(project: Path) -> None:
    assert problems(BASE.replace("title: Weekly", "title: [a, b]") + "    max_words: many\n") == [
        "c.yaml:1:8: title: expected text, got a list",
        "c.yaml:12:16: audiences.press.max_words: expected a whole number of 1 or more, got 'many'",
    ]


def test_bool_wanted(project: Path) -> None:
    assert problems(BASE + "    one_page: maybe\n") == [
        "c.yaml:12:15: audiences.press.one_page: expected true or false, got 'maybe'"
    ]


def test_zero_and_negative_limits(project: Path) -> None:
    assert problems(BASE + "    max_words: 0\n    max_bluf: -2\n") == [
        "c.yaml:12:16: audiences.press.max_words: 0 is too small; write a whole number of 1 or more",
        "c.yaml:13:15: audiences.press.max_bluf: -2 is too small; write a whole number of 1 or more",
    ]


def test_duplicate_keys_name_both_lines(project: Path) -> None:
    assert problems(BASE + "    formats: [pdf]\n") == [
        "c.yaml:12:5: audiences.press.formats: duplicate key 'formats' (also at line 11); keep only one"
    ]


def test_unknown_format_with_suggestion(project: Path) -> None:
    assert problems(BASE.replace("formats: [md]", "formats: [docs, md]")) == [
        "c.yaml:11:15: audiences.press.formats[0]: 'docs' is not one of docx, pdf, json, md, html "
        "(did you mean 'docx'?)"
    ]


def test_repeated_format(project: Path) -> None:
    assert problems(BASE.replace("formats: [md]", "formats: [md, md]")) == [
        "c.yaml:11:19: audiences.press.formats[1]: 'md' is listed twice; remove one"
    ]


def test_unknown_theme_with_suggestion(project: Path) -> None:
    assert problems(BASE.replace("themes: all", "themes: [security, economy_trad]")) == [
        "c.yaml:10:24: audiences.press.themes[1]: unknown theme 'economy_trad'; "
        "did you mean 'economy_trade'? (themes are defined at line 3)"
    ]


def test_unknown_theme_without_suggestion(project: Path) -> None:
    assert problems(BASE.replace("themes: all", "themes: zzz")) == [
        "c.yaml:10:13: audiences.press.themes: unknown theme 'zzz'; "
        "themes defined at line 3 are: economy_trade, security"
    ]


def test_bad_ids(project: Path) -> None:
    assert problems(
        BASE.replace("  security:", "  Security-Risks:").replace("  press:", "  press desk:")
    ) == [
        "c.yaml:6:3: themes.Security-Risks: id 'Security-Risks' may use only a-z, 0-9 and _; "
        "write 'security_risks'",
        "c.yaml:9:3: audiences.press desk: id 'press desk' may use only a-z, 0-9 and _; write 'press_desk'",
    ]


def test_missing_template_folder_with_suggestion(project: Path) -> None:
    assert problems(BASE + "    template: presss\n") == [
        "c.yaml:12:15: audiences.press.template: no folder 'templates/presss' (did you mean 'press'?)"
    ]


def test_missing_template_folder_defaulting_to_the_id(project: Path) -> None:
    assert problems(BASE.replace("  press:", "  sanctions:")) == [
        "c.yaml:9:3: audiences.sanctions.template: no folder 'templates/sanctions'; folders there: analysts, press"
    ]


def test_template_must_be_a_folder_name(project: Path) -> None:
    assert problems(BASE + "    template: ../secret\n") == [
        "c.yaml:12:15: audiences.press.template: '../secret' must be a folder name, without '/' or '..'"
    ]


def test_missing_templates_folder(project: Path) -> None:
    assert problems(BASE + "templates: layouts\n") == [
        "c.yaml:12:12: templates: no folder 'layouts' (relative to the config's folder); "
        "create it or set templates: to the folder holding the audience templates"
    ]


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        (
            "2024-02-30",
            "'2024-02-30' is not a real date (day is out of range for month); fix the day or month",
        ),
        ("2024-13-01", "'2024-13-01' is not a real date (month must be in 1..12); fix the day or month"),
        ("20/12/2025", "'20/12/2025' is not YYYY-MM-DD; write 2025-12-20"),
        ("12/03/2025", "'12/03/2025' is not YYYY-MM-DD; write it as YYYY-MM-DD"),
        ("2025/3/9", "'2025/3/9' is not YYYY-MM-DD; write 2025-03-09"),
        ("next week", "'next week' is not YYYY-MM-DD; write it as YYYY-MM-DD"),
    ],
)
def test_bad_dates(project: Path, as_of: str, message: str) -> None:
    assert problems(BASE + f"as_of: {as_of}\n") == [f"c.yaml:12:8: as_of: {message}"]


def test_output_pattern_placeholders(project: Path) -> None:
    assert problems(BASE + "output_pattern: '{date}-{audience}'\n") == [
        "c.yaml:12:17: output_pattern: unknown placeholder '{date}'; use only {as_of} and {audience}"
    ]


def test_output_pattern_is_a_file_name(project: Path) -> None:
    assert problems(BASE + "output_pattern: '../{audience}'\n") == [
        "c.yaml:12:17: output_pattern: '../{audience}' must be a file name, without '/', '\\' or '..'"
    ]


def test_output_pattern_needs_audience_with_several_audiences(project: Path) -> None:
    assert problems(BASE + "  analysts:\noutput_pattern: brief-{as_of}\n") == [
        "c.yaml:13:17: output_pattern: has no {audience}, so every audience would write the same file; "
        "add {audience}"
    ]


def test_empty_values(project: Path) -> None:
    assert problems(BASE.replace("[seeds/*.txt]", "[]").replace("title: Weekly", "title:")) == [
        "c.yaml:1:7: title: is empty; write a value or remove the key",
        "c.yaml:2:10: sources: is empty; list at least one folder or glob of source files",
    ]


def test_empty_themes_and_audiences(project: Path) -> None:
    assert problems("title: W\nsources: s\nthemes: {}\naudiences: []\n") == [
        "c.yaml:3:9: themes: is empty; define at least one theme",
        "c.yaml:4:12: audiences: expected a mapping of audience ids to settings, got a list",
    ]


def test_top_level_must_be_a_mapping(project: Path) -> None:
    assert problems("- title\n") == [
        "c.yaml:1:1: the config: expected a mapping of keys to values, got a list"
    ]


# --- YAML-level problems ---


def test_syntax_error_has_line_and_column(project: Path) -> None:
    assert problems("title: 'Weekly\nsources: x\n") == [
        "c.yaml:3:1: YAML syntax error: found unexpected end of stream "
        "(while scanning a quoted scalar at line 1); check indentation, colons and quotes"
    ]


def test_tab_indent(project: Path) -> None:
    assert problems("title: W\nthemes:\n\tsecurity: {}\n") == [
        "c.yaml:3:1: tab character; YAML is indented with spaces only, replace the tab with spaces"
    ]


def test_empty_file(project: Path) -> None:
    for text in ("", "# nothing yet\n", "---\n"):
        assert problems(text) == [
            "c.yaml: the config is empty; it needs at least title, sources, themes and audiences"
        ]


def test_multiple_documents(project: Path) -> None:
    assert problems(BASE + "---\ntitle: Other\n") == [
        "c.yaml:12:1: a second YAML document starts here; a config is one document, "
        "remove the '---' line and merge the two"
    ]


def test_control_character_in_yaml(project: Path) -> None:
    assert problems("title: W\x07\n") == ["c.yaml:1:9: character U+0007 is not allowed in YAML; delete it"]


def test_alias_bomb_and_python_tag_are_refused(project: Path) -> None:
    anchor = "anchor '&{}' is not allowed in a config; remove it and repeat the value where it is needed"
    alias = "alias '*{}' is not allowed in a config; write the value out in full"
    assert problems((FIXTURES / "alias_bomb.yaml").read_text()) == [
        "c.yaml:1:8: " + anchor.format("a"),
        "c.yaml:1:8: title: expected text, got a list",
        "c.yaml:2:10: " + anchor.format("b"),
        "c.yaml:2:14: " + alias.format("a"),
        "c.yaml:2:18: " + alias.format("a"),
        "c.yaml:2:22: " + alias.format("a"),
        "c.yaml:3:9: themes: expected a mapping of theme ids to settings, got a list",
        "c.yaml:3:10: " + alias.format("b"),
        "c.yaml:3:14: " + alias.format("b"),
        "c.yaml:4:12: tag '!!python/object/apply:os.system' is not allowed in a config; remove it "
        "(values are plain text, numbers, true/false, lists and mappings)",
        "c.yaml:4:12: audiences: expected a mapping of audience ids to settings, got a list",
    ]


def test_deep_alias_bomb_is_never_expanded(project: Path) -> None:
    # Nine levels of ten aliases would be 10**9 items if anything followed them.
    lines = ["a0: &a0 [lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    found = problems("\n".join(lines) + "\n")
    assert sum(line.count("alias '*a") for line in found) == 90
    assert "c.yaml:1:1: unknown key 'a0' allowed:" in found[0]


def test_every_problem_at_once_in_file_order(project: Path) -> None:
    lines = problems((FIXTURES / "many_problems.yaml").read_text())
    assert lines == [
        "c.yaml:1:1: unknown key 'titel'; did you mean 'title'? allowed: title, subtitle, organisation, marking, "
        "as_of, sources, templates, out, output_pattern, aliases, max_source_bytes, window_days, archive, "
        "repeat_weeks, themes, audiences",
        "c.yaml:1:1: missing required key 'title' (title on every brief)",
        "c.yaml:2:10: sources: is empty; list at least one folder or glob of source files",
        "c.yaml:4:3: themes.Economy-Trade: id 'Economy-Trade' may use only a-z, 0-9 and _; write 'economy_trade'",
        "c.yaml:8:5: themes.security.keywords: duplicate key 'keywords' (also at line 7); keep only one",
        "c.yaml:11:14: audiences.press.themes[0]: unknown theme 'securty'; "
        "did you mean 'security'? (themes are defined at line 3)",
        "c.yaml:12:15: audiences.press.formats[0]: 'docs' is not one of docx, pdf, json, md, html "
        "(did you mean 'docx'?)",
        "c.yaml:13:16: audiences.press.max_words: 0 is too small; write a whole number of 1 or more",
        "c.yaml:14:15: audiences.press.one_page: expected true or false, got 'maybe'",
    ]


def test_load_config_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.yaml")
    assert info.value.problems == [f"{tmp_path / 'nope.yaml'}: config file not found"]


# --- the schema documents itself ---


def test_every_config_field_is_in_the_schema_with_a_doc() -> None:
    top = {f.name for f in TOP_FIELDS}
    assert top == {f.name for f in dataclasses.fields(Config)} - {"path"}
    assert {f.name for f in AUDIENCE_FIELDS} == {f.name for f in dataclasses.fields(Audience)} - {"id"}
    assert {f.name for f in THEME_FIELDS} == {"title", "description", "keywords", "exclude"}
    for fields in SCHEMA.values():
        for spec in fields:
            assert spec.doc and spec.type and "\n" not in spec.doc, spec.name


def test_schema_defaults_are_the_dataclasses_defaults() -> None:
    """A default is written once: in the dataclass when it has one, else (derived values) in the schema."""
    for model, fields in ((Config, TOP_FIELDS), (Audience, AUDIENCE_FIELDS), (Theme, THEME_FIELDS)):
        own = {f.name: f.default for f in dataclasses.fields(model) if f.default is not dataclasses.MISSING}
        for spec in fields:
            if spec.name in own:
                assert spec.default is own[spec.name], spec.name


def test_a_changed_dataclass_default_changes_the_schema() -> None:
    @dataclasses.dataclass(frozen=True)
    class Settings:
        size: int = 7
        name: str | None = None

    fields = _defaults(
        Settings, (Field("size", COUNT, "a count"), Field("other", COUNT, "no field", default=2))
    )
    assert [f.default for f in fields] == [7, 2]

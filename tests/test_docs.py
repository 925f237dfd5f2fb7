"""The README documents every command, option and config key the code has."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from briefgen.cli import parser
from briefgen.config.schema import SCHEMA

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_command_has_help_and_is_in_the_readme(name):
    sub = _subcommands()[name]
    assert sub.format_help().strip()
    assert f"briefgen {name}" in README


@pytest.mark.parametrize(
    "option",
    sorted(
        {
            opt
            for sub in _subcommands().values()
            for a in sub._actions
            for opt in a.option_strings
            if opt.startswith("--")
        }
        - {"--help"}
    ),
)
def test_every_option_is_in_the_readme(option):
    assert option in README


@pytest.mark.parametrize("scope,key", [(scope, f.name) for scope, fields in SCHEMA.items() for f in fields])
def test_every_config_key_is_documented(scope, key):
    assert f"| `{key}` |" in README, (
        f"{scope or 'top level'}.{key} missing from the README's config reference"
    )


def _shown_default(value: object) -> str:
    """Return a schema default as the README's config reference writes it (blank for none)."""
    if value in (None, "", ()):
        return ""
    if isinstance(value, tuple):
        return "`" + ", ".join(value) + "`"
    return f"`{value.as_posix() if isinstance(value, Path) else value}`"


@pytest.mark.parametrize("scope,spec", [(scope, f) for scope, fields in SCHEMA.items() for f in fields])
def test_the_readme_gives_each_keys_type_and_default(scope, spec):
    reference = README.split("### Config reference", 1)[1].split("\n## ", 1)[0]
    table = reference.split(f"**{scope or 'top level'}**", 1)[1].split("\n\n**", 1)[0]
    row = re.search(rf"^\| `{spec.name}` \| ([^|]*) \| ([^|]*) \|", table, re.M)
    assert row, f"{scope or 'top level'}.{spec.name} has no row"
    default = "required" if spec.required else _shown_default(spec.default)
    assert (row[1].strip(), row[2].strip()) == (spec.type, default)


def test_readme_gives_the_two_commands():
    assert "make brief" in README and "make test" in README


def _runtime_dependencies() -> list[str]:
    """Return the names in pyproject's ``dependencies = [...]`` (read plainly: tomllib is 3.11+)."""
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    block = pyproject.split("\ndependencies = [", 1)[1].split("]", 1)[0]
    return re.findall(r'^\s*"([A-Za-z0-9_.\-]+)', block, re.M)


@pytest.mark.parametrize("package", _runtime_dependencies())
def test_every_runtime_dependency_is_justified_in_the_readme(package):
    section = README.split("## Dependencies", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1].strip().lower() for line in section.splitlines() if line.startswith("| ")]
    assert any(row.split()[0] == package.lower() for row in rows if row), f"{package} has no row"

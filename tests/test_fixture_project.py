"""Tests build from their own fixture project, so a user's edits to the sample never fail `make test`."""

from __future__ import annotations

import re
from pathlib import Path

from fixture_project import AUDIENCES, FIXTURE_PROJECT, copy_project

from briefgen.config import load_config

TESTS = Path(__file__).resolve().parent

# A path into the repository's sample: ROOT / "configs", parents[1] / "seeds", "../../../templates", ...
SAMPLE_PATH = re.compile(
    r"""(ROOT|parents?\[?\d?\]?|parent\.parent)\s*/\s*["'](configs|seeds|templates)["']"""
    r"""|\.\./\.\./\.\./(configs|seeds|templates)"""
    r"""|copytree\(\s*(ROOT|root|\w*\.parent\.parent)\s*/\s*name\b"""  # for name in ("configs", ...)
)


def test_no_test_reads_the_sample_config_seeds_or_template_set():
    offenders = []
    for path in sorted(TESTS.rglob("*")):
        if path.suffix not in (".py", ".yaml") or FIXTURE_PROJECT in path.parents or path == Path(__file__):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SAMPLE_PATH.search(line):
                offenders.append(f"{path.relative_to(TESTS)}:{n}: {line.strip()}")
    assert offenders == [], "use tests/fixture_project.py instead:\n" + "\n".join(offenders)


def test_the_pattern_catches_what_it_is_meant_to():
    assert SAMPLE_PATH.search('shutil.copy(ROOT / "configs" / "weekly.yaml", dest)')
    assert SAMPLE_PATH.search('Path(__file__).resolve().parents[1] / "seeds"')
    assert SAMPLE_PATH.search("templates: ../../../templates")
    assert SAMPLE_PATH.search("shutil.copytree(ROOT / name, root / name)")
    assert not SAMPLE_PATH.search('FIXTURE_PROJECT / "configs" / "weekly.yaml"')


def test_the_fixture_project_is_complete_and_valid(tmp_path):
    config = load_config(copy_project(tmp_path))
    assert tuple(a.id for a in config.audiences) == AUDIENCES
    for audience in AUDIENCES:
        assert (tmp_path / "templates" / audience / "brief.j2").is_file()
    assert sorted(p.name for p in (tmp_path / "seeds").iterdir())

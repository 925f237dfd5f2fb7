"""Source paths in outputs: relative to the config's folder, normalised, printable, cwd-independent."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from factories import make_project

from briefgen.cli import main
from briefgen.shown_paths import shown_path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = (
    "Minister Anna Kowalska said the talks would resume in March. \u201cWe are ready to sign,\u201d "
    "she told reporters in Warsaw.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return a project with the config in configs/, sources in sources/, templates copied beside."""
    make_project(
        tmp_path,
        files={
            "sources/talks.txt": SOURCE,
            "sources/memo.txt": "Officials said the plan would be signed in May.\n",
        },
        config="configs/weekly.yaml",
        copy_templates=True,
        title="Paths Weekly",
        sources=["../sources/*.txt"],
        out="../out",
        themes={"talks": {"keywords": ["talks", "sign"]}},
        audiences={"press": {"formats": ["md", "json", "html", "pdf", "docx"]}},
    )
    return tmp_path


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_the_same_config_from_other_folders_gives_byte_identical_files(project, monkeypatch):
    builds = []
    for cwd, typed in [
        (project, "configs/weekly.yaml"),
        (project, "configs/../configs/weekly.yaml"),
        (project / "sources", "../configs/weekly.yaml"),
        (project / "templates", str(project / "configs" / "weekly.yaml")),
    ]:
        monkeypatch.chdir(cwd)
        assert main(["--quiet", "build", typed, "--no-cache"]) == 0
        builds.append(snapshot(project / "out"))
    assert len(builds[0]) == 5
    assert all(b == builds[0] for b in builds[1:])
    paths = [s["path"] for s in json.loads(builds[0]["2025-12-20-press.json"])["sources"]]
    assert sorted(paths) == ["../sources/memo.txt", "../sources/talks.txt"]


@pytest.mark.parametrize(
    ("path", "root", "shown"),
    [
        ("configs/../seeds/x.txt", "configs", "../seeds/x.txt"),
        ("/data/week/seeds/x.txt", "/data/week/configs", "../seeds/x.txt"),
        ("./configs/./seeds//x.txt", "configs", "seeds/x.txt"),
        ("seeds/\udcffle.txt", ".", "seeds/\\xffle.txt"),
    ],
)
def test_shown_paths_are_relative_to_the_config_and_normalised(path, root, shown):
    assert shown_path(path, Path(root)) == shown


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(project, capsys):
    name = os.path.join(os.fsencode(project / "sources"), b"caf\xe9-talks.txt")
    try:
        with open(name, "wb") as fh:
            fh.write(SOURCE.replace("Kowalska", "Nowak").encode())
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    (project / "sources" / "talks.txt").unlink()
    assert main(["--quiet", "build", str(project / "configs" / "weekly.yaml"), "--no-cache"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    brief = json.loads((project / "out" / "2025-12-20-press.json").read_text(encoding="utf-8"))
    assert "../sources/caf\\xe9-talks.txt" in [s["path"] for s in brief["sources"]]
    assert main(["extract", "--json", os.fsdecode(name)]) == 0
    assert "caf\\\\xe9-talks.txt" in capsys.readouterr().out

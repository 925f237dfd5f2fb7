"""An unreadable folder among the sources is named in a warning, not skipped in silence."""

from __future__ import annotations

import os
from pathlib import Path

from fixture_project import TEMPLATES

from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
CONFIG = """title: "Folders Weekly"
as_of: "2025-12-20"
sources: [sources]
templates: {templates}
out: out
themes:
  talks:
    keywords: [talks]
audiences:
  press:
    formats: [md]
"""


def test_an_unreadable_subfolder_is_a_warning_naming_it(tmp_path, capsys, monkeypatch):
    (tmp_path / "sources" / "locked").mkdir(parents=True)
    (tmp_path / "sources" / "talks.txt").write_text("The minister said the talks would resume in March.\n")
    (tmp_path / "sources" / "locked" / "memo.txt").write_text("Officials said the talks had stalled.\n")
    (tmp_path / "weekly.yaml").write_text(CONFIG.format(templates=TEMPLATES))
    locked = tmp_path / "sources" / "locked"
    os.chmod(locked, 0)
    if os.access(locked, os.R_OK):  # root reads anything: make the folder fail to list as it would
        scandir = os.scandir

        def refuse(path=".", *args, **kwargs):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return scandir(path, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", refuse)
    try:
        assert main(["--quiet", "build", str(tmp_path / "weekly.yaml"), "--no-cache", "--jobs", "1"]) == 0
    finally:
        os.chmod(locked, 0o755)
    err = capsys.readouterr().err
    assert (
        f"sources: skipped folder {locked}: cannot be listed (Permission denied); its files are not read"
        in err
    )

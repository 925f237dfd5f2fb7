"""Rewrite the golden briefs (tests/golden/): the fixture project's Markdown and JSON for each audience.

Run by ``make golden`` after a change that is meant to change what a brief says; review the diff of
tests/golden/ like code. ``tests/test_golden.py`` fails while the briefs and the golden files differ.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
FORMATS = ("md", "json")


def build_golden(root: Path) -> dict[str, bytes]:
    """Return the fixture project's golden files (name -> bytes), built in ``root``."""
    sys.path.insert(0, str(HERE))
    from fixture_project import copy_project

    from briefgen.pipeline import build

    config = copy_project(root)
    report = build(config, formats=list(FORMATS), jobs=1, use_cache=False, use_archive=False)
    return {p.name: p.read_bytes() for p, _ in report.written}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        files = build_golden(Path(tmp))
    shutil.rmtree(GOLDEN, ignore_errors=True)
    GOLDEN.mkdir()
    for name, data in sorted(files.items()):
        (GOLDEN / name).write_bytes(data)
    print(f"wrote {len(files)} golden files to {GOLDEN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

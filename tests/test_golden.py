"""Golden briefs: a change to what the fixture project's briefs say shows as a diff in review."""

from __future__ import annotations

from make_golden import GOLDEN, build_golden


def test_the_briefs_match_the_golden_files(tmp_path):
    built = build_golden(tmp_path)
    golden = {p.name: p.read_bytes() for p in sorted(GOLDEN.iterdir())}
    assert sorted(built) == sorted(golden), "run `make golden` and review the diff of tests/golden/"
    changed = [name for name in golden if built[name] != golden[name]]
    assert not changed, (
        f"{', '.join(changed)} changed: run `make golden` and review the diff of tests/golden/"
    )

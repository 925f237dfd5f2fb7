"""Exit statuses: each name is its own member, so a status prints as what it means."""

from __future__ import annotations

from briefgen.errors import ExitStatus


def test_no_status_is_an_alias_of_another():
    assert len(ExitStatus.__members__) == len(list(ExitStatus))
    assert repr(ExitStatus(1)) == "<ExitStatus.FAILED: 1>"
    assert [int(s) for s in ExitStatus] == [0, 1, 2, 3, 4]

"""Config stage: limits that span keys (the date window, output names), checked with file and line."""

from __future__ import annotations

import datetime as dt

MAX_WINDOW_DAYS = 36_525  # a hundred years: any longer window is a typo, and dates before year 1 overflow


def window_problem(window_days: int | None, as_of: str | None, where: str = "window_days") -> str | None:
    """Return why a window of ``window_days`` before ``as_of`` (None: today) cannot be used, or None."""
    if window_days is None:
        return None
    if window_days > MAX_WINDOW_DAYS:
        return (
            f"{where}: {window_days:,} days is too long a window; write at most {MAX_WINDOW_DAYS:,} "
            "(a hundred years), or null for no window"
        )
    end = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    if end.toordinal() - (window_days - 1) < dt.date.min.toordinal():
        return (
            f"{where}: a window of {window_days:,} days before {end.isoformat()} would start before "
            "the year 1; use a later as_of or a shorter window"
        )
    return None

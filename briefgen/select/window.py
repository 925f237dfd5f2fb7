"""The week's window: the days a brief covers, in words, and which sources are dated within it."""

from __future__ import annotations

import datetime as dt

from ..model import Source

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _day(date: dt.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def window_bounds(as_of: str, days: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of the ``days``-day window that ends on ``as_of`` (inclusive)."""
    end = dt.date.fromisoformat(as_of)
    return end - dt.timedelta(days=max(days, 1) - 1), end


def period_text(as_of: str, days: int) -> str:
    """Return the window in words: "14–20 December 2025", "28 November – 4 December 2025"."""
    start, end = window_bounds(as_of, days)
    if start == end:
        return _day(end)
    if start.year != end.year:
        return f"{_day(start)} \u2013 {_day(end)}"
    if start.month != end.month:
        return f"{start.day} {_MONTHS[start.month - 1]} \u2013 {_day(end)}"
    return f"{start.day}\u2013{_day(end)}"


def _source_date(source: Source, file_times: dict[str, float]) -> tuple[dt.date | None, str]:
    """Return the date a source is filed under and where it came from ("dated" or "file modified")."""
    if source.date:
        try:
            return dt.date.fromisoformat(source.date[:10]), "dated"
        except ValueError:
            pass
    mtime = file_times.get(source.path)
    if mtime is None:
        return None, ""
    # UTC, so the same files select the same week on any machine.
    return dt.datetime.fromtimestamp(mtime, tz=dt.timezone.utc).date(), "no date in the file; modified"


def select_window(
    sources: list[Source], as_of: str, days: int, file_times: dict[str, float]
) -> tuple[list[Source], list[tuple[Source, str]]]:
    """Return the sources dated within the window, and those left out with the reason.

    A source's date is its metadata date, else its file's modification time (``file_times`` maps
    ``Source.path`` to a POSIX time). A source with neither is kept: dropping it would hide it.
    """
    start, end = window_bounds(as_of, days)
    period = period_text(as_of, days)
    kept: list[Source] = []
    left_out: list[tuple[Source, str]] = []
    for source in sources:
        date, origin = _source_date(source, file_times)
        if date is None or start <= date <= end:
            kept.append(source)
        elif date < start:
            left_out.append((source, f"{origin} {date.isoformat()}, before the week of {period}"))
        else:
            left_out.append((source, f"{origin} {date.isoformat()}, after the as-of date {end.isoformat()}"))
    return kept, left_out

"""Lay out the trend chart: each theme's coverage in the last weeks, one row of bars per theme."""

from __future__ import annotations

from ..model import ThemeTrend
from .chart import (
    AXIS,
    BAR_COLOURS,
    FONT,
    MARGIN,
    MONTHS,
    MUTED,
    Box,
    Item,
    Label,
    Layout,
    Stroke,
    message_layout,
)
from .pdf_styles import text_width, wrap

NOW = BAR_COLOURS[1]  # this week stands out from the earlier weeks
BEFORE = BAR_COLOURS[0]


def _short(date: str) -> str:
    """Return "12 Mar" for 2016-03-12."""
    _, month, day = date.split("-")
    return f"{int(day)} {MONTHS[int(month)]}"


def trend_layout(trends: tuple[ThemeTrend, ...], width: float) -> Layout:
    """Return per theme a row of bars, one per week (oldest left), each labelled with its count."""
    if not trends:
        return message_layout(width, "No themes")
    weeks = (*trends[0].weeks, "")
    n = len(weeks)
    label_w = min(max(text_width(t.title, FONT) for t in trends) + 2, (width - 2 * MARGIN) * 0.3)
    x0 = MARGIN + label_w + 8
    slot = (width - MARGIN - x0) / n
    bar_w = max(slot * 0.62, 2.0)
    row_h, gap = 26.0, 6.0
    items: list[Item] = []
    top = MARGIN + 10
    for i, week in enumerate(weeks):
        text = _short(week) if week else "this week"
        items.append(
            Label(x0 + slot * i + bar_w / 2, MARGIN + 6, text, FONT - 1, anchor="middle", colour=MUTED)
        )
    y = top
    for t in trends:
        lines = wrap(t.title, label_w, 2)
        base = y + row_h / 2 - (len(lines) - 1) * (FONT + 1.5) / 2 + FONT * 0.35
        for k, line in enumerate(lines):
            items.append(Label(MARGIN + label_w, base + k * (FONT + 1.5), line, FONT, anchor="end"))
        values = (*t.previous_weeks, t.this_week)
        peak = max(values) or 1  # each theme on its own scale: the chart shows its rise and fall
        for i, value in enumerate(values):
            h = (row_h - 8) * max(value, 0) / peak
            x = x0 + slot * i
            if h > 0:
                items.append(Box(x, y + row_h - h, bar_w, h, NOW if i == n - 1 else BEFORE))
            items.append(
                Label(x + bar_w / 2, y + row_h - h - 1.5, str(value), FONT - 2, anchor="middle", colour=MUTED)
            )
        items.append(Stroke(x0 - 2, y + row_h, width - MARGIN, y + row_h, AXIS, 0.5))
        y += row_h + gap
    return Layout(width, y - gap + MARGIN, tuple(items))

"""Tests for the figure layouts and their PNG and vector drawings."""

from __future__ import annotations

import datetime as dt
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.graphics.shapes import String

from briefgen.model import Cite, Event, Figure, Theme, ThemeSummary
from briefgen.render.figures import (
    Box,
    Dot,
    Label,
    event_day,
    figure_drawing,
    figure_layout,
    figure_png,
    short_date,
    themes_layout,
    timeline_layout,
)

C = (Cite("a", 1),)


def _events(*dates: str) -> tuple[Event, ...]:
    return tuple(
        Event(d, f"Event {i} happened after a long meeting in the capital", C) for i, d in enumerate(dates)
    )


def _label_boxes(layout_items: tuple[object, ...]) -> list[Box]:
    return [i for i in layout_items if isinstance(i, Box) and i.colour == "#ffffff"]


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def test_partial_dates_resolve_to_midpoints() -> None:
    assert event_day("2025-06-03") == dt.date(2025, 6, 3).toordinal()
    assert event_day("2025-06") == (dt.date(2025, 6, 1).toordinal() + dt.date(2025, 6, 30).toordinal()) / 2
    assert event_day("2024") == (dt.date(2024, 1, 1).toordinal() + dt.date(2024, 12, 31).toordinal()) / 2
    assert event_day("2025-13") is None
    assert event_day("soon") is None


def test_short_dates() -> None:
    assert short_date("2025") == "2025"
    assert short_date("2025-06") == "Jun 2025"
    assert short_date("2025-06-03") == "3 Jun 2025"


def test_timeline_places_events_in_date_order() -> None:
    layout = timeline_layout(_events("2025-09-01", "2025-01", "2025-03-15"), 400)
    dots = [i for i in layout.items if isinstance(i, Dot)]
    assert len(dots) == 3
    xs = [d.x for d in dots]
    assert xs == sorted(xs)
    # January (a month's midpoint) comes before mid-March, which comes before September.
    dates = [i.text for i in layout.items if isinstance(i, Label) and i.bold]
    assert set(dates) == {"1 Sep 2025", "Jan 2025", "15 Mar 2025"}


def test_timeline_labels_are_short_and_ellipsised() -> None:
    layout = timeline_layout(_events("2025-09-01"), 400)
    texts = [i.text for i in layout.items if isinstance(i, Label) and not i.bold and i.colour != "#555555"]
    assert texts == ["Event 0 happened after a\u2026"]


def test_crowded_timeline_labels_do_not_overlap() -> None:
    layout = timeline_layout(_events(*["2025-06-01"] * 6, "2025-06-02", "2025-06-03"), 300)
    boxes = _label_boxes(layout.items)
    assert len(boxes) == 8
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not _overlap(a, b), (a, b)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), min_size=1, max_size=12),
    st.integers(150, 700),
)
def test_timeline_labels_never_overlap_and_stay_inside(days: list[dt.date], width: int) -> None:
    layout = timeline_layout(_events(*(d.isoformat() for d in days)), float(width))
    boxes = _label_boxes(layout.items)
    assert len(boxes) == len(days)
    for i, a in enumerate(boxes):
        assert a.x >= 0 and a.x + a.w <= width + 0.01 and a.y >= 0 and a.y + a.h <= layout.height
        for b in boxes[i + 1 :]:
            assert not _overlap(a, b)


def test_themes_bars_are_proportional_and_titled() -> None:
    themes = (
        ThemeSummary(Theme("a", "Dependence on Russia"), (), sentences=40, sources=4, quotes=2),
        ThemeSummary(Theme("b", "Economy " * 20), (), sentences=10, sources=1, quotes=0),
    )
    layout = themes_layout(themes, 400)
    bars = [i for i in layout.items if isinstance(i, Box) and i.x > 100 and i.h < 7]
    lengths = [round(b.w, 3) for b in bars]
    assert lengths[0] == max(lengths)
    assert abs(lengths[1] / lengths[0] - 4 / 40) < 1e-6
    labels = [i.text for i in layout.items if isinstance(i, Label)]
    assert "Dependence on Russia" in labels
    assert any(t.endswith("\u2026") for t in labels)  # the over-long title is cut, not run into the bars
    assert "0" in labels  # zero-valued bar still shows its value


def test_empty_figures_say_so() -> None:
    assert [i.text for i in figure_layout(Figure("timeline", "c", "a"), 300).items] == ["No dated events"]
    assert [i.text for i in figure_layout(Figure("themes", "c", "a"), 300).items] == ["No themes"]


def test_png_is_deterministic_and_sized() -> None:
    fig = Figure("timeline", "c", "a", events=_events("2025-06", "2023", "2025-12-01"))
    png = figure_png(fig, 1200)
    assert png == figure_png(fig, 1200)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size[0] == 1200
    assert b"tIME" not in png and b"tEXt" not in png
    # Something was drawn: not a blank white image.
    assert image.convert("L").getextrema()[0] < 100


def test_drawing_matches_width_and_uses_dejavu() -> None:
    fig = Figure("themes", "c", "a", themes=(ThemeSummary(Theme("a", "Лукашенко и торговля"), (), 3, 2, 1),))
    drawing = figure_drawing(fig, 450)
    assert drawing.width == 450
    strings = [s for s in drawing.getContents() if isinstance(s, String)]
    assert "Лукашенко и торговля" in [s.text for s in strings]
    assert {s.fontName for s in strings} <= {"DejaVuSans", "DejaVuSans-Bold"}

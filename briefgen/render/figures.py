"""Render figures: lay out timeline and theme charts once, then draw them as PNG (Pillow) or vectors (reportlab)."""

from __future__ import annotations

import calendar
import datetime as dt
import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors

from ..model import Event, Figure, ThemeSummary
from .chart import (
    AXIS,
    BAR_COLOURS,
    BAR_NAMES,
    FONT,
    MARGIN,
    MONTHS,
    MUTED,
    PNG_WIDTH_UNITS,
    POINT,
    Box,
    Dot,
    Item,
    Label,
    Layout,
    Stroke,
    message_layout,
)
from .pdf_styles import BOLD, FAMILY, ellipsize, font_path, register_fonts, text_width, wrap
from .trend import trend_layout

# --- timeline ---------------------------------------------------------------------------------------


def event_day(date: str) -> float | None:
    """Return the date as a day ordinal; partial dates resolve to the middle of the year or month."""
    parts = date.strip().split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        elif len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            start = dt.date(year, month, 1)
            end = dt.date(year, month, calendar.monthrange(year, month)[1])
        elif len(parts) == 3:
            return float(dt.date(int(parts[0]), int(parts[1]), int(parts[2])).toordinal())
        else:
            return None
    except ValueError:
        return None
    return (start.toordinal() + end.toordinal()) / 2


def short_date(date: str) -> str:
    """Return a compact chart label: '2025', 'Jun 2025' or '12 Jun 2025'."""
    parts = date.strip().split("-")
    try:
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1])]} {parts[0]}"
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1])]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return date


def short_label(text: str, words: int = 5, max_width: float = 110.0) -> str:
    """Return the first few words of an event, ellipsised, as its chart label."""
    split = text.split()
    head = " ".join(split[:words])
    if len(split) > words:
        head = head.rstrip(",;:.") + "\u2026"
    return ellipsize(head, max_width)


def _ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """Return axis ticks (day ordinal, label) for the range, at most about eight."""
    first, last = dt.date.fromordinal(int(lo)), dt.date.fromordinal(int(hi) + 1)
    span = hi - lo
    ticks: list[tuple[float, str]] = []
    if span > 4 * 365:
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if (last.year - first.year) / s <= 8)
        for year in range((first.year // step + 1) * step, last.year + 1, step):
            ticks.append((float(dt.date(year, 1, 1).toordinal()), str(year)))
    elif span > 75:
        months = (last.year - first.year) * 12 + last.month - first.month
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 8)
        index = first.year * 12 + first.month  # the month after ``first`` (0-based months)
        while True:
            year, month = divmod(index, 12)
            day = dt.date(year, month + 1, 1)
            if day > last:
                break
            if (month % step) == 0:
                label = str(year) if month == 0 else f"{MONTHS[month + 1]} {year}"
                ticks.append((float(day.toordinal()), label))
            index += 1
    else:
        step = next(s for s in (1, 2, 7, 14, 28) if span / s <= 8)
        day = first + dt.timedelta(days=1)
        while day <= last:
            if (day.toordinal() - first.toordinal()) % step == 0 or step == 1:
                ticks.append((float(day.toordinal()), f"{day.day} {MONTHS[day.month]}"))
            day += dt.timedelta(days=1)
    return [(x, t) for x, t in ticks if lo <= x <= hi]


@dataclass(frozen=True, slots=True)
class _Placed:
    side: int  # -1 above the axis, +1 below
    lane: int  # 1 is nearest the axis
    left: float
    right: float
    stem: float


def _conflicts(c: _Placed, placed: list[_Placed], strict: bool) -> bool:
    gap = 6.0
    for p in placed:
        if p.side != c.side:
            continue
        if p.lane == c.lane and c.left < p.right + gap and p.left < c.right + gap:
            return True
        # A stem may not pass through a label nearer the axis, in either order of placement.
        if strict and p.lane < c.lane and p.left - 2 <= c.stem <= p.right + 2:
            return True
        if strict and p.lane > c.lane and c.left - 2 <= p.stem <= c.right + 2:
            return True
    return False


def _place(x: float, w: float, width: float, placed: list[_Placed]) -> _Placed:
    left = min(max(x - w / 2, MARGIN), width - MARGIN - w)
    # Prefer a compact chart whose stems cross no label; when crowded, stems run behind knocked-out labels.
    for strict, lanes in ((True, 4), (False, 12)):
        for lane in range(1, lanes + 1):
            for side in (-1, 1):
                c = _Placed(side, lane, left, left + w, x)
                if not _conflicts(c, placed, strict):
                    return c
    lane = 1 + max(p.lane for p in placed)  # a crowded chart grows rather than overlapping
    return _Placed(-1, lane, left, left + w, x)


def timeline_layout(events: tuple[Event, ...], width: float) -> Layout:
    """Return the timeline chart: a time axis with events placed by date and staggered labels."""
    dated = sorted(
        ((day, e) for e in events if (day := event_day(e.date)) is not None), key=lambda pair: pair[0]
    )
    if not dated:
        return message_layout(width, "No dated events")
    first, last = dated[0][0], dated[-1][0]
    pad = max((last - first) * 0.06, 4.0)
    lo, hi = first - pad, last + pad
    x0, x1 = MARGIN + 4, width - MARGIN - 4

    def xpos(day: float) -> float:
        return x0 + (day - lo) / (hi - lo) * (x1 - x0)

    # Crowded charts get shorter labels (the timeline table beside the chart has the full text).
    room = width - 2 * MARGIN
    max_label = min(120.0, room * 0.45, max(65.0, 2.5 * room / len(dated)))
    block_h, lane_h = 2 * FONT + 4, 2 * FONT + 9
    placed: list[tuple[_Placed, str, str]] = []
    for day, event in dated:
        date_text = short_date(event.date)
        label_text = short_label(event.label or event.text, max_width=max_label)
        w = min(max(text_width(date_text, FONT, True), text_width(label_text, FONT)) + 4, width - 2 * MARGIN)
        slot = _place(xpos(day), w, width, [p for p, _, _ in placed])
        placed.append((slot, date_text, label_text))

    above = max((p.lane for p, _, _ in placed if p.side < 0), default=0)
    below = max((p.lane for p, _, _ in placed if p.side > 0), default=0)
    axis_y = MARGIN + above * lane_h + 8
    below_top = axis_y + 22
    height = below_top + below * lane_h + MARGIN - (4 if below else 14)

    items: list[Item] = [Stroke(x0, axis_y, x1, axis_y, AXIS, 1.0)]
    last_right = -1e9
    for day, text in _ticks(lo, hi):
        x = xpos(day)
        items.append(Stroke(x, axis_y, x, axis_y + 3, AXIS, 0.6))
        w = text_width(text, FONT - 1)
        if x - w / 2 > last_right + 4 and x - w / 2 >= 0 and x + w / 2 <= width:
            items.append(Label(x, axis_y + 12, text, FONT - 1, anchor="middle", colour=MUTED))
            last_right = x + w / 2
    labels: list[Item] = []
    for slot, date_text, label_text in placed:
        if slot.side < 0:
            top = axis_y - 8 - slot.lane * lane_h + (lane_h - block_h)
            items.append(Stroke(slot.stem, axis_y, slot.stem, top + block_h, AXIS, 0.5))
        else:
            top = below_top + (slot.lane - 1) * lane_h
            items.append(Stroke(slot.stem, axis_y, slot.stem, top - 1, AXIS, 0.5))
        centre = (slot.left + slot.right) / 2
        labels.append(Box(slot.left, top - 1, slot.right - slot.left, block_h + 1, "#ffffff"))
        labels.append(Label(centre, top + FONT, date_text, FONT, bold=True, anchor="middle", colour=POINT))
        labels.append(Label(centre, top + 2 * FONT + 2.5, label_text, FONT, anchor="middle"))
    items.extend(labels)  # after every stem, so a label's white box hides stems passing behind it
    items.extend(Dot(xpos(day), axis_y, 2.6) for day, _ in dated)
    return Layout(width, height, tuple(items))


# --- themes bar chart ---------------------------------------------------------------------------------


def themes_layout(themes: tuple[ThemeSummary, ...], width: float) -> Layout:
    """Return the themes chart: per theme, bars for sentences, sources and quotes."""
    if not themes:
        return message_layout(width, "No themes")
    bar_h, bar_gap, group_gap = 6.5, 1.5, 9.0
    group_h = 3 * bar_h + 2 * bar_gap
    titles = [t.theme.title for t in themes]
    label_w = min(max(text_width(t, FONT) for t in titles) + 2, (width - 2 * MARGIN) * 0.34)
    bars_x = MARGIN + label_w + 8
    value_room = 22.0
    bar_max = max(width - MARGIN - bars_x - value_room, 10.0)
    top = MARGIN + 16  # legend row
    peak = max(max(t.sentences, t.sources, t.quotes) for t in themes) or 1

    items: list[Item] = []
    x = bars_x
    for colour, name in zip(BAR_COLOURS, BAR_NAMES, strict=True):
        items.append(Box(x, MARGIN + 1, 8, 7, colour))
        items.append(Label(x + 11, MARGIN + 7.5, name, FONT, colour=MUTED))
        x += 11 + text_width(name, FONT) + 14
    y = top
    for summary, title in zip(themes, titles, strict=True):
        lines = wrap(title, label_w, 2)
        first_base = y + group_h / 2 - (len(lines) - 1) * (FONT + 1.5) / 2 + FONT * 0.35
        for i, line in enumerate(lines):
            items.append(Label(MARGIN + label_w, first_base + i * (FONT + 1.5), line, FONT, anchor="end"))
        for i, (value, colour) in enumerate(
            zip((summary.sentences, summary.sources, summary.quotes), BAR_COLOURS, strict=True)
        ):
            by = y + i * (bar_h + bar_gap)
            length = bar_max * max(value, 0) / peak
            if length > 0:
                items.append(Box(bars_x, by, length, bar_h, colour))
            items.append(Label(bars_x + length + 3, by + bar_h - 0.8, str(value), FONT - 1, colour=MUTED))
        y += group_h + group_gap
    height = y - group_gap + MARGIN
    items.insert(0, Stroke(bars_x, top - 3, bars_x, height - MARGIN + 3, AXIS, 0.8))
    return Layout(width, height, tuple(items))


def figure_layout(fig: Figure, width: float) -> Layout:
    """Return the chart for a Figure at ``width`` points."""
    if fig.kind == "timeline":
        return timeline_layout(fig.events, width)
    if fig.kind == "themes":
        return themes_layout(fig.themes, width)
    if fig.kind == "trend":
        return trend_layout(fig.trend, width)
    return message_layout(width, f"Unknown figure kind {fig.kind!r}")


# --- backends -----------------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _pil_font(size_px: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(BOLD if bold else FAMILY)), size_px)


def prepare_png() -> None:
    """Load Pillow's file format plugins, which the first PNG saved in a process would (20 ms)."""
    Image.preinit()


def figure_png(fig: Figure, width_px: int = 1600) -> bytes:
    """Return the figure as PNG bytes, ``width_px`` wide; the same Figure always gives the same bytes."""
    layout = figure_layout(fig, PNG_WIDTH_UNITS)
    scale = width_px / layout.width
    image = Image.new("RGB", (width_px, max(1, round(layout.height * scale))), "white")
    draw = ImageDraw.Draw(image)
    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for item in layout.items:
        if isinstance(item, Stroke):
            xy = [(item.x1 * scale, item.y1 * scale), (item.x2 * scale, item.y2 * scale)]
            draw.line(xy, fill=item.colour, width=max(1, round(item.width * scale)))
        elif isinstance(item, Box):
            box = [item.x * scale, item.y * scale, (item.x + item.w) * scale, (item.y + item.h) * scale]
            draw.rectangle(box, fill=item.colour)
        elif isinstance(item, Dot):
            r = item.r * scale
            draw.ellipse(
                [item.x * scale - r, item.y * scale - r, item.x * scale + r, item.y * scale + r],
                fill=item.colour,
            )
        else:
            font = _pil_font(max(1, round(item.size * scale)), item.bold)
            draw.text(
                (item.x * scale, item.y * scale),
                item.text,
                font=font,
                fill=item.colour,
                anchor=anchors[item.anchor],
            )
    out = io.BytesIO()
    # No pnginfo and a fixed compression level: Pillow then writes no timestamp, so bytes are reproducible.
    image.save(out, format="PNG", compress_level=6)  # 9 took 5x longer for ~5% smaller files
    return out.getvalue()


def figure_drawing(fig: Figure, width_pt: float) -> Drawing:
    """Return the figure as a reportlab vector Drawing ``width_pt`` wide."""
    register_fonts()
    layout = figure_layout(fig, width_pt)
    h = layout.height
    drawing = Drawing(layout.width, h)
    drawing.initialFontName = FAMILY  # else reportlab sets an unembedded Helvetica first
    for item in layout.items:
        colour = colors.HexColor(item.colour)
        if isinstance(item, Stroke):
            shape: Line | Rect | Circle | String = Line(item.x1, h - item.y1, item.x2, h - item.y2)
            shape.setProperties({"strokeColor": colour, "strokeWidth": item.width})
        elif isinstance(item, Box):
            shape = Rect(item.x, h - item.y - item.h, item.w, item.h, fillColor=colour, strokeColor=None)
        elif isinstance(item, Dot):
            shape = Circle(item.x, h - item.y, item.r, fillColor=colour, strokeColor=None)
        else:
            shape = String(item.x, h - item.y, item.text, fontName=BOLD if item.bold else FAMILY)
            shape.setProperties({"fontSize": item.size, "fillColor": colour, "textAnchor": item.anchor})
        drawing.add(shape)
    return drawing

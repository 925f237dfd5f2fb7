"""Chart primitives: the shapes a figure's layout is made of, in points, and the palette they use."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import Literal

Anchor = Literal["start", "middle", "end"]

# Layout units are points: the PDF draws them 1:1, the PNG scales them to its pixel width.
PNG_WIDTH_UNITS = 500.0
MARGIN = 10.0
FONT = 7.5
INK = "#1a1a1a"
MUTED = "#555555"
AXIS = "#7a828c"
POINT = "#1f4e79"
BAR_COLOURS = ("#0072B2", "#E69F00", "#009E73")  # Okabe-Ito: distinguishable with colour-blindness
BAR_NAMES = ("sentences", "sources", "quotes")
MONTHS = tuple(calendar.month_abbr)


@dataclass(frozen=True, slots=True)
class Stroke:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = AXIS
    width: float = 0.8


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    colour: str


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    r: float
    colour: str = POINT


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float  # baseline
    text: str
    size: float = FONT
    bold: bool = False
    anchor: Anchor = "start"
    colour: str = INK


Item = Stroke | Box | Dot | Label


@dataclass(frozen=True, slots=True)
class Layout:
    """A chart as primitives in a top-left coordinate system (y grows downwards), in points."""

    width: float
    height: float
    items: tuple[Item, ...]


def message_layout(width: float, text: str) -> Layout:
    """Return a chart that only says why it is empty."""
    return Layout(width, 40.0, (Label(width / 2, 24.0, text, FONT + 1, anchor="middle", colour=MUTED),))

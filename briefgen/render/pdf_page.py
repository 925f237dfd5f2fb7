"""Render to PDF: the page template, a running header (title, marking, logo) and "Page N of M" footer."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .pdf_styles import BOLD, FAMILY, MARK, MUTED, RULE, Geometry, ellipsize


@dataclass(frozen=True, slots=True)
class PageDecor:
    """What every page shows besides the story: header title, marking, and the creation date."""

    title: str
    marking: str | None
    as_of: str  # YYYY-MM-DD; becomes the PDF creation date so rebuilds are byte-identical
    geometry: Geometry
    logo: bytes | None = None  # the reference document's header picture, drawn left of the title


def _timestamp(as_of: str) -> TimeStamp:
    """Return a reportlab TimeStamp for midnight UTC of ``as_of`` (fixed, unlike the wall clock)."""
    stamp = TimeStamp(1)
    try:
        day = dt.datetime.strptime(as_of, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return stamp  # reportlab's invariant date: still reproducible
    stamp.t = day.timestamp()
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


# How a PDF string writes each byte, as reportlab's escapePDF does: octal escapes for control and
# non-ASCII bytes, a backslash before \\, ( and ).
_PDF_ESCAPES = str.maketrans(
    {
        c: f"\\{c:03o}" if c < 32 or c >= 127 else "\\" + chr(c) if chr(c) in "\\()" else chr(c)
        for c in range(256)
    }
)


def escape_pdf(data: bytes) -> str:
    """Return ``data`` escaped for a PDF string, exactly as reportlab's escapePDF, with a translation table.

    Without reportlab's optional C accelerator its escapePDF handles each byte in Python.
    """
    return data.decode("latin-1").translate(_PDF_ESCAPES)


def numbered_canvas(decor: PageDecor) -> type[Canvas]:
    """Return a Canvas class that defers page furniture until the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = _timestamp(decor.as_of)
            self._pages: list[dict[str, Any]] = []
            self.page_count = 0

        def _escape(self, s: str | bytes) -> str:
            return escape_pdf(s) if isinstance(s, bytes) else super()._escape(s)  # type: ignore[no-any-return]

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            self.page_count = total  # after the loop: restoring page states reset it
            super().save()

        def _furniture(self, total: int) -> None:
            g = decor.geometry
            self.saveState()
            right = g.width - g.right
            head_y = g.height - g.top + 10
            mark_w = 0.0
            if decor.marking:
                self.setFont(BOLD, 7.5)
                self.setFillColor(MARK)
                marking = ellipsize(decor.marking, g.frame_width * 0.45, 7.5, bold=True)
                self.drawRightString(right, head_y, marking)
                self.drawString(g.left, g.bottom - 16, marking)
                mark_w = pdfmetrics.stringWidth(marking, BOLD, 7.5) + 12
            left = g.left
            if decor.logo:
                left += _draw_logo(self, decor.logo, g.left, head_y - 2)
            self.setFont(FAMILY, 7.5)
            self.setFillColor(MUTED)
            self.drawString(
                left, head_y, ellipsize(decor.title, g.frame_width - mark_w - (left - g.left), 7.5)
            )
            self.drawRightString(right, g.bottom - 16, f"Page {self._pageNumber} of {total}")
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(g.left, head_y - 4, right, head_y - 4)
            self.line(g.left, g.bottom - 7, right, g.bottom - 7)
            self.restoreState()

    return NumberedCanvas


LOGO_HEIGHT = 14.0  # points: the header logo sits on the header line, beside the title


def _draw_logo(canvas: Canvas, data: bytes, x: float, y: float) -> float:
    """Draw the header logo with its bottom at ``y``; return the width it took (with a gap)."""
    import io

    from reportlab.lib.utils import ImageReader

    try:
        image = ImageReader(io.BytesIO(data))
        w, h = image.getSize()
    except Exception:  # noqa: BLE001 - a picture reportlab cannot read: the header keeps its title
        return 0.0
    width = LOGO_HEIGHT * w / h if h else 0.0
    canvas.drawImage(image, x, y, width=width, height=LOGO_HEIGHT, mask="auto")
    return width + 6

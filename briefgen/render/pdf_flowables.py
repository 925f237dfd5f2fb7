"""The PDF's building blocks: safe Paragraph markup from brief text, and the flowables the writer uses.

Paragraph text is markup, so every brief string goes through ``esc`` (or ``link``); the flowables keep
line breaks once measured, add headings to the outline, and shrink a figure to finish a page.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag
from reportlab.rl_config import _FUZZ

# Control characters render as boxes (or break the PDF string syntax); tab, CR and LF become spaces.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_SPACE = re.compile(r"[\t\r\n]+")
# Layout time grows faster than linearly with paragraph length, so long text is set in bounded pieces.
CHUNK = 1500
_SAFE_URL = re.compile(r"^(https?|mailto):", re.IGNORECASE)


def clean(text: str) -> str:
    """Return ``text`` without control characters or line breaks: safe for PDF strings and outlines."""
    return _SPACE.sub(" ", _CONTROL.sub("", text))


def mark_markup(mark: str) -> str:
    """Return the markup of a sentence's archive mark (carried over, developing), set in italics."""
    return f"<i>{escape(clean(mark))}</i> " if mark else ""


def esc(text: str) -> str:
    """Return brief text as literal Paragraph markup: Paragraph text is markup, ours only."""
    return escape(clean(text))


def chunks(text: str, limit: int = CHUNK) -> list[str]:
    """Return ``text`` split at spaces (or hard, when there are none) into pieces of at most ``limit``."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit)
        cut = limit if cut < 0 else cut
        pieces.append(text[:cut])
        text = text[cut:].lstrip()
    pieces.append(text)
    return pieces


def link(url: str | None) -> str:
    """Return a clickable link for a web or mail URL (others stay plain text), or ''."""
    if not url:
        return ""
    shown = esc(url)
    if not _SAFE_URL.match(url.strip()):
        return shown
    href = escape(clean(url.strip()), {'"': "&quot;"})
    return f'<a href="{href}" color="#1f4e79"><u>{shown}</u></a>'


# What Paragraph.wrap leaves on the paragraph: its line breaks and size for one width.
_WRAP_STATE = ("width", "height", "blPara", "_wrapWidths", "_width_max")

# Per style, the fragment reportlab's markup parser makes of a plain text (see CachedParagraph).
_PLAIN_FRAGS: WeakKeyDictionary[ParagraphStyle, ParaFrag] = WeakKeyDictionary()


def _plain_frags(text: str, style: ParagraphStyle) -> list[ParaFrag]:
    """Return the fragments reportlab's parser makes of ``text``: no markup, already cleaned, not empty.

    Such a text parses to a single fragment that differs from the style's fragment for any other
    plain text only in its text, so the style's is parsed once and copied with fresh lists.
    """
    template = _PLAIN_FRAGS.get(style)
    if template is None:
        template = _PLAIN_FRAGS[style] = Paragraph("x", style).frags[0]
    return [template.clone(text=text, link=[], us_lines=[])]


class CachedParagraph(Paragraph):
    """A Paragraph that parses plain text without the markup parser and keeps its line breaks.

    Most paragraphs (table cells, source notes) are plain text, and running the HTML-based markup
    parser for each was a tenth of the PDF time; text with no tag or entity is turned into its single
    fragment directly instead.

    reportlab wraps a paragraph each time it is measured: a table wraps every cell to size its rows,
    again for each page it is split across and again to draw it, and KeepTogether and the frame wrap
    their content too. Line breaking is most of the layout time, and depends on the width only (the
    height merely decides how much fits), so one width's result is kept. A split discards it: the
    pieces are new paragraphs, and the original's fragments may have been changed by splitting.
    """

    _wrapped: tuple[float, dict[str, object]] | None = None

    def __init__(
        self, text: str | None, style: ParagraphStyle, bulletText: str | None = None, frags: object = None
    ) -> None:
        if frags is None and text and "<" not in text and "&" not in text and not style.textTransform:
            text = cleanBlockQuotedText(text)  # what Paragraph does before parsing
            if text:
                frags = _plain_frags(text, style)
        super().__init__(text, style, bulletText, frags)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        kept = self._wrapped
        if kept is not None and kept[0] == availWidth:
            self.__dict__.update(kept[1])
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if availWidth >= _FUZZ:  # narrower, reportlab sets nothing: there is nothing to keep
            self._wrapped = (availWidth, {name: getattr(self, name) for name in _WRAP_STATE})
        return size  # type: ignore[no-any-return]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._wrapped = None
        return super().split(availWidth, availHeight)  # type: ignore[no-any-return]


class Bookmarked(CachedParagraph):
    """A heading Paragraph that adds itself to the PDF outline when placed."""

    def __init__(self, text: str, style: object, title: str, level: int) -> None:
        super().__init__(text, style)
        self.outline_title = title
        self.outline_level = level


class BriefDoc(SimpleDocTemplate):
    """A document template that turns Bookmarked headings into outline entries with clamped levels."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._last_level = -1
        self._marks = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        if not isinstance(flowable, Bookmarked):
            return
        # The outline may go up any number of levels but down only one (reportlab raises otherwise).
        level = max(0, min(flowable.outline_level, self._last_level + 1))
        self._last_level = level
        self._marks += 1
        key = f"h{self._marks}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.outline_title, key, level=level, closed=False)


class FitDrawing(Flowable):
    """A drawing that shrinks (down to 60%) to finish a page rather than leave a blank half page."""

    MIN_SCALE = 0.6

    def __init__(self, drawing: Flowable, caption_height: float = 0.0) -> None:
        super().__init__()
        self.drawing = drawing
        self.caption_height = caption_height  # the caption must fit under it too
        self.k = 1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.drawing.width, self.drawing.height
        room = avail_height - self.caption_height
        self.k = 1.0 if h <= room else max(self.MIN_SCALE, room / h)
        self.width, self.height = w * self.k, h * self.k
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.scale(self.k, self.k)
        self.drawing.drawOn(self.canv, 0, 0)
        self.canv.restoreState()

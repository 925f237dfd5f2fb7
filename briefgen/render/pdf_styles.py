"""Render to PDF: fonts, paragraph styles and page geometry shared by the PDF renderer and the figures."""

from __future__ import annotations

from dataclasses import dataclass, fields
from itertools import groupby
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .look import Look, TextLook, font_key

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FILES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#b0b7c0")
SHADE = colors.HexColor("#eef2f6")
MARK = colors.HexColor("#9b1c1c")


def font_path(name: str) -> Path:
    """Return the shipped TTF file for a registered font name."""
    return FONT_DIR / _FILES[name]


class _MeasuredFont(TTFont):  # type: ignore[misc]
    """A TTFont that remembers the widths it measured.

    Laying out a paragraph measures every word, and again for each wrap; without reportlab's optional C
    accelerator each measurement sums the glyph widths in Python. A width depends only on the text and
    the size, so it is computed once per process.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._widths: dict[tuple[str, float], float] = {}

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:  # noqa: N802
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = super().stringWidth(text, size, encoding)
        return width

    def splitString(self, text: str, doc: object, encoding: str = "utf-8") -> list[tuple[int, bytes]]:  # noqa: N802
        """Return ``text`` as (subset, codes) runs, as TTFont does; one lookup per character when it can.

        TTFont assigns each new character a code in a subset, character by character in Python. Once
        every character of a text has its code (soon, for running text), the runs follow from the
        codes alone; a text with a new character takes TTFont's path, which assigns it.
        """
        state = self.state.get(doc)
        if state is None or not isinstance(text, str):
            return super().splitString(text, doc, encoding)  # type: ignore[no-any-return]
        assignments = state.assignments
        try:
            codes = [assignments[c] for c in map(ord, text.replace("\xa0", " "))]  # TTFont: nbsp is a space
        except KeyError:
            return super().splitString(text, doc, encoding)  # type: ignore[no-any-return]
        if not codes:
            return []
        if max(codes) < 256:
            return [(0, bytes(codes))]
        return [(subset, bytes(c & 0xFF for c in run)) for subset, run in groupby(codes, lambda c: c >> 8)]


def register_fonts() -> None:
    """Register DejaVu (regular, bold, italic, bold italic) with reportlab, once per process."""
    # Registration is global in reportlab; checking first keeps repeated renders cheap and idempotent.
    if FAMILY in pdfmetrics.getRegisteredFontNames():
        return
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(_MeasuredFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Return the width in points of ``text`` set in DejaVu at ``size``."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, BOLD if bold else FAMILY, size))


def ellipsize(text: str, max_width: float, size: float = 7.5, bold: bool = False) -> str:
    """Return ``text`` cut at a word (or character) boundary with '…' so it fits ``max_width``."""
    text = " ".join(text.split())
    if text_width(text, size, bold) <= max_width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(",;:.") + "\u2026"
        if text_width(candidate, size, bold) <= max_width:
            return candidate
    word = words[0]
    while word and text_width(word + "\u2026", size, bold) > max_width:
        word = word[:-1]
    return word + "\u2026"


def wrap(text: str, max_width: float, max_lines: int, size: float = 7.5, bold: bool = False) -> list[str]:
    """Return ``text`` broken into at most ``max_lines`` lines of ``max_width``; the last one ellipsised."""
    lines: list[str] = []
    words = " ".join(text.split()).split(" ")
    while words and len(lines) < max_lines - 1:
        line = words[0]
        i = 1
        while i < len(words) and text_width(line + " " + words[i], size, bold) <= max_width:
            line += " " + words[i]
            i += 1
        if text_width(line, size, bold) > max_width:
            break  # a single over-long word: let the last line ellipsise it
        lines.append(line)
        words = words[i:]
    if words:
        lines.append(ellipsize(" ".join(words), max_width, size, bold))
    return lines


@dataclass(frozen=True, slots=True)
class Geometry:
    """Page size and margins in points."""

    width: float = A4[0]
    height: float = A4[1]
    left: float = 20 * mm
    right: float = 20 * mm
    top: float = 22 * mm
    bottom: float = 20 * mm

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


def geometry(one_page: bool, look: Look | None = None) -> Geometry:
    """Return the page geometry: the reference document's page and margins if it changes them, tighter
    margins for one-page briefs."""
    page = look.page if look is not None else None
    size = {"width": page.width, "height": page.height} if page else {}
    if one_page:
        return Geometry(left=15 * mm, right=15 * mm, top=16 * mm, bottom=14 * mm, **size)
    if page:
        return Geometry(page.width, page.height, page.left, page.right, page.top, page.bottom)
    return Geometry()


@dataclass(frozen=True, slots=True)
class Styles:
    """The paragraph styles the renderer uses, one attribute per role."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    cover: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    quote: ParagraphStyle
    attribution: ParagraphStyle
    context: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    caption: ParagraphStyle
    note: ParagraphStyle
    note_head: ParagraphStyle

    def heading(self, level: int) -> ParagraphStyle:
        """Return the heading style for level 1..3 (clamped)."""
        return (self.h1, self.h2, self.h3)[min(max(level, 1), 3) - 1]


ONLY = ""  # key of the template folder's only font family, if it has exactly one


def _template_fonts(paths: tuple[Path, ...]) -> dict[str, dict[str, str]]:
    """Register the template folder's TTF files; return {family key: {"regular"|"bold"|...: font name}}."""
    families: dict[str, dict[str, str]] = {}
    names: set[str] = set()
    registered = set(pdfmetrics.getRegisteredFontNames())
    for path in paths:
        name = "T-" + path.stem
        if name not in registered:
            try:
                pdfmetrics.registerFont(_MeasuredFont(name, str(path)))
            except Exception:  # noqa: BLE001 - a damaged font file: the brief keeps DejaVu
                continue
        font = pdfmetrics.getFont(name)
        family = font.face.familyName
        family = family.decode("latin-1") if isinstance(family, bytes) else str(family)
        stem = path.stem.lower()
        variant = (
            "bolditalic"
            if "bold" in stem and ("italic" in stem or "oblique" in stem)
            else "bold"
            if "bold" in stem
            else "italic"
            if "italic" in stem or "oblique" in stem
            else "regular"
        )
        families.setdefault(font_key(family), {})[variant] = name
        families.setdefault(font_key(path.stem.split("-")[0]), {})[variant] = name
        names.add(font_key(family))
    if len(names) == 1:
        families[ONLY] = families[names.pop()]
    return families


def _restyled(
    style: ParagraphStyle, look: TextLook, k: float, sp: float, fonts: dict[str, dict[str, str]]
) -> ParagraphStyle:
    """Return ``style`` with the changes an audience's reference.docx makes to the matching Word style."""
    changes: dict[str, object] = {}
    if look.size:
        changes["fontSize"] = look.size * k
        changes["leading"] = look.size * k * 1.32
    if look.color:
        changes["textColor"] = colors.HexColor(look.color)
    if look.space_before is not None:
        changes["spaceBefore"] = look.space_before * sp
    if look.space_after is not None:
        changes["spaceAfter"] = look.space_after * sp
    bold = look.bold if look.bold is not None else "Bold" in style.fontName
    italic = (
        look.italic
        if look.italic is not None
        else ("Oblique" in style.fontName or "Italic" in style.fontName)
    )
    variant = "bolditalic" if bold and italic else "bold" if bold else "italic" if italic else "regular"
    family = fonts.get(font_key(look.font)) if look.font else None
    if family is None and not look.font:
        family = fonts.get(ONLY)  # the folder's one font family, when no style names a font: every style
    if family:
        changes["fontName"] = family.get(variant) or family.get("regular") or next(iter(family.values()))
    elif look.bold is not None or look.italic is not None:
        changes["fontName"] = {"bolditalic": BOLD_ITALIC, "bold": BOLD, "italic": ITALIC, "regular": FAMILY}[
            variant
        ]
    if not changes:
        return style
    out = ParagraphStyle(style.name, parent=None)
    out.__dict__.update(style.__dict__)
    out.__dict__.update(changes)
    return out


# Which Word style each PDF role follows (roles not listed follow Normal's font and colour only).
_ROLE_STYLE = {
    "title": "Title",
    "subtitle": "Subtitle",
    "h1": "Heading 1",
    "h2": "Heading 2",
    "h3": "Heading 3",
    "body": "Normal",
    "bullet": "List Bullet",
    "quote": "Quote",
    "caption": "Caption",
}


def make_styles(one_page: bool, fit: float = 1.0, look: Look | None = None) -> Styles:
    """Return the style set; one-page briefs get smaller type and tighter spacing, shrunk further by ``fit``."""
    styles = _base_styles(one_page, fit)
    if look is None or (not look.styles and not look.fonts):
        return styles
    k = (0.86 if one_page else 1.0) * fit
    sp = (0.55 if one_page else 1.0) * fit
    fonts = _template_fonts(look.fonts)
    if any(t.font for t in look.styles.values()):
        fonts.pop(ONLY, None)  # the styles say where the folder's fonts go; the rest keep briefgen's
    normal = look.style("Normal")
    plain = TextLook(font=normal.font, color=normal.color)
    return Styles(
        **{
            f.name: _restyled(
                getattr(styles, f.name),
                look.style(_ROLE_STYLE[f.name]) if f.name in _ROLE_STYLE else plain,
                k,
                sp,
                fonts,
            )
            for f in fields(Styles)
        }
    )


def _base_styles(one_page: bool, fit: float = 1.0) -> Styles:
    """Return briefgen's own style set, before an audience's reference.docx changes it."""
    register_fonts()
    k = (0.86 if one_page else 1.0) * fit  # type scale
    sp = (0.55 if one_page else 1.0) * fit  # vertical spacing scale

    def style(name: str, size: float, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": FAMILY,
            "bulletFontName": FAMILY,  # reportlab defaults bullets to Helvetica, which is not embedded
            "fontSize": size * k,
            "leading": size * k * 1.32,
            "textColor": INK,
            "alignment": TA_LEFT,
            "splitLongWords": 1,
            "spaceAfter": 5 * sp,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    def heading(
        name: str, size: float, font: str, colour: object, before: float, after: float
    ) -> ParagraphStyle:
        """Return a heading style: ``before`` and ``after`` are its spacing in points at full size."""
        return style(
            name, size, fontName=font, textColor=colour, spaceBefore=before * sp, spaceAfter=after * sp
        )

    body = style("Body", 10)
    return Styles(
        title=style("Title", 20, fontName=BOLD, leading=24 * k, textColor=ACCENT, spaceAfter=3 * sp),
        subtitle=style("Subtitle", 12.5, fontName=ITALIC, textColor=MUTED, spaceAfter=4 * sp),
        cover=style("Cover", 9, textColor=MUTED, spaceAfter=1),
        h1=heading("Heading1", 14, BOLD, ACCENT, 12, 5),
        h2=heading("Heading2", 12, BOLD, ACCENT, 9, 4),
        h3=heading("Heading3", 10.5, BOLD_ITALIC, INK, 7, 3),
        body=body,
        bullet=style("Bullet", 10, leftIndent=14, bulletIndent=3, spaceAfter=3 * sp),
        quote=style(
            "Quote", 10.5, fontName=ITALIC, leftIndent=18, rightIndent=12, spaceAfter=1, textColor=INK
        ),
        attribution=style("Attribution", 9, leftIndent=18, textColor=MUTED, spaceAfter=2 * sp),
        context=style("Context", 8.5, leftIndent=18, rightIndent=12, textColor=MUTED, spaceAfter=6 * sp),
        cell=style("Cell", 8.5, spaceAfter=0),
        cell_head=style("CellHead", 8.5, fontName=BOLD, spaceAfter=0),
        caption=style("Caption", 8.5, fontName=ITALIC, textColor=MUTED, spaceBefore=2, spaceAfter=8 * sp),
        note=style("Note", 8, leftIndent=16, firstLineIndent=-16, spaceAfter=2 * sp),
        note_head=style("NoteHead", 9.5, fontName=BOLD, spaceBefore=5 * sp, spaceAfter=2 * sp),
    )

"""An audience's look, read from its reference.docx, so one file restyles the Word, PDF and HTML briefs.

Word styles are the single source: for Title, Subtitle, Heading 1-3, Normal, List Bullet, Quote and
Caption the look records what the audience's reference document changes from briefgen's own (font,
size, colour, bold, italic, spacing) and its page size and margins; the PDF and HTML renderers apply
those changes to their own designs. Fonts (.ttf) and a style.css in the template folder come along.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from .options import RenderOptions

ROLES = (
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Normal",
    "List Bullet",
    "Quote",
    "Caption",
)


@dataclass(frozen=True, slots=True)
class TextLook:
    """A style's text properties; None where the reference document keeps briefgen's own."""

    font: str | None = None
    size: float | None = None  # points
    color: str | None = None  # "#rrggbb"
    bold: bool | None = None
    italic: bool | None = None
    space_before: float | None = None  # points
    space_after: float | None = None  # points


@dataclass(frozen=True, slots=True)
class Page:
    """Page size and margins in points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Look:
    """What an audience's template folder changes from briefgen's own design, for every format."""

    styles: dict[str, TextLook] = field(default_factory=dict)
    page: Page | None = None
    fonts: tuple[Path, ...] = ()  # .ttf files in the template folder, embedded in the PDF
    css: str | None = None  # the template folder's style.css, added to the HTML
    logo: bytes | None = None  # the first picture in the reference document's header (PNG or JPEG)

    def style(self, role: str) -> TextLook:
        """Return the changes to one Word style (nothing changed: an empty TextLook)."""
        return self.styles.get(role, TextLook())


def _inherited(style: Any, get: Any) -> Any:
    """Return the first value ``get`` finds on the style or the styles it is based on."""
    while style is not None:
        try:
            value = get(style)
        except (ValueError, AttributeError):  # a theme colour, say: not a value we can carry over
            value = None
        if value is not None:
            return value
        style = style.base_style
    return None


def _text_look(doc: Any, role: str) -> TextLook:
    try:
        style = doc.styles[role]
    except KeyError:
        return TextLook()
    rgb = _inherited(style, lambda s: s.font.color.rgb)
    size = _inherited(style, lambda s: s.font.size)
    before = _inherited(style, lambda s: s.paragraph_format.space_before)
    after = _inherited(style, lambda s: s.paragraph_format.space_after)
    return TextLook(
        font=_inherited(style, lambda s: s.font.name),
        size=size.pt if size is not None else None,
        color=f"#{rgb}".lower() if rgb is not None else None,
        bold=_inherited(style, lambda s: s.font.bold),
        italic=_inherited(style, lambda s: s.font.italic),
        space_before=before.pt if before is not None else None,
        space_after=after.pt if after is not None else None,
    )


def _page(doc: Any) -> Page | None:
    s = doc.sections[0]
    values = (s.page_width, s.page_height, s.left_margin, s.right_margin, s.top_margin, s.bottom_margin)
    if any(v is None for v in values):
        return None
    return Page(*(v.pt for v in values))


def _delta(mine: TextLook, base: TextLook) -> TextLook:
    return TextLook(
        **{
            f.name: (v if v != getattr(base, f.name) else None)
            for f in fields(TextLook)
            if (v := getattr(mine, f.name)) is not None
        }
    )


@lru_cache(maxsize=1)
def _builtin() -> tuple[dict[str, TextLook], Page | None]:
    from .reference_doc import build_reference

    doc = build_reference()
    return {r: _text_look(doc, r) for r in ROLES}, _page(doc)


def _logo(doc: Any) -> bytes | None:
    """Return the first PNG or JPEG picture of the document's first header, if it has one."""
    header = doc.sections[0].header
    for rel in header.part.rels.values():
        if rel.reltype.endswith("/image") and not rel.is_external:
            blob = rel.target_part.blob
            if blob[:8] == b"\x89PNG\r\n\x1a\n" or blob[:3] == b"\xff\xd8\xff":
                return bytes(blob)
    return None


@lru_cache(maxsize=32)
def _read(path: str, stamp: tuple[int, int]) -> tuple[dict[str, TextLook], Page | None, bytes | None]:
    """Return a reference document's changes from briefgen's own (``stamp`` re-reads a changed file)."""
    import docx

    doc = docx.Document(path)
    base, base_page = _builtin()
    styles = {r: d for r in ROLES if (d := _delta(_text_look(doc, r), base[r])) != TextLook()}
    page = _page(doc)
    return styles, page if page != base_page else None, _logo(doc)


def read_look(options: RenderOptions) -> Look:
    """Return the look of an audience: its reference.docx's changes, fonts and style.css."""
    from .reference_doc import reference_path

    styles: dict[str, TextLook] = {}
    page = None
    logo = None
    path = reference_path(options)
    if path is not None:
        st = path.stat()
        try:
            styles, page, logo = _read(str(path), (st.st_mtime_ns, st.st_size))
        except Exception:  # noqa: BLE001 - the DOCX renderer reports a bad reference document, with its name
            styles, page, logo = {}, None, None
    folder = options.template_dir
    fonts: tuple[Path, ...] = ()
    css = None
    if folder is not None and folder.is_dir():
        real = folder.resolve()
        fonts = tuple(
            sorted(p for p in folder.iterdir() if p.suffix.lower() == ".ttf" and p.resolve().parent == real)
        )
        sheet = folder / "style.css"
        if sheet.is_file() and sheet.resolve().parent == real:  # a template reads only files in its folder
            css = sheet.read_text(encoding="utf-8", errors="replace")
    return Look(styles, page, fonts, css, logo)


def font_key(name: str) -> str:
    """Return a font name as fonts are matched: lower case, without spaces, hyphens or underscores."""
    return "".join(c for c in name.lower() if c.isalnum())


def css_of(look: TextLook) -> str:
    """Return CSS declarations for a style's changes."""
    out = []
    if look.font:
        out.append(f"font-family:'{look.font}',{'serif' if 'serif' in look.font.lower() else 'sans-serif'};")
    if look.size:
        out.append(f"font-size:{look.size * 4 / 3:.1f}px;")
    if look.color:
        out.append(f"color:{look.color};")
    if look.bold is not None:
        out.append(f"font-weight:{'bold' if look.bold else 'normal'};")
    if look.italic is not None:
        out.append(f"font-style:{'italic' if look.italic else 'normal'};")
    if look.space_before is not None:
        out.append(f"margin-top:{look.space_before * 4 / 3:.1f}px;")
    if look.space_after is not None:
        out.append(f"margin-bottom:{look.space_after * 4 / 3:.1f}px;")
    return "".join(out)

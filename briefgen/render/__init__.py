"""Renderer registry and render(): each format turns a Brief into bytes; writing is atomic."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import RenderError
from ..model import Brief
from ..registry import registrar


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a renderer may need beyond the Brief: where the audience's template folder is."""

    template_dir: Path | None = None  # templates/<audience>/, may hold reference.docx
    default_template_dir: Path | None = None  # templates/default/


class Renderer(Protocol):
    name: str
    suffix: str

    def render(self, brief: Brief, options: RenderOptions) -> bytes: ...


RENDERERS: dict[str, type] = {}


register_renderer = registrar(RENDERERS, "renderer")


def _load_builtins() -> None:
    """Import the built-in formats' modules, which register their renderers (once; then a no-op).

    Not at import time: reportlab and python-docx take a third of a second to import, which a build
    spends while the workers analyse (``prepare``), and ``briefgen check`` never needs.
    """
    from . import docx, html, json, markdown, pdf  # noqa: F401


def get_renderer(name: str) -> Renderer:
    """Return an instance of the renderer for format ``name``."""
    _load_builtins()
    try:
        return RENDERERS[name]()  # type: ignore[no-any-return]
    except KeyError:
        raise RenderError(f"unknown format {name!r}; known: {', '.join(sorted(RENDERERS))}") from None


def prepare_figures() -> None:
    """Load ahead what the first file with a figure loads: Pillow's PNG writer (the DOCX and HTML step)."""
    try:
        from .figures import prepare_png
    except ImportError:  # figures are optional decoration; the data is in the tables
        return
    prepare_png()


def prepare(formats: list[str]) -> None:
    """Load what these formats' renderers load once per process (modules, fonts), ahead of rendering."""
    _load_builtins()
    for name in formats:
        step = getattr(RENDERERS.get(name), "prepare", None)
        if step is not None:
            step()

"""Renderer registry and render(): each format turns a Brief into bytes; writing is atomic."""

from __future__ import annotations

from ..errors import RenderError
from .options import RenderOptions
from .registry import RENDERERS, Renderer, prepare_figures, register_renderer

__all__ = [
    "RENDERERS",
    "RenderOptions",
    "Renderer",
    "get_renderer",
    "prepare",
    "prepare_figures",
    "register_renderer",
]


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


def prepare(formats: list[str]) -> None:
    """Load what these formats' renderers load once per process (modules, fonts), ahead of rendering."""
    _load_builtins()
    for name in formats:
        step = getattr(RENDERERS.get(name), "prepare", None)
        if step is not None:
            step()

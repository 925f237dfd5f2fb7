"""The renderer registry and what every renderer's ``prepare`` shares.

Renderer modules import from here (and from options.py), never from the package ``__init__``, which
imports them.
"""

from __future__ import annotations

from typing import Protocol

from ..model import Brief
from ..registry import registrar
from .options import RenderOptions


class Renderer(Protocol):
    name: str
    suffix: str

    def render(self, brief: Brief, options: RenderOptions) -> bytes: ...


RENDERERS: dict[str, type] = {}


register_renderer = registrar(RENDERERS, "renderer")


def prepare_figures() -> None:
    """Load ahead what the first file with a figure loads: Pillow's PNG writer (the DOCX and HTML step)."""
    try:
        from .figures import prepare_png
    except ImportError:  # figures are optional decoration; the data is in the tables
        return
    prepare_png()

"""Render a Brief to PDF (placeholder until the real renderer lands)."""

from __future__ import annotations

from ..errors import RenderError
from ..model import Brief
from . import RenderOptions, register_renderer


@register_renderer
class PdfRenderer:
    name = "pdf"
    suffix = ".pdf"

    def render(self, brief: Brief, options: RenderOptions) -> bytes:
        """Return the brief as PDF bytes."""
        raise RenderError("pdf renderer not implemented yet")

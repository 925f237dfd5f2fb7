"""Render a Brief to DOCX (placeholder until the real renderer lands)."""

from __future__ import annotations

from ..errors import RenderError
from ..model import Brief
from . import RenderOptions, register_renderer


@register_renderer
class DocxRenderer:
    name = "docx"
    suffix = ".docx"

    def render(self, brief: Brief, options: RenderOptions) -> bytes:
        """Return the brief as DOCX bytes."""
        raise RenderError("docx renderer not implemented yet")

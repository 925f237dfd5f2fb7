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


def get_renderer(name: str) -> Renderer:
    """Return an instance of the renderer for format ``name``."""
    try:
        return RENDERERS[name]()  # type: ignore[no-any-return]
    except KeyError:
        raise RenderError(f"unknown format {name!r}; known: {', '.join(sorted(RENDERERS))}") from None


def prepare(formats: list[str]) -> None:
    """Load what these formats' renderers load once per process (fonts), ahead of rendering."""
    for name in formats:
        step = getattr(RENDERERS.get(name), "prepare", None)
        if step is not None:
            step()


# The built-in formats, listed here so the set is readable in one place.
from . import docx, html, json, markdown, pdf  # noqa: E402,F401

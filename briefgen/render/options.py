"""What a renderer is handed beyond the Brief (a plain module: renderers and the package both import it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a renderer may need beyond the Brief: where the audience's template folder is."""

    template_dir: Path | None = None  # templates/<audience>/, may hold reference.docx
    default_template_dir: Path | None = None  # templates/default/

    @classmethod
    def of(cls, templates: Path, template: str) -> RenderOptions:
        """Return the options of an audience whose template folder is ``templates``/``template``."""
        return cls(template_dir=templates / template, default_template_dir=templates / "default")

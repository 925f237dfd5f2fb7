"""Run an audience's Jinja2 layout template in the sandbox and parse its output into section directives.

A layout template writes a small line language, never source text:
    # Heading (## and ### for levels 2 and 3)
    plain lines        -> template paragraphs (blank lines separate them)
    @bluf | @judgements | @theme ID | @quotes | @timeline | @figure timeline|themes | @entities | @sources
    @changes [N]       -> what changed since the audience's previous archived brief (at most N lines)
Source text is inserted by compose.py after the template has run, so it is never read as template code.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from .errors import RenderError

TEMPLATE_NAME = "brief.j2"
DIRECTIVES = ("bluf", "judgements", "theme", "quotes", "timeline", "figure", "entities", "sources", "changes")
MAX_OUTPUT = 200_000  # characters; the sandbox does not bound string multiplication
_DIRECTIVE = re.compile(r"^@([a-z_]+)(?:\s+(.*))?$")
_HEADING = re.compile(r"^(#{1,3})\s+(.+)$")


@dataclass(frozen=True, slots=True)
class Line:
    kind: str  # "heading" | "text" | "directive"
    text: str
    level: int = 0
    arg: str = ""
    lineno: int = 0


def template_path(templates: Path, name: str) -> Path:
    """Return the layout template file of a template folder."""
    return templates / name / TEMPLATE_NAME


def _error_line(exc: BaseException, filename: str) -> int | None:
    """Return the template line where a runtime error happened, from the traceback Jinja rewrites."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_layout(templates: Path, name: str, context: dict[str, Any]) -> list[Line]:
    """Return the parsed lines of templates/<name>/brief.j2 rendered with ``context``."""
    templates = Path(os.path.normpath(templates))
    path = template_path(templates, name)
    if not path.is_file():
        raise RenderError(f"{path}: layout template not found")
    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(templates / name), str(templates)]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    try:
        out = env.get_template(TEMPLATE_NAME).render(context)
    except TemplateSyntaxError as exc:
        raise RenderError(f"{exc.filename or path}:{exc.lineno}: template syntax: {exc.message}") from None
    except UndefinedError as exc:
        line = _error_line(exc, str(path))
        where = f"{path}:{line}" if line else str(path)
        raise RenderError(f"{where}: undefined variable: {exc.message}") from None
    except TemplateNotFound as exc:
        line = _error_line(exc, str(path))
        where = f"{path}:{line}" if line else str(path)
        raise RenderError(
            f"{where}: template not found: {exc.name} (templates can include only files "
            f"in {templates / name} or {templates})"
        ) from None
    except Exception as exc:  # noqa: BLE001 - user template code: whatever it raises is reported, not crashed on
        # The sandbox's SecurityError is a TemplateError; OverflowError comes from its range() cap.
        line = _error_line(exc, str(path))
        where = f"{path}:{line}" if line else str(path)
        raise RenderError(f"{where}: template error: {type(exc).__name__}: {exc}") from None
    if len(out) > MAX_OUTPUT:
        raise RenderError(f"{path}: template output is over {MAX_OUTPUT:,} characters; check its loops")
    return parse_layout(out, path)


def parse_layout(text: str, path: Path) -> list[Line]:
    """Return the lines of rendered layout text; raise RenderError on an unknown directive."""
    lines: list[Line] = []
    problems: list[str] = []
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            lines.append(Line("blank", "", lineno=n))
        elif m := _HEADING.match(line):
            lines.append(Line("heading", m.group(2).strip(), level=len(m.group(1)), lineno=n))
        elif m := _DIRECTIVE.match(line):
            if m.group(1) not in DIRECTIVES:
                problems.append(
                    f"{path}: output line {n}: unknown directive '@{m.group(1)}' "
                    f"(known: {', '.join('@' + d for d in DIRECTIVES)})"
                )
            lines.append(Line("directive", m.group(1), arg=(m.group(2) or "").strip(), lineno=n))
        else:
            lines.append(Line("text", line, lineno=n))
    if problems:
        raise RenderError(problems)
    return lines

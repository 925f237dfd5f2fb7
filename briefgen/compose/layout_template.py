"""Run an audience's Jinja2 layout template in the sandbox and parse its output into section directives.

A layout template writes a small line language, never source text:
    # Heading (## and ### for levels 2 and 3)
    plain lines        -> template paragraphs (blank lines separate them)
    @bluf | @judgements | @theme ID | @quotes | @timeline [expected] | @figure timeline|themes | @entities | @sources
    | @stories [N]
    @changes [N]       -> what changed since the audience's previous archived brief (at most N lines)
Source text is inserted by the composer after the template has run, so it is never read as template code.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.loaders import split_template_path

from ..errors import RenderError
from ..template_budget import BudgetedEnvironment, TemplateBudgetError, render_within_budget

TEMPLATE_NAME = "brief.j2"
DIRECTIVES = (
    "bluf",
    "judgements",
    "theme",
    "quotes",
    "timeline",
    "figure",
    "entities",
    "sources",
    "stories",
    "changes",
)
_DIRECTIVE = re.compile(r"^@([a-z_]+)(?:\s+(.*))?$")
_HEADING = re.compile(r"^(#{1,3})\s+(.+)$")


@dataclass(frozen=True, slots=True)
class Line:
    kind: str  # "heading" | "text" | "directive"
    text: str
    level: int = 0
    arg: str = ""
    lineno: int = 0  # line of the template's output
    source_line: int = 0  # line of brief.j2 that wrote it, where it can be told (0: unknown)


class TemplateOutside(TemplateNotFound):
    """A template file is a link to a file outside the templates folder."""


class ContainedLoader(FileSystemLoader):
    """Load templates only from files inside the templates folder, links included (no /etc/passwd)."""

    def __init__(self, searchpath: list[str], root: Path, looked: list[str] | None = None) -> None:
        super().__init__(searchpath)
        self.root = os.path.realpath(root)
        self.looked = looked

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        for folder in self.searchpath:
            filename = os.path.join(folder, *split_template_path(template))
            if self.looked is not None:  # found or not: a file added earlier in the search path shadows
                self.looked.append(filename)
            if os.path.isfile(filename):
                real = os.path.realpath(filename)
                if os.path.commonpath([real, self.root]) != self.root:
                    raise TemplateOutside(
                        template,
                        f"{filename}: leads to {real}, outside the templates folder {self.root}; "
                        "templates may read only files inside their folder (copy the file in instead)",
                    )
                break
        return super().get_source(environment, template)


def template_path(templates: Path, name: str) -> Path:
    """Return the layout template file of a template folder (normalised, as messages show it)."""
    return Path(os.path.normpath(templates / name / TEMPLATE_NAME))


def _error_line(exc: BaseException, filename: str) -> int | None:
    """Return the template line where a runtime error happened, from the traceback Jinja rewrites."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_layout(
    templates: Path, name: str, context: dict[str, Any], looked: list[str] | None = None
) -> list[Line]:
    """Return the parsed lines of templates/<name>/brief.j2 rendered with ``context``.

    ``looked``, if given, gets every file path the template's loading looked for (found or not), in order:
    what the rendered lines depend on besides ``context``.
    """
    templates = Path(os.path.normpath(templates))
    path = template_path(templates, name)
    if not path.is_file():
        raise RenderError(f"{path}: layout template not found")
    env = BudgetedEnvironment(
        loader=ContainedLoader([str(templates / name), str(templates)], templates, looked),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    try:
        out = render_within_budget(env.get_template(TEMPLATE_NAME), context, str(templates))
    except TemplateBudgetError as exc:
        line = _error_line(exc, str(path))
        where = f"{path}:{line}" if line else str(path)
        raise RenderError(f"{where}: template over its budget: {exc}") from None
    except TemplateOutside as exc:
        raise RenderError(str(exc)) from None
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
    return parse_layout(out, path)


def _source_line(source: list[str], name: str, arg: str) -> int:
    """Return the brief.j2 line that wrote ``@name arg``: the one naming the argument, else the only one."""
    found = [i for i, line in enumerate(source, 1) if re.search(rf"@{name}\b", line)]
    exact = [i for i in found if arg and arg in source[i - 1]]
    if exact:
        return exact[0]
    return found[0] if len(found) == 1 else 0


def where(path: Path, line: Line) -> str:
    """Return ``path:line`` for a directive: the template's own line where known, else its output line."""
    if line.source_line:
        return f"{path}:{line.source_line}"
    return f"{path}: output line {line.lineno}"


def parse_layout(text: str, path: Path) -> list[Line]:
    """Return the lines of rendered layout text; raise RenderError on an unknown directive."""
    try:
        source = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        source = []
    lines: list[Line] = []
    problems: list[str] = []
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            lines.append(Line("blank", "", lineno=n))
        elif m := _HEADING.match(line):
            lines.append(Line("heading", m.group(2).strip(), level=len(m.group(1)), lineno=n))
        elif m := _DIRECTIVE.match(line):
            name, arg = m.group(1), (m.group(2) or "").strip()
            directive = Line(
                "directive", name, arg=arg, lineno=n, source_line=_source_line(source, name, arg)
            )
            if name not in DIRECTIVES:
                problems.append(
                    f"{where(path, directive)}: unknown directive '@{name}' "
                    f"(known: {', '.join('@' + d for d in DIRECTIVES)})"
                )
            lines.append(directive)
        else:
            lines.append(Line("text", line, lineno=n))
    if problems:
        raise RenderError(problems)
    return lines


FIGURES = ("timeline", "themes")


def check_directives(lines: list[Line], path: Path, audience: str, themes: tuple[str, ...]) -> list[str]:
    """Return a ``file:line: message`` for every directive the audience's brief cannot fill."""
    problems = []
    for line in lines:
        if line.kind != "directive":
            continue
        at = where(path, line)
        if line.text == "theme" and line.arg not in themes:
            known = ", ".join(themes) or "none"
            problems.append(
                f"{at}: @theme '{line.arg}': audience '{audience}' does not include this theme "
                f"(its themes: {known}); add it to the audience's themes in the config or remove the line"
            )
        elif line.text == "figure" and line.arg not in FIGURES:
            problems.append(
                f"{at}: @figure '{line.arg}': unknown figure; write @figure timeline or @figure themes"
            )
        elif line.text == "timeline" and line.arg not in ("", "expected"):
            problems.append(
                f"{at}: @timeline '{line.arg}': write @timeline for what happened or @timeline expected "
                "for the dates to watch"
            )
        elif (
            line.text in ("judgements", "quotes", "stories", "changes")
            and line.arg
            and not line.arg.isdigit()
        ):
            problems.append(
                f"{at}: @{line.text} '{line.arg}': expected a whole number, or nothing for the default"
            )
    return problems


# What a brief.j2 may use: (name, type, example, meaning). `briefgen template-help` prints this table and the
# README's "What a brief.j2 may use" section is generated from it (tests keep both in step with the code).
TEMPLATE_NAMES: tuple[tuple[str, str, str, str], ...] = (
    ("brief.title", "text", "Belarus Weekly", "the config's title"),
    ("brief.subtitle", "text or none", "Lukashenko between Moscow and the West", "the config's subtitle"),
    ("brief.organisation", "text", "Eastern Europe Desk", "the config's organisation"),
    ("brief.as_of", "text (YYYY-MM-DD)", "2025-12-20", "the brief's date"),
    ("brief.marking", "text or none", "UNCLASSIFIED", "the audience's marking, else the config's"),
    (
        "brief.since",
        "text or none",
        "13 December 2025",
        "the date of the audience's previous brief in the weekly archive, in words; none without one",
    ),
    ("audience.id", "text", "principals", "the audience's id in the config"),
    ("audience.title", "text", "Principals", "the audience's name"),
    ("audience.template", "text", "principals", "its template folder"),
    ("audience.themes", "list of theme ids", "['economy_trade']", "its themes, in order"),
    ("audience.formats", "list of text", "['docx', 'pdf']", "the formats written"),
    ("audience.max_words", "whole number or none", "60", "word limit per theme summary"),
    ("audience.max_quotes", "whole number or none", "2", "most quotes"),
    ("audience.max_events", "whole number or none", "10", "most timeline events"),
    ("audience.max_judgements", "whole number", "3", "most key judgements"),
    ("audience.max_bluf", "whole number", "5", "most bottom-line sentences"),
    ("audience.one_page", "true/false", "true", "whether the brief must fit one page"),
    ("audience.marking", "text or none", "SECRET", "the audience's own marking"),
    ("themes", "list of theme", "{% for theme in themes %}", "the audience's themes, in order"),
    ("theme.id", "text", "economy_trade", "a theme's id (for @theme)"),
    ("theme.title", "text", "Economy and trade", "its heading"),
    ("theme.description", "text", "Growth, trade flows…", "its description"),
    ("theme.sentences", "whole number", "42", "sentences of the week that bear on it"),
    ("theme.sources", "whole number", "7", "sources that bear on it"),
    ("theme.quotes", "whole number", "5", "quotations in those sources"),
    ("theme.extracts", "whole number", "12", "candidate sentences for its summary"),
    ("counts.sources", "whole number", "31", "sources in the week"),
    ("counts.quotes", "whole number", "120", "quotations found"),
    ("counts.events", "whole number", "40", "dated events found"),
    ("counts.entities", "whole number", "85", "people and organisations named"),
    ("quotes.found", "whole number", "695", "attributed quotations found (what @quotes may list)"),
    ("quotes.shown", "whole number", "60", "quotations `@quotes` (without a number) shows"),
    ("quotes.all", "true/false", "false", "whether it shows all of them"),
    ("quotes.order", "text", "most relevant first", "their order: 'source order' when all are shown"),
)
DIRECTIVE_HELP: tuple[tuple[str, str], ...] = (
    ("@bluf", "the bottom line up front: the lead of each of the week's top stories, as bullets"),
    ("@judgements [N]", "N key judgements (default: audience.max_judgements), with the analyst's own first"),
    ("@theme ID", "the summary of one theme of the audience, with the analyst's comments"),
    ("@quotes [N]", "N quotations (default: audience.max_quotes), with speakers and context"),
    ("@timeline", "what happened: the dated events, as a table"),
    ("@timeline expected", "dates to watch: plans, forecasts and schedules still ahead at the brief's date"),
    ("@figure timeline|themes", "a chart: the dated events, or how much each theme drew"),
    ("@entities", "the index of people and organisations"),
    ("@sources", "notes on every source the brief cites, and those left out"),
    ("@stories [N]", "the N top stories of the week (default 5): label, sources and dates of each"),
    (
        "@changes [N]",
        "what changed since the audience's previous brief (at most N lines): developing stories, "
        "new events, themes rising or falling, new voices",
    ),
)


def template_help(markdown: bool = False) -> str:
    """Return every name and directive a brief.j2 may use, as text (or as Markdown tables)."""
    if markdown:
        rows = ["| name | type | example | meaning |", "|---|---|---|---|"]
        rows += [f"| `{n}` | {t} | `{e}` | {m} |" for n, t, e, m in TEMPLATE_NAMES]
        rows += ["", "| directive (a line of its own) | inserts |", "|---|---|"]
        rows += [f"| `{d}` | {m} |" for d, m in DIRECTIVE_HELP]
        return "\n".join(rows) + "\n"
    width = max(len(n) for n, *_ in TEMPLATE_NAMES)
    out = ["Names a brief.j2 may use ({{ name }}; undefined names are errors):"]
    out += [f"  {n:<{width}}  {t}; e.g. {e}: {m}" for n, t, e, m in TEMPLATE_NAMES]
    out += ["", "Directives (a line of the output on its own, after the template has run):"]
    width = max(len(d) for d, _ in DIRECTIVE_HELP)
    out += [f"  {d:<{width}}  {m}" for d, m in DIRECTIVE_HELP]
    out += ["", "Other lines: '# Heading' ('##', '###' deeper) and plain lines of template text."]
    return "\n".join(out) + "\n"

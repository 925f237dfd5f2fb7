"""Config stage: checks that span keys (theme references, template folders, the date window, output names).

They run once every key is read (keys come in any order), on what schema.py's readers gathered in a
Context, and record each problem with its line and column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import Node

from ..output_names import name_problems
from .yaml_positions import INVALID, Invalid, Problem, problem_at, suggest

MAX_WINDOW_DAYS = 36_525  # a hundred years: any longer window is a typo, and dates before year 1 overflow


@dataclass(slots=True)
class Context:
    """What validation has learned so far: problems, and where things are."""

    problems: list[Problem]
    # Cross-references are checked once everything is read, since keys come in any order.
    theme_refs: list[tuple[str, str, Node]] = field(default_factory=list)  # (id, keypath, node)
    template_nodes: dict[str, Node] = field(default_factory=dict)


def add(ctx: Context, node: Node, text: str) -> Invalid:
    """Record a problem at ``node`` and return INVALID."""
    ctx.problems.append(problem_at(node, text))
    return INVALID


def check_theme_refs(ctx: Context, theme_ids: list[str], root: Node) -> None:
    """Record audience themes that name no defined theme."""
    defined = next(k.start_mark.line + 1 for k, _ in root.value if getattr(k, "value", None) == "themes")
    for tid, where, node in ctx.theme_refs:
        if tid in theme_ids:
            continue
        near = suggest(tid, theme_ids)
        if near:
            hint = f"did you mean '{near}'? (themes are defined at line {defined})"
        else:
            hint = f"themes defined at line {defined} are: {', '.join(theme_ids)}"
        add(ctx, node, f"{where}: unknown theme '{tid}'; {hint}")


def check_templates(ctx: Context, path: Path, values: dict[str, Any], nodes: dict[str, Node]) -> None:
    """Record audiences whose template folder does not exist under the templates folder."""
    written: Path = values["templates"]
    folder = path.parent / written
    if not folder.is_dir():
        text = (
            f"templates: no folder '{written.as_posix()}' (relative to the config's folder); "
            "create it or set templates: to the folder holding the audience templates"
        )
        if "templates" in nodes:
            add(ctx, nodes["templates"], text)
        else:
            ctx.problems.append(Problem(0, 0, text))
        return
    present = sorted(p.name for p in folder.iterdir() if p.is_dir())
    for audience in values["audiences"]:
        if (folder / audience.template).is_dir():
            continue
        near = suggest(audience.template, present)
        if near:
            hint = f" (did you mean '{near}'?)"
        else:
            hint = f"; folders there: {', '.join(present)}" if present else "; create it"
        shown = (written / audience.template).as_posix()
        add(
            ctx,
            ctx.template_nodes[audience.id],
            f"audiences.{audience.id}.template: no folder '{shown}'{hint}",
        )


def check_output_pattern(ctx: Context, values: dict[str, Any], nodes: dict[str, Node], root: Node) -> None:
    """Record an output pattern that would give every audience the same file name."""
    if len(values["audiences"]) > 1 and "{audience}" not in values["output_pattern"]:
        text = (
            "output_pattern: has no {audience}, so every audience would write the same file; add {audience}"
        )
        add(ctx, nodes.get("output_pattern", root), text)
        return
    as_of = None if isinstance(values["as_of"], Invalid) else values["as_of"]
    ids = [a.id for a in values["audiences"]]
    for text in name_problems(values["output_pattern"], as_of, ids):
        add(ctx, nodes.get("output_pattern", nodes.get("audiences", root)), text)


def window_problem(window_days: int | None, as_of: str | None, where: str = "window_days") -> str | None:
    """Return why a window of ``window_days`` before ``as_of`` (None: today) cannot be used, or None."""
    if window_days is None:
        return None
    if window_days > MAX_WINDOW_DAYS:
        return (
            f"{where}: {window_days:,} days is too long a window; write at most {MAX_WINDOW_DAYS:,} "
            "(a hundred years), or null for no window"
        )
    end = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    if end.toordinal() - (window_days - 1) < dt.date.min.toordinal():
        return (
            f"{where}: a window of {window_days:,} days before {end.isoformat()} would start before "
            "the year 1; use a later as_of or a shorter window"
        )
    return None

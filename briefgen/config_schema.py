"""Config stage: the typed schema (keys, types, defaults, docs) and validation of a config file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .config import FORMATS, Audience, Config
from .errors import ConfigError
from .model import Theme
from .yaml_loader import (
    INVALID,
    Invalid,
    Problem,
    compose,
    is_null,
    join_key,
    kind_of,
    problem_at,
    read_bool,
    read_optional_positive_int,
    read_optional_text,
    read_positive_int,
    read_text,
    read_text_list,
)

_ID = re.compile(r"[a-z0-9_]+")
_PLACEHOLDERS = ("as_of", "audience")


@dataclass(slots=True)
class _Context:
    """What validation has learned so far: problems, and where things are."""

    problems: list[Problem]
    themes_node: Node | None = None
    # Cross-references are checked once everything is read, since YAML order is free.
    theme_refs: list[tuple[str, str, Node]] = field(default_factory=list)  # (id, keypath, node)
    template_nodes: dict[str, Node] = field(default_factory=dict)


Reader = Callable[[Node, str, _Context], Any]


@dataclass(frozen=True, slots=True)
class Field:
    """One config key: its name, type as users read it, default, one-line doc and reader."""

    name: str
    type: str
    default: object
    doc: str
    read: Reader
    required: bool = False


def _plain(reader: Callable[[Node, str, list[Problem]], Any]) -> Reader:
    """Return a schema reader around a generic yaml_loader reader."""
    return lambda node, keypath, ctx: reader(node, keypath, ctx.problems)


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """Return the closest of ``choices`` to ``word``, if one is close enough."""
    lowered = {c.lower(): c for c in choices}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


def _add(ctx: _Context, node: Node, text: str) -> Invalid:
    """Record a problem at ``node`` and return INVALID."""
    ctx.problems.append(problem_at(node, text))
    return INVALID


# --- Readers for values that need more than a type ---


def _date_hint(text: str) -> str:
    """Return how to write ``text`` as YYYY-MM-DD, when that is not a guess."""
    m = re.fullmatch(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", text)
    if m:
        return f"write {m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    if m:
        a, b = int(m[1]), int(m[2])
        if a > 12 >= b:
            return f"write {m[3]}-{b:02d}-{a:02d}"
        if b > 12 >= a:
            return f"write {m[3]}-{a:02d}-{b:02d}"
    return "write it as YYYY-MM-DD"


def _read_date(node: Node, keypath: str, ctx: _Context) -> str | None | Invalid:
    """Return a YYYY-MM-DD text that names a real day, or None when left empty."""
    text = read_optional_text(node, keypath, ctx.problems)
    if not isinstance(text, str):
        return text
    text = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _add(ctx, node, f"{keypath}: '{text}' is not YYYY-MM-DD; {_date_hint(text)}")
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        return _add(ctx, node, f"{keypath}: '{text}' is not a real date ({exc}); fix the day or month")
    return text


def _read_folder(node: Node, keypath: str, ctx: _Context) -> Path | Invalid:
    """Return a folder path as written (resolved against the config's folder later)."""
    text = read_text(node, keypath, ctx.problems)
    return text if isinstance(text, Invalid) else Path(text)


def _read_pattern(node: Node, keypath: str, ctx: _Context) -> str | Invalid:
    """Return an output file-name pattern using only the {as_of} and {audience} placeholders."""
    text = read_text(node, keypath, ctx.problems)
    if isinstance(text, Invalid):
        return text
    allowed = " and ".join("{" + p + "}" for p in _PLACEHOLDERS)
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        return _add(ctx, node, f"{keypath}: {exc} in '{text}'; use only {allowed}")
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in _PLACEHOLDERS or spec or conversion:
            shown = "{" + name + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
            return _add(ctx, node, f"{keypath}: unknown placeholder '{shown}'; use only {allowed}")
    if "/" in text or "\\" in text or ".." in text:
        return _add(ctx, node, f"{keypath}: '{text}' must be a file name, without '/', '\\' or '..'")
    return text


def _read_aliases(
    node: Node, keypath: str, ctx: _Context
) -> tuple[tuple[str, tuple[str, ...]], ...] | Invalid:
    """Return (canonical name, variants) pairs; a single variant may be written as text."""
    if is_null(node):
        return ()
    if not isinstance(node, MappingNode):
        return _add(ctx, node, f"{keypath}: expected a mapping of name: [variants], got {kind_of(node)}")
    pairs: list[tuple[str, tuple[str, ...]]] = []
    ok = True
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            ok = False  # already reported by the loader
            continue
        where = join_key(keypath, key_node.value)
        name = read_text(key_node, where, ctx.problems)
        if is_null(value_node):
            _add(ctx, value_node, f"{where}: no variants; list the other spellings or remove the name")
            ok = False
            continue
        variants = read_text_list(value_node, where, ctx.problems)
        if isinstance(name, Invalid) or isinstance(variants, Invalid):
            ok = False
        else:
            pairs.append((name, variants))
    return tuple(pairs) if ok else INVALID


def _read_sources(node: Node, keypath: str, ctx: _Context) -> tuple[str, ...] | Invalid:
    """Return source folders and globs; at least one."""
    items = read_text_list(node, keypath, ctx.problems)
    if items == ():
        return _add(ctx, node, f"{keypath}: is empty; list at least one folder or glob of source files")
    return items


def _read_formats(node: Node, keypath: str, ctx: _Context) -> tuple[str, ...] | Invalid:
    """Return output formats, each one of FORMATS, without repeats."""
    items = read_text_list(node, keypath, ctx.problems)
    if isinstance(items, Invalid):
        return items
    if not items:
        return _add(ctx, node, f"{keypath}: is empty; list one or more of {', '.join(FORMATS)}")
    nodes = node.value if isinstance(node, SequenceNode) else [node] * len(items)
    ok = True
    for i, (fmt, item) in enumerate(zip(items, nodes, strict=True)):
        where = f"{keypath}[{i}]" if isinstance(node, SequenceNode) else keypath
        if fmt not in FORMATS:
            near = suggest(fmt, FORMATS)
            hint = f" (did you mean '{near}'?)" if near else ""
            _add(ctx, item, f"{where}: '{fmt}' is not one of {', '.join(FORMATS)}{hint}")
            ok = False
        elif fmt in items[:i]:
            _add(ctx, item, f"{where}: '{fmt}' is listed twice; remove one")
            ok = False
    return items if ok else INVALID


def _read_theme_refs(node: Node, keypath: str, ctx: _Context) -> str | tuple[str, ...] | Invalid:
    """Return 'all' or theme ids (checked against the themes once all are read)."""
    if isinstance(node, ScalarNode) and node.value.strip() == "all":
        return "all"
    items = read_text_list(node, keypath, ctx.problems)
    if isinstance(items, Invalid):
        return items
    if not items:
        return _add(ctx, node, f"{keypath}: is empty; write all or list theme ids")
    if isinstance(node, SequenceNode):
        for i, (tid, item) in enumerate(zip(items, node.value, strict=True)):
            if tid in items[:i]:
                _add(ctx, item, f"{keypath}[{i}]: theme '{tid}' is listed twice; remove one")
            ctx.theme_refs.append((tid, f"{keypath}[{i}]", item))
    else:
        ctx.theme_refs.append((items[0], keypath, node))
    return items


def _check_id(key_node: ScalarNode, keypath: str, ctx: _Context) -> None:
    """Record a problem, with a fixed spelling, for an id that is not [a-z0-9_]+."""
    key = key_node.value
    if not _ID.fullmatch(key):
        fixed = re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_") or "a_name"
        _add(ctx, key_node, f"{keypath}: id '{key}' may use only a-z, 0-9 and _; write '{fixed}'")


def _read_fields(
    node: Node, keypath: str, fields: tuple[Field, ...], ctx: _Context
) -> tuple[dict[str, Any], dict[str, Node]] | Invalid:
    """Return values (defaults filled in) and value nodes for a mapping described by ``fields``.

    A value that could not be read is INVALID (its problem recorded), so later checks can
    still run on the rest and every problem is reported at once.
    """
    if not isinstance(node, MappingNode):
        return _add(
            ctx, node, f"{keypath or 'the config'}: expected a mapping of keys to values, got {kind_of(node)}"
        )
    by_name = {f.name: f for f in fields}
    values: dict[str, Any] = {}
    nodes: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            continue  # already reported by the loader
        key = key_node.value
        if key in nodes:
            continue  # a duplicate, already reported by the loader
        spec = by_name.get(key)
        if spec is None:
            near = suggest(key, list(by_name))
            hint = f"; did you mean '{near}'?" if near else ""
            prefix = f"{keypath}: " if keypath else ""
            _add(ctx, key_node, f"{prefix}unknown key '{key}'{hint} allowed: {', '.join(by_name)}")
            continue
        nodes[key] = value_node
        values[key] = spec.read(value_node, join_key(keypath, key), ctx)
    for spec in fields:
        if spec.name in values:
            continue
        if spec.required:
            prefix = f"{keypath}: " if keypath else ""
            values[spec.name] = _add(ctx, node, f"{prefix}missing required key '{spec.name}' ({spec.doc})")
        else:
            values[spec.name] = spec.default
    return values, nodes


def _read_keyed(
    node: Node, keypath: str, fields: tuple[Field, ...], ctx: _Context, what: str
) -> list[tuple[str, ScalarNode, dict[str, Any], dict[str, Node]]] | Invalid:
    """Return (id, id node, values, value nodes) for each readable entry of an id -> mapping table."""
    if not isinstance(node, MappingNode):
        return _add(
            ctx, node, f"{keypath}: expected a mapping of {what} ids to settings, got {kind_of(node)}"
        )
    if not node.value:
        return _add(ctx, node, f"{keypath}: is empty; define at least one {what}")
    entries = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.value in seen:
            continue  # reported by the loader
        seen.add(key_node.value)
        where = join_key(keypath, key_node.value)
        _check_id(key_node, where, ctx)
        # An entry with nothing under it takes every default.
        body = MappingNode("tag:yaml.org,2002:map", [], value_node.start_mark, value_node.end_mark)
        read = _read_fields(body if is_null(value_node) else value_node, where, fields, ctx)
        if not isinstance(read, Invalid):
            entries.append((key_node.value, key_node, *read))
    return entries


def _read_themes(node: Node, keypath: str, ctx: _Context) -> tuple[Theme, ...] | Invalid:
    """Return the themes, in the order written."""
    ctx.themes_node = node
    entries = _read_keyed(node, keypath, THEME_FIELDS, ctx, "theme")
    if isinstance(entries, Invalid):
        return entries
    return tuple(
        Theme(
            id=tid,
            title=values["title"] or tid.replace("_", " ").capitalize(),
            description=values["description"] or "",
            keywords=values["keywords"],
        )
        for tid, _, values, _ in entries
        if not any(isinstance(v, Invalid) for v in values.values())
    )


def _read_audiences(node: Node, keypath: str, ctx: _Context) -> tuple[Audience, ...] | Invalid:
    """Return the audiences, in the order written; 'all' themes are expanded later."""
    entries = _read_keyed(node, keypath, AUDIENCE_FIELDS, ctx, "audience")
    if isinstance(entries, Invalid):
        return entries
    audiences = []
    for aid, key_node, values, nodes in entries:
        if any(isinstance(v, Invalid) for v in values.values()):
            continue
        template = values["template"] or aid
        where = join_key(join_key(keypath, aid), "template")
        ctx.template_nodes[aid] = nodes.get("template", key_node)
        if not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*", template):
            _add(
                ctx,
                ctx.template_nodes[aid],
                f"{where}: '{template}' must be a folder name, without '/' or '..'",
            )
            continue
        themes = values["themes"]
        audiences.append(
            Audience(
                id=aid,
                title=values["title"] or aid.replace("_", " ").capitalize(),
                template=template,
                themes=() if themes == "all" else themes,
                formats=values["formats"],
                max_words=values["max_words"],
                max_quotes=values["max_quotes"],
                max_judgements=values["max_judgements"],
                max_bluf=values["max_bluf"],
                one_page=values["one_page"],
                marking=values["marking"],
            )
        )
    return tuple(audiences)


# --- The schema: one table per mapping. Defaults match config.py's dataclasses. ---

THEME_FIELDS: tuple[Field, ...] = (
    Field(
        "title",
        "text",
        None,
        "heading for the theme; default: the id, capitalised",
        _plain(read_optional_text),
    ),
    Field("description", "text", "", "one sentence saying what the theme covers", _plain(read_optional_text)),
    Field(
        "keywords",
        "list of text",
        (),
        "words and phrases that mark a sentence as on this theme",
        _plain(read_text_list),
    ),
)

AUDIENCE_FIELDS: tuple[Field, ...] = (
    Field(
        "title",
        "text",
        None,
        "audience name shown on the brief; default: the id, capitalised",
        _plain(read_optional_text),
    ),
    Field(
        "template",
        "folder name",
        None,
        "folder under templates/ that shapes this brief; default: the id",
        _plain(read_optional_text),
    ),
    Field(
        "themes",
        "'all' or list of theme ids",
        "all",
        "themes in this brief, in order shown",
        _read_theme_refs,
    ),
    Field("formats", "list of " + "/".join(FORMATS), FORMATS, "output formats to write", _read_formats),
    Field(
        "max_words",
        "whole number or null",
        None,
        "word limit per theme summary; null: no limit",
        _plain(read_optional_positive_int),
    ),
    Field(
        "max_quotes",
        "whole number or null",
        None,
        "most quotes in the brief; null: no limit",
        _plain(read_optional_positive_int),
    ),
    Field("max_judgements", "whole number", 3, "most key judgements", _plain(read_positive_int)),
    Field("max_bluf", "whole number", 5, "most bottom-line-up-front sentences", _plain(read_positive_int)),
    Field("one_page", "true/false", False, "fit the brief on one page", _plain(read_bool)),
    Field(
        "marking",
        "text or null",
        None,
        "protective marking for this audience; default: the top-level marking",
        _plain(read_optional_text),
    ),
)

TOP_FIELDS: tuple[Field, ...] = (
    Field("title", "text", None, "title on every brief", _plain(read_text), required=True),
    Field("subtitle", "text or null", None, "subtitle under the title", _plain(read_optional_text)),
    Field("organisation", "text", "", "organisation named on every brief", _plain(read_optional_text)),
    Field(
        "marking",
        "text or null",
        None,
        "protective marking printed on every page",
        _plain(read_optional_text),
    ),
    Field("as_of", "YYYY-MM-DD or null", None, "date of the briefs; null: today", _read_date),
    Field(
        "sources",
        "list of folders/globs",
        None,
        "folders and globs of source files, relative to the config",
        _read_sources,
        required=True,
    ),
    Field(
        "templates",
        "folder",
        Path("templates"),
        "folder holding one template folder per audience, relative to the config",
        _read_folder,
    ),
    Field(
        "out", "folder", Path("out"), "folder the briefs are written to, relative to the config", _read_folder
    ),
    Field(
        "output_pattern",
        "text",
        "{as_of}-{audience}",
        "output file name without suffix; placeholders {as_of}, {audience}",
        _read_pattern,
    ),
    Field(
        "aliases",
        "mapping of name to list of text",
        (),
        "spelling variants merged into one name in the entity index",
        _read_aliases,
    ),
    Field(
        "max_source_bytes",
        "whole number",
        5_000_000,
        "larger source files are skipped with a warning",
        _plain(read_positive_int),
    ),
    Field(
        "window_days",
        "whole number or null",
        None,
        "only use sources dated this many days before as_of; null: all",
        _plain(read_optional_positive_int),
    ),
    Field(
        "themes",
        "mapping of id to theme",
        None,
        "themes the briefs are organised by (ids: a-z, 0-9, _)",
        _read_themes,
        required=True,
    ),
    Field(
        "audiences",
        "mapping of id to audience",
        None,
        "one brief per audience (ids: a-z, 0-9, _)",
        _read_audiences,
        required=True,
    ),
)

SCHEMA: dict[str, tuple[Field, ...]] = {
    "": TOP_FIELDS,
    "themes.<id>": THEME_FIELDS,
    "audiences.<id>": AUDIENCE_FIELDS,
}


# --- Checks across keys, once everything is read ---


def _check_theme_refs(ctx: _Context, theme_ids: list[str]) -> None:
    """Record audience themes that name no defined theme."""
    defined = ctx.themes_node.start_mark.line + 1 if ctx.themes_node is not None else 0
    for tid, where, node in ctx.theme_refs:
        if tid in theme_ids:
            continue
        near = suggest(tid, theme_ids)
        if near:
            _add(
                ctx,
                node,
                f"{where}: unknown theme '{tid}'; did you mean '{near}'? (themes are defined at line {defined})",
            )
        else:
            known = ", ".join(theme_ids)
            _add(ctx, node, f"{where}: unknown theme '{tid}'; themes defined at line {defined} are: {known}")


def _check_templates(ctx: _Context, path: Path, values: dict[str, Any], nodes: dict[str, Node]) -> None:
    """Record audiences whose template folder does not exist under the templates folder."""
    written: Path = values["templates"]
    folder = path.parent / written
    if not folder.is_dir():
        text = f"templates: no folder '{written.as_posix()}' (relative to the config's folder); create it or point templates: at the folder holding the audience templates"
        if "templates" in nodes:
            _add(ctx, nodes["templates"], text)
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
        elif present:
            hint = f"; folders there: {', '.join(present)}"
        else:
            hint = "; create it"
        where = f"audiences.{audience.id}.template"
        _add(
            ctx,
            ctx.template_nodes[audience.id],
            f"{where}: no folder '{(written / audience.template).as_posix()}'{hint}",
        )


def _check_output_pattern(ctx: _Context, values: dict[str, Any], nodes: dict[str, Node], root: Node) -> None:
    """Record an output pattern that would give every audience the same file name."""
    if len(values["audiences"]) > 1 and "{audience}" not in values["output_pattern"]:
        where = nodes.get("output_pattern", root)
        _add(
            ctx,
            where,
            "output_pattern: has no {audience}, so every audience would write the same file; add {audience}",
        )


def validate(text: str, path: Path) -> Config:
    """Return a Config from YAML ``text`` read from ``path``; raise ConfigError listing every problem."""
    root, problems = compose(text, path)
    if root is None:
        raise ConfigError(
            f"{path}: the config is empty; it needs at least title, sources, themes and audiences"
        )
    ctx = _Context(problems)
    read = _read_fields(root, "", TOP_FIELDS, ctx)
    if isinstance(read, Invalid):
        raise ConfigError([p.format(path) for p in _ordered(ctx.problems)])
    values, nodes = read
    themes, audiences = values["themes"], values["audiences"]
    theme_ids = [] if isinstance(themes, Invalid) else [t.id for t in themes]
    if theme_ids:
        _check_theme_refs(ctx, theme_ids)
    if not isinstance(audiences, Invalid) and not isinstance(values["templates"], Invalid):
        _check_templates(ctx, path, values, nodes)
    if not isinstance(audiences, Invalid) and not isinstance(values["output_pattern"], Invalid):
        _check_output_pattern(ctx, values, nodes, root)
    if ctx.problems:
        raise ConfigError([p.format(path) for p in _ordered(ctx.problems)])
    return Config(
        path=path,
        title=values["title"],
        organisation=values["organisation"] or "",
        sources=values["sources"],
        themes=themes,
        audiences=tuple(a if a.themes else _with_themes(a, tuple(theme_ids)) for a in audiences),
        as_of=values["as_of"],
        marking=values["marking"],
        subtitle=values["subtitle"],
        templates=values["templates"],
        out=values["out"],
        output_pattern=values["output_pattern"],
        aliases=values["aliases"],
        max_source_bytes=values["max_source_bytes"],
        window_days=values["window_days"],
    )


def _ordered(problems: list[Problem]) -> list[Problem]:
    """Return problems in file order (unplaced ones first), keeping discovery order on ties."""
    return sorted(problems, key=lambda p: (p.line, p.column))


def _with_themes(audience: Audience, themes: tuple[str, ...]) -> Audience:
    """Return ``audience`` showing ``themes`` (how 'all' is expanded)."""
    return dataclasses.replace(audience, themes=themes)

"""Config stage: the typed schema (keys, types, defaults, docs) and validation of a config file."""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import ConfigError
from ..model import Theme
from . import yaml_positions as yl
from .limits import Context, add, check_output_pattern, check_templates, check_theme_refs, window_problem
from .model import FORMATS, Audience, Config
from .yaml_positions import Invalid, Problem, join_key, kind_of, suggest

_ID = re.compile(r"[a-z0-9_]+")
_FOLDER_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
_PLACEHOLDERS = ("as_of", "audience")


Reader = Callable[[Node, str, Context], Any]


@dataclass(frozen=True, slots=True)
class Kind:
    """A value type: how users read its name, and the reader that checks and converts it."""

    label: str
    read: Reader


@dataclass(frozen=True, slots=True)
class Field:
    """One config key: name, type, one-line doc, whether it must be given, and its default.

    A key's default is its dataclass field's default (model.py), filled in by ``_defaults``; only a
    key whose dataclass field has none (a title made from the id, ``themes: all``) writes one here.
    """

    name: str
    kind: Kind
    doc: str
    required: bool = False
    default: object = None

    @property
    def type(self) -> str:
        """Return the type as users read it."""
        return self.kind.label


def _plain(reader: Callable[[Node, str, list[Problem]], Any]) -> Reader:
    """Return a schema reader around a generic yaml_positions reader."""
    return lambda node, keypath, ctx: reader(node, keypath, ctx.problems)


# --- Readers for values that need more than a type ---


def _read_folder(node: Node, keypath: str, ctx: Context) -> Path | Invalid:
    """Return a folder path as written (resolved against the config's folder later)."""
    text = yl.read_text(node, keypath, ctx.problems)
    return text if isinstance(text, Invalid) else Path(text)


def _read_pattern(node: Node, keypath: str, ctx: Context) -> str | Invalid:
    """Return an output file-name pattern using only the {as_of} and {audience} placeholders."""
    text = yl.read_text(node, keypath, ctx.problems)
    if isinstance(text, Invalid):
        return text
    allowed = " and ".join("{" + p + "}" for p in _PLACEHOLDERS)
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        return add(ctx, node, f"{keypath}: {exc} in '{text}'; use only {allowed}")
    for _, name, spec, conversion in parts:
        if name is not None and (name not in _PLACEHOLDERS or spec or conversion):
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            return add(ctx, node, f"{keypath}: unknown placeholder '{shown}'; use only {allowed}")
    if "/" in text or "\\" in text or ".." in text:
        return add(ctx, node, f"{keypath}: '{text}' must be a file name, without '/', '\\' or '..'")
    return text


def _read_sources(node: Node, keypath: str, ctx: Context) -> tuple[str, ...] | Invalid:
    """Return source folders and globs; at least one."""
    items = yl.read_text_list(node, keypath, ctx.problems)
    if items == ():
        return add(ctx, node, f"{keypath}: is empty; list at least one folder or glob of source files")
    return items


def _items(node: Node, keypath: str, count: int) -> list[tuple[str, Node]]:
    """Return (keypath, node) for each item of a list that may have been written as one text."""
    if isinstance(node, SequenceNode):
        return [(f"{keypath}[{i}]", item) for i, item in enumerate(node.value)]
    return [(keypath, node)] * count


def _read_formats(node: Node, keypath: str, ctx: Context) -> tuple[str, ...] | Invalid:
    """Return output formats, each one of FORMATS, without repeats."""
    items = yl.read_text_list(node, keypath, ctx.problems)
    if isinstance(items, Invalid):
        return items
    if not items:
        return add(ctx, node, f"{keypath}: is empty; list one or more of {', '.join(FORMATS)}")
    result: tuple[str, ...] | Invalid = items
    for i, (fmt, (where, item)) in enumerate(zip(items, _items(node, keypath, len(items)), strict=True)):
        if fmt not in FORMATS:
            near = suggest(fmt, FORMATS)
            hint = f" (did you mean '{near}'?)" if near else ""
            result = add(ctx, item, f"{where}: '{fmt}' is not one of {', '.join(FORMATS)}{hint}")
        elif fmt in items[:i]:
            result = add(ctx, item, f"{where}: '{fmt}' is listed twice; remove one")
    return result


def _read_theme_refs(node: Node, keypath: str, ctx: Context) -> str | tuple[str, ...] | Invalid:
    """Return 'all' or theme ids (checked against the themes once everything is read)."""
    if isinstance(node, ScalarNode) and node.value.strip() == "all":
        return "all"
    items = yl.read_text_list(node, keypath, ctx.problems)
    if isinstance(items, Invalid):
        return items
    if not items:
        return add(ctx, node, f"{keypath}: is empty; write all or list theme ids")
    for i, (tid, (where, item)) in enumerate(zip(items, _items(node, keypath, len(items)), strict=True)):
        if tid in items[:i]:
            add(ctx, item, f"{where}: theme '{tid}' is listed twice; remove one")
        ctx.theme_refs.append((tid, where, item))
    return items


# --- Readers for mappings described by a field table ---


def _read_fields(
    node: Node, keypath: str, fields: tuple[Field, ...], ctx: Context
) -> tuple[dict[str, Any], dict[str, Node]] | Invalid:
    """Return values (defaults filled in) and value nodes for a mapping described by ``fields``.

    A value that could not be read is INVALID with its problem recorded, so the other keys
    are still checked and every problem is reported at once.
    """
    if not isinstance(node, MappingNode):
        where = keypath or "the config"
        return add(ctx, node, f"{where}: expected a mapping of keys to values, got {kind_of(node)}")
    by_name = {f.name: f for f in fields}
    prefix = f"{keypath}: " if keypath else ""
    values: dict[str, Any] = {}
    nodes: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.value in nodes:
            continue  # non-text and duplicate keys are reported by compose()
        key = key_node.value
        spec = by_name.get(key)
        if spec is None:
            near = suggest(key, list(by_name))
            hint = f"; did you mean '{near}'?" if near else ""
            add(ctx, key_node, f"{prefix}unknown key '{key}'{hint} allowed: {', '.join(by_name)}")
            continue
        nodes[key] = value_node
        values[key] = spec.kind.read(value_node, join_key(keypath, key), ctx)
    for spec in fields:
        if spec.name not in values and spec.required:
            values[spec.name] = add(ctx, node, f"{prefix}missing required key '{spec.name}' ({spec.doc})")
        values.setdefault(spec.name, spec.default)
    return values, nodes


def _read_table(
    node: Node, keypath: str, fields: tuple[Field, ...], ctx: Context, what: str
) -> list[tuple[str, dict[str, Any], dict[str, Node], Node]] | Invalid:
    """Return (id, values, value nodes, id node) for each fully valid entry of an id -> settings table."""
    if not isinstance(node, MappingNode):
        return add(ctx, node, f"{keypath}: expected a mapping of {what} ids to settings, got {kind_of(node)}")
    if not node.value:
        return add(ctx, node, f"{keypath}: is empty; define at least one {what}")
    entries = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.value in seen:
            continue  # reported by compose()
        key = key_node.value
        seen.add(key)
        where = join_key(keypath, key)
        if not _ID.fullmatch(key):
            fixed = re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_") or "a_name"
            add(ctx, key_node, f"{where}: id '{key}' may use only a-z, 0-9 and _; write '{fixed}'")
        # An id with nothing under it takes every default.
        body = MappingNode("tag:yaml.org,2002:map", [], value_node.start_mark, value_node.end_mark)
        read = _read_fields(body if yl.is_null(value_node) else value_node, where, fields, ctx)
        if not isinstance(read, Invalid) and not any(isinstance(v, Invalid) for v in read[0].values()):
            entries.append((key, read[0], read[1], key_node))
    return entries


def _humanise(ident: str) -> str:
    """Return an id as a default title: ``economy_trade`` -> ``Economy trade``."""
    return ident.replace("_", " ").capitalize()


def _read_themes(node: Node, keypath: str, ctx: Context) -> tuple[Theme, ...] | Invalid:
    """Return the themes, in the order written."""
    entries = _read_table(node, keypath, THEME_FIELDS, ctx, "theme")
    if isinstance(entries, Invalid):
        return entries
    return tuple(
        Theme(
            **{**v, "id": tid, "title": v["title"] or _humanise(tid), "description": v["description"] or ""}
        )
        for tid, v, _, _ in entries
    )


def _read_audiences(node: Node, keypath: str, ctx: Context) -> tuple[Audience, ...] | Invalid:
    """Return the audiences, in the order written; 'all' themes are left empty and expanded later."""
    entries = _read_table(node, keypath, AUDIENCE_FIELDS, ctx, "audience")
    if isinstance(entries, Invalid):
        return entries
    audiences = []
    for aid, v, nodes, key_node in entries:
        template = v["template"] or aid
        if not _ID.fullmatch(aid) and "template" not in nodes:
            continue  # the bad id is reported already; its default template name would repeat it
        ctx.template_nodes[aid] = nodes.get("template", key_node)
        if not _FOLDER_NAME.fullmatch(template):
            where = f"{keypath}.{aid}.template"
            add(
                ctx,
                ctx.template_nodes[aid],
                f"{where}: '{template}' must be a folder name, without '/' or '..'",
            )
            continue
        audiences.append(
            Audience(
                **{
                    **v,
                    "id": aid,
                    "title": v["title"] or _humanise(aid),
                    "template": template,
                    "themes": () if v["themes"] == "all" else v["themes"],  # 'all' is expanded in validate()
                }
            )
        )
    return tuple(audiences)


# --- The schema: one table per mapping, kept as tables; defaults come from model.py's dataclasses. ---


def _defaults(model: type, fields: tuple[Field, ...]) -> tuple[Field, ...]:
    """Return ``fields``, each key's default taken from ``model``'s field of the same name when it has one."""
    own = {f.name: f.default for f in dataclasses.fields(model) if f.default is not dataclasses.MISSING}
    return tuple(dataclasses.replace(f, default=own[f.name]) if f.name in own else f for f in fields)


TEXT = Kind("text", _plain(yl.read_text))
OPT_TEXT = Kind("text or null", _plain(yl.read_optional_text))
TEXTS = Kind("list of text (one text is a one-item list)", _plain(yl.read_text_list))
COUNT = Kind("whole number, 1 or more", _plain(yl.read_positive_int))
OPT_COUNT = Kind("whole number, 1 or more, or null", _plain(yl.read_optional_positive_int))
BOOL = Kind("true/false (yes/no)", _plain(yl.read_bool))

# fmt: off
THEME_FIELDS: tuple[Field, ...] = _defaults(Theme, (
    Field("title", OPT_TEXT, "heading for the theme; default: the id, capitalised"),
    Field("description", OPT_TEXT, "one sentence saying what the theme covers"),
    Field("keywords", TEXTS, "words and phrases that mark a sentence as on this theme"),
    Field("exclude", TEXTS, "words and phrases that rule a sentence out of this theme"),
))

AUDIENCE_FIELDS: tuple[Field, ...] = _defaults(Audience, (
    Field("title", OPT_TEXT, "audience name shown on the brief; default: the id, capitalised"),
    Field("template", Kind("folder name", _plain(yl.read_optional_text)),
          "folder under the templates folder that shapes this brief; default: the id"),
    Field("themes", Kind("all, or list of theme ids", _read_theme_refs), "themes in this brief, in order",
          default="all"),
    Field("formats", Kind("list of " + ", ".join(FORMATS), _read_formats), "output formats to write"),
    Field("max_words", OPT_COUNT, "word limit per theme summary; null: no limit"),
    Field("max_quotes", OPT_COUNT, "most quotes in the brief; null: no limit"),
    Field("max_events", OPT_COUNT, "most timeline events (the best-corroborated, latest first); null: no limit"),
    Field("max_judgements", COUNT, "most key judgements"),
    Field("max_bluf", COUNT, "most bottom-line-up-front sentences"),
    Field("one_page", BOOL, "fit the brief on one page: its type may shrink one step (to 94%), then its lowest-ranked items are left out, named in a warning (--strict fails the build)"),
    Field("marking", OPT_TEXT, "protective marking for this audience; default: the top-level marking"),
))

TOP_FIELDS: tuple[Field, ...] = _defaults(Config, (
    Field("title", TEXT, "title on every brief", required=True),
    Field("subtitle", OPT_TEXT, "subtitle under the title"),
    Field("organisation", OPT_TEXT, "organisation named on every brief"),
    Field("marking", OPT_TEXT, "protective marking printed on every page"),
    Field("as_of", Kind("YYYY-MM-DD or null", _plain(yl.read_optional_date)), "date of the briefs; null: today"),
    Field("sources", Kind("list of folders and globs", _read_sources),
          "folders and globs of source files, relative to the config", required=True),
    Field("templates", Kind("folder", _read_folder),
          "folder holding one template folder per audience, relative to the config"),
    Field("out", Kind("folder", _read_folder), "folder the briefs are written to, relative to the config"),
    Field("output_pattern", Kind("file name pattern", _read_pattern),
          "output file name without suffix; placeholders: {as_of}, {audience}"),
    Field("aliases", Kind("mapping of name to list of text", _plain(yl.read_text_lists)),
          "spelling variants merged into one name in the entity index"),
    Field("max_source_bytes", COUNT, "larger source files are skipped with a warning"),
    Field("window_days", OPT_COUNT, "only use sources dated this many days before as_of; null: all"),
    Field("archive", Kind("file", _read_folder),
          "the weekly archive of every brief built (SQLite), relative to the config; --archive and --no-archive override it"),
    Field("repeat_weeks", COUNT,
          "a sentence or quote shown in the audience's last this many briefs is not shown again (unless a theme has nothing else: then marked carried over)"),
    Field("themes", Kind("mapping of id to theme", _read_themes),
          "themes the briefs are organised by (ids: a-z, 0-9, _)", required=True),
    Field("audiences", Kind("mapping of id to audience", _read_audiences),
          "one brief per audience (ids: a-z, 0-9, _)", required=True),
))
# fmt: on

SCHEMA: dict[str, tuple[Field, ...]] = {
    "": TOP_FIELDS,
    "themes.<id>": THEME_FIELDS,
    "audiences.<id>": AUDIENCE_FIELDS,
}


def validate(text: str, path: Path) -> Config:
    """Return a Config from YAML ``text`` read from ``path``; raise ConfigError listing every problem."""
    root, problems = yl.compose(text, path)
    if root is None or yl.is_null(root):
        raise ConfigError(
            f"{path}: the config is empty; it needs at least title, sources, themes and audiences"
        )
    ctx = Context(list(problems))
    read = _read_fields(root, "", TOP_FIELDS, ctx)
    if isinstance(read, Invalid):
        raise ConfigError([p.format(path) for p in _ordered(ctx.problems)])
    values, nodes = read
    themes, audiences = values["themes"], values["audiences"]
    theme_ids = [] if isinstance(themes, Invalid) else [t.id for t in themes]
    if theme_ids:
        check_theme_refs(ctx, theme_ids, root)
    valid = not any(isinstance(values[k], Invalid) for k in ("window_days", "as_of"))
    if valid and (window := window_problem(values["window_days"], values["as_of"])):
        add(ctx, nodes.get("window_days", root), window)
    if not isinstance(audiences, Invalid):
        if not isinstance(values["templates"], Invalid):
            check_templates(ctx, path, values, nodes)
        if not isinstance(values["output_pattern"], Invalid):
            check_output_pattern(ctx, values, nodes, root)
    if ctx.problems:
        # An alias was replaced by an empty value; complaints about that value would be noise.
        aliases = {(p.line, p.column) for p in problems if p.text.startswith("alias ")}
        kept = problems + [p for p in ctx.problems[len(problems) :] if (p.line, p.column) not in aliases]
        raise ConfigError([p.format(path) for p in _ordered(kept)])
    everything = tuple(theme_ids)
    return Config(
        **{
            **values,
            "path": path,
            "organisation": values["organisation"] or "",
            "audiences": tuple(
                a if a.themes else dataclasses.replace(a, themes=everything) for a in audiences
            ),
        }
    )


def _ordered(problems: list[Problem]) -> list[Problem]:
    """Return problems in file order (unplaced ones first), keeping discovery order on ties."""
    return sorted(problems, key=lambda p: (p.line, p.column))

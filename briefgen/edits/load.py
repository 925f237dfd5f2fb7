"""Read a week's edits file: YAML with positions, every problem at once as ``file:line:col``."""

from __future__ import annotations

import re
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..config import Config
from ..config.yaml_positions import (
    Invalid,
    Problem,
    compose,
    is_null,
    kind_of,
    problem_at,
    read_positive_int,
    read_text,
    read_text_list,
    suggest,
)
from ..errors import ConfigError
from .model import SECTIONS, Action, Edit, Edits

EDITS_DIR = "edits"  # beside the config: edits/<as-of>.yaml

# The keys an entry of each section may have, the first being required.
_KEYS: dict[Action, tuple[str, ...]] = {
    "exclude": ("id", "audiences", "why"),
    "pin": ("id", "theme", "position", "audiences", "why"),
    "bluf": ("id", "audiences", "why"),
    "speaker": ("id", "speaker", "role", "audiences", "why"),
    "comment": ("text", "theme", "audiences"),
    "judgement": ("text", "audiences"),
    "note": ("text", "audiences"),
}
# Which ids each action may target: s- sentences, q- quotes, e- events, or a source id (anything else).
_TARGETS: dict[Action, tuple[str, ...]] = {
    "exclude": ("s", "q", "e", "source"),
    "pin": ("s",),
    "bluf": ("s",),
    "speaker": ("q",),
}
_ITEM_ID = re.compile(r"([sqe])-[0-9a-f]{12}")
_NAMES = {
    "s": "a sentence id (s-…)",
    "q": "a quote id (q-…)",
    "e": "an event id (e-…)",
    "source": "a source id",
}


def edits_path(config: Config, as_of: str) -> Path:
    """Return where a week's edits live by default: ``edits/<as-of>.yaml`` beside the config."""
    return config.root / EDITS_DIR / f"{as_of}.yaml"


def target_kind(target: str) -> str:
    """Return "s", "q" or "e" for an item id, "source" for anything else."""
    m = _ITEM_ID.fullmatch(target)
    return m.group(1) if m else "source"


def load_edits(path: Path, config: Config) -> Edits:
    """Return the edits at ``path`` (none if the file does not exist); raise ConfigError listing every problem."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return Edits(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the edits file: {exc}") from None
    return parse_edits(text, path, config)


def parse_edits(text: str, path: Path, config: Config) -> Edits:
    """Return the edits written in ``text``; raise ConfigError listing every problem."""
    root, problems = compose(text, path)
    entries: list[Edit] = []
    if root is not None and not is_null(root):
        if not isinstance(root, MappingNode):
            problems.append(
                problem_at(root, f"expected sections ({', '.join(SECTIONS)}), got {kind_of(root)}")
            )
        else:
            for key_node, value_node in root.value:
                if not isinstance(key_node, ScalarNode):
                    continue  # reported by compose()
                action = SECTIONS.get(key_node.value)
                if action is None:
                    problems.append(
                        _unknown(key_node, "", "section", key_node.value, tuple(SECTIONS), "allowed")
                    )
                    continue
                entries += _section(value_node, key_node.value, action, config, problems)
    if problems:
        raise ConfigError([p.format(path) for p in sorted(problems, key=lambda p: (p.line, p.column))])
    return Edits(path, tuple(entries))


def _section(node: Node, name: str, action: Action, config: Config, problems: list[Problem]) -> list[Edit]:
    if is_null(node):
        return []
    if not isinstance(node, SequenceNode):
        problems.append(problem_at(node, f"{name}: expected a list of entries, got {kind_of(node)}"))
        return []
    out = []
    for i, item in enumerate(node.value):
        edit = _entry(item, f"{name}[{i}]", action, config, problems)
        if edit is not None:
            out.append(edit)
    return out


def _entry(node: Node, where: str, action: Action, config: Config, problems: list[Problem]) -> Edit | None:
    """Return one entry, or None (its problems recorded)."""
    allowed = _KEYS[action]
    if isinstance(node, ScalarNode) and allowed[0] == "id":
        node = MappingNode(
            "tag:yaml.org,2002:map",
            [(ScalarNode("tag:yaml.org,2002:str", "id"), node)],
            node.start_mark,
            node.end_mark,
        )  # "- s-…" is short for "- id: s-…"
    if not isinstance(node, MappingNode):
        problems.append(
            problem_at(node, f"{where}: expected a mapping with {', '.join(allowed)}, got {kind_of(node)}")
        )
        return None
    values: dict[str, str | int | tuple[str, ...]] = {}
    before = len(problems)
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in allowed:
            problems.append(_unknown(key_node, where, "key", key, allowed, "allowed"))
            continue
        value = _value(key, value_node, f"{where}.{key}", action, config, problems)
        if not isinstance(value, Invalid):
            values[key] = value
    required = allowed[0]
    if required not in values and len(problems) == before:
        problems.append(problem_at(node, f"{where}: '{required}' is missing; add it"))
    if action in ("pin", "comment") and "theme" not in values and len(problems) == before:
        problems.append(
            problem_at(node, f"{where}: 'theme' is missing; name the theme (one of: {_ids(config)})")
        )
    if len(problems) != before:
        return None
    audiences = values.get("audiences", ())
    return Edit(
        action,
        node.start_mark.line + 1,
        target=_opt(values.get("id")),
        text=_opt(values.get("text")),
        theme=_opt(values.get("theme")),
        position=values.get("position") if isinstance(values.get("position"), int) else None,  # type: ignore[arg-type]
        speaker=_opt(values.get("speaker")),
        role=_opt(values.get("role")),
        audiences=audiences if isinstance(audiences, tuple) else (),
    )


def _opt(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _ids(config: Config) -> str:
    return ", ".join(t.id for t in config.themes)


def _value(
    key: str, node: Node, where: str, action: Action, config: Config, problems: list[Problem]
) -> str | int | tuple[str, ...] | Invalid:
    if key == "position":
        return read_positive_int(node, where, problems)
    if key == "audiences":
        names = read_text_list(node, where, problems)
        if isinstance(names, Invalid):
            return names
        known = tuple(a.id for a in config.audiences)
        for name in names:
            if name not in known:
                problems.append(_unknown(node, where, "audience", name, known, "known"))
                return Invalid()
        return names
    text = read_text(node, where, problems)
    if isinstance(text, Invalid):
        return text
    text = text.strip()
    if key == "theme":
        known = tuple(t.id for t in config.themes)
        if text not in known:
            problems.append(_unknown(node, where, "theme", text, known, "known"))
            return Invalid()
    if key == "id":
        kinds = _TARGETS[action]
        if target_kind(text) not in kinds:
            problems.append(
                problem_at(
                    node,
                    f"{where}: '{text}' is not {' or '.join(_NAMES[k] for k in kinds)}; "
                    "copy the id from the brief's JSON or the review page",
                )
            )
            return Invalid()
    return text


def _unknown(node: Node, where: str, what: str, name: str, choices: tuple[str, ...], listed: str) -> Problem:
    """Return "unknown <what> '<name>'; did you mean ...? <listed>: ..." placed at ``node``."""
    hint = suggest(name, choices)
    prefix = f"{where}: " if where else ""
    maybe = f"did you mean '{hint}'? " if hint else ""
    return problem_at(node, f"{prefix}unknown {what} '{name}'; {maybe}{listed}: {', '.join(choices)}")

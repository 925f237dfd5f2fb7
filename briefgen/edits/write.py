"""Change a week's edits file as text, so an editor's comments and layout survive every change.

The review page adds and removes entries; re-dumping the YAML would drop the comments a person wrote,
so an entry is inserted as one flow-style line at the end of its section (the section is added when
missing) or its lines are cut out, and the new text must validate before it replaces the file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..config import Config
from ..errors import ConfigError
from .load import parse_edits
from .model import SECTIONS, Edits

HEADER = (
    "# briefgen edits for the week: every build applies them (see the README, 'Editing a week's brief').\n"
)


def _scalar(value: str | int | tuple[str, ...]) -> str:
    """Return a value as YAML flow text: plain ids and numbers, double-quoted free text."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if value and all(c.isalnum() or c in "-_" for c in value):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def entry_line(fields: dict[str, str | int | tuple[str, ...]]) -> str:
    """Return one entry as the flow-style list item ``  - {key: value, ...}``."""
    return "  - {" + ", ".join(f"{k}: {_scalar(v)}" for k, v in fields.items()) + "}\n"


def _root(text: str) -> MappingNode | None:
    node = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    return node if isinstance(node, MappingNode) else None


def _section(root: MappingNode | None, name: str) -> tuple[ScalarNode, Node] | None:
    for key, value in root.value if root else ():
        if isinstance(key, ScalarNode) and key.value == name:
            return key, value
    return None


def _line_after(node: Node) -> int:
    """Return the 0-based line just after ``node`` ends."""
    end = node.end_mark
    return end.line if end.column == 0 else end.line + 1


def add_entry(text: str, section: str, fields: dict[str, str | int | tuple[str, ...]]) -> str:
    """Return ``text`` with an entry added at the end of ``section``."""
    if section not in SECTIONS:
        raise ValueError(f"unknown section {section!r}")
    lines = (text or HEADER).splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    found = _section(_root("".join(lines)), section)
    item = entry_line(fields)
    if found is None:
        return "".join(lines) + f"{section}:\n{item}"
    key, value = found
    if isinstance(value, SequenceNode) and value.value and not value.flow_style:
        at = _line_after(value.value[-1])
    elif isinstance(value, ScalarNode) and value.value in ("", "~", "null"):
        at = key.start_mark.line + 1
        lines[key.start_mark.line] = f"{section}:\n"
    else:
        raise ConfigError(f"{section}: written in a form the review page cannot extend; make it a block list")
    return "".join(lines[:at]) + item + "".join(lines[at:])


def remove_entry(text: str, line: int) -> str:
    """Return ``text`` without the entry that starts on 1-based ``line`` (and its own lines)."""
    lines = text.splitlines(keepends=True)
    root = _root(text)
    for _, value in root.value if root else ():
        if not isinstance(value, SequenceNode):
            continue
        items = value.value
        for i, item in enumerate(items):
            if item.start_mark.line + 1 == line:
                start = item.start_mark.line
                end = items[i + 1].start_mark.line if i + 1 < len(items) else _line_after(item)
                return "".join(lines[:start] + lines[end:])
    raise ValueError(f"no entry starts on line {line}")


def save_edits(path: Path, text: str, config: Config) -> Edits:
    """Validate ``text`` as the edits file and replace ``path`` with it atomically; return the edits."""
    edits = parse_edits(text, path, config)  # raises ConfigError before anything is written
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return edits

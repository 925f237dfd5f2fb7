"""Config stage: compose YAML into a node tree with positions, rejecting unsafe or ambiguous YAML.

The edits file (edits/load.py) reads its YAML with these functions too.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import ConfigError

# Explicit tags a config may carry; anything else (``!!python/...``, custom ``!foo``) is refused
# because the schema, not the tag, decides what a value means.
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the config, at a 1-based line and column (0 when unknown)."""

    line: int
    column: int
    text: str

    def format(self, path: Path) -> str:
        """Return the problem as ``path:line:col: text``."""
        if self.line <= 0:
            return f"{path}: {self.text}"
        return f"{path}:{self.line}:{self.column}: {self.text}"


def problem_at(node: Node, text: str) -> Problem:
    """Return a Problem placed at the start of ``node``."""
    return Problem(node.start_mark.line + 1, node.start_mark.column + 1, text)


class _StrictComposer(yaml.SafeLoader):
    """A SafeLoader whose composer records anchors, aliases and foreign tags as problems."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.problems: list[Problem] = []

    def _note(self, mark: yaml.Mark, text: str) -> None:
        self.problems.append(Problem(mark.line + 1, mark.column + 1, text))

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        """Return the next node; an alias becomes an empty scalar so nothing is ever shared."""
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            self.get_event()
            # Never hand out the anchored node: a shared subtree is how alias bombs explode.
            self._note(
                event.start_mark,
                f"alias '*{event.anchor}' is not allowed in a config; write the value out in full",
            )
            return ScalarNode(_CORE + "null", "", event.start_mark, event.end_mark)
        if isinstance(event, (ScalarEvent, CollectionStartEvent)):
            if event.anchor is not None:
                self._note(
                    event.start_mark,
                    f"anchor '&{event.anchor}' is not allowed in a config; "
                    "remove it and repeat the value where it is needed",
                )
            tag = event.tag
            if tag is not None and tag != "!" and tag not in _ALLOWED_TAGS:
                shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
                self._note(
                    event.start_mark,
                    f"tag '{shown}' is not allowed in a config; remove it "
                    "(values are plain text, numbers, true/false, lists and mappings)",
                )
        # The anchors table stays empty, so the base composer never shares a node.
        node = super().compose_node(parent, index)  # type: ignore[arg-type]
        self.anchors.clear()
        return node


def _syntax_problem(exc: yaml.YAMLError, text: str) -> Problem:
    """Return a positioned, readable Problem for a PyYAML syntax or reader error."""
    if isinstance(exc, yaml.reader.ReaderError):
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        return Problem(line, column, f"character U+{exc.character:04X} is not allowed in YAML; delete it")
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        problem = exc.problem or "syntax error"
        if "'\\t'" in problem:
            message = "tab character; YAML is indented with spaces only, replace the tab with spaces"
        elif exc.context == "expected a single document in the stream":
            message = (
                "a second YAML document starts here; a config is one document, "
                "remove the '---' line and merge the two"
            )
        else:
            where = ""
            if exc.context and exc.context_mark is not None:
                where = f" ({exc.context} at line {exc.context_mark.line + 1})"
            message = f"YAML syntax error: {problem}{where}; check indentation, colons and quotes"
        return Problem(mark.line + 1, mark.column + 1, message)
    return Problem(0, 0, f"YAML error: {exc}")


def compose(text: str, path: Path) -> tuple[Node | None, list[Problem]]:
    """Return the single document's node tree (None if empty) and the problems found composing it.

    Raise ConfigError when the YAML cannot be parsed at all.
    """
    try:
        # The reader checks every character up front, so even construction can fail.
        loader = _StrictComposer(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise ConfigError(_syntax_problem(exc, text).format(path)) from None
    problems = list(loader.problems)
    if root is not None:
        _check_keys(root, "", problems)
    return root, problems


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """Return the closest of ``choices`` to ``word`` (ignoring case), if one is close enough."""
    lowered = {c.lower(): c for c in choices}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


def join_key(keypath: str, key: str) -> str:
    """Return ``keypath.key`` (or ``key`` at the top level)."""
    return f"{keypath}.{key}" if keypath else key


def _check_keys(node: Node, keypath: str, problems: list[Problem]) -> None:
    """Record duplicate and non-text mapping keys anywhere under ``node``."""
    if isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            _check_keys(item, f"{keypath}[{i}]", problems)
        return
    if not isinstance(node, MappingNode):
        return
    seen: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            problems.append(problem_at(key_node, f"{keypath or 'top level'}: keys must be plain text"))
            continue
        key = key_node.value
        where = join_key(keypath, key)
        first = seen.get(key)
        if first is not None:
            problems.append(
                problem_at(
                    key_node,
                    f"{where}: duplicate key '{key}' (also at line {first.start_mark.line + 1}); "
                    "keep only one",
                )
            )
        else:
            seen[key] = key_node
        _check_keys(value_node, where, problems)


# --- Typed scalar readers: the schema, not YAML 1.1 resolution, decides what a scalar means. ---


class Invalid:
    """Marker for a value that failed to read; its problem is already recorded."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})


def is_null(node: Node) -> bool:
    """Return True for an unquoted empty, ``~`` or ``null`` scalar."""
    return isinstance(node, ScalarNode) and node.style is None and node.value in _NULLS


def kind_of(node: Node) -> str:
    """Return how a user would name this node's shape: text, a list or a mapping."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    return f"'{node.value}'"


def read_text(node: Node, keypath: str, problems: list[Problem]) -> str | Invalid:
    """Return a scalar's text exactly as written (``no`` stays 'no', ``012`` stays '012')."""
    if not isinstance(node, ScalarNode):
        problems.append(problem_at(node, f"{keypath}: expected text, got {kind_of(node)}"))
        return INVALID
    if is_null(node) or not node.value.strip():
        problems.append(problem_at(node, f"{keypath}: is empty; write a value or remove the key"))
        return INVALID
    return str(node.value)


def read_optional_text(node: Node, keypath: str, problems: list[Problem]) -> str | None | Invalid:
    """Return a scalar's text, or None for an empty or ``null`` value."""
    if is_null(node):
        return None
    return read_text(node, keypath, problems)


def read_text_list(node: Node, keypath: str, problems: list[Problem]) -> tuple[str, ...] | Invalid:
    """Return a list of texts; a single text counts as a one-item list."""
    if isinstance(node, ScalarNode):
        single = read_text(node, keypath, problems)
        return INVALID if isinstance(single, Invalid) else (single,)
    if not isinstance(node, SequenceNode):
        problems.append(problem_at(node, f"{keypath}: expected a list of texts, got a mapping"))
        return INVALID
    items: list[str] = []
    ok = True
    for i, item in enumerate(node.value):
        text = read_text(item, f"{keypath}[{i}]", problems)
        if isinstance(text, Invalid):
            ok = False
        else:
            items.append(text)
    return tuple(items) if ok else INVALID


def read_bool(node: Node, keypath: str, problems: list[Problem]) -> bool | Invalid:
    """Return a boolean written as true/false or yes/no (any case)."""
    if isinstance(node, ScalarNode) and not is_null(node):
        word = node.value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    problems.append(problem_at(node, f"{keypath}: expected true or false, got {kind_of(node)}"))
    return INVALID


def read_positive_int(node: Node, keypath: str, problems: list[Problem]) -> int | Invalid:
    """Return a whole number of 1 or more, read as decimal (``012`` is 12, never octal)."""
    if isinstance(node, ScalarNode):
        digits = node.value.strip().replace("_", "")
        if digits.lstrip("+-").isdecimal() and digits.isascii():
            number = int(digits)
            if number >= 1:
                return number
            problems.append(
                problem_at(node, f"{keypath}: {number} is too small; write a whole number of 1 or more")
            )
            return INVALID
    problems.append(problem_at(node, f"{keypath}: expected a whole number of 1 or more, got {kind_of(node)}"))
    return INVALID


def read_optional_positive_int(node: Node, keypath: str, problems: list[Problem]) -> int | None | Invalid:
    """Return a whole number of 1 or more, or None for an empty or ``null`` value."""
    if is_null(node):
        return None
    return read_positive_int(node, keypath, problems)


def _date_hint(text: str) -> str:
    """Return how to write ``text`` as YYYY-MM-DD, guessing day and month only when unambiguous."""
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


def read_optional_date(node: Node, keypath: str, problems: list[Problem]) -> str | None | Invalid:
    """Return a YYYY-MM-DD text naming a real day (unquoted dates stay text), or None when empty."""
    text = read_optional_text(node, keypath, problems)
    if not isinstance(text, str):
        return text
    text = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        problems.append(problem_at(node, f"{keypath}: '{text}' is not YYYY-MM-DD; {_date_hint(text)}"))
        return INVALID
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        # PyYAML itself would raise this bare, without file or line (yaml/pyyaml#382).
        problems.append(
            problem_at(node, f"{keypath}: '{text}' is not a real date ({exc}); fix the day or month")
        )
        return INVALID
    return text


def read_text_lists(
    node: Node, keypath: str, problems: list[Problem]
) -> tuple[tuple[str, tuple[str, ...]], ...] | Invalid:
    """Return (name, texts) pairs from a mapping of name to list of texts (or one text)."""
    if is_null(node):
        return ()
    if not isinstance(node, MappingNode):
        problems.append(
            problem_at(node, f"{keypath}: expected a mapping of name: [texts], got {kind_of(node)}")
        )
        return INVALID
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            continue  # already reported by compose()
        where = join_key(keypath, key_node.value)
        if is_null(value_node):
            problems.append(
                problem_at(value_node, f"{where}: is empty; list one or more texts or remove the key")
            )
            continue
        name = read_text(key_node, where, problems)
        texts = read_text_list(value_node, where, problems)
        if not isinstance(name, Invalid) and not isinstance(texts, Invalid):
            pairs.append((name, texts))
    return tuple(pairs)

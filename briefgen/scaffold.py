"""`briefgen new-audience`: copy a template folder and add the audience to the config, keeping its comments."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode

from .config import load_config, validate
from .errors import ConfigError

_ID = re.compile(r"[a-z0-9_]+")


def new_audience(config_path: Path, name: str, source: str) -> tuple[Path, Path]:
    """Copy templates/<source>/ to templates/<name>/ and add ``name`` to the config; return both paths."""
    config = load_config(config_path)
    if not _ID.fullmatch(name):
        raise ConfigError(f"new-audience: '{name}' is not an id; use a-z, 0-9 and _ (e.g. board_brief)")
    if name in {a.id for a in config.audiences}:
        raise ConfigError(f"{config.path}: audience '{name}' already exists; choose another name")
    try:
        base = config.audience(source)
    except KeyError:
        known = ", ".join(a.id for a in config.audiences)
        raise ConfigError(f"--from: unknown audience '{source}' (known: {known})") from None
    templates = Path(os.path.normpath(config.root / config.templates))
    src, dest = templates / base.template, templates / name
    if dest.exists():
        raise ConfigError(f"{dest}: already exists; choose another name or remove the folder")
    text = config.path.read_text(encoding="utf-8")
    new_text = _with_audience(text, config.path, name, source)
    shutil.copytree(src, dest, symlinks=False)
    try:
        validate(new_text, config.path)  # the new config must load before it replaces the old one
    except ConfigError:
        shutil.rmtree(dest)
        raise
    _replace(config.path, new_text)
    return dest, config.path


def _with_audience(text: str, path: Path, name: str, source: str) -> str:
    """Return the config text with an audience block appended to ``audiences:``, comments untouched."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    audiences = (
        next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "audiences"), None)
        if isinstance(root, MappingNode)
        else None
    )
    if not isinstance(audiences, MappingNode) or not audiences.value or audiences.flow_style:
        raise ConfigError(
            f"{path}: 'audiences' is not a block mapping this command can extend; add the audience by hand"
        )
    first_key = audiences.value[0][0]
    indent = " " * first_key.start_mark.column
    last_value = audiences.value[-1][1]
    end = last_value.end_mark
    at = end.line if end.column == 0 else end.line + 1
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    block = (
        f"{indent}{name}:\n"
        f'{indent}  title: "{name.replace("_", " ").capitalize()}"\n'
        f"{indent}  template: {name}  # copied from templates/{source}/ by briefgen new-audience\n"
        f"{indent}  themes: all\n"
    )
    # Keep comment lines that follow the last audience (they belong to what comes after) below the block.
    while at > 0 and lines[at - 1].strip() == "":
        at -= 1
    return "".join(lines[:at]) + block + "".join(lines[at:])


def _replace(path: Path, text: str) -> None:
    mode = path.stat().st_mode & 0o777
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

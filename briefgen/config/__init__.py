"""Config stage: a YAML file (read with line and column) -> validated, frozen Config dataclasses.

model.py holds the dataclasses and their defaults, yaml_positions.py reads YAML keeping every node's
position, schema.py checks the keys against the typed schema, limits.py runs the checks across keys.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .model import FORMATS, Audience, Config
from .schema import SCHEMA, validate

__all__ = ["FORMATS", "SCHEMA", "Audience", "Config", "load_config", "validate"]


def load_config(path: str | Path) -> Config:
    """Return the validated Config at ``path``; raise ConfigError listing every problem."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    return validate(text, path)

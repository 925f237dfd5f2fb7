"""The editor's edits: a YAML file per week, read and validated, applied to the Analysis before compose."""

from __future__ import annotations

from .apply import SentenceIndex, apply_edits, stale_edits
from .load import EDITS_DIR, edits_path, load_edits, parse_edits
from .model import BriefEdits, Edit, Edits

__all__ = [
    "EDITS_DIR",
    "BriefEdits",
    "Edit",
    "Edits",
    "SentenceIndex",
    "apply_edits",
    "edits_path",
    "load_edits",
    "parse_edits",
    "stale_edits",
]

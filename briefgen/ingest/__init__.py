"""Read sources: find the files a config selects (``gather_paths``) and read each with its format's reader.

The registry and ``parse_file`` live in ``readers``; each format module registers its reader on import.
"""

from __future__ import annotations

# The built-in readers, listed here so the set is readable in one place.
from . import docx, html, manifest, pdf, rss, text  # noqa: F401
from .gather import gather_paths as gather_paths  # re-exported: callers gather, then read
from .readers import READERS as READERS
from .readers import parse_file as parse_file
from .readers import read_file as read_file
from .readers import register_reader as register_reader

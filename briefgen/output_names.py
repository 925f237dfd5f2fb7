"""Output file names: a safe stem per audience from the config's pattern, never cut, never shared."""

from __future__ import annotations

import re

# A whole file name (stem and suffix) in UTF-8 bytes. File systems allow 255; a temporary name made
# from it while writing adds 14, and the margin keeps names readable and portable.
MAX_NAME_BYTES = 200
LONGEST_SUFFIX = ".docx"
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def output_stem(pattern: str, as_of: str, audience: str) -> str:
    """Return a safe file stem from the config's output pattern (no separators or reserved names)."""
    stem = pattern.format(as_of=as_of, audience=audience)
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "-", stem).strip(" .-") or audience
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    return stem


def name_problems(pattern: str, as_of: str | None, audiences: list[str]) -> list[str]:
    """Return why ``pattern`` cannot name every audience's files apart and in full (empty: it can)."""
    date = as_of or "2000-01-01"  # every date is written with ten characters
    stems = {a: output_stem(pattern, date, a) for a in audiences}
    problems = []
    for audience, stem in stems.items():
        size = len((stem + LONGEST_SUFFIX).encode("utf-8"))
        if size > MAX_NAME_BYTES:
            problems.append(
                f"output_pattern: the file name for audience '{audience}' would be {size} bytes long "
                f"('{stem[:40]}...{LONGEST_SUFFIX}'), over the {MAX_NAME_BYTES} allowed; shorten the pattern"
            )
    owners: dict[str, str] = {}
    for audience, stem in stems.items():
        # Case-insensitive file systems (macOS, Windows) would give both audiences one file.
        first = owners.setdefault(stem.casefold(), audience)
        if first != audience:
            problems.append(
                f"output_pattern: audiences '{first}' and '{audience}' would both write '{stem}.*'; "
                "make the pattern tell them apart (keep {audience} in it)"
            )
    return problems

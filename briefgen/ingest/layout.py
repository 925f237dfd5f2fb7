"""Rebuild paragraphs from plain text without changing wording: unwrap, rejoin, strip light markup."""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_ENDS_SENTENCE = re.compile(r"[.!?:;\u2026\"'\u201d\u2019)\]]\s*$")


def strip_markup(line: str) -> str:
    """Return ``line`` with markdown links, emphasis and heading marks removed, wording kept."""
    # Cheap character tests first: most lines of a news article carry no markup at all.
    m = _HEADING.match(line) if "#" in line else None
    if m:
        line = m.group(1)
    if "](" in line:
        line = _LINK.sub(r"\1", line)
    return _EMPHASIS.sub(r"\2", line) if "*" in line or "_" in line else line


def _blocks(text: str) -> list[list[str]]:
    """Return blank-line-separated blocks of non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def is_hard_wrapped(blocks: list[list[str]]) -> bool:
    """Return whether the text looks wrapped at a fixed width: multi-line blocks of similar-length lines."""
    lines = [line for block in blocks if len(block) > 1 for line in block[:-1]]
    if len(lines) < 3:
        return False
    width = max(len(line) for line in lines)
    if width > 120:
        return False
    near = sum(1 for line in lines if len(line) >= 0.6 * width)
    # One paragraph per line also gives lines of similar length, but those end their sentences;
    # wrapped lines mostly break mid-sentence.
    ended = sum(1 for line in lines if _ENDS_SENTENCE.search(line))
    return near >= 0.8 * len(lines) and ended < 0.5 * len(lines)


def _join_lines(lines: list[str]) -> str:
    """Return wrapped lines joined into one paragraph; a hyphen at a line end stays, with no space."""
    out = lines[0].strip()
    for line in lines[1:]:
        nxt = line.strip()
        if out.endswith("-") and not out.endswith(" -") and nxt[:1].islower():
            out += nxt
        else:
            out += " " + nxt
    return out


def _continues(prev: str, nxt: str) -> bool:
    """Return whether ``nxt`` continues a sentence that ``prev`` broke off (a stray blank line)."""
    return bool(prev) and not _ENDS_SENTENCE.search(prev) and nxt[:1].islower() and len(prev.split()) >= 4


def paragraphs(text: str) -> list[str]:
    """Return the paragraphs of ``text``: unwrapped, rejoined where a blank line cut a sentence, cleaned."""
    blocks = [[line for line in block if not _RULE.match(line)] for block in _blocks(text)]
    blocks = [b for b in blocks if b]
    if is_hard_wrapped(blocks):
        raw = [_join_lines(block) for block in blocks]
    else:
        raw = [line.strip() for block in blocks for line in block]
    out: list[str] = []
    for para in raw:
        para = " ".join(strip_markup(para).split()) if "  " in para or "\t" in para else strip_markup(para)
        if not para:
            continue
        if out and _continues(out[-1], para):
            out[-1] = out[-1] + " " + para
        else:
            out.append(para)
    return out

"""Quote attribution: introductions without a subject-verb cue ("Said Ann Lee:", "From the report:")."""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w.\u2019'\-]*(?:\s+(?:[A-Z][\w.\u2019'\-]*|de|van|von|al|bin))*"
# An inverted cue opening its sentence: "Said Ann Lee, who grew up nearby, “...”", "Stated Lee:".
_INVERTED = re.compile(
    r"^\W{0,2}(?:Said|Says|Stated|States|Added|Adds|Wrote|Writes|Explained|Explains|Noted|Notes|Recalled|"
    r"Asked|Continued|Continues|Replied|Answered|Declared|Insisted|Warned)\s+("
    + _NAME
    + r"|the\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3})(?:,[^,:;]{1,120},)?\s*[,:]?\s*$"
)
# A document or a person named as where the words come from: "From the report:", "More from Lee’s
# statement:", "Here’s Lee in 1992:".
_FROM = re.compile(
    r"(?:^|[\s\u2013\u2014(-])(?:[Mm]ore\s+)?[Ff]rom\s+("
    r"(?:the|a|an|this|that)\s+(?:[\w\-]+\s+){0,3}?[a-z][\w\-]*"
    r"|" + _NAME + r"[\u2019']s?(?:\s+[\w\-]+){0,3}"
    r")\s*:\s*$"
)
_HERE = re.compile(
    r"(?:^|[\s\u2013\u2014(-])[Hh]ere(?:\u2019s|'s|\s+is|\s+was|\s+are)\s+("
    + _NAME
    + r")(?:,?\s+(?:in|on|at|during|back in|speaking|from)\s+[^:]{1,40})?\s*:\s*$"
)
_POSSESSIVE_NAME = re.compile(r"^(" + _NAME + r")[\u2019']s?\s")


def intro_phrase(prefix: str) -> tuple[str, int] | None:
    """Return (speaker phrase, offset in ``prefix``) of an introduction ending ``prefix``, or None.

    ``prefix`` is the text of the quote's sentence before its opening mark (or a paragraph's last
    sentence when the quote opens the next paragraph).
    """
    m = _INVERTED.match(prefix) or _HERE.search(prefix)
    if m:
        return m.group(1), m.start(1)
    m = _FROM.search(prefix)
    if m is None:
        return None
    owner = _POSSESSIVE_NAME.match(m.group(1))
    if owner:
        return owner.group(1), m.start(1)  # "From Lee’s statement:": Lee speaks
    return m.group(1), m.start(1)

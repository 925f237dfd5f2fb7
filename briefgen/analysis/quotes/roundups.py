"""Quote attribution: round-up lines that name the speaker before the quote ("* AP - “...”", "Ann Lee, Reuters: “...”")."""

from __future__ import annotations

import re

from .speaker_phrase import SpeakerPhrase, parse_speaker

_WORD = r"[A-Z][\w.&\u2019'\-]*"
_WORDS = rf"{_WORD}(?:\s+(?:of|the|for|and|de|van|von|al|{_WORD}))*"
# At a paragraph's start: a bullet, then a name or outlet, an optional outlet or role after a comma or in
# brackets, and a colon or dash right before the opening mark.
_ROUNDUP = re.compile(
    rf"^[\s*\u2022\u00b7>-]*(?P<who>{_WORDS})"
    rf"(?:,\s+(?P<of>(?:the\s+)?{_WORDS})|\s+\((?P<role>[^()]{{2,40}})\))?"
    r"\s*(?::|\s[\u2013\u2014\u2015-]{1,2})\s*$"
)


# A comment signed with a quoted name at the paragraph's end: “...” - “Fiona”.
_SIGNATURE = re.compile(
    r"[,.]?\s*[\u2013\u2014\u2015-]{1,2}\s*[\"\u201c]([A-Z][\w\u2019'\-]*(?:\s+[A-Z][\w\u2019'\-]*){0,2})"
    r"[\"\u201d]\s*\.?\s*"
)


def signature(text: str, at: int) -> tuple[SpeakerPhrase | None, int] | None:
    """Return (speaker, offset of the name) when text[at:] is only a dash and a quoted name, else None."""
    signed = _SIGNATURE.fullmatch(text, at)
    return (parse_speaker(signed.group(1)), signed.start(1)) if signed else None


def roundup_speaker(prefix: str) -> SpeakerPhrase | None:
    """Return the speaker when the text before a quote is a round-up label, else None.

    A person's name gives the name, with the outlet or role after it as the role ("Jane Doe, The Harbour
    Times:"); anything else (an agency, a body: "AP", "United Nations") is the role.

    ``prefix`` runs from the paragraph's start to the opening mark; a label has at most eight words, so
    a sentence ending in a colon ("The minister told reporters:") is not one.
    """
    m = _ROUNDUP.match(prefix)
    if m is None or len(prefix.split()) > 8:
        return None
    phrase = parse_speaker(m.group("who"))
    if phrase is not None and phrase.name:
        return SpeakerPhrase(name=phrase.name, role=m.group("of") or m.group("role") or phrase.role)
    return SpeakerPhrase(role=m.group("who"))

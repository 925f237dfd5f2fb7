"""Rules of news writing about acronyms: F.B.I. is FBI, "Ministry of Defence (MOD)" defines MOD, "AT" of
"AT&T" is no word of its own, and "DACA" before "program" names a policy, not an organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Source
from .words import word_set

_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
# "Long Name (ACR)": a definition of an acronym in the text.
_DEFINED = re.compile(
    r"((?:[A-Z][\w'\u2019&-]*\s+(?:(?:of|for|and|on|the|de|du|des|la|le)\s+)*)*[A-Z][\w'\u2019&-]*)"
    r"\s+\(((?:[A-Z]\.?){2,8}s?)\)"
)
_JOINERS = word_set("of for and on the de du des la le")


def undotted(form: str) -> str:
    """Return an acronym without its full stops ("F.B.I." -> "FBI"); other forms unchanged."""
    return form.replace(".", "") if _DOTTED.match(form) else form


def acronym_definitions(sources: Iterable[Source]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return (long name, (acronym,)) for each "Long Name (ACR)" in the sources whose initials fit."""
    found: dict[str, str] = {}
    for s in sources:
        for p in s.paragraphs:
            if "(" not in p.text:
                continue
            for m in _DEFINED.finditer(p.text):
                acr = m.group(2).replace(".", "")
                name = _fitting_name(m.group(1).split(), acr.rstrip("s") if len(acr) > 2 else acr)
                if name and acr not in found:
                    found[acr] = name
    return tuple((name, (acr,)) for acr, name in found.items())


def _fitting_name(words: list[str], acr: str) -> str | None:
    """Return the shortest tail of ``words`` whose initials spell ``acr`` in order, or None."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _JOINERS or words[i][:1].upper() != acr[:1].upper():
            continue
        initials = "".join(w[0] for w in words[i:]).upper()
        k = 0
        for ch in initials:
            if k < len(acr) and ch == acr[k].upper():
                k += 1
        if k == len(acr) and len(words) - i >= 2:
            return " ".join(words[i:])
    return None


# Words naming a law, programme or agreement: "the Deferred Action for Childhood Arrivals program, or DACA"
# and "the DACA and DAPA programs" name policies, not organisations.
_POLICY_WORDS = r"(?:program|programme|scheme|act|law|treaty|accord|agreement|initiative|plan|policy|rule)s?"
_POLICY_AFTER = re.compile(r"\b([A-Z]{2,8})(?:,?\s+(?:and|or)\s+([A-Z]{2,8}))?\s+" + _POLICY_WORDS + r"\b")
_POLICY_DEFINED = re.compile(
    r"((?:[A-Z][\w'\u2019&-]*\s+(?:(?:of|for|and|on|the)\s+)*)+)"
    + _POLICY_WORDS
    + r",?\s+(?:or|known as)\s+(?:the\s+)?([A-Z]{2,8})\b"
)


def policy_acronyms(sources: Iterable[Source]) -> set[str]:
    """Return the acronyms the texts use for laws and programmes, not for organisations.

    An acronym defined as a programme whose initials fit it ("the Deferred Action for Childhood Arrivals
    program, or DACA"), or one the text never writes except right before a policy word ("DACA and DAPA programs").
    """
    found: set[str] = set()
    elsewhere: set[str] = set()
    before: set[str] = set()
    for s in sources:
        for p in s.paragraphs:
            text = p.text
            for m in _POLICY_DEFINED.finditer(text):
                if _fitting_name(m.group(1).split(), m.group(2)):
                    found.add(m.group(2))
            spans = set()
            for m in _POLICY_AFTER.finditer(text):
                for g in (1, 2):
                    if m.group(g):
                        before.add(m.group(g))
                        spans.add(m.start(g))
            for m in re.finditer(r"\b[A-Z]{2,8}\b", text):
                if m.start() not in spans:
                    elsewhere.add(m.group())
    return found | (before - elsewhere)


_SHORT_CAPS = re.compile(r"(?<![\w&])[A-Z]{2,3}(?![\w&])")


def standalone_short_caps(sources: Iterable[Source]) -> set[str]:
    """Return the two- and three-letter capitals the texts use as words of their own (not "AT" of "AT&T")."""
    out: set[str] = set()
    for s in sources:
        for p in s.paragraphs:
            out.update(_SHORT_CAPS.findall(p.text))
    return out

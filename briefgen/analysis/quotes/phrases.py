"""Quote attribution: tidy a speaker phrase before it is read (marks, dashes, joint speakers, bare honorifics)."""

from __future__ import annotations

import re

from ..words import word_set

# Quotation marks and apostrophes left at a phrase's edge by the quote it follows ("'' Mr. Obama said").
_EDGE_MARKS = " ,;:\u2013\u2014\u2015-'\"\u2018\u2019\u201c\u201d`"
# A dash inside a phrase ends an aside: "were made public ― Trump boasted" is spoken by "Trump".
_DASH = re.compile(r"\s[\u2013\u2014\u2015]\s|\s--\s")
_NAME = r"(?:[A-Z][\w.\u2019'\-]*)(?:\s+[A-Z][\w.\u2019'\-]*){0,3}"
# "Smith and Jones", "Sen. Ann Lee and Rep. Bo Chan": two people named side by side speak together.
_JOINT = re.compile(rf"^(?P<a>{_NAME})\s+and\s+(?P<b>{_NAME})$")
# Forms of address that are not roles: "Mr Blair" is Blair, not a "Mr".
HONORIFICS = word_set("mr mrs ms miss mr. mrs. ms. dr dr. sir dame")
# Words a role may not end on, and that alone are no role: "the", "of the", "a".
_DANGLING = word_set("the a an of for at in on to and or with by from")
# Capitalised words that make a role ("Prime Minister", "Sen.", "UK Athletics chief"); checked lower-case.
_ROLE_NOUNS = word_set(
    """
    adm admiral adviser advisor ag ambassador archbishop attorney bishop cardinal captain capt chairman chairwoman chair
    chancellor chief coach col colonel commander commissioner congressman congresswoman councillor deputy
    director editor envoy gen general gov governor judge justice king leader lord lt manager mayor minister
    mp mep nominee officer pope premier president prime prince prof professor queen rep representative rev
    secretary sen senator sens sgt sheriff speaker spokesman spokeswoman spokesperson treasurer whip
    """
)


def tidy_phrase(phrase: str) -> str:
    """Return a speaker phrase without edge marks and without the aside a dash closes."""
    phrase = phrase.strip(_EDGE_MARKS)
    parts = _DASH.split(phrase)
    if len(parts) > 1 and parts[-1].strip():
        phrase = parts[-1]  # the words right before the cue are the subject
    return phrase.strip(_EDGE_MARKS)


def joint_speakers(phrase: str) -> tuple[str, str] | None:
    """Return the two names of a joint subject ("Smith and Jones"), or None."""
    m = _JOINT.match(phrase)
    if m is None:
        return None
    return m.group("a"), m.group("b")


def real_role(role: str | None) -> str | None:
    """Return a role unless it is only a form of address ("Mr.", "Ms") or punctuation."""
    if role is None:
        return None
    words = [w.strip("()[]") for w in role.split() if any(c.isalnum() for c in w)]
    while words and (words[-1].lower() in _DANGLING or words[-1].lower() in HONORIFICS):
        words.pop()  # "Aris Shirvanian of the": a role cut off before its noun; "commissioner Sir"
    if not words or all(w.lower() in HONORIFICS or w.lower() in _DANGLING for w in words):
        return None
    if any(w.lower() in ("he", "she", "they", "both") for w in words):
        return None  # "Both he (and Stavros Dimas)": a clause's words, not a role
    if all(w[:1].isupper() for w in words) and not any(w.lower().rstrip(".") in _ROLE_NOUNS for w in words):
        return None  # "(Raphael", "Armenian": capitalised words that are no role are part of a name
    return " ".join(words)


def plural_description(description: str) -> bool:
    """Return whether a description's head noun is plural ("the judges", "the organisers")."""
    last = description.split()[-1].lower() if description.split() else ""
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "'s", "\u2019s"))

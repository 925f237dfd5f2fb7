"""Quote attribution: a description that names a body ("the committee", "The Finance Ministry") is not a person.

"The organising committee said in a statement: “...”" is the committee's statement. A definite description
usually points back to a person named earlier ("the minister said"), but one whose head is a word for an
institution names the institution itself, so it must not be matched to a person whose role mentions one
("Jacques Rogge, the president of the International Olympic Committee").
"""

from __future__ import annotations

from .gazetteer import words_set

__all__ = ["names_a_body"]

# Head words of institutions and groups that issue statements (casefolded).
BODY_HEADS = words_set(
    """committee commission council ministry department agency government administration company firm
    corporation party board court office union federation association authority bureau group organisation
    organization campaign embassy foundation institute alliance coalition league police army military navy
    kremlin pentagon parliament senate congress assembly cabinet secretariat bank fund club team charity
    service services network newspaper broadcaster agency regulator tribunal panel inquiry"""
)
# Head words of writings that "read", "say" or "add" what they contain: "the article read", "the report
# says". Their words are the document's, not those of a person it names.
DOCUMENT_HEADS = words_set(
    """article report statement letter memo memorandum editorial column story study survey ad advert
    advertisement filing complaint lawsuit indictment ruling opinion document release transcript post
    tweet email e-mail book essay paper piece headline caption"""
)


def names_a_body(description: str) -> bool:
    """Return whether a description's head word is a body's ("the committee", "The Finance Ministry") or
    a writing's ("the article", "the report"): who or what speaks is then that body or writing.

    The head is the last word before an "of" or "for" phrase: "the head of the committee" is a person.
    """
    words = description.split()
    for i, w in enumerate(words[1:], 1):
        if w in ("of", "for"):
            words = words[:i]
            break
    return bool(words) and words[-1].strip(".,;:\u2019'").casefold() in BODY_HEADS | DOCUMENT_HEADS

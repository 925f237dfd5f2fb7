"""Quote attribution by position: finite verbs next to a quote and the subjects opening a clause."""

from __future__ import annotations

import re

from ..words import IRREGULAR_PAST, OPENERS, any_word, word_set
from .cues import RELATIVE, TRAILING_ADVERBS, is_intro, strip_dateline, strip_tags, subject_after

# Position, not lexicon: any finite verb right next to a quote reports it ("“...,” Trump barked"). A verb is
# told by its form (-ed, third-person -s) or by a small closed list of irregular past forms.
_IRREGULAR_PAST = IRREGULAR_PAST | {"stood"}
_NOT_VERBS = word_set(
    """
    this his its was has is does yes thus plus less always perhaps news whereas various previous famous
    serious obvious jealous nervous anxious hundreds thousands millions dozens others officials aides
    sources supporters critics voters reporters leaders members residents analysts experts democrats
    republicans americans people years times days weeks months needed united speed need indeed
    """
)
_PARTICLES = re.compile(r"\s+(?:back|up|out|off|on|in|at)\b")
_WORD = re.compile(r"[A-Za-z][a-z]+")
# What may follow a reporting verb that closes an attribution: the sentence end, a preposition, a time.
_AFTER_VERB = re.compile(
    r"\s*(?:[.,;:!?\u2014\u2013(]|$)|\s+"
    + any_word(
        """
        on in at during to with after before as while from and but that when about of via through last this
        earlier later again for into today yesterday tonight [a-z]+ly
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday
        """
    )
    + r"\b"
)


def verb_at(text: str, pos: int) -> int:
    """Return the end of a finite verb (with a particle: "shot back") starting at ``pos``, else -1."""
    m = _WORD.match(text, pos)
    if not m:
        return -1
    w = m.group(0)
    low = w.lower()
    if w[0].isupper() and low not in ("tweeted", "tweets"):
        return -1
    ok = low in _IRREGULAR_PAST or (
        low not in _NOT_VERBS
        and len(low) >= 4
        and (low.endswith("ed") or (low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))))
    )
    if not ok:
        return -1
    end = m.end()
    part = _PARTICLES.match(text, end)
    return part.end() if part else end


# The patterns of generic_after and verb_subject, compiled once.
_SENTENCE_MARK = re.compile(r"[;:!?_.\u201c\u201d\"]")
_NAME_THEN_APPOSITIVE = re.compile(r"^([A-Z][^,]{1,40}),\s+.{2,140},$")
_NAME_THEN_APPOSITIVE_END = re.compile(r"^([A-Z][^,]{1,40}),\s+.{2,140},?$")
_PARTICIPLE = re.compile(r"\b[a-z]{3,}ing\b")
_INTRO = re.compile(r"^([^,]{1,60}),\s+(?=\S)")
_YEAR_COMMA = re.compile(r"\d{4},\s+(?=\S)")
_PROGRESSIVE = re.compile(r"(?:is|are|was|were)\s+[a-z]{3,}ing\b")


def generic_after(body: str) -> tuple[str, str, int] | None:
    """Return (subject, verb, subject offset) of an attribution opening ``body`` by verb position alone.

    ``body`` is the text after a closing mark and its comma: "beamed Donald Hartley of Madison",
    "Trump barked and ...", "Murphy, the head of the PAC, Tweeted on Friday".
    """
    body = body[:160]
    end = verb_at(body, 0)
    if end > 0:
        who = subject_after(body[end:])
        return (who, body[:end], end) if who else None
    for m in _WORD.finditer(body, 0, 120):
        if m.start() == 0:
            continue
        head = body[: m.start()]
        if _SENTENCE_MARK.search(head.rstrip()[:-1] if head.rstrip().endswith(",") else head):
            return None  # the sentence (or the next quote) starts before any verb
        end = verb_at(body, m.start())
        if end < 0:
            continue
        if not _AFTER_VERB.match(body, end) and not _AFTER_VERB.match(body, m.end()):
            # ("riffed on Hassan's answer": "on" opens a phrase, not a particle)
            return None  # "“gift,” Lukashenko released Tsikhanouski": a verb with an object is an action
        who = _NAME_THEN_APPOSITIVE.sub(r"\1", strip_tags(head).strip())
        who = TRAILING_ADVERBS.sub("", " " + who).strip()
        if _PARTICIPLE.search(who):
            return None  # "“...,” making air quotes": a participle phrase, not a subject and its verb
        if who and len(who.split()) <= 8 and "," not in who:
            return who, body[m.start() : end], 0
        return None
    return None


_DETERMINER = re.compile(r"^(?:The|A|An|His|Her|Their|Its|One|Another|Both|Many|Some|Two|Three)$")
_SUBJECT_FILLER = re.compile(
    r"^(?:[a-z]+ly|also|has|have|had|will|would|could|did|does|can|may|might|should|must|not|never|then|"
    r"later|still|both|all|even|just|now|once|long|again|has long)$"
)


def verb_subject(clause: str, lower: bool = False) -> tuple[str, int] | None:
    """Return (subject, offset) of a clause that opens with a subject and a finite verb.

    "The Florida senator likes ...", "Mitt Romney, the nominee, has often derided ...", "On Friday,
    researchers found ...": the words before the first verb form, when they make a short noun phrase.
    With ``lower`` the clause may open with a lower-case determiner (a clause inside a sentence).
    """
    off = len(clause) - len(strip_dateline(clause))
    intro = _INTRO.match(clause[off:])
    if intro and clause[off : off + 1].isupper() and is_intro(intro.group(1)):
        off += intro.end()
        # "On July 6, 2015, Sanders ...": a date's year continues the introductory phrase.
        year = _YEAR_COMMA.match(clause[off:])
        off += year.end() if year else 0
    body = clause[off : off + 200]
    # "Ted Cruz, who has surged in Iowa, named ...": the relative clause's verbs are not the subject's.
    body = RELATIVE.sub(lambda m: "," + " " * (len(m.group(0)) - 1), body)
    words = list(_TOKEN.finditer(body))
    # After an introductory phrase a description may open in lower case ("On Friday, the governor said").
    lower_det = (
        (off > 0 or lower) and bool(words) and words[0].group(0) in ("the", "a", "an", "his", "her", "their")
    )
    if not words or not (words[0].group(0)[:1].isupper() or lower_det):
        return None
    if words[0].group(0).lower() in OPENERS or words[0].group(0).lower() in _WH_WORDS:
        return None  # "With Democratic leaders ...", "Whatever the resolution ...": no subject opens it
    first = 2 if lower_det or _DETERMINER.match(words[0].group(0)) else 1
    for k, w in enumerate(words[:10]):
        if k < first:
            continue
        progressive = _PROGRESSIVE.match(body[w.start() :])
        # "Trump would denounce ...": a modal before a bare verb marks the predicate.
        modal = _MODAL.match(body, w.start())
        if not progressive and not modal and verb_at(body, w.start()) < 0:
            continue
        head = [x.group(0) for x in words[:k]]
        while head and _SUBJECT_FILLER.match(head[-1]):
            head.pop()
        who = strip_tags(body[: words[len(head) - 1].end()] if head else "").strip()
        who = _NAME_THEN_APPOSITIVE_END.sub(r"\1", who).rstrip(", ")
        if not who or "," in who or "_" in who or len(who.split()) > 8:
            return None
        return who, off
    return None


_TOKEN = re.compile(r"[^\s]+")
_MODAL = re.compile(
    r"(?:would|will|could|can|should|may|might|must|did|does|do|didn\u2019t|didn't|won\u2019t|won't|"
    r"can\u2019t|can't|doesn\u2019t|doesn't|don\u2019t|don't)\s+(?:not\s+|also\s+|never\s+|[a-z]+ly\s+)?[a-z]{2,}\b"
)
_WH_WORDS = word_set("whatever whoever what who how why where which if although though because unless until")

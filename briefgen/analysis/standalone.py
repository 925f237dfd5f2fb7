"""Eligibility of a sentence for a brief: does it read correctly on its own, and how it is shown.

One gate for every pool of summary sentences (theme summaries, bottom line, key judgements):
``present_sentences`` returns, for each sentence of a source, the text a brief may show (a leading
dateline cut off, a bare surname given its first name in square brackets) or None when the sentence
cannot stand alone. ``is_standalone`` holds the rules that need only the sentence's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..ingest.header import is_headline_case
from ..model import Sentence, Source
from .referents import (
    FUNCTION_WORDS,
    NOT_GIVEN,
    PRONOUN_SUBJECT,
    Names,
    given_names,
    name_pronoun,
    name_surnames,
)

MIN_WORDS, MAX_WORDS = 6, 60
HEADLINE_WORDS = 20  # an opening line this short, above the body, is a headline or a deck

# Openers that point back to something the reader of a brief will not have seen.
_CONTEXT_OPENERS = re.compile(
    r"^[\"'\u201c\u2018(]*(?:this|that|these|those|it|its|such|he|she|they|his|her|their|him|them"
    r"|here|as (?:said|noted|mentioned|discussed|argued) (?:above|earlier|before)|as such"
    r"|the latter|the former|also|likewise|similarly|moreover|furthermore|in addition|besides"
    r"|thus|therefore|hence|consequently|the rest|the same|the other|both|neither|either|another"
    r"|but|and|or|so|instead|then|however|nevertheless|nonetheless|yet|even so|at the same time|in turn"
    r"|regardless|meanwhile|still|otherwise|(?:some time |shortly |soon |moments |minutes |hours |days "
    r"|weeks |months |years )?(?:later|afterwards|after that|before that)"
    r"|all (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b)\b",
    re.IGNORECASE,
)
# "In particular, he ...": a pronoun subject after a short opening phrase needs context just as much.
_LATE_PRONOUN = re.compile(r"^[^,]{1,60},\s+(?:he|she|it|they|this|these|those|his|her|its|their)\b", re.I)
# "The move drew praise": a bare event noun pointing back to what the previous sentence reported.
# "Graham's comments came ...": the same, told as someone's.
_BACK_REFERENCE = re.compile(
    r"^(?:The|[A-Z][\w-]*[\u2019']s) (?:move|decision|step|deal|plan|measure|episode|announcement|gesture"
    r"|visit|trip|meeting|incident|event|development|shift|change|effort|initiative|proposal|offer|policy"
    r"|approach|strategy|outcome|comments?|remarks?|statement|words|response|reaction)\b"
    r"(?!\s+(?:of|by|to|for|that|in|on|with|from|between|about)\b)"
)
# "The firm reported ...", "The pair are facing ...", "The 25-year-old has ...", "The athletes, who ...":
# a definite description of a few common words, then straight to its verb (or an aside), names nothing
# the reader of a brief has seen. A description that says more ("The trial at the Old Bailey ...",
# "The revelation that ...") or a proper name ("The Clean Power Plan") identifies itself.
_DEFINITE_SUBJECT = re.compile(
    r"^The\s+(?:(?:[a-z0-9]|[A-Z]\w*-[a-z])[\w\u2019'-]*\s+)?(?:[a-z0-9]|[A-Z]\w*-[a-z])[\w\u2019'-]*"
    r"(?:,|\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do"
    r"|also|now|then|still|later|again|too|already|never|said|says|told|[a-z]+ed|laid|took|made|gave|came"
    r"|went|met|held|left|won|lost|ran|saw|found|began|brought|kept|put|set|sent|spent|paid|themselves)\b)"
)
# Heads that name one body wherever the news is set ("The central bank raised ..."): they stand alone.
_UNIQUE = frozenset(
    [
        "bank",
        "government",
        "police",
        "parliament",
        "cabinet",
        "army",
        "military",
        "navy",
        "opposition",
        "economy",
        "public",
        "president",
        "pope",
        "electorate",
        "population",
        "weather",
        "world",
        "senate",
        "congress",
    ]
)
# "The Olympic silver medallist's time ...", "The 31-year-old Scot ...", "The Briton, made a dame ...":
# a person described, not named.
_DESCRIBED = re.compile(
    r"^The\s+(?:(?:[A-Z]\w+\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?[\u2019']s\b|\d+-year-old\b|[A-Z][a-z]+,)"
)
# "explanations from the pair", "the two": people counted, not named.
_GROUP = re.compile(
    r"\b(?:the|^The) (?:(?:pair|duo|trio|couple)\b(?!\s+of\b)|(?:two|three|four|five|six)(?=[,.;:]|\s+(?:men"
    r"|women|people|sides|countries|leaders|candidates|teams|companies|firms|parties|groups|are|were|have"
    r"|had|will|would|said)\b))"
)
# "... was further proof of that.": a demonstrative pronoun pointing back.
_THAT_END = re.compile(r"\b(?:of|to|about|for|on|from|with|by) (?:that|this)[.,;:]")
# "World indoor hurdles champion also won", "Norway's former world champion is", "The Bergen star
# joins": a person described by a role, and not named, as the subject.
_ROLES = (
    r"(?:champion|medallist|medalist|winner|holder|runner-up|star|veteran|captain|striker|sprinter|runner"
    r"|nominee|candidate|incumbent|frontrunner|front-runner|leader|chief|boss)"
)
_UNNAMED_ROLE = re.compile(
    rf"^(?:The\s+|[A-Z][\w.]*[\u2019']s\s+)?(?:[\w.\u2019'-]+\s+){{0,5}}{_ROLES}"
    r"(?:,|\s+(?:also\s+|now\s+|then\s+)?(?:is|was|has|had|will|won|joins|joined|took|set|ran|finished|said))\b"
)
# "will also take part": in what?
_TAKE_PART = re.compile(r"\btak(?:e|es|ing|en) part\b(?!\s+in\b)")
# "the sprinters had failed": people referred to as a group already met.
_PEOPLE = re.compile(
    r"\b(?:the|^The) (?:[a-z]+ )?(?:men|women|sprinters|athletes|players|defendants|suspects|brothers|sisters)\b"
    r"(?!\s+(?:of|who|from|in|at|accused|charged|involved|that|which)\b)"
)
# "There was also consensus on ...": more of something said before.
_THERE_ALSO = re.compile(r"^There (?:is|are|was|were|has been|have been|will be) also\b")
# "Two other men ...", "Other observers ...": others than someone mentioned before.
_OTHER = re.compile(r"^(?:\S+\s+){0,2}other\b", re.I)
_IMPERSONAL = re.compile(r"\b(?:it|its|they|their|them)\b")
_PERSONAL = re.compile(r"\b(?:he|his|him|she|her|hers)\b")
_PERSON_NOUN = re.compile(
    r"\b(?:man|woman|men|women|boy|girl|child|mother|father|wife|husband|son|daughter|leader|president"
    r"|minister|official|judge|officer|player|athlete|champion|coach|candidate|nominee|senator|governor"
    r"|spokesman|spokeswoman|spokesperson|chief|head|director|secretary|chairman|chairwoman|suspect"
    r"|victim|survivor|lawyer|prosecutor|witness|member|author|writer|reporter|analyst|expert|runner"
    r"|sprinter|hurdler|jumper|star|manager|mayor|king|queen|prince|princess|ambassador|envoy|whoever"
    r"|nobody|no one|someone|everyone|anyone|each)\b",
    re.I,
)
# "the same", "a similar ban" compare with something said before; "in the event" points back to it.
_COMPARED = re.compile(
    r"\b(?:the same\b(?!\s+as\b)|(?:a|the) similar\b"
    r"|(?:in|at|from|for|to|during) the (?:event|race|meeting|match|game|contest|tournament|competition"
    r"|trial|hearing|case|plenary|session)\b"
    r"(?!\s+(?:of|in|at|on|for)\b))",
    re.I,
)
# "both of these areas", "those emails": a demonstrative points at what came before ("those who" does not).
_DEMONSTRATIVE = re.compile(r"\b(?:these|those)\b(?!\s+(?:who|whose|which|that|with|in|of)\b)", re.I)
_FINAL = re.compile(r"[.!\u2026][\"'\u201d\u2019)\]]*$")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")
_QUOTE_LINE = re.compile(r"^\s*[\"\u201c\u2018].*[\"\u201d\u2019]\s*[-\u2013\u2014]+\s*\S")
# A subhead run into the paragraph: a few words without a verb's ending, then a colon and a sentence.
_LABEL = re.compile(
    r"^(?![^:]*\b(?:said|says|told|added|wrote|stated|warned|argued|asked|explained)\b)"
    r"[A-Z][a-z]+(?:\s+(?:[a-z]+|[A-Z][a-z]+)){0,4}:\s+(?=[A-Z][a-z]+\s+[a-z]+\s)"
)
_WORDS = re.compile(r"[a-z]+")
# The words that can set off each rule that looks through the whole sentence.
_COMPARED_WORDS = frozenset(
    [
        "same",
        "similar",
        "event",
        "race",
        "meeting",
        "match",
        "game",
        "contest",
        "tournament",
        "competition",
        "trial",
        "hearing",
        "case",
        "plenary",
        "session",
    ]
)
_DEMONSTRATIVE_WORDS = frozenset(("these", "those"))
_GROUP_WORDS = frozenset(["pair", "duo", "trio", "couple", "two", "three", "four", "five", "six"])
_THAT_WORDS = frozenset(("that", "this"))
_TAKE_PART_WORDS = frozenset(("part",))
_PEOPLE_WORDS = frozenset(
    ["men", "women", "sprinters", "athletes", "players", "defendants", "suspects", "brothers", "sisters"]
)
_PRONOUN_WORDS = frozenset(["he", "his", "him", "she", "her", "hers", "it", "its", "they", "their", "them"])
_FIRST_PERSON_WORDS = frozenset(["we", "our", "ours", "us", "my", "me", "i"])
_CAPTION_WORDS = frozenset(
    [
        "file",
        "photo",
        "photograph",
        "photographs",
        "picture",
        "pictures",
        "image",
        "images",
        "video",
        "videos",
        "graphic",
        "illustration",
        "credit",
        "credits",
        "caption",
        "getty",
        "reuters",
        "afp",
        "epa",
    ]
)
_TRIGGERS = (
    _COMPARED_WORDS
    | _DEMONSTRATIVE_WORDS
    | _GROUP_WORDS
    | _THAT_WORDS
    | _TAKE_PART_WORDS
    | _PEOPLE_WORDS
    | _PRONOUN_WORDS
)
_HERE = re.compile(r"\bhere\b", re.I)
# Bits of a page that are not prose: markup, captions and credits, bylines.
_MARKUP = re.compile(r"<[A-Za-z/!][^<>]{0,200}>|&(?:[a-z]{2,8}|#\d{2,5});")
_CAPTION = re.compile(
    r"^\(?\s*(?:file\s+)?(?:photo(?:graph)?|picture|image|video|graphic|illustration|credit|caption)s?"
    r"(?:\s+(?:by|credit))?\s*[:|/\u2014\u2013]"
    r"|\((?:file\s+)?(?:photo|picture|image)\b[^)]*\)"
    r"|\b(?:Getty Images|AP Photo|Reuters/|AFP/|EPA/|Photo credit)\b",
    re.I,
)
_BYLINE = re.compile(
    r"^\(?(?:by|reporting by|written by|additional reporting by|editing by|compiled by|story by)\s+[A-Z]",
    re.I,
)
# A leading dateline: "HEMPSTEAD, N.Y., Sept. 26 (UPI) \u2014", "CHARLOTTE - ", "Washington (AFP) \u2013".
_PLACE_CAPS = r"[A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+){0,3}"
_STATE = r"(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?){0,2}"
_DAY = r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
_AGENCY = r"\s*\([A-Z][A-Za-z.&' ]{0,24}\)"
_DASH = r"\s*[-\u2013\u2014]{1,2}\s+"
_DATELINE = re.compile(
    rf"^(?:{_PLACE_CAPS}{_STATE}{_DAY}(?:{_AGENCY})?{_DASH}"
    rf"|[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}{_STATE}{_DAY}{_AGENCY}{_DASH})"
)
# First person outside quotation marks: the author's own voice ("We argue that ...").
_FIRST_PERSON = re.compile(r"(?<![\w.\u2019'-])(?:[Ww]e|[Oo]urs?|us|[Mm]y|me|I)(?![\w.\u2019'-])")
_NOT_PRONOUN_I = re.compile(r"(?:War|Phase|Part|Title|Class|Type|Stage|Level|Grade|Article|Chapter)\s$")


def strip_dateline(text: str) -> str:
    """Return ``text`` without a leading dateline or subhead label ("Frustration with police: ..."),
    when what is left is still a sentence."""
    head = text[:90]
    m = ("-" in head or "\u2013" in head or "\u2014" in head) and _DATELINE.match(text)
    m = m or (":" in head and _LABEL.match(text))
    if not m:
        return text
    rest = text[m.end() :]
    return rest if rest[:1].isupper() and len(rest.split()) >= MIN_WORDS else text


def _lower_words(text: str) -> frozenset[str]:
    """Return the lower-cased words of ``text``: each rule below runs only if its trigger word is there."""
    return frozenset(_WORDS.findall(text.lower()))


def needs_context(text: str, seen: frozenset[str] | None = None) -> bool:
    """Return whether a sentence opens with, or leans on, something said before it.

    ``seen`` holds the sentence's lower-cased words when the caller has them already.
    """
    if _CONTEXT_OPENERS.match(text) or _LATE_PRONOUN.match(text) or _BACK_REFERENCE.match(text):
        return True
    if _DESCRIBED.match(text):
        return True
    m = _DEFINITE_SUBJECT.match(text)
    if m and _UNIQUE.isdisjoint(w.strip(",").lower() for w in m.group(0).split()[1:]):
        return True
    if _OTHER.match(text) or _THERE_ALSO.match(text) or _UNNAMED_ROLE.match(text):
        return True
    seen = _lower_words(text) if seen is None else seen
    if seen.isdisjoint(_TRIGGERS):
        return False  # most sentences: no word any rule below looks for
    outside = _QUOTED.sub(" ", text) if '"' in text or "\u201c" in text else text
    return any(
        not seen.isdisjoint(words) and rule(outside)
        for words, rule in (
            (_COMPARED_WORDS, _COMPARED.search),
            (_DEMONSTRATIVE_WORDS, _DEMONSTRATIVE.search),
            (_GROUP_WORDS, _GROUP.search),
            (_THAT_WORDS, _THAT_END.search),
            (_TAKE_PART_WORDS, _TAKE_PART.search),
            (_PEOPLE_WORDS, _PEOPLE.search),
            (_PRONOUN_WORDS, _unnamed_person),
        )
    )


def _unnamed_person(text: str) -> bool:
    """Return whether "he", "his", "she" or "her" is used where the sentence names no one (or describes no
    one before it),
    or "it", "its", "they" or "their" before anything at all ("Almost all of its grain ...")."""
    m = _IMPERSONAL.search(text)
    if m and all(w.lower() in FUNCTION_WORDS for w in re.findall(r"[A-Za-z]+", text[: m.start()])):
        return True
    m = _PERSONAL.search(text)
    if m is None:
        return False
    if _PERSON_NOUN.search(text[: m.start()]):
        return False
    # Anyone named in the sentence will do, before the pronoun or after it ("Before the stage, which
    # he won, Rasmussen said ...").
    for i, w in enumerate(re.findall(r"[A-Za-z][\w\u2019'-]*", text)):
        low = w.lower().strip("\u2019'")
        if (
            w[0].isupper()
            and low not in NOT_GIVEN
            and not (i == 0 and (low in FUNCTION_WORDS or low.endswith(("ing", "ed", "ly"))))
        ):
            return False
    return True


def first_person(text: str, seen: frozenset[str] | None = None) -> bool:
    """Return whether a sentence speaks in the first person outside quotation marks."""
    seen = _lower_words(text) if seen is None else seen
    if seen.isdisjoint(_FIRST_PERSON_WORDS):
        return False
    outside = _QUOTED.sub(" ", text)
    for m in _FIRST_PERSON.finditer(outside):
        if m.group(0) == "I" and _NOT_PRONOUN_I.search(outside[: m.start()]):
            continue
        return True
    return False


def unbalanced_quotes(text: str) -> bool:
    """Return whether a sentence opens or closes a quotation it does not hold whole."""
    if text.count("\u201c") != text.count("\u201d"):
        return True
    return text.count('"') % 2 == 1


def not_prose(text: str, seen: frozenset[str] | None = None) -> bool:
    """Return whether a sentence is markup, a caption or credit, or a byline."""
    if _BYLINE.match(text) or (("<" in text or "&" in text) and _MARKUP.search(text)):
        return True
    seen = _lower_words(text) if seen is None else seen
    return not seen.isdisjoint(_CAPTION_WORDS) and bool(_CAPTION.search(text))


def is_standalone(text: str) -> bool:
    """Return whether a sentence makes sense out of its context, judged on its text alone."""
    n = len(text.split())
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    stripped = text.rstrip()
    if stripped.endswith("?") or not _FINAL.search(stripped):
        return False  # questions, and headline-like lines without final punctuation
    if unbalanced_quotes(text):
        return False
    seen = _lower_words(text)
    if needs_context(text, seen) or first_person(text, seen) or not_prose(text, seen):
        return False
    if _QUOTE_LINE.match(text) or text.lstrip().startswith(('"', "\u201c", "\u2018")):
        return False  # a quotation with its attribution: the quote stage presents those
    if is_headline_case(text, lower=0.0):
        return False  # a headline (of a related story, a list of links): not a sentence of the text
    quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(text))
    return quoted <= 0.6 * len(text)  # mostly a quotation: quotes are handled elsewhere


def _inside_quotation(paragraph: str, start: int) -> bool:
    """Return whether position ``start`` of a paragraph lies inside an open quotation."""
    before = paragraph[:start]
    if before.count("\u201c") > before.count("\u201d"):
        return True
    return before.count('"') % 2 == 1


def _headline_paragraphs(source: Source) -> frozenset[int]:
    """Return the opening lines that are a headline or deck: short lines above a dateline, or the first
    line when no title was given or found."""
    short: list[int] = []
    dated = False
    for p in source.paragraphs[:5]:
        if _DATELINE.match(p.text):
            dated = True
            break
        if len(p.text.split()) > HEADLINE_WORDS:
            break
        short.append(p.n)
    if len(short) == len(source.paragraphs):
        return frozenset()  # a text of short lines only: nothing to tell a headline by
    if dated:
        return frozenset(short)
    return frozenset(short[:1]) if source.title is None else frozenset()


def present_sentences(
    sentences: Sequence[Sentence], source: Source, skip: frozenset[int] = frozenset()
) -> tuple[str | None, ...]:
    """Return, per sentence of ``source``, the text a brief may show, or None if it cannot stand alone.

    The text shown is the sentence itself, with a leading dateline cut off (what is left is still
    verbatim in the paragraph, so the cite stays honest), and referents named in square brackets
    where the source makes them certain (referents.py): a bare surname's first name, the person an
    opening "He" or "She" is. Sentences of the paragraphs in ``skip`` (title, byline, ...) and of
    headline lines never stand alone.
    """
    skip = skip | _headline_paragraphs(source)
    paragraphs = {p.n: p.text for p in source.paragraphs}
    quoting = {n for n, text in paragraphs.items() if '"' in text or "\u201c" in text}
    title = (source.title or "").strip()
    known: tuple[Names, str] | None = None
    out: list[str | None] = []
    previous: str | None = None
    for s in sentences:
        before, previous = previous, s.text
        text = strip_dateline(s.text)
        if text != s.text and _HERE.search(text):
            out.append(None)  # "a black man here": the place was the dateline cut off
            continue
        if s.cite.paragraph in skip or text.strip() == title:
            out.append(None)
            continue
        if s.cite.paragraph in quoting and _inside_quotation(paragraphs[s.cite.paragraph], s.start):
            out.append(None)
            continue
        pronoun = PRONOUN_SUBJECT.match(text)
        if not pronoun and not is_standalone(text):
            out.append(None)
            continue
        known = known or (given_names(source), "\n".join(paragraphs.values()))
        if pronoun:
            named = name_pronoun(text, before, known[0])
            out.append(named[0] if named and is_standalone(named[1]) else None)
            continue
        out.append(name_surnames(text, *known))
    return tuple(out)


_INSERTION = re.compile(r"\[[^\[\]]{1,80}\] | \[[^\[\]]{1,80}\]")


def remove_insertions(text: str) -> str:
    """Return ``text`` without the bracketed insertions a brief adds ("[Tom] Steyer" -> "Steyer")."""
    return _INSERTION.sub("", text)


def verbatim_in(text: str, paragraph: str) -> bool:
    """Return whether a brief sentence is verbatim in ``paragraph``, bracketed insertions apart."""
    return text in paragraph or remove_insertions(text) in paragraph

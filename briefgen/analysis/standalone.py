"""Eligibility of a sentence for a brief: does it read correctly on its own, and how it is shown.

One gate for every pool of summary sentences (theme summaries, bottom line, key judgements):
``present_sentences`` returns, for each sentence of a source, the text a brief may show (a leading
dateline cut off, a bare surname given its first name in square brackets) or None when the sentence
cannot stand alone. ``is_standalone`` holds the rules that need only the sentence's text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..ingest.header import is_headline_case
from ..model import Sentence, Source
from .leaning import QUOTED, lower_words, needs_context
from .referents import (
    PRONOUN_SUBJECT,
    Names,
    bare_first_name,
    first_names,
    given_names,
    name_pronoun,
    name_surnames,
    unknown_subject,
)
from .words import IRREGULAR_PAST, word_set

MIN_WORDS, MAX_WORDS = 6, 60
HEADLINE_WORDS = 20  # an opening line this short, above the body, is a headline or a deck

_OPENING_MARKS = "\"'\u201c\u2018([\u00a3$\u20ac"
_FINAL = re.compile(r"[.!\u2026][\"'\u201d\u2019)\]]*$")
_QUOTE_LINE = re.compile(r"^\s*[\"\u201c\u2018].*[\"\u201d\u2019]\s*[-\u2013\u2014]+\s*\S")
# A subhead run into the paragraph: a few words without a verb's ending, then a colon and a sentence.
_LABEL = re.compile(
    r"^(?![^:]*\b(?:said|says|told|added|wrote|stated|warned|argued|asked|explained)\b)"
    r"[A-Z][a-z]+(?:\s+(?:[a-z]+|[A-Z][a-z]+)){0,4}:\s+(?=[A-Z][a-z]+\s+[a-z]+\s)"
)
_FIRST_PERSON_WORDS = frozenset(["we", "our", "ours", "us", "my", "me", "i"])
_CAPTION_WORDS = frozenset(
    [
        "file",
        "photo",
        "photos",
        "photograph",
        "photographs",
        "picture",
        "pictures",
        "image",
        "images",
        "video",
        "videos",
        "graphic",
        "graphics",
        "illustration",
        "illustrations",
        "credit",
        "credits",
        "caption",
        "captions",
        "getty",
        "reuters",
        "afp",
        "epa",
    ]
)
# Every match of _CAPTION holds one of these (so do the words above, bar "file").
_CAPTION_HINTS = (
    "photo",
    "picture",
    "image",
    "video",
    "graphic",
    "illustration",
    "credit",
    "caption",
    "getty",
    "reuters",
    "afp",
    "epa",
)
# "While the relay champions will meet in the 60m.": a subordinate clause with no main clause after it.
_FRAGMENT = re.compile(r"^(?:While|Whereas|Although|Though|Because|Unless)\b[^,;:\u2013\u2014]*$")
_HERE = re.compile(r"\bhere\b", re.I)
# "Lindsey Germaine: Piccadilly Line train, resident of Aylesbury.": an entry of a list, a label and
# what it labels with no verb, is no statement. A verb is any auxiliary, "-ed", "-s" or irregular past.
_LABEL_LINE = re.compile(r"^[^:;\u201c\u201d\"]{2,60}:\s")
_VERB_LIKE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|did|does"
    r"|do|[a-z]{2,}ed|[a-z]{2,}s)\b"
)
# Bits of a page that are not prose: markup, captions and credits, bylines.
_TAG = re.compile(r"<[A-Za-z/!][^<>]{0,200}>")
_ESCAPE = re.compile(r"&(?:[a-z]{2,8}|#\d{2,5});")  # "&amp;", "&#233;": text the page did not decode
_CAPTION = re.compile(
    r"^\(?\s*(?:file\s+)?(?:photo(?:graph)?|picture|image|video|graphic|illustration|credit|caption)s?"
    r"(?:\s+(?:by|credit))?\s*[:|/\u2014\u2013]"
    r"|\((?:file\s+)?(?:photo|picture|image)\b[^)]*\)"
    r"|\b(?:Getty Images|AP Photo|Reuters/|AFP/|EPA/|Photo credit)\b",
    re.I,
)
_BYLINE = re.compile(
    r"^\(?(?i:by|reporting by|written by|additional reporting by|editing by|compiled by|story by)\s+"
    # "By February 2022, ...", "By Monday": a time, not a writer
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tues?|Wed|Thu|Thurs|Fri|Sat|Sun)[a-z]*\b)"
    r"[A-Z]"
)
# The lower-case words a byline may hold besides names: "By Anna Lund and Per Dahl in Oslo, staff writers".
_BYLINE_WORDS = word_set(
    "and by in for of the at with from additional reporting editing writing contributed staff writer writers "
    "reporter reporters correspondent correspondents editor editors contributor"
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
BYLINE_TAIL = 5  # words after the names' comma: a job, an outlet
LIST_COMMAS = 3  # "Subs: Smith, Jones, Brown, Green.": a list of names in capitals, not a headline
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


def dateline_length(text: str) -> int:
    """Return how many characters of ``text`` a leading dateline takes ("OSLO, Norway (AP) \u2014 "), 0 if none:
    the place and agency of a report, not a name the story gives."""
    head = text[:90]
    if not ("-" in head or "\u2013" in head or "\u2014" in head):
        return 0
    m = _DATELINE.match(text)
    return m.end() if m else 0


def first_person(text: str, seen: frozenset[str] | None = None) -> bool:
    """Return whether a sentence speaks in the first person outside quotation marks."""
    seen = lower_words(text) if seen is None else seen
    if seen.isdisjoint(_FIRST_PERSON_WORDS):
        return False
    outside = QUOTED.sub(" ", text)
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


def is_byline(text: str) -> bool:
    """Return whether a line names its writers: "By Anna Lund, staff writer", not "By winning Ohio, Kasich ..."."""
    m = _BYLINE.match(text)
    if m is None:
        return False
    names, _, rest = text[m.end() - 1 :].partition(",")
    words = _WORD.findall(names)
    if sum(w[0].isupper() for w in words) < 2 or not all(map(_byline_word, words)):
        return False  # "By Christmas, ...", "By winning Ohio, ...": not a name
    tail = _WORD.findall(rest)  # ", staff writer", ", harbour correspondents in Oslo"
    return len(tail) <= BYLINE_TAIL or all(map(_byline_word, tail))


def _byline_word(word: str) -> bool:
    return word[0].isupper() or word.lower() in _BYLINE_WORDS


def not_prose(text: str, seen: frozenset[str] | None = None, escapes: bool = True) -> bool:
    """Return whether a sentence is markup (with undecoded escapes such as "&#233;" when ``escapes``),
    a caption or credit, or a byline."""
    if ("<" in text and _TAG.search(text)) or (escapes and "&" in text and _ESCAPE.search(text)):
        return True
    if is_byline(text):
        return True
    if seen is None:  # a cheaper first look than splitting the words: a caption holds one of these
        low = text.lower()
        hint = any(h in low for h in _CAPTION_HINTS)
    else:
        hint = not seen.isdisjoint(_CAPTION_WORDS)
    return hint and bool(_CAPTION.search(text))


def page_furniture(text: str, escapes: bool = True) -> bool:
    """Return whether a line is part of the page rather than the story: markup, a caption or credit, a
    byline, a headline, or a dateline with nothing after it. The one test every stage that picks sentences
    (summaries, timeline, entity index) may share; the entity index reads names in a sentence with undecoded
    escapes (``escapes=False``), which a brief cannot show."""
    if not_prose(text, escapes=escapes):
        return True
    if is_headline_case(text, lower=0.0) and text.count(",") + text.count(";") < LIST_COMMAS:
        return True
    return (
        bool(_DATELINE.match(text + " "))
        and len(strip_dateline(text).split()) < MIN_WORDS
        and (not _FINAL.search(text.rstrip()))
    )


# "We argue that ...", "I find ...": the authors' own voice, opening the sentence with a verb of saying.
_AUTHORS_VOICE = re.compile(
    r"^(We|I) (?:argue|find|found|show|conclude|recommend|suggest|believe|contend|propose|expect|estimate)\b"
)


def authors_lead_in(text: str, authors: Sequence[str]) -> str | None:
    """Return "[Anna Lund and Per Dahl:] We argue ..." when the source's authors say it in their own
    voice (the one author for "I", two or more for "We"), else None: the voice is theirs, not the brief's."""
    m = _AUTHORS_VOICE.match(text)
    if m is None or not authors or (m.group(1) == "I") != (len(authors) == 1):
        return None
    if not is_standalone(text, voice=True):
        return None
    names = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
    return f"[{names}:] {text}" if len(names) <= 78 else None


def _list_entry(text: str) -> bool:
    """Return whether a line is a list entry: a label, a colon, and no verb anywhere."""
    if not _LABEL_LINE.match(text):
        return False
    words = set(re.findall(r"[a-z]+", text.lower()))
    return not _VERB_LIKE.search(text.lower()) and words.isdisjoint(IRREGULAR_PAST)


def is_standalone(text: str, voice: bool = False) -> bool:
    """Return whether a sentence makes sense out of its context, judged on its text alone (in the first
    person too when ``voice``: its authors are named before it)."""
    n = len(text.split())
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    stripped = text.rstrip()
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in _OPENING_MARKS):
        return False  # ", who broke onto the scene ...": a sentence cut from its subject
    if stripped.endswith("?") or not _FINAL.search(stripped):
        return False  # questions, and headline-like lines without final punctuation
    if unbalanced_quotes(text) or _FRAGMENT.match(stripped) or _list_entry(text):
        return False
    seen = lower_words(text)
    if needs_context(text, seen) or (not voice and first_person(text, seen)) or not_prose(text, seen):
        return False
    if _QUOTE_LINE.match(text) or text.lstrip().startswith(('"', "\u201c", "\u2018")):
        return False  # a quotation with its attribution: the quote stage presents those
    if is_headline_case(text, lower=0.0):
        return False  # a headline (of a related story, a list of links): not a sentence of the text
    quoted = sum(len(m.group(0)) for m in QUOTED.finditer(text))
    return quoted <= 0.6 * len(text)  # mostly a quotation: quotes are handled elsewhere


def _inside_quotation(paragraph: str, start: int) -> bool:
    """Return whether position ``start`` of a paragraph lies inside an open quotation."""
    before = paragraph[:start]
    if before.count("\u201c") > before.count("\u201d"):
        return True
    return before.count('"') % 2 == 1


# "Talk compared to 'working the referees' ...": a deck under a headline drops its article and its
# auxiliary, as headlines do; a sentence of prose would say "The talk was compared to ...".
_HEADLINE_ELLIPSIS = re.compile(r"^[A-Z][a-z]+(?:\s+[a-z]+)?\s+[a-z]+ed\s+(?:to|by|as|over|amid|for)\b")
DECK_WORDS = 15


def _deck_paragraphs(source: Source, skip: frozenset[int]) -> frozenset[int]:
    """Return the first paragraph of the text when it is a deck: one short line in headline grammar."""
    first = next((p for p in source.paragraphs if p.n not in skip), None)
    if first is None or len(first.text.split()) > DECK_WORDS or not _HEADLINE_ELLIPSIS.match(first.text):
        return frozenset()
    return frozenset([first.n])


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
    skip = skip | _deck_paragraphs(source, skip | frozenset([1] if source.title else []))
    paragraphs = {p.n: p.text for p in source.paragraphs}
    quoting = {n for n, text in paragraphs.items() if '"' in text or "\u201c" in text}
    title = (source.title or "").strip()
    known: Names | None = None
    people: frozenset[str] = frozenset()
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
            out.append(authors_lead_in(text, source.authors))
            continue
        if known is None:
            known = given_names(source)
            people = first_names(source, known)
        if unknown_subject(text, known) or bare_first_name(text, known, people):
            out.append(None)
            continue
        if pronoun:
            named = name_pronoun(text, before, known)
            out.append(named[0] if named and is_standalone(named[1]) else None)
            continue
        out.append(name_surnames(text, known))
    return tuple(out)


_INSERTION = re.compile(r"\[[^\[\]]{1,80}\] | \[[^\[\]]{1,80}\]")


def remove_insertions(text: str) -> str:
    """Return ``text`` without the bracketed insertions a brief adds ("[Tom] Steyer" -> "Steyer")."""
    return _INSERTION.sub("", text)


def verbatim_in(text: str, paragraph: str) -> bool:
    """Return whether a brief sentence is verbatim in ``paragraph``, bracketed insertions apart."""
    return text in paragraph or remove_insertions(text) in paragraph


_GIVEN_INSERTION = re.compile(r"\[([^\[\]]{1,80})\] (?=([A-Z][\w\u2019'-]*))")
_BRACKETS = re.compile(r"[\[\]]")
_POSSESSIVE = re.compile(r"[\u2019']s?$")


def thin_insertions(texts: Sequence[str]) -> list[str]:
    """Return the sentences of one section with each bracketed first name kept at its first mention only:
    "[Donald] Trump said ..." then "Trump added ...", as an editor names a person in full once."""
    out: list[str] = []
    read = ""  # the section so far, brackets opened: "[Donald] Trump" reads "Donald Trump"
    for text in texts:
        out.append(_GIVEN_INSERTION.sub(functools.partial(_first_mention, read=read), text))
        read += "\n" + _BRACKETS.sub("", text)
    return out


def _first_mention(m: re.Match[str], read: str) -> str:
    """Return a bracketed first name, or "" when the section has named that person in full already."""
    surname = _POSSESSIVE.sub("", m.group(2))  # "[Bryan] Pagliano's": Pagliano
    return "" if f"{m.group(1)} {surname}" in read else m.group(0)

"""Eligibility of a sentence for a brief: does it read correctly on its own, and how it is shown.

One gate for every pool of summary sentences (theme summaries, bottom line, key judgements):
``present_sentences`` returns, for each sentence of a source, the text a brief may show (a leading
dateline cut off, a bare surname given its first name in square brackets) or None when the sentence
cannot stand alone. ``is_standalone`` holds the rules that need only the sentence's text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..ingest.header import is_headline_case
from ..model import Sentence, Source
from .gazetteer import CALENDAR, DEMONYMS, ORG_HEADS, PLACES, TITLES

MIN_WORDS, MAX_WORDS = 6, 60
HEADLINE_WORDS = 20  # an opening line this short, above the body, is a headline or a deck
SURE_SHARE = 0.75  # a bare surname names the person given this share of its full-name mentions

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
_BACK_REFERENCE = re.compile(
    r"^The (?:move|decision|step|deal|plan|measure|episode|announcement|gesture|visit|trip|meeting|incident"
    r"|event|development|shift|change|effort|initiative|proposal|offer|policy|approach|strategy|outcome)\b"
    r"(?!\s+(?:of|by|to|for|that|in|on|with|from|between)\b)"
)
# "The firm reported ...", "The pair are facing ...", "The 25-year-old has ...", "The athletes, who ...":
# a definite description of a few common words, then straight to its verb (or an aside), names nothing
# the reader of a brief has seen. A description that says more ("The trial at the Old Bailey ...",
# "The revelation that ...") or a proper name ("The Clean Power Plan") identifies itself.
_DEFINITE_SUBJECT = re.compile(
    r"^The\s+(?:(?:[a-z0-9]|[A-Z]\w*-[a-z])[\w\u2019'-]*\s+)?(?:[a-z0-9]|[A-Z]\w*-[a-z])[\w\u2019'-]*"
    r"(?:,|\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do"
    r"|also|now|then|still|later|again|too|already|never|said|says|told|[a-z]+ed)\b)"
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
_GROUP = re.compile(r"\bthe (?:pair|duo|trio|couple|two|three|four|five|six)\b(?!\s+of\b)")
# "... was further proof of that.": a demonstrative pronoun pointing back.
_THAT_END = re.compile(r"\b(?:of|to|about|for|on|from|with|by) (?:that|this)[.,;:]")
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
# "the same" compares with something said before.
_COMPARED = re.compile(r"\bthe same\b(?!\s+as\b)", re.I)
# "both of these areas", "those emails": a demonstrative points at what came before ("those who" does not).
_DEMONSTRATIVE = re.compile(r"\b(?:these|those)\b(?!\s+(?:who|whose|which|that|with|in|of)\b)", re.I)
_FINAL = re.compile(r"[.!\u2026][\"'\u201d\u2019)\]]*$")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")
_QUOTE_LINE = re.compile(r"^\s*[\"\u201c\u2018].*[\"\u201d\u2019]\s*[-\u2013\u2014]+\s*\S")
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
_SURNAME = r"[A-Z][a-z]*(?:[\u2019']?[A-Z][a-z]+)*(?:-[A-Z][a-z]+)?"
_OPENING_NAME = re.compile(rf"^({_SURNAME})(?:[\u2019']s)?\s+[a-z]")
_FUNCTION = frozenset(
    [
        "the",
        "a",
        "an",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "if",
        "when",
        "while",
        "after",
        "before",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "to",
        "with",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "then",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "last",
        "next",
        "new",
        "more",
        "most",
        "many",
        "some",
        "several",
        "all",
        "both",
        "each",
        "every",
        "no",
        "not",
        "only",
        "even",
        "still",
        "also",
        "however",
        "although",
        "though",
        "because",
        "since",
        "until",
        "nearly",
        "almost",
        "about",
        "around",
        "over",
        "under",
        "among",
        "between",
        "during",
        "despite",
        "without",
        "within",
        "across",
        "among",
        "according",
        "asked",
        "speaking",
        "writing",
    ]
)
_NOT_GIVEN = _FUNCTION | TITLES | PLACES | DEMONYMS | CALENDAR | ORG_HEADS


def strip_dateline(text: str) -> str:
    """Return ``text`` without a leading dateline, when what is left is still a sentence."""
    m = _DATELINE.match(text)
    if m is None:
        return text
    rest = text[m.end() :]
    return rest if rest[:1].isupper() and len(rest.split()) >= MIN_WORDS else text


def needs_context(text: str) -> bool:
    """Return whether a sentence opens with, or leans on, something said before it."""
    if _CONTEXT_OPENERS.match(text) or _LATE_PRONOUN.match(text) or _BACK_REFERENCE.match(text):
        return True
    if _DESCRIBED.match(text):
        return True
    m = _DEFINITE_SUBJECT.match(text)
    if m and _UNIQUE.isdisjoint(w.strip(",").lower() for w in m.group(0).split()[1:]):
        return True
    outside = _QUOTED.sub(" ", text)
    return bool(
        _COMPARED.search(outside)
        or _DEMONSTRATIVE.search(outside)
        or _GROUP.search(outside)
        or _THAT_END.search(outside)
        or _OTHER.match(outside)
        or _unnamed_person(outside)
    )


def _unnamed_person(text: str) -> bool:
    """Return whether "he", "his", "she" or "her" comes before anyone the sentence names or describes,
    or "it", "its", "they" or "their" before anything at all ("Almost all of its grain ...")."""
    m = _IMPERSONAL.search(text)
    if m and all(w.lower() in _FUNCTION for w in re.findall(r"[A-Za-z]+", text[: m.start()])):
        return True
    m = _PERSONAL.search(text)
    if m is None:
        return False
    before = text[: m.start()]
    if _PERSON_NOUN.search(before):
        return False
    for i, w in enumerate(re.findall(r"[A-Za-z][\w\u2019'-]*", before)):
        low = w.lower().strip("\u2019'")
        if w[0].isupper() and low not in _NOT_GIVEN and not (i == 0 and low in _FUNCTION):
            return False
    return True


def first_person(text: str) -> bool:
    """Return whether a sentence speaks in the first person outside quotation marks."""
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


def not_prose(text: str) -> bool:
    """Return whether a sentence is markup, a caption or credit, or a byline."""
    return bool(_MARKUP.search(text) or _CAPTION.search(text) or _BYLINE.match(text))


def is_standalone(text: str) -> bool:
    """Return whether a sentence makes sense out of its context, judged on its text alone."""
    n = len(text.split())
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    stripped = text.rstrip()
    if stripped.endswith("?") or not _FINAL.search(stripped):
        return False  # questions, and headline-like lines without final punctuation
    if needs_context(text) or first_person(text) or unbalanced_quotes(text) or not_prose(text):
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


_NAME_RUN = re.compile(rf"(?<![\w\u2019'-])[A-Z][a-z]+(?:\s+(?:[A-Z]\.|{_SURNAME})){{1,3}}(?![\w\u2019'-])")
_ROLE_SUFFIX = re.compile(r"(?:er|ist|or|ian|ant|ent|man|woman)$")


def given_names(source: Source) -> dict[str, Counter[str]]:
    """Return, for each surname written after given names in ``source``, how often each given name is.

    "Keith Lamont Scott" gives Scott the given names "Keith Lamont"; title and place words leading a run
    ("Secretary of State Jon Husted") are no given names.
    """
    found: dict[str, Counter[str]] = {}
    for p in source.paragraphs:
        for m in _NAME_RUN.finditer(p.text):
            tokens = m.group(0).split()
            while tokens and tokens[0].lower() in _NOT_GIVEN:
                tokens = tokens[1:]
            opening = m.start() == 0 or p.text[: m.start()].rstrip().endswith((".", "!", "?", ":"))
            if opening and len(tokens) > 2 and _ROLE_SUFFIX.search(tokens[0]):
                tokens = tokens[1:]  # "Sprinter Michelle Collins ...": a role noun opening the sentence
            if len(tokens) < 2 or any(t.lower() in _NOT_GIVEN for t in tokens):
                continue
            found.setdefault(tokens[-1], Counter())[" ".join(tokens[:-1])] += 1
    return found


def name_surname(text: str, names: dict[str, Counter[str]]) -> str | None:
    """Return ``text`` with an opening bare surname given its first name in brackets ("[Tom] Steyer ...").

    ``text`` comes back unchanged when it opens with no surname the source writes in full, and None
    when the source gives that surname to several people with no clear leader (which one is meant?).
    """
    m = _OPENING_NAME.match(text)
    if m is None:
        return text
    surname = m.group(1)
    counts = names.get(surname)
    if not counts:
        return text
    given, n = counts.most_common(1)[0]
    if n < SURE_SHARE * sum(counts.values()):
        return None
    if re.search(rf"\b{re.escape(given)}\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", text):
        return text  # the sentence names the person in full further on
    return f"[{given}] {text}"


_PRONOUN_SUBJECT = re.compile(r"^(He|She) (?=[a-z])")


def people_named(text: str, names: dict[str, Counter[str]]) -> set[str]:
    """Return the full names of the people a sentence names, in full or by a surname the source knows."""
    found: set[str] = set()
    for m in _NAME_RUN.finditer(text):
        tokens = [t for t in m.group(0).split() if t.lower() not in _NOT_GIVEN]
        if len(tokens) >= 2:
            found.add(" ".join(tokens))
    for m in re.finditer(rf"(?<![\w\u2019'-]){_SURNAME}(?![\w-])", text):
        counts = names.get(m.group(0))
        if counts and not any(n.endswith(" " + m.group(0)) for n in found):
            given, n = counts.most_common(1)[0]
            if n >= SURE_SHARE * sum(counts.values()):
                found.add(f"{given} {m.group(0)}")
    return found


def name_pronoun(text: str, previous: str | None, names: dict[str, Counter[str]]) -> str | None:
    """Return "He [Alexander Lukashenko] has ..." when the sentence before names one person and only one,
    else None (who "he" is cannot be told with confidence)."""
    m = _PRONOUN_SUBJECT.match(text)
    if m is None or previous is None:
        return None
    people = people_named(_QUOTED.sub(" ", previous), names)
    if len(people) != 1:
        return None
    (person,) = people
    if person.split()[-1] not in previous.split(",")[0].split()[:8]:
        return None  # named, but not as the subject the pronoun continues
    if not is_standalone(person + text[m.end(1) :]):
        return None
    return f"{m.group(1)} [{person}]{text[m.end(1) :]}"


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
    verbatim in the paragraph, so the cite stays honest), an opening bare surname given the first
    name the source writes it with, and an opening "He" or "She" the one person the sentence before
    names, in square brackets. Sentences of the paragraphs in ``skip`` (title,
    byline, ...) and of headline lines never stand alone.
    """
    skip = skip | _headline_paragraphs(source)
    paragraphs = {p.n: p.text for p in source.paragraphs}
    names: dict[str, Counter[str]] | None = None
    out: list[str | None] = []
    previous: str | None = None
    for s in sentences:
        text = strip_dateline(s.text)
        before, previous = previous, s.text
        if s.cite.paragraph in skip or text.strip() == (source.title or "").strip():
            out.append(None)
            continue
        if _inside_quotation(paragraphs.get(s.cite.paragraph, ""), s.start):
            out.append(None)
            continue
        if _PRONOUN_SUBJECT.match(text):
            names = names if names is not None else given_names(source)
            out.append(name_pronoun(text, before, names))
            continue
        if not is_standalone(text):
            out.append(None)
            continue
        if _OPENING_NAME.match(text):
            names = names if names is not None else given_names(source)
            shown = name_surname(text, names)
            out.append(shown)
            continue
        out.append(text)
    return tuple(out)


_INSERTION = re.compile(r"\[[^\[\]]{1,80}\] | \[[^\[\]]{1,80}\]")


def remove_insertions(text: str) -> str:
    """Return ``text`` without the bracketed insertions a brief adds ("[Tom] Steyer" -> "Steyer")."""
    return _INSERTION.sub("", text)


def verbatim_in(text: str, paragraph: str) -> bool:
    """Return whether a brief sentence is verbatim in ``paragraph``, bracketed insertions apart."""
    return text in paragraph or remove_insertions(text) in paragraph

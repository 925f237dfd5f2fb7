"""Quote attribution cues: the cue pattern (verbs from analysis.words) and the subject phrase of a cue."""

from __future__ import annotations

import re

from ..words import CUE_VERBS, IRREGULAR_PAST, OPENERS, word_set

# Case-sensitive on purpose: "States" and "Post" are names, not cues.
CUE = re.compile(
    r"(?<![\w\-])(?:[Aa]ccording to|" + "|".join(re.escape(v) for v in CUE_VERBS) + r")(?![\w\-])"
)
_ADVERBS = (
    "also|later|then|previously|once|recently|repeatedly|reportedly|publicly|again|simply|flatly|quickly|often|"
    "never|famously|bluntly|angrily|has|have|had|would|will|could|later|first|further|privately|frequently|"
    "always|long|once|even|just|told|has long|had long|did|does|do|not|still|only|already|openly|"
    "explicitly|directly|subsequently|emphatically|memorably|succinctly|sarcastically|jokingly"
)
TRAILING_ADVERBS = re.compile(r"(?:\s+(?:" + _ADVERBS + r"))+\s*$", re.I)
# Words that end a subject phrase when reading backwards from the cue.
_CLAUSE_BREAK = re.compile(
    r"(?:^|[,;:(\u2014\u2013\u201c\u201d\"]|\s(?:that|and|but|as|when|while|because|if|which|where|so|after|"
    r"before|since|though|although|what|how|why|whom|As|When|While|If|Because|But|And|So|After|Before|Since|"
    r"Though|Although|then|than|until|unless|once))\s+"
)
_AFTER_NAME_STOP = re.compile(
    r"\s+(?:in|on|at|during|to|about|while|when|after|before|of|from|last|this|on|earlier|recently|told|said|"
    r"who|which|with|as|for|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"tonight|tomorrow|by|through|via|into|over|under)\b.*$"
)
DASH_LINE = re.compile(r"^[,.]?\s*[\u2013\u2014\u2015-]{1,2}\s*([^\u2013\u2014\u2015\n]{2,80}?)\s*\.?$")
ACCORDING = re.compile(r"^\s*according to\s+([^,.;:]{2,80})", re.I)

_TIME_WORDS = word_set(
    """
    after afternoon again also april at august before day december during earlier early evening february
    friday here in interview january july june last late later march may monday month morning next night
    november now october on once previously recently saturday september statement sunday then there this
    thursday today tuesday wednesday week year yesterday
    """
)


_STOP = _TIME_WORDS | word_set(
    """
    less than ago who which that has have had was were is are will would not to for by with from also
    and but or so because while when where if as it there
    """
)
_NP_WORD = re.compile(r"^(?:[A-Z(][\w.\-\u2019'()]*|[\w\-]+[\u2019']s?|the|a|an|his|her|their|its|our)$")


def _verb_like(word: str, position: int) -> bool:
    """Return whether a lower-case word in a subject phrase is its verb ("The spokesman refused").

    ``position`` counts the words before it in the phrase: a past participle right after the determiner
    is an adjective ("The retired neurosurgeon", "the embattled governor").
    """
    low = word.lower().strip(",.")
    if low in IRREGULAR_PAST or CUE.fullmatch(low) and not low.endswith("ing"):
        return True
    return position >= 2 and len(low) > 4 and low.endswith("ed")


def _trim_subject(tail: str) -> str | None:
    """Return the subject at the end of a clause ("Sen. John McCain", "he", "the Belarusian leader")."""
    words = tail.split()
    if not words:
        return None
    if words[-1].lower() in ("he", "she", "they", "i", "we"):
        return words[-1]
    if words[-1][:1].isupper() or words[-1][:1] == "(":
        # Ends with a name: read back to the first time or function word.
        keep: list[str] = []
        for w in reversed(words):
            if w.lower().strip(",") in _STOP or w[:1].isdigit():
                break
            keep.append(w)
        # "at the party convention Sen. Elizabeth Warren": a long run is a place phrase before the name.
        while len(keep) > 6 and keep[-1][:1].islower() or len(keep) > 8:
            keep.pop()
        return " ".join(reversed(keep)) or None
    # Ends with a common noun: the subject opens the clause ("The State Department last week").
    keep = []
    for w in words:
        if w.lower() in _STOP or w[:1].isdigit() or (not keep and not _NP_WORD.match(w)):
            break
        if keep and w[:1].islower() and _verb_like(w, len(keep)):
            break
        keep.append(w)
    return " ".join(keep) or None


_WHEN_WORDS = word_set(
    """
    later earlier ago monday tuesday wednesday thursday friday saturday sunday morning evening night week
    month year weekend yesterday today
    """
)


def is_intro(phrase: str) -> bool:
    """Return whether a comma-ended opening is an introductory phrase ("On Friday"), not a named subject."""
    first = phrase.split()[0].lower() if phrase.split() else ""
    low = {w.lower().strip(".") for w in phrase.split()}
    words = phrase.split()
    # "Horrified at the prospect, ...", "Informed of the result, ...": a participle phrase opens the sentence.
    participle = first.endswith("ed") and len(words) > 1 and words[1] in _PARTICIPLE_PREPOSITIONS
    return first in OPENERS or first.endswith(("ly", "ing")) or participle or bool(low & _WHEN_WORDS)


_PARTICIPLE_PREPOSITIONS = word_set("at by of with about to in on from for over")


# A dateline opening a story ("WASHINGTON, Dec. 8 (UPI) — ", "Washington (AFP) – ") is no subject.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.\-]{2,}(?:\s+[A-Z][A-Z.\-]+)*|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}(?=\s*\())"
    r"(?:,\s+[^\u2014\u2013(]{1,25})?(?:\s*\([A-Za-z. ]{1,15}\))?\s*[\u2014\u2013-]{1,2}\s+"
)


def strip_dateline(clause: str) -> str:
    """Return a clause without a dateline opening it."""
    m = _DATELINE.match(clause)
    return clause[m.end() :] if m else clause


# The patterns of clause_subject, subject_before and subject_after, compiled once.
_INTRO = re.compile(r"^([^,]{1,120}),\s+(?=\S)")
_POSSESSIVE_END = re.compile(r"[\u2019']s?$")
_NAMED_APPOSITIVE = re.compile(r",\s+([A-Z][\w\u2019'.\-]*(?:\s+[A-Z][\w\u2019'.\-]*)+),$")
_CAPITALISED_END = re.compile(r"[A-Z][\w\u2019'.\-]*$")
_NAME_APPOSITIVE = re.compile(r"([A-Z][\w\u2019'.\-]*(?:\s+[A-Z][\w\u2019'.\-]*)*),\s+[^,]{2,90},$")
_RELATIVE_OPENING = re.compile(r"^(?:where|when|who|that|which|while|as)\s+")
_SUBJECT_AFTER = re.compile(
    r"\s+([^,;:!?\u201c\u201d\"()\u2014]{1,90})"
    r"(,\s+([A-Z\u00c0-\u00d6\u00d8-\u00de][\w.\-\u2019']*(?:\s+[A-Z\u00c0-\u00d6\u00d8-\u00de][\w.\-\u2019']*)+))?"
)
# "And then Trump went on the attack, saying": a connective opening the sentence is not its subject.
_CONNECTIVES = re.compile(
    r"^(?:(?:And|But|So|Yet|Then|Still|Also|Now|Instead)\s+(?:then\s+|also\s+|now\s+)?)(?=\S)"
)


def clause_subject(clause: str) -> str | None:
    """Return the subject opening a clause, after any introductory phrase ("On Friday, Trump ...")."""
    clause = strip_dateline(clause)
    connective = _CONNECTIVES.match(clause)
    clause = clause[connective.end() :] if connective else clause
    intro = _INTRO.match(clause)
    if intro and len(intro.group(1)) > 60 and intro.group(1).split()[0].lower() not in OPENERS:
        intro = None  # only a phrase opened by a preposition or adverb runs this long and is still an intro
    if intro and (clause[:1].isupper() or connective) and is_intro(intro.group(1)):
        clause = clause[intro.end() :]
    words = clause.split()
    if not words:
        return None
    if words[0].lower() in ("he", "she", "they", "i", "we"):
        return words[0]
    keep: list[str] = []
    for i, w in enumerate(words[:6]):
        if w[:1].isupper() or (keep and _POSSESSIVE_END.search(keep[-1])) or w.lower() in ("the", "a", "an"):
            keep.append(w)
        elif keep and w in _ROLE_WORDS and any(x[:1].isupper() for x in words[i + 1 : i + 3]):
            keep.append(w)  # "Union leader Tomas Brandt": a lower-case role between capitalised words
        else:
            break
    if keep and all(w.lower() in ("the", "a", "an") for w in keep):
        # "The president noted", "the former secretary of state talked": a determiner takes its
        # common-noun head (with an "of" complement), up to the verb.
        for w in words[len(keep) : len(keep) + 6]:
            of_part = keep[-1] == "of" or w == "of"
            if not w.isalpha() or not (w.islower() or of_part) or w in _STOP or _verb_like(w, len(keep)):
                break
            keep.append(w)
        while keep[-1] == "of":
            keep.pop()
    return " ".join(keep) or None


# Lower-case role nouns that may stand inside a capitalised subject ("Union leader Tomas Brandt").
_ROLE_WORDS = word_set(
    "leader chief spokesman spokeswoman spokesperson president chairman chairwoman director minister "
    "secretary adviser advisor aide official coach manager captain head editor founder presidential candidate "
    "nominee senior"
)

# Words between a subject and its verb that say nothing about who speaks: "less than two weeks ago",
# ", for example,", ", in a statement,".
_INSERTS = re.compile(
    r"(?:\s+(?:(?:less|more) than\s+)?(?:\S+\s+){1,2}ago|,\s+(?:for example|for instance|however|too|"
    r"meanwhile|in turn|though|in a statement|in an interview|in response|by contrast|in contrast),?)\s*$"
)
_TRAILING_RELATIVE = re.compile(
    r",\s*(?:who|which)\s[^,;:\u201c\u201d\"]{1,120},$"
    # "The actor, whose films include A, B and C: D, said": a "whose" clause may list titles.
    r"|,\s+whose\s[^;\u201c\u201d\"_]{1,160},$"
)
RELATIVE = re.compile(r",\s+(?:who|which)\s[^,;:\u201c\u201d\"]{1,120},")


def subject_before(prefix: str) -> str | None:
    """Return the subject phrase that ends ``prefix`` (the words before a cue verb)."""
    prefix = strip_tags(prefix[-300:]).rstrip()
    prefix = _LY_ADVERBS.sub("", TRAILING_ADVERBS.sub("", prefix))
    prefix = TRAILING_ADVERBS.sub("", _INSERTS.sub("", prefix))
    # "The complaint, which was filed in Washington, alleged": the relative clause says nothing of who speaks.
    stripped = _TRAILING_RELATIVE.sub("", prefix)
    appositive = _NAME_APPOSITIVE.search(stripped + ",") if stripped != prefix else None
    if appositive and stripped[appositive.end(1) :].lstrip(", ")[:1].islower():
        # "Saba Lind, the daughter of Ola Lind, who died in the fire, said": the relative clause ends
        # the appositive; the subject is the name before it.
        return appositive.group(1)
    prefix = stripped
    # "Trump's attorney, Alan Garten, said": the name in the appositive.
    named = _NAMED_APPOSITIVE.search(prefix)
    if named and not _CAPITALISED_END.search(prefix[: named.start()]):
        return named.group(1)
    # "Smith, the chairman of X, said": the name before the appositive.
    appositive = _NAME_APPOSITIVE.search(prefix)
    if appositive:
        return appositive.group(1)
    group = _GROUP_SUBJECT.search(prefix)
    if group:
        return group.group(1)  # "one lawmaker", "many commentators", "21 percent", "critics"
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    clause = prefix[breaks[-1].end() :] if breaks else prefix
    tail = _trim_subject(_RELATIVE_OPENING.sub("", clause))
    if not tail or len(tail.split()) > 8 or "_" in tail:
        return None
    return tail


# Unnamed groups and counted people as subjects: quantifier + plural or role noun, a share, a bare group noun.
_GROUP_SUBJECT = re.compile(
    r"(?:^|[\s,;:(])((?:(?:one|many|some|several|most|few|two|three|four|five|both|other)\s+"
    r"(?:of\s+(?:the|those|these|his|her|their|its)\s+)?(?:[a-z]+\s+)?[a-z]{3,}"
    r"|\d{1,3}(?:\.\d)?\s*(?:percent|%)(?:\s+of\s+[a-z]+)?"
    r"|(?:critics|analysts|experts|officials|observers|supporters|opponents|voters|aides|advisers|sources|"
    r"residents|protesters|lawmakers|respondents|economists|commentators|activists|historians)))$"
)
# Parenthetical party tags and ages ("(D-Wis.)", ", R-Ariz.,", ", 30,") say nothing about who the speaker is.
_LY_ADVERBS = re.compile(r"(?:\s+[a-z]+ly)+\s*$")
_TAGS = re.compile(
    r",\s+of\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*(?:,\s+[A-Z][\w.]*\.)?(?=,)|\s*\([^()]{0,40}\)|,\s+[RDI]-[A-Z][\w.\-]*(?=[,.\s]|$)|,\s+\d{1,3}(?=,)"
)
# The mark that ends the sentence, unless it closes an initial ("the U.S.").
_FINAL_STOP = re.compile(r"(?<!\b[A-Z])[.!?]\s*$")


def strip_tags(phrase: str) -> str:
    """Return a phrase without parenthetical party tags and ages."""
    return _TAGS.sub("", phrase)


def subject_after(rest: str) -> str | None:
    """Return the subject phrase that follows a cue verb ("said Sen. John McCain, R-Ariz.").

    ``rest`` runs from the cue to the end of its sentence at most (the callers cut it at the end of the
    segmenter's sentence).
    """
    rest = _FINAL_STOP.sub("", strip_tags(rest[:200]))
    m = _SUBJECT_AFTER.match(rest)
    if not m:
        return None
    phrase = _AFTER_NAME_STOP.sub("", m.group(1)).strip()
    if m.group(3) and phrase[:1].islower():
        return m.group(3)  # "said the campaign's spokeswoman, Hope Hicks"
    return phrase or None

"""What makes a sentence a story's lead: not background, not a quotation, done rather than hoped for.

General rules of news writing used by the stories stage: a sentence about another year (or in the
past perfect) is background; a quotation is shown as a quote, not as the development; a dateline
opens a lead but is not its subject; a report of something done outweighs a plan, hope or preview,
and a result, record, death or ban outweighs routine. A feature (a scene-setting lead about an unnamed
person, a teaser, a headline that asks or explains, an opinion piece) is not a development of the
week. A status or look ahead is overtaken by a later report of how it came out.
"""

from __future__ import annotations

import datetime as dt
import re

from .summarize import is_standalone

_PAST_WORDS = ("ago", "last year", "past", "had ")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PAST = re.compile(r"\b(?:years ago|decades ago|last year|in the past)\b", re.I)
# "had suspended", "had been told": the past perfect tells what came before the news.
_PAST_PERFECT = re.compile(
    r"\bhad (?:(?:not|already|previously|earlier|been) )?[a-z]+(?:ed|en|wn|ught|id)\b", re.I
)
# Hopes, plans, previews and forecasts: softer news than something that happened. Words, not a
# pattern: this is asked of every candidate lead of a week.
_PROSPECT_TEXT = """could might may would will shall hope hopes hoping aim aims aiming plan plans planning expect
    expects expected confident likely poised intend intends tip tips tipped eyes seek seeks"""
_PROSPECT = frozenset(_PROSPECT_TEXT.split())
_PROSPECT_PHRASES = (
    "set to ",
    "want to ",
    "wants to ",
    "looks ahead",
    "look ahead",
    "ahead of ",
    "heading into ",
    "on the eve of ",
    "whether to ",  # a decision still to be made: "has until Friday to decide whether to run"
    "yet to ",
)
_DONE_TEXT = """won broke beat lost set fell rose died found made took gave struck hit left met became began ran
    sold held came went told said says sent has have had is are was were"""
_DONE = frozenset(_DONE_TEXT.split())
# Past forms that report a decision taken: done the day they are reported, whatever they set for later.
_DECIDED = frozenset(
    [
        "announced",
        "decided",
        "ordered",
        "ruled",
        "voted",
        "agreed",
        "approved",
        "charged",
        "indicted",
        "sentenced",
        "signed",
        "confirmed",
    ]
)
_TOKEN = re.compile(r"[a-z]+")
# A verb in -ed ("closed", "agreed"); in a hyphenated compound ("coal-fired", "state-owned") it is an
# adjective, which tells of nothing done.
_ED = re.compile(r"(?<![a-z-])[a-z]{3,}ed(?![a-z-])")
# An assessment, not a report: the words analysts judge with (likelihood, cause, purpose, meaning).
_ASSESS_TEXT = """likely unlikely probably probable possibly suggests suggest signals signal shows show demonstrates
    demonstrate means meaning because therefore strategy aims aim seeks seek intends intent risk risks
    threat threatens pressure pressures reliant dependence dependent limits limited leverage cost costs"""
_ASSESS = frozenset(_ASSESS_TEXT.split())
# News values of magnitude: a result, record, death, ban, arrest or resignation. A first is one when
# it is a first ever ("for the first time", "the first woman to"), not an ordinal of a series ("the
# first debate", "the first round").
_IMPACT = re.compile(
    r"\b(?:for the first time|first[- ]ever|(?:the )?first (?:\w+ ){1,2}(?:to|since|in \d+ years)\b"
    r"|record|largest|biggest|worst|highest|lowest|killed|dead|deaths?|died|won|wins?|victory"
    r"|defeat(?:ed|s)?|beat|lost|elected|resign(?:ed|s)?|banned|ban|crash(?:ed)?"
    r"|collapse[ds]?|approved|rejected|charged|convicted|sentenced|arrested)\b",
    re.I,
)
# "MINSK, Feb. 8 (AP) — ": a dateline opens the lead; the sentence proper starts after it.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'/-]{2,40}(?:,? [A-Z][a-z]{2,4}\.? \d{1,2})?(?: \([A-Za-z]+\))?\s*[\u2014\u2013-]+\s*"
)
# A quotation of four words or more: a quote is shown as a quote, not as the development.
_QUOTATION = re.compile(r"[\"\u201c]\s*\S+(?:\s+\S+){3,}?[^\"\u201d]*[\"\u201d]")


def is_background(text: str, as_of: dt.date) -> bool:
    """Return whether a sentence is about another time: it names only other years, or years ago.

    Early in a year, last year is still the news ("the December 2004 tsunami" in January 2005).
    """
    low = text.lower()
    # Most sentences name no year and no earlier time: plain substring tests, no pattern.
    if "19" not in text and "20" not in text and not any(w in low for w in _PAST_WORDS):
        return False
    years = {int(y) for y in _YEAR.findall(text)}
    if years:
        recent = {as_of.year, as_of.year - 1} if as_of.month <= 2 else {as_of.year}
        return not years & recent
    return bool(_PAST.search(text) or _PAST_PERFECT.search(text))


def impact(text: str) -> float:
    """Return 1 when a sentence reports something of consequence: a record, a death, a win or loss, a
    first, a resignation, a ban or a crash (news values of magnitude), else 0. A hope of one
    ("is confident she can win a first medal") is not one."""
    return (
        1.0 if _IMPACT.search(text) and not _looks_ahead(text.lower(), _TOKEN.findall(text.lower())) else 0.0
    )


def _looks_ahead(low: str, tokens: list[str]) -> bool:
    return not _PROSPECT.isdisjoint(tokens) or any(p in low for p in _PROSPECT_PHRASES)


# A status of something still going on ("talks continue", "is on the verge of", "is being debated"):
# true the day it is written, stale once a later report tells how it came out.
_STATUS = re.compile(
    r"\b(?:is|are|was|were) (?:being|still|now|nearing|on the verge|close to|on course|on track)\b"
    r"|\b(?:is|are|was|were) (?:\w+ly )?(?!\w*thing\b)\w{3,}ing\b"  # "were searching": under way then
    r"|\b(?:continues?|continuing|remains?|ongoing|still|yet to|soon|nearing|under ?way)\b"
    # A look ahead with a time to it: "is expected to", "will", "ahead of Tuesday's vote". Not a modal
    # of judgement ("could", "may") nor a hope named as a noun: an assessment does not go stale.
    r"|\b(?:expected|set|poised|likely|due|scheduled|planning|hoping|hopes|plans) to\b|\bwill\b"
    r"|\b(?:ahead of|on the eve of|heading into)\b",
    re.I,
)
# A completed act told in the past tense: "abandoned", "agreed", "won", "died".
_COMPLETED_TEXT = """won broke beat lost fell rose died found made took gave struck hit left met became began ran
    sold held came went told said sent"""
_COMPLETED = frozenset(_COMPLETED_TEXT.split())


def is_status(text: str) -> bool:
    """Return whether a sentence tells how things stand or where they are heading (a status, a plan,
    a forecast) rather than something that happened: what a later report of the outcome overtakes."""
    return bool(_STATUS.search(text))


def tells_outcome(text: str) -> bool:
    """Return whether a sentence reports a completed act in the past tense, with no look ahead."""
    low = text.lower()
    done = not _COMPLETED.isdisjoint(_TOKEN.findall(low)) or bool(_ED.search(low))
    return done and not is_status(text)


# A teaser withholds the news to make the reader go on: it names "a ruling" or "something" and tells
# only how someone will feel about it, or promises what comes next. A feature device, not a lead.
_TEASER = re.compile(
    r"\b(?:should|will|would|could|may|might|is sure to|is going to|are going to)\s+(?:\w+\s+){0,2}?"
    r"(?:make|leave|have)\s+(?:[\w.'\u2019-]+\s+){1,8}?(?:smile|smiling|cheer|happy|furious|angry|nervous"
    r"|worried|squirm|cringe|laugh|blush|jump)\b"
    r"|\b(?:here[\u2019']s (?:why|how|what)|not what you think|you won[\u2019']t believe"
    r"|stunning news|big news|game[ -]changer)\b",
    re.I,
)
# "Something" the sentence never names ("let something slip"); "tried something new: a ..." names it.
_SOMETHING = re.compile(r"\bsomething\b(?![^:\u2014\u2013]*[:\u2014\u2013])", re.I)


def is_teaser(text: str) -> bool:
    """Return whether a sentence or headline teases rather than tells: "a ruling that should make the
    mayor smile", "let something slip" (a something it never names), "here's why"."""
    return bool(_TEASER.search(text) or _SOMETHING.search(text))


# A detail adds to what a report said before it: "..., too.", "also", "went on to", "the following
# picture" (which the brief does not show), or an anecdote's person given an age ("Ms. Lane, 21, ...").
_DETAIL = re.compile(
    r"\b(?:too|as well)[.!]?[\"\u201d']?\s*$|\balso\b|\bwent on to\b|\bthe following\b"
    r"|\b[A-Z][a-z]+, \d{1,2}, ",
)


def is_detail(text: str) -> bool:
    """Return whether a sentence adds a detail to what its report told before it, rather than making
    a point of its own: not what a key judgement is made of."""
    return bool(_DETAIL.search(text))


def hard_news(text: str) -> float:
    """Return 1 for a sentence reporting something done, 0.5 if it also looks ahead, 0 for a preview.

    A decision or announcement made is done, whatever it says is to come: "X will be tried, the army
    announced" reports the army's decision, not a preview of the trial.
    """
    low = text.lower()
    tokens = _TOKEN.findall(low)
    done = not _DONE.isdisjoint(tokens) or bool(_ED.search(low))
    ahead = _looks_ahead(low, tokens)
    if done and ahead and not _DECIDED.isdisjoint(tokens):
        return 1.0
    return 1.0 if done and not ahead else (0.5 if done else 0.0)


def assesses(text: str) -> float:
    """Return 1 when a sentence judges (likelihood, cause, purpose, consequence), else 0: what a key
    judgement is made of, rather than a further detail of the report."""
    return 0.0 if _ASSESS.isdisjoint(_TOKEN.findall(text.lower())) else 1.0


def is_quotation(text: str) -> bool:
    """Return whether a sentence is a quotation: a quote left open, one that opens the sentence, or
    quoted words making half of it or more. A report of what someone did that ends on a phrase of
    theirs ("X endorsed Y on Wednesday, saying it is time for "a real conservative."") is a report."""
    marks = text.count('"') + text.count("\u201c") + text.count("\u201d")
    if marks % 2 == 1:
        return True
    quoted = [m.group(0) for m in _QUOTATION.finditer(text)]
    if not quoted:
        return False
    if text.lstrip().startswith(('"', "\u201c")):
        return True
    return 2 * sum(len(q.split()) for q in quoted) >= len(text.split())


def stands_after_dateline(text: str) -> bool:
    """Return whether a sentence still stands alone without its dateline ("LONDON — It was ...")."""
    rest = _DATELINE.sub("", text, count=1)
    return rest == text or is_standalone(rest)


# "A man holding a sign ...", "One voter's ...": an anecdotal lead opens on an unnamed person, as a
# feature does; a news lead names who acted (or the body they act for).
_PRIVATE = (
    r"(?:man|woman|men|women|boy|girl|child|voter|student|mother|father|couple|family|teenager|resident"
    r"|worker|supporter|fan|veteran|nurse|teacher|farmer|grandmother|grandfather|widow|pensioner|owner"
    r"|retiree|shopkeeper)"
)
# "Tom Hale, a ferry owner, ...": a private person named and then introduced by what they do opens a
# profile; a news lead names who acted by their office ("Tom Hale, the harbour master, ...").
_ANECDOTAL = re.compile(
    rf"^(?:A|An|One)\s+(?:[\w-]+,?\s+){{0,3}}?{_PRIVATE}(?:['\u2019]s)?\b"
    rf"|^[A-Z][a-z]+ [A-Z][a-z]+, (?:a|an) (?:[\w-]+ ){{0,3}}?{_PRIVATE}\b"
    r"|^It (?:was|is) (?:a|an|the kind of)\b"  # "It was a striking sight ...": a scene, not a report
)
# "Why Republicans won't ...", "What went wrong for ...", "Can X win?": a headline that asks or explains
# heads an analysis or explainer, not the report of a development.
# "LOOK: Photos of ...", "WATCH: ...": a web headline announcing pictures, not a report.
_EXPLAINER = re.compile(
    r"^(?:Why|How|What|Who|Is|Are|Can|Could|Should|Will|Would|Does|Do)\b|\?\s*$"
    r"|^(?:LOOK|WATCH|PHOTOS?|VIDEO|QUIZ)\s*:"
)
# "...; Letter from America", "Opinion: ...", "Notebook | ...": a kicker naming the column or genre a
# headline runs under. The whole part of the headline between its separators, not a word in a sentence.
_KICKER = re.compile(
    r"^(?:letter from(?: [\w.'\u2019-]+){1,3}|(?:reporter['\u2019]s )?notebook|(?:news )?analysis|commentary"
    r"|opinion|op-?ed|editorial|column|viewpoint|perspective|essay|review|sketch|diary)\.?$",
    re.I,
)
_HEAD_PARTS = re.compile(r"\s*[;:|\u2014\u2013]\s*|\s+-\s+")


def has_kicker(title: str) -> bool:
    """Return whether a headline carries a kicker naming a column or genre ("Letter from America",
    "Opinion", "Analysis"): the piece under it argues or reflects rather than reports."""
    return any(_KICKER.match(part) for part in _HEAD_PARTS.split(title.strip()) if part)


# A lead speaking to the reader ("chances are you didn't see it") is a column's, not a report's.
_READER = re.compile(r"\b(?:you|your)\b", re.I)
# Genres an editor or an outlet names that are not reports of the week's developments.
FEATURE_GENRES = frozenset(
    {"opinion", "op-ed", "editorial", "column", "comment", "feature", "profile", "review", "blog"}
)


def is_feature(lead: str, title: str | None, genre: str | None) -> bool:
    """Return whether a source reads as a feature rather than a report of a development: its opening
    sets a scene ("It was a ...") or an unnamed person's anecdote (after any dateline), speaks to
    the reader ("you") or teases (is_teaser), its headline asks, explains, teases, announces
    pictures or runs under a column's kicker ("Letter from ...", "Opinion"), or its genre is opinion,
    a column, a profile, a review and the like."""
    if genre and genre.strip().casefold() in FEATURE_GENRES:
        return True
    opening = _DATELINE.sub("", lead, count=1)
    if _ANECDOTAL.match(opening) or _READER.search(_QUOTATION.sub(" ", opening)) or is_teaser(opening):
        return True
    return bool(title and (_EXPLAINER.search(title.strip()) or is_teaser(title) or has_kicker(title)))

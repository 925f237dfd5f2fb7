"""Find direct quotations in a source, tell statements from scare-quoted phrases, and attribute speakers.

Marks are paired per paragraph in one left-to-right pass, so a stray mark never swallows more than its
paragraph. Policy for broken marks: a double opening mark that is never closed yields a quote running to
the end of the paragraph (or up to the next opening mark), flagged ``unclosed``; a closing mark with no
opening mark yields a quote back to the start of its sentence, flagged ``missing-opening-mark``, only when
an attribution (``,” he said``) follows it. Single marks quote only when both ends are found, so
apostrophes ("don’t", "Belarus’ favour") never open or close a quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import Cite, Paragraph, Quote, QuoteKind, Source
from .segment import sentence_spans
from .speakers import People, SpeakerPhrase, parse_speaker, word_set

# Two apostrophes or backticks stand for a double mark in some wire copy (''like this'').
_DOUBLE = re.compile(r"''|``|[\u201c\u201d\u201e\u00ab\u00bb\"]")
_SINGLE = re.compile(r"[\u2018\u2019']")
_OPEN_CONTEXT = " \t\n([{\u2014\u2013-/\u201c\"'\u2018"

_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing"),
    "speak": ("speaks", "spoke"),
    "argue": ("argue",),
    "insist": ("insist",),
}
_REGULAR = word_set(
    """
    add argue state insist explain note ask reply respond declare claim warn continue recall tweet post
    announce acknowledge admit concede suggest observe remark shout yell exclaim quip joke boast
    complain predict promise vow urge caution emphasize emphasise stress conclude counter retort plead
    muse whisper testify allege maintain contend agree assert affirm confirm deny scoff lament proclaim
    pledge answer call dub label brand describe recount mention interject chime sigh grumble reiterate concur elaborate brag gush
    """
)


def _forms(stem: str) -> tuple[str, ...]:
    """Return the inflected forms of a regular reporting verb."""
    if stem.endswith("y") and stem[-2] not in "aeiou":
        return (stem[:-1] + "ies", stem[:-1] + "ied")
    third = stem + ("es" if stem.endswith(("s", "sh", "ch", "x")) else "s")
    past = stem + "d" if stem.endswith("e") else stem + ("ped" if stem == "quip" else "ed")
    ing = (stem[:-1] if stem.endswith("e") else stem) + "ing"
    # The bare stem is left out: "state", "post", "claim" and "continue" are mostly not reporting verbs.
    return (third, past, ing)


_VERBS = sorted(
    {f for forms in _IRREGULAR.values() for f in forms}
    | {f for s in _REGULAR for f in _forms(s)}
    | {
        "points out",
        "pointed out",
        "went on",
        "goes on",
        "put it",
        "puts it",
        "wrote in",
        "said in a statement",
    },
    key=len,
    reverse=True,
)
# Case-sensitive on purpose: "States" and "Post" are names, not cues.
_CUE = re.compile(r"\b(?:[Aa]ccording to|" + "|".join(re.escape(v) for v in _VERBS) + r")\b")
_ADVERBS = (
    "also|later|then|previously|once|recently|repeatedly|reportedly|publicly|again|simply|flatly|quickly|often|"
    "never|famously|bluntly|angrily|has|have|had|would|will|could|later|first|further|privately|frequently|"
    "always|long|once|even|just|told|has long|had long|did|does|do|not|still|only|already|openly|"
    "explicitly|directly|subsequently|emphatically|memorably|succinctly|sarcastically|jokingly"
)
_TRAILING_ADVERBS = re.compile(r"(?:\s+(?:" + _ADVERBS + r"))+\s*$", re.I)
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
_DASH_LINE = re.compile(r"^[,.]?\s*[\u2013\u2014-]{1,2}\s*([^\u2013\u2014\n]{2,80}?)\s*\.?$")
_ACCORDING = re.compile(r"^\s*according to\s+([^,.;:]{2,80})", re.I)
_NON_SPACE = re.compile(r"\S")
_SHORT_WORDS = re.compile(r"[\w\u2019'\-]+")


@dataclass(slots=True)
class _Span:
    """Offsets of the text between two marks, and of the marks themselves (-1 when missing)."""

    start: int
    end: int
    open_mark: int
    close_mark: int
    flags: tuple[str, ...] = ()


def _is_openish(text: str, i: int, j: int) -> bool:
    """Return whether the mark text[i:j] stands where an opening mark stands (after space, before a word)."""
    prev = text[i - 1] if i else " "
    nxt = text[j] if j < len(text) else " "
    return prev in _OPEN_CONTEXT and not nxt.isspace()


def _is_closeish(text: str, i: int, j: int) -> bool:
    """Return whether the mark text[i:j] stands where a closing mark stands (after a word, before space)."""
    prev = text[i - 1] if i else " "
    nxt = text[j] if j < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or not nxt.isalnum())


def _double_spans(text: str) -> tuple[list[_Span], list[int]]:
    """Return the double-quoted spans of a paragraph and the positions of stray closing marks."""
    spans: list[_Span] = []
    strays: list[int] = []
    open_at, open_end = -1, -1
    for m in _DOUBLE.finditer(text):
        i, j = m.start(), m.end()
        c = m.group(0)
        if c in "\u201c\u201e\u00ab``":
            role = "open"
        elif c in "\u201d\u00bb":
            role = "close"
        else:
            opens, closes = _is_openish(text, i, j), _is_closeish(text, i, j)
            # Context decides a straight mark; when it cannot, the pairing state does.
            role = (
                ("open" if opens else "close") if opens != closes else ("close" if open_at >= 0 else "open")
            )
        if open_at < 0:
            if role == "open":
                open_at, open_end = i, j
            else:
                strays.append(i)
        elif role == "close":
            spans.append(_Span(open_end, i, open_at, i))
            open_at = -1
        else:
            # A second opening mark before any close: the first quote was left unclosed.
            end = len(text[:i].rstrip())
            if end > open_end:
                spans.append(_Span(open_end, end, open_at, -1, ("unclosed",)))
            open_at, open_end = i, j
    if open_at >= 0:
        end = len(text.rstrip())
        if end > open_end:
            spans.append(_Span(open_end, end, open_at, -1, ("unclosed",)))
    return spans, strays


def _single_spans(text: str, doubles: list[_Span]) -> list[_Span]:
    """Return single-quoted spans outside double quotes; marks between letters are apostrophes."""
    inside = [(s.open_mark, s.close_mark + 1 if s.close_mark >= 0 else s.end) for s in doubles]
    spans: list[_Span] = []
    open_at = -1
    k = 0
    for m in _SINGLE.finditer(text):
        i = m.start()
        while k < len(inside) and inside[k][1] < i:
            k += 1
        if k < len(inside) and inside[k][0] <= i <= inside[k][1]:
            continue  # nested in a double quote: part of that quote
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe: "don’t", "Belarus’s"
        if open_at < 0:
            if text[i] != "\u2019" and _is_openish(text, i, i + 1) and nxt.isalpha():
                open_at = i
        elif text[i] != "\u2018" and _is_closeish(text, i, i + 1) and prev not in " s":
            spans.append(_Span(open_at + 1, i, open_at, i))
            open_at = -1
        elif text[i] != "\u2018" and _is_closeish(text, i, i + 1) and prev == "s" and not nxt.isalpha():
            # "the voters’ choice" keeps its apostrophe; a closing mark ends with punctuation or space.
            spans.append(_Span(open_at + 1, i, open_at, i))
            open_at = -1
    return spans


def _mask(text: str, spans: list[_Span]) -> str:
    """Return the paragraph with quoted text blanked, so cue search never reads inside a quote."""
    parts: list[str] = []
    pos = 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start < pos:
            continue
        parts.append(text[pos : s.start])
        parts.append(_NON_SPACE.sub("_", text[s.start : s.end]))
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


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
        return " ".join(reversed(keep)) or None
    # Ends with a common noun: the subject opens the clause ("The State Department last week").
    keep = []
    for w in words:
        if w.lower() in _STOP or w[:1].isdigit() or (not keep and not _NP_WORD.match(w)):
            break
        keep.append(w)
    return " ".join(keep) or None


def _clause_subject(clause: str) -> str | None:
    """Return the subject opening a clause, after any introductory phrase ("On Friday, Trump ...")."""
    clause = re.sub(r"^[^,]{1,60},\s+(?=\S)", "", clause) if clause[:1].isupper() else clause
    words = clause.split()
    if not words:
        return None
    if words[0].lower() in ("he", "she", "they", "i", "we"):
        return words[0]
    keep: list[str] = []
    for w in words[:6]:
        if (
            w[:1].isupper()
            or (keep and re.search(r"[\u2019']s?$", keep[-1]))
            or w.lower() in ("the", "a", "an")
        ):
            keep.append(w)
        else:
            break
    return " ".join(keep) or None


def _subject_before(prefix: str) -> str | None:
    """Return the subject phrase that ends ``prefix`` (the words before a cue verb)."""
    prefix = _TRAILING_ADVERBS.sub("", prefix.rstrip())
    # "Smith, the chairman of X, said": the name before the appositive.
    appositive = re.search(r"([A-Z][\w\u2019'.\-]*(?:\s+[A-Z][\w\u2019'.\-]*)*),\s+[^,]{2,90},$", prefix)
    if appositive:
        return appositive.group(1)
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    tail = _trim_subject(prefix[breaks[-1].end() :] if breaks else prefix)
    if not tail or len(tail.split()) > 8 or "_" in tail:
        return None
    return tail


def _subject_after(rest: str) -> str | None:
    """Return the subject phrase that follows a cue verb ("said Sen. John McCain, R-Ariz.")."""
    m = re.match(
        r"\s+([^,.;:!?\u201c\u201d\"()\u2014]{1,90})(,\s+([A-Z][\w.\-\u2019']*(?:\s+[A-Z][\w.\-\u2019']*)+))?",
        rest,
    )
    if not m:
        return None
    phrase = _AFTER_NAME_STOP.sub("", m.group(1)).strip()
    if m.group(3) and phrase[:1].islower():
        return m.group(3)  # "said the campaign's spokeswoman, Hope Hicks"
    return phrase or None


@dataclass(slots=True)
class _Attribution:
    phrase: SpeakerPhrase | None
    cue: str | None
    adjacent: bool
    at: int  # paragraph offset of the subject phrase (for pronoun resolution)


class _ParagraphQuotes:
    """Quotes of one paragraph: pairing, context and attribution."""

    def __init__(self, para: Paragraph) -> None:
        self.para = para
        text = para.text
        doubles, strays = _double_spans(text)
        self.sentences = sentence_spans(text) or [(0, len(text))]
        self._starts = [s for s, _ in self.sentences]
        singles = _single_spans(text, doubles)
        spans = sorted(doubles + singles, key=lambda s: s.start)
        self.masked = _mask(text, spans)
        for i in strays:
            recovered = self._missing_opening(i, spans)
            if recovered:
                spans.append(recovered)
        self.spans = sorted(spans, key=lambda s: s.start)
        self.masked = _mask(text, self.spans)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence holding ``pos``."""
        k = max(0, bisect_right(self._starts, pos) - 1)
        return self.sentences[k]

    def _missing_opening(self, close: int, spans: list[_Span]) -> _Span | None:
        """Return the span of a quote whose opening mark is missing, if an attribution follows it."""
        after = self.masked[close + 1 : close + 120]
        if not self._after_cue(after, close + 1):
            return None
        start = self.sentence_of(close)[0]
        for s in spans:
            if s.close_mark < close and s.close_mark >= start:
                start = s.close_mark + 1
        while start < close and self.para.text[start].isspace():
            start += 1
        if close - start < 2:
            return None
        return _Span(start, close, -1, close, ("missing-opening-mark",))

    def _after_cue(self, after: str, at: int) -> _Attribution | None:
        """Return the attribution right after a closing mark (",” he said", ",” said Smith", "– Name")."""
        dash = _DASH_LINE.match(after) if "\n" not in after else None
        if dash and len(after) < 100:
            return _Attribution(parse_speaker(dash.group(1)), None, True, at + dash.start(1))
        m = _ACCORDING.match(after.lstrip(",.!? "))
        if m:
            return _Attribution(parse_speaker(m.group(1)), "according to", True, at)
        lead = re.match(r"[,.!?]?\s*", after)
        body = after[lead.end() :] if lead else after
        base = at + (lead.end() if lead else 0)
        cue = _CUE.match(body)
        if cue:
            who = _subject_after(body[cue.end() :])
            return _Attribution(parse_speaker(who) if who else None, cue.group(0), True, base + cue.end())
        # "he said", "Trump told reporters", "the Belarusian leader added": subject first, up to 8 words.
        for cue in _CUE.finditer(body, 0, min(len(body), 160)):
            who = body[: cue.start()].strip()
            # "Brent Bozell, founder of the Media Research Center, said": the name before the appositive.
            who = re.sub(r"^([A-Z][^,]{1,40}),\s+[^,]{2,100},$", r"\1", who)
            who = _TRAILING_ADVERBS.sub("", " " + who).strip()
            if who and len(who.split()) <= 8 and not re.search(r"[.;:!?_\u201c\u201d\"]", who):
                return _Attribution(parse_speaker(who), cue.group(0), True, base)
            break
        return None

    def _before_cue(self, span: _Span) -> _Attribution | None:
        """Return the nearest attribution earlier in the quote's sentence ("Smith said: “...")."""
        opening = span.open_mark if span.open_mark >= 0 else span.start
        s0 = self.sentence_of(opening)[0]
        prefix = self.masked[s0:opening]
        cues = list(_CUE.finditer(prefix))
        if not cues:
            return None
        cue = cues[-1]
        between = prefix[cue.end() :]
        adjacent = bool(re.fullmatch(r"(?:\s+that)?\s*[,:]?\s*|\s+[^,.;:_]{1,60}[,:]\s*", between))
        if cue.group(0).lower() == "according to":
            named = re.match(r"\s+([^,.;:]{2,80})", between)
            phrase = parse_speaker(named.group(1)) if named else None
            return _Attribution(phrase, "according to", adjacent, s0 + cue.end())
        if cue.group(0).endswith("ing"):
            # "Trump went after Bush, calling him ...": the participle's subject is the clause's subject.
            for earlier in reversed(cues[:-1]):
                who = _subject_before(prefix[: earlier.start()])
                if who:
                    return _Attribution(parse_speaker(who), cue.group(0), adjacent, s0 + earlier.start())
            who = _clause_subject(prefix[: cue.start()].lstrip("_ \u201c\u201d\",.'"))
            return _Attribution(parse_speaker(who) if who else None, cue.group(0), adjacent, s0)
        who = _subject_before(prefix[: cue.start()])
        phrase = parse_speaker(who) if who else None
        return _Attribution(phrase, cue.group(0), adjacent, s0 + cue.start() - len(who or ""))

    def attribution(self, span: _Span) -> _Attribution | None:
        """Return the attribution of a span: right after it first, else earlier in its sentence."""
        if span.close_mark >= 0:
            close = span.close_mark
            after = self.masked[close + 1 : close + 160]
            nxt = after.find("_")
            if nxt >= 0:
                after = after[:nxt]
            found = self._after_cue(after, close + 1)
            if found and found.phrase:
                return found
        found = self._before_cue(span)
        # A cue without a speaker ("his claims of") is a noun, not an attribution.
        return found if found and found.phrase else None


def _is_statement(text: str, attribution: _Attribution | None, span: _Span, pq: _ParagraphQuotes) -> bool:
    """Return whether a quote is a remark (statement) rather than a scare-quoted phrase."""
    words = len(_SHORT_WORDS.findall(text))
    if words == 0:
        return False
    adjacent = attribution is not None and attribution.adjacent
    if adjacent or "missing-opening-mark" in span.flags:
        return True
    if words >= 8:
        return True
    if words >= 5 and attribution is not None:
        return True
    # A quote standing as its own sentence ending in punctuation: “We will not back down.”
    start = pq.sentence_of(span.open_mark if span.open_mark >= 0 else span.start)[0]
    own_sentence = pq.masked[start : max(start, span.open_mark)].strip() == ""
    return own_sentence and words >= 3 and text.rstrip()[-1:] in ".!?,"


class _Resolver:
    """Turns a speaker phrase into (name, role) using the source's people."""

    def __init__(self, source: Source) -> None:
        self.people = People(source)

    def resolve(self, phrase: SpeakerPhrase | None, paragraph: int, at: int) -> tuple[str | None, str | None]:
        """Return (speaker, speaker_role) for a phrase found at a position."""
        if phrase is None:
            return None, None
        if phrase.pronoun in ("he", "she"):
            return self.people.before(paragraph, at, female=phrase.pronoun == "she"), None
        if phrase.pronoun:
            return None, None
        if phrase.name:
            return self.people.full_name(phrase.name), phrase.role
        if phrase.role:
            who = self.people.describe(phrase.role, paragraph, at)
            return (who, None) if who else (None, phrase.role)
        return None, None


def find_quotes(source: Source) -> tuple[Quote, ...]:
    """Return the quotations of a source, in reading order."""
    resolver = _Resolver(source)
    out: list[Quote] = []
    last: tuple[int, str | None, str | None] | None = None  # (paragraph, speaker, role) of the last statement
    prev_masked = ""
    for para in source.paragraphs:
        if not _DOUBLE.search(para.text) and not _SINGLE.search(para.text):
            prev_masked = para.text
            continue
        pq = _ParagraphQuotes(para)
        for span in pq.spans:
            text = para.text[span.start : span.end]
            if not text.strip() or not re.search(r"\w", text):
                continue
            attribution = pq.attribution(span)
            speaker, role = (None, None)
            if attribution is not None:
                speaker, role = resolver.resolve(attribution.phrase, para.n, attribution.at)
            kind: QuoteKind = "statement" if _is_statement(text, attribution, span, pq) else "phrase"
            if kind == "statement" and attribution is None:
                if span.start <= 1 and prev_masked.rstrip().endswith(":"):
                    # "Smith said:" closing the previous paragraph introduces this one.
                    tail = prev_masked.rstrip()[:-1]
                    cues = list(_CUE.finditer(tail))
                    if cues:
                        who = _subject_before(tail[: cues[-1].start()])
                        speaker, role = resolver.resolve(parse_speaker(who) if who else None, para.n, 0)
                elif last is not None and last[0] >= para.n - 2:
                    # A quote with no cue of its own continues the previous speaker's remarks.
                    speaker, role = last[1], last[2]
            if kind == "statement" and attribution is None and speaker is None and role is None:
                # No cue: a named subject opening the sentence is the likeliest source ("Trump called it ...").
                s0 = pq.sentence_of(span.start)[0]
                who = _clause_subject(pq.masked[s0 : max(s0, span.open_mark)])
                phrase = parse_speaker(who) if who and "_" not in who else None
                known = phrase is not None and phrase.name and resolver.people.known(phrase.name)
                if phrase is not None and (known or phrase.pronoun in ("he", "she")):
                    speaker, role = resolver.resolve(phrase, para.n, s0)
            out.append(
                Quote(
                    text=text,
                    cite=Cite(source.id, para.n),
                    kind=kind,
                    speaker=speaker,
                    speaker_role=role,
                    cue=attribution.cue if attribution else None,
                    start=span.start,
                    end=span.end,
                    flags=span.flags,
                )
            )
            if kind == "statement" and (speaker or role):
                last = (para.n, speaker, role)
        prev_masked = pq.masked
    return tuple(out)

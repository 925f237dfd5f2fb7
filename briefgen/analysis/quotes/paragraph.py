"""One paragraph's quotations: pair its marks, tell statements from scare-quoted phrases, find cues.

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

from ...model import Paragraph
from ..segment import sentence_spans
from ..words import WEAK_CUES
from .cues import (
    ACCORDING,
    CUE,
    DASH_LINE,
    TRAILING_ADVERBS,
    clause_subject,
    strip_tags,
    subject_after,
    subject_before,
)
from .finite_verbs import generic_after
from .intros import intro_phrase
from .quotemarks import Span, double_spans, mask, single_spans, split_glued
from .roundups import roundup_speaker, signature
from .speaker_phrase import SpeakerPhrase, parse_speaker

_COLON_INTRO = re.compile(
    r"(?:^|[\u2013\u2014\u2015-]\s+|\bfrom\s+)([A-Z][\w.\u2019'\-]*(?:\s+(?:[A-Z][\w.\u2019'\-]*|and))*)\s*:\s*$"
)
_PASSIVE_BY = re.compile(r"\s+by\s+((?:[a-z]+\s+){0,2}[A-Z][\w.\u2019'\-]*(?:\s+[A-Z][\w.\u2019'\-]*){0,3})")
# A comma-separated clause with a finite-looking verb, ending in a colon right before the quote.
_CLAUSE_THEN_COLON = re.compile(
    r",\s+[^,;:_]{2,80}\b(?:[a-z]{2,}ed|[a-z]{3,}s|had|has|was|were)\b[^,;:_]{0,60}:\s*$"
)
# A sentence opening with a subordinate clause: a cue after the quote belongs to the main clause.
_SUBORDINATE = re.compile(
    r"\W*(?:(?:But|And|Yet)\s+)?(?:(?:even|just)\s+)?(?:[Ww]hile|[Aa]s|[Ww]hen|[Aa]fter|[Aa]lthough|[Tt]hough|"
    r"[Bb]ecause|[Ss]ince|[Bb]efore|[Ww]hereas|[Oo]nce)\s"
)
_NAMED_APPOSITIVE = re.compile(r",\s+([A-Z][\w.\-\u2019']*(?:\s+[A-Z][\w.\-\u2019']*)+),?$")
# What a dash after a quote may name: a name ("– Ann Lee"), a handle, or a short description ("– a
# senior official"); "— essentially the plan he rejects" continues the sentence instead.
_BYLINE = re.compile(r"[A-Z@]|(?:a|an|the|one)\s+(?![^,]*\b[a-z]{3,}ed\b)(?:\S+\s+){0,4}\S+\s*$")
# Patterns of the attribution steps, compiled once (a pattern given as a string is looked up per call).
_LEAD = re.compile(r"[,.!?]?\s*")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_NAME_THEN_APPOSITIVE = re.compile(r"^([A-Z][^,]{1,40}),\s+.{2,140},$")
_NEXT_QUOTE_CLAUSE = re.compile(r"\s+that\b|[^.!?]*_")
_CLAUSE_MARK = re.compile(r"[;:!?_\u201c\u201d\"]")
_ADJACENT = re.compile(r"(?:\s+that)?\s*[,:]?\s*|\s+[^,.;:_]{1,60}[,:]\s*")
_ACCORDING_NAME = re.compile(r"\s+([^,.;:]{2,80})")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w\u2019'.]*\s+$")
_CAPITAL_END = re.compile(r"[A-Z][\w\u2019'.]*$")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|being)\s+$")
_AND_BEFORE = re.compile(r"\sand\s*$")
_GENERIC_LEAD = re.compile(r"[,!?]?\s+")
_WORD_CHAR = re.compile(r"\w")
_MAIN_PRONOUN = re.compile(r",\s*(?:he|she)\s+(?:[a-z]+ly\s+)?$")
_DASH_START = re.compile(r"\s*[\u2013\u2014\u2015-]")


@dataclass(slots=True)
class _Attribution:
    phrase: SpeakerPhrase | None
    cue: str | None
    adjacent: bool
    at: int  # paragraph offset of the subject phrase (for pronoun resolution)


class ParagraphQuotes:
    """Quotes of one paragraph: pairing, context and attribution."""

    def __init__(self, para: Paragraph) -> None:
        self.para = para
        text = para.text
        doubles, strays = double_spans(text)
        self.sentences = split_glued(sentence_spans(text) or [(0, len(text))], text)
        self._starts = [s for s, _ in self.sentences]
        self._ends = [e for _, e in self.sentences]
        singles = single_spans(text, doubles)
        spans = sorted(doubles + singles, key=lambda s: s.start)
        self.masked = mask(text, spans)
        found = len(spans)
        for i in strays:
            recovered = self._missing_opening(i, spans)
            if recovered:
                spans.append(recovered)
        self.spans = sorted(spans, key=lambda s: s.start)
        if len(spans) > found:  # else the spans are those just masked
            self.masked = mask(text, self.spans)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence holding ``pos``."""
        k = max(0, bisect_right(self._starts, pos) - 1)
        return self.sentences[k]

    def to_sentence_end(self, rest: str, at: int) -> str:
        """Return ``rest``, the text from paragraph offset ``at`` on, cut where the sentence holding it ends."""
        k = bisect_right(self._ends, at)
        return rest[: self._ends[k] - at] if k < len(self._ends) else rest

    def _missing_opening(self, close: int, spans: list[Span]) -> Span | None:
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
        return Span(start, close, -1, close, ("missing-opening-mark",))

    def _after_cue(self, after: str, at: int, final: bool = False) -> _Attribution | None:
        """Return the attribution right after a closing mark (",” he said", ",” said Smith", "– Name")."""
        full = after
        if "_" in after:
            after = after[: after.find("_")]
        dash = DASH_LINE.match(after) if "\n" not in after else None
        if dash and len(after) < 100 and _BYLINE.match(dash.group(1)):
            return _Attribution(parse_speaker(dash.group(1)), None, True, at + dash.start(1))
        if (signed := signature(self.para.text, at)) is not None:
            return _Attribution(signed[0], None, True, signed[1])  # “...” - “Fiona”: a signed comment
        if after.lstrip()[:1] == "." and after.lstrip()[1:].lstrip()[:1].isupper():
            return None  # “...”. Writing later, Ms North says: a new sentence, whose cue is its own
        m = ACCORDING.match(after.lstrip(",.!? "))
        if m:
            return _Attribution(parse_speaker(m.group(1)), "according to", True, at)
        lead = _LEAD.match(after)
        body = after[lead.end() :] if lead else after
        base = at + (lead.end() if lead else 0)
        cue = CUE.match(body)
        if cue and (cue.group(0).split()[0].endswith("ing") or cue.group(0) in ("told", "tells")):
            # "hailed it as “fantastic,” telling reporters": the words after are the addressee; the
            # clause before the quote gives the speaker.
            return None
        if cue:
            who = subject_after(self.to_sentence_end(body[cue.end() :], base + cue.end()))
            return _Attribution(parse_speaker(who) if who else None, cue.group(0), True, base + cue.end())
        # "he said", "Trump told reporters", "the Belarusian leader added": subject first, up to 8 words.
        for cue in CUE.finditer(body, 0, min(len(body), 160)):
            if cue.group(0).split()[0].endswith("ing"):
                break  # "“...,” repeatedly, before responding": a participle has no subject of its own
            who = strip_tags(body[: cue.start()]).strip()
            # "Brent Bozell, founder of the Media Research Center, said": the name before the appositive.
            named = _NAMED_APPOSITIVE.search(who)
            if (
                named
                and who[:1].isupper()
                and _LOWER_WORD.search(who, 0, named.start())
                and not _CAPITAL_END.search(who, 0, named.start())  # "University of California, Santa Cruz"
            ):
                who = named.group(1)  # "Rep. Hunter’s chief of staff, Joe Kasper, told": the name
            who = _NAME_THEN_APPOSITIVE.sub(r"\1", who)
            if final and _NEXT_QUOTE_CLAUSE.match(full, len(after) - len(body) + cue.end()):
                break  # “... end.” Russia insisted that “...”: the cue opens the next quote's sentence
            who = TRAILING_ADVERBS.sub("", " " + who).strip()
            first = _WORD_CHAR.search(body, 0, cue.start())  # marks before the subject stand outside it
            one_sentence = first is None or self.sentence_of(base + first.start()) == self.sentence_of(
                base + cue.start()
            )
            clean = not _CLAUSE_MARK.search(who) and one_sentence
            if "," in who.rstrip(",") and who[:1].islower():
                # "“...” the dawn of a movement, Bozell says": the quote's sentence runs on; the subject
                # is the part right before the cue.
                who = who.rstrip(",")[who.rstrip(",").rfind(",") + 1 :].strip()
            elif "," in who and who[:1].isupper():
                who = who[: who.find(",")]  # "Sam Lau, the party's spokesman said": a comma left out
            if who and len(who.split()) <= 8 and clean:
                return _Attribution(parse_speaker(who), cue.group(0), True, base)
            break
        return None

    def _before_cue(self, span: Span) -> _Attribution | None:
        """Return the nearest attribution earlier in the quote's sentence ("Smith said: “...")."""
        opening = span.open_mark if span.open_mark >= 0 else span.start
        s0 = self.sentence_of(opening)[0]
        prefix = self.masked[s0:opening]
        label = roundup_speaker(prefix) if s0 == 0 else None
        if label is not None:
            return _Attribution(label, None, True, 0)  # "* AP - “...”", "Ann Lee, Reuters: “...”"
        named = intro_phrase(prefix)
        if named is not None and parse_speaker(named[0]) is not None:
            # "Said Ann Lee, who grew up nearby, “...”", "From the report: “...”": no subject-verb cue.
            return _Attribution(parse_speaker(named[0]), None, True, s0 + named[1])
        intro = _COLON_INTRO.search(prefix)
        if intro:
            # "Pollsters agree - Carl Bialik: “...”": a name introducing the quote with a colon.
            phrase = parse_speaker(intro.group(1))
            if phrase is not None and phrase.name:
                return _Attribution(phrase, None, True, s0 + intro.start(1))
        cues = list(CUE.finditer(prefix))
        # The nearest cue with a subject wins; "remarks" or "claims" used as nouns have none. Bounded look-back.
        for k in range(len(cues) - 1, max(-1, len(cues) - 5), -1):
            found = self._cue_attribution(prefix, cues, k, s0)
            if found is not None and found.phrase is not None:
                if not found.adjacent and _CLAUSE_THEN_COLON.search(prefix, cues[k].end()):
                    # "When Lee suggested ..., Ruiz fired back:": a clause of its own introduces the
                    # quote; the sentence's subjects (uncued attribution) decide, not the earlier cue.
                    return None
                return found
        return None

    def _cue_attribution(
        self, prefix: str, cues: list[re.Match[str]], k: int, s0: int
    ) -> _Attribution | None:
        """Return the attribution the k-th cue of a quote's sentence prefix gives."""
        cue = cues[k]
        between = prefix[cue.end() :]
        adjacent = bool(_ADJACENT.fullmatch(between))
        adjacent = adjacent and cue.group(0) not in WEAK_CUES
        if cue.group(0).lower() == "according to":
            named = _ACCORDING_NAME.match(between)
            phrase = parse_speaker(named.group(1)) if named else None
            return _Attribution(phrase, "according to", adjacent, s0 + cue.end())
        if cue.group(0).endswith("ing") and not _CAPITAL_BEFORE.search(prefix, 0, cue.start()):
            # "Trump went after Bush, calling him ...": the participle's subject is the clause's subject.
            for earlier in reversed(cues[max(0, k - 3) : k]):
                if earlier.group(0).endswith("ing"):
                    continue  # "calling it ... and asserting": participles share the clause's subject
                who = subject_before(prefix[: earlier.start()])
                phrase = parse_speaker(who) if who else None
                if phrase is not None:
                    return _Attribution(phrase, cue.group(0), adjacent, s0 + earlier.start())
            who = clause_subject(prefix[: cue.start()].lstrip("_ \u201c\u201d\",.'"))
            return _Attribution(parse_speaker(who) if who else None, cue.group(0), adjacent, s0)
        head = prefix[: cue.start()]
        passive = _PASSIVE_BY.match(prefix, cue.end()) if _PASSIVE_AUX.search(head) else None
        if passive:
            # "Sanders was asked by host Bill Maher “...”": the agent after "by" speaks.
            return _Attribution(
                parse_speaker(passive.group(1)), cue.group(0), adjacent, s0 + passive.start(1)
            )
        who = subject_before(head)
        if _AND_BEFORE.search(head):
            # "Trump bemoaned the unrest and said ...": coordinated verbs share the clause's subject.
            who = clause_subject(head.lstrip("_ \u201c\u201d\",.'"))
        phrase = parse_speaker(who) if who else None
        if phrase is not None and phrase.pronoun in ("he", "she") and not _MAIN_PRONOUN.search(head):
            # "Ban Ki-moon condemned what he called ...": the clause's named subject, when there is one;
            # not "If Lee wins, he said, ..." or "Lee, he said, ...": a pronoun after a comma is the main
            # clause's own subject, and the name belongs to another clause.
            subject = clause_subject(head.lstrip("_ \u201c\u201d\",.'"))
            own = parse_speaker(subject) if subject and subject.lower() != phrase.pronoun else None
            if own is not None and own.name:
                phrase = own
        return _Attribution(phrase, cue.group(0), adjacent, s0 + cue.start() - len(who or ""))

    def attribution(self, span: Span) -> _Attribution | None:
        """Return the attribution of a span: right after it first, else earlier in its sentence."""
        if span.close_mark >= 0:
            close = span.close_mark
            if self.para.text.startswith("''", close):
                close += 1  # a doubled apostrophe closes the quote: what follows starts after both
            after = self.masked[close + 1 : close + 160]
            final = self.para.text[span.start : span.end].rstrip()[-1:] in (".", "!", "?")
            found = self._after_cue(after, close + 1, final)
            if final and span.open_mark > self.sentence_of(span.open_mark)[0]:
                # "Smith said, “...” Jones added later.": a quote that closes its sentence belongs to a cue
                # before it in that sentence; the words after the quote open the next sentence.
                before = self._before_cue(span)
                if before is not None and before.phrase is not None:
                    before.adjacent = before.adjacent or bool(found and found.phrase and found.adjacent)
                    return before
            if final and found and self._embedded(span) and after.lstrip()[:1].isupper():
                # "Dunmore has cheered them on with posts like “...” Vance has also announced ...": a
                # quote closing a sentence of its own words; the cue after it is the next sentence's.
                found = None
            if not (found and found.phrase):
                found = self._generic_after(span, after, close + 1)
            if found and found.phrase:
                if not self._attributive_end(span, after) or self._in_opening_clause(span):
                    # "Reynolds says that Santilli “broke the story” of ..., others argue": with no comma
                    # closing the quote, a cue later in the sentence reports other words; the cue that
                    # introduces the quote speaks it.
                    before = self._before_cue(span)
                    if before is not None and before.phrase is not None and self._introduces(span, before):
                        return before
                return found
        found = self._before_cue(span)
        if found is None or found.phrase is None:
            found = self._late_cue(span)
        # A cue without a speaker ("his claims of") is a noun, not an attribution.
        return found if found and found.phrase else None

    def _embedded(self, span: Span) -> bool:
        """Return whether a quote stands inside a sentence of the writer's words (three words or more)."""
        s0 = self.sentence_of(span.open_mark)[0]
        prefix = self.masked[s0 : max(s0, span.open_mark)]
        return span.open_mark > s0 and "_" not in prefix and len(prefix.split()) >= 3

    def _attributive_end(self, span: Span, after: str) -> bool:
        """Return whether a quote ends the way an attributed remark does (",” she said", "!” he said")."""
        inner = self.para.text[span.start : span.end].rstrip()[-1:]
        return inner in (",", "!", "?", ".") or after.lstrip()[:1] in (",", "\u2014", "\u2013", "-")

    def _in_opening_clause(self, span: Span) -> bool:
        """Return whether a quote stands in a subordinate clause opening its sentence ("While Lee said “...,”")."""
        s0 = self.sentence_of(span.open_mark)[0]
        prefix = self.masked[s0 : span.open_mark]
        return bool(_SUBORDINATE.match(prefix)) and "," not in prefix and "_" not in prefix

    def _introduces(self, span: Span, before: _Attribution) -> bool:
        """Return whether a cue earlier in the sentence introduces the quote ("X said that “...”")."""
        if before.adjacent:
            return True
        head = self.masked[before.at : span.open_mark]
        return len(head) <= 160 and "_" not in head

    def _generic_after(self, span: Span, after: str, at: int) -> _Attribution | None:
        """Return an attribution made by any verb right after the quote ("“...!” beamed Ann Lee")."""
        lead = _GENERIC_LEAD.match(after)
        inner = self.para.text[span.start : span.end].rstrip()[-1:]
        if not lead or not (lead.group(0)[:1] in ",!?" or inner in (",", "!", "?")):
            return None  # "“...” <sentence>": a quote ending its sentence is not being attributed after it
        found = generic_after(self.to_sentence_end(after[lead.end() :], at + lead.end()))
        if found is None:
            return None
        who, verb, off = found
        phrase = parse_speaker(who)
        if phrase is None or (phrase.pronoun and phrase.pronoun not in ("he", "she")):
            return None
        return _Attribution(phrase, verb, True, at + lead.end() + off)

    def _late_cue(self, span: Span) -> _Attribution | None:
        """Return an attribution closing the quote's sentence ("“...” if she loses, said Ann Lee.")."""
        if span.close_mark < 0:
            return None
        end = self.sentence_of(span.close_mark)[1]
        rest = self.masked[span.close_mark + 1 : end]
        if "_" in rest:
            rest = rest[: rest.find("_")]  # the next quote has its own attribution
        for cue in CUE.finditer(rest):
            if cue.group(0) in WEAK_CUES:
                continue
            head = rest[: cue.start()].rstrip()
            at = span.close_mark + 1 + cue.start()
            if head.endswith(","):
                who = subject_after(rest[cue.end() :])
            else:
                comma = head.rfind(",")
                tail = rest[cue.end() :].strip(" .")
                who = head[comma + 1 :].strip() if comma >= 0 and len(tail) <= 24 else None
                who = who if who and len(who.split()) <= 6 else None
            if who:
                return _Attribution(parse_speaker(who), cue.group(0), False, at)
        return None


def next_line_dash(text: str, span: Span, following: str) -> _Attribution | None:
    """Return the attribution a "- Name." line gives the quote-only paragraph before it."""
    if (
        len(following) > 120
        or text[: max(0, span.open_mark)].strip()
        or text[span.end :].strip(" \u201d\"'.,")
    ):
        return None
    dash = DASH_LINE.match(following.strip())
    if dash is None or not _DASH_START.match(following):
        return None
    # The dash line names the speaker; "at" past the paragraph keeps pronoun resolution local.
    return _Attribution(parse_speaker(dash.group(1)), None, True, len(text))

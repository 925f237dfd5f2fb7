"""Compose a brief's quotations: which are shown, the context line under each, and what a heading may say."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..analysis.segment import sentence_spans
from ..analysis.themes import ThemeScorer
from ..analysis.vectors import words
from ..bottom_line import StoryPicks, story_rank_key
from ..model import Analysis, Cite, Para, Quote, ThemeSummary

# Words that carry no news of their own around a quotation: function words, the verbs of saying and
# the occasion of saying ('told reporters', 'in an interview')
# (not negations: 'he is not "begging"' says the opposite of the quote alone).
_EMPTY = frozenset(
    """a an the and or but nor so yet of to in on at by for with from as into about than that this these
    those it its he she they we i you his her their our my your him them us me be is are was were been
    being has have had do does did will would shall should can could may might must also then
    there here when while who whom whose which what said says say saying told tells tell added adds add
    asked asks according noted notes stated states declared declares insisted insists warned warns
    wrote writes explained explains replied replies claimed claims argued argues remarked recalled
    continued reporters journalists interview statement conference press news briefing""".split()  # noqa: SIM905 - a word list reads better as prose
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
# "No limit" in a config still means at most this many quotes or events, so a week of thousands of
# sources gives a brief a reader can use (and a renderer can lay out) rather than a phone book.
SAFETY_LIMIT = 300

# A context must add at least this many words of substance beyond its quote and speaker to be shown.
MIN_NEW_WORDS = 3


def adds_to_quote(sentence: str, quoted: str, speaker_words: frozenset[str]) -> bool:
    """Return whether ``sentence``, with its quoted part taken out, still says something of its own.

    What is left once the quotation, the speaker's name and role, function words and verbs of saying
    are taken out must hold MIN_NEW_WORDS words: "It is hard," said Khrenin adds nothing; a sentence
    in which a two-word quote sits among a clause of reporting adds the clause.
    """
    rest = sentence.replace(quoted, " ", 1) if quoted else sentence
    new = [w for w in _WORD.findall(rest) if (low := w.lower()) not in _EMPTY and low not in speaker_words]
    return len(new) >= MIN_NEW_WORDS


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> int:
    """Return how many words ``text`` has (kept: every audience's brief ranks the week's quotes by it)."""
    return len(text.split())


def _speaker_words(quote: Quote) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(f"{quote.speaker or ''} {quote.speaker_role or ''}"))


def quote_context(analysis: Analysis, quote: Quote, shown: set[str] | None = None) -> Para | None:
    """Return the verbatim sentence a quote stands in, when it says more than the quote itself.

    ``shown`` holds the context sentences a brief already shows: one sentence holding three short
    quotes is shown under the first of them only.
    """
    text = analysis.source(quote.cite.source).paragraph(quote.cite.paragraph).text
    for s, e in sentence_spans(text):
        if not (s <= quote.start < e or s < quote.end <= e):
            continue
        sentence = text[s:e]
        # The part of the quote inside this sentence (a quote may run over several sentences).
        quoted = text[max(s, quote.start) : min(e, quote.end)]
        if not adds_to_quote(sentence, quoted, _speaker_words(quote)):
            return None
        if shown is not None:
            if sentence in shown:
                return None
            shown.add(sentence)
        return Para(sentence, (quote.cite,))
    return None


@dataclass(frozen=True, slots=True)
class QuotesView:
    """What a layout template may know of the quotations `@quotes` shows: counts and order, no text."""

    found: int  # quotations found in the week's sources
    shown: int  # how many `@quotes` (without a number) shows
    order: str  # "source order" or "most relevant first"

    @property
    def all(self) -> bool:
        return self.shown == self.found


def _rank_parts(q: Quote, cited: set[Cite], relevance: float) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return the parts of a quote's sort key before and after its story's place (``story_rank_key``).

    The key: named statements about the top stories first (the story's rank, and 0 for one of the people
    at its centre), then those on the brief's themes, cited ones, longer ones.
    """
    return (
        (0 if q.kind == "statement" else 1, 0 if q.speaker else (1 if q.speaker_role else 2)),
        (
            1 if q.flags else 0,  # a quote with a missing mark is one an editor would check first
            -round(relevance * 4),  # coarse, so length still orders quotes of similar relevance
            0 if q.cite in cited else 1,
            -min(_words(q.text), 40),
        ),
    )


def listable(q: Quote) -> bool:
    """Return whether a quote may stand in a brief's Quotations: a statement with a speaker or a role.

    A fragment of under four words that ends no sentence ("stunt children's growth,") says nothing on its
    own: it stays in its sentence, in the theme text, and out of the Quotations.
    """
    if q.kind != "statement" or not (q.speaker or q.speaker_role):
        return False
    return _words(q.text) >= 4 or q.text.rstrip(" \u201d\"'")[-1:] in (".", "!", "?")


@lru_cache(maxsize=1 << 15)
def _paragraph_words(text: str) -> tuple[str, ...]:
    """Return a paragraph's stems, kept while every audience's brief of the build is composed."""
    return tuple(words(text))


class QuoteRanking:
    """The quotes one brief may list, ranked for its themes; the ranking is worked out once per brief.

    A large week has thousands of quotations and a brief ranks them twice (for what changed since last
    week, then with its story picks for `@quotes`): only the story's place differs between the two.
    """

    def __init__(self, analysis: Analysis, themes: tuple[ThemeSummary, ...]) -> None:
        self.analysis = analysis
        self.themes = themes
        self.listable = [i for i, q in enumerate(analysis.quotes) if listable(q)]
        self._parts: list[tuple[int, tuple[int, ...], tuple[int, ...]]] | None = None

    def _ranked_parts(self) -> list[tuple[int, tuple[int, ...], tuple[int, ...]]]:
        if self._parts is not None:
            return self._parts
        analysis, themes = self.analysis, self.themes
        cited = {c for t in themes for e in t.extracts for c in e.cites}
        scorer = ThemeScorer([t.theme for t in themes]) if themes else None
        # The analysis scored quoted paragraphs against every theme; this brief takes its own themes' best.
        wanted = {t.theme.id for t in themes}
        columns = [i for i, t in enumerate(analysis.themes) if t.theme.id in wanted]
        memo: dict[Cite, float] = {
            cite: max((scores[i] for i in columns), default=0.0) for cite, scores in analysis.quoted
        }

        def relevance(q: Quote) -> float:
            if scorer is None:
                return 0.0
            known = memo.get(q.cite)  # one lookup: a cite hashes in Python
            if known is None:  # an Analysis made without the scores (a test, an older caller)
                text = analysis.source(q.cite.source).paragraph(q.cite.paragraph).text
                known = memo[q.cite] = max(scorer.relevance(_paragraph_words(text)), default=0.0)
            return known

        quotes = analysis.quotes
        self._parts = [(i, *_rank_parts(quotes[i], cited, relevance(quotes[i]))) for i in self.listable]
        return self._parts

    def select(self, limit: int | None, picks: StoryPicks | None = None) -> tuple[Quote, ...]:
        """Return the quotes a brief shows: all attributed statements while they fit, else the best for
        its themes (and, with ``picks``, its top stories first)."""
        limit = SAFETY_LIMIT if limit is None else limit
        quotes = self.analysis.quotes
        if len(self.listable) <= limit:
            return tuple(quotes[i] for i in self.listable)  # everything fits: all of them, in source order
        # Ties keep source order: the index, not a dict of quotes, which would hash every quote twice.
        if picks is None:
            ranked = sorted((head + (0, 0) + tail, i) for i, head, tail in self._ranked_parts())
        else:
            ranked = sorted(
                (head + story_rank_key(picks, quotes[i]) + tail, i) for i, head, tail in self._ranked_parts()
            )
        return tuple(quotes[i] for _, i in ranked[:limit])


def select_quotes(
    analysis: Analysis,
    themes: tuple[ThemeSummary, ...],
    limit: int | None,
    picks: StoryPicks | None = None,
) -> tuple[Quote, ...]:
    """Return the quotes a brief shows: all attributed statements while they fit, else the best for its themes.

    A scare-quoted word or phrase ("kind" phrase) is the writer's, not a remark, and a statement nobody is
    said to have made cannot be credited: neither is listed as a quotation (the JSON keeps every quote).
    """
    return QuoteRanking(analysis, themes).select(limit, picks)

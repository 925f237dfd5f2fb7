"""Extractive theme summaries, the bottom line up front, and single-document summaries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Cite, Extract, Quote, Sentence, Source, Theme, ThemeSummary
from ..records import fast_pickle
from .background import BACKGROUND_LABEL, is_background
from .same_facts import repeats, same_figures
from .segment import split_sentences
from .standalone import is_standalone, present_sentences
from .themes import ThemeScorer, aside_stems, heads_in_names
from .vectors import Vector, Vectorizer, centroid, cosine, words

MAX_EXTRACTS = 12  # per theme; compose trims to the audience's word limit
MAX_BLUF = 5
POOL = 200  # only the best candidates of a theme are compared with each other (keeps it linear)
DUPLICATE = 0.6  # cosine at which two sentences say the same thing
MMR_LAMBDA = 0.5  # weight of similarity to what is already chosen
# Score mix for a theme: relevance to the theme, centrality among its sentences, early position.
W_RELEVANCE, W_CENTRALITY, W_POSITION = 0.45, 0.45, 0.10
CORROBORATION_BONUS = 0.04  # per extra source, up to three
# A sentence about a year before the week's reading ranks below the week's news in the bottom line;
# in a theme it stays (labelled), and the brief shows it after the week's sentences (theme_order.py).
BACKGROUND_WEIGHT = 0.8
# Score mix for one document: centrality, lead position, overlap with the headline, length.
DOC_CENTRALITY, DOC_POSITION, DOC_TITLE, DOC_LENGTH = 0.5, 0.1, 0.25, 0.15
# One author rarely repeats a point within a few sentences: a lighter redundancy penalty than across sources.
DOC_MMR_LAMBDA = 0.25
DOC_FULL_LENGTH = 12  # content words at which a sentence stops counting as short
DOC_CONTEXT_PENALTY = 0.7


@dataclass(slots=True)
class _Item:
    sentence: Sentence
    order: int  # position in the whole week's reading: the stable tie-break
    rank_in_source: int
    tokens: Sequence[str]
    standalone: bool
    vectorizer: Vectorizer | None = None
    known: Vector | None = None  # the TF-IDF vector, once computed
    shown: str = ""  # the text a brief shows when it is not the sentence itself (see standalone.py)
    background: bool = False  # dated to an earlier year than its source: shown as background

    @property
    def text(self) -> str:
        """Return the text a brief shows for this sentence."""
        text = self.shown or self.sentence.text
        return BACKGROUND_LABEL + text if self.background else text

    @property
    def vector(self) -> Vector:
        """Return the sentence's TF-IDF vector, computed on first use: most sentences of a large week
        bear on no theme and are never compared with anything."""
        if self.known is None:
            assert self.vectorizer is not None
            self.known = self.vectorizer.vector(self.tokens)
        return self.known


@fast_pickle
@dataclass(frozen=True, slots=True)
class SentenceTerms:
    """The per-source half of the summary stage: each sentence's stems and whether it stands alone."""

    # Each sentence's stems joined by spaces (a stem has none): one string per sentence instead of one
    # per word keeps a week's cached halves small and quick to move between processes.
    stems: tuple[str, ...]
    standalone: tuple[bool, ...]
    shown: tuple[str, ...] = ()  # per sentence, the text a brief shows if not the sentence ("": itself)

    def tokens(self) -> list[list[str]]:
        """Return each sentence's stems."""
        return [s.split() for s in self.stems]


def header_paragraphs(source: Source) -> frozenset[int]:
    """Return the numbers of the title, byline, outlet, date and dateline paragraphs (not the standfirst)."""
    head = source.paragraphs[: source.body_from - 1]
    return frozenset(p.n for p in head if p.text != source.standfirst)


def sentence_terms(
    sentences: Sequence[Sentence], skip: frozenset[int] = frozenset(), source: Source | None = None
) -> SentenceTerms:
    """Return the stems and standalone flags of one source's sentences (IDF needs the whole week).

    Sentences of the paragraphs in ``skip`` (a headline ending in a full stop, say) never stand alone.
    With the ``source``, the rules that need its other sentences apply too (standalone.present_sentences).
    """
    stems = tuple(" ".join(words(s.text)) for s in sentences)
    if source is None:
        alone = tuple(s.cite.paragraph not in skip and is_standalone(s.text) for s in sentences)
        return SentenceTerms(stems, alone)
    shown = present_sentences(sentences, source, skip)
    return SentenceTerms(
        stems,
        tuple(t is not None for t in shown),
        tuple("" if t is None or t == s.text else t for s, t in zip(sentences, shown, strict=True)),
    )


@dataclass(slots=True)
class Week:
    """Every sentence of the week with its TF-IDF vector: built once, shared by themes and bottom line."""

    items: list[_Item]
    vectorizer: Vectorizer


def _position(rank: int) -> float:
    """Return a lead bias in (0, 1]: news and memos put their point first."""
    return 1.0 / (1.0 + rank / 4.0)


def prepare_week(
    sources: Sequence[Source],
    sentences: Mapping[str, Sequence[Sentence]],
    terms: Mapping[str, SentenceTerms] | None = None,
) -> Week:
    """Return every sentence of the week as an item with tokens and a TF-IDF vector.

    ``terms`` holds each source's ``sentence_terms`` when the per-source stage computed them.
    """
    rows: list[tuple[Sentence, Sequence[str], bool, str]] = []
    for src in sources:
        sents = sentences.get(src.id, ())
        known = terms.get(src.id) if terms is not None else None
        if known is None or len(known.stems) != len(sents):
            known = sentence_terms(sents, header_paragraphs(src), src)
        shown = known.shown or ("",) * len(sents)
        rows += zip(sents, known.tokens(), known.standalone, shown, strict=True)
    vectorizer = Vectorizer(toks for _, toks, _, _ in rows)
    items = [
        _Item(s, i, s.index, toks, alone, vectorizer, shown=text)
        for i, (s, toks, alone, text) in enumerate(rows)
    ]
    return Week(items, vectorizer)


@dataclass(slots=True)
class _Pick:
    item: _Item
    score: float
    cites: list[Cite]


def _select(
    pool: Sequence[tuple[float, _Item]], limit: int, source_order: dict[str, int], mmr: float = MMR_LAMBDA
) -> list[_Pick]:
    """Return up to ``limit`` picks by MMR, folding other sources' near-duplicates into cites."""
    remaining = list(pool)  # sorted best first with stable tie-breaks
    max_sim = [0.0] * len(remaining)
    picks: list[_Pick] = []
    while remaining and len(picks) < limit:
        best_i, best_val = -1, float("-inf")
        for i, (score, item) in enumerate(remaining):
            if not item.standalone:
                continue  # may corroborate, may not stand in the brief
            val = score - mmr * max_sim[i]
            if val > best_val:
                best_i, best_val = i, val
        if best_i < 0:
            break
        score, item = remaining[best_i]
        pick = _Pick(item, score, [item.sentence.cite])
        picks.append(pick)
        keep: list[tuple[float, _Item]] = []
        keep_sim: list[float] = []
        for i, (other_score, other) in enumerate(remaining):
            if i == best_i:
                continue
            sim = cosine(item.vector, other.vector)
            if sim >= DUPLICATE or same_figures(item.sentence.text, other.sentence.text):
                src = other.sentence.cite.source
                if all(c.source != src for c in pick.cites):
                    pick.cites.append(other.sentence.cite)
                continue  # said already: never a second extract
            keep.append((other_score, other))
            keep_sim.append(max(max_sim[i], sim))
        remaining, max_sim = keep, keep_sim
        pick.cites[1:] = sorted(pick.cites[1:], key=lambda c: (source_order.get(c.source, 0), c.paragraph))
    return picks


def _extract(pick: _Pick) -> Extract:
    """Return the Extract of a pick, its score raised by corroboration."""
    bonus = CORROBORATION_BONUS * min(3, len(pick.cites) - 1)
    return Extract(pick.item.text, tuple(pick.cites), round(pick.score + bonus, 6))


def _ranked(picks: Sequence[_Pick]) -> tuple[Extract, ...]:
    """Return extracts best first (ties: earlier in the week's reading)."""
    ordered = sorted(picks, key=lambda p: (-_extract(p).score, p.item.order))
    return tuple(_extract(p) for p in ordered)


def summarize_themes(
    sources: tuple[Source, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    themes: tuple[Theme, ...],
    quotes: tuple[Quote, ...],
    *,
    week: Week | None = None,
) -> tuple[ThemeSummary, ...]:
    """Return one ranked summary per theme; each sentence stands under at most one theme."""
    items = (week or prepare_week(sources, sentences)).items
    scorer = ThemeScorer(themes)
    # Only sentences bearing on some theme take part below: a third of a large week, often less.
    hits = [(it, rel) for it in items if any(rel := scorer.relevance(it.tokens))]
    # A theme word met only inside an organisation's name is that name's, not the theme's.
    hits = [
        (
            it,
            scorer.relevance(it.tokens, masked)
            if (masked := heads_in_names(it.sentence.text, it.tokens))
            else rel,
        )
        for it, rel in hits
    ]
    hits = [(it, rel) for it, rel in hits if any(rel)]
    source_order = {s.id: i for i, s in enumerate(sources)}
    # Background is what the text dates before the first year the week's reading covers.
    years = [int(s.date[:4]) for s in sources if s.date and s.date[:4].isdigit()]
    for it, _ in hits:
        it.background = bool(years) and is_background(it.shown or it.sentence.text, min(years))
    quote_cites = [q.cite for q in quotes]

    # Centrality within a theme: cosine to the relevance-weighted centroid of its sentences.
    centroids = []
    for t in range(len(themes)):
        members = [(it.vector, rel[t]) for it, rel in hits if rel[t] > 0]
        centroids.append(centroid((v for v, _ in members), (w for _, w in members)))

    scores: list[list[float]] = []
    for it, rel in hits:
        pos = _position(it.rank_in_source)
        scores.append(
            [
                W_RELEVANCE * r + W_CENTRALITY * cosine(it.vector, centroids[t]) + W_POSITION * pos
                if r > 0
                else 0.0
                for t, r in enumerate(rel)
            ]
        )

    # One theme per sentence: the one it scores best on (ties go to the theme listed first), among the
    # themes what it reports bears on, before those it names only in an aside about who someone is.
    assigned: list[list[tuple[float, _Item]]] = [[] for _ in themes]
    for (it, rel), row in zip(hits, scores, strict=True):
        if any(row):
            own = _reported(scorer, it, rel)
            best = max(range(len(row)), key=lambda t: (own[t] > 0, row[t], -t))
            assigned[best].append((row[best], it))

    summaries = []
    for t, theme in enumerate(themes):
        pool = sorted(assigned[t], key=lambda p: (-p[0], p[1].order))[:POOL]
        picks = _select(pool, MAX_EXTRACTS, source_order)
        relevant = [it for it, rel in hits if rel[t] > 0]
        paragraphs = {it.sentence.cite for it in relevant}
        summaries.append(
            ThemeSummary(
                theme=theme,
                extracts=_ranked(picks),
                sentences=len(relevant),
                sources=len({c.source for c in paragraphs}),
                quotes=sum(1 for c in quote_cites if c in paragraphs),
            )
        )
    return tuple(summaries)


def _reported(scorer: ThemeScorer, it: _Item, rel: list[float]) -> list[float]:
    """Return a sentence's relevance to each theme with the words of its asides about people set apart."""
    aside = aside_stems(it.sentence.text, it.tokens)
    if not aside:
        return rel
    return scorer.relevance(it.tokens, heads_in_names(it.sentence.text, it.tokens), aside)


def paragraph_relevance(
    week: Week, themes: Sequence[Theme], wanted: set[Cite]
) -> tuple[tuple[Cite, tuple[float, ...]], ...]:
    """Return, for each paragraph in ``wanted``, its relevance to each theme (in ``themes`` order).

    Worked out from the sentences' stems the week already holds, so composing a brief of thousands
    of quotes need not read their paragraphs again.
    """
    stems: dict[Cite, list[str]] = {}
    for it in week.items:
        if it.sentence.cite in wanted:
            stems.setdefault(it.sentence.cite, []).extend(it.tokens)
    scorer = ThemeScorer(themes)
    return tuple((cite, tuple(scorer.relevance(tokens))) for cite, tokens in stems.items())


def summarize_bluf(
    sources: tuple[Source, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    summaries: tuple[ThemeSummary, ...],
    *,
    week: Week | None = None,
) -> tuple[Extract, ...]:
    """Return the sentences that carry the week, best first: central, corroborated, spread over themes."""
    items = (week or prepare_week(sources, sentences)).items
    if not items:
        return ()
    centre = week_centre(items)
    # Only the leading extracts are looked up; matching on text first keeps this cheap at any scale.
    texts = {e.text for summary in summaries for e in summary.extracts[:4]}
    by_key = {(it.sentence.cite, it.text): it for it in items if it.text in texts}

    # Candidates: each theme's leading extracts (already standalone, de-duplicated, corroborated).
    candidates: list[_Candidate] = []
    for t, summary in enumerate(summaries):
        top = max((e.score for e in summary.extracts), default=0.0) or 1.0
        for e in summary.extracts[:4]:
            it = by_key.get((e.cites[0], e.text))
            if it is None:
                continue
            corroboration = min(3, len(e.cites) - 1) / 3
            score = 0.5 * cosine(it.vector, centre) + 0.3 * e.score / top + 0.2 * corroboration
            score *= BACKGROUND_WEIGHT if it.background else 1.0
            candidates.append((score, t, it, e))
    if not candidates:
        # No theme matched anything: fall back to the most central standalone sentences.
        for it in items:
            if it.standalone:
                score = 0.8 * cosine(it.vector, centre) + 0.2 * _position(it.rank_in_source)
                candidates.append((score, -1, it, Extract(it.text, (it.sentence.cite,))))
        candidates = sorted(candidates, key=lambda c: (-c[0], c[2].order))[:POOL]

    chosen: list[_Candidate] = []
    values: list[float] = []  # the greedy value at pick time, so the rank reads off the score
    pool = sorted(candidates, key=lambda c: (-c[0], c[2].order))
    while pool and len(chosen) < MAX_BLUF:
        best = max(pool, key=lambda c: (_bluf_value(c, chosen), -c[2].order))
        pool.remove(best)
        if any(
            cosine(best[2].vector, x[2].vector) >= DUPLICATE or repeats(best[3].text, x[3].text)
            for x in chosen
        ):
            continue
        values.append(_bluf_value(best, chosen))
        chosen.append(best)
    return tuple(Extract(c[3].text, c[3].cites, round(v, 6)) for c, v in zip(chosen, values, strict=True))


def week_centre(items: Sequence[_Item]) -> Vector:
    """Return the centroid of every sentence's vector without keeping the vectors it does not need."""
    assert items[0].vectorizer is not None
    return items[0].vectorizer.centre((it.tokens, it.known) for it in items)


# (score, theme index or -1, item, extract) of a bottom-line candidate
_Candidate = tuple[float, int, _Item, Extract]


def _bluf_value(c: _Candidate, chosen: Sequence[_Candidate]) -> float:
    """Return a candidate's worth given what is chosen: spread over themes and sources, no repeats."""
    same_theme = sum(1 for x in chosen if x[1] == c[1] and c[1] >= 0)
    same_source = sum(1 for x in chosen if x[3].cites[0].source == c[3].cites[0].source)
    sim = max((cosine(c[2].vector, x[2].vector) for x in chosen), default=0.0)
    return c[0] - 0.15 * same_theme - 0.05 * same_source - MMR_LAMBDA * sim


def summarize_document(source: Source, n: int) -> tuple[Sentence, ...]:
    """Return the ``n`` best sentences of one document, in document order."""
    sents = split_sentences(source)
    if n <= 0 or not sents:
        return ()
    toks = [words(s.text) for s in sents]
    vectorizer = Vectorizer(toks)
    vectors = [vectorizer.vector(t) for t in toks]
    doc = centroid(vectors)
    heading = vectorizer.vector(words(" ".join(x for x in (source.title, source.standfirst) if x)))
    pool: list[tuple[float, _Item]] = []
    for i, (s, t, v) in enumerate(zip(sents, toks, vectors, strict=True)):
        length = min(1.0, len(t) / DOC_FULL_LENGTH)  # short lines carry little
        score = (
            DOC_CENTRALITY * cosine(v, doc)
            + DOC_POSITION * _position(i)
            + DOC_TITLE * cosine(v, heading)
            + DOC_LENGTH * length
        )
        if not is_standalone(s.text):
            score *= DOC_CONTEXT_PENALTY  # prefer self-contained sentences; a short text may need others
        pool.append((score, _Item(s, i, i, t, True, known=v)))
    pool.sort(key=lambda p: (-p[0], p[1].order))
    picks = _select(pool[:POOL], n, {source.id: 0}, DOC_MMR_LAMBDA)
    return tuple(sorted((p.item.sentence for p in picks), key=lambda s: s.index))

"""Benchmark the summary stage: ROUGE against extractive baselines, and time on a large week.

    .venv/bin/python bench/rouge.py            # all three benchmarks
    .venv/bin/python bench/rouge.py bbc        # only one: bbc | multiling | scale

Needs the bench extras (sumy, rouge-score) and /work/shared/corpora (read by path, never copied).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from allowed import BBC_CATEGORIES as CATEGORIES  # noqa: E402
from allowed import CORPORA, HELD_OUT_TOPICS  # noqa: E402
from allowed import MULTILING_TOPICS as MULTILING  # noqa: E402
from rouge_score import rouge_scorer  # noqa: E402
from sumy.parsers.plaintext import PlaintextParser  # noqa: E402
from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: E402
from sumy.summarizers.text_rank import TextRankSummarizer  # noqa: E402

from briefgen.analysis.segment import split_sentences, split_text  # noqa: E402
from briefgen.analysis.summarize import summarize_bluf, summarize_document, summarize_themes  # noqa: E402
from briefgen.model import Paragraph, Source, Theme  # noqa: E402

BBC = CORPORA / "bbc-news-summary"
BUDGET = 250  # MultiLing's word limit
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "and",
        "or",
        "for",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
    ]
)


class OurTokenizer:
    """sumy tokenizer built on briefgen's splitter (sumy's default needs NLTK punkt data)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_text(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(re.findall(r"[\w'\u2019]+", sentence))


def read_text(path: Path) -> str:
    """Return a corpus file's text (one BBC file is cp1252)."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def paragraphs(text: str) -> list[str]:
    """Return the blank-line separated paragraphs of ``text``, unwrapped."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def make_source(sid: str, title: str | None, body: str, date: str | None = None) -> Source:
    """Return a Source built from a body text (headline kept apart, as metadata)."""
    paras = tuple(Paragraph(i + 1, t) for i, t in enumerate(paragraphs(body)))
    return Source(id=sid, path=sid, paragraphs=paras, title=title, date=date)


def sumy_pick(summarizer: Callable, text: str, k: int) -> list[str]:
    """Return sumy's k best sentences of ``text``, in document order."""
    doc = PlaintextParser.from_string(text, OurTokenizer()).document
    return [str(s) for s in summarizer(doc, k)]


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print one markdown table."""
    print(f"\n{title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(f"{c:.3f}" if isinstance(c, float) else str(c) for c in row) + " |")


def bench_bbc() -> None:
    """Single document: 200 BBC articles (001-100 of entertainment and sport), 3 sentences, F1 vs the extract."""
    if not BBC.exists():
        print(f"skipped: {BBC} is absent")
        return
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    lex, tr = LexRankSummarizer(), TextRankSummarizer()
    methods: dict[str, Callable[[Source, str], list[str]]] = {
        "briefgen": lambda src, body: [s.text for s in summarize_document(src, 3)],
        "Lead-3": lambda src, body: [s.text for s in split_sentences(src)[:3]],
        "LexRank": lambda src, body: sumy_pick(lex, body, 3),
        "TextRank": lambda src, body: sumy_pick(tr, body, 3),
    }
    sums = {m: [0.0, 0.0, 0.0] for m in methods}
    secs = dict.fromkeys(methods, 0.0)
    n = 0
    for cat in CATEGORIES:
        for i in range(1, 101):
            name = f"{i:03d}.txt"
            headline, _, body = read_text(BBC / "articles" / cat / name).partition("\n")
            body = "\n\n".join(paragraphs(body))
            ref = read_text(BBC / "summaries" / cat / name)
            src = make_source(f"{cat}/{i:03d}", headline.strip(), body)
            n += 1
            for m, fn in methods.items():
                t0 = time.perf_counter()
                out = " ".join(fn(src, body))
                secs[m] += time.perf_counter() - t0
                sc = scorer.score(ref, out)
                for j, key in enumerate(("rouge1", "rouge2", "rougeL")):
                    sums[m][j] += sc[key].fmeasure
    rows = [
        [m, 3, sums[m][0] / n, sums[m][1] / n, sums[m][2] / n, f"{1000 * secs[m] / n:.1f}"] for m in methods
    ]
    table(
        f"BBC News Summary, single document ({n} articles, headline removed, ROUGE F1 with stemming)",
        ["method", "sentences", "ROUGE-1", "ROUGE-2", "ROUGE-L", "s per 1,000 articles"],
        rows,
    )


def headline_theme(titles: Sequence[str]) -> Theme:
    """Return a Theme built from headlines alone: terms (and word pairs) shared by several of them."""
    unigrams: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    first: dict[str, int] = {}
    for title in titles:
        toks = [w for w in re.findall(r"[A-Za-z][\w'\u2019.-]*[A-Za-z]|[A-Za-z]", title)]
        content = [w for w in toks if w.lower() not in STOP_WORDS]
        for w in set(w.lower() for w in content):
            unigrams[w] += 1
        for a, b in set(zip(content, content[1:], strict=False)):
            bigrams[f"{a.lower()} {b.lower()}"] += 1
        for w in [
            *(w.lower() for w in content),
            *(f"{a.lower()} {b.lower()}" for a, b in zip(content, content[1:], strict=False)),
        ]:
            first.setdefault(w, len(first))
    shared = [w for w, c in unigrams.items() if c >= 2]
    shared.sort(key=lambda w: (-unigrams[w], first[w]))
    pairs = sorted((p for p, c in bigrams.items() if c >= 2), key=lambda p: (-bigrams[p], first[p]))
    if not shared:
        shared = sorted(unigrams, key=lambda w: (-unigrams[w], first[w]))[:5]
    return Theme("topic", " ".join(shared[:3]), "", tuple(pairs[:4] + shared[:8]))


def fill(sentences: Sequence[str], budget: int = BUDGET) -> str:
    """Return ranked sentences joined until the budget, cut at ``budget`` words."""
    out: list[str] = []
    for s in sentences:
        out.extend(s.split())
        if len(out) >= budget:
            break
    return " ".join(out[:budget])


def sumy_budget(summarizer: Callable, text: str, budget: int = BUDGET) -> str:
    """Return sumy's summary with the fewest sentences that reach the budget, cut at the budget."""
    k = 6
    while True:
        picked = sumy_pick(summarizer, text, k)
        if sum(len(s.split()) for s in picked) >= budget or k > 60:
            return fill(picked, budget)
        k += 2


def bench_multiling() -> None:
    """Multi-document: the WikiNews topics but M002 (held out), 10 articles each, 250 words, recall vs 3
    human summaries."""
    if not MULTILING.exists():
        print(f"skipped: {MULTILING} is absent")
        return
    topics = [json.loads(line) for line in MULTILING.read_text(encoding="utf-8").splitlines() if line.strip()]
    topics = [t for t in topics if t["id"] not in HELD_OUT_TOPICS]  # kept for judging, never scored here
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    lex, tr = LexRankSummarizer(), TextRankSummarizer()
    names = ("briefgen", "briefgen BLUF+theme", "Lead", "LexRank", "TextRank")
    sums = {m: [0.0, 0.0] for m in names}
    secs = dict.fromkeys(names, 0.0)
    words = dict.fromkeys(names, 0)
    themes_seen = []
    for topic in topics:
        docs = sorted(topic["documents"], key=lambda d: (d["date"] or "", d["file"]))
        sources = tuple(
            make_source(d["file"], d["title"], d["text"][d["body_offset"] :], d["date"]) for d in docs
        )
        bodies = ["\n\n".join(paragraphs(d["text"][d["body_offset"] :])) for d in docs]
        text = "\n\n".join(bodies)
        theme = headline_theme([d["title"] for d in docs])
        themes_seen.append(f"{topic['id']}: {theme.title!r} {list(theme.keywords)}")
        out: dict[str, str] = {}

        t0 = time.perf_counter()
        sentences = {s.id: split_sentences(s) for s in sources}
        summary = summarize_themes(sources, sentences, (theme,), ())[0]
        out["briefgen"] = fill([e.text for e in summary.extracts])
        theme_secs = time.perf_counter() - t0
        secs["briefgen"] += theme_secs

        t0 = time.perf_counter()
        bluf = summarize_bluf(sources, sentences, (summary,))
        seen = {e.text for e in bluf}
        ranked = [e.text for e in bluf] + [e.text for e in summary.extracts if e.text not in seen]
        out["briefgen BLUF+theme"] = fill(ranked)
        secs["briefgen BLUF+theme"] += time.perf_counter() - t0 + theme_secs

        t0 = time.perf_counter()
        lead = [s.text for src in reversed(sources) for s in split_sentences(src)]
        out["Lead"] = fill(lead)
        secs["Lead"] += time.perf_counter() - t0
        for m, summarizer in (("LexRank", lex), ("TextRank", tr)):
            t0 = time.perf_counter()
            out[m] = sumy_budget(summarizer, text)
            secs[m] += time.perf_counter() - t0

        refs = [s["text"] for s in topic["summaries"]]
        for m in names:
            words[m] += len(out[m].split())
            scores = [scorer.score(ref, out[m]) for ref in refs]
            sums[m][0] += sum(s["rouge1"].recall for s in scores) / len(refs)
            sums[m][1] += sum(s["rouge2"].recall for s in scores) / len(refs)
    n = len(topics)
    rows = [[m, f"{words[m] / n:.0f}", sums[m][0] / n, sums[m][1] / n, f"{secs[m] / n:.3f}"] for m in names]
    table(
        f"MultiLing 2011 English, multi-document ({n} topics x 10 articles, {BUDGET}-word budget, "
        "ROUGE recall vs 3 human summaries, stemming)",
        ["method", "mean words", "R-1 recall", "R-2 recall", "s per topic"],
        rows,
    )
    print("\nThemes built from the headlines (no hand-written keywords):")
    for line in themes_seen:
        print(f"- {line}")


def bench_scale() -> None:
    """Time summarize_themes + summarize_bluf as the week grows (all BBC articles, repeated)."""
    if not BBC.exists():
        print(f"skipped: {BBC} is absent")
        return
    articles = []
    for cat in CATEGORIES:
        for path in sorted((BBC / "articles" / cat).glob("*.txt")):
            headline, _, body = read_text(path).partition("\n")
            articles.append((f"{cat}/{path.stem}", headline.strip(), body))
    themes = tuple(
        Theme(cat, cat.title(), f"News about {cat}.", kws)
        for cat, kws in (
            ("business", ("economy", "market", "shares", "profits", "bank", "growth")),
            ("politics", ("election", "minister", "government", "party", "Labour", "Tories")),
            ("sport", ("match", "win", "champion", "cup", "coach", "season")),
            ("tech", ("software", "internet", "mobile", "computer", "broadband", "games")),
            ("entertainment", ("film", "music", "award", "album", "actor", "box office")),
        )
    )
    rows = []
    for n_articles in (1000, 2500, 5000):
        chosen = [articles[i % len(articles)] for i in range(n_articles)]
        sources = tuple(make_source(f"{sid}#{i}", t, b) for i, (sid, t, b) in enumerate(chosen))
        sentences = {s.id: split_sentences(s) for s in sources}
        n_sent = sum(len(v) for v in sentences.values())
        t0 = time.perf_counter()
        summaries = summarize_themes(sources, sentences, themes, ())
        t1 = time.perf_counter()
        summarize_bluf(sources, sentences, summaries)
        t2 = time.perf_counter()
        rows.append(
            [n_articles, n_sent, f"{t1 - t0:.1f}", f"{t2 - t1:.1f}", f"{1e6 * (t2 - t0) / n_sent:.0f}"]
        )
    table(
        "Scale: 5 themes over BBC articles (repeated past 2,225), one process",
        ["articles", "sentences", "summarize_themes s", "summarize_bluf s", "microseconds per sentence"],
        rows,
    )


def main() -> None:
    which = sys.argv[1:] or ["bbc", "multiling", "scale"]
    for name in which:
        {"bbc": bench_bbc, "multiling": bench_multiling, "scale": bench_scale}[name]()


if __name__ == "__main__":
    main()

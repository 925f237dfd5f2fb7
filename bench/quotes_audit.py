"""Quote part of the facts audit: every quotation a brief shows, with its context and speaker, to check by hand.

Usage: ``python bench/quotes_audit.py [--domain polnear|bbc|multiling|all] [--audience analysts,press]``.

Briefs are built in memory (analysis and compose, nothing written) on three domains of allowed material
only: a week of PolNeAR ``train`` and one of ``dev`` (by publication date), 20 BBC ``sport`` and 20
``entertainment`` articles, and MultiLing topics M000 and M001 (never M002). The themes are generic and the
audiences are those of ``configs/weekly.yaml``. For each shown quote it prints the source and paragraph,
the speaker as a brief shows it, the quote as shown, and the sentence it stands in, so a reader can mark
it right or wrong. It also flags what a machine can see: a speaker label that is a fragment ("The",
"Tory", "unattributed", a name ending in "Said") and a scare-quoted word or phrase listed as a quotation.
The hand counts (right / wrong speaker) go into the README and the issue note.

Research and evaluation use only: the corpora stay in ``shared/corpora`` and their text is only printed
here, never copied into the project.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from allowed import CORPORA, HELD_OUT_TOPICS, REPO, generic_themes, weekly_audiences, write_yaml  # noqa: E402

from briefgen.analysis import analyse_sources  # noqa: E402
from briefgen.analysis.segment import sentence_spans  # noqa: E402
from briefgen.compose import compose  # noqa: E402
from briefgen.config import load_config  # noqa: E402
from briefgen.ingest import parse_file  # noqa: E402
from briefgen.model import Brief, Quote, Source  # noqa: E402
from briefgen.render._text import attribution, quote_display  # noqa: E402

THEMES = {
    "economy": ("Economy", "economy growth inflation market markets trade bank banks jobs prices tax budget"),
    "politics": ("Politics", "government election minister party parliament vote campaign president senate"),
    "sport": ("Sport", "match game team season players championship coach cup win league"),
    "culture": ("Culture", "film music album show award awards actor singer festival television"),
    "security": ("Security", "war military attack police security troops terror weapons"),
}
_FUNCTION = {"the", "a", "an", "and", "or", "of", "in", "on", "to", "for", "that", "with", "by", "as", "but"}
_CUE_WORD = re.compile(r"^(?:said|says|told|added|stated|argued|wrote|claimed|insisted|asked)$", re.I)


def write_config(root: Path, as_of: str) -> Path:
    """Write a config with generic themes and weekly.yaml's audiences; return its path."""
    audiences = weekly_audiences()
    for audience in audiences.values():
        if audience.get("themes") != "all":
            audience["themes"] = ["economy", "politics"]
    config = {
        "title": "Quotes audit",
        "organisation": "Bench desk",
        "as_of": as_of,
        "sources": ["src/*.txt"],
        "templates": str(REPO / "templates"),
        "out": "out",
        "themes": generic_themes(THEMES),
        "audiences": audiences,
    }
    return write_yaml(root / "audit.yaml", config)


def build_briefs(sources: Sequence[Source], audiences: Iterable[str], as_of: str) -> dict[str, Brief]:
    """Return one Brief per audience for these sources, composed in memory (nothing is written)."""
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(write_config(Path(tmp), as_of))
        analysis = analyse_sources(tuple(sources), config.themes, as_of=as_of)
        templates = config.root / config.templates
        return {
            a: compose(analysis, config, config.audience(a), as_of=as_of, templates=templates)
            for a in audiences
        }


def read_texts(named: Iterable[tuple[str, str]]) -> list[Source]:
    """Return the sources that the text reader makes of (file name, text) pairs."""
    out: list[Source] = []
    for name, text in named:
        sources, _ = parse_file(Path(name), text.encode("utf-8"))
        out.extend(sources)
    return out


def polnear_week(split: str, limit: int = 25) -> tuple[list[Source], str]:
    """Return the articles of the split's busiest publication week (at most ``limit``) and its last day."""
    base = CORPORA / "polnear"
    with open(base / "metadata.tsv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["compartment"] == split]
    weeks: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        date = r["publication_date"]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            weeks[date[:8] + ("0" if int(date[8:]) < 8 else "1" if int(date[8:]) < 15 else "2")].append(r)
    week = max(sorted(weeks), key=lambda w: len(weeks[w]))
    chosen = sorted(weeks[week], key=lambda r: r["filename"])[:limit]
    named = []
    for r in chosen:
        path = base / split / "text" / f"{r['filename']}.txt"
        if path.exists():
            named.append((f"{r['filename']}.txt", path.read_text(encoding="utf-8")))
    return read_texts(named), max(r["publication_date"] for r in chosen)


def bbc(categories: Sequence[str] = ("sport", "entertainment"), per: int = 20) -> list[Source]:
    """Return the first ``per`` articles of each allowed BBC category."""
    named = []
    for cat in categories:
        assert cat in ("sport", "entertainment"), "business, politics and tech are held out"
        for path in sorted((CORPORA / "bbc-news-summary" / "articles" / cat).glob("*.txt"))[:per]:
            named.append((f"bbc-{cat}-{path.stem}.txt", path.read_text(encoding="utf-8", errors="replace")))
    return read_texts(named)


def multiling(topics: Sequence[str] = ("M000", "M001")) -> tuple[list[Source], str]:
    """Return the documents of MultiLing topics (never the held-out M002) and their latest date."""
    named, dates = [], []
    with open(CORPORA / "multiling2011-en" / "topics.jsonl", encoding="utf-8") as fh:
        for line in fh:
            topic = json.loads(line)
            if topic["id"] in HELD_OUT_TOPICS or topic["id"] not in topics:
                continue
            for doc in topic["documents"]:
                named.append((f"{doc['file'].split('.')[0]}.txt", doc["text"]))
                dates.append(doc.get("date") or "2005-01-01")
    return read_texts(named), max(dates)


def fragment(q: Quote) -> str | None:
    """Return why a quote's speaker label is a fragment rather than a speaker, or None."""
    label = attribution(q)
    if label == "unattributed":
        return "no speaker"
    words = label.replace(",", " ").split()
    if words[-1].lower() in _FUNCTION or words[0].lower() in _FUNCTION - {"the", "a", "an"}:
        return "ends or opens with a function word"
    if any(_CUE_WORD.match(w) for w in words):
        return "holds a reporting verb"
    if not q.speaker and len(words) == 1 and words[0][:1].isupper() and not words[0].isupper():
        return "one capitalised word as role"
    return None


def scare(q: Quote) -> str | None:
    """Return why a shown quote looks like a scare-quoted word or phrase rather than a statement, or None."""
    if q.kind != "statement":
        return f"kind {q.kind}"
    n = len(re.findall(r"[\w\u2019'-]+", q.text))
    if n <= 3 and q.text.rstrip()[-1:] not in ".!?":
        return f"{n} words, no sentence end"
    return None


def context_of(source: Source, q: Quote) -> str:
    """Return the sentence(s) of the quote's paragraph that the quote overlaps."""
    text = source.paragraph(q.cite.paragraph).text
    parts = [text[s:e] for s, e in sentence_spans(text) if s < q.end and q.start < e]
    return " ".join(parts) or text


def audit(name: str, sources: list[Source], as_of: str, audiences: Sequence[str]) -> Counter[str]:
    """Print every shown quote of the domain's briefs with its context; return the automatic counts."""
    counts: Counter[str] = Counter()
    briefs = build_briefs(sources, audiences, as_of)
    by_id = {s.id: s for s in sources}
    for audience, brief in briefs.items():
        print(f"\n=== {name} / {audience}: {len(sources)} sources, {len(brief.quotes)} quotes shown")
        for i, q in enumerate(brief.quotes, 1):
            counts["shown"] += 1
            why_fragment, why_scare = fragment(q), scare(q)
            counts["fragment"] += why_fragment is not None
            counts["scare"] += why_scare is not None
            marks = "".join(f" [{w}]" for w in (why_fragment, why_scare) if w)
            print(f"[{i}] {q.cite.source} \u00b6{q.cite.paragraph} \u2014 {attribution(q)}{marks}")
            print(f"    quote:   \u201c{quote_display(q.text)}\u201d")
            print(f"    context: {context_of(by_id[q.cite.source], q)[:600]}")
    return counts


def main() -> None:
    """Print the audit listing for the chosen domains and the automatic counts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--domain", default="all", choices=["polnear", "bbc", "multiling", "all"])
    ap.add_argument("--audience", default="analysts,press")
    args = ap.parse_args()
    if not CORPORA.exists():
        print(f"corpora not found at {CORPORA}; nothing to audit")
        return
    audiences = args.audience.split(",")
    totals: dict[str, Counter[str]] = {}
    if args.domain in ("polnear", "all"):
        for split in ("train", "dev"):
            sources, as_of = polnear_week(split)
            totals[f"polnear-{split}"] = audit(f"PolNeAR {split} week", sources, as_of, audiences)
    if args.domain in ("bbc", "all"):
        totals["bbc"] = audit("BBC sport+entertainment", bbc(), "2005-01-01", audiences)
    if args.domain in ("multiling", "all"):
        sources, as_of = multiling()
        totals["multiling"] = audit("MultiLing M000+M001", sources, as_of, audiences)
    print("\n--- automatic counts (speakers right/wrong are counted by hand from the listing above)")
    for name, c in totals.items():
        print(
            f"{name:16} shown {c['shown']:4}  fragment speakers {c['fragment']:3}  scare quotes {c['scare']:3}"
        )


if __name__ == "__main__":
    main()

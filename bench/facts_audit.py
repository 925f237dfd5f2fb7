"""Audit the facts of a brief by hand: every timeline event and the top entities, on allowed material.

    .venv/bin/python bench/facts_audit.py                 # all domains, listing to stdout
    .venv/bin/python bench/facts_audit.py polnear-dev     # one domain: polnear-dev | polnear-train |
                                                          #   bbc-sport | bbc-entertainment | multiling

For each domain it builds the analysis a brief is composed from (the same per-source and cross-source
stages as `briefgen build`) and lists, for a person to check:
- every timeline event: its kind (happened / expected), its date, the source's own date and the sentence;
- the top 30 entities: name, kind, role and variants.
Then it prints figures that need no judgement (events, resolved relative dates, expected events).
Whether a date or an entity is right is for the reader to count; the README records the counts.

Only the allowed material is read (PolNeAR train/dev, BBC sport/entertainment, MultiLing topics other
than M002), by path from /work/shared/corpora, never copied. Missing corpora are skipped with a message.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from allowed import BBC_ARTICLES as BBC  # noqa: E402
from allowed import HELD_OUT_TOPICS, POLNEAR  # noqa: E402
from allowed import MULTILING_TOPICS as MULTILING  # noqa: E402

from briefgen.analysis import analyse_sources  # noqa: E402
from briefgen.ingest import parse_file  # noqa: E402
from briefgen.model import Analysis, Source  # noqa: E402

TOP_ENTITIES = 30
# Weeks by publication date (metadata.tsv), chosen for a readable number of articles.
WEEKS = {
    "polnear-dev": ("dev", "2016-10-01", "2016-10-07"),
    "polnear-train": ("train", "2015-11-09", "2015-11-11"),
}
BBC_FILES = 12  # the first files of a category, as one week's reading
# BBC articles carry no date: the brief's date is a fixed day after the corpus (2004-2005).
BBC_AS_OF = "2005-12-31"
_RELATIVE = re.compile(
    r"\b(?:(?:on|last|next|this) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|"
    r"tomorrow|(?:last|next|this) (?:week|month|year))\b",
    re.I,
)


def _read(path: Path, name: str | None = None) -> Source:
    sources, _ = parse_file(path if name is None else Path(name), path.read_bytes())
    return sources[0]


def polnear(domain: str) -> tuple[list[Source], str]:
    """Return a week of PolNeAR articles (dated from metadata.tsv when the text has no date)."""
    split, first, last = WEEKS[domain]
    out = []
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] != split or not first <= row["publication_date"] <= last:
                continue
            path = POLNEAR / split / "text" / (row["filename"] + ".txt")
            if not path.exists():
                continue
            src = _read(path)
            if not src.date:
                src = dataclasses.replace(src, date=row["publication_date"])
            out.append(src)
    return out, last


def bbc(domain: str) -> tuple[list[Source], str]:
    """Return the first BBC_FILES articles of a BBC category (undated)."""
    category = domain.split("-", 1)[1]
    paths = sorted((BBC / category).glob("*.txt"))[:BBC_FILES]
    out = []
    for p in paths:
        raw = p.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            raw = raw.decode("cp1252").encode("utf-8")
        sources, _ = parse_file(Path(f"{category}-{p.name}"), raw)
        out.append(sources[0])
    return out, BBC_AS_OF


def multiling(_: str) -> tuple[list[Source], str]:
    """Return the documents of the first MultiLing topic that is not held out."""
    with MULTILING.open(encoding="utf-8") as fh:
        topics = [json.loads(line) for line in fh]
    topic = next(t for t in topics if t["id"] not in HELD_OUT_TOPICS)
    out = []
    for doc in topic["documents"]:
        sources, _ = parse_file(Path(doc["file"] + ".txt"), doc["text"].encode("utf-8"))
        out.append(sources[0])
    dates = [s.date for s in out if s.date] or ["2005-12-31"]
    return out, max(dates)


DOMAINS: dict[str, tuple[Callable[[str], tuple[list[Source], str]], Path]] = {
    "polnear-dev": (polnear, POLNEAR),
    "polnear-train": (polnear, POLNEAR),
    "bbc-sport": (bbc, BBC),
    "bbc-entertainment": (bbc, BBC),
    "multiling": (multiling, MULTILING),
}


def audit(domain: str) -> dict[str, int] | None:
    """Print the audit listing of one domain; return its counts, or None when the corpus is absent."""
    load, needs = DOMAINS[domain]
    if not needs.exists():
        print(f"## {domain}: skipped ({needs} is absent)")
        return None
    sources, as_of = load(domain)
    analysis: Analysis = analyse_sources(tuple(sources), (), as_of=as_of)
    by_id = {s.id: s for s in sources}
    print(f"## {domain}: {len(sources)} sources, brief dated {as_of}")
    print(f"### Timeline ({len(analysis.events)} events)")
    relative = 0
    expected = 0
    for e in analysis.events:
        src = by_id.get(e.cites[0].source)
        kind = getattr(e, "kind", "happened")
        expected += kind == "expected"
        relative += bool(_RELATIVE.search(e.text))
        cites = ", ".join(f"{c.source}#{c.paragraph}" for c in e.cites)
        label = getattr(e, "label", "")
        print(f"- [{kind}] {e.date} | source dated {src.date if src else '?'} | {cites}")
        if label:
            print(f"    label: {label}")
        print(f"    {e.text}")
    print(f"### Top {TOP_ENTITIES} entities ({len(analysis.entities)} in all)")
    for i, ent in enumerate(analysis.entities[:TOP_ENTITIES], 1):
        extra = f"; role {ent.role}" if ent.role else ""
        variants = f"; also {', '.join(ent.variants[:4])}" if ent.variants else ""
        print(f"{i:2}. {ent.name} ({ent.kind}, {ent.mentions} mentions{extra}{variants})")
    print()
    return {
        "sources": len(sources),
        "events": len(analysis.events),
        "relative": relative,
        "expected": expected,
    }


def main(argv: list[str]) -> int:
    names = argv or list(DOMAINS)
    unknown = [n for n in names if n not in DOMAINS]
    if unknown:
        print(f"facts_audit: unknown domain {unknown[0]!r}; known: {', '.join(DOMAINS)}", file=sys.stderr)
        return 2
    rows = []
    for name in names:
        counts = audit(name)
        if counts is not None:
            rows.append((name, counts))
    print("| domain | sources | events | with a relative date | expected |")
    print("| --- | --- | --- | --- | --- |")
    for name, c in rows:
        print(f"| {name} | {c['sources']} | {c['events']} | {c['relative']} | {c['expected']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Bench the build at a newsroom's scale: 100, 1,000 and 5,000 real articles, against sumy's LexRank.

Usage: .venv/bin/python bench/scale.py [--sizes 100,1000,5000] [--similar 10000] [--jobs N] [--repeat N] [--keep DIR]

Articles come from the allowed parts of /work/shared/corpora (BBC News Summary sport and entertainment,
PolNeAR train and dev, MultiLing 2011 but M002), are copied into a temporary folder only (never into
the repo) with distinct ids, and repeated with new ids past the 1,911 unique ones. Each build runs in
its own process, so its peak RSS is its own.

At 1,000 articles, where the ratio target lies, the cold build and LexRank run ``--repeat`` rounds, one
after the other in each round. This machine is shared and its speed drifts (LexRank alone took 15 to
26 s on the same 1,000 articles in one day), so the ratio is taken within each round, where both ran
seconds apart, and the median of the rounds' ratios is the figure; every round is printed.

``--similar N`` adds N short, near-identical notes the bench writes itself (no corpus text; every
tenth is a reworded copy of the one before, which the build must read once): duplicate detection
must stay near-linear there, under 30 s and 1 GB at 10,000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from allowed import (
    BBC_ARTICLES,
    BBC_CATEGORIES,
    CORPORA,
    HELD_OUT_TOPICS,
    POLNEAR,
    POLNEAR_SPLITS,
    REPO,
    generic_themes,
    weekly_audiences,
    write_yaml,
)

THEMES = {
    "economy": ("Economy", "economy growth inflation market markets trade bank banks jobs prices tax budget"),
    "politics": ("Politics", "government election minister party parliament vote campaign president senate"),
    "technology": (
        "Technology",
        "technology software internet computer mobile digital online phone broadband",
    ),
    "sport": ("Sport", "match game team season players championship coach cup win league"),
    "health": ("Health", "health hospital doctors patients disease care medical NHS drugs public health"),
}
TARGETS = (
    "ratio at 1,000 <= 0.5; 5,000 <= 5.5 x 1,000; peak RSS at 5,000 < 1.5 GB; warm rebuild <= 10% of cold; "
    "10,000 similar short files < 30 s and < 1 GB"
)
_BODIES = ("committee", "council", "board", "panel", "assembly")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_VERBS = ("raise", "cut", "freeze", "review")
_OBJECTS = ("housing", "transport", "schools", "parks", "libraries", "health")
_NAMES = ("Jane Doe", "John Smith", "Ana Silva", "Li Wei", "Omar Haddad")


def corpus_files() -> list[tuple[str, Path]]:
    """Return (corpus tag, path) of every article, the three corpora interleaved so any prefix mixes them."""
    # Allowed material only, though no output is read: the held-out splits are never built from.
    bbc = sorted(p for category in BBC_CATEGORIES for p in (BBC_ARTICLES / category).glob("*.txt"))
    polnear = sorted(p for split in POLNEAR_SPLITS for p in (POLNEAR / split / "text").glob("*.txt"))
    multiling = sorted(
        p
        for p in (CORPORA / "multiling2011-en" / "source").glob("*.english")
        if p.name[:4] not in HELD_OUT_TOPICS  # "M0023.english": topic M002
    )
    lists = [("bbc", bbc), ("polnear", polnear), ("multiling", multiling)]
    out: list[tuple[str, Path]] = []
    for i in range(max(len(x) for _, x in lists)):
        out += [(tag, files[i]) for tag, files in lists if i < len(files)]
    return out


def add_article(folder: Path, i: int, files: list[tuple[str, Path]]) -> Path:
    """Copy article ``i`` (cycling through ``files``, a new id on each round) into ``folder``."""
    tag, src = files[i % len(files)]
    dest = folder / f"a{i:05d}_{tag}_r{i // len(files)}.txt"
    dest.write_bytes(src.read_bytes())
    return dest


def make_corpus(folder: Path, n: int, files: list[tuple[str, Path]]) -> list[Path]:
    """Copy ``n`` articles into ``folder`` as .txt with distinct ids; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [add_article(folder, i, files) for i in range(n)]


def similar_notes(n: int) -> list[str]:
    """Return ``n`` short meeting notes that differ in a few words; every tenth rewords the one before."""
    rng = random.Random(13)
    notes: list[str] = []
    for i in range(n):
        if i % 10 == 9:  # the same note with its last word changed: Jaccard 0.93, a duplicate
            notes.append(notes[-1].replace("next month.", "next week."))
            continue
        notes.append(
            f"Meeting note {i}\n\n"
            f"The {rng.choice(_BODIES)} met on {rng.choice(_DAYS)} and agreed to {rng.choice(_VERBS)} "
            f"the {rng.choice(_OBJECTS)} budget by {rng.randint(1, 9)} percent.\n\n"
            f"The chair, {rng.choice(_NAMES)}, said the decision would be reviewed next month.\n"
        )
    return notes


def make_similar(folder: Path, n: int) -> None:
    """Write ``n`` similar short notes into ``folder`` as .txt files."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(similar_notes(n)):
        (folder / f"note{i:05d}.txt").write_text(text, encoding="utf-8")


def write_config(root: Path) -> Path:
    """Write a config with generic themes and weekly.yaml's audiences; return its path."""
    audiences = weekly_audiences()
    for audience in audiences.values():
        if audience.get("themes") != "all":
            audience["themes"] = ["economy", "politics"]  # a desk that follows two themes
    config = {
        "title": "Scale bench",
        "organisation": "Bench desk",
        "as_of": "2016-12-01",
        "sources": ["src/*.txt"],
        "templates": "templates",  # a copy: the bench changes a template to time a rebuild after it
        "out": "out",
        "themes": generic_themes(THEMES),
        "audiences": audiences,
    }
    shutil.rmtree(root / "templates", ignore_errors=True)
    shutil.copytree(REPO / "templates", root / "templates")
    return write_yaml(root / "bench.yaml", config)


def run_build(config: Path, cache: Path, jobs: int, code: Path) -> dict:
    """Return the build's report, wall time and peak RSS, measured in a fresh process running ``code``."""
    clock = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(config), str(cache), str(jobs), str(code)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    wall = time.perf_counter() - clock
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


def child(config: str, cache: str, jobs: int, code: str) -> None:
    """Run one build in this process and print its report as one JSON line."""
    sys.path.insert(0, code)
    from briefgen.pipeline import build

    report = build(config, jobs=jobs, cache_dir=cache)
    # A brief's source notes list the copies left out (the Markdown of any brief that has notes).
    duplicates = max(
        (
            p.read_text(encoding="utf-8").count("the same article as")
            for p, _ in report.written
            if p.suffix == ".md"
        ),
        default=-1,
    )
    print(
        json.dumps(
            {
                "timings": report.timings,
                "worker_seconds": report.worker_seconds,
                "sources": report.sources,
                "skipped": len(report.skipped),
                "from_cache": report.from_cache,
                "files": len(report.written),
                "bytes": sum(size for _, size in report.written),
                "largest": max((size for _, size in report.written), default=0),
                "duplicates": duplicates,
                # ru_maxrss is in KiB on Linux; CHILDREN is the largest pool worker, already joined.
                "rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "rss_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )
    from briefgen.lifetime import finish

    finish(0)  # as `briefgen build` ends: the week's objects are left to the OS, not freed one by one


class _Tokenizer:
    """sumy's tokenizer protocol over briefgen's segmenter (sumy's own needs NLTK data we cannot fetch)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        from briefgen.analysis.segment import split_text

        return split_text(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return [w for w in (t.strip(".,;:!?\"'()[]\u201c\u201d\u2018\u2019") for t in sentence.split()) if w]


def time_lexrank(paths: list[Path]) -> float:
    """Return the seconds sumy's LexRank takes to summarise each article to 3 sentences, one by one."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = _Tokenizer()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    clock = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        summarizer(PlaintextParser.from_string(text, tokenizer).document, 3)
    return time.perf_counter() - clock


def preview_child(config: str, cache: str, code: str) -> None:
    """Time the review page's refresh after an edit: write the edit, compose and render the analysts' HTML."""
    sys.path.insert(0, code)
    from briefgen.review import open_session

    session = open_session(config, cache_dir=cache)
    times = []
    for i in range(3):
        clock = time.perf_counter()
        session.act({"action": "note", "text": f"Preview check {i}."})
        session.preview("analysts")
        times.append(time.perf_counter() - clock)
    print(json.dumps({"preview": statistics.median(times)}))


def run_preview(config: Path, cache: Path, code: Path) -> float:
    """Return the median seconds of an edit's preview refresh, in a fresh process."""
    proc = subprocess.run(
        [sys.executable, __file__, "--preview", str(config), str(cache), str(code)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if proc.returncode != 0:
        raise SystemExit(f"preview failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return float(json.loads(proc.stdout.strip().splitlines()[-1])["preview"])


def edited_rebuilds(root: Path, config: Path, jobs: int, code: Path, r: dict) -> None:
    """Time a build after an edit, after a template change, and the review page's refresh."""
    edits = root / "edits" / "2016-12-01.yaml"
    edits.parent.mkdir(exist_ok=True)
    # An edit for one audience first, from the cold build's state: its brief alone is composed and
    # rendered again, the others come from the cache. Then a note on every audience: all files again.
    one = next(iter(weekly_audiences()))
    edits.write_text(f"notes:\n  - text: Checked by the desk.\n    audiences: [{one}]\n", encoding="utf-8")
    r["after_one_edit"] = (one, run_build(config, root / "cache", jobs, code)["wall"])
    edits.write_text("notes:\n  - text: Checked by the desk.\n", encoding="utf-8")
    r["after_edit"] = run_build(config, root / "cache", jobs, code)["wall"]
    layout = root / "templates" / "press" / "brief.j2"
    layout.write_text(layout.read_text(encoding="utf-8") + "\nA line the desk added.\n", encoding="utf-8")
    r["after_template"] = run_build(config, root / "cache", jobs, code)["wall"]
    r["preview"] = run_preview(config, root / "cache", code)
    edits.unlink()


def main() -> int:
    if len(sys.argv) == 6 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
        return 0
    if len(sys.argv) == 5 and sys.argv[1] == "--preview":
        preview_child(sys.argv[2], sys.argv[3], sys.argv[4])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,5000", help="comma-separated numbers of articles (0: none)")
    ap.add_argument(
        "--similar", default="10000", help="comma-separated numbers of short similar notes (0: none)"
    )
    ap.add_argument("--jobs", type=int, default=None, help="build processes (default: one per CPU)")
    ap.add_argument("--no-lexrank", action="store_true", help="skip the LexRank baseline")
    ap.add_argument(
        "--repeat", type=int, default=5, help="rounds of a cold build and LexRank at 1,000 (median counts)"
    )
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temp folder)")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from briefgen.workers import default_jobs

    jobs = args.jobs or default_jobs()
    sizes = [int(s) for s in args.sizes.split(",") if int(s)]
    similar = [int(s) for s in args.similar.split(",") if int(s)]
    if sizes and not CORPORA.is_dir():
        print(f"skipped the articles: corpora not found at {CORPORA}")
        sizes = []
    files = corpus_files() if sizes else []
    base = args.keep or Path(tempfile.mkdtemp(prefix="briefgen-scale-"))
    rows: list[dict] = []
    similar_rows: list[dict] = []
    # A snapshot of the package: every size, cold and warm, runs the same code even while the tree
    # is being edited (an edit to the analysis code rightly empties the cache).
    code = base / "code"
    shutil.rmtree(code, ignore_errors=True)  # a kept folder holds an older snapshot
    shutil.copytree(REPO / "briefgen", code / "briefgen", ignore=shutil.ignore_patterns("__pycache__"))
    try:
        for n in sizes:
            root = base / f"n{n}"
            shutil.rmtree(root, ignore_errors=True)
            paths = make_corpus(root / "src", n, files)
            config = write_config(root)
            rounds = args.repeat if n == 1000 else 1
            builds, lexranks = [], []
            for _ in range(rounds):
                shutil.rmtree(root / "cache", ignore_errors=True)  # every round is a cold build
                builds.append(run_build(config, root / "cache", jobs, code))
                if not args.no_lexrank:
                    lexranks.append(time_lexrank(paths))
            r = sorted(builds, key=lambda b: b["wall"])[len(builds) // 2]  # the median build's stages
            r["n"] = n
            r["walls"] = [b["wall"] for b in builds]
            r["lexranks"] = lexranks
            r["lexrank"] = statistics.median(lexranks) if lexranks else None
            r["ratio"] = (
                statistics.median([w / x for w, x in zip(r["walls"], lexranks, strict=True)])
                if lexranks
                else None
            )
            if n == 1000 or n == sizes[0] and 1000 not in sizes:
                edited_rebuilds(root, config, jobs, code, r)
                # Warm rebuild: one more article, everything else from the cache.
                add_article(root / "src", n, files)
                warm = run_build(config, root / "cache", jobs, code)
                r["warm"] = warm["wall"]
                r["warm_from_cache"] = warm["from_cache"]
                r["warm_timings"] = warm["timings"]
            rows.append(r)
            print(f"done {n}: {r['wall']:.1f}s", file=sys.stderr, flush=True)
        for n in similar:
            root = base / f"similar{n}"
            shutil.rmtree(root, ignore_errors=True)
            make_similar(root / "src", n)
            r = run_build(write_config(root), root / "cache", jobs, code)
            r["n"] = n
            similar_rows.append(r)
            print(f"done {n} similar: {r['wall']:.1f}s", file=sys.stderr, flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    if rows:
        print(table(rows, jobs))
    if similar_rows:
        print(similar_table(similar_rows, jobs))
    return 0


def similar_table(rows: list[dict], jobs: int) -> str:
    """Return the similar-notes results as a markdown table."""
    lines = [
        f"### short similar notes ({dt.date.today().isoformat()}, {jobs} processes, all audiences and formats)",
        "",
        "| notes | wall s | read+analyse s | (Σ read / Σ analyse s) | cross-source s | compose s | render s "
        "| peak RSS main / worker MB | copies read once |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        t, w = r["timings"], r["worker_seconds"]
        lines.append(
            f"| {r['n']:,} | {r['wall']:.1f} | {t['read+analyse']:.1f} | {w['read']:.1f} / {w['analyse']:.1f} "
            f"| {t['cross-source']:.1f} "
            f"| {t['compose']:.1f} | {t['render']:.1f} | {r['rss_main']:.0f} / {r['rss_worker']:.0f} "
            f"| {r['duplicates']:,} of {r['n'] // 10:,} |"
        )
    lines += ["", "- target: 10,000 similar short files < 30 s and < 1 GB"]
    return "\n".join(lines)


def table(rows: list[dict], jobs: int) -> str:
    """Return the results as a markdown table with notes, for the README."""
    lines = [
        f"### briefgen at scale ({dt.date.today().isoformat()}, {jobs} processes, all audiences and formats)",
        "",
        "| articles | wall s | read+analyse s | (Σ read / Σ analyse s) | cross-source s | compose s | render s "
        "| write s | peak RSS main / worker MB | output | LexRank s | briefgen/LexRank |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        t, w = r["timings"], r["worker_seconds"]
        lex = r["lexrank"]
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "-"
        lines.append(
            f"| {r['n']:,} | {r['wall']:.1f} | {t['read+analyse']:.1f} | {w['read']:.1f} / {w['analyse']:.1f} "
            f"| {t['cross-source']:.1f} | {t['compose']:.1f} | {t['render']:.1f} | {t['write']:.1f} "
            f"| {r['rss_main']:.0f} / {r['rss_worker']:.0f} | {r['files']} files, {r['bytes'] / 1e6:.1f} MB "
            f"(largest {r['largest'] / 1e6:.1f} MB) | {'-' if lex is None else f'{lex:.1f}'} "
            f"| {ratio} |"
        )
    by_n = {r["n"]: r for r in rows}
    lines.append("")
    for r in rows:
        if len(r["walls"]) > 1 and r["lexranks"]:
            rounds = ", ".join(
                f"{w:.1f}/{x:.1f} s = {w / x:.2f}" for w, x in zip(r["walls"], r["lexranks"], strict=True)
            )
            lines.append(
                f"- {r['n']:,} articles, {len(r['walls'])} rounds of briefgen/LexRank: {rounds}; "
                f"median ratio {r['ratio']:.2f} (the table shows the median build and LexRank time)"
            )
        elif len(r["walls"]) > 1:
            walls = "/".join(f"{w:.1f}" for w in r["walls"])
            lines.append(f"- {r['n']:,} articles, {len(r['walls'])} cold builds: {walls} s")
    if 1000 in by_n and 5000 in by_n:
        lines.append(f"- 5,000 / 1,000 wall time: {by_n[5000]['wall'] / by_n[1000]['wall']:.2f}x")
    for r in rows:
        if "warm" in r:
            stages = ", ".join(f"{k} {v:.1f}s" for k, v in r["warm_timings"].items())
            lines.append(
                f"- warm rebuild at {r['n']:,} + 1 article: {r['warm']:.1f}s = {100 * r['warm'] / r['wall']:.0f}% "
                f"of the cold build ({r['warm_from_cache']:,} files from cache; {stages})"
            )
    for r in rows:
        if "after_edit" in r:
            one, after_one = r["after_one_edit"]
            lines.append(
                f"- at {r['n']:,} articles: build after an edit {r['after_edit']:.1f}s = "
                f"{100 * r['after_edit'] / r['wall']:.0f}% of the cold build (a note on every audience: "
                f"all {r['files']} files again; a note on {one} alone {after_one:.1f}s = "
                f"{100 * after_one / r['wall']:.0f}%), after a template change "
                f"{r['after_template']:.1f}s = {100 * r['after_template'] / r['wall']:.0f}%; the review page "
                f"refreshes after an edit in {r['preview']:.2f}s (targets: 15% and 1 s)"
            )
    lines.append(f"- targets: {TARGETS}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

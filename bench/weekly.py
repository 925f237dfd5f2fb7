"""Bench the weekly series: a year of PolNeAR reading, one brief a week, each knowing the weeks before it.

Usage: .venv/bin/python bench/weekly.py [--weeks N] [--rebuild-week K] [--keep DIR] [--developing N]

PolNeAR's `train` and `dev` articles (never `test`) carry their publication date in metadata.tsv. Each
week (as of a Saturday of 2016) gets a folder, in a temporary directory only, holding the articles
of the 14 days before it with their date, title and outlet as front matter: so each week's reading
overlaps the last, as a late-read article or a 14-day window would. Every week is built in date order
with one archive; then the bench reports:

- items marked new (new events, new voices, developing) whose text an earlier brief already showed;
- summary sentences (theme summaries, bottom line) the previous week's brief showed, shown again
  without the carried-over mark;
- the first "developing" items, printed with the earlier sentence, for a person to check (``--developing``);
- time per week and the archive's size;
- an early week rebuilt after the whole year: are its files byte-identical to its first build?
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefgen.pipeline import build  # noqa: E402

POLNEAR = REPO.parent / "shared" / "corpora" / "polnear"
WINDOW = 14
AUDIENCES = ("principals", "analysts")
THEMES = {
    "economy": ("Economy and trade", "economy jobs trade taxes tax wages Wall Street tariffs debt budget"),
    "immigration": ("Immigration", "immigration immigrants border wall deportation refugees illegal"),
    "security": ("Security and foreign policy", "ISIS terrorism terrorist Syria Russia military Iran attack"),
    "race": ("The race", "polls primary delegates convention nomination voters caucus debate nominee"),
    "investigations": ("Investigations", "emails FBI investigation scandal lawsuit server fraud Foundation"),
    "social": ("Social policy", "health care Obamacare abortion guns police Supreme Court"),
}


def articles() -> list[dict[str, str]]:
    """Return PolNeAR train and dev articles dated 2016, with their metadata, oldest first."""
    rows = []
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] in ("train", "dev") and row["publication_date"].startswith("2016"):
                path = POLNEAR / row["compartment"] / "text" / f"{row['filename']}.txt"
                if path.is_file():
                    rows.append({**row, "path": str(path)})
    return sorted(rows, key=lambda r: (r["publication_date"], r["filename"]))


def write_week(folder: Path, as_of: dt.date, rows: list[dict[str, str]]) -> int:
    """Write the week's articles (the 14 days up to ``as_of``) with front matter; return how many."""
    folder.mkdir(parents=True, exist_ok=True)
    start = as_of - dt.timedelta(days=WINDOW)
    n = 0
    for r in rows:
        date = dt.date.fromisoformat(r["publication_date"])
        if not start < date <= as_of:
            continue
        text = Path(r["path"]).read_text(encoding="utf-8")
        front = {"title": r["title"], "outlet": r["publisher"], "date": r["publication_date"]}
        body = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
        (folder / f"{r['filename'][:60]}.md").write_text(f"---\n{body}---\n{text}", encoding="utf-8")
        n += 1
    return n


def write_config(root: Path, week: str) -> Path:
    """Write the week's config (sources: that week's folder) beside a shared archive; return its path."""
    weekly = yaml.safe_load((REPO / "configs" / "weekly.yaml").read_text(encoding="utf-8"))
    config = {
        "title": "Campaign Weekly",
        "organisation": "Bench desk",
        "sources": [f"weeks/{week}/*.md"],
        "templates": str(REPO / "templates"),
        "out": f"out/{week}",
        "window_days": WINDOW,
        "archive": "archive.sqlite",
        "themes": {k: {"title": t, "keywords": kw.split()} for k, (t, kw) in THEMES.items()},
        "audiences": {a: weekly["audiences"][a] for a in AUDIENCES},
    }
    path = root / f"week-{week}.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def shown(brief: dict) -> set[str]:
    """Return every text a brief's JSON shows: summaries, bottom line, quotes, events, changes."""
    texts = {e["text"] for t in brief["themes"] for e in t["summary"]}
    texts |= {e["text"] for e in brief["bluf"]} | {q["text"] for q in brief["quotes"]}
    texts |= {e["text"] for e in brief["events"]}
    ch = brief.get("changes") or {}
    for key in ("new_events", "new_voices", "developing"):
        texts |= {i["text"] for i in ch.get(key, [])}
    return texts


def summary(brief: dict) -> list[tuple[str, str]]:
    """Return (id, text) of the brief's summary sentences: theme summaries and bottom line."""
    return [(e["id"], e["text"]) for t in brief["themes"] for e in t["summary"]] + [
        (e["id"], e["text"]) for e in brief["bluf"]
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weeks", type=int, default=0, help="build only the first N weeks (0: all)")
    ap.add_argument("--rebuild-week", type=int, default=3, help="which week to rebuild at the end (1-based)")
    ap.add_argument("--developing", type=int, default=20, help="how many developing items to print")
    ap.add_argument("--keep", type=Path, help="build here and keep it (default: a temporary folder)")
    args = ap.parse_args()
    if not (POLNEAR / "metadata.tsv").is_file():
        print(f"skipped: PolNeAR not found at {POLNEAR}")
        return 0
    rows = articles()
    root = args.keep or Path(tempfile.mkdtemp(prefix="briefgen-weekly-"))
    root.mkdir(parents=True, exist_ok=True)
    first = dt.date(2016, 1, 2)  # the first Saturday of 2016
    last = max(dt.date.fromisoformat(r["publication_date"]) for r in rows) + dt.timedelta(days=6)
    weeks = []
    day = first
    while day <= min(last, dt.date(2016, 12, 31)):
        weeks.append(day)
        day += dt.timedelta(days=7)
    if args.weeks:
        weeks = weeks[: args.weeks]
    built: list[str] = []
    seconds: list[float] = []
    empty = 0
    for as_of in weeks:
        week = as_of.isoformat()
        if write_week(root / "weeks" / week, as_of, rows) == 0:
            empty += 1
            continue
        config = write_config(root, week)
        clock = time.perf_counter()
        build(config, as_of=week, jobs=1)
        seconds.append(time.perf_counter() - clock)
        built.append(week)
    archive = root / "archive.sqlite"
    print(f"weeks built: {len(built)} ({built[0]} to {built[-1]}); {empty} week(s) without articles skipped")
    print(f"articles: {len(rows)} (PolNeAR train+dev, 2016), window {WINDOW} days")
    print(
        f"time per week: median {statistics.median(seconds):.2f}s, max {max(seconds):.2f}s, "
        f"total {sum(seconds):.0f}s"
    )
    print(f"archive size after the year: {archive.stat().st_size / 1024:.0f} KB")

    developing: list[tuple[str, str, dict]] = []
    for audience in AUDIENCES:
        earlier: set[str] = set()
        previous: list[tuple[str, str]] = []
        false_new = repeated = carried = 0
        for week in built:
            brief = json.loads((root / "out" / week / f"{week}-{audience}.json").read_text(encoding="utf-8"))
            ch = brief["changes"]
            news = [*ch["new_events"], *ch["new_voices"], *ch["developing"]]
            false_new += sum(1 for item in news if item["text"] in earlier)
            marked = {c["id"] for c in ch["carried_over"]}
            before = {t for _, t in previous}
            for sid, text in summary(brief):
                if text in before:
                    carried += sid in marked
                    repeated += sid not in marked
            developing += [(audience, week, d) for d in ch["developing"]]
            earlier |= shown(brief)
            previous = summary(brief)
        print(
            f"{audience}: items marked new already shown earlier: {false_new} (target 0); "
            f"summary sentences repeated from the previous week without the mark: {repeated} (target 0); "
            f"repeated with the mark: {carried}"
        )
    print(
        f"developing items: {len(developing)}; {min(args.developing, len(developing))} printed for checking"
    )
    for audience, week, d in developing[: args.developing]:  # principals' first, then analysts', by week
        print(f"- [{audience} {week}] NEW: {d['text']}\n    EARLIER ({d['last_briefed']}): {d['earlier']}")

    k = min(max(args.rebuild_week, 1), len(built)) - 1
    week = built[k]
    saved = root / "first-build"
    shutil.copytree(root / "out" / week, saved / week, dirs_exist_ok=True)
    build(root / f"week-{week}.yaml", as_of=week, jobs=1)
    names = sorted(p.name for p in (saved / week).iterdir())
    same = [n for n in names if (saved / week / n).read_bytes() == (root / "out" / week / n).read_bytes()]
    print(
        f"rebuild of week {k + 1} ({week}) after all {len(built)} weeks: {len(same)}/{len(names)} files byte-identical"
    )
    if args.keep is None:
        shutil.rmtree(root)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Audit the bottom line against the week's developments a reader would put first (issue 20).

Usage: .venv/bin/python bench/stories_audit.py [--code DIR] [--weeks a,b] [--show]

For each audited week of allowed material (PolNeAR train/dev weeks by publication date, MultiLing
topics other than M002, BBC sport/entertainment batches) it copies the articles into a temporary
folder only (with their date and outlet as front matter), builds the principals' and analysts'
briefs with the package in ``--code`` (default: this checkout; give an export of an older commit,
``git archive COMMIT briefgen templates | tar -x -C DIR``, to measure the code before a change), and prints the bottom line with its cites, the key judgements
and the analysts' story list.

``bench/audit/stories_expected.md`` lists, per week, the developments a reader would put first,
written before looking at any output, each with keys: a development counts as carried by a
bottom-line item when every word of one of its keys occurs in the item (case-insensitive). The
table gives the share of listed developments the bottom line carries and the share of bottom-line
items that are one of them. Whether an item is a detail, a quote or background is judged by reading
the printed items (``--show``), not computed. The analysts' bottom line (five items) is measured
against all listed developments; the principals' (three) against as many as it has places for.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from allowed import CORPORA, HELD_OUT, REPO, generic_themes, weekly_audiences, write_yaml

EXPECTED = REPO / "bench" / "audit" / "stories_expected.md"
THEMES = {
    "campaign": (
        "Elections and campaigns",
        "election campaign primary candidate vote voters poll polls delegates",
    ),
    "government": ("Government and policy", "government president congress senate law policy court minister"),
    "security": ("Security and disasters", "attack police military crash search rescue investigation killed"),
    "economy": ("Economy", "economy growth trade market jobs tax budget money funds"),
    "sport": ("Sport", "match game team season players championship coach cup win league race"),
    "culture": ("Culture", "film music award show star album actor festival"),
}
# Week id -> how to gather it. Only allowed material: PolNeAR train/dev, MultiLing other than M002,
# BBC sport and entertainment.
WEEKS: dict[str, dict[str, str]] = {
    "polnear-2016-w06": {"kind": "polnear", "start": "2016-02-08", "end": "2016-02-14"},
    "polnear-2016-w23": {"kind": "polnear", "start": "2016-06-06", "end": "2016-06-12"},
    "polnear-2016-w10": {"kind": "polnear", "start": "2016-03-07", "end": "2016-03-13"},
    "multiling-m008": {"kind": "multiling", "topic": "M008", "start": "2009-06-01", "end": "2009-06-08"},
    "multiling-m004": {"kind": "multiling", "topic": "M004", "start": "2007-12-10", "end": "2007-12-17"},
    "bbc-sport-001-020": {
        "kind": "bbc",
        "category": "sport",
        "first": "1",
        "last": "20",
        "end": "2005-02-20",
    },
}


def _front(title: str, date: str | None, outlet: str | None) -> str:
    meta = {"title": title, "date": date, "outlet": outlet}
    return "---\n" + yaml.safe_dump({k: v for k, v in meta.items() if v}, allow_unicode=True) + "---\n"


def gather(week: dict[str, str], folder: Path) -> None:
    """Copy the week's articles into ``folder`` with front matter (never into the repository)."""
    folder.mkdir(parents=True)
    kind = week["kind"]
    if kind == "polnear":
        with open(CORPORA / "polnear" / "metadata.tsv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row["compartment"] not in ("train", "dev"):
                    continue  # test is held out
                if not week["start"] <= row["publication_date"] <= week["end"]:
                    continue
                path = CORPORA / "polnear" / row["compartment"] / "text" / (row["filename"] + ".txt")
                text = path.read_text(encoding="utf-8")
                front = _front(row["title"], row["publication_date"], row["publisher"])
                (folder / path.name).write_text(front + text, encoding="utf-8")
    elif kind == "multiling":
        assert week["topic"] not in HELD_OUT
        for line in (CORPORA / "multiling2011-en" / "topics.jsonl").read_text(encoding="utf-8").splitlines():
            topic = json.loads(line)
            if topic["id"] != week["topic"]:
                continue
            for doc in topic["documents"]:
                if doc["date"] and week["start"] <= doc["date"] <= week["end"]:
                    body = doc["text"][doc["body_offset"] :]
                    front = _front(doc["title"], doc["date"], "Wikinews")
                    (folder / (doc["file"] + ".txt")).write_text(front + body, encoding="utf-8")
    else:
        assert week["category"] not in HELD_OUT
        for n in range(int(week["first"]), int(week["last"]) + 1):
            path = CORPORA / "bbc-news-summary" / "articles" / week["category"] / f"{n:03d}.txt"
            title, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n")
            text = _front(title.strip(), None, "BBC") + body
            (folder / f"bbc-{week['category']}-{n:03d}.txt").write_text(text, encoding="utf-8")


def write_config(root: Path, as_of: str, templates: Path = REPO / "templates") -> Path:
    weekly = weekly_audiences()
    audiences = {k: weekly[k] for k in ("principals", "analysts")}
    for audience in audiences.values():
        audience["themes"] = "all"
        audience["formats"] = ["json", "md"]
    config = {
        "title": "Stories audit",
        "organisation": "Bench desk",
        "as_of": as_of,
        "sources": ["src/*.txt"],
        "templates": str(templates),
        "out": "out",
        "themes": generic_themes(THEMES),
        "audiences": audiences,
    }
    return write_yaml(root / "audit.yaml", config)


def build(config: Path, code: Path) -> None:
    prog = f"import sys; sys.path.insert(0, {str(code)!r}); from briefgen.cli import main; sys.exit(main())"
    cmd = [sys.executable, "-c", prog, "--quiet", "build", str(config), "--no-cache", "--jobs", "1"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"build failed ({proc.returncode}): {proc.stderr[-2000:]}")


def expected() -> dict[str, list[tuple[str, list[list[str]]]]]:
    """Return week id -> [(development, keys)] from the expectations file."""
    out: dict[str, list[tuple[str, list[list[str]]]]] = {}
    week = None
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^## (\S+)", line):
            week = m.group(1)
            out[week] = []
        elif week and (m := re.match(r"^\d+\. (.+?)\s*\[keys: (.+)\]\s*$", line)):
            keys = [k.split() for k in m.group(2).split("|")]
            out[week].append((m.group(1), keys))
    return out


def carries(text: str, keys: list[list[str]]) -> bool:
    low = text.lower()
    return any(all(w.lower() in low for w in key) for key in keys)


def matched(items: list[str], devs: list[tuple[str, list[list[str]]]]) -> int:
    """Return how many developments the items carry, one development per item at most (a maximum
    matching): an item naming two developments does not count twice, so no share exceeds 100%."""
    owner: dict[int, int] = {}  # development -> item carrying it

    def place(i: int, seen: set[int]) -> bool:
        for d, (_, keys) in enumerate(devs):
            if d in seen or not carries(items[i], keys):
                continue
            seen.add(d)
            if d not in owner or place(owner[d], seen):
                owner[d] = i
                return True
        return False

    return sum(place(i, set()) for i in range(len(items)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--code", type=Path, default=REPO, help="folder holding the briefgen package to audit")
    ap.add_argument("--weeks", default=",".join(WEEKS), help="comma-separated week ids")
    ap.add_argument("--show", action="store_true", help="print the bottom lines, judgements and stories")
    args = ap.parse_args()
    if not CORPORA.is_dir():
        print(f"skipped: corpora not found at {CORPORA}")
        return 0
    wanted = expected() if EXPECTED.is_file() else {}
    rows = []
    for wid in args.weeks.split(","):
        week = WEEKS[wid]
        with tempfile.TemporaryDirectory(prefix="briefgen-stories-") as tmp:
            root = Path(tmp)
            gather(week, root / "src")
            # The code under test brings its own templates when it has them (an older export).
            own = args.code.resolve() / "templates"
            config = write_config(root, week["end"], own if own.is_dir() else REPO / "templates")
            build(config, args.code.resolve())
            principals = json.loads(
                next((root / "out").glob("*-principals.json")).read_text(encoding="utf-8")
            )
            analysts = json.loads(next((root / "out").glob("*-analysts.json")).read_text(encoding="utf-8"))
            md = next((root / "out").glob("*-principals.md")).read_text(encoding="utf-8")
        labels = {s["id"]: s["label"] for s in analysts.get("stories", [])}
        if args.show:
            print(f"\n=== {wid} (as of {week['end']})")
            for name, brief in (("analysts", analysts), ("principals", principals)):
                print(f"Bottom line ({name}):")
                for i, item in enumerate(brief["bluf"], 1):
                    cites = ", ".join(f"{c['source']}:{c['paragraph']}" for c in item["cites"])
                    story = item.get("story")
                    tail = f"  <{labels.get(story, story)}>" if story else ""
                    print(f"  {i}. {item['text']}  [{cites}]{tail}")
            judgements = re.search(r"## Key judgements\n(.*?)(?:\n## |\Z)", md, re.S)
            if judgements:
                print("Key judgements (principals' markdown):")
                print("  " + judgements.group(1).strip().replace("\n", "\n  "))
            if analysts.get("stories"):
                print("Stories (analysts):")
                for s in analysts["stories"][:10]:
                    print(f"  - {s['label']} ({len(s['sources'])} sources, {', '.join(s['dates'])})")
        devs = wanted.get(wid, [])
        for name, brief in (("analysts", analysts), ("principals", principals)):
            bluf = brief["bluf"]
            hit = matched([b["text"] for b in bluf], devs)
            on_list = sum(1 for b in bluf if any(carries(b["text"], keys) for _, keys in devs))
            # A bottom line of three can carry at most three of five developments.
            places = min(len(devs), len(bluf)) if bluf else len(devs)
            rows.append((f"{wid} {name}", places, hit, len(bluf), on_list, len(devs)))
    print(
        f"\n{'week and brief':<32} {'carried / places':>18} {'items among them':>18} {'carried / listed':>18}"
    )
    for wid, n_dev, hit, n_items, on, listed in rows:
        share = f"{hit}/{n_dev} ({hit / n_dev:.0%})" if n_dev else "-"
        among = f"{on}/{n_items} ({on / n_items:.0%})" if n_items else "-"
        raw = f"{hit}/{listed} ({hit / listed:.0%})" if listed else "-"
        print(f"{wid:<32} {share:>18} {among:>18} {raw:>18}")
    for name in ("analysts", "principals"):
        mine = [r for r in rows if r[0].endswith(name)]
        tot_dev, tot_hit = sum(r[1] for r in mine), sum(r[2] for r in mine)
        tot_items, tot_on = sum(r[3] for r in mine), sum(r[4] for r in mine)
        tot_listed = sum(r[5] for r in mine)
        if tot_dev and tot_items:
            a = f"{tot_hit}/{tot_dev} ({tot_hit / tot_dev:.0%})"
            b = f"{tot_on}/{tot_items} ({tot_on / tot_items:.0%})"
            c = f"{tot_hit}/{tot_listed} ({tot_hit / tot_listed:.0%})"
            print(f"{'all ' + name:<32} {a:>18} {b:>18} {c:>18}")
    print(f"(run {dt.date.today()}, code from {args.code})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

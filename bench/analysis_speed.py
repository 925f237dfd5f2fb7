"""Time the entity, date/event and source-note steps of analysis, per source and across sources.

Usage: .venv/bin/python bench/analysis_speed.py [FOLDER] [--n 1000] [--repeat 3] [--dump FILE]
       [--compare FILE] [--inputs FILE] [--profile] [--aliases]

FOLDER holds .txt (or other readable) articles; without it, N articles are copied from
/work/shared/corpora into a temporary folder, as bench/scale.py does. ``--inputs`` pins the inputs
(sources, sentences, quotes) in a pickle so results stay comparable while other stages change;
``--dump`` pickles every result, ``--compare`` checks a run against such a dump. Times are CPU
seconds of this process (best of ``--repeat``), which other work on a shared machine disturbs less.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import io
import pickle
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from briefgen.analysis import analyse_source  # noqa: E402
from briefgen.analysis.entities import find_entities, scan_source  # noqa: E402
from briefgen.analysis.events import date_source, find_events  # noqa: E402
from briefgen.analysis.notes import source_facts, source_notes  # noqa: E402
from briefgen.analysis.segment import split_sentences  # noqa: E402
from briefgen.ingest import read_file  # noqa: E402
from briefgen.model import Quote, Sentence, Source  # noqa: E402

MAX_BYTES = 5_000_000
CORPORA_HINT = REPO.parent / "shared" / "corpora"
ALIASES = (
    ("Alexander Lukashenko", ("Lukashenka", "Alyaksandr Lukashenka", "Лукашенко")),
    ("Sviatlana Tsikhanouskaya", ("Tsikhanouskaya", "Svetlana Tikhanovskaya")),
)

Inputs = tuple[tuple[Source, ...], dict[str, tuple[Sentence, ...]], tuple[Quote, ...]]


def read_folder(folder: Path, n: int) -> list[Source]:
    """Return the sources of the first ``n`` files of ``folder`` in name order."""
    out: list[Source] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file())[:n]:
        sources, _ = read_file(path, MAX_BYTES)
        out += sources
    return out


def load_inputs(args: argparse.Namespace) -> Inputs:
    """Return the sources, their sentences and quotes: from ``--inputs`` when it exists, else computed."""
    if args.inputs and args.inputs.exists():
        with args.inputs.open("rb") as f:
            inputs: Inputs = pickle.load(f)
        return inputs
    if args.folder:
        sources = read_folder(args.folder, args.n)
    else:
        from scale import corpus_files, make_corpus

        files = corpus_files()
        if not files:
            print(f"skipped: no corpora under {CORPORA_HINT}; give a folder of articles")
            raise SystemExit(0)
        with tempfile.TemporaryDirectory() as tmp:
            make_corpus(Path(tmp), args.n, files)
            sources = read_folder(Path(tmp), args.n)
    parts = [analyse_source(s) for s in sources]
    inputs = (
        tuple(p.source for p in parts),
        {p.source.id: p.sentences for p in parts},
        tuple(q for p in parts for q in p.quotes),
    )
    if args.inputs:
        with args.inputs.open("wb") as f:
            pickle.dump(inputs, f)
    return inputs


def per_source(inputs: Inputs, timings: dict[str, float]) -> dict[str, dict[str, Any]]:
    """Return each source's three halves, adding each step's time to ``timings``."""
    sources, sentences, _ = inputs
    halves: dict[str, dict[str, Any]] = {"names": {}, "dates": {}, "facts": {}}
    for s in sources:
        split_sentences(s)  # as in analyse_source: warms the paragraph-split cache the steps share
        t = time.process_time()
        halves["names"][s.id] = scan_source(s)
        t2 = time.process_time()
        halves["dates"][s.id] = date_source(s, sentences[s.id])
        t3 = time.process_time()
        halves["facts"][s.id] = source_facts(s)
        t4 = time.process_time()
        timings["scan_source"] += t2 - t
        timings["date_source"] += t3 - t2
        timings["source_facts"] += t4 - t3
    return halves


def cross_source(
    inputs: Inputs, halves: dict[str, dict[str, Any]], as_of: str, aliases: Any, timings: dict[str, float]
) -> dict[str, Any]:
    """Return the cross-source entities, events and notes, adding each step's time to ``timings``."""
    sources, sentences, quotes = inputs
    t = time.process_time()
    entities = find_entities(sources, quotes, aliases=aliases, names=halves["names"])
    t2 = time.process_time()
    events = find_events(sources, sentences, as_of=as_of, dates=halves["dates"])
    t3 = time.process_time()
    notes = source_notes(sources, quotes, entities, halves["facts"])
    t4 = time.process_time()
    timings["find_entities"] += t2 - t
    timings["find_events"] += t3 - t2
    timings["source_notes"] += t4 - t3
    return {"entities": entities, "events": events, "notes": notes}


def best_of(repeat: int, run: Callable[[dict[str, float]], Any]) -> tuple[Any, dict[str, float]]:
    """Return the last result of ``run`` and each step's best time over ``repeat`` runs."""
    best: dict[str, float] = {}
    result = None
    for _ in range(repeat):
        timings: dict[str, float] = dict.fromkeys(
            ("scan_source", "date_source", "source_facts", "find_entities", "find_events", "source_notes"),
            0.0,
        )
        result = run(timings)
        for k, v in timings.items():
            if v:
                best[k] = min(best.get(k, v), v)
    return result, best


class _Gone:
    """Stands for an object of a class that no longer exists (a per-source half that changed shape)."""

    def __setstate__(self, state: object) -> None:
        self.state = state


class _Lenient(pickle.Unpickler):
    """Unpickle an older dump: classes since removed become ``_Gone``."""

    def find_class(self, module: str, name: str) -> Any:
        try:
            return super().find_class(module, name)
        except AttributeError:
            return type(name, (_Gone,), {})


def _compare_halves(old: dict[str, Any], new: dict[str, Any]) -> str:
    """Return how per-source halves compare: equal, equal in the fields both have, or different."""
    if old.keys() != new.keys():
        return "DIFFERENT sources"
    shared = True
    for sid, half in new.items():
        before = old[sid]
        items = getattr(before, "items", ())
        if isinstance(before, _Gone) or (
            isinstance(items, tuple) and any(isinstance(x, _Gone) for x in items)
        ):
            return "not comparable (the half changed shape)"
        names = [f.name for f in dataclasses.fields(half)]
        kept = [n for n in names if hasattr(before, n)]
        shared &= kept == names
        if any(getattr(before, n) != getattr(half, n) for n in kept):
            return "DIFFERENT"
    return "equal" if shared else "equal in the fields both have (new fields added)"


def compare(dump: dict[str, Any], path: Path) -> bool:
    """Print which results differ from the dump at ``path``; return whether all are equal."""
    with path.open("rb") as f:
        old = _Lenient(f).load()
    same = True
    for key in ("entities", "events", "notes"):
        ok = old[key] == dump[key]
        same &= ok
        print(f"  {key:10s} {'equal' if ok else 'DIFFERENT'} ({len(dump[key])} vs {len(old[key])})")
    for key in ("names", "dates", "facts"):
        print(f"  {key:10s} halves {_compare_halves(old[key], dump[key])}")
    return same


def main() -> int:
    """Run the bench; return the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, nargs="?", help="folder of articles (default: copy from corpora)")
    ap.add_argument("--n", type=int, default=1000, help="number of articles")
    ap.add_argument("--repeat", type=int, default=3, help="runs; best time per step is shown")
    ap.add_argument("--as-of", default="2016-12-01", help="the brief's date, for undated sources")
    ap.add_argument("--aliases", action="store_true", help="use configs/weekly.yaml's aliases")
    ap.add_argument(
        "--inputs", type=Path, help="pickle of (sources, sentences, quotes): read if present, else written"
    )
    ap.add_argument("--dump", type=Path, help="pickle every result here")
    ap.add_argument("--compare", type=Path, help="compare results with this earlier dump")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one run, by tottime")
    args = ap.parse_args()
    inputs = load_inputs(args)
    sources = inputs[0]
    aliases = ALIASES if args.aliases else ()

    def run(timings: dict[str, float]) -> dict[str, Any]:
        halves = per_source(inputs, timings)
        return {**halves, **cross_source(inputs, halves, args.as_of, aliases, timings)}

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        run(
            dict.fromkeys(("scan_source", "date_source", "source_facts"), 0.0)
            | {"find_entities": 0.0, "find_events": 0.0, "source_notes": 0.0}
        )
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(35)
        print(out.getvalue())
    result, best = best_of(args.repeat, run)
    n = len(sources)
    print(f"{n} sources, best of {args.repeat}")
    for step, secs in best.items():
        print(f"  {step:14s} {secs:7.3f} s  {1000 * secs / max(1, n):7.3f} ms/article")
    per = sum(best[k] for k in ("scan_source", "date_source", "source_facts"))
    cross = sum(best[k] for k in ("find_entities", "find_events", "source_notes"))
    print(
        f"  per-source total {per:.3f} s ({1000 * per / max(1, n):.3f} ms/article); cross-source {cross:.3f} s"
    )
    if args.dump:
        with args.dump.open("wb") as f:
            pickle.dump(result, f)
    if args.compare:
        return 0 if compare(result, args.compare) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

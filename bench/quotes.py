"""Benchmark quote finding and speaker attribution on PolNeAR (research/evaluation use only).

Usage: ``python bench/quotes.py [--split train|dev|test] [--show N] [--context C]``; tune on train/dev,
score on test. ``--show N`` is the error-analysis mode: it prints N missed segments, false statements and
wrong speakers (article, prediction, gold source and cue, C characters of context with the gold segment in
``[[...]]``). It refuses to print test items, so the test split stays unread.

Data: ``shared/corpora/polnear/derived/attributions.jsonl`` and ``<split>/text/<article>.txt``. Where an
article has several annotators, only the first annotator in sorted order is used, so no article counts
twice. Each article becomes a Source whose paragraphs are its non-blank lines (text unchanged); a
paragraph offset plus the line's start offset gives the article offset, so predictions and gold are
compared in article character offsets.

Figures:

- **gold segments**: for every attribution whose ``quote_type`` is ``direct`` or ``mixed``, each content
  fragment is cut per line into the pieces between double quotation marks (“ ” or "): an opening mark
  starts a piece, the next mark ends it, a piece left open ends at the end of the line or fragment, and a
  closing mark with nothing open ends a piece that started at the fragment's start. Identical pieces
  from several attributions count once.
- **recall** = gold segments overlapped (at least one character in common) by any predicted quote,
  statement or phrase / gold segments.
- **precision** = predicted quotes of kind ``statement`` lying wholly inside some content fragment of any
  annotated attribution of the article (any ``quote_type``) / predicted statements. Phrases are not
  counted: they are kept in the output but are not claimed to be attributed remarks. A looser figure,
  statements that merely overlap a content fragment, is printed too. Transcript and Q&A turns (statements
  flagged ``transcript``: "TAPPER: ...", "A: ...") stand outside quotation marks, which is what PolNeAR's
  segments are made of, and its annotators left most of them unmarked; they are counted on a line of
  their own (how many, how many inside a content span), not in precision.
- **speaker accuracy** = over found gold segments whose attribution has a source span that is not a bare
  pronoun: the predicted quote with the largest overlap is right when its speaker's last word appears
  (case-insensitively, possessive dropped; inner apostrophes and hyphens kept: "O'Neill", "Ki-moon") among the words of the gold source span; with no speaker, when
  the last word of its ``speaker_role`` appears there. A label whose last word is a function word or not
  alphabetic ("the", "and", a stray mark) never matches. When the gold source is a description (it opens
  with a determiner or possessive pronoun and its head, the last word, is lower-case: "the candidate",
  "The Republican nominee", "the Vermont senator"), the nearest preceding gold source in the article that
  is not a pronoun also counts as a match, since a tool that resolves the description gives that name.
  Organisations and documents are matched the same way, by last word: gold "the Times" and predicted
  "The New York Times" agree ("times"), gold "a campaign ad" and predicted role "the ad" agree ("ad");
  gold "Clinton's campaign" and predicted "Hillary Clinton" also agree (the possessive is dropped), a
  known leniency. A quote with neither speaker nor role is wrong.
- Annotation slips: when a gold source span is itself a reporting verb ("said") and its cue span is not,
  the two were swapped by the annotator, and the cue span's text is used as the source.
- **pronoun speaker accuracy** (reported apart): the same test for found segments whose gold source is a
  bare pronoun, matched against the nearest preceding gold source span in the article that is not a
  pronoun.
- **shown in a brief** (``--brief``, train/dev only): the split's articles are analysed together and the
  ``analysts`` and ``press`` briefs are composed (nothing written; generic themes, weekly.yaml's audiences,
  as in ``bench/quotes_audit.py``). Each quote a brief shows is matched to the gold segment it overlaps
  most; its speaker is right by the same test as above (a pronoun source by the nearest named source
  before it). Shown quotes that overlap no gold segment are counted apart.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefgen.analysis.quotes import find_quotes  # noqa: E402
from briefgen.analysis.quotes.cues import CUE  # noqa: E402
from briefgen.model import Paragraph, Quote, Source  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "polnear"
sys.path.insert(0, str(Path(__file__).resolve().parent))
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "his", "their", "who", "that"}
FUNCTION_WORDS = {"the", "a", "an", "and", "or", "of", "in", "on", "to", "for", "that", "with", "by", "as"}
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "this", "that", "one", "another"}
MARK = re.compile(r"[\u201c\u201d\"]")


def load_gold(split: str) -> dict[str, list[dict]]:
    """Return the attributions of one split by article, first annotator only."""
    by_article: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    with open(CORPUS / "derived" / "attributions.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["split"] == split:
                by_article[rec["article"]][rec["annotator"]].append(rec)
    return {a: anns[sorted(anns)[0]] for a, anns in by_article.items()}


def build_source(article: str, text: str) -> tuple[Source, dict[int, int]]:
    """Return a Source of the article's non-blank lines and each paragraph's article offset."""
    paragraphs: list[Paragraph] = []
    offsets: dict[int, int] = {}
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            n = len(paragraphs) + 1
            paragraphs.append(Paragraph(n, line))
            offsets[n] = pos
        pos += len(line) + 1
    return Source(id=article, path=article, paragraphs=tuple(paragraphs)), offsets


def gold_segments(fragment: tuple[int, int, str]) -> list[tuple[int, int]]:
    """Return the quotation-mark-delimited pieces of one content fragment, in article offsets."""
    start, _, text = fragment
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        open_at = None
        marks = list(MARK.finditer(line))
        for m in marks:
            c = m.group(0)
            if open_at is None:
                if c == "\u201d" and pos + m.start() > 0 and not out:
                    out.append((start, start + pos + m.start()))
                elif c != "\u201d":
                    open_at = m.end()
            else:
                if m.start() > open_at:
                    out.append((start + pos + open_at, start + pos + m.start()))
                open_at = None
        if open_at is not None and len(line.rstrip()) > open_at:
            out.append((start + pos + open_at, start + pos + len(line.rstrip())))
        pos += len(line) + 1
    return [(s, e) for s, e in out if e > s]


def is_pronoun(span_text: str) -> bool:
    """Return whether a source span is a bare pronoun."""
    return span_text.strip().lower() in PRONOUNS


def words(s: str) -> set[str]:
    """Return the lower-cased words of a string, possessives dropped."""
    s = s.lower().replace("\u2019", "'")
    return {re.sub(r"'s?$", "", w) for w in re.findall(r"[\w'\-]+", s)}


def label_matches(q: Quote, gold_texts: list[str]) -> bool:
    """Return whether the predicted speaker (or role) names one of the gold source texts."""
    label = q.speaker or q.speaker_role
    if not label:
        return False
    last = re.sub(r"'s?$", "", label.split()[-1].lower().replace("\u2019", "'")).strip(".,")
    # Letters with inner apostrophes or hyphens ("o'neill", "ki-moon") are words too.
    if len(last) < 2 or not re.fullmatch(r"[^\W\d_]+(?:['\-][^\W\d_]+)*", last) or last in FUNCTION_WORDS:
        return False  # "the", "and" or a stray mark would match nearly any source
    return any(last in words(t) for t in gold_texts)


def is_description(span_text: str) -> bool:
    """Return whether a source span describes a person without naming them ("the Republican nominee")."""
    tokens = span_text.split()
    return len(tokens) >= 2 and tokens[0].lower() in DETERMINERS and tokens[-1][:1].islower()


def antecedents(named_before: list[str]) -> list[str]:
    """Return the gold sources a pronoun or description may stand for: the nearest one before it, and when
    that is itself a description ("the mayor"), also the nearest one before it that is a name."""
    out = named_before[-1:]
    if out and is_description(out[0]):
        out += [t for t in named_before if not is_description(t)][-1:]
    return out


def speaker_options(r: dict, recs: list[dict]) -> list[str] | None:
    """Return the gold texts a predicted speaker may name for attribution ``r``, or None without a source."""
    if not r.get("source"):
        return None
    src_text = " ".join(t for _, _, t in r["source"])
    cue_text = " ".join(t for _, _, t in r.get("cue") or [])
    if CUE.fullmatch(src_text.strip()) and cue_text and not CUE.fullmatch(cue_text.strip()):
        src_text = cue_text
    src_at = r["source"][0][0]
    named_before = [
        " ".join(t for _, _, t in x["source"])
        for x in sorted((x for x in recs if x.get("source")), key=lambda x: x["source"][0][0])
        if x["source"][0][0] < src_at and not is_pronoun(" ".join(t for _, _, t in x["source"]))
    ]
    if is_pronoun(src_text):
        return antecedents(named_before)
    if is_description(src_text) and named_before:
        return [src_text, *antecedents(named_before)]
    return [src_text]


def shown_in_brief(split: str, show: int) -> None:
    """Print the share of quotes shown in the split's analysts' and press briefs with the gold speaker."""
    from quotes_audit import build_briefs  # bench/ is on the path: the audit's in-memory build

    gold = load_gold(split)
    sources, offsets, texts = [], {}, {}
    for article in sorted(gold):
        text = (CORPUS / split / "text" / f"{article}.txt").read_text(encoding="utf-8")
        source, offsets[article] = build_source(article, text)
        sources.append(source)
        texts[article] = text
    segs: dict[str, list[tuple[int, int, dict]]] = {}
    for article, recs in gold.items():
        segs[article] = [
            (s, e, r)
            for r in recs
            if r["quote_type"] in ("direct", "mixed")
            for frag in r["content"]
            for s, e in gold_segments(tuple(frag))
        ]
    for audience, brief in build_briefs(sources, ("analysts", "press"), "2016-10-01").items():
        right = matched = 0
        wrong: list[str] = []
        for q in brief.quotes:
            article = q.cite.source
            base = offsets[article][q.cite.paragraph]
            ps, pe = base + q.start, base + q.end
            over = [(min(e, pe) - max(s, ps), r) for s, e, r in segs[article] if min(e, pe) > max(s, ps)]
            if not over:
                continue
            r = max(over, key=lambda o: o[0])[1]
            options = speaker_options(r, gold[article])
            if options is None:
                continue
            matched += 1
            if options and label_matches(q, options):
                right += 1
            else:
                wrong.append(
                    f"{article} \u00b6{q.cite.paragraph}: pred={q.speaker}/{q.speaker_role} gold={options}"
                )
        n = len(brief.quotes)
        print(
            f"brief {audience:9} {n} quotes shown, {matched} on an annotated quote with a source: "
            f"speaker right {100 * right / max(matched, 1):.1f}% ({right}/{matched}); {n - matched} not scored"
        )
        for row in wrong[:show]:
            print("    " + row)


def main() -> None:
    """Print recall, precision and speaker accuracy for one split."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test", "annotator-training"])
    ap.add_argument("--show", type=int, default=0, help="print this many misses of each kind")
    ap.add_argument("--context", type=int, default=200, help="characters of context before a wrong speaker")
    ap.add_argument("--brief", action="store_true", help="also score the quotes the split's briefs show")
    args = ap.parse_args()
    if args.split == "test" and args.show:
        print("--show is for train/dev only: test items stay unread; printing figures only")
        args.show = 0
    if not CORPUS.exists():
        print(f"PolNeAR not found at {CORPUS}; nothing to measure")
        return
    gold = load_gold(args.split)
    n_gold = n_found = n_pred = n_inside = n_overlap = n_turns = n_turns_inside = 0
    sp_total = sp_right = pr_total = pr_right = 0
    misses: list[str] = []
    false_pos: list[str] = []
    wrong_sp: list[str] = []
    wrong_pr: list[str] = []
    chars = 0
    elapsed = 0.0
    for article, recs in sorted(gold.items()):
        text = (CORPUS / args.split / "text" / f"{article}.txt").read_text(encoding="utf-8")
        chars += len(text)
        source, offsets = build_source(article, text)
        t0 = time.perf_counter()
        quotes = find_quotes(source)
        elapsed += time.perf_counter() - t0
        pred = [(offsets[q.cite.paragraph] + q.start, offsets[q.cite.paragraph] + q.end, q) for q in quotes]
        fragments = [(s, e) for r in recs for s, e, _ in r["content"]]
        sources_in_order = sorted(
            (r["source"][0][0], " ".join(t for _, _, t in r["source"])) for r in recs if r.get("source")
        )
        segs: dict[tuple[int, int], dict] = {}
        for r in recs:
            if r["quote_type"] in ("direct", "mixed"):
                for frag in r["content"]:
                    for seg in gold_segments(tuple(frag)):
                        segs.setdefault(seg, r)
        for (gs, ge), r in sorted(segs.items()):
            n_gold += 1
            over = [(min(ge, pe) - max(gs, ps), q) for ps, pe, q in pred if min(ge, pe) > max(gs, ps)]
            if not over:
                misses.append(f"{article}: {text[max(0, gs - 60) : ge + 30]!r}")
                continue
            n_found += 1
            q = max(over, key=lambda o: o[0])[1]
            if not r.get("source"):
                continue
            src_text = " ".join(t for _, _, t in r["source"])
            cue_text = " ".join(t for _, _, t in r.get("cue") or [])
            if CUE.fullmatch(src_text.strip()) and cue_text and not CUE.fullmatch(cue_text.strip()):
                src_text = cue_text  # source and cue spans swapped by the annotator ("said" as the source)
            src_at = r["source"][0][0]
            named_before = [t for at, t in sources_in_order if at < src_at and not is_pronoun(t)]
            if is_pronoun(src_text):
                pr_total += 1
                ok = bool(named_before) and label_matches(q, antecedents(named_before))
                pr_right += ok
                if not ok:
                    ctx = text[max(0, gs - args.context) : gs] + "[[" + text[gs:ge][:80] + "]]"
                    wrong_pr.append(
                        f"{article}\n    pred={q.speaker}/{q.speaker_role} cue={q.cue} gold={src_text!r}"
                        f" -> {antecedents(named_before)}\n    {ctx!r}"
                    )
                continue
            sp_total += 1
            options = [src_text]
            if is_description(src_text) and named_before:
                options.extend(antecedents(named_before))
            if label_matches(q, options):
                sp_right += 1
            else:
                ctx = (
                    text[max(0, gs - args.context) : gs] + "[[" + text[gs:ge][:80] + "]]" + text[ge : ge + 80]
                )
                wrong_sp.append(
                    f"{article}\n    pred={q.speaker}/{q.speaker_role} kind={q.kind} cue={q.cue} gold={src_text!r}"
                    f" gold_cue={' '.join(t for _, _, t in r.get('cue') or [])!r}"
                    f"\n    {ctx!r}"
                )
        for ps, pe, q in pred:
            if q.kind != "statement":
                continue
            if "transcript" in q.flags:
                n_turns += 1
                n_turns_inside += any(fs <= ps and pe <= fe for fs, fe in fragments)
                continue
            n_pred += 1
            if any(fs <= ps and pe <= fe for fs, fe in fragments):
                n_inside += 1
            elif any(min(fe, pe) > max(fs, ps) for fs, fe in fragments):
                n_overlap += 1
                false_pos.append(f"{article} [overlap]: {q.text[:120]!r}")
            else:
                false_pos.append(f"{article}: {q.text[:120]!r}")

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:.1f}%" if b else "n/a"

    print(f"PolNeAR split={args.split} articles={len(gold)} chars={chars}")
    print(f"recall     {pct(n_found, n_gold)}  ({n_found}/{n_gold} gold quoted segments overlapped)")
    print(
        f"precision  {pct(n_inside, n_pred)}  ({n_inside}/{n_pred} predicted statements inside a content span)"
    )
    print(f"  overlap  {pct(n_inside + n_overlap, n_pred)}  (inside or overlapping)")
    print(
        f"  turns    {n_turns} transcript/Q&A turns, {n_turns_inside} inside a content span (not in precision)"
    )
    print(
        f"speaker    {pct(sp_right, sp_total)}  ({sp_right}/{sp_total} found segments with a named/described source)"
    )
    print(
        f"pronoun    {pct(pr_right, pr_total)}  ({pr_right}/{pr_total} found segments with a pronoun source)"
    )
    print(f"speed      {chars / max(elapsed, 1e-9) / 1e6:.2f} M chars/s in find_quotes")
    for title, rows in (
        ("missed", misses),
        ("false statements", false_pos),
        ("wrong speaker", wrong_sp),
        ("wrong pronoun speaker", wrong_pr),
    ):
        if args.show:
            print(f"--- {title} ({len(rows)})")
            for row in rows[: args.show]:
                print("  " + row)
    if args.brief:
        if args.split == "test":
            print("--brief is for train/dev only: briefs are never built from test")
        else:
            shown_in_brief(args.split, args.show)


if __name__ == "__main__":
    main()

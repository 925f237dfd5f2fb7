"""Editor's audit: build briefs on allowed corpus weeks and list every summary item for a person to read.

    .venv/bin/python bench/editor_audit.py                  # build, write items to /tmp/editor_audit
    .venv/bin/python bench/editor_audit.py --out DIR        # somewhere else
    .venv/bin/python bench/editor_audit.py --score bench/audit/after.tsv   # the table of a classification

Domains (tuning material only; never PolNeAR test, BBC business/politics/tech or MultiLing M002):
a week of PolNeAR dev by publication date, a BBC sport batch, and two MultiLing topics (M001, M004).

For each domain it writes ``<domain>.items.txt``: every bottom-line, key-judgement and theme-summary
item of the principals' and analysts' briefs, with its cited paragraph and the paragraph before it,
and the principals' PDF to look at. ``items.tsv`` lists item ids only. A person reads the items and
writes ``id<TAB>class`` lines (OK, context, offtheme, firstperson, broken, duplicate) into
``bench/audit/``: ids and classes only, never corpus text.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from allowed import BBC_ARTICLES as BBC  # noqa: E402
from allowed import CORPORA, HELD_OUT_TOPICS, POLNEAR  # noqa: E402
from allowed import MULTILING_TOPICS as MULTILING  # noqa: E402

from briefgen.compose.week import compose_all  # noqa: E402
from briefgen.config import load_config  # noqa: E402
from briefgen.model import Brief, BulletList, Cite, Para, Source  # noqa: E402
from briefgen.pipeline import BuildReport, analyse_week, render_all  # noqa: E402
from briefgen.progress import Progress  # noqa: E402

CLASSES = ("OK", "context", "offtheme", "firstperson", "broken", "duplicate")

AUDIENCES = """
audiences:
  principals:
    template: principals
    formats: [pdf]
    max_bluf: 3
    max_judgements: 3
    max_quotes: 2
    max_words: 60
    one_page: true
  analysts:
    template: analysts
    formats: [pdf]
    max_words: 220
    max_quotes: 20
    max_events: 20
"""


@dataclass(frozen=True, slots=True)
class Domain:
    name: str
    title: str
    as_of: str
    themes: str  # YAML of the themes mapping, written for this audit


POLNEAR_WEEK = ("2016-09-22", "2016-09-28")
DOMAINS = (
    Domain(
        "polnear-dev-week",
        "US Campaign Weekly",
        "2016-09-28",
        """
  debate:
    title: "The first presidential debate"
    description: "Preparations for, conduct of and reactions to the first debate between the nominees."
    keywords: [debate, debates, moderator, Lester Holt, Hofstra, fact-check, fact-checking]
  clinton_emails:
    title: "Clinton's emails and investigations"
    description: "Congressional and FBI inquiries into Hillary Clinton's private email server and her aides."
    keywords: [email, emails, server, FBI, immunity, contempt, Pagliano, investigation, Oversight Committee]
  voters_polls:
    title: "Voters, polls and turnout"
    description: "Polling, voter groups such as Latino and black voters, turnout and voter rolls."
    keywords: [poll, polls, voters, turnout, Latino, Latinos, black voters, voter rolls, swing states]
  campaign_money:
    title: "Campaign money"
    description: "Super PACs, donors and fundraising in the presidential race."
    keywords: [super PAC, super PACs, donors, fundraising, money, million, contributions]
  policing_protest:
    title: "Policing and protest"
    description: "Police shootings, the Charlotte protests and the response of officials."
    keywords: [police, shooting, Charlotte, protests, protesters, officer, video, curfew]
  energy_climate:
    title: "Energy and climate policy"
    description: "Power plant rules, clean energy and climate policy in the campaign and the courts."
    keywords: [energy, clean energy, climate, power plant, emissions, Clean Power Plan, coal]
""",
    ),
    Domain(
        "bbc-sport-athletics",
        "Athletics Weekly",
        "2005-02-28",
        """
  doping:
    title: "Doping cases and bans"
    description: "Drug tests, hearings, suspensions and bans of athletes and the fight against doping."
    keywords: [drugs, doping, ban, banned, suspension, suspended, hearing, test, tests, BALCO, IAAF]
  records_results:
    title: "Records and results"
    description: "World records, personal bests and wins at indoor and outdoor meetings."
    keywords: [record, world record, best, win, won, victory, indoor, time, seconds]
  championships:
    title: "Championships and selection"
    description: "The European indoor championships, world championships and team selection."
    keywords: [championships, European, world championships, Madrid, Birmingham, selection, team, medal, gold]
  injuries_careers:
    title: "Injuries, comebacks and careers"
    description: "Injuries, returns to competition and retirements of athletes."
    keywords: [injury, injured, comeback, return, retire, retirement, career, fitness]
  business_governance:
    title: "Governing bodies and sponsorship"
    description: "UK Athletics, the IAAF and other bodies, their decisions, funding and kit deals."
    keywords: [UK Athletics, federation, sponsorship, kit deal, funding, governing body, chief executive]
""",
    ),
    Domain(
        "multiling-M001",
        "London Bombings Review",
        "2009-07-07",
        """
  investigation:
    title: "Police investigation"
    description: "Police searches, arrests, suspects and evidence about the bombers."
    keywords: [police, investigation, suspects, arrested, arrests, searched, raids, evidence, CCTV, footage]
  trials:
    title: "Trials and courts"
    description: "Court cases, charges and verdicts connected to the bombings and related plots."
    keywords: [court, trial, guilty, charged, jury, verdict, extradition, sentenced]
  victims_memorials:
    title: "Victims and memorials"
    description: "Victims, survivors, anniversaries and memorial services."
    keywords: [victims, survivors, memorial, anniversary, tributes, silence, killed, injured, families]
  inquiry_policy:
    title: "Inquiry and government response"
    description: "Calls for a public inquiry and the government's security policy after the attacks."
    keywords: [inquiry, public inquiry, government, Home Secretary, Prime Minister, security services, MI5]
""",
    ),
    Domain(
        "multiling-M004",
        "Climate Talks Weekly",
        "2007-12-17",
        """
  negotiations:
    title: "The Bali negotiations"
    description: "The UN climate conference in Bali, its negotiations and the roadmap agreed."
    keywords: [Bali, conference, negotiations, talks, roadmap, delegates, UNFCCC, agreement]
  emission_targets:
    title: "Emission targets"
    description: "Binding targets and cuts in greenhouse-gas emissions, and who should make them."
    keywords: [emissions, targets, greenhouse gas, cuts, binding, Kyoto, per cent, carbon]
  us_china_eu:
    title: "Positions of the US, China and the EU"
    description: "The stances of the United States, China, the European Union and developing countries."
    keywords: [United States, US, China, European Union, EU, developing countries, India, Al Gore]
  forests:
    title: "Forests and adaptation"
    description: "Deforestation, forest preservation and help for poor countries to adapt."
    keywords: [forest, forests, deforestation, rainforest, adaptation, fund, technology transfer]
""",
    ),
)


def _front(title: str | None, date: str | None, outlet: str | None) -> str:
    """Return a YAML front matter block."""
    lines = [f"{k}: {json.dumps(v)}" for k, v in (("title", title), ("date", date), ("outlet", outlet)) if v]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _polnear(folder: Path) -> int:
    """Write the PolNeAR dev articles of one week (by publication date) as sources; return how many."""
    n = 0
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            date = row["publication_date"]
            if row["compartment"] != "dev" or not POLNEAR_WEEK[0] <= date <= POLNEAR_WEEK[1]:
                continue
            text = (POLNEAR / "dev" / "text" / f"{row['filename']}.txt").read_text(encoding="utf-8")
            (folder / f"{row['filename']}.txt").write_text(_front(None, date, row["publisher"]) + text)
            n += 1
    return n


def _bbc_sport(folder: Path) -> int:
    """Write BBC sport articles 001-040 as sources, dated within one week (the corpus has no dates)."""
    for i in range(1, 41):
        text = (BBC / "sport" / f"{i:03d}.txt").read_text(encoding="utf-8", errors="replace")
        date = f"2005-02-{21 + i % 7:02d}"
        (folder / f"sport-{i:03d}.txt").write_text(_front(None, date, "BBC Sport") + text)
    return 40


def _multiling(folder: Path, topic: str) -> int:
    """Write one MultiLing topic's documents as sources (never a held-out topic)."""
    assert topic not in HELD_OUT_TOPICS, "held out for judging"
    with MULTILING.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] != topic:
                continue
            for doc in row["documents"]:
                body = doc["text"][doc.get("body_offset", 0) :] if doc.get("body_offset") else doc["text"]
                stem = Path(doc["file"]).stem
                (folder / f"{stem}.txt").write_text(_front(doc["title"], doc["date"], "Wikinews") + body)
            return len(row["documents"])
    return 0


def _write_sources(domain: Domain, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    if domain.name.startswith("polnear"):
        return _polnear(folder)
    if domain.name.startswith("bbc-sport"):
        return _bbc_sport(folder)
    return _multiling(folder, domain.name.split("-")[1])


def build_domain(domain: Domain, work: Path) -> tuple[list[Brief], dict[str, Source]]:
    """Return the principals' and analysts' briefs of one domain; write the principals' PDF."""
    folder = work / domain.name
    if folder.exists():
        shutil.rmtree(folder)
    _write_sources(domain, folder / "sources")
    config_text = (
        f'title: "{domain.title}"\nas_of: "{domain.as_of}"\nsources: [sources/*.txt]\n'
        f"templates: {ROOT / 'templates'}\nout: out\nthemes:{domain.themes}{AUDIENCES}"
    )
    (folder / "config.yaml").write_text(config_text, encoding="utf-8")
    config = load_config(folder / "config.yaml")
    analysis = analyse_week(config, domain.as_of, BuildReport(jobs=1))
    briefs = compose_all(analysis, config, ["principals", "analysts"], domain.as_of)
    files = render_all(briefs[:1], config, ["pdf"], folder / "out", Progress())
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return briefs, {s.id: s for s in analysis.sources}


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    domain: str
    section: str
    text: str
    cites: tuple[Cite, ...]


def _items(domain: str, briefs: list[Brief]) -> Iterator[Item]:
    """Yield the summary items of the briefs: bottom line, key judgements, theme summaries."""
    for brief in briefs:
        theme = None
        for sec in brief.sections:
            title = sec.title.lower()
            if sec.level == 1:
                theme = None
            kind = (
                "bluf"
                if title.startswith("bottom line")
                else "judgement"
                if title.startswith("key judgement")
                else None
            )
            if kind is None and sec.level == 2 and brief.audience == "analysts":
                kind, theme = "theme", sec.title
            if kind is None:
                continue
            if kind == "bluf" and brief.audience == "principals":
                continue  # the analysts' bottom line holds the principals' one
            paras: list[Para] = []
            for block in sec.blocks:
                if isinstance(block, BulletList):
                    paras += block.items
                elif isinstance(block, Para) and block.cites:
                    paras.append(block)
            for p in paras:
                digest = hashlib.sha1(p.text.encode()).hexdigest()[:8]
                c = p.cites[0]
                section = f"theme[{theme}]" if kind == "theme" else kind
                yield Item(
                    f"{domain}|{kind}|{c.source}:{c.paragraph}|{digest}", domain, section, p.text, p.cites
                )


def _paragraph(source: Source | None, n: int) -> str:
    if source is None or n < 1:
        return "(none)"
    for p in source.paragraphs:
        if p.n == n:
            return p.text
    return "(none)"


def run(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for domain in DOMAINS:
        briefs, sources = build_domain(domain, out)
        items = list(_items(domain.name, briefs))
        with (out / f"{domain.name}.items.txt").open("w", encoding="utf-8") as fh:
            for k, it in enumerate(items, 1):
                c = it.cites[0]
                src = sources.get(c.source)
                fh.write(f"=== [{k}] {it.id}  {it.section}\n")
                fh.write(f"ITEM: {it.text}\n")
                fh.write(f"CITES: {', '.join(f'{x.source}:{x.paragraph}' for x in it.cites)}\n")
                fh.write(f"TITLE: {src.title if src else ''}  DATE: {src.date if src else ''}\n")
                fh.write(f"BEFORE: {_paragraph(src, c.paragraph - 1)}\n")
                fh.write(f"PARA: {_paragraph(src, c.paragraph)}\n\n")
        rows += [(it.id, it.section) for it in items]
        print(
            f"{domain.name}: {len(sources)} sources, {len(items)} items -> {out / (domain.name + '.items.txt')}"
        )
    with (out / "items.tsv").open("w", encoding="utf-8") as fh:
        fh.writelines(f"{i}\t{s}\n" for i, s in rows)
    print(f"{len(rows)} items; PDFs under {out}/<domain>/out/")


def built_ids(folder: Path) -> set[str]:
    """Return the ids of the items a run of this script wrote into ``folder``."""
    return {
        m.group(1)
        for f in folder.glob("*.items.txt")
        for m in re.finditer(r"^=== \[\d+\] (\S+)", f.read_text(encoding="utf-8"), re.M)
    }


def score(path: Path, current: set[str] | None = None) -> None:
    """Print the table of one classification file (id<TAB>class lines); with ``current``, of the items
    of that build only, and say which of them the file has not classified yet."""
    by_domain: dict[str, Counter[str]] = {}
    seen: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ident, cls = line.split("\t")[:2]
        assert cls in CLASSES, f"{path}: unknown class {cls!r}"
        if current is not None and ident not in current:
            continue
        seen.add(ident)
        by_domain.setdefault(ident.split("|")[0], Counter())[cls] += 1
    total: Counter[str] = Counter()
    print("| domain | items | " + " | ".join(CLASSES) + " |")
    print("|---" * (len(CLASSES) + 2) + "|")
    for name, counts in sorted(by_domain.items()):
        total += counts
        print(f"| {name} | {sum(counts.values())} | " + " | ".join(str(counts[c]) for c in CLASSES) + " |")
    n = sum(total.values()) or 1
    print(f"| all | {n} | " + " | ".join(f"{total[c]} ({100 * total[c] / n:.1f}%)" for c in CLASSES) + " |")
    for ident in sorted((current or set()) - seen):
        print(f"not classified yet: {ident}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/editor_audit"))
    parser.add_argument("--score", type=Path)
    parser.add_argument("--built", type=Path, help="with --score: only the items of the build in this folder")
    args = parser.parse_args()
    if args.score:
        score(args.score, built_ids(args.built) if args.built else None)
        return
    if not POLNEAR.is_dir() or not BBC.is_dir() or not MULTILING.is_file():
        print(f"corpora not found under {CORPORA}; nothing to audit")
        return
    run(args.out)


if __name__ == "__main__":
    main()

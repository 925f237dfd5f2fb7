"""What the benches may read: the corpora's paths, the material held out for judging, a config writer.

Held out, never built from or read by a bench: PolNeAR ``test`` (bench/quotes.py scores it once per
completed change, figures only), BBC ``business``, ``politics`` and ``tech``, MultiLing topic M002. The
corpora are read by path from ``shared/corpora`` beside the checkout and never copied into the repo.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
POLNEAR = CORPORA / "polnear"
BBC_ARTICLES = CORPORA / "bbc-news-summary" / "articles"
MULTILING_TOPICS = CORPORA / "multiling2011-en" / "topics.jsonl"

POLNEAR_SPLITS = ("train", "dev")  # test is held out
BBC_CATEGORIES = ("entertainment", "sport")  # business, politics and tech are held out
HELD_OUT_TOPICS = frozenset({"M002"})  # MultiLing
# Every held-out name a bench's week may give (a PolNeAR split, a BBC category, a MultiLing topic).
HELD_OUT = frozenset({"test", "business", "politics", "tech", *HELD_OUT_TOPICS})


def weekly_audiences() -> dict[str, Any]:
    """Return the sample config's audiences, for a bench to adapt."""
    weekly = yaml.safe_load((REPO / "configs" / "weekly.yaml").read_text(encoding="utf-8"))
    return dict(weekly["audiences"])


def generic_themes(themes: Mapping[str, tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """Return config themes from ``{id: (title, "keyword keyword ...")}``, each "News about <title>"."""
    return {
        tid: {"title": title, "description": f"News about {title.lower()}.", "keywords": words.split()}
        for tid, (title, words) in themes.items()
    }


def write_yaml(path: Path, config: Mapping[str, Any]) -> Path:
    """Write a bench's config as YAML in the order given; return its path."""
    path.write_text(yaml.safe_dump(dict(config), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path

"""The build's compose stage: each audience's Brief from the week's Analysis, edited, and fitted.

An audience whose inputs are unchanged since the last build (the week, its settings, edits, archived
history and every template file its layout looked for) is taken from the cache, not composed again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from .. import archive
from ..cache import SourceCache
from ..config import Config
from ..edits import Edits, SentenceIndex, apply_edits, stale_edits
from ..fit import fit_one_page
from ..model import Analysis, Brief
from ..progress import Progress
from ..render.look import read_look
from ..render.options import RenderOptions
from ..week_cache import brief_key, load_brief, store_brief
from . import compose


def compose_week(
    analysis: Analysis,
    config: Config,
    audiences: list[str],
    as_of: str,
    warnings: list[str],
    progress: Progress,
    edits: Edits,
    histories: dict[str, archive.History] | None,
    cache: SourceCache | None = None,
    week: str = "",
) -> list[Brief]:
    """Return each audience's Brief, edited, and fitted to one page where the audience asks for it.

    Stale edits and what fitting left out go to ``warnings``; ``cache`` and ``week``: see ``compose_all``.
    """
    with progress.stage("compose", len(audiences), "brief") as stage:
        index = SentenceIndex(analysis)
        warnings.extend(stale_edits(edits.entries, analysis, index, edits.path))
        briefs = compose_all(
            analysis,
            config,
            audiences,
            as_of,
            edits,
            index,
            histories,
            on_done=stage.advance,
            cache=cache,
            week=week,
        )
        return fit_all(briefs, config, warnings)


def compose_all(
    analysis: Analysis,
    config: Config,
    audiences: list[str],
    as_of: str,
    edits: Edits | None = None,
    index: SentenceIndex | None = None,
    histories: dict[str, archive.History] | None = None,
    on_done: Callable[[], None] | None = None,
    cache: SourceCache | None = None,
    week: str = "",
) -> list[Brief]:
    """Return one Brief per selected audience, with the week's edits applied to each and, if given, the
    audience's earlier weeks (from the archive) to leave out repeats and tell what changed.

    With a cache and the week's key (``week_key``), an audience whose inputs are all unchanged (its
    settings, edits, history and template files) is not composed again.
    """
    templates = config.root / config.templates
    edits = edits or Edits()
    briefs = []
    for a in audiences:
        audience = config.audience(a)
        history = (histories or {}).get(a)
        entries = edits.for_audience(a)
        key = ""
        if cache is not None and week:
            alone = dataclasses.replace(config, audiences=(audience,))
            key = brief_key(week, alone, entries, edits.path, history, as_of)
        brief = load_brief(cache, config, as_of, a, key) if cache is not None and key else None
        if brief is None:
            index = index or SentenceIndex(analysis)
            edited, placed = apply_edits(analysis, entries, index, audience=a, path=edits.path)
            looked: list[str] = []
            brief = compose(
                edited,
                config,
                audience,
                as_of=as_of,
                templates=templates,
                edits=placed,
                history=history,
                looked=looked,
            )
            if cache is not None and key:
                store_brief(cache, config, key, looked, brief)
        briefs.append(brief)
        if on_done is not None:
            on_done()
    return briefs


def fit_all(briefs: list[Brief], config: Config, warnings: list[str]) -> list[Brief]:
    """Return the briefs with every one-page brief trimmed to one page; what was dropped is a warning."""
    out = []
    for brief in briefs:
        template = config.audience(brief.audience).template
        look = (
            read_look(RenderOptions.of(config.root / config.templates, template)) if brief.one_page else None
        )
        fitted, dropped = fit_one_page(brief, look)
        if dropped:
            warnings.append(
                f"{brief.stem}: one page: {len(dropped)} lowest-ranked item(s) left out to fit: "
                + "; ".join(dropped[:8])
                + (f"; and {len(dropped) - 8} more" if len(dropped) > 8 else "")
            )
        out.append(fitted)
    return out

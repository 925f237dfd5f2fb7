"""`briefgen check`: validate the config, the sources it selects and the layout templates."""

from __future__ import annotations

from pathlib import Path

from .archive import weeks
from .archive.history import long_date
from .compose.context import Counts, layout_context
from .compose.layout_template import check_directives, render_layout, template_path
from .config import load_config
from .errors import BriefgenError
from .ingest import gather_paths, read_file
from .model import ThemeSummary


def check(config_path: Path) -> tuple[list[str], list[str]]:
    """Return (problems, report lines); no problems means a build can go ahead."""
    try:
        config = load_config(config_path)
    except BriefgenError as exc:
        return exc.problems, []
    problems: list[str] = []
    lines = [f"{config.path}: config ok: {len(config.themes)} themes, {len(config.audiences)} audiences"]
    paths, missing = gather_paths(config.sources, config.root)
    problems += [f"{config.path}: {m}" for m in missing]
    for path in paths:
        try:
            sources, warnings = read_file(path, config.max_source_bytes)
        except BriefgenError as exc:
            problems += exc.problems
            continue
        problems += warnings
        for s in sources:
            found = [
                f"title {'yes' if s.title else 'no'}",
                f"{len(s.authors)} author(s)",
                f"outlet {'yes' if s.outlet else 'no'}",
                f"date {s.date or 'none'}",
                f"dateline {'yes' if s.dateline else 'no'}",
                f"{len(s.paragraphs)} paragraphs",
            ]
            lines.append(f"{path}: reader {s.reader}: {', '.join(found)}")
    templates = config.root / config.templates
    as_of = config.resolve_as_of()
    counts = Counts(len(paths))
    for audience in config.audiences:
        # The themes as a build gives them to the template, without the week's counts; and a since
        # date, as if a week were archived, so that a layout's "since" branch is checked too.
        themes = tuple(ThemeSummary(config.theme(tid), ()) for tid in audience.themes)
        context = layout_context(config, audience, as_of, themes, counts, since=long_date(as_of))
        try:
            lines_out = render_layout(templates, audience.template, context.names())
        except BriefgenError as exc:
            problems += exc.problems
            continue
        found = check_directives(
            lines_out, template_path(templates, audience.template), audience.id, audience.themes
        )
        problems += found
        if not found:
            lines.append(f"{templates / audience.template}: template ok for audience '{audience.id}'")
    archive = config.root / config.archive
    if archive.exists():
        try:
            archived = weeks(archive)
            lines.append(
                f"{archive}: archive ok: {len(archived)} brief(s) in {len({w.as_of for w in archived})} week(s)"
            )
        except BriefgenError as exc:
            problems += exc.problems
    return problems, lines

"""Command line: parse arguments, run a command, print problems one per line, return an exit status."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from . import __version__
from .config import FORMATS
from .errors import BriefgenError, ExitStatus, SourceError
from .lifetime import Terminated, exit_now, exit_status, finish, sigterm_as_interrupt

if TYPE_CHECKING:
    from .analysis import SourceAnalysis
    from .pipeline import BuildReport
    from .progress import Progress
    from .workers import Executor


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD") from None


def _formats(text: str) -> list[str]:
    formats = [f.strip() for f in text.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise argparse.ArgumentTypeError(
            f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}"
        )
    return formats


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes; write 1 or more")
    return n


def _global_options(p: argparse.ArgumentParser, default: object) -> None:
    """Add the options every command takes, before or after its name."""
    p.add_argument("--version", action="version", version=f"briefgen {__version__}")
    p.add_argument("--debug", action="store_true", default=default, help="show Python tracebacks for errors")
    p.add_argument(
        "--quiet", "-q", action="store_true", default=default, help="print nothing but warnings and errors"
    )


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of every command."""
    p = argparse.ArgumentParser(
        prog="briefgen", description="Turn a week's reading into cited policy briefs."
    )
    _global_options(p, default=False)
    # The same options after the command; SUPPRESS keeps a value given before the command.
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, default=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # The options build and review share (see _week_options).
    week = argparse.ArgumentParser(add_help=False)
    week.add_argument(
        "--edits",
        type=Path,
        metavar="FILE",
        help="the week's edits (default: edits/<as-of>.yaml beside the config, if it exists)",
    )
    week.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="cache of per-source analysis (default: .briefgen-cache/ beside the config)",
    )
    week.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")

    b = sub.add_parser("build", parents=[common, week], help="build every audience's brief from a config")
    b.add_argument("config", type=Path, help="the YAML config, e.g. configs/weekly.yaml")
    b.add_argument("--audience", action="append", metavar="NAME", help="only this audience (repeatable)")
    b.add_argument("--format", type=_formats, metavar="LIST", help=f"comma-separated: {','.join(FORMATS)}")
    b.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: the config's 'out')")
    b.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="the brief's date (default: config, today)"
    )
    b.add_argument("--strict", action="store_true", help="exit 1 when the build had warnings")
    b.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        metavar="N",
        help="processes for reading and analysing (default: one per CPU)",
    )
    b.add_argument(
        "--archive",
        type=Path,
        metavar="FILE",
        help="the weekly archive (default: the config's archive, briefgen-archive.sqlite beside it)",
    )
    b.add_argument("--no-archive", action="store_true", help="neither read nor write the weekly archive")

    h = sub.add_parser("history", help="list the weeks and audiences in the weekly archive, with counts")
    h.add_argument("config", type=Path)
    h.add_argument("--archive", type=Path, metavar="FILE", help="the archive to list (default: the config's)")

    c = sub.add_parser(
        "check", parents=[common], help="validate a config, its sources and templates; list every problem"
    )
    c.add_argument("config", type=Path)

    e = sub.add_parser(
        "extract", parents=[common], help="show what the analysis finds in sources, without a config"
    )
    e.add_argument(
        "files", type=Path, nargs="+", metavar="PATH", help="source files, or folders to read every file in"
    )
    e.add_argument("--json", action="store_true", help="print the JSON contract instead of a table")
    e.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="date to resolve relative dates against")

    r = sub.add_parser(
        "review",
        parents=[common, week],
        help="a local web page to review, correct and annotate the week's briefs",
    )
    r.add_argument("config", type=Path)
    r.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="the week to review (default: config, today)"
    )
    r.add_argument(
        "--port", type=int, default=8765, metavar="N", help="port on 127.0.0.1 (default 8765; 0: any free)"
    )

    t = sub.add_parser(
        "template-help", parents=[common], help="list every name and directive a brief.j2 may use"
    )
    t.add_argument("--markdown", action="store_true", help="as Markdown tables (the README's section)")

    n = sub.add_parser(
        "new-audience", parents=[common], help="copy a template folder and add the audience to the config"
    )
    n.add_argument("config", type=Path)
    n.add_argument("name", help="the new audience's id (a-z, 0-9, _)")
    n.add_argument("--from", dest="source", required=True, metavar="AUDIENCE", help="the audience to copy")

    s = sub.add_parser(
        "summarize", parents=[common], help="print the N best sentences of one document, in document order"
    )
    s.add_argument("file", type=Path)
    s.add_argument("--sentences", "-n", type=int, default=3, metavar="N")
    return p


def _say(text: str, quiet: bool = False) -> None:
    if not quiet:
        print(text)


def _warn(text: str) -> None:
    print(f"warning: {text}", file=sys.stderr)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n:,} bytes"
    return f"{n / 1024:,.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def build_summary(report: BuildReport) -> list[str]:
    """Return the closing summary of a build: sources, skips, cache use, files written, time per stage."""
    total = sum(report.timings.values())
    lines = [f"briefgen: wrote {len(report.written)} file(s) in {total:.1f}s with {report.jobs} process(es)"]
    cache = (
        "cache off"
        if report.cache_dir is None
        else f"{report.from_cache} from cache, {report.analysed} analysed"
    )
    if report.discarded:
        cache += (
            f", {report.discarded} damaged cache entr{'y' if report.discarded == 1 else 'ies'} recomputed"
        )
    skipped = f"{len(report.skipped)} skipped (see the warnings above)" if report.skipped else "none skipped"
    lines.append(f"  sources: {report.sources} read ({cache}); {skipped}")
    if report.archive is not None and report.archive_failed is None:
        lines.append(f"  archive: this week's briefs recorded in {report.archive}")
    stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in report.timings.items())
    lines.append(f"  time: {stages}")
    lines += [f"  {path}  ({_size(size)})" for path, size in report.written]
    return lines


class _WeekOptions(TypedDict):
    """The options ``build`` and ``review`` share: the week, the editor's file, the cache, the progress."""

    as_of: str | None
    edits: Path | None
    cache_dir: Path | None
    use_cache: bool
    progress: Progress


def _week_options(args: argparse.Namespace) -> _WeekOptions:
    """Return the keywords of the options ``build`` and ``review`` share, from their command line."""
    from .progress import Progress

    return _WeekOptions(
        as_of=args.as_of,
        edits=args.edits,
        cache_dir=args.cache_dir,
        use_cache=not args.no_cache,
        progress=Progress.for_stream(sys.stderr, quiet=args.quiet),
    )


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import build

    report = build(
        args.config,
        audiences=args.audience,
        formats=args.format,
        out=args.out,
        jobs=args.jobs,
        archive_path=args.archive,
        use_archive=not args.no_archive,
        **_week_options(args),
    )
    # Warnings and skipped files go to stderr, where an unattended job's log keeps them apart.
    for w in report.warnings:
        _warn(w)
    for _, reason in report.skipped:
        _warn(reason)
    for line in build_summary(report):
        _say(line, args.quiet)
    if report.archive_failed is not None:
        print(f"{report.archive_failed} (the briefs above were written)", file=sys.stderr)
        return ExitStatus.FAILED
    if args.strict and (report.warnings or report.skipped):
        return ExitStatus.FAILED
    return ExitStatus.OK


def cmd_history(args: argparse.Namespace) -> int:
    from .archive import weeks
    from .config import load_config

    config = load_config(args.config)
    path = args.archive if args.archive is not None else config.root / config.archive
    rows = weeks(path)
    print(f"{path}: {len(rows)} brief(s) in {len({r.as_of for r in rows})} week(s)")
    print(
        f"{'as of':10}  {'audience':20} {'sources':>7} {'sentences':>9} {'quotes':>6} {'events':>6} {'carried':>7}"
    )
    for r in rows:
        print(
            f"{r.as_of:10}  {r.audience:20} {r.sources:7} {r.sentences:9} {r.quotes:6} {r.events:6} {r.carried:7}"
        )
    return ExitStatus.OK


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check

    problems, lines = check(args.config)
    for line in lines:
        _say(line, args.quiet)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"briefgen: {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return ExitStatus.CONFIG
    _say("briefgen: all is well", args.quiet)
    return ExitStatus.OK


def _read_files(files: list[Path], executor: Executor) -> list[SourceAnalysis]:
    """Return the per-source analysis of the files (folders: the sources in them), as a build reads them."""
    from .config import Config
    from .ingest import gather_paths
    from .pipeline import BuildReport, read_and_analyse

    paths: list[Path] = []
    for path in files:
        if path.is_dir():  # a folder means the sources in it, as in a config
            found, problems = gather_paths((str(path),), Path())  # paths as the user typed them
            for problem in problems:
                _warn(problem)
            paths += found
        else:
            paths.append(path)
    report = BuildReport()
    max_bytes = next(f.default for f in dataclasses.fields(Config) if f.name == "max_source_bytes")
    parts = read_and_analyse(list(dict.fromkeys(paths)), report, executor, max_bytes=max_bytes)  # type: ignore[arg-type]
    for w in report.warnings:
        _warn(w)
    if not parts:
        raise SourceError(
            [r for _, r in report.skipped]
            or [f"{', '.join(map(str, files))}: no source file to read; give files, or folders holding them"]
        )
    for _, reason in report.skipped:
        _warn(reason)
    return parts


def cmd_extract(args: argparse.Namespace) -> int:
    from .render._text import attribution
    from .render.json import analysis_json, dumps
    from .workers import Executor, analyse_week_across, default_jobs

    executor = Executor(default_jobs())
    parts = _read_files(args.files, executor)
    # The build's cross-source step, without a config: no themes, no window, every readable source.
    analysis = analyse_week_across(parts, (), executor, as_of=args.as_of or dt.date.today().isoformat())
    if args.json:
        sys.stdout.write(dumps(analysis_json(analysis)))
        return ExitStatus.OK
    for s in analysis.sources:
        print(
            f"{s.id}: {s.title or '(no title)'} | {', '.join(s.authors) or 'no byline'} | "
            f"{s.outlet or 'no outlet'} | {s.date or 'undated'} | {s.dateline or ''} | {len(s.paragraphs)} paras"
        )
    print(f"\nQuotes ({len(analysis.quotes)}):")
    for q in analysis.quotes:
        print(
            f"  [{q.cite.source} \u00b6{q.cite.paragraph}] {q.kind:9} {attribution(q):28.28} \u201c{q.text}\u201d"
        )
    print(f"\nEvents ({len(analysis.events)}):")
    for e in analysis.events:
        cites = ", ".join(f"{c.source} \u00b6{c.paragraph}" for c in e.cites)
        print(f"  {e.date:10} {e.text}  [{cites}]")
    return ExitStatus.OK


def cmd_summarize(args: argparse.Namespace) -> int:
    from .analysis.summarize import summarize_document

    if args.sentences < 1:
        raise BriefgenError("--sentences must be at least 1")
    if args.file.is_dir():
        raise BriefgenError(f"{args.file}: a folder; summarize reads one file (extract reads a folder)")
    from .workers import Executor

    source = _read_files([args.file], Executor())[0].source
    for sentence in summarize_document(source, args.sentences):
        print(sentence.text)
    return ExitStatus.OK


def cmd_review(args: argparse.Namespace) -> int:
    from .review import open_session, serve

    session = open_session(args.config, **_week_options(args))

    def ready(url: str) -> None:
        print(
            f"Review the week of {session.as_of} at {url} (Ctrl-C to stop); edits go to {session.path}",
            flush=True,
        )

    serve(session, args.port, ready)
    print(f"briefgen: review stopped; the edits are in {session.path}", file=sys.stderr)
    return ExitStatus.OK


def cmd_template_help(args: argparse.Namespace) -> int:
    from .compose.layout_template import template_help

    print(template_help(markdown=args.markdown), end="")
    return ExitStatus.OK


def cmd_new_audience(args: argparse.Namespace) -> int:
    from .scaffold import new_audience

    folder, config = new_audience(args.config, args.name, args.source)
    _say(
        f"briefgen: {folder} copied from --from {args.source}; audience '{args.name}' added to {config}",
        args.quiet,
    )
    return ExitStatus.OK


COMMANDS = {
    "template-help": cmd_template_help,
    "new-audience": cmd_new_audience,
    "build": cmd_build,
    "history": cmd_history,
    "check": cmd_check,
    "extract": cmd_extract,
    "review": cmd_review,
    "summarize": cmd_summarize,
}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    try:
        with sigterm_as_interrupt():
            status = int(COMMANDS[args.command](args))
        if argv is None:  # the real command line, not a caller in this process
            finish(status)
        return status
    except BriefgenError as exc:
        if args.debug:
            traceback.print_exc()
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        n = len(exc.problems)
        print(f"briefgen: {n} problem{'s' if n != 1 else ''}; nothing was written", file=sys.stderr)
        return int(exc.status)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM: the same clean stop, told apart
        stopped = "terminated" if isinstance(exc, Terminated) else "interrupted"
        # output_set.InterruptedAfterSwitch carries what was written when the new set was already in place.
        print(str(exc) or f"briefgen: {stopped}; nothing was written", file=sys.stderr)
        if argv is None:  # the real command line, not a caller in this process
            exit_now(exit_status(exc))
        return exit_status(exc)
    except Exception as exc:  # noqa: BLE001 - a bug of ours: one line for the user, the trace with --debug
        if args.debug:
            traceback.print_exc()
        print(
            f"briefgen: internal error: {type(exc).__name__}: {exc}; nothing was written "
            "(run with --debug for the traceback, and please report it)",
            file=sys.stderr,
        )
        return int(ExitStatus.FAILED)


if __name__ == "__main__":
    sys.exit(main())

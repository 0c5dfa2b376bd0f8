"""The `briefing` command line: thin commands that load config and call one library function each.

User mistakes (bad config, missing folder, unknown theme) print `category: message`
on stderr with a non-zero exit code; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence

from briefing import __version__
from briefing.config import load_config
from briefing.delivery import cli as delivery_cli
from briefing.errors import BriefingError, InputError
from briefing.model import FORMATS
from briefing.output import date_arg, edition_date_arg, window_arg
from briefing.paths import add_corpus_option, user_path
from briefing.progress import Reporter
from briefing.safeio import describe_os_error


def _formats(value: str) -> list[str]:
    fmts = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(bad) or value!r}; choose from {','.join(FORMATS)}"
        )
    return fmts


FOLLOW_HELP = "also read symbolic links in the corpus folder that point outside it (default: skip them)"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="briefing", description="Extractive, fully cited topic briefings from news articles."
    )
    p.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build briefings (DOCX, PDF, HTML, JSON) for the configured themes")
    b.add_argument(
        "--theme", action="append", default=[], metavar="ID", help="theme id (repeatable); default: all"
    )
    b.add_argument(
        "--format",
        type=_formats,
        metavar="LIST",
        help="comma-separated: docx,pdf,html,json (default: config)",
    )
    b.add_argument("--config", default="config.yaml", metavar="FILE")
    add_corpus_option(b)
    b.add_argument("--out", metavar="DIR", help="output folder (default: config output.folder)")
    b.add_argument("--quiet", action="store_true", help="no progress output")
    b.add_argument("--follow-links", action="store_true", help=FOLLOW_HELP)
    b.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 8) at the first warning, so a scheduled run never publishes a degraded briefing",
    )
    b.add_argument(
        "--rebuild",
        action="store_true",
        help="ignore the corpus store: read and extract every document again (and store the results)",
    )
    b.add_argument(
        "--date",
        type=edition_date_arg,
        metavar="YYYY-MM-DD",
        help="edition date (default: today); also fixes generated_at, so rebuilds are byte-identical",
    )
    period = b.add_mutually_exclusive_group()
    period.add_argument("--since", type=date_arg, metavar="YYYY-MM-DD", help="period starts on this date")
    period.add_argument(
        "--window",
        type=window_arg,
        metavar="7d|2w",
        help="period: this many days/weeks up to the edition date",
    )

    _add_schedule(sub)

    pub = sub.add_parser(
        "publish", help="write index.html listing every edition, for a shared drive or web server"
    )
    pub.add_argument("--out", metavar="DIR", help="output folder (default: config output.folder)")
    pub.add_argument("--config", default="config.yaml", metavar="FILE", help="read only for output.folder")

    delivery_cli.add_parser(sub)

    t = sub.add_parser("themes", help="list the configured themes")
    t.add_argument("--config", default="config.yaml", metavar="FILE")

    e = sub.add_parser("extract", help="print the metadata, quotes and events found in each article as JSON")
    e.add_argument("--config", default="config.yaml", metavar="FILE")
    add_corpus_option(e)
    e.add_argument("--follow-links", action="store_true", help=FOLLOW_HELP)

    ing = sub.add_parser("ingest", help="save new pages from the configured feeds into the corpus folder")
    ing.add_argument("--config", default="config.yaml", metavar="FILE")
    add_corpus_option(ing)

    d = sub.add_parser("dates", help="tag temporal expressions in JSON lines {doc, dct, text}")
    d.add_argument("file", nargs="?", help="input JSON-lines file (default: stdin)")
    return p


def _add_schedule(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("schedule", help="print or install the weekly build as a cron job or systemd timer")
    s.add_argument(
        "--with", dest="backend", choices=("cron", "systemd"), help="default: systemd if running, else cron"
    )
    action = s.add_mutually_exclusive_group()
    action.add_argument("--install", action="store_true", help="install the job (marked, removable)")
    action.add_argument("--uninstall", action="store_true", help="remove exactly what --install added")
    s.add_argument("--config", default="config.yaml", metavar="FILE")
    add_corpus_option(s)
    s.add_argument("--out", metavar="DIR", help="output folder (default: config output.folder)")
    s.add_argument("--window", metavar="7d|2w", help="pass --window to each build (default: whole corpus)")
    s.add_argument("--log", metavar="FILE", help="log file (default: logs/<name>-schedule.log)")
    s.add_argument("--name", default="briefing", help="job/unit name, to keep several projects apart")
    s.add_argument(
        "--unit-dir", metavar="DIR", help="write systemd units here instead of ~/.config/systemd/user"
    )


def cmd_build(args: argparse.Namespace) -> int:
    from briefing.build import build_editions

    config = load_config(user_path(args.config, "--config"))
    build_editions(
        config,
        user_path(args.corpus, "--corpus"),
        user_path(args.out or config.output.folder, "--out" if args.out else "output.folder"),
        args.theme,
        args.format,
        Reporter(quiet=args.quiet, strict=args.strict),
        edition_date=args.date,
        since=args.since,
        window=args.window,
        follow_links=args.follow_links,
        rebuild=args.rebuild,
    )
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from briefing.output.publish import publish

    if args.out:
        out = user_path(args.out, "--out")
    else:
        out = user_path(load_config(user_path(args.config, "--config")).output.folder, "output.folder")
    print(publish(out, Reporter().warn))
    return 0


def cmd_themes(args: argparse.Namespace) -> int:
    config = load_config(user_path(args.config, "--config"))
    for t in config.themes:
        print(f"{t.id}\t{t.title}\n\t{t.description}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from briefing.extraction_report import extraction_report

    config = load_config(user_path(args.config, "--config"))
    corpus = user_path(args.corpus, "--corpus")
    report = extraction_report(corpus, config.people, Reporter().warn, follow_links=args.follow_links)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_schedule(args: argparse.Namespace) -> int:
    from briefing.schedule import run_schedule

    action = "install" if args.install else "uninstall" if args.uninstall else "print"
    print(
        run_schedule(
            action,
            args.backend,
            config=args.config,
            corpus=args.corpus,
            out=args.out,
            log=args.log,
            name=args.name,
            window=args.window,
            unit_dir_override=args.unit_dir,
        )
    )
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from briefing.ingest.run import ingest

    config = load_config(args.config)
    if not config.feeds:
        print(f"no feeds: configured in {config.path}; nothing to ingest", file=sys.stderr)
        return 0
    reporter = Reporter()
    report = ingest(config.feeds, user_path(args.corpus, "--corpus"), reporter.warn)
    print(report.summary(), file=sys.stderr)
    return 0


def cmd_dates(args: argparse.Namespace) -> int:
    from briefing.extract.timex.batch import run

    if args.file:
        path = user_path(args.file, "FILE")
        try:
            fh = open(path, encoding="utf-8", errors="surrogateescape")  # bad bytes: message with line
        except OSError as exc:
            raise InputError(describe_os_error(path, exc)) from None
        with fh:
            return run(fh, sys.stdout)
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="surrogateescape")
    return run(sys.stdin, sys.stdout)


COMMANDS = {
    "build": cmd_build,
    "themes": cmd_themes,
    "extract": cmd_extract,
    "dates": cmd_dates,
    "ingest": cmd_ingest,
    "schedule": cmd_schedule,
    "publish": cmd_publish,
    "send": delivery_cli.run,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except BriefingError as exc:
        print(f"{exc.category}: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(
            "interrupted; outputs already written are complete, nothing half-written was left",
            file=sys.stderr,
        )
        return 130
    except BrokenPipeError:
        return 141


if __name__ == "__main__":
    sys.exit(main())

"""`briefing send` on the command line: arguments, then one call to `send.run_send`."""

from __future__ import annotations

import argparse

from briefing.config import load_config
from briefing.paths import user_path


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add `briefing send` to the CLI's subcommands."""
    s = sub.add_parser(
        "send",
        help="e-mail the newest edition of each theme and post chat notices, once, when something is new",
    )
    s.add_argument(
        "--theme", action="append", default=[], metavar="ID", help="theme id (repeatable); default: all"
    )
    s.add_argument("--config", default="config.yaml", metavar="FILE")
    s.add_argument("--out", metavar="DIR", help="output folder (default: config output.folder)")
    s.add_argument(
        "--dry-run", action="store_true", help="say what would be sent to whom, send and record nothing"
    )
    return s


def run(args: argparse.Namespace) -> int:
    from briefing.delivery.send import run_send

    config = load_config(user_path(args.config, "--config"))
    theme_ids = args.theme or [t.id for t in config.themes]
    for tid in theme_ids:
        config.theme(tid)  # unknown ids fail before anything is sent, listing the known ones
    if not config.delivery:
        print(f"no delivery configured in {config.path}: add a delivery: section (see README, 'Delivery')")
        return 0
    out_dir = user_path(args.out or config.output.folder, "--out" if args.out else "output.folder")
    run_send(config, out_dir, theme_ids, dry_run=args.dry_run)
    return 0

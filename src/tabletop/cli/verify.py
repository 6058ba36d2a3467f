"""tabletop verify SESSION|FILE.jsonl: check a session log's hash chain."""

from __future__ import annotations

import argparse

from tabletop.app import AppError
from tabletop.cli.sessionargs import add_db_option, error, open_workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the verify command."""
    p = sub.add_parser(
        "verify",
        help="check a session log's hash chain (a stored session or an exported .jsonl)",
        description="Check that a session log is intact: every event's hash, every link to "
        "the event before, the numbering, and the head recorded for the session. Names the "
        "first bad event and the damage (edited, missing, reordered, inserted). Exit 0 when "
        "intact, 1 when damaged or unreadable.",
    )
    p.add_argument("target", metavar="SESSION|FILE.jsonl", help="session id (or prefix) or file")
    add_db_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Verify and print the result."""
    try:
        with open_workspace(args) as workspace:
            source, report = workspace.verify(args.target)
    except AppError as exc:
        return error(str(exc))
    print(f"{source.name}: {report.describe()}")
    return 0 if report.ok else 1

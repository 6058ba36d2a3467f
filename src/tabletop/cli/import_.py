"""tabletop import FILE.jsonl: add an exported session log to the database."""

from __future__ import annotations

import argparse
from pathlib import Path

from tabletop.app import AppError
from tabletop.cli.sessionargs import add_db_option, db_path, error, open_workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the import command."""
    p = sub.add_parser(
        "import",
        help="add an exported session log (.jsonl) to the session database",
        description="Add an exported session to the session database. A log whose hash "
        "chain is damaged is refused, and so is a session id already in the database.",
    )
    p.add_argument("file", metavar="FILE.jsonl", help="exported session log")
    add_db_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import one log."""
    path = Path(args.file)
    try:
        with open_workspace(args) as workspace:
            info = workspace.import_file(path)
    except AppError as exc:
        return error(str(exc))
    print(f"imported session {info.id} ({info.event_count} events) into {db_path(args)}")
    return 0

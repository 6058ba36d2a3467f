"""tabletop sessions: the sessions in the database."""

from __future__ import annotations

import argparse
import json

from tabletop.app import AppError
from tabletop.cli.sessionargs import add_db_option, db_path, error, open_workspace
from tabletop.jsonloc.diagnostics import terminal_safe


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sessions command."""
    p = sub.add_parser(
        "sessions",
        help="list the sessions in the session database, or delete one",
        description="List sessions, most recent first: id, pack, when started, whether ended, "
        "and how many events the log holds. With --delete ID, remove that session and its log "
        "instead (a practice run, say): no question is asked, so export it first if it may be "
        "wanted. ID may be a unique prefix. Exit 0 when done, 1 on an unknown or ambiguous id.",
    )
    add_db_option(p)
    p.add_argument(
        "--delete",
        metavar="ID",
        help="delete this session (id or unique prefix) and its log from the database",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the sessions (or delete one)."""
    if args.delete is not None:
        return _delete(args)
    try:
        with open_workspace(args) as workspace:
            infos = workspace.sessions()
    except AppError as exc:
        return error(str(exc))
    if args.format == "json":
        rows = [
            {
                "id": i.id,
                "pack_id": i.pack_id,
                "pack_version": i.pack_version,
                "pack_hash": i.pack_hash,
                "exercise": i.exercise,
                "facilitator": i.facilitator,
                "started_at": i.started_at.isoformat(),
                "ended_at": i.ended_at.isoformat() if i.ended_at else None,
                "events": i.event_count,
            }
            for i in infos
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not infos:
        print(f"no sessions in {db_path(args)}")
        return 0
    width = max(len(i.id) for i in infos)
    print(f"{'SESSION':<{width}}  {'STARTED (UTC)':<16}  {'STATUS':<7}  {'EVENTS':>6}  PACK")
    for i in infos:
        status = "ended" if i.ended_at else "running"
        line = (
            f"{i.id:<{width}}  {i.started_at:%Y-%m-%d %H:%M}  {status:<7}  {i.event_count:>6}  "
            f"{i.pack_id} {i.pack_version}: {i.exercise}"
        )
        print(terminal_safe(line))  # names from an imported log are untrusted
    return 0


def _delete(args: argparse.Namespace) -> int:
    try:
        with open_workspace(args) as workspace:
            info = workspace.delete(args.delete)
    except AppError as exc:
        return error(str(exc))
    ended = "ended" if info.ended_at else "running"
    print(
        terminal_safe(
            f"deleted session {info.id} ({info.pack_id} {info.pack_version}: {info.exercise}; "
            f"{ended}, {info.event_count} events) from {db_path(args)}"
        )
    )
    return 0

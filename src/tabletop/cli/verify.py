"""tabletop verify SESSION|FILE.jsonl: check a session log's hash chain."""

from __future__ import annotations

import argparse
from pathlib import Path

from tabletop.cli.sessionargs import add_db_option, error, names_file, open_store, read_file
from tabletop.hashchain.chain import verify_chain
from tabletop.store import StoreError, verify_log


def register(sub: argparse._SubParsersAction) -> None:
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
    path = Path(args.target)
    try:
        if names_file(args.target):
            header, report = verify_log(read_file(path), str(path))
            name = f"{path} (session {header.session_id})"
        else:
            with open_store(args) as store:
                info = store.find(args.target)
                rows = store.rows(info.id)
            report = verify_chain(
                rows, expected_count=info.event_count, expected_head=info.head_hash
            )
            name = f"session {info.id}"
    except StoreError as exc:
        return error(str(exc))
    print(f"{name}: {report.describe()}")
    return 0 if report.ok else 1

"""tabletop verify SESSION|FILE.jsonl: check a session log's hash chain (and an export's
signature)."""

from __future__ import annotations

import argparse
import sys

from tabletop.app import AppError, Verification
from tabletop.cli.sessionargs import add_db_option, error, open_workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the verify command."""
    p = sub.add_parser(
        "verify",
        help="check a session log's hash chain (a stored session or an exported .jsonl)",
        description="Check that a session log is intact: every event's hash, every link to "
        "the event before, the numbering, and the head recorded for the session. Names the "
        "first bad event and the damage (edited, missing, reordered, inserted). For an exported "
        "log, also its signature: signed by which key (and whether it is this installation's), "
        "not signed, or a signature that does not match. Exit 0 when intact (and any "
        "signature matches), 1 when damaged, not matching or unreadable.",
    )
    p.add_argument("target", metavar="SESSION|FILE.jsonl", help="session id (or prefix) or file")
    add_db_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Verify and print the result."""
    try:
        with open_workspace(args) as workspace:
            checked = workspace.verify(args.target)
    except AppError as exc:
        return error(str(exc))
    name = checked.source.name
    print(f"{name}: {checked.chain.describe()}")
    signed = _signature(checked)
    if signed:
        print(f"{name}: {signed}")
    if checked.key_problem:
        print(f"tabletop: warning: {checked.key_problem}", file=sys.stderr)
    return 0 if checked.ok else 1


def _signature(checked: Verification) -> str | None:
    """The signature line of an export (None for a stored session: nothing to check)."""
    if checked.signature is None:
        return None
    line = checked.signature.describe()
    if checked.own_key is True:
        line += "; this installation's own key"
    elif checked.own_key is False:
        line += "; not this installation's key (compare the fingerprint with its holder's)"
    return line

"""tabletop export SESSION -o FILE.jsonl [--sign]: a session log as JSON Lines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tabletop.app import AppError
from tabletop.cli.sessionargs import add_db_option, error, open_workspace, write_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the export command."""
    p = sub.add_parser(
        "export",
        help="write a session's log as JSON Lines",
        description="Write a session's log as JSON Lines: a header line, then one event per "
        "line with its seq, prev hash and hash (schemas/session-log.schema.json). The events "
        "are written as stored, so `tabletop verify FILE` checks them. With --sign, the header "
        "also carries this installation's signature over it (its head hash, hence every "
        "event), made with the key in the user data folder (made on first use).",
    )
    p.add_argument("target", metavar="SESSION", help="session id or a unique prefix of it")
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="output file, - for stdout"
    )
    p.add_argument(
        "--sign",
        action="store_true",
        help="sign the log with this installation's key (keys/signing-key.pem in the user "
        "data folder), so that others can tell it comes from you unchanged",
    )
    add_db_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Export one session."""
    try:
        with open_workspace(args) as workspace:
            info, text = workspace.export(args.target, sign=args.sign)
            signer = workspace.key_fingerprint() if args.sign else None
    except AppError as exc:
        return error(str(exc))
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    failed = write_file(out, text.encode("utf-8"))
    if failed:
        return failed
    signed = f", signed by {signer} (this installation's key)" if signer else ""
    print(f"exported session {info.id} ({info.event_count} events) to {out}{signed}")
    return 0

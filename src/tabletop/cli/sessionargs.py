"""Arguments and helpers shared by the session commands (play, sessions, resume, ...)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tabletop.app import Workspace
from tabletop.paths import default_session_db


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """The --session FILE option: which session database to use."""
    parser.add_argument(
        "--session",
        metavar="FILE",
        type=Path,
        default=None,
        help="session database file (default: sessions.sqlite in $TABLETOP_HOME or the "
        "user data folder)",
    )


def db_path(args: argparse.Namespace) -> Path:
    """The session database the arguments name."""
    return args.session if args.session is not None else default_session_db()


def open_workspace(args: argparse.Namespace) -> Workspace:
    """The user's workspace, with the session database the arguments name."""
    return Workspace(sessions=db_path(args))


def error(message: str) -> int:
    """Print an error for the user and return exit code 1."""
    print(f"tabletop: error: {message}", file=sys.stderr)
    return 1


def usage_error(command: str, message: str) -> int:
    """Print a usage error, in argparse's manner, and return exit code 2."""
    print(f"tabletop {command}: error: {message}", file=sys.stderr)
    return 2


def write_file(out: Path, data: bytes) -> int:
    """Write the file whole or not at all (a .part file, synced, then renamed over it);
    0, or exit code 1 after saying why."""
    tmp = out.with_name(out.name + ".part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        return error(f"cannot write {out}: {exc.strerror or exc}")
    return 0

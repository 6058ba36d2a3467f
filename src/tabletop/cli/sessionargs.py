"""Arguments and helpers shared by the session commands (play, sessions, resume, ...)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tabletop.paths import default_session_db
from tabletop.store import SessionStore


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


def open_store(args: argparse.Namespace) -> SessionStore:
    """Open the session database the arguments name (StoreError if it cannot be used)."""
    return SessionStore(db_path(args))


def error(message: str) -> int:
    """Print an error for the user and return exit code 1."""
    print(f"tabletop: error: {message}", file=sys.stderr)
    return 1

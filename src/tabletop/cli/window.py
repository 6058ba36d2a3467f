"""tabletop app [--web] [--host H] [--port N]: the desktop window, or the app in a browser."""

from __future__ import annotations

import argparse

from tabletop.app import Workspace
from tabletop.cli.sessionargs import add_db_option, db_path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the app command."""
    p = sub.add_parser(
        "app",
        help="open the desktop app, or serve it to a browser with --web",
        description="Open the facilitator's app: library, pack preview, session setup, the "
        "game console and the report. With --web it is served to a browser instead, on "
        "this machine only unless --host says otherwise (--host 0.0.0.0 opens it to the "
        "network). `tabletop` with no command opens the desktop window.",
    )
    p.add_argument("--web", action="store_true", help="serve the app to a browser")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to serve on with --web (default 127.0.0.1: this machine only)",
    )
    p.add_argument("--port", type=int, default=None, help="port to serve on (default 8550)")
    add_db_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Start the desktop window or the web server."""
    from tabletop.ui.launch import DEFAULT_PORT, run_desktop, run_web

    workspace = Workspace(sessions=db_path(args))
    if args.web:
        return run_web(workspace, host=args.host, port=args.port or DEFAULT_PORT)
    return run_desktop(workspace)

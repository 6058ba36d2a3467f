"""The `tabletop` command: each subcommand calls one library function and reports."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from tabletop import __version__

# Each module defines register(subparsers) and run(args) -> int.
COMMANDS = (
    "validate",
    "new",
    "packs",
    "check",
    "play",
    "sessions",
    "resume",
    "verify",
    "export",
    "import_",
    "report",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="tabletop",
        description="Run facilitated seminar wargames from JSON scenario packs, check each "
        "decision against the mandates in play, and write the after-action report.",
    )
    parser.add_argument("--version", action="version", version=f"tabletop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"tabletop.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from tabletop.cli.home import run_home

        return run_home(parser)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

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
    "graph",
    "play",
    "coverage",
    "sessions",
    "resume",
    "details",
    "verify",
    "export",
    "import_",
    "report",
    "msel",
    "window",
)

# Each command's name and one-line help, so that `tabletop --help` and every command
# import only what they use: a command's module pulls in the models and libraries it needs,
# which takes most of a second. A test checks this against what each module registers.
SUMMARIES: dict[str, tuple[str, str]] = {
    "validate": (
        "validate",
        "check packs and report every problem with file:line:col and JSON pointer",
    ),
    "new": ("new", "write a skeleton scenario pack to start from"),
    "packs": (
        "packs",
        "list the shipped packs and your own, with title, version and validation state",
    ),
    "check": (
        "check",
        "check one action of one role against its mandates, with reasons and citations",
    ),
    "graph": (
        "graph",
        "draw a pack's flow: phases, injects, decision points, options and where each leads",
    ),
    "play": ("play", "play a game headless from a playthrough script and check its expectations"),
    "coverage": ("coverage", "play a pack's scripts in memory and report what they never reach"),
    "sessions": ("sessions", "list the sessions in the session database, or delete one"),
    "resume": ("resume", "replay a session and show where the game stands"),
    "details": (
        "details",
        "show or change a session's exercise details (type, place, contacts, evaluators)",
    ),
    "verify": (
        "verify",
        "check a session log's hash chain (a stored session or an exported .jsonl)",
    ),
    "export": ("export", "write a session's log as JSON Lines"),
    "import_": ("import", "add an exported session log (.jsonl) to the session database"),
    "report": (
        "report",
        "write the after-action report of a session (Markdown, HTML, JSON, Word or PDF)",
    ),
    "msel": (
        "msel",
        "export a pack's injects as an MSEL spreadsheet (.xlsx, .csv), or import one",
    ),
    "window": ("app", "open the desktop app, or serve it to a browser with --web"),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered; with `only` (a command name),
    that command in full and the others by name and help alone, importing nothing."""
    parser = argparse.ArgumentParser(
        prog="tabletop",
        description="Run facilitated seminar wargames from JSON scenario packs, check each "
        "decision against the mandates in play, and write the after-action report.",
    )
    parser.add_argument("--version", action="version", version=f"tabletop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        name, summary = SUMMARIES[module]
        if only is None or name == only:
            import_module(f"tabletop.cli.{module}").register(sub)
        else:
            sub.add_parser(name, help=summary)
    return parser


def _command_in(argv: Sequence[str]) -> str:
    """The command named on the command line ('' if none): the first word that is not an
    option, as the top-level parser takes no option with a value."""
    return next((word for word in argv if not word.startswith("-")), "")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(only=_command_in(words))
    args = parser.parse_args(words)
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

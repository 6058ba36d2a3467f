"""tabletop report SESSION|FILE.jsonl: the after-action report, as Markdown, HTML, JSON, Word
or PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tabletop.app import (
    BINARY_FORMATS,
    EXTENSIONS,
    FORMATS,
    PAPERS,
    AppError,
    ReportOutput,
    default_paper,
    format_for,
)
from tabletop.cli.sessionargs import add_db_option, error, open_workspace, usage_error, write_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the report command."""
    p = sub.add_parser(
        "report",
        help="write the after-action report of a session (Markdown, HTML, JSON, Word or PDF)",
        description="Build the after-action report (HSEEP AAR/IP) of a session from its log and "
        "the pack it names: overview, timeline, decision analysis with the options not taken, "
        "mandate compliance by organisation, objectives, improvement plan and log integrity. "
        "SESSION is a session id (or a unique prefix) in the session database, or an exported "
        ".jsonl log. Exit 0 when written; 1 for a problem in the input (a damaged log still "
        "gets its report, flagged at the top, and exits 1); 2 for wrong usage.",
    )
    p.add_argument("target", metavar="SESSION|FILE.jsonl", help="session id (or prefix) or file")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: from the -o extension, else md)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    p.add_argument(
        "--paper",
        type=str.lower,
        choices=PAPERS,
        default=None,
        help="paper the HTML, Word and PDF reports are laid out for "
        f"(default: the locale's, here {default_paper()})",
    )
    p.add_argument("--pack", metavar="PATH", help="the pack file, if it cannot be found by its id")
    p.add_argument(
        "--allow-changed-pack",
        action="store_true",
        help="build the report with a pack whose content differs from the one played "
        "(the report says so at the top)",
    )
    add_db_option(p)
    p.set_defaults(run=run)


def _format(args: argparse.Namespace) -> str | None:
    if args.format:
        return str(args.format)
    if args.output and args.output != "-":
        return format_for(args.output)
    return "md"


def run(args: argparse.Namespace) -> int:
    """Read the log, check it, find the pack, build the report and write it."""
    fmt = _format(args)
    if fmt is None:
        known = ", ".join(EXTENSIONS)
        message = f"cannot tell the format from '{args.output}' ({known}); give --format"
        return usage_error("report", message)
    to_stdout = not args.output or args.output == "-"
    if fmt in BINARY_FORMATS and to_stdout:
        name = {"docx": "a Word report", "pdf": "a PDF report"}[fmt]
        message = f"{name} is a binary file; give one with -o, e.g. -o report.{fmt}"
        return usage_error("report", message)
    try:
        with open_workspace(args) as workspace:
            out = workspace.report(
                args.target,
                fmt,
                pack=args.pack,
                allow_changed=args.allow_changed_pack,
                paper=args.paper,
            )
    except AppError as exc:
        return error(str(exc))
    if to_stdout:
        # Bytes, so the terminal's locale cannot mangle the report's UTF-8.
        sys.stdout.flush()
        sys.stdout.buffer.write(out.data)
        sys.stdout.buffer.flush()
    else:
        failed = write_file(Path(args.output), out.data)
        if failed:
            return failed
        print(f"wrote the {out.report.status} report of session {out.info.id} to {args.output}")
    return _warn(out)


def _warn(out: ReportOutput) -> int:
    """Say on stderr what the report flags at its top; 1 when the log is damaged."""
    for notice in out.report.notices:
        level = "error" if notice.level == "danger" else notice.level
        print(f"tabletop report: {level}: {notice.title.lower()}", file=sys.stderr)
    return 1 if out.damaged else 0

"""tabletop report SESSION|FILE.jsonl: the after-action report, as Markdown, HTML, JSON or Word."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tabletop.cli.sessionargs import (
    add_db_option,
    error,
    names_file,
    open_store,
    read_file,
    usage_error,
    write_file,
)
from tabletop.hashchain.chain import Row
from tabletop.report import AfterActionReport, ReportError, build_report, check_log
from tabletop.store import StoreError, check_pack, parse_log
from tabletop.store.jsonl import info_from_header
from tabletop.store.locate import locate_pack
from tabletop.store.sqlite_store import SessionInfo

FORMATS = ("md", "html", "json", "docx")
EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".docx": "docx",
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the report command."""
    p = sub.add_parser(
        "report",
        help="write the after-action report of a session (Markdown, HTML, JSON or Word)",
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
        return args.format
    if args.output and args.output != "-":
        return EXTENSIONS.get(Path(args.output).suffix.lower())
    return "md"


def run(args: argparse.Namespace) -> int:
    """Read the log, check it, find the pack, build the report and write it."""
    fmt = _format(args)
    if fmt is None:
        known = ", ".join(EXTENSIONS)
        message = f"cannot tell the format from '{args.output}' ({known}); give --format"
        return usage_error("report", message)
    to_stdout = not args.output or args.output == "-"
    if fmt == "docx" and to_stdout:
        message = "a Word report is a binary file; give one with -o, e.g. -o report.docx"
        return usage_error("report", message)
    try:
        info, rows, source = _read(args)
        events, integrity = check_log(
            rows, source=source, expected_count=info.event_count, expected_head=info.head_hash
        )
        loaded = locate_pack(info, args.pack)
        check_pack(info, loaded, allow_changed=args.allow_changed_pack)
        report = build_report(loaded.pack, events, integrity, pack_hash=loaded.content_hash)
    except (StoreError, ReportError) as exc:
        return error(str(exc))
    data = _render(report, fmt)
    if to_stdout:
        # Bytes, so the terminal's locale cannot mangle the report's UTF-8.
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        failed = write_file(Path(args.output), data)
        if failed:
            return failed
        print(f"wrote the {report.status} report of session {info.id} to {args.output}")
    return _warn(report)


def _read(args: argparse.Namespace) -> tuple[SessionInfo, list[Row], str]:
    """The session record, its rows as stored, and where they came from."""
    path = Path(args.target)
    if names_file(args.target):
        header, rows = parse_log(read_file(path), str(path))
        return info_from_header(header), rows, f"exported log {path}"
    with open_store(args) as store:
        info = store.find(args.target)
        return info, store.rows(info.id), f"session database {store.path}"


def _render(report: AfterActionReport, fmt: str) -> bytes:
    """The report in the format, as the bytes to write (text as UTF-8)."""
    import tabletop.report as rp

    render = {
        "md": rp.render_markdown,
        "html": rp.render_html,
        "json": rp.render_json,
        "docx": rp.render_docx,
    }[fmt]
    data = render(report)
    return data.encode("utf-8") if isinstance(data, str) else data


def _warn(report: AfterActionReport) -> int:
    """Say on stderr what the report flags at its top; 1 when the log is damaged."""
    for notice in report.notices:
        level = "error" if notice.level == "danger" else notice.level
        print(f"tabletop report: {level}: {notice.title.lower()}", file=sys.stderr)
    return 1 if report.integrity.status == "damaged" else 0

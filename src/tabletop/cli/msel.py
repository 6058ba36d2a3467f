"""tabletop msel export|import: a pack's injects as an HSEEP-style MSEL spreadsheet, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tabletop.app.msel import MSEL_FORMATS, MselError, export_msel, import_msel
from tabletop.cli.sessionargs import usage_error, write_file
from tabletop.jsonloc.diagnostics import terminal_safe


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the msel command and its export and import subcommands."""
    p = sub.add_parser(
        "msel",
        help="export a pack's injects as an MSEL spreadsheet (.xlsx, .csv), or import one",
        description="The master scenario events list as a spreadsheet: one row per inject, "
        "HSEEP's columns first, then the columns a round trip needs. See "
        "docs/authoring.md, 'The MSEL spreadsheet'.",
    )
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    ex = verbs.add_parser(
        "export",
        help="write the pack's injects as an MSEL sheet",
        description="Write the pack's injects as an MSEL sheet: .xlsx (sheet 'MSEL', header "
        "frozen) or CSV (UTF-8). The same pack gives the same bytes.",
    )
    ex.add_argument("pack", metavar="PACK", help="the scenario pack")
    ex.add_argument("-o", "--output", required=True, metavar="FILE", help="the sheet to write")
    ex.add_argument(
        "--format",
        choices=MSEL_FORMATS,
        default=None,
        help="xlsx or csv (default: from the output's extension, else xlsx)",
    )
    ex.set_defaults(verb_run=run_export)
    im = verbs.add_parser(
        "import",
        help="update and add injects from an edited MSEL sheet into a new pack",
        description="Read an MSEL sheet (.xlsx or .csv): each row updates the inject with "
        "its event no. or adds a new one. Every row is checked, then the new pack as a "
        "whole; on any problem nothing is written (exit 1).",
    )
    im.add_argument("sheet", metavar="SHEET", help="the edited sheet (.xlsx or .csv)")
    im.add_argument("--into", required=True, metavar="PACK", help="the pack to update")
    im.add_argument("-o", "--output", required=True, metavar="NEW", help="the new pack to write")
    im.set_defaults(verb_run=run_import)
    p.set_defaults(run=run)


def _fail(exc: MselError) -> int:
    for problem in exc.problems:
        first, *rest = problem.split("\n")
        print(f"tabletop msel: error: {terminal_safe(first)}", file=sys.stderr)
        for line in rest:
            print(f"    {terminal_safe(line.strip())}", file=sys.stderr)
    print("tabletop msel: nothing written", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    """Run the verb given (export or import)."""
    return int(args.verb_run(args))


def run_export(args: argparse.Namespace) -> int:
    """Export one pack's injects."""
    out = Path(args.output)
    fmt = args.format or ("csv" if out.suffix.lower() == ".csv" else "xlsx")
    try:
        data, count = export_msel(Path(args.pack), fmt)
    except MselError as exc:
        return _fail(exc)
    failed = write_file(out, data)
    if failed:
        return failed
    print(f"wrote {count} injects to {out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import one sheet into a new pack."""
    out, into = Path(args.output), Path(args.into)
    if out.resolve() == Path(args.sheet).resolve():
        return usage_error("msel import", "the output would overwrite the sheet")
    try:
        done = import_msel(Path(args.sheet), into, out)
    except MselError as exc:
        return _fail(exc)
    failed = write_file(out, done.text.encode("utf-8"))
    if failed:
        return failed
    print(
        f"wrote {out}: {len(done.updated)} injects updated, {len(done.added)} added; it validates"
    )
    return 0

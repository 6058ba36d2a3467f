"""tabletop coverage PACK [SCRIPT...]: what the playthrough scripts of a pack reach."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tabletop.app import AppError
from tabletop.app.script_coverage import (
    ScriptCoverage,
    coverage_document,
    coverage_text,
    neighbouring_scripts,
    script_coverage,
)
from tabletop.cli.sessionargs import error
from tabletop.packs import load_pack


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the coverage command."""
    p = sub.add_parser(
        "coverage",
        help="play a pack's scripts in memory and report what they never reach",
        description="Play each SCRIPT on PACK in memory (nothing is stored) and report, over "
        "all scripts together and per script, the injects never delivered, decision points "
        "never opened, options never chosen, obligations never created or met and endings "
        "never reached (see docs/playthrough.md). With no SCRIPT, the *.json scripts in the "
        "'tests' folder beside PACK whose \"pack\" names it. Exit 0; 1 when a script fails "
        "to play, the pack does not load or the overall coverage is below --fail-under; 2 "
        "on wrong usage.",
    )
    p.add_argument("pack", metavar="PACK", help="pack file")
    p.add_argument("scripts", nargs="*", metavar="SCRIPT", help="playthrough scripts")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    p.add_argument(
        "--fail-under",
        metavar="PCT",
        type=_percent,
        default=None,
        help="exit 1 when the overall coverage is below PCT percent",
    )
    p.set_defaults(run=run)


def _percent(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: '{text}'") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"a percentage is from 0 to 100, not {text}")
    return value


def run(args: argparse.Namespace) -> int:
    """Load the pack, play the scripts, print the coverage."""
    result = load_pack(args.pack)
    for d in result.diagnostics:
        print(d.render(), file=sys.stderr)
    if result.loaded is None:
        return 1
    pack_path = Path(args.pack)
    scripts = [Path(s) for s in args.scripts] or neighbouring_scripts(pack_path)
    if not scripts:
        folder = pack_path.parent / "tests"
        return error(
            f"no scripts to play on {pack_path}: name them after PACK, or put scripts whose "
            f'"pack" names it in {folder}'
        )
    try:
        measured = script_coverage(result.loaded, scripts)
    except AppError as exc:
        return error(str(exc))
    if args.format == "json":
        doc = coverage_document(result.loaded, measured, fail_under=args.fail_under)
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        print(coverage_text(result.loaded, measured))
    for failed in measured.failed:
        for line in failed.errors:
            print(line, file=sys.stderr)
    return _exit_code(measured, args.fail_under)


def _exit_code(measured: ScriptCoverage, fail_under: float | None) -> int:
    if measured.failed:
        return 1
    percent = measured.overall.percent
    if fail_under is not None and (percent if percent is not None else 100.0) < fail_under:
        print(
            f"tabletop coverage: overall coverage {percent}% is below --fail-under {fail_under:g}%",
            file=sys.stderr,
        )
        return 1
    return 0

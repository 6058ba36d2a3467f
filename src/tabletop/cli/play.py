"""tabletop play [PACK] --script SCRIPT: a headless game from a playthrough script."""

from __future__ import annotations

import argparse
import sys

from tabletop.app import AppError, Refusal
from tabletop.app.script_runner import LoadedScript, StepReport, load_script, play_steps
from tabletop.cli.sessionargs import add_db_option, db_path, error, open_workspace, usage_error
from tabletop.jsonloc.diagnostics import terminal_safe


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the play command."""
    p = sub.add_parser(
        "play",
        help="play a game headless from a playthrough script and check its expectations",
        description="Start a session of PACK and play the steps of SCRIPT (JSON, see "
        "docs/playthrough.md). Prints one 'ok step N: ...' line per step once its events are "
        "committed. With --dry-run the game is played in memory and nothing is stored. "
        "Exit 0 when every step ran and every expectation held, 1 on a failed "
        "expectation, an unexpected refusal or a bad script/pack, 2 on wrong usage.",
    )
    p.add_argument(
        "pack", nargs="?", metavar="PACK", help='pack file (default: the script\'s "pack")'
    )
    p.add_argument("--script", required=True, metavar="SCRIPT", help="playthrough script")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="play in memory: nothing is written to the session database",
    )
    add_db_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load script and pack, start the session, play each step and report."""
    loaded = load_script(args.script)
    if isinstance(loaded, list):
        for d in loaded:
            print(d.render(), file=sys.stderr)
        return 1
    pack_path = args.pack or loaded.pack_path()
    if pack_path is None:
        return usage_error("play", 'give the PACK, or name it in the script\'s "pack"')
    script = loaded.script
    try:
        with open_workspace(args) as workspace:
            result = workspace.load_pack(pack_path)
            for d in result.diagnostics:
                print(d.render(), file=sys.stderr)
            if result.loaded is None:
                return 1
            game = workspace.start(
                result.loaded,
                facilitator=script.facilitator,
                exercise=script.exercise,
                exercise_date=script.exercise_date,
                dry_run=args.dry_run,
            )
            where = "memory (dry run: nothing is stored)" if args.dry_run else db_path(args)
            print(f"session {game.id} started in {where}", flush=True)
            for report in play_steps(script, game):
                if not report.ok:
                    _failed(report, loaded, dry_run=args.dry_run)
                    return 1
                print(terminal_safe(f"ok step {report.number}: {_ack(report)}"), flush=True)
    except AppError as exc:
        return error(str(exc))
    count = len(script.steps)
    events = game.state.event_count
    stored = "; nothing stored (dry run)" if args.dry_run else ""
    print(f"script passed: {count} steps; session {game.id}, {events} events{stored}", flush=True)
    return 0


def _ack(report: StepReport) -> str:
    if isinstance(report.result, Refusal):
        return f"{report.command} refused as expected: {report.result.message}"
    return report.summary()


def _failed(report: StepReport, loaded: LoadedScript, *, dry_run: bool) -> None:
    refused = isinstance(report.result, Refusal)
    logged = "" if refused or dry_run else " (its events are logged)"
    where = loaded.where(report.pointer)
    print(
        f"FAILED step {report.number} ({report.command}) at {where}, {report.pointer}{logged}",
        flush=True,
    )
    for mismatch in report.mismatches:
        if mismatch.field:
            pointer = f"{report.pointer}/expect/{mismatch.field}"
            print(terminal_safe(f"  {loaded.where(pointer)}: {pointer}: {mismatch}"), flush=True)
        else:
            print(terminal_safe(f"  {mismatch}"), flush=True)

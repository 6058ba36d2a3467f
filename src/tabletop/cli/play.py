"""tabletop play [PACK] --script SCRIPT: a headless game from a playthrough script."""

from __future__ import annotations

import argparse
import sys

from tabletop.cli.sessionargs import add_db_option, db_path, error, open_store, usage_error
from tabletop.engine import Refusal
from tabletop.packs import load_pack
from tabletop.scripting.loading import LoadedScript, load_script
from tabletop.store import StoreError
from tabletop.store.scripts import StepDone, play


def register(sub: argparse._SubParsersAction) -> None:
    """Add the play command."""
    p = sub.add_parser(
        "play",
        help="play a game headless from a playthrough script and check its expectations",
        description="Start a session of PACK and play the steps of SCRIPT (JSON, see "
        "docs/playthrough.md). Prints one 'ok step N: ...' line per step once its events are "
        "committed. Exit 0 when every step ran and every expectation held, 1 on a failed "
        "expectation, an unexpected refusal or a bad script/pack, 2 on wrong usage.",
    )
    p.add_argument(
        "pack", nargs="?", metavar="PACK", help='pack file (default: the script\'s "pack")'
    )
    p.add_argument("--script", required=True, metavar="SCRIPT", help="playthrough script")
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
    result = load_pack(pack_path)
    for d in result.diagnostics:
        print(d.render(), file=sys.stderr)
    if result.loaded is None:
        return 1
    try:
        store = open_store(args)
    except StoreError as exc:
        return error(str(exc))
    with store:
        try:
            started = play(loaded, result.loaded, store)
            if isinstance(started, Refusal):
                return error(f"the session could not start: {started.message}")
            live, steps = started
            print(f"session {live.id} started in {db_path(args)}", flush=True)
            for done in steps:
                if not done.report.ok:
                    _failed(done, loaded)
                    return 1
                print(f"ok step {done.report.number}: {_ack(done)}", flush=True)
        except StoreError as exc:
            return error(str(exc))
    count = len(loaded.script.steps)
    print(f"script passed: {count} steps; session {live.id}, {live.count} events", flush=True)
    return 0


def _ack(done: StepDone) -> str:
    report = done.report
    if isinstance(report.outcome, Refusal):
        return f"{report.command} refused as expected: {report.outcome.message}"
    return report.summary()


def _failed(done: StepDone, loaded: LoadedScript) -> None:
    report = done.report
    logged = "" if isinstance(report.outcome, Refusal) else " (its events are logged)"
    print(
        f"FAILED step {report.number} ({report.command}) at {done.where}, {done.pointer}{logged}",
        flush=True,
    )
    for mismatch in report.mismatches:
        if mismatch.field:
            pointer = f"{done.pointer}/expect/{mismatch.field}"
            print(f"  {loaded.where(pointer)}: {pointer}: {mismatch}", flush=True)
        else:
            print(f"  {mismatch}", flush=True)

"""Benchmark: resuming a 500-event game, against reading its rows raw.

Plays the example pack through a stored `Game` (seats, clock moves, decisions, rulings,
observations) until the log holds 500 events, then times, median of several runs:

- raw: SELECT of the session's rows, fetched into Python (the baseline);
- open: `Workspace.open` (read the log in one read transaction, check every hash and link,
  find and check the pack, parse and fold the events);
- open + situation: the same and `Game.situation()`, what `tabletop resume` prints and the
  console draws.

Target: open + situation under 50 ms.

    python bench/resume.py [--events 500] [--runs 9]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import EXAMPLE, ticking, timed
from tabletop.app import Refusal, Workspace
from tabletop.packs import open_pack


def play(workspace: Workspace, events: int) -> str:
    """A stored game of the example pack with at least `events` events; its id."""
    game = workspace.start(open_pack(EXAMPLE), facilitator="bench", exercise="Resume")
    for role, name in (("arv_government", "A"), ("ncp_secretariat", "B"), ("blk_defence", "C")):
        game.assign(role, name)
    choices = [
        ("DP-1", "arv_government", "hold"),
        ("DP-2", "arv_government", "ask-compact"),
        ("DP-3", "ncp_secretariat", "deploy"),
        ("DP-3", "blk_defence", "consult"),
    ]
    n = 0
    while game.state.event_count < events:
        for dp, role, option in choices:
            if dp in game.state.open_decisions and (dp, role) not in game.state.decisions:
                game.decide(dp, role, option, f"Reason {n}.")
        game.note("strength" if n % 2 else "area_for_improvement", f"Seen {n}.")
        if n % 5 == 0 and isinstance(game.advance(by=timedelta(hours=2)), Refusal):
            game.adjudicate(f"Ruling {n}.")
        n += 1
    return game.id


def main(argv: list[str] | None = None) -> int:
    """Play the game, then time raw reading against resuming."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        clock = ticking(datetime(2031, 3, 1, 9, tzinfo=UTC), timedelta(seconds=1))
        db = Path(tmp) / "resume.sqlite"
        with Workspace(Path(tmp) / "home", sessions=db, clock=clock) as workspace:
            session = play(workspace, args.events)
            count = workspace.store.info(session).event_count
        query = "SELECT seq, type, body, prev, hash FROM events WHERE session_id = ? ORDER BY seq"
        workspace = Workspace(Path(tmp) / "home", sessions=db)
        store = workspace.store

        def raw() -> object:
            return store.con.execute(query, (session,)).fetchall()

        def opened() -> object:
            return workspace.open(session).state

        def resumed() -> object:
            return workspace.open(session).situation()

        (raw_s, _, _), (open_s, _, _), (resume_s, _, situation) = timed(
            [raw, opened, resumed], args.runs
        )
        workspace.close()
    print(f"resume a game of {count} events (example pack), median of {args.runs} runs")
    print(f"raw SELECT of the rows      {raw_s * 1000:8.2f} ms")
    print(f"open (verify, replay)       {open_s * 1000:8.2f} ms   ratio {open_s / raw_s:.1f}")
    print(f"open + situation            {resume_s * 1000:8.2f} ms   ratio {resume_s / raw_s:.1f}")
    verdict = "met" if resume_s < 0.050 else "NOT met"
    print(f"target: open + situation under 50 ms: {verdict} ({resume_s * 1000:.1f} ms)")
    assert situation is not None
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: latency of recording one decision, against one raw INSERT+COMMIT.

Plays a synthetic pack with 2,000 decision points (one decider each) through a stored
`Game`: each `Game.decide` checks the mandate, builds the events, chains and commits
them in one transaction (WAL, synchronous=FULL) and folds them into the state in memory.
The baseline, measured in the same run on the same disk, is one INSERT of a row the size
of a decision event plus COMMIT, with the same pragmas. Target: p50 ratio <= 1.5.

The mandate engine remembers a verdict it has weighed (by role, action and the facts its
rules read), and here every decision asks the same question: so the game is played twice,
once as it comes (verdicts remembered) and once with that memory cleared before every
decision, as when each decision asks something new.

    python bench/record_decision.py [--decisions 2000] [--dir DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path

from tabletop.app import Refusal, Workspace
from tabletop.mandates import check_action, forget_verdicts
from tabletop.packs import parse_pack
from tabletop.store.db import configure

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "support"))
from synthetic_packs import synthetic_pack


def percentile(samples: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of the samples."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Baseline:
    """Raw INSERT + COMMIT of one row of a given size, with the store's pragmas."""

    def __init__(self, path: Path, size: int) -> None:
        self.con = sqlite3.connect(path, isolation_level=None)
        configure(self.con)
        self.con.execute(
            "CREATE TABLE events (session_id TEXT NOT NULL, seq INTEGER NOT NULL, "
            "type TEXT NOT NULL, body TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL, "
            "PRIMARY KEY (session_id, seq)) STRICT"
        )
        self.body = "x" * size
        self.seq = 0

    def insert(self) -> None:
        """One row, one transaction."""
        self.seq += 1
        self.con.execute("BEGIN IMMEDIATE")
        self.con.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)",
            ("bench", self.seq, "decision_recorded", self.body, "0" * 64, "f" * 64),
        )
        self.con.execute("COMMIT")


def measure(folder: Path, decisions: int, afresh: bool = False) -> dict[str, list[float]]:
    """Seconds per decision recorded and per raw insert, taking turns (so that a busy
    machine slows both alike), and the share of the mandate check. `afresh`: no verdict
    is remembered from one decision to the next."""
    result = parse_pack(synthetic_pack(decisions), "bench.json", lambda _id: None)
    assert result.loaded is not None, result.diagnostics
    ticks = count()
    start = datetime(2030, 1, 1, 9, tzinfo=UTC)
    clock = lambda: start + timedelta(milliseconds=next(ticks))  # noqa: E731
    workspace = Workspace(folder / "home", sessions=folder / f"engine-{afresh}.sqlite", clock=clock)
    game = workspace.start(result.loaded, facilitator="b", exercise="b")
    pack = result.loaded.pack
    action = pack.decision_points[0].options[0].action
    baseline = Baseline(folder / f"raw-{afresh}.sqlite", 1724)
    out: dict[str, list[float]] = {"raw": [], "record": [], "check": []}
    for n in range(decisions):
        option = "consult" if n % 2 else "wait"
        began = time.perf_counter()
        baseline.insert()
        out["raw"].append(time.perf_counter() - began)
        if afresh:
            forget_verdicts(pack)
        began = time.perf_counter()
        outcome = game.decide(f"DP-{n}", "secretariat", option, "Because.")
        out["record"].append(time.perf_counter() - began)
        assert not isinstance(outcome, Refusal), outcome
        if afresh:
            forget_verdicts(pack)
        began = time.perf_counter()
        check_action(pack, "secretariat", action, game.state.facts)
        out["check"].append(time.perf_counter() - began)
    size = len(workspace.store.rows(game.id)[-2].body)
    if size != len(baseline.body):
        print(f"note: baseline rows are {len(baseline.body)} bytes, decision events {size}")
    workspace.close()
    baseline.con.close()
    return out


def main(argv: list[str] | None = None) -> int:
    """Run both measurements and print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=2000)
    parser.add_argument("--dir", type=Path, default=None, help="folder for the databases")
    args = parser.parse_args(argv)
    print(f"record one decision: {args.decisions} decisions, taking turns with the baseline")
    for afresh in (False, True):
        with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
            samples = measure(Path(tmp), args.decisions, afresh)
        print("verdicts weighed afresh" if afresh else "verdicts remembered (as played)")
        print(f"{'':34}{'p50':>10}{'p99':>10}{'mean':>10}")
        names = {
            "raw": "raw INSERT+COMMIT (baseline)",
            "record": "record_decision, committed",
            "check": "  of which: the mandate check",
        }
        for key, name in names.items():
            data = samples[key]
            figures = [percentile(data, 50), percentile(data, 99), statistics.mean(data)]
            print(f"{name:34}" + "".join(f"{x * 1e6:>8.0f}us" for x in figures))
        raw, rec = samples["raw"], samples["record"]
        p50 = percentile(rec, 50) / percentile(raw, 50)
        p99 = percentile(rec, 99) / percentile(raw, 99)
        print(f"ratio p50 {p50:.2f}  p99 {p99:.2f}  (target p50 <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

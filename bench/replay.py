"""Benchmark: replaying a 100,000-event session, against reading the same rows raw.

Builds a session of the synthetic pack from bench/record_decision.py by commands (a mix
of decisions with their verdicts, amendments, rulings, observations and clock moves),
stores its events in a session database, then times, median of several runs:

- raw: SELECT of the session's rows (seq, type, body, prev, hash), fetched into Python;
- replay: the same rows read, parsed into events and folded into the state;
- open: what resuming does, replay plus checking every hash and link of the chain.

Target: replay / raw <= 3.

    python bench/replay.py [--events 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import memory_game, timed
from record_decision import synthetic_pack
from tabletop.engine import (
    adjudicate,
    advance_clock,
    amend_decision,
    note,
    record_decision,
    replay,
)
from tabletop.hashchain.chain import chain, parse_array
from tabletop.model.effects import IncreaseFact
from tabletop.store import SessionInfo, SessionStore, load_events


def build_events(target: int) -> tuple[list, object]:
    """At least `target` events of a plausible long session, made by commands."""
    decisions = 2000
    game = memory_game(
        synthetic_pack(decisions),
        "bench-replay-20300101-0000",
        start=datetime(2030, 1, 1, 9, tzinfo=UTC),
        tick=timedelta(milliseconds=1),
        exercise="bench",
    )
    n = 0
    while len(game.events) < target:
        dp = f"DP-{n % decisions}"
        if n < decisions:
            game.do(record_decision, dp, "secretariat", "consult", f"Reason {n}.")
            game.do(amend_decision, dp, "secretariat", f"Reason {n}, clarified.", "Scribe")
        game.do(adjudicate, f"Ruling {n}.", [IncreaseFact(fact="tension", increase=1)])
        for k in range(12):
            game.do(note, "strength" if k % 2 else "area_for_improvement", f"Seen {n}.{k}")
        game.do(advance_clock, by=timedelta(minutes=5))
        n += 1
    return game.events, game.state


def main(argv: list[str] | None = None) -> int:
    """Build the session, store it, time raw reading against replay."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    events, state = build_events(args.events)
    rows = chain(events)
    built = time.perf_counter() - began
    mix = Counter(e.type for e in events).most_common()
    expected_count, expected_facts = state.event_count, dict(state.facts)
    size = sum(len(r.body) for r in rows) / 1_048_576
    del events, state  # keep the heap small, as it is when a session is opened
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp) / "replay.sqlite")
        info = SessionInfo(
            "bench-replay-20300101-0000",
            "bench-decisions",
            "1.0.0",
            "Benchmark",
            "h",
            None,
            "bench",
            "bench",
            datetime(2030, 1, 1, tzinfo=UTC),
            None,
            len(rows),
            rows[-1].hash,
        )
        store.create(info, rows)
        stored = len(rows)
        del rows  # (as above)
        query = "SELECT seq, type, body, prev, hash FROM events WHERE session_id = ? ORDER BY seq"

        def raw() -> list:
            return store.con.execute(query, (info.id,)).fetchall()

        def raw_decoded() -> list:
            return [json.loads(row[2]) for row in raw()]

        def replayed() -> object:
            return replay(parse_array(store.bodies_json(info.id)))

        def opened() -> object:
            return replay(load_events(store, info))

        timings = timed([raw, raw_decoded, replayed, opened], args.runs)
        (raw_s, _, raw_rows), (decoded_s, _, _), (replay_s, _, replayed_state) = timings[:3]
        open_s, _, opened_state = timings[3]
        store.close()
    assert len(raw_rows) == stored
    assert replayed_state == opened_state, "replay and open must agree"
    assert replayed_state.event_count == expected_count
    assert dict(replayed_state.facts) == expected_facts
    print(f"session of {stored:,} events ({size:.1f} MB of JSON), built in {built:.1f} s")
    print("mix: " + ", ".join(f"{t} {c:,}" for t, c in mix))
    print(f"raw SELECT of the rows      {raw_s * 1000:8.1f} ms")
    print(f"  and json.loads of each    {decoded_s * 1000:8.1f} ms")
    print(f"replay (read, parse, fold)  {replay_s * 1000:8.1f} ms   ratio {replay_s / raw_s:.2f}")
    print(f"open (replay + verify)      {open_s * 1000:8.1f} ms   ratio {open_s / raw_s:.2f}")
    print(f"replay against rows read and JSON-decoded: {replay_s / decoded_s:.2f}")
    print("target: replay ratio <= 3 (against the raw SELECT)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: replaying a 100,000-event session, against reading the same rows raw.

Builds a session of the synthetic pack from bench/record_decision.py by commands (a mix
of decisions with their verdicts, amendments, rulings, observations and clock moves),
stores its events in a session database, then times, median of several runs:

- raw: SELECT of the session's rows (seq, type, body, prev, hash), fetched into Python;
- replay: the same rows read, parsed into events and folded into the state, from event 1,
  with the collector paused as the app does (and, for comparison, running);
- open: what resuming does (`Workspace.open`): the rows read, every hash and link of the
  chain checked, the events parsed and folded, from event 1 (no snapshot);
- open from a snapshot: the same, but from the session's snapshot (kept every 1,000
  events), so only the events after it are parsed and folded.

Target: replay / raw <= 5.

    python bench/replay.py [--events 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import events_of, loaded_pack, memory_game, timed
from record_decision import synthetic_pack
from tabletop.app import Workspace
from tabletop.app.collector import collector_paused
from tabletop.engine import replay
from tabletop.engine.snapshot import SNAPSHOT_FORMAT
from tabletop.hashchain.chain import chain, read_events
from tabletop.model.effects import IncreaseFact
from tabletop.store import SessionInfo, SessionStore, StoredSession


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
    while game.state.event_count < target:
        dp = f"DP-{n % decisions}"
        if n < decisions:
            game.decide(dp, "secretariat", "consult", f"Reason {n}.")
            game.amend(dp, "secretariat", f"Reason {n}, clarified.", "Scribe")
        game.adjudicate(f"Ruling {n}.", [IncreaseFact(fact="tension", increase=1)])
        for k in range(12):
            game.note("strength" if k % 2 else "area_for_improvement", f"Seen {n}.{k}")
        game.advance(by=timedelta(minutes=5))
        n += 1
    return events_of(game), game.state


@contextmanager
def snapshot_hidden(store: SessionStore) -> Iterator[None]:
    """The session's snapshot out of sight for the block (marked as of another format)."""
    store.con.execute("UPDATE snapshots SET format = -1")
    try:
        yield
    finally:
        store.con.execute("UPDATE snapshots SET format = ?", (SNAPSHOT_FORMAT,))


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
        pack_file = Path(tmp) / "bench-decisions.json"
        pack_file.write_bytes(synthetic_pack(2000))
        store = SessionStore(Path(tmp) / "replay.sqlite")
        info = SessionInfo(
            "bench-replay-20300101-0000",
            "bench-decisions",
            "1.0.0",
            "Benchmark",
            loaded_pack(pack_file.read_bytes()).content_hash,
            str(pack_file),
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
        workspace = Workspace(Path(tmp) / "home", sessions=store.path)

        def raw() -> list:
            return store.con.execute(query, (info.id,)).fetchall()

        def raw_decoded() -> list:
            return [json.loads(row[2]) for row in raw()]

        def replayed() -> object:
            return replay(read_events(store.rows(info.id)))

        def replayed_paused() -> object:
            with collector_paused():  # as the app reads a log (see app/collector.py)
                return replay(read_events(store.rows(info.id)))

        def opened() -> object:
            with snapshot_hidden(store):  # from event 1
                return workspace.open(info.id).state

        def from_snapshot() -> object:
            return workspace.open(info.id).state

        # The snapshot a game keeps as it is played (every 1,000 events), taken here at once.
        StoredSession(store, info).save_snapshot(replay(read_events(store.rows(info.id))))
        fns = [raw, raw_decoded, replayed, replayed_paused, opened, from_snapshot]
        timings = timed(fns, args.runs)
        (raw_s, _, raw_rows), (decoded_s, _, _), (plain_s, _, replayed_state) = timings[:3]
        (replay_s, _, _), (open_s, _, opened_state), (snap_s, _, snap_state) = timings[3:]
        workspace.close()
        store.close()
    assert len(raw_rows) == stored
    assert replayed_state == opened_state == snap_state, "replay and open must agree"
    assert replayed_state.event_count == expected_count
    assert dict(replayed_state.facts) == expected_facts
    print(f"session of {stored:,} events ({size:.1f} MB of JSON), built in {built:.1f} s")
    print("mix: " + ", ".join(f"{t} {c:,}" for t, c in mix))
    print(f"raw SELECT of the rows      {raw_s * 1000:8.1f} ms")
    print(f"  and json.loads of each    {decoded_s * 1000:8.1f} ms")
    print(f"replay, collector running   {plain_s * 1000:8.1f} ms   ratio {plain_s / raw_s:.2f}")
    print(f"replay (read, parse, fold)  {replay_s * 1000:8.1f} ms   ratio {replay_s / raw_s:.2f}")
    print(f"open (verify + replay)      {open_s * 1000:8.1f} ms   ratio {open_s / raw_s:.2f}")
    print(f"open from the snapshot      {snap_s * 1000:8.1f} ms   ratio {snap_s / raw_s:.2f}")
    print(f"replay against rows read and JSON-decoded: {replay_s / decoded_s:.2f}")
    print("target: replay ratio <= 5 (against the raw SELECT)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

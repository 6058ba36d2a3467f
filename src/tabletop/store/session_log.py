"""One session's log in the store, open for appending, and the snapshots it resumes from."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from pydantic import ValidationError

from tabletop.engine.snapshot import SNAPSHOT_FORMAT, decode_state, encode_state
from tabletop.engine.state import SessionState
from tabletop.hashchain.chain import Row, chain
from tabletop.model.events import Event, SessionEnded
from tabletop.store.sqlite_store import SessionInfo, SessionStore, StoredSnapshot

SNAPSHOT_EVERY = 1000
"""A snapshot is kept once this many events have been logged since the last one: opening a
session then folds at most this many events (real games log a few hundred in all)."""


def seal(head: str, state: bytes) -> str:
    """What ties a snapshot to the event it follows: SHA-256 of that event's hash and the
    snapshot, so a snapshot edited by hand, or left from another log, is not believed."""
    return hashlib.sha256(head.encode("ascii") + state).hexdigest()


def snapshot_state(snapshot: StoredSnapshot | None, rows: Sequence[Row]) -> SessionState | None:
    """The state a stored snapshot holds, if it is sound for these (verified) rows: the
    current format, and sealed to the hash of the event it follows; else None."""
    if snapshot is None or snapshot.format != SNAPSHOT_FORMAT:
        return None
    if not 0 < snapshot.seq <= len(rows):
        return None
    if seal(rows[snapshot.seq - 1].hash, snapshot.state) != snapshot.seal:
        return None
    try:
        state = decode_state(snapshot.state)
    except ValidationError:
        return None
    return state if state.event_count == snapshot.seq else None


class StoredSession:
    """The log of one session in a store: appends chained events after the head it knows,
    and keeps a snapshot every `SNAPSHOT_EVERY` events."""

    def __init__(self, store: SessionStore, info: SessionInfo, snapshot_seq: int = 0) -> None:
        self.store = store
        self.id = info.id
        self.head = info.head_hash
        self.count = info.event_count
        self.snapshot_seq = snapshot_seq

    def append(self, events: Sequence[Event], state: SessionState) -> None:
        """Commit the events in one transaction (`state` is where they lead, for the
        snapshot); StoreError, with nothing written, if the commit fails. Once committed,
        nothing raises: a snapshot that fails is skipped."""
        if not events:
            return
        rows = chain(events, self.head, self.count + 1)
        ended = next((e.at for e in events if isinstance(e, SessionEnded)), None)
        self.store.append(self.id, rows, head=self.head, ended_at=ended)
        self.head, self.count = rows[-1].hash, rows[-1].seq
        if self.count - self.snapshot_seq >= SNAPSHOT_EVERY:
            self.save_snapshot(state)

    def save_snapshot(self, state: SessionState) -> None:
        """Keep the state as the session's snapshot. A snapshot is only a cache: if it cannot
        be written, the game goes on and the next opening folds a few more events."""
        if state.event_count != self.count:
            return
        try:
            data = encode_state(state)
            self.store.save_snapshot(
                self.id, StoredSnapshot(self.count, SNAPSHOT_FORMAT, data, seal(self.head, data))
            )
        except Exception:  # a cache: whatever fails, the committed events stand
            return
        self.snapshot_seq = self.count

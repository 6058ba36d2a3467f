"""A game in progress: its pack, its state in memory, and its log in the store.

Each command's events are committed in one transaction before `do` returns; the state
in memory is then folded forward, so appending never re-reads the log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from tabletop.engine import (
    Outcome,
    Refusal,
    SessionState,
    extend,
    replay,
    start_session,
)
from tabletop.hashchain.chain import Row, chain, read_intact, verify_and_read
from tabletop.model.events import Event
from tabletop.packs import LoadedPack
from tabletop.store.db import StoreError
from tabletop.store.jsonl import DamagedLog
from tabletop.store.sqlite_store import SessionInfo, SessionStore

WallClock = Callable[[], datetime]


def utc_now() -> datetime:
    """The wall clock, in UTC (the shell's clock; the engine never reads one)."""
    return datetime.now(UTC)


class PackMismatch(StoreError):
    """The pack at hand is not the one the session was played with."""


class LiveSession:
    """One session, open for play: commands in, events committed, state kept in memory."""

    def __init__(
        self,
        store: SessionStore,
        info: SessionInfo,
        loaded: LoadedPack,
        state: SessionState,
        clock: WallClock = utc_now,
    ) -> None:
        self.store = store
        self.loaded = loaded
        self.state = state
        self.clock = clock
        self.id = info.id
        self.head = info.head_hash
        self.count = info.event_count

    @property
    def pack(self) -> Any:
        """The pack being played."""
        return self.loaded.pack

    @classmethod
    def start(
        cls,
        store: SessionStore,
        loaded: LoadedPack,
        *,
        facilitator: str,
        exercise: str,
        exercise_date: date | None = None,
        clock: WallClock = utc_now,
    ) -> LiveSession | Refusal:
        """Begin a new session of the pack and commit its first events."""
        now = clock()
        pack = loaded.pack
        session_id = store.new_session_id(pack.meta.id, now.date())
        outcome = start_session(
            pack,
            pack_hash=loaded.content_hash,
            session_id=session_id,
            facilitator=facilitator,
            exercise=exercise,
            exercise_date=exercise_date or now.date(),
            now=now,
        )
        if isinstance(outcome, Refusal):
            return outcome
        rows = chain(outcome)
        info = SessionInfo(
            id=session_id,
            pack_id=pack.meta.id,
            pack_version=pack.meta.version,
            pack_title=pack.meta.title,
            pack_hash=loaded.content_hash,
            pack_path=loaded.path,
            exercise=exercise,
            facilitator=facilitator,
            started_at=now,
            ended_at=None,
            event_count=len(rows),
            head_hash=rows[-1].hash,
        )
        store.create(info, rows)
        return cls(store, info, loaded, replay(pack, outcome), clock)

    @classmethod
    def open(
        cls,
        store: SessionStore,
        info: SessionInfo,
        loaded: LoadedPack,
        *,
        allow_changed_pack: bool = False,
        clock: WallClock = utc_now,
    ) -> LiveSession:
        """Open a stored session for play: verify its log and replay it."""
        return cls.open_with_log(
            store, info, loaded, allow_changed_pack=allow_changed_pack, clock=clock
        )[0]

    @classmethod
    def open_with_log(
        cls,
        store: SessionStore,
        info: SessionInfo,
        loaded: LoadedPack,
        *,
        allow_changed_pack: bool = False,
        clock: WallClock = utc_now,
    ) -> tuple[LiveSession, list[Event]]:
        """Open a stored session for play, and give its events too."""
        check_pack(info, loaded, allow_changed=allow_changed_pack)
        events = load_events(store, info)
        return cls(store, info, loaded, replay(loaded.pack, events), clock), events

    def do(self, command: Callable[..., Outcome], *args: Any, **kwargs: Any) -> Outcome:
        """Run a command on the current state; commit its events before returning them."""
        outcome = command(self.state, self.pack, *args, now=self.clock(), **kwargs)
        if not isinstance(outcome, Refusal):
            self.commit(outcome)
        return outcome

    def commit(self, events: Sequence[Event]) -> None:
        """Append events to the log in one transaction, then fold them into the state."""
        if not events:
            return
        rows = chain(events, self.head, self.count + 1)
        ended = next((e.at for e in events if e.type == "session_ended"), None)
        self.store.append(self.id, rows, head=self.head, ended_at=ended)
        self.head, self.count = rows[-1].hash, rows[-1].seq
        self.state = extend(self.state, events)


def check_pack(info: SessionInfo, loaded: LoadedPack, *, allow_changed: bool) -> None:
    """Refuse a pack other than the session's; a changed version only with permission."""
    pack = loaded.pack
    if pack.meta.id != info.pack_id:
        raise PackMismatch(
            f"session {info.id} plays pack '{info.pack_id}', but {loaded.path} is '{pack.meta.id}'"
        )
    if loaded.content_hash != info.pack_hash and not allow_changed:
        raise PackMismatch(
            f"the pack has changed since session {info.id} began: it was played with "
            f"{info.pack_id} {info.pack_version} ({info.pack_hash[:19]}), and {loaded.path} is "
            f"{pack.meta.version} ({loaded.content_hash[:19]}). Pass --allow-changed-pack to "
            "go on with the changed pack, or use the original file"
        )


def load_events(store: SessionStore, info: SessionInfo) -> list[Event]:
    """The session's events, after checking the chain against the session record."""
    expected = {"expected_count": info.event_count, "expected_head": info.head_hash}
    intact = read_intact(store.stored_rows(info.id), **expected)
    if intact is not None:
        return intact
    rows: list[Row] = store.rows(info.id)
    report, events = verify_and_read(rows, **expected)
    if not report.ok:
        raise DamagedLog(f"session {info.id}", report)
    return events

"""The session store: sessions, their hash-chained events and their latest snapshots in one
SQLite database.

Every write is one transaction, durable when it returns. Every read of more than one
statement is one read transaction, so it sees the database as it was at one instant: a
reader never sees the session record of one commit beside the events of another (which
would look like damage). One connection serves the process, behind a lock.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tabletop.hashchain.chain import Row
from tabletop.store.db import StoreError, connect, translated


class NoSuchSession(StoreError):
    """No session has that id or id prefix."""


class AmbiguousSession(StoreError):
    """Several sessions start with the prefix given."""


class SessionExists(StoreError):
    """A session with that id is already in the database."""


class ConcurrentWrite(StoreError):
    """Someone else appended to the session since it was opened here."""


@dataclass(frozen=True)
class SessionInfo:
    """The record of a session: what it plays, who runs it, and the head of its log."""

    id: str
    pack_id: str
    pack_version: str
    pack_title: str
    pack_hash: str
    pack_path: str | None
    exercise: str
    facilitator: str
    started_at: datetime
    ended_at: datetime | None
    event_count: int
    head_hash: str


@dataclass(frozen=True)
class StoredSnapshot:
    """The state of a session after event `seq`, as stored (see `engine.snapshot`)."""

    seq: int
    format: int
    state: bytes
    seal: str


@dataclass(frozen=True)
class StoredLog:
    """A session as read in one read transaction: its record, its rows, its snapshot."""

    info: SessionInfo
    rows: list[Row]
    snapshot: StoredSnapshot | None


_COLUMNS = (
    "id, pack_id, pack_version, pack_title, pack_hash, pack_path, exercise, facilitator, "
    "started_at, ended_at, event_count, head_hash"
)
_INSERT = "INSERT INTO events (session_id, seq, type, body, prev, hash) VALUES (?,?,?,?,?,?)"
_ADVANCE = (
    "UPDATE sessions SET event_count = ?, head_hash = ?, ended_at = COALESCE(?, ended_at) "
    "WHERE id = ? AND head_hash = ?"
)
_ROWS = "SELECT seq, type, body, prev, hash FROM events WHERE session_id = ? ORDER BY seq"


def _info(row: tuple[object, ...]) -> SessionInfo:
    values = list(row)
    values[8] = datetime.fromisoformat(str(values[8]))
    values[9] = datetime.fromisoformat(str(values[9])) if values[9] else None
    return SessionInfo(*values)  # type: ignore[arg-type]


class SessionStore:
    """Sessions in one database file."""

    def __init__(self, path: str | Path, *, timeout: float = 30) -> None:
        """Open the database; a writer waits up to `timeout` seconds for another's lock."""
        self.path = Path(path)
        self.con = connect(self.path, timeout)
        self._lock = threading.RLock()

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self.con.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[sqlite3.Connection]:
        """One transaction under the lock, its errors in words; rolled back on any error."""
        with self._lock, translated(self.path):
            self.con.execute(begin)
            try:
                yield self.con
                self.con.execute("COMMIT")
            except BaseException:
                if self.con.in_transaction:  # SQLite may have rolled back already (disk full)
                    self.con.execute("ROLLBACK")
                raise

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._transaction("BEGIN IMMEDIATE")

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        # A deferred transaction reads one snapshot of the database (WAL) from its first
        # SELECT to its end.
        return self._transaction("BEGIN")

    def new_session_id(self, pack_id: str, day: date) -> str:
        """A fresh, readable id: pack id, date, four hex digits."""
        with self._read() as con:
            for _ in range(100):
                sid = f"{pack_id[:48]}-{day:%Y%m%d}-{secrets.token_hex(2)}"
                if not _exists(con, sid):
                    return sid
        raise StoreError("could not find a free session id; the database is very full")

    def create(self, info: SessionInfo, rows: Sequence[Row]) -> None:
        """Add a session with its first events, in one transaction."""
        with self._write() as con:
            if _exists(con, info.id):
                raise SessionExists(f"a session '{info.id}' is already in {self.path}")
            con.execute(
                f"INSERT INTO sessions ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    info.id,
                    info.pack_id,
                    info.pack_version,
                    info.pack_title,
                    info.pack_hash,
                    info.pack_path,
                    info.exercise,
                    info.facilitator,
                    info.started_at.isoformat(),
                    info.ended_at.isoformat() if info.ended_at else None,
                    len(rows),
                    rows[-1].hash if rows else "",
                ),
            )
            _insert(con, info.id, rows)

    def append(
        self, session_id: str, rows: Sequence[Row], *, head: str, ended_at: datetime | None = None
    ) -> None:
        """Append events after `head`, in one transaction; refuse if the head has moved."""
        if not rows:
            return
        last = rows[-1]
        with self._write() as con:
            _insert(con, session_id, rows)
            ended = ended_at.isoformat() if ended_at else None
            moved = con.execute(_ADVANCE, (last.seq, last.hash, ended, session_id, head)).rowcount
            if moved != 1:
                raise ConcurrentWrite(
                    f"session {session_id} was changed elsewhere since it was opened; open it again"
                )

    def save_snapshot(self, session_id: str, snapshot: StoredSnapshot) -> None:
        """Keep this snapshot as the session's latest (replacing the one before)."""
        with self._write() as con:
            con.execute(
                "INSERT OR REPLACE INTO snapshots (session_id, seq, format, state, seal) "
                "VALUES (?,?,?,?,?)",
                (session_id, snapshot.seq, snapshot.format, snapshot.state, snapshot.seal),
            )

    def delete(self, session_id: str) -> None:
        """Remove a session, its events and its snapshot, in one transaction."""
        with self._write() as con:
            if not _exists(con, session_id):
                raise NoSuchSession(f"no session '{session_id}' in {self.path}")
            for table, column in (("snapshots", "session_id"), ("events", "session_id")):
                con.execute(f"DELETE FROM {table} WHERE {column} = ?", (session_id,))
            con.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def sessions(self) -> list[SessionInfo]:
        """Every session, most recent first."""
        query = f"SELECT {_COLUMNS} FROM sessions ORDER BY started_at DESC, id"
        with self._read() as con:
            return [_info(r) for r in con.execute(query)]

    def info(self, session_id: str) -> SessionInfo:
        """The record of one session, by exact id."""
        with self._read() as con:
            return _record(con, session_id, self.path)

    def find(self, ref: str) -> SessionInfo:
        """A session by its id or a unique prefix of it."""
        with self._read() as con:
            return _record(con, _resolve(con, ref, self.path), self.path)

    def rows(self, session_id: str) -> list[Row]:
        """Every stored event of a session, in order, as stored."""
        with self._read() as con:
            return list(map(Row._make, con.execute(_ROWS, (session_id,))))

    def read_log(self, ref: str, *, snapshot: bool = False) -> StoredLog:
        """A session (by id or unique prefix) with its rows, and its snapshot if asked, all
        read at one instant."""
        with self._read() as con:
            info = _record(con, _resolve(con, ref, self.path), self.path)
            rows = list(map(Row._make, con.execute(_ROWS, (info.id,))))
            stored = None
            if snapshot and _has_snapshots(con):
                found = con.execute(
                    "SELECT seq, format, state, seal FROM snapshots WHERE session_id = ?",
                    (info.id,),
                ).fetchone()
                stored = StoredSnapshot(*found) if found else None
            return StoredLog(info, rows, stored)


def _has_snapshots(con: sqlite3.Connection) -> bool:
    """Whether the database has the snapshots table (a read-only one may be of schema 1)."""
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'snapshots'"
    return con.execute(query).fetchone() is not None


def _exists(con: sqlite3.Connection, session_id: str) -> bool:
    query = "SELECT 1 FROM sessions WHERE id = ?"
    return con.execute(query, (session_id,)).fetchone() is not None


def _record(con: sqlite3.Connection, session_id: str, path: Path) -> SessionInfo:
    row = con.execute(f"SELECT {_COLUMNS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise NoSuchSession(f"no session '{session_id}' in {path}")
    return _info(row)


def _resolve(con: sqlite3.Connection, ref: str, path: Path) -> str:
    """The id of the session a reference names: its id, or a unique prefix of it."""
    if not ref.strip():
        raise NoSuchSession(
            "give a session id (or the start of one); `tabletop sessions` lists them"
        )
    if _exists(con, ref):
        return ref
    hits = con.execute(
        "SELECT id FROM sessions WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id", (ref,)
    ).fetchall()
    if not hits:
        raise NoSuchSession(f"no session '{ref}' in {path}; `tabletop sessions` lists them")
    if len(hits) > 1:
        names = ", ".join(h[0] for h in hits[:10])
        raise AmbiguousSession(f"'{ref}' could be any of: {names}; give more of the id")
    return str(hits[0][0])


def _insert(con: sqlite3.Connection, session_id: str, rows: Sequence[Row]) -> None:
    try:
        # A Row is (seq, type, body, prev, hash): the columns after session_id, in order.
        con.executemany(_INSERT, [(session_id, *r) for r in rows])
    except sqlite3.IntegrityError as exc:
        raise ConcurrentWrite(
            f"session {session_id} was changed elsewhere since it was opened here (it "
            f"already has event {rows[0].seq}); open it again"
        ) from exc

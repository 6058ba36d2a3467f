"""The session store: sessions and their hash-chained events in one SQLite database."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tabletop.hashchain.chain import Row, StoredRow
from tabletop.store.db import StoreError, connect


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


_COLUMNS = (
    "id, pack_id, pack_version, pack_title, pack_hash, pack_path, exercise, facilitator, "
    "started_at, ended_at, event_count, head_hash"
)


_INSERT = "INSERT INTO events (session_id, seq, type, body, prev, hash) VALUES (?,?,?,?,?,?)"
_ADVANCE = (
    "UPDATE sessions SET event_count = ?, head_hash = ?, ended_at = COALESCE(?, ended_at) "
    "WHERE id = ? AND head_hash = ?"
)


def _info(row: tuple) -> SessionInfo:
    values = list(row)
    values[8] = datetime.fromisoformat(values[8])
    values[9] = datetime.fromisoformat(values[9]) if values[9] else None
    return SessionInfo(*values)


class SessionStore:
    """Sessions in one database file. Each write is one transaction, durable on return."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.con = connect(self.path)

    def close(self) -> None:
        """Close the database connection."""
        self.con.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self.con.execute("BEGIN IMMEDIATE")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def new_session_id(self, pack_id: str, day: date) -> str:
        """A fresh, readable id: pack id, date, four hex digits."""
        for _ in range(100):
            sid = f"{pack_id[:48]}-{day:%Y%m%d}-{secrets.token_hex(2)}"
            if not self._exists(sid):
                return sid
        raise StoreError("could not find a free session id; the database is very full")

    def _exists(self, session_id: str) -> bool:
        query = "SELECT 1 FROM sessions WHERE id = ?"
        return self.con.execute(query, (session_id,)).fetchone() is not None

    def create(self, info: SessionInfo, rows: Sequence[Row]) -> None:
        """Add a session with its first events, in one transaction."""
        with self._write() as con:
            if self._exists(info.id):
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
            self._insert(con, info.id, rows)

    def append(
        self, session_id: str, rows: Sequence[Row], *, head: str, ended_at: datetime | None = None
    ) -> None:
        """Append events after `head`, in one transaction; refuse if the head has moved."""
        if not rows:
            return
        # Written out rather than through _write: this runs once per command, on the path
        # whose latency the facilitator feels.
        con, last = self.con, rows[-1]
        con.execute("BEGIN IMMEDIATE")
        try:
            self._insert(con, session_id, rows)
            moved = con.execute(
                _ADVANCE,
                (
                    last.seq,
                    last.hash,
                    ended_at.isoformat() if ended_at else None,
                    session_id,
                    head,
                ),
            ).rowcount
            if moved != 1:
                raise ConcurrentWrite(
                    f"session {session_id} was changed elsewhere since it was opened; open it again"
                )
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    @staticmethod
    def _insert(con: sqlite3.Connection, session_id: str, rows: Sequence[Row]) -> None:
        try:
            # A Row is (seq, type, body, prev, hash): the columns after session_id, in order.
            con.executemany(_INSERT, [(session_id, *r) for r in rows])
        except sqlite3.IntegrityError as exc:
            raise ConcurrentWrite(
                f"session {session_id} was changed elsewhere since it was opened here (it "
                f"already has event {rows[0].seq}); open it again"
            ) from exc

    def sessions(self) -> list[SessionInfo]:
        """Every session, most recent first."""
        query = f"SELECT {_COLUMNS} FROM sessions ORDER BY started_at DESC, id"
        return [_info(r) for r in self.con.execute(query)]

    def info(self, session_id: str) -> SessionInfo:
        """The record of one session, by exact id."""
        row = self.con.execute(
            f"SELECT {_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise NoSuchSession(f"no session '{session_id}' in {self.path}")
        return _info(row)

    def find(self, ref: str) -> SessionInfo:
        """A session by its id or a unique prefix of it."""
        if self._exists(ref):
            return self.info(ref)
        hits = self.con.execute(
            "SELECT id FROM sessions WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id", (ref,)
        ).fetchall()
        if not hits:
            raise NoSuchSession(
                f"no session '{ref}' in {self.path}; `tabletop sessions` lists them"
            )
        if len(hits) > 1:
            names = ", ".join(h[0] for h in hits[:10])
            raise AmbiguousSession(f"'{ref}' could be any of: {names}; give more of the id")
        return self.info(hits[0][0])

    def bodies_json(self, session_id: str) -> bytes:
        """The stored event bodies of a session as one JSON array in UTF-8, in order (for a
        replay that needs no check: joined by SQLite, and never decoded into Python text)."""
        query = (
            "SELECT CAST('[' || coalesce(group_concat(body, ','), '') || ']' AS BLOB) FROM "
            "(SELECT body FROM events WHERE session_id = ? ORDER BY seq)"
        )
        return self.con.execute(query, (session_id,)).fetchone()[0]  # type: ignore[no-any-return]

    def stored_rows(self, session_id: str) -> list[StoredRow]:
        """Every stored event of a session, in order, for `read_intact`: seq, type, the
        UTF-8 bytes of prev + body (what the hash is of), prev and hash."""
        query = (
            "SELECT seq, type, CAST(prev || body AS BLOB), prev, hash FROM events "
            "WHERE session_id = ? ORDER BY seq"
        )
        return self.con.execute(query, (session_id,)).fetchall()

    def rows(self, session_id: str) -> list[Row]:
        """Every stored event of a session, in order, as stored."""
        query = "SELECT seq, type, body, prev, hash FROM events WHERE session_id = ? ORDER BY seq"
        return list(map(Row._make, self.con.execute(query, (session_id,))))

"""The SQLite session database: connection settings, schema, and its errors in words."""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    pack_id TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    pack_title TEXT NOT NULL,
    pack_hash TEXT NOT NULL,
    pack_path TEXT,
    exercise TEXT NOT NULL,
    facilitator TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    event_count INTEGER NOT NULL,
    head_hash TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS events (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
) STRICT;
CREATE TABLE IF NOT EXISTS snapshots (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    format INTEGER NOT NULL,
    state BLOB NOT NULL,
    seal TEXT NOT NULL
) STRICT;
"""
"""Schema 2 adds `snapshots`: the state after event `seq` of a session, so opening it
replays only the events after (`seal` ties the state to the hash of that event)."""


class StoreError(Exception):
    """The session database cannot be used (not a tabletop database, newer, unreadable)."""


def describe_error(path: Path, exc: sqlite3.Error | OSError) -> str:
    """What went wrong with the session database, and what to do, for a person."""
    text = str(exc).lower()
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        blocked = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocked is not None:
            reason = f"{blocked} is a file, not a folder"
        return f"cannot use the session database {path}: {reason}; check the path and its folder"
    if "readonly" in text or "read-only" in text:
        return (
            f"the session database {path} is read-only, so nothing can be recorded there; "
            "make the file and its folder writable (SQLite writes a -wal file beside it), or "
            "use another file with --session FILE"
        )
    if "locked" in text or "busy" in text:
        return (
            f"the session database {path} stayed locked by another program for too long; "
            "close the other program (or the other tabletop) and try again"
        )
    if "full" in text:
        return (
            f"the disk holding the session database {path} is full; nothing was recorded. "
            "Free some space and try again"
        )
    if "not a database" in text or "malformed" in text:
        return (
            f"{path} is not a usable tabletop session database ({exc}); give another file "
            "with --session FILE"
        )
    if "unable to open" in text:
        if path.is_dir():
            return f"cannot open the session database {path}: it is a folder; give a file path"
        if not path.exists():
            return (
                f"cannot create the session database {path}: its folder cannot be written; "
                "give a file in a folder you can write with --session FILE"
            )
        return f"cannot open the session database {path}; check the file and its folder"
    if "disk i/o" in text:
        return f"the disk failed while using the session database {path} ({exc}); try again"
    return f"the session database {path} failed: {exc}"


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn the database's own errors (sqlite3, OS) into a StoreError in words."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(describe_error(path, exc)) from exc


def writable(path: Path) -> bool:
    """Whether this process may write the database file and its folder (SQLite writes its
    -wal and -shm files beside it), or create it if it is not there yet."""
    folder_ok = os.access(path.parent, os.W_OK) if path.parent.exists() else True
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def connect(path: Path, timeout: float = 30) -> sqlite3.Connection:
    """Open (creating if need be) a session database: WAL, synchronous=FULL, schema in place.

    The connection is in autocommit mode; writers open their own transactions, so a
    command's events are committed together or not at all. A database this process may
    not write (an analyst's read-only copy) is opened for reading only: every read works,
    and a write fails with a message saying why.
    """
    if path.is_dir():
        raise StoreError(f"cannot open the session database {path}: it is a folder; give a file")
    if not writable(path):
        return _connect_readonly(path, timeout)
    with translated(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        # check_same_thread=False: the store serialises every use of the connection with
        # its own lock, and interfaces call in from several threads.
        con = sqlite3.connect(path, isolation_level=None, timeout=timeout, check_same_thread=False)
    try:
        configure(con, timeout)
        _migrate(con, path)
    except sqlite3.DatabaseError as exc:
        con.close()
        if isinstance(exc, sqlite3.OperationalError) and "not a database" not in str(exc):
            raise StoreError(describe_error(path, exc)) from exc
        raise StoreError(f"{path} is not a usable tabletop session database: {exc}") from exc
    return con


def _connect_readonly(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-only connection; `immutable` when SQLite cannot even make its -shm file (the
    folder is read-only too), which is right for a copy nobody is writing, but only when no
    -wal file holds events not yet copied into the database (immutable would not see them)."""
    base = "file:" + urllib.parse.quote(str(path.resolve()))
    error: sqlite3.Error | None = None
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    for mode in ("?mode=ro", "?mode=ro&immutable=1"):
        if "immutable" in mode and pending:
            raise StoreError(
                f"the session database {path} is read-only and its last events are still in "
                f"{wal.name}, which SQLite cannot read from a read-only folder; copy both files "
                "to a folder you can write, and open the copy"
            )
        try:
            con = sqlite3.connect(
                base + mode,
                uri=True,
                isolation_level=None,
                timeout=timeout,
                check_same_thread=False,
            )
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        except sqlite3.Error as exc:
            error = exc
            continue
        if version > SCHEMA_VERSION:
            con.close()
            raise StoreError(
                f"{path} was written by a newer tabletop (schema {version}); upgrade tabletop"
            )
        if not {"sessions", "events"} <= tables:
            con.close()
            raise StoreError(f"{path} is not a tabletop session database (and is read-only)")
        return con
    assert error is not None
    raise StoreError(describe_error(path, error)) from error


def configure(con: sqlite3.Connection, timeout: float = 30) -> None:
    """The pragmas every connection uses (the benchmark's baseline uses them too)."""
    con.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk (WAL fsynced) before the call returns; NORMAL could lose
    # the last acknowledged decision on power loss.
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")


def _migrate(con: sqlite3.Connection, path: Path) -> None:
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer tabletop (schema {version}); upgrade tabletop"
        )
    if version == SCHEMA_VERSION:
        return
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables - {"sessions", "events", "snapshots"}:
        raise StoreError(f"{path} is an SQLite file but not a tabletop session database")
    con.execute("BEGIN IMMEDIATE")
    try:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                con.execute(statement)
        con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise

"""The SQLite session database: connection settings and schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 1

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
"""


class StoreError(Exception):
    """The session database cannot be used (not a tabletop database, newer, unreadable)."""


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if need be) a session database: WAL, synchronous=FULL, schema in place.

    The connection is in autocommit mode; writers open their own transactions, so a
    command's events are committed together or not at all.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"cannot open the session database {path}: {exc}") from exc
    try:
        configure(con)
        _migrate(con, path)
    except sqlite3.DatabaseError as exc:
        con.close()
        raise StoreError(f"{path} is not a usable tabletop session database: {exc}") from exc
    return con


def configure(con: sqlite3.Connection) -> None:
    """The pragmas every connection uses (the benchmark's baseline uses them too)."""
    con.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk (WAL fsynced) before the call returns; NORMAL could lose
    # the last acknowledged decision on power loss.
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA busy_timeout=30000")


def _migrate(con: sqlite3.Connection, path: Path) -> None:
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer tabletop (schema {version}); upgrade tabletop"
        )
    if version == SCHEMA_VERSION:
        return
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables - {"sessions", "events"}:
        raise StoreError(f"{path} is an SQLite file but not a tabletop session database")
    con.execute("BEGIN IMMEDIATE")
    try:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                con.execute(statement)
        con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise

"""Durable sessions: the SQLite store, one session's log open for appending, JSON Lines
export and import."""

from tabletop.store.db import StoreError
from tabletop.store.jsonl import (
    DamagedLog,
    LogFileError,
    export_text,
    import_log,
    info_from_header,
    parse_log,
    verify_log,
)
from tabletop.store.session_log import SNAPSHOT_EVERY, StoredSession, snapshot_state
from tabletop.store.sqlite_store import (
    AmbiguousSession,
    ConcurrentWrite,
    NoSuchSession,
    SessionExists,
    SessionInfo,
    SessionStore,
    StoredLog,
)

__all__ = [
    "SNAPSHOT_EVERY",
    "AmbiguousSession",
    "ConcurrentWrite",
    "DamagedLog",
    "LogFileError",
    "NoSuchSession",
    "SessionExists",
    "SessionInfo",
    "SessionStore",
    "StoreError",
    "StoredLog",
    "StoredSession",
    "export_text",
    "import_log",
    "info_from_header",
    "parse_log",
    "snapshot_state",
    "verify_log",
]

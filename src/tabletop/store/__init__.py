"""Durable sessions: the SQLite store, the live session, JSON Lines export and import."""

from tabletop.store.db import StoreError
from tabletop.store.jsonl import (
    DamagedLog,
    LogFileError,
    export_text,
    import_log,
    parse_log,
    verify_log,
)
from tabletop.store.live import LiveSession, PackMismatch, check_pack, load_events, utc_now
from tabletop.store.sqlite_store import (
    AmbiguousSession,
    ConcurrentWrite,
    NoSuchSession,
    SessionExists,
    SessionInfo,
    SessionStore,
)

__all__ = [
    "AmbiguousSession",
    "ConcurrentWrite",
    "DamagedLog",
    "LiveSession",
    "LogFileError",
    "NoSuchSession",
    "PackMismatch",
    "SessionExists",
    "SessionInfo",
    "SessionStore",
    "StoreError",
    "check_pack",
    "export_text",
    "import_log",
    "load_events",
    "parse_log",
    "utc_now",
    "verify_log",
]

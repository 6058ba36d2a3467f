"""Durable sessions: the SQLite store, one session's log open for appending, JSON Lines
export and import, the installation's signing key."""

from tabletop.store.db import StoreError
from tabletop.store.jsonl import (
    BadSignature,
    DamagedLog,
    LogFileError,
    export_text,
    import_log,
    info_from_header,
    parse_log,
    verify_log,
)
from tabletop.store.keys import SigningKeyError, existing_key, key_path, signing_key
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
    "BadSignature",
    "ConcurrentWrite",
    "DamagedLog",
    "LogFileError",
    "NoSuchSession",
    "SessionExists",
    "SessionInfo",
    "SessionStore",
    "SigningKeyError",
    "StoreError",
    "StoredLog",
    "StoredSession",
    "existing_key",
    "export_text",
    "import_log",
    "info_from_header",
    "key_path",
    "parse_log",
    "signing_key",
    "snapshot_state",
    "verify_log",
]

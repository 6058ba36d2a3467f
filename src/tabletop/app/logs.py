"""A session log wherever it is: in the session database (by id or unique prefix) or in an
exported .jsonl file. One resolver, used by every command that reads a log."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tabletop.hashchain.chain import ChainReport, Row, verify_chain
from tabletop.hashchain.signature import SignatureCheck, check_signature
from tabletop.model.sessionlog import LogHeader
from tabletop.store import SessionInfo, SessionStore, info_from_header, parse_log

MAX_LOG_BYTES = 64 * 1024 * 1024
"""Largest exported log read (a 100,000-event game is about 20 MB; reading one takes about
six times its size in memory)."""


@dataclass(frozen=True)
class LogSource:
    """A session log as read: what it says it is, its rows, and where it came from."""

    info: SessionInfo
    rows: list[Row]
    source: str
    """'session database PATH' or 'exported log PATH', for the report."""
    name: str
    """'session ID', or 'PATH (session ID)', for messages."""
    header: LogHeader | None = None
    """The header of an exported log."""

    def verify(self) -> ChainReport:
        """Check the chain against the count and head recorded outside it."""
        return verify_chain(
            self.rows, expected_count=self.info.event_count, expected_head=self.info.head_hash
        )

    def signature(self) -> SignatureCheck | None:
        """The check of an export's signature; None for a stored session, which is this
        machine's own record and has no signature to check."""
        return None if self.header is None else check_signature(self.header)


@dataclass(frozen=True)
class Verification:
    """A log checked: its chain, its signature (an export's), and whose key signed it."""

    source: LogSource
    chain: ChainReport
    signature: SignatureCheck | None = None
    """None for a stored session."""
    own_key: bool | None = None
    """Whether a verified signature is by this installation's key (None: not verified, or
    this installation's key could not be read, as `key_problem` says)."""
    key_problem: str = ""

    @property
    def ok(self) -> bool:
        """True when the chain is intact and any signature matches."""
        return self.chain.ok and (self.signature is None or self.signature.ok)


def names_file(ref: str) -> bool:
    """Whether a reference names an exported log file rather than a stored session."""
    return ref.endswith(".jsonl") or Path(ref).is_file()


def read_file(path: Path, limit: int = MAX_LOG_BYTES) -> bytes:
    """A file's bytes (OSError with the reason if it cannot be read, ValueError if too big)."""
    size = os.stat(path).st_size
    if size > limit:
        raise ValueError(f"{path} is {size:,} bytes; the largest log read is {limit:,}")
    return path.read_bytes()


def read_exported(data: bytes, path: Path) -> LogSource:
    """An exported log from its bytes."""
    header, rows = parse_log(data, str(path))
    info = info_from_header(header)
    return LogSource(info, rows, f"exported log {path}", f"{path} (session {info.id})", header)


def read_stored(store: SessionStore, ref: str) -> LogSource:
    """A stored session's log, record and rows read at one instant."""
    stored = store.read_log(ref)
    info = stored.info
    return LogSource(info, stored.rows, f"session database {store.path}", f"session {info.id}")

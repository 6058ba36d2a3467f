"""Export and import of session logs as JSON Lines: a header, then one event per line.

Each event line carries the stored canonical body verbatim under "event", so the hash of
every line can be checked with nothing but the file. A signed export's header also carries
the installation's signature over the rest of the header (`hashchain.signature`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import ValidationError

from tabletop.engine import LogError, replay
from tabletop.hashchain.chain import (
    EVENT,
    ChainReport,
    Row,
    canonical_json,
    read_events,
    verify_chain,
)
from tabletop.hashchain.signature import SignatureCheck, check_signature, sign_header
from tabletop.model.events import SessionStarted
from tabletop.model.sessionlog import LogHeader
from tabletop.store.db import StoreError
from tabletop.store.sqlite_store import SessionInfo, SessionStore


class LogFileError(StoreError):
    """An exported log that cannot be read (not JSON Lines, no header, a line unreadable)."""


class DamagedLog(StoreError):
    """A log whose hash chain is broken."""

    def __init__(self, where: str, report: ChainReport) -> None:
        super().__init__(f"{where}: {report.describe()}")
        self.report = report


class BadSignature(StoreError):
    """An exported log whose signature does not match its header."""

    def __init__(self, where: str, check: SignatureCheck) -> None:
        super().__init__(f"{where}: {check.describe()}")
        self.check = check


def export_lines(
    info: SessionInfo, rows: Sequence[Row], key: Ed25519PrivateKey | None = None
) -> Iterator[str]:
    """The lines of the exported log, without newlines. Count and head are as recorded; with
    a key, the header is signed by it."""
    header = LogHeader(
        format="tabletop-session-log",
        version=1,
        session_id=info.id,
        pack_id=info.pack_id,
        pack_version=info.pack_version,
        pack_title=info.pack_title,
        pack_hash=info.pack_hash,
        exercise=info.exercise,
        facilitator=info.facilitator,
        started_at=info.started_at,
        ended_at=info.ended_at,
        events=max(info.event_count, 1),
        head=info.head_hash,
    )
    if key is not None:
        header = sign_header(header, key)
    # An unsigned header is written without the field, byte for byte as before signatures.
    yield header.model_dump_json(exclude={"signature"} if header.signature is None else None)
    for r in rows:
        yield f'{{"seq":{r.seq},"prev":"{r.prev}","hash":"{r.hash}","event":{r.body}}}'


def export_text(
    info: SessionInfo, rows: Sequence[Row], key: Ed25519PrivateKey | None = None
) -> str:
    """The whole exported log as text (UTF-8 when written), one line each; signed by `key`."""
    return "".join(line + "\n" for line in export_lines(info, rows, key))


def parse_log(data: bytes, name: str) -> tuple[LogHeader, list[Row]]:
    """The header and the rows of an exported log, as written (nothing checked but shape)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LogFileError(f"{name}: not UTF-8 text (byte {exc.start})") from exc
    # Split on "\n" only: U+2028 and friends may appear inside JSON strings.
    lines = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if not lines:
        raise LogFileError(f"{name}: the file is empty; expected a tabletop session log")
    first_no, first = lines[0]
    try:
        header = LogHeader.model_validate_json(first)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = "/".join(str(p) for p in err["loc"])
        what = "not a tabletop session log header"
        if err["loc"][:1] == ("signature",):
            what = "the header's signature cannot be read"
        raise LogFileError(f"{name}:{first_no}: {what} ({where}: {err['msg']})") from exc
    rows = [_row(n, line, name) for n, line in lines[1:]]
    return header, rows


def _row(number: int, line: str, name: str) -> Row:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LogFileError(f"{name}:{number}:{exc.colno}: not JSON: {exc.msg}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("event"), dict):
        raise LogFileError(f"{name}:{number}: an event line needs seq, prev, hash and event")
    seq, prev, digest = data.get("seq"), data.get("prev"), data.get("hash")
    if not isinstance(seq, int) or not isinstance(prev, str) or not isinstance(digest, str):
        raise LogFileError(f"{name}:{number}: seq must be a number, prev and hash strings")
    event = data["event"]
    return Row(seq, str(event.get("type", "")), canonical_json(event), prev, digest)


def verify_log(data: bytes, name: str) -> tuple[LogHeader, ChainReport]:
    """Check an exported log against its own chain and header."""
    header, rows = parse_log(data, name)
    report = verify_chain(rows, expected_count=header.events, expected_head=header.head)
    return header, report


def import_log(store: SessionStore, data: bytes, name: str) -> SessionInfo:
    """Add an exported session to the store; refuse a damaged log, a signature that does not
    match, or an id already there."""
    header, rows = parse_log(data, name)
    report = verify_chain(rows, expected_count=header.events, expected_head=header.head)
    if not report.ok:
        raise DamagedLog(f"{name} is not imported", report)
    # The store keeps no signature, so a forged export taken in would pass from then on for
    # the machine's own record: refuse it as a damaged one.
    signature = check_signature(header)
    if not signature.ok:
        raise BadSignature(f"{name} is not imported", signature)
    info = info_from_log(header.session_id, rows, report.head, name)
    mismatched = [
        field
        for field in ("pack_id", "pack_version", "pack_hash", "exercise", "facilitator")
        if getattr(header, field) != getattr(info, field)
    ]
    if mismatched:
        raise LogFileError(
            f"{name}: the header does not match the log it heads ({', '.join(mismatched)})"
        )
    try:  # an intact chain of events no game could produce is refused here, not on opening
        replay(read_events(rows))
    except LogError as exc:
        raise LogFileError(f"{name} is not imported: it cannot be read as a game: {exc}") from exc
    store.create(info, rows)
    return info


def info_from_log(session_id: str, rows: Sequence[Row], head: str, name: str) -> SessionInfo:
    """The session record a verified log implies (taken from its events, not a header)."""
    first = EVENT.validate_json(rows[0].body)
    if first.type != "session_started" or first.session_id != session_id:
        raise LogFileError(f"{name}: the log does not start session {session_id}")
    ended = next(
        (EVENT.validate_json(r.body).at for r in reversed(rows) if r.type == "session_ended"),
        None,
    )
    return _info(session_id, first, first.at, ended, len(rows), head)


def info_from_header(header: LogHeader) -> SessionInfo:
    """The session record an exported log's header states (a damaged log included: the
    report of one still says what it claims to be)."""
    return _info(
        header.session_id, header, header.started_at, header.ended_at, header.events, header.head
    )


def _info(
    session_id: str,
    source: LogHeader | SessionStarted,
    started_at: datetime,
    ended_at: datetime | None,
    count: int,
    head: str,
) -> SessionInfo:
    """A session record; pack and people as `source` (a header or the first event) names them."""
    return SessionInfo(
        id=session_id,
        pack_id=source.pack_id,
        pack_version=source.pack_version,
        pack_title=source.pack_title,
        pack_hash=source.pack_hash,
        pack_path=None,
        exercise=source.exercise,
        facilitator=source.facilitator,
        started_at=started_at,
        ended_at=ended_at,
        event_count=count,
        head_hash=head,
    )

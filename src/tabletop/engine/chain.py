"""The hash chain of a session log: canonical JSON, SHA-256 links, and the check of a chain.

Each event is stored as its canonical JSON (sorted keys, no whitespace, UTF-8) with
`hash = SHA-256(prev_hash_hex + canonical_json)`; the first event's prev is GENESIS.
Pure: hashing is computation, not I/O, so the report can check a log too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError

from tabletop.model.events import Event

GENESIS = "0" * 64
EVENT = TypeAdapter(Event)
EVENTS = TypeAdapter(list[Event])

Damage = Literal["edited", "missing", "reordered", "inserted", "unreadable"]


def canonical(event: Event) -> str:
    """The event's canonical JSON text."""
    # None is left out: optional fields default to it, and some schemas (a discharge is
    # "action" or "when") allow only the key that is set.
    return canonical_json(EVENT.dump_python(event, mode="json", by_alias=True, exclude_none=True))


def canonical_json(data: Any) -> str:
    """Canonical JSON of plain data: sorted keys, no whitespace, non-ASCII kept."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def link(prev: str, body: str) -> str:
    """The hash of a body chained to the previous hash."""
    return hashlib.sha256((prev + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Row:
    """One stored event: position, type, canonical body and its links."""

    seq: int
    type: str
    body: str
    prev: str
    hash: str


def chain(events: Sequence[Event], prev: str = GENESIS, first_seq: int = 1) -> list[Row]:
    """Rows for events appended after a head hash."""
    rows = []
    for offset, event in enumerate(events):
        body = canonical(event)
        digest = link(prev, body)
        rows.append(Row(first_seq + offset, event.type, body, prev, digest))
        prev = digest
    return rows


@dataclass(frozen=True)
class ChainReport:
    """The outcome of checking a chain: intact, or the first bad event and the damage."""

    events: int
    head: str
    damage: Damage | None = None
    seq: int | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        """True when the chain is intact."""
        return self.damage is None

    def describe(self) -> str:
        """One line for a person."""
        if self.ok:
            return f"intact: {self.events} events, head {self.head[:16]}"
        return f"damaged: event {self.seq} {self.damage}: {self.detail}"


def verify_chain(
    rows: Sequence[Row], *, expected_count: int | None = None, expected_head: str | None = None
) -> ChainReport:
    """Check links, hashes and numbering; name the first bad event and the kind of damage.

    `expected_count`/`expected_head` come from outside the chain (the session record or an
    export header) and catch events cut off or added at the end.
    """
    return verify_and_read(rows, expected_count=expected_count, expected_head=expected_head)[0]


def read_events(rows: Sequence[Row]) -> list[Event]:
    """The events of rows, parsed (unchecked: use `verify_and_read` for a log from disk)."""
    return EVENTS.validate_json("[" + ",".join(r.body for r in rows) + "]")


def verify_and_read(
    rows: Sequence[Row], *, expected_count: int | None = None, expected_head: str | None = None
) -> tuple[ChainReport, list[Event]]:
    """The chain's check and, as far as it is intact, its events parsed."""
    scan = _Scan(rows, expected_count)
    report = _verify(scan, rows, expected_count, expected_head)
    return report, scan.events


def _verify(
    scan: _Scan,
    rows: Sequence[Row],
    expected_count: int | None,
    expected_head: str | None,
) -> ChainReport:
    prev_hash, prev_seq = GENESIS, 0
    for i, row in enumerate(rows):
        bad = scan.check(i, prev_hash, prev_seq)
        if bad is not None:
            return ChainReport(i, prev_hash, *bad)
        scan.seen[row.hash] = row.seq
        prev_hash, prev_seq = row.hash, row.seq
    count = len(rows)
    if expected_count is not None and count < expected_count:
        detail = f"the log ends after event {count} but {expected_count} were recorded"
        return ChainReport(count, prev_hash, "missing", count + 1, detail)
    if expected_count is not None and count > expected_count:
        detail = f"the log holds {count} events but only {expected_count} were recorded"
        return ChainReport(count, prev_hash, "inserted", expected_count + 1, detail)
    if expected_head is not None and prev_hash != expected_head:
        detail = "the last event is not the one recorded as the head of the log"
        return ChainReport(count, prev_hash, "edited", prev_seq, detail)
    return ChainReport(count, prev_hash)


_NOT_LINKED = "nothing in the chain points at this event"


class _Scan:
    """The checks on one row, given the rows around it."""

    def __init__(self, rows: Sequence[Row], expected_count: int | None) -> None:
        self.rows = rows
        self.expected_count = expected_count
        self.position: dict[str, int] = {}
        for i, row in enumerate(rows):
            self.position.setdefault(row.hash, i)
        self.seen: dict[str, int] = {}
        self.events: list[Event] = []

    def check(self, i: int, prev_hash: str, prev_seq: int) -> tuple[Damage, int, str] | None:
        """The damage at row i, if any."""
        rows = self.rows
        row = rows[i]
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        beyond = self.expected_count is not None and i >= self.expected_count
        if row.hash in self.seen:
            return "inserted", row.seq, f"it is a copy of event {self.seen[row.hash]}"
        linked = row.prev == prev_hash
        target = self.position.get(row.prev)
        if not linked and target is not None and target > i:
            detail = f"it was chained after an event that now comes later (position {target + 1})"
            return "reordered", row.seq, detail
        if row.seq < prev_seq:
            return "reordered", row.seq, f"event {row.seq} comes after event {prev_seq}"
        if row.seq == prev_seq:
            return "inserted", row.seq, f"a second event numbered {row.seq}"
        if row.seq > prev_seq + 1:
            if linked:
                return "edited", row.seq, f"renumbered: it directly follows event {prev_seq}"
            first = prev_seq + 1
            gone = f"{first}" if row.seq == first + 1 else f"{first} to {row.seq - 1}"
            return "missing", first, f"event {gone} is not in the log"
        if not linked:
            if beyond or (nxt is not None and nxt.prev == prev_hash):
                return "inserted", row.seq, _NOT_LINKED
            if target is not None:
                return "reordered", row.seq, "it is chained to an earlier event than its neighbour"
            detail = "the event it was chained to is gone (deleted, or rewritten and rehashed)"
            return "missing", row.seq, detail
        if link(row.prev, row.body) != row.hash:
            if beyond or (nxt is not None and nxt.prev == prev_hash):
                return "inserted", row.seq, _NOT_LINKED
            return "edited", row.seq, "its content no longer matches its hash"
        if nxt is not None and nxt.prev != row.hash:
            if nxt.prev == prev_hash:
                return "inserted", row.seq, _NOT_LINKED
            if self.position.get(nxt.prev) is None and nxt.seq == row.seq + 1:
                detail = (
                    "it was rewritten and rehashed (or the event after it was deleted and the "
                    "rest renumbered): the next event's link to it is broken"
                )
                return "edited", row.seq, detail
        try:
            parsed = EVENT.validate_json(row.body)
        except ValidationError as exc:
            return "unreadable", row.seq, f"not a valid event: {exc.errors()[0]['msg']}"
        if parsed.type != row.type:
            return "edited", row.seq, f"stored as '{row.type}' but its body is '{parsed.type}'"
        self.events.append(parsed)
        return None

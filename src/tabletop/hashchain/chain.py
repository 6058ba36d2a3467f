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
from typing import Any, Literal, NamedTuple

import orjson
from pydantic import TypeAdapter, ValidationError

from tabletop.model.events import Event

GENESIS = "0" * 64
EVENT = TypeAdapter(Event)
EVENTS = TypeAdapter(list[Event])

Damage = Literal["edited", "missing", "reordered", "inserted", "unreadable"]


def canonical(event: Event) -> str:
    """The event's canonical JSON text."""
    # None is left out: optional fields default to it, and some schemas (a discharge is
    # "action" or "when") allow only the key that is set. The event's own serializer is
    # the union's minus the search for the member that fits.
    data = event.__pydantic_serializer__.to_python(
        event, mode="json", by_alias=True, exclude_none=True
    )
    try:
        # Byte for byte what `canonical_json` writes (tested on every code point), some ten
        # times faster; events hold no floats, the one type the two would write apart.
        return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:  # an int beyond 64 bits, a lone surrogate: the reference decides
        return canonical_json(data)


_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, check_circular=False
)


def canonical_json(data: Any) -> str:
    """Canonical JSON of plain data: sorted keys, no whitespace, non-ASCII kept.

    The reference form of every stored body (and the one used on data from outside).
    """
    return _ENCODER.encode(data)


def link(prev: str, body: str) -> str:
    """The hash of a body chained to the previous hash."""
    return hashlib.sha256((prev + body).encode("utf-8")).hexdigest()


class Row(NamedTuple):
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


def parse_bodies(bodies: Sequence[str]) -> list[Event]:
    """Events from their canonical JSON bodies, parsed in one go."""
    return EVENTS.validate_json("[" + ",".join(bodies) + "]")


def read_events(rows: Sequence[Row]) -> list[Event]:
    """The events of rows, parsed (unchecked: use `verify_and_read` for a log from disk)."""
    return parse_bodies([r.body for r in rows])


def verify_chain(
    rows: Sequence[Row], *, expected_count: int | None = None, expected_head: str | None = None
) -> ChainReport:
    """Check links, hashes and numbering; name the first bad event and the kind of damage.

    `expected_count`/`expected_head` come from outside the chain (the session record or an
    export header) and catch events cut off or added at the end.
    """
    return verify_and_read(rows, expected_count=expected_count, expected_head=expected_head)[0]


def verify_and_read(
    rows: Sequence[Row], *, expected_count: int | None = None, expected_head: str | None = None
) -> tuple[ChainReport, list[Event]]:
    """The chain's check and, if it is intact, its events; else the first damage found."""
    head = intact_head(rows, expected_count=expected_count, expected_head=expected_head)
    if head is not None:
        try:
            events = read_events(rows)
        except ValidationError:
            events = []
        if len(events) == len(rows) and all(
            e.type == r.type for e, r in zip(events, rows, strict=True)
        ):
            return ChainReport(len(rows), head), events
    # Something is wrong: find the first bad event and name the damage. (Imported here:
    # the diagnosis builds on this module.)
    from tabletop.hashchain.damage import diagnose

    return diagnose(rows, expected_count, expected_head)


def intact_head(
    rows: Sequence[Row], *, expected_count: int | None = None, expected_head: str | None = None
) -> str | None:
    """The head hash when every number, link and hash is right (and the count and head are
    the ones expected), else None: the check without parsing the events."""
    prev = GENESIS
    for seq, row in enumerate(rows, start=1):
        if row.seq != seq or row.prev != prev or link(prev, row.body) != row.hash:
            return None
        prev = row.hash
    if expected_count is not None and expected_count != len(rows):
        return None
    if expected_head is not None and expected_head != prev:
        return None
    return prev

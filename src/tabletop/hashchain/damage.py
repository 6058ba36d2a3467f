"""Naming the damage in a broken chain: the first bad event, and edited, missing,
reordered or inserted (or unreadable)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from tabletop.hashchain.chain import EVENT, GENESIS, ChainReport, Damage, Row, link
from tabletop.model.events import Event


def diagnose(
    rows: Sequence[Row], expected_count: int | None, expected_head: str | None
) -> tuple[ChainReport, list[Event]]:
    """Scan the rows in order; the report names the first damage, events are those before."""
    scan = _Scan(rows, expected_count)
    prev_hash, prev_seq = GENESIS, 0
    for i, row in enumerate(rows):
        bad = scan.check(i, prev_hash, prev_seq)
        if bad is not None:
            return ChainReport(i, prev_hash, *bad), scan.events
        scan.seen[row.hash] = row.seq
        prev_hash, prev_seq = row.hash, row.seq
    count = len(rows)
    if expected_count is not None and count < expected_count:
        detail = f"the log ends after event {count} but {expected_count} were recorded"
        return ChainReport(count, prev_hash, "missing", count + 1, detail), scan.events
    if expected_count is not None and count > expected_count:
        detail = f"the log holds {count} events but only {expected_count} were recorded"
        return ChainReport(count, prev_hash, "inserted", expected_count + 1, detail), scan.events
    if expected_head is not None and prev_hash != expected_head:
        detail = "the last event is not the one recorded as the head of the log"
        return ChainReport(count, prev_hash, "edited", prev_seq, detail), scan.events
    return ChainReport(count, prev_hash), scan.events


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

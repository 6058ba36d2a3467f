"""The areas for improvement noted in a game, by event number: what a plan row may answer.

They are the one part of a state that grows with the game (a long session can note
thousands), and every command works on a copy of the state: so the states share one list
instead of each copying it. A state sees the first `len(areas)` entries; adding to the
newest appends to the shared list, adding to an older one (a refused command's draft left
more there) takes a list of its own first. What a state has once seen never changes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import islice


class AreasNoted:
    """The areas for improvement noted, oldest first: (event number, text)."""

    __slots__ = ("_count", "_items")

    def __init__(self, items: Iterable[tuple[int, str]] = ()) -> None:
        self._items = list(items)
        self._count = len(self._items)

    def added(self, seq: int, text: str) -> AreasNoted:
        """These and one more, noted at event `seq` (later than any here)."""
        out = AreasNoted.__new__(AreasNoted)
        # Shared while this is the newest of the states on the list; else a list of its own.
        out._items = self._items if len(self._items) == self._count else self._items[: self._count]
        out._items.append((seq, text))
        out._count = self._count + 1
        return out

    def text_of(self, seq: int) -> str | None:
        """The text of the area noted at event `seq`, or None if none was."""
        at = bisect_left(self._items, (seq,), 0, self._count)
        if at < self._count and self._items[at][0] == seq:
            return self._items[at][1]
        return None

    def __contains__(self, seq: object) -> bool:
        return isinstance(seq, int) and self.text_of(seq) is not None

    def __iter__(self) -> Iterator[tuple[int, str]]:
        return islice(self._items, self._count)

    def __len__(self) -> int:
        return self._count

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AreasNoted):
            return NotImplemented
        return self._count == other._count and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # equal by content, and not a key

    def __repr__(self) -> str:
        return f"AreasNoted({list(self)!r})"

"""The state of a game: what a fold over its events has built up. Read-only values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from types import MappingProxyType
from typing import TypeVar, overload

from tabletop.model.events import (
    DecisionAmended,
    DecisionRejected,
    FactJson,
    FactsAdjudicated,
    ImprovementPlanned,
    MandateOverridden,
    ObjectiveRated,
    ObligationMet,
    ObservationNoted,
)
from tabletop.model.facts import FactValue
from tabletop.model.pack import ActionSpec
from tabletop.model.verdict import ObligationDue, Verdict


def _empty() -> Mapping:
    return MappingProxyType({})


T = TypeVar("T")


class Log(Sequence[T]):
    """An immutable sequence that grows by `appended` in O(1): a longer log shares its
    buffer with the shorter one it came from, which only ever sees its own prefix."""

    __slots__ = ("_items", "_n")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items: list[T] = list(items)
        self._n = len(self._items)

    @classmethod
    def adopt(cls, items: list[T]) -> Log[T]:
        """A log over this list, which the caller hands over and never changes again."""
        log: Log[T] = cls.__new__(cls)
        log._items, log._n = items, len(items)
        return log

    def appended(self, item: T) -> Log[T]:
        """This log with one more item at the end."""
        items = self._items
        if len(items) != self._n:
            items = items[: self._n]  # another log grew from here first: branch off
        items.append(item)
        grown: Log[T] = Log.__new__(Log)
        grown._items, grown._n = items, len(items)
        return grown

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(self._items[: self._n][index])
        if index < 0:
            index += self._n
        if not 0 <= index < self._n:
            raise IndexError("log index out of range")
        return self._items[index]

    def __iter__(self) -> Iterator[T]:
        return islice(self._items, self._n)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Log | tuple | list):
            return NotImplemented
        return len(other) == self._n and all(a == b for a, b in zip(self, other, strict=False))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Log({list(self)!r})"


@dataclass(frozen=True, slots=True)
class Clock:
    """The scenario clock: the in-game time and whether it is running."""

    time: datetime
    running: bool = True


@dataclass(frozen=True, slots=True)
class Seat:
    """A role and who sits in it."""

    role: str
    participant: str
    actor: str


@dataclass(frozen=True, slots=True)
class Delivery:
    """An inject that reached the players."""

    inject: str
    how: str
    scenario_time: datetime
    at: datetime


@dataclass(frozen=True, slots=True)
class Pending:
    """An inject released (follow-on or condition) that is not yet delivered."""

    inject: str
    how: str
    due: datetime
    because: str


@dataclass(frozen=True, slots=True)
class OpenDecision:
    """A decision point that is open, and the deciders who have yet to choose."""

    decision_point: str
    deciders: tuple[str, ...]
    waiting: tuple[str, ...]
    opened_at: datetime
    because: str


@dataclass(frozen=True, slots=True)
class Decision:
    """A recorded decision, with its rationale as last amended."""

    decision_point: str
    role: str
    actor: str
    option: str
    action: ActionSpec
    rationale: str
    verdict: Verdict
    overridden: bool
    justification: str
    scenario_time: datetime
    at: datetime
    seq: int
    amendments: tuple[DecisionAmended, ...] = ()


@dataclass(frozen=True, slots=True)
class ObligationState:
    """An obligation a recorded decision created, open until something discharges it."""

    id: str
    due: ObligationDue
    actor: str
    decision_point: str
    role: str
    created_at: datetime
    seq: int
    met: ObligationMet | None = None

    @property
    def is_open(self) -> bool:
        """True until it is met."""
        return self.met is None


@dataclass(frozen=True, slots=True)
class SessionState:
    """Where a game stands. Built only by the fold; never changed in place."""

    session_id: str = ""
    pack_id: str = ""
    pack_version: str = ""
    pack_title: str = ""
    pack_hash: str = ""
    facilitator: str = ""
    exercise: str = ""
    exercise_date: date | None = None
    started_at: datetime | None = None
    scenario_start: datetime | None = None
    initial_facts: Mapping[str, FactValue] = field(default_factory=_empty)
    seats: Mapping[str, Seat] = field(default_factory=_empty)
    phases: Log[str] = field(default_factory=Log)
    clock: Clock = field(default_factory=lambda: Clock(datetime.min, running=False))
    delivered: Log[Delivery] = field(default_factory=Log)
    pending: Mapping[str, Pending] = field(default_factory=_empty)
    opened: frozenset[str] = frozenset()
    open_decisions: Mapping[str, OpenDecision] = field(default_factory=_empty)
    decisions: Mapping[tuple[str, str], Decision] = field(default_factory=_empty)
    rejections: Log[DecisionRejected] = field(default_factory=Log)
    overrides: Log[MandateOverridden] = field(default_factory=Log)
    facts: Mapping[str, FactValue] = field(default_factory=_empty)
    obligations: Mapping[str, ObligationState] = field(default_factory=_empty)
    owed: Mapping[str, ObligationState] = field(default_factory=_empty)
    """The open obligations only, oldest first (so checking them does not grow with the game)."""
    adjudications: Log[FactsAdjudicated] = field(default_factory=Log)
    observations: Log[ObservationNoted] = field(default_factory=Log)
    ratings: Mapping[str, ObjectiveRated] = field(default_factory=_empty)
    plan: Log[ImprovementPlanned] = field(default_factory=Log)
    ended: bool = False
    ended_at: datetime | None = None
    event_count: int = 0
    last_at: datetime | None = None

    @property
    def started(self) -> bool:
        """True once the session_started event is in."""
        return self.event_count > 0

    @property
    def phase(self) -> str | None:
        """The current phase, or None before the first one starts."""
        return self.phases[-1] if self.phases else None

    @property
    def delivered_ids(self) -> frozenset[str]:
        """Ids of every inject delivered so far."""
        return frozenset(d.inject for d in self.delivered)

    @property
    def open_obligations(self) -> tuple[ObligationState, ...]:
        """Obligations not yet met, oldest first."""
        return tuple(self.owed.values())

    @property
    def met_obligations(self) -> tuple[ObligationState, ...]:
        """Obligations met, in the order they were created."""
        return tuple(o for o in self.obligations.values() if not o.is_open)

    @property
    def closed_decisions(self) -> frozenset[str]:
        """Decision points opened and decided by every decider."""
        return self.opened - self.open_decisions.keys()


def fact_to_json(value: FactValue) -> FactJson:
    """A fact value as logged: sets become sorted lists so the log is canonical."""
    if isinstance(value, frozenset):
        return tuple(sorted(value))  # type: ignore[return-value]
    return value


def fact_from_json(value: FactJson) -> FactValue:
    """A logged fact value back as the runtime value."""
    if isinstance(value, tuple):
        return frozenset(tuple(v) if isinstance(v, list | tuple) else v for v in value)
    return value

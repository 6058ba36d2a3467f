"""The state of a game: what a fold over its events has built up. Read-only values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

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
    phases: tuple[str, ...] = ()
    clock: Clock = field(default_factory=lambda: Clock(datetime.min, running=False))
    delivered: tuple[Delivery, ...] = ()
    pending: Mapping[str, Pending] = field(default_factory=_empty)
    opened: frozenset[str] = frozenset()
    open_decisions: Mapping[str, OpenDecision] = field(default_factory=_empty)
    decisions: Mapping[tuple[str, str], Decision] = field(default_factory=_empty)
    rejections: tuple[DecisionRejected, ...] = ()
    overrides: tuple[MandateOverridden, ...] = ()
    facts: Mapping[str, FactValue] = field(default_factory=_empty)
    obligations: Mapping[str, ObligationState] = field(default_factory=_empty)
    adjudications: tuple[FactsAdjudicated, ...] = ()
    observations: tuple[ObservationNoted, ...] = ()
    ratings: Mapping[str, ObjectiveRated] = field(default_factory=_empty)
    plan: tuple[ImprovementPlanned, ...] = ()
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
        return tuple(o for o in self.obligations.values() if o.is_open)

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

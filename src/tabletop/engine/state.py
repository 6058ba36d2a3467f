"""The state of a game: where it stands, as the fold over its events has left it.

A state holds what the commands and the screens need to know now (the seats, the clock,
the injects delivered, the decisions, the facts, the obligations, the ratings, the
exercise's details): its size is bounded by the pack's, however long the game, but for the
areas for improvement (a plan row names the one it answers), which copies of a state
share. What happened along the way (every observation, ruling, refusal, plan row) is the
log's; the report reads it there.

A `SessionState` is plain data: dicts, lists and sets of immutable records. Only the fold
changes one, and only its own working copy (`replay` starts from an empty state, `extend`
from a copy), so a state that has been handed out never changes again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from tabletop.engine.areas import AreasNoted
from tabletop.model.events import (
    ConsensusConcluded,
    DecisionAmended,
    DeliveryKind,
    ExerciseDetailsRecorded,
    FactJson,
    ObjectiveRated,
    ObligationMet,
    ReleaseKind,
)
from tabletop.model.facts import FactValue
from tabletop.model.pack import ActionSpec
from tabletop.model.verdict import FactOrigin, ObligationDue, Verdict


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
    how: DeliveryKind
    scenario_time: datetime
    at: datetime


@dataclass(frozen=True, slots=True)
class Pending:
    """An inject released (follow-on or condition) that is not yet delivered."""

    inject: str
    how: ReleaseKind
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
class FactSource:
    """Where a fact's current value came from: the pack's start, or the event that last set
    it (an inject delivered, a decision recorded, the facilitator's ruling)."""

    origin: FactOrigin
    ref: str | None = None
    """The inject; the decision point of a decision, or the one a ruling is on."""
    role: str | None = None
    """A decision's deciding role."""
    option: str | None = None
    """A decision's option."""
    note: str | None = None
    """A ruling's text."""
    seq: int = 0
    """The number of the event that set it (0: the pack's starting value)."""


FROM_START = FactSource("start")
"""The source of every fact when the session starts."""

UNKNOWN_SOURCE = FactSource("other")
"""The source of a fact the state does not know the origin of (from an older snapshot)."""


def obligation_id(decision_point: str, role: str, key: str) -> str:
    """The id of an obligation created by a decision: decision point/role/obligation key."""
    return f"{decision_point}/{role}/{key}"


@dataclass(slots=True)
class SessionState:
    """Where a game stands. Built only by the fold; a state handed out is never changed."""

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
    initial_facts: dict[str, FactValue] = field(default_factory=dict)
    seats: dict[str, Seat] = field(default_factory=dict)
    phases: list[str] = field(default_factory=list)
    clock: Clock = field(default_factory=lambda: Clock(datetime.min, running=False))
    delivered: list[Delivery] = field(default_factory=list)
    delivered_ids: set[str] = field(default_factory=set)
    """Ids of every inject in `delivered`."""
    pending: dict[str, Pending] = field(default_factory=dict)
    opened: set[str] = field(default_factory=set)
    open_decisions: dict[str, OpenDecision] = field(default_factory=dict)
    decisions: dict[tuple[str, str], Decision] = field(default_factory=dict)
    """By (decision point, role)."""
    justifications: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """The override justifications logged, by (decision point, role, option)."""
    consensus: dict[str, ConsensusConcluded] = field(default_factory=dict)
    """How each consensus decision concluded, by decision point (absent: not yet)."""
    facts: dict[str, FactValue] = field(default_factory=dict)
    fact_sources: dict[str, FactSource] = field(default_factory=dict)
    """Where each fact's current value came from (a fact missing here: not known)."""
    obligations: dict[str, ObligationState] = field(default_factory=dict)
    """Every obligation that arose, in the order it did."""
    owed: dict[str, ObligationState] = field(default_factory=dict)
    """The open obligations only, oldest first (so checking them does not grow with the game)."""
    ratings: dict[str, ObjectiveRated] = field(default_factory=dict)
    observation_count: int = 0
    areas_for_improvement: AreasNoted = field(default_factory=AreasNoted)
    """The areas for improvement noted: event number and text (a plan row may answer one).
    Shared between copies of a state (see `engine.areas`): a copy costs nothing for them."""
    plan_count: int = 0
    details: ExerciseDetailsRecorded | None = None
    """The exercise's details as last recorded (None until they are)."""
    ended: bool = False
    ended_at: datetime | None = None
    event_count: int = 0
    last_at: datetime | None = None

    def copy(self) -> SessionState:
        """A copy with containers of its own (the records in them are immutable)."""
        return replace(
            self,
            initial_facts=self.initial_facts.copy(),
            seats=self.seats.copy(),
            phases=self.phases.copy(),
            delivered=self.delivered.copy(),
            delivered_ids=self.delivered_ids.copy(),
            pending=self.pending.copy(),
            opened=self.opened.copy(),
            open_decisions=self.open_decisions.copy(),
            decisions=self.decisions.copy(),
            justifications=self.justifications.copy(),
            consensus=self.consensus.copy(),
            facts=self.facts.copy(),
            fact_sources=self.fact_sources.copy(),
            obligations=self.obligations.copy(),
            owed=self.owed.copy(),
            ratings=self.ratings.copy(),
        )

    @property
    def started(self) -> bool:
        """True once the session_started event is in."""
        return self.event_count > 0

    @property
    def phase(self) -> str | None:
        """The current phase, or None before the first one starts."""
        return self.phases[-1] if self.phases else None

    def source_of(self, fact: str) -> FactSource:
        """Where the fact's current value came from (`UNKNOWN_SOURCE` if not known)."""
        return self.fact_sources.get(fact, UNKNOWN_SOURCE)

    @property
    def open_obligations(self) -> tuple[ObligationState, ...]:
        """Obligations not yet met, oldest first."""
        return tuple(self.owed.values())

    @property
    def closed_decisions(self) -> frozenset[str]:
        """Decision points opened and decided by every decider."""
        return frozenset(self.opened - self.open_decisions.keys())


def fact_to_json(value: FactValue) -> FactJson:
    """A fact value as logged: sets become sorted lists so the log is canonical."""
    if isinstance(value, frozenset):
        # A set holds actor ids or (from, to) pairs, never both: the pack types each fact.
        pairs = sorted(v for v in value if isinstance(v, tuple))
        return tuple(pairs) if pairs else tuple(sorted(v for v in value if isinstance(v, str)))
    return value


def fact_from_json(value: FactJson) -> FactValue:
    """A logged fact value back as the runtime value."""
    if isinstance(value, tuple | list):
        pairs = frozenset((v[0], v[1]) for v in value if not isinstance(v, str))
        return pairs or frozenset(v for v in value if isinstance(v, str))
    return value

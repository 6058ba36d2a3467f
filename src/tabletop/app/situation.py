"""Where a game stands, for a person: the phase, the clock, the seats, what is open, what is
due, the facts in words and the last events narrated.

`build_situation` is pure: it reads the pack, the state and the last events, nothing else.
Every interface shows this one object (`tabletop resume` prints it, the console draws it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from tabletop.app.narrative import narrate
from tabletop.engine import ObligationState, SessionState
from tabletop.engine.deadlines import (
    ObligationStatus,
    due_at,
    overdue_words,
    owed_late_first,
    status_in,
)
from tabletop.mandates import describe_discharge
from tabletop.mandates.requirements import requirement
from tabletop.mandates.wording import actor_name, deadline_words, fact_words, join_and
from tabletop.model.events import Event
from tabletop.model.index import PackIndex, index_of
from tabletop.model.pack import DecisionPoint, Inject, Pack
from tabletop.report.consensus_view import consensus_view

InjectStatus = Literal["delivered", "due", "upcoming", "conditional"]


@dataclass(frozen=True)
class ClockView:
    """The scenario clock."""

    time: datetime
    running: bool
    ended: bool

    @property
    def status(self) -> str:
        """'running', 'paused' or 'ended'."""
        return "ended" if self.ended else "running" if self.running else "paused"


@dataclass(frozen=True)
class PhaseView:
    """The phase the game is in."""

    id: str
    title: str
    summary: str
    starts_at: datetime


@dataclass(frozen=True)
class SeatView:
    """A role of the pack and who sits in it (None: nobody yet)."""

    role: str
    title: str
    actor: str
    actor_name: str
    participant: str | None


@dataclass(frozen=True)
class InjectView:
    """An inject of the pack and where it stands in this game."""

    id: str
    title: str
    phase: str
    status: InjectStatus
    time: datetime
    """When it was delivered, or when it falls due (its pack time if not yet released)."""
    how: str
    """scheduled, triggered, follow_on or out_of_timeline; for one not yet released, how it
    will be: scheduled, when (a condition) or follow_on (an option chosen)."""
    trigger: str
    """What releases a conditional inject, in words; why a released one was released."""
    sender: str
    to: tuple[str, ...]
    """The titles of the roles it is addressed to; empty: all."""
    channel: str
    body: str
    notes: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class OpenDecisionView:
    """An open decision point: its question, who decides, who has yet to."""

    id: str
    title: str
    prompt: str
    opened_at: datetime
    because: str
    deciders: tuple[SeatView, ...]
    waiting: tuple[str, ...]
    """Ids of the deciding roles that have not recorded their decision."""
    rationale_required: bool
    time_box_minutes: int | None
    consensus: str | None = None
    """For a decision taken by consensus: whose it needs and how it stands, in words, with
    the choices made so far (which take effect only when the last required decider has
    chosen): for the facilitator's eyes."""
    consensus_of: tuple[str, ...] = ()
    """Ids of the roles whose consensus it needs (none without one)."""


@dataclass(frozen=True)
class ObligationView:
    """An open obligation: what is owed, by whom, since when, by when, and what meets it."""

    id: str
    text: str
    owed_by: str
    role: str
    decision_point: str
    since: datetime
    met_by: str
    status: ObligationStatus
    """'open', or 'late' once the scenario clock is past its due time."""
    due: datetime | None
    """The scenario time it must be met by; None: no deadline."""
    deadline: str
    """The deadline in words: 'at once', 'within 24 hours', 'no deadline'."""
    deadline_note: str
    """Where the deadline comes from (the instrument's words or the pack's reading)."""
    overdue: str
    """How long past its due time the clock is ('3 h 20 min'); '' when not late."""

    @property
    def late(self) -> bool:
        """True once the clock is past its due time."""
        return self.status == "late"


@dataclass(frozen=True)
class FactView:
    """A world fact with its value (and its value at the start) in words."""

    id: str
    title: str
    value: str
    initial: str
    changed: bool


@dataclass(frozen=True)
class EventLine:
    """One logged event, narrated."""

    seq: int
    at: datetime
    scenario_time: datetime
    text: str


@dataclass(frozen=True)
class Situation:
    """Where a game stands."""

    session_id: str
    pack_id: str
    pack_title: str
    pack_version: str
    exercise: str
    facilitator: str
    exercise_date: date | None
    event_count: int
    ended: bool
    phase: PhaseView | None
    clock: ClockView
    seats: tuple[SeatView, ...]
    open_decisions: tuple[OpenDecisionView, ...]
    injects: tuple[InjectView, ...]
    """Every inject of the pack: delivered in the order delivered, then the others by time."""
    current_inject: InjectView | None
    obligations: tuple[ObligationView, ...]
    facts: tuple[FactView, ...]
    last_events: tuple[EventLine, ...]
    """Oldest first."""

    def injects_by(self, status: InjectStatus) -> tuple[InjectView, ...]:
        """The injects with that status."""
        return tuple(i for i in self.injects if i.status == status)


def build_situation(
    pack: Pack, state: SessionState, last: Sequence[tuple[int, Event]] = ()
) -> Situation:
    """The situation of a game: its pack, its state, and its last events with their numbers."""
    index = index_of(pack)
    # The pack's roles, then any seat the log has that the pack (a changed one) no longer has.
    seats = tuple(_seat(index, state, role) for role in index.roles) + tuple(
        SeatView(s.role, s.role, s.actor, actor_name(index, s.actor), s.participant)
        for s in state.seats.values()
        if s.role not in index.roles
    )
    by_role = {s.role: s for s in seats}
    phase = index.phases.get(state.phase or "")
    injects = _injects(pack, index, state)
    delivered = [i for i in injects if i.status == "delivered"]
    return Situation(
        session_id=state.session_id,
        pack_id=state.pack_id,
        pack_title=state.pack_title,
        pack_version=state.pack_version,
        exercise=state.exercise,
        facilitator=state.facilitator,
        exercise_date=state.exercise_date,
        event_count=state.event_count,
        ended=state.ended,
        phase=PhaseView(phase.id, phase.title, phase.summary, phase.starts_at) if phase else None,
        clock=ClockView(state.clock.time, state.clock.running, state.ended),
        seats=seats,
        open_decisions=tuple(
            OpenDecisionView(
                id=od.decision_point,
                title=dp.title if dp else od.decision_point,
                prompt=dp.prompt if dp else "",
                opened_at=od.opened_at,
                because=od.because,
                deciders=tuple(by_role[r] for r in od.deciders if r in by_role),
                waiting=od.waiting,
                rationale_required=dp.rationale_required if dp else False,
                time_box_minutes=dp.time_box_minutes if dp else None,
                consensus=_consensus(pack, state, dp),
                consensus_of=dp.consensus_of if dp else (),
            )
            for od in state.open_decisions.values()
            for dp in (index.decision_points.get(od.decision_point),)
        ),
        injects=injects,
        current_inject=delivered[-1] if delivered else None,
        obligations=tuple(_obligation(pack, index, state, ob) for ob in owed_late_first(state)),
        facts=_facts(pack, index, state),
        last_events=tuple(
            EventLine(seq, e.at, e.scenario_time, narrate(pack, e)) for seq, e in last
        ),
    )


def _obligation(
    pack: Pack, index: PackIndex, state: SessionState, ob: ObligationState
) -> ObligationView:
    due, status = due_at(ob), status_in(state, ob)
    return ObligationView(
        id=ob.id,
        text=ob.due.text,
        owed_by=actor_name(index, ob.actor),
        role=_role_title(index, ob.role),
        decision_point=ob.decision_point,
        since=ob.created_at,
        met_by=" or ".join(describe_discharge(pack, way, ob.actor) for way in ob.due.discharged_by)
        or "the facilitator's ruling",
        status=status,
        due=due,
        deadline=deadline_words(ob.due.within_hours),
        deadline_note=ob.due.deadline_note or "",
        overdue=overdue_words(due, state.clock.time) if due and status == "late" else "",
    )


def _facts(pack: Pack, index: PackIndex, state: SessionState) -> tuple[FactView, ...]:
    """The facts in pack order, then any the log has that the pack (a changed one) lacks."""
    kinds = {spec.id: (spec.title, spec.type) for spec in pack.facts}
    order = [f for f in kinds if f in state.facts] + [f for f in state.facts if f not in kinds]
    out = []
    for fact in order:
        title, kind = kinds.get(fact, (fact, ""))
        value, initial = state.facts[fact], state.initial_facts.get(fact)
        out.append(
            FactView(
                id=fact,
                title=title,
                value=fact_words(index, value, kind),
                initial=fact_words(index, initial, kind),
                changed=value != initial,
            )
        )
    return tuple(out)


def _seat(index: PackIndex, state: SessionState, role_id: str) -> SeatView:
    role = index.roles[role_id]
    seat = state.seats.get(role_id)
    return SeatView(
        role=role.id,
        title=role.title,
        actor=role.actor,
        actor_name=actor_name(index, role.actor),
        participant=seat.participant if seat else None,
    )


def _role_title(index: PackIndex, role_id: str) -> str:
    role = index.roles.get(role_id)
    return role.title if role else role_id


def _injects(pack: Pack, index: PackIndex, state: SessionState) -> tuple[InjectView, ...]:
    delivered = [
        _inject(index, index.injects[d.inject], "delivered", d.scenario_time, d.how, "")
        for d in state.delivered
        if d.inject in index.injects
    ]
    rest = []
    now = state.clock.time
    for inject in pack.injects:
        if inject.id in state.delivered_ids:
            continue
        pending = state.pending.get(inject.id)
        if pending is not None:
            status: InjectStatus = "due" if pending.due <= now else "upcoming"
            rest.append(_inject(index, inject, status, pending.due, pending.how, pending.because))
        elif inject.release == "scheduled":
            status = "due" if inject.time <= now else "upcoming"
            rest.append(_inject(index, inject, status, inject.time, "scheduled", ""))
        else:
            trigger = _trigger(pack, index, inject)
            rest.append(_inject(index, inject, "conditional", inject.time, inject.release, trigger))
    rest.sort(key=lambda i: (i.status != "due", i.time))
    return (*delivered, *rest)


def _trigger(pack: Pack, index: PackIndex, inject: Inject) -> str:
    if inject.release == "when" and inject.when is not None:
        return "when " + requirement(index, inject.when)
    chosen = [
        f"'{option.label}' at {dp.id}"
        for dp in pack.decision_points
        for option in dp.options
        if inject.id in option.follow_ons
    ]
    return "if " + " or ".join(chosen) + " is chosen" if chosen else "on the facilitator's call"


def _inject(
    index: PackIndex,
    inject: Inject,
    status: InjectStatus,
    time: datetime,
    how: str,
    trigger: str,
) -> InjectView:
    return InjectView(
        id=inject.id,
        title=inject.title,
        phase=inject.phase,
        status=status,
        time=time,
        how=how,
        trigger=trigger,
        sender=inject.from_,
        to=() if inject.to == "all" else tuple(_role_title(index, r) for r in inject.to),
        channel=inject.channel,
        body=inject.body,
        notes=inject.facilitator_notes,
        questions=inject.discussion_questions,
    )


def _consensus(pack: Pack, state: SessionState, dp: DecisionPoint | None) -> str | None:
    view = consensus_view(pack, state, dp) if dp is not None else None
    if view is None:
        return None
    return f"Decided by consensus of {join_and(view.required)}: {view.words}"

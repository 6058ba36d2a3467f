"""What follows from a change: deliveries, releases, decision points opening, obligations met.

Everything here runs in a fixed order (pack order, then time) so the same commands on the
same log always give the same events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tabletop.engine.draft import Draft
from tabletop.engine.fact_changes import fact_changes
from tabletop.engine.state import SessionState
from tabletop.mandates import describe_discharge, discharged_by, holds
from tabletop.model import events as ev
from tabletop.model.pack import ActionSpec, Inject, Pack, Phase


def deliver(d: Draft, inject: Inject, how: ev.DeliveryKind, because: str = "") -> None:
    """Deliver an inject now: its effects change the facts, its decision points open."""
    changes = fact_changes(d.pack, d.state.facts, inject.effects)
    d.emit(ev.InjectDelivered, inject=inject.id, how=how, because=because, changes=changes)
    for dp_id in inject.opens:
        open_decision(d, dp_id, f"inject {inject.id}")


def open_decision(d: Draft, dp_id: str, because: str) -> None:
    """Put a decision point to its deciders, unless it has been opened before."""
    dp = d.decision_point(dp_id)
    if dp is None or dp_id in d.state.opened:
        return
    d.emit(ev.DecisionOpened, decision_point=dp.id, deciders=dp.deciders, because=because)


def release(d: Draft, inject: Inject, how: ev.ReleaseKind, because: str) -> None:
    """Set an inject free: delivered now if due and the clock runs, else when its time comes."""
    if inject.id in d.state.delivered_ids or inject.id in d.state.pending:
        return
    clock = d.state.clock
    due = max(inject.time, clock.time)
    if due <= clock.time and clock.running:
        deliver(d, inject, how, because)
    else:
        d.emit(ev.InjectReleased, inject=inject.id, how=how, due=due, because=because)


def settle(d: Draft) -> None:
    """Release `when` injects and open `open_when` decision points until nothing changes."""
    pack = d.pack
    while True:
        progressed = False
        for inject in d.index.conditional_injects:
            if (
                inject.when is not None
                and inject.id not in d.state.delivered_ids
                and inject.id not in d.state.pending
                and holds(pack, inject.when, d.state.facts)
            ):
                release(d, inject, "triggered", "its condition came to hold")
                progressed = True
        for dp in d.index.conditional_decisions:
            if (
                dp.open_when is not None
                and dp.id not in d.state.opened
                and holds(pack, dp.open_when, d.state.facts)
            ):
                open_decision(d, dp.id, "its condition came to hold")
                progressed = True
        discharge(d)
        if not progressed:
            return


def discharge(d: Draft, taken: tuple[Taken, ...] = ()) -> None:
    """Mark met every open obligation that the facts, or the actions just taken, discharge.

    Actions are checked once, when taken (an action cannot discharge later what it did not
    discharge then); conditions whenever facts changed or obligations arose.
    """
    if not taken and not d.dirty:
        return
    d.dirty = False
    for ob in list(d.state.owed.values()):
        if ob.met is not None:
            continue
        later = tuple((t.actor, t.action) for t in taken if t.seq > ob.seq)
        if not later and not any(way.when is not None for way in ob.due.discharged_by):
            continue  # only an action can meet it, and none was taken
        way = discharged_by(d.pack, ob.due, d.state.facts, later)
        if way is None:
            continue
        if way.action is not None:
            by = next(t for t in taken if t.seq > ob.seq and t.action.type == way.action)
            d.emit(
                ev.ObligationMet,
                obligation=ob.id,
                by="action",
                decision_point=by.decision_point,
                role=by.role,
                explanation=f"met: {by.role} took '{way.action}' at {by.decision_point}",
            )
        else:
            words = describe_discharge(d.pack, way)
            d.emit(ev.ObligationMet, obligation=ob.id, by="condition", explanation=f"met {words}")


@dataclass(frozen=True, slots=True)
class Taken:
    """An action a recorded decision took, for checking what it discharges."""

    seq: int
    actor: str
    action: ActionSpec
    decision_point: str
    role: str


def run_until(d: Draft, target: datetime) -> None:
    """Move the clock to `target`, starting phases and delivering what falls due, in order."""
    while True:
        item = next_due(d.state, d.pack, target)
        if item is None:
            break
        when, thing = item
        if when > d.state.clock.time:
            d.emit(ev.ClockAdvanced, scenario_time=when, previous=d.state.clock.time)
        if isinstance(thing, Phase):
            d.emit(ev.PhaseStarted, phase=thing.id)
            continue
        pending = d.state.pending.get(thing.id)
        how = pending.how if pending is not None else "scheduled"
        because = pending.because if pending is not None else ""
        deliver(d, thing, how, because)
        settle(d)
    if target > d.state.clock.time:
        d.emit(ev.ClockAdvanced, scenario_time=target, previous=d.state.clock.time)


def next_due(
    state: SessionState, pack: Pack, until: datetime | None = None
) -> tuple[datetime, Phase | Inject] | None:
    """The next phase to start or inject to deliver on the timeline (up to `until`, if
    given), and when: the clock's time for one already due. None when nothing is left."""
    now = state.clock.time
    best: tuple[tuple[datetime, int, int], Phase | Inject] | None = None
    started = set(state.phases)
    for index, phase in enumerate(pack.phases):
        if phase.id not in started and (until is None or phase.starts_at <= until):
            key = (max(phase.starts_at, now), 0, index)
            if best is None or key < best[0]:
                best = (key, phase)
    for index, inject in enumerate(pack.injects):
        if inject.id in state.delivered_ids:
            continue
        pending = state.pending.get(inject.id)
        if pending is not None:
            due = pending.due
        elif inject.release == "scheduled":
            due = inject.time
        else:
            continue
        if until is None or due <= until:
            key = (max(due, now), 1, index)
            if best is None or key < best[0]:
                best = (key, inject)
    return None if best is None else (best[0][0], best[1])

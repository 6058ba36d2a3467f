"""The fold: `apply(state, event)` and `replay(pack, events)`, one set of rules for both.

The fold reads nothing but the events (they carry the fact changes, the verdicts and the
deciders), so a log replays the same way whatever happened to its pack since.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from itertools import groupby
from operator import attrgetter
from typing import Any

from tabletop.engine.maps import freeze, thaw
from tabletop.engine.state import (
    Clock,
    Decision,
    Delivery,
    Log,
    ObligationState,
    OpenDecision,
    Pending,
    Seat,
    SessionState,
    fact_from_json,
)
from tabletop.gcpause import quiet_gc
from tabletop.model import events as ev
from tabletop.model.pack import Pack


class LogError(ValueError):
    """A log that no game could have produced (e.g. it does not begin with session_started)."""


_MAPPINGS = ("initial_facts", "seats", "pending", "open_decisions", "decisions", "facts")
_MAPPINGS += ("obligations", "owed", "ratings")
_NAMES = tuple(f.name for f in fields(SessionState))
_FIELDS = attrgetter(*_NAMES)
_TYPE = attrgetter("type")
_LOGS = tuple(f.name for f in fields(SessionState) if f.default_factory is Log)


class Builder:
    """A working copy of a SessionState for folding events into.

    Copy on write: a field's container is copied the first time an event changes it and
    then changed in place, so one event costs little and a replay of many is linear.
    """

    def __init__(self, state: SessionState) -> None:
        self.__dict__.update(zip(_NAMES, _FIELDS(state), strict=True))
        self._own: set[str] = set()

    def m(self, name: str) -> Any:
        """The field's container, made this builder's own (mutable) on first use."""
        if name not in self._own:
            value = getattr(self, name)
            # Big maps are layered over the state's (see maps.py). "opened" is the one set.
            value = thaw(value) if name in _MAPPINGS else set(value)
            setattr(self, name, value)
            self._own.add(name)
        return getattr(self, name)

    def add(self, name: str, item: Any) -> None:
        """Append to a sequence field (logs share their buffer, so this is O(1))."""
        value = getattr(self, name)
        if type(value) is list:
            value.append(item)
        elif value:
            setattr(self, name, value.appended(item))
        else:  # an empty log: a list of the builder's own until it is frozen
            setattr(self, name, [item])

    def freeze(self) -> SessionState:
        """The working copy as an immutable state (the builder is not to be used after)."""
        values = self.__dict__
        for name in self._own:
            value = values[name]
            values[name] = freeze(value) if name in _MAPPINGS else frozenset(value)
        self._own = set()
        for name in _LOGS:
            if type(values[name]) is list:
                values[name] = Log.adopt(values[name])
        return SessionState(*_FIELDS(self))

    def apply(self, event: ev.Event) -> None:
        """Fold one event into the working copy."""
        self.apply_all((event,))

    def apply_all(self, events: Iterable[ev.Event]) -> None:
        """Fold events into the working copy, in order."""
        rules, logged, fields = _RULES, _LOGGED, self.__dict__
        count = start = self.event_count
        last = None
        # Runs of events of one type at a time: a long log is mostly runs of events whose
        # rule only appends them to a log, which are then appended in one go.
        for kind, run in groupby(events, _TYPE):
            if kind == "session_started" or count == 0:
                batch = list(run)
                if count == 0 and kind != "session_started":
                    raise LogError(f"the log must begin with session_started, not {kind}")
                if count > 0 or len(batch) > 1:
                    raise LogError(f"event {max(count, 1) + 1} starts the session a second time")
                run = iter(batch)
            name = logged.get(kind)
            if name is not None and type(fields[name]) is list:
                added = len(fields[name])
                fields[name].extend(run)
                count += len(fields[name]) - added
                last = fields[name][-1]
                continue
            for event in run:
                count += 1
                self.event_count = count  # the rules number what they record by it
                rules[kind](self, event)
                last = event
        self.event_count = count
        if count > start and last is not None:
            self.last_at = last.at


def apply(state: SessionState, event: ev.Event) -> SessionState:
    """The state after one more event."""
    return extend(state, (event,))


def extend(state: SessionState, events: Iterable[ev.Event]) -> SessionState:
    """The state after more events."""
    after = getattr(events, "state_after", None)
    known = after(state) if after is not None else None
    if known is not None:
        return known
    builder = Builder(state)
    builder.apply_all(events)
    return builder.freeze()


def replay(pack: Pack | None, events: Iterable[ev.Event]) -> SessionState:
    """The state a log describes. The pack is not read: the log is self-contained."""
    del pack  # kept in the signature so callers never need to know that
    with quiet_gc():
        return extend(SessionState(), events)


# --- the rules, one per event type -------------------------------------------------------

Rule = Callable[[Any, Any], None]


def _started(b: Any, e: ev.SessionStarted) -> None:
    b.session_id, b.pack_id, b.pack_version = e.session_id, e.pack_id, e.pack_version
    b.pack_title, b.pack_hash, b.facilitator = e.pack_title, e.pack_hash, e.facilitator
    b.exercise, b.exercise_date, b.started_at = e.exercise, e.exercise_date, e.at
    b.scenario_start = e.scenario_start
    facts = {k: fact_from_json(v) for k, v in e.facts.items()}
    b.m("facts").update(facts)
    b.m("initial_facts").update(facts)
    b.clock = Clock(e.scenario_time, running=True)


def _assigned(b: Any, e: ev.RoleAssigned) -> None:
    b.m("seats")[e.role] = Seat(e.role, e.participant, e.actor)


def _phase(b: Any, e: ev.PhaseStarted) -> None:
    b.add("phases", e.phase)


def _advanced(b: Any, e: ev.ClockAdvanced) -> None:
    b.clock = Clock(e.scenario_time, b.clock.running)


def _paused(b: Any, e: ev.ClockPaused) -> None:
    b.clock = Clock(b.clock.time, running=False)


def _resumed(b: Any, e: ev.ClockResumed) -> None:
    b.clock = Clock(b.clock.time, running=True)


def _changes(b: Any, changes: tuple[ev.FactChange, ...]) -> None:
    if changes:
        facts = b.m("facts")
        for change in changes:
            facts[change.fact] = fact_from_json(change.after)


def _released(b: Any, e: ev.InjectReleased) -> None:
    b.m("pending")[e.inject] = Pending(e.inject, e.how, e.due, e.because)


def _delivered(b: Any, e: ev.InjectDelivered) -> None:
    if e.inject in b.pending:
        del b.m("pending")[e.inject]
    b.add("delivered", Delivery(e.inject, e.how, e.scenario_time, e.at))
    _changes(b, e.changes)


def _opened(b: Any, e: ev.DecisionOpened) -> None:
    b.m("opened").add(e.decision_point)
    b.m("open_decisions")[e.decision_point] = OpenDecision(
        e.decision_point, e.deciders, e.deciders, e.scenario_time, e.because
    )


def _recorded(b: Any, e: ev.DecisionRecorded) -> None:
    justification = ""
    if e.overridden:
        # The override is logged just before the decision it lets stand.
        for o in reversed(b.overrides):
            if (o.decision_point, o.role, o.option) == (e.decision_point, e.role, e.option):
                justification = o.justification
                break
    b.m("decisions")[(e.decision_point, e.role)] = Decision(
        e.decision_point,
        e.role,
        e.actor,
        e.option,
        e.action,
        e.rationale,
        e.verdict,
        e.overridden,
        justification,
        e.scenario_time,
        e.at,
        b.event_count,
    )
    waiting = b.open_decisions.get(e.decision_point)
    if waiting is not None:
        left = tuple(r for r in waiting.waiting if r != e.role)
        if left:
            w = waiting
            b.m("open_decisions")[e.decision_point] = OpenDecision(
                w.decision_point, w.deciders, left, w.opened_at, w.because
            )
        else:
            del b.m("open_decisions")[e.decision_point]
    for due in e.verdict.obligations:
        key = obligation_id(e.decision_point, e.role, due.key)
        ob = ObligationState(
            key, due, e.actor, e.decision_point, e.role, e.scenario_time, b.event_count
        )
        b.m("obligations")[key] = ob
        b.m("owed")[key] = ob
    _changes(b, e.changes)


def obligation_id(decision_point: str, role: str, key: str) -> str:
    """The id of an obligation created by a decision: decision point/role/obligation key."""
    return f"{decision_point}/{role}/{key}"


def _rejected(b: Any, e: ev.DecisionRejected) -> None:
    b.add("rejections", e)


def _overridden(b: Any, e: ev.MandateOverridden) -> None:
    b.add("overrides", e)


def _amended(b: Any, e: ev.DecisionAmended) -> None:
    old = b.decisions.get((e.decision_point, e.role))
    if old is None:
        return
    # (Made field by field: dataclasses.replace costs ten times as much.)
    b.m("decisions")[(e.decision_point, e.role)] = Decision(
        old.decision_point,
        old.role,
        old.actor,
        old.option,
        old.action,
        e.rationale,
        old.verdict,
        old.overridden,
        old.justification,
        old.scenario_time,
        old.at,
        old.seq,
        (*old.amendments, e),
    )


def _adjudicated(b: Any, e: ev.FactsAdjudicated) -> None:
    b.add("adjudications", e)
    _changes(b, e.changes)


def _observed(b: Any, e: ev.ObservationNoted) -> None:
    b.add("observations", e)


def _rated(b: Any, e: ev.ObjectiveRated) -> None:
    b.m("ratings")[e.objective] = e


def _planned(b: Any, e: ev.ImprovementPlanned) -> None:
    b.add("plan", e)


def _met(b: Any, e: ev.ObligationMet) -> None:
    old = b.obligations.get(e.obligation)
    if old is not None and old.met is None:
        b.m("obligations")[e.obligation] = ObligationState(
            old.id, old.due, old.actor, old.decision_point, old.role, old.created_at, old.seq, e
        )
        del b.m("owed")[e.obligation]


def _ended(b: Any, e: ev.SessionEnded) -> None:
    b.ended, b.ended_at = True, e.at


_LOGGED = {
    "decision_rejected": "rejections",
    "mandate_overridden": "overrides",
    "observation_noted": "observations",
    "improvement_planned": "plan",
}
"""Event types whose rule only appends the event to a log (see `Builder.apply_all`)."""

_RULES: dict[str, Rule] = {
    "session_started": _started,
    "role_assigned": _assigned,
    "phase_started": _phase,
    "clock_advanced": _advanced,
    "clock_paused": _paused,
    "clock_resumed": _resumed,
    "inject_released": _released,
    "inject_delivered": _delivered,
    "decision_opened": _opened,
    "decision_recorded": _recorded,
    "decision_rejected": _rejected,
    "mandate_overridden": _overridden,
    "decision_amended": _amended,
    "facts_adjudicated": _adjudicated,
    "observation_noted": _observed,
    "objective_rated": _rated,
    "improvement_planned": _planned,
    "obligation_met": _met,
    "session_ended": _ended,
}

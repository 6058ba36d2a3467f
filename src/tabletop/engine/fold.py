"""The fold: what each event does to the state. `replay(events)` and `extend(state, events)`.

The fold reads nothing but the events (they carry the fact changes, the verdicts and the
deciders), so a log replays the same way whatever happened to its pack since. To add an
event type: its model in `tabletop.model.events`, then one `case` below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from tabletop.engine.state import (
    FROM_START,
    Clock,
    Decision,
    Delivery,
    FactSource,
    ObligationState,
    OpenDecision,
    Pending,
    Seat,
    SessionState,
    fact_from_json,
    obligation_id,
)
from tabletop.model import events as ev


class LogError(ValueError):
    """A log that no game could have produced (e.g. it does not begin with session_started)."""


def replay(events: Iterable[ev.Event]) -> SessionState:
    """The state a log describes."""
    state = SessionState()
    for event in events:
        apply(state, event)
    return state


def extend(state: SessionState, events: Iterable[ev.Event]) -> SessionState:
    """The state after more events (a new state: `state` itself is left as it was)."""
    after = state.copy()
    for event in events:
        apply(after, event)
    return after


def apply(state: SessionState, event: ev.Event) -> None:
    """Fold one event into `state`, in place: only ever the fold's own working copy."""
    if state.event_count == 0 and not isinstance(event, ev.SessionStarted):
        raise LogError(f"the log must begin with session_started, not {event.type}")
    state.event_count += 1  # the number of this event, which some records keep
    # The cases most frequent in a game come first.
    match event:
        case ev.ObservationNoted():
            state.observation_count += 1
            if event.kind == "area_for_improvement":
                areas = state.areas_for_improvement.added(state.event_count, event.text)
                state.areas_for_improvement = areas
        case ev.ClockAdvanced():
            state.clock = Clock(event.scenario_time, state.clock.running)
        case ev.InjectDelivered():
            state.pending.pop(event.inject, None)
            state.delivered.append(Delivery(event.inject, event.how, event.scenario_time, event.at))
            state.delivered_ids.add(event.inject)
            if event.changes:
                source = FactSource("inject", event.inject, seq=state.event_count)
                _change_facts(state, event.changes, source)
        case ev.DecisionOpened():
            state.opened.add(event.decision_point)
            state.open_decisions[event.decision_point] = OpenDecision(
                event.decision_point,
                event.deciders,
                event.deciders,
                event.scenario_time,
                event.because,
            )
        case ev.DecisionRecorded():
            _record_decision(state, event)
        case ev.ConsensusConcluded():
            _conclude_consensus(state, event)
        case ev.ObligationMet():
            _meet_obligation(state, event)
        case ev.FactsAdjudicated():
            if event.changes:
                source = FactSource(
                    "ruling", event.decision_point, note=event.ruling, seq=state.event_count
                )
                _change_facts(state, event.changes, source)
        case ev.DecisionAmended():
            _amend_decision(state, event)
        case ev.InjectReleased():
            state.pending[event.inject] = Pending(event.inject, event.how, event.due, event.because)
        case ev.MandateOverridden():
            key = (event.decision_point, event.role, event.option)
            state.justifications[key] = event.justification
        case ev.DecisionRejected():
            pass  # the log keeps it; nothing about where the game stands changes
        case ev.ObjectiveRated():
            state.ratings[event.objective] = event
        case ev.ImprovementPlanned():
            state.plan_count += 1
        case ev.ExerciseDetailsRecorded():
            state.details = event
        case ev.RoleAssigned():
            state.seats[event.role] = Seat(event.role, event.participant, event.actor)
        case ev.PhaseStarted():
            state.phases.append(event.phase)
        case ev.ClockPaused():
            state.clock = Clock(state.clock.time, running=False)
        case ev.ClockResumed():
            state.clock = Clock(state.clock.time, running=True)
        case ev.SessionStarted():
            _start(state, event)
        case ev.SessionEnded():
            state.ended, state.ended_at = True, event.at
    state.last_at = event.at


def _start(state: SessionState, event: ev.SessionStarted) -> None:
    if state.event_count > 1:
        raise LogError(f"event {state.event_count} starts the session a second time")
    state.session_id, state.pack_id = event.session_id, event.pack_id
    state.pack_version, state.pack_title = event.pack_version, event.pack_title
    state.pack_hash, state.facilitator = event.pack_hash, event.facilitator
    state.exercise, state.exercise_date = event.exercise, event.exercise_date
    state.started_at, state.scenario_start = event.at, event.scenario_start
    state.facts = {k: fact_from_json(v) for k, v in event.facts.items()}
    state.initial_facts = dict(state.facts)
    state.fact_sources = dict.fromkeys(state.facts, FROM_START)
    state.clock = Clock(event.scenario_time, running=True)


def _change_facts(
    state: SessionState, changes: tuple[ev.FactChange, ...], source: FactSource
) -> None:
    # One source for all of an event's changes: the last event to set a fact is its origin.
    for change in changes:
        state.facts[change.fact] = fact_from_json(change.after)
        state.fact_sources[change.fact] = source


def _record_decision(state: SessionState, event: ev.DecisionRecorded) -> None:
    # The override, if any, is logged just before the decision it lets stand.
    chosen = (event.decision_point, event.role, event.option)
    justification = state.justifications.get(chosen, "") if event.overridden else ""
    state.decisions[(event.decision_point, event.role)] = Decision(
        decision_point=event.decision_point,
        role=event.role,
        actor=event.actor,
        option=event.option,
        action=event.action,
        rationale=event.rationale,
        verdict=event.verdict,
        overridden=event.overridden,
        justification=justification,
        scenario_time=event.scenario_time,
        at=event.at,
        seq=state.event_count,
    )
    waiting = state.open_decisions.get(event.decision_point)
    if waiting is not None:
        left = tuple(r for r in waiting.waiting if r != event.role)
        if left:
            state.open_decisions[event.decision_point] = OpenDecision(
                waiting.decision_point, waiting.deciders, left, waiting.opened_at, waiting.because
            )
        else:
            del state.open_decisions[event.decision_point]
    if event.consensus:
        return  # a choice towards a consensus takes effect only when it concludes
    _owe(state, state.decisions[(event.decision_point, event.role)], event.scenario_time)
    if event.changes:
        source = FactSource(
            "decision", event.decision_point, event.role, event.option, seq=state.event_count
        )
        _change_facts(state, event.changes, source)


def _owe(state: SessionState, decision: Decision, when: datetime) -> None:
    """The obligations a decision's verdict creates, from the event being folded."""
    for due in decision.verdict.obligations:
        key = obligation_id(decision.decision_point, decision.role, due.key)
        obligation = ObligationState(
            key,
            due,
            decision.actor,
            decision.decision_point,
            decision.role,
            when,
            state.event_count,
        )
        state.obligations[key] = state.owed[key] = obligation


def _conclude_consensus(state: SessionState, event: ev.ConsensusConcluded) -> None:
    # Agreed: each agreeing decider's verdict creates its obligations now, as its choice
    # takes effect; a fallback is the pack's rule, chosen by nobody, and creates none.
    state.consensus[event.decision_point] = event
    if event.outcome == "agreed":
        for role in event.agreed:
            decision = state.decisions.get((event.decision_point, role))
            if decision is not None:
                _owe(state, decision, event.scenario_time)
    if event.changes:
        note = "fallback" if event.outcome == "fallback" else None
        source = FactSource(
            "decision", event.decision_point, option=event.option, note=note, seq=state.event_count
        )
        _change_facts(state, event.changes, source)


def _amend_decision(state: SessionState, event: ev.DecisionAmended) -> None:
    key = (event.decision_point, event.role)
    old = state.decisions.get(key)
    if old is not None:
        amendments = (*old.amendments, event)
        state.decisions[key] = replace(old, rationale=event.rationale, amendments=amendments)


def _meet_obligation(state: SessionState, event: ev.ObligationMet) -> None:
    old = state.obligations.get(event.obligation)
    if old is not None and old.met is None:
        state.obligations[event.obligation] = replace(old, met=event)
        del state.owed[event.obligation]

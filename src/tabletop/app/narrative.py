"""Each logged event told in plain words, with the pack's titles and names, for the event
log a facilitator and the room read."""

from __future__ import annotations

import re

from tabletop.mandates.wording import actor_name
from tabletop.model import events as ev
from tabletop.model.index import PackIndex, index_of
from tabletop.model.pack import Pack

RATING_WORDS = {
    "P": "P (performed without challenges)",
    "S": "S (performed with some challenges)",
    "M": "M (performed with major challenges)",
    "U": "U (unable to be performed)",
}


def narrate(pack: Pack, event: ev.Event) -> str:
    """The event as one sentence."""
    index = index_of(pack)
    match event:
        case ev.SessionStarted():
            return f"Session started: {event.exercise}, run by {event.facilitator}."
        case ev.RoleAssigned():
            return f"{event.participant} takes the seat of {_role(index, event.role)}."
        case ev.PhaseStarted():
            phase = index.phases.get(event.phase)
            return f"Phase begins: {phase.title if phase else event.phase}."
        case ev.ClockAdvanced():
            return f"Scenario clock moves to {event.scenario_time:%d %b %Y %H:%M}."
        case ev.ClockPaused():
            return _with_note("Clock paused", event.note)
        case ev.ClockResumed():
            return _with_note("Clock resumed", event.note)
        case ev.InjectReleased():
            return (
                f"{_inject(index, event.inject)} released ({_because(index, event.because)}); due "
                f"{event.due:%d %b %Y %H:%M}."
            )
        case ev.InjectDelivered():
            how = {
                "scheduled": "",
                "triggered": " (its condition came to hold)",
                "follow_on": " (follow-on)",
                "out_of_timeline": " out of the timeline",
            }[event.how]
            return f"{_inject(index, event.inject)} delivered{how}."
        case ev.DecisionOpened():
            return f"Decision opened: {_decision(index, event.decision_point)}."
        case ev.DecisionRecorded():
            over = ", overridden by the facilitator" if event.overridden else ""
            over += "; it counts towards the consensus" if event.consensus else ""
            by = event.proposed_by
            proposed = f" (proposed by {by} from their seat)" if by is not None else ""
            return (
                f"{_role(index, event.role)} chose "
                f"'{_option(index, event.decision_point, event.option)}' at "
                f"{event.decision_point}: {event.verdict.label.lower()}{over}{proposed}."
            )
        case ev.ConsensusConcluded():
            return _consensus(index, event)
        case ev.DecisionRejected():
            return (
                f"{_role(index, event.role)} proposed "
                f"'{_option(index, event.decision_point, event.option)}' at "
                f"{event.decision_point}: refused, {event.verdict.label.lower()}."
            )
        case ev.MandateOverridden():
            return f"Override at {event.decision_point}: {event.justification}"
        case ev.DecisionAmended():
            return (
                f"Rationale of {_role(index, event.role)} at {event.decision_point} amended: "
                f"{event.reason}"
            )
        case ev.FactsAdjudicated():
            return f"Ruling: {event.ruling}"
        case ev.ObservationNoted():
            kind = "Strength" if event.kind == "strength" else "Area for improvement"
            observer = event.observer
            by = f" (by {observer} from their seat)" if observer is not None else ""
            return f"{kind} noted{by}: {event.text}"
        case ev.ObjectiveRated():
            return f"Objective {event.objective} rated {RATING_WORDS[event.rating]}."
        case ev.ImprovementPlanned():
            return f"Improvement-plan row added: {event.issue}"
        case ev.ObligationMet():
            return f"Obligation {event.explanation} ({_owed(index, event.obligation)})."
        case ev.ExerciseDetailsRecorded():
            return "Exercise details recorded (type, place, contacts, evaluators, controllers)."
        case ev.SessionEnded():
            return _with_note("Session ended", event.note)


def _consensus(index: PackIndex, event: ev.ConsensusConcluded) -> str:
    dp = event.decision_point
    blocked = ", ".join(_role(index, r) for r in event.blocked)
    taken = _option(index, dp, event.option or "")
    match event.outcome:
        case "agreed":
            return f"Consensus at {dp}: all agreed on '{taken}'; it takes effect."
        case "fallback":
            return f"No consensus at {dp} ({blocked} chose otherwise): fallback '{taken}' applies."
        case _:
            return f"No consensus at {dp} ({blocked} chose otherwise): no decision is taken."


_CHOSE = re.compile(r"^(?P<dp>[^:]+): (?P<role>\S+) chose (?P<option>\S+)$")
"""How the engine says why a follow-on was released (engine/decisions.py)."""


def _because(index: PackIndex, because: str) -> str:
    """Why an inject was released, with titles for the ids the engine wrote."""
    found = _CHOSE.match(because)
    if found is None:
        return because
    dp, role, option = found["dp"], found["role"], found["option"]
    return f"{_role(index, role)} chose '{_option(index, dp, option)}' at {dp}"


def _with_note(text: str, note: str) -> str:
    return f"{text}: {note}" if note else f"{text}."


def _role(index: PackIndex, role_id: str) -> str:
    role = index.roles.get(role_id)
    return role.title if role else role_id


def _inject(index: PackIndex, inject_id: str) -> str:
    inject = index.injects.get(inject_id)
    return f"{inject_id} '{inject.title}'" if inject else inject_id


def _decision(index: PackIndex, dp_id: str) -> str:
    dp = index.decision_points.get(dp_id)
    return f"{dp_id} '{dp.title}'" if dp else dp_id


def _option(index: PackIndex, dp_id: str, option_id: str) -> str:
    dp = index.decision_points.get(dp_id)
    option = next((o for o in dp.options if o.id == option_id), None) if dp else None
    return option.label if option else option_id


def _owed(index: PackIndex, obligation_id: str) -> str:
    # decision point/role/instrument/power/obligation: say who owed it.
    parts = obligation_id.split("/")
    if len(parts) >= 2:
        role = index.roles.get(parts[1])
        if role is not None:
            return f"owed by {actor_name(index, role.actor)}"
    return obligation_id

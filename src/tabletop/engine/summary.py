"""Events in a few words, by id: the acknowledgement `tabletop play` prints for a step, and
the line a damaged log's unverified events get in the report. (The facilitator's screens
narrate with the pack's titles: see `tabletop.app.narrative`.)"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from tabletop.model import events as ev


def describe(events: Iterable[ev.Event]) -> str:
    """The events of one command in a few words; the clock's move last."""
    parts: list[str] = []
    clock_to: datetime | None = None
    for event in events:
        if isinstance(event, ev.ClockAdvanced):
            clock_to = event.scenario_time
        elif text := describe_one(event):
            parts.append(text)
    if clock_to is not None:
        parts.append(f"clock {clock_to:%Y-%m-%d %H:%M}")
    return "; ".join(parts)


def describe_one(event: ev.Event) -> str:
    """One event in a few words ('' for an override, which its decision tells)."""
    match event:
        case ev.SessionStarted():
            return f"session {event.session_id} started"
        case ev.RoleAssigned():
            return f"{event.role} assigned to {event.participant}"
        case ev.PhaseStarted():
            return f"phase {event.phase}"
        case ev.ClockAdvanced():
            return f"clock {event.scenario_time:%Y-%m-%d %H:%M}"
        case ev.ClockPaused():
            return "clock paused"
        case ev.ClockResumed():
            return "clock resumed"
        case ev.InjectReleased():
            return f"released {event.inject} (due {event.due:%Y-%m-%d %H:%M})"
        case ev.InjectDelivered():
            how = "" if event.how == "scheduled" else f" ({event.how.replace('_', ' ')})"
            return f"delivered {event.inject}{how}"
        case ev.DecisionOpened():
            return f"opened {event.decision_point}"
        case ev.DecisionRecorded():
            over = ", overridden" if event.overridden else ""
            held = "; held for the consensus" if event.consensus else ""
            return (
                f"decision recorded {event.decision_point} {event.role} -> {event.option} "
                f"({event.verdict.label}{over}){held}"
            )
        case ev.ConsensusConcluded():
            blocked = f", blocked by {', '.join(event.blocked)}" if event.blocked else ""
            took = f" -> {event.option}" if event.option else ""
            return f"consensus {event.decision_point} {event.outcome}{took}{blocked}"
        case ev.DecisionRejected():
            return (
                f"rejected {event.decision_point} {event.role} -> {event.option} "
                f"({event.verdict.label})"
            )
        case ev.MandateOverridden():
            return ""
        case ev.DecisionAmended():
            return f"amended {event.decision_point} {event.role}"
        case ev.FactsAdjudicated():
            changed = ", ".join(c.fact for c in event.changes)
            return "adjudicated" + (f": {changed} changed" if changed else "")
        case ev.ObservationNoted():
            return f"{event.kind.replace('_', ' ')} noted"
        case ev.ObjectiveRated():
            return f"{event.objective} rated {event.rating}"
        case ev.ImprovementPlanned():
            return "improvement-plan row added"
        case ev.ObligationMet():
            return f"obligation met {event.obligation}"
        case ev.ExerciseDetailsRecorded():
            return "exercise details recorded"
        case ev.SessionEnded():
            return "session ended"

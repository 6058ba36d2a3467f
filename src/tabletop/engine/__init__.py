"""The session engine: state as a fold over events, and commands that return new events.

Pure: no clock (commands take `now`), no files, no database. A command returns the events
to log, or a `Refusal` that changes nothing.
"""

from tabletop.engine.clock import advance_clock, deliver_inject, pause_clock, resume_clock
from tabletop.engine.decisions import (
    amend_decision,
    record_decision,
    reject_decision,
    verdict_for,
)
from tabletop.engine.draft import Change, Outcome, Refusal
from tabletop.engine.fact_changes import EffectError, fact_changes
from tabletop.engine.fold import LogError, apply, extend, replay
from tabletop.engine.lifecycle import (
    adjudicate,
    assign_role,
    end_session,
    note,
    plan,
    rate,
    record_details,
    start_session,
)
from tabletop.engine.state import (
    Clock,
    Decision,
    Delivery,
    ObligationState,
    OpenDecision,
    Pending,
    Seat,
    SessionState,
    obligation_id,
)

__all__ = [
    "Change",
    "Clock",
    "Decision",
    "Delivery",
    "EffectError",
    "LogError",
    "ObligationState",
    "OpenDecision",
    "Outcome",
    "Pending",
    "Refusal",
    "Seat",
    "SessionState",
    "adjudicate",
    "advance_clock",
    "amend_decision",
    "apply",
    "assign_role",
    "deliver_inject",
    "end_session",
    "extend",
    "fact_changes",
    "note",
    "obligation_id",
    "pause_clock",
    "plan",
    "rate",
    "record_decision",
    "record_details",
    "reject_decision",
    "replay",
    "resume_clock",
    "start_session",
    "verdict_for",
]

"""Obligations with time: when each is due, and whether it is open, met, late or met late.

Derived, never logged: an obligation's due time is the scenario time of the decision that
created it plus the hours its instrument allows (`ObligationDue.within_hours`), and its
status follows the scenario clock. Moving the clock past the due time makes an open
obligation late without any event, so a replay or a snapshot of the same log gives the same
statuses, and logs from before deadlines existed read as they always did.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final, Literal

from tabletop.engine.state import ObligationState, SessionState

ObligationStatus = Literal["open", "met", "late", "met_late"]
"""open: not met, and not past its due time (or it has none); met: met by its due time (or
it has none); late: still open with the clock past its due time; met_late: met after it."""

STATUS_WORDS: Final[dict[ObligationStatus, str]] = {
    "open": "Open",
    "met": "Met",
    "late": "Late",
    "met_late": "Met late",
}
"""Each status in a word, the same wherever it is shown."""


def due_at(ob: ObligationState) -> datetime | None:
    """The scenario time by which it must be met; None: it has no deadline."""
    hours = ob.due.within_hours
    return None if hours is None else ob.created_at + timedelta(hours=hours)


def status_of(ob: ObligationState, clock: datetime) -> ObligationStatus:
    """Where the obligation stands with the scenario clock at `clock`.

    Late only once the clock is past the due time: one due at once (0 hours) is on time if
    met at the very scenario time it arose, late as soon as the clock moves on without it.
    """
    due = due_at(ob)
    if ob.met is not None:
        return "met_late" if due is not None and ob.met.scenario_time > due else "met"
    return "late" if due is not None and clock > due else "open"


def status_in(state: SessionState, ob: ObligationState) -> ObligationStatus:
    """Where the obligation stands on the state's scenario clock."""
    return status_of(ob, state.clock.time)


def late_obligations(state: SessionState) -> tuple[ObligationState, ...]:
    """The open obligations past their due time, the one due first first."""
    now = state.clock.time
    late = [ob for ob in state.owed.values() if status_of(ob, now) == "late"]
    return tuple(sorted(late, key=lambda ob: due_at(ob) or ob.created_at))


def owed_late_first(state: SessionState) -> tuple[ObligationState, ...]:
    """The open obligations: the late ones first (due first first), then the others in the
    order they arose."""
    late = late_obligations(state)
    ids = {ob.id for ob in late}
    return late + tuple(ob for ob in state.owed.values() if ob.id not in ids)


def overdue_words(due: datetime, clock: datetime) -> str:
    """How long past its due time the clock is: '3 h 20 min', '2 days 4 h', '5 min'."""
    minutes = max(0, int((clock - due).total_seconds()) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} day" + ("" if days == 1 else "s"))
    if hours:
        parts.append(f"{hours} h")
    if mins or not parts:
        parts.append(f"{mins} min")
    return " ".join(parts)

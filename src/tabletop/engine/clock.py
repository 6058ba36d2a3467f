"""Commands on the scenario clock, and injects delivered on the facilitator's call."""

from __future__ import annotations

from datetime import datetime, timedelta

from tabletop.engine.cascade import deliver, run_until, settle
from tabletop.engine.draft import Draft, Outcome, Refusal, command
from tabletop.engine.lifecycle import guard
from tabletop.engine.state import SessionState
from tabletop.model import events as ev
from tabletop.model.index import index_of
from tabletop.model.pack import Pack


@command
def advance_clock(
    state: SessionState,
    pack: Pack,
    *,
    to: datetime | None = None,
    by: timedelta | None = None,
    now: datetime,
) -> Outcome:
    """Move the scenario clock forward, starting phases and delivering injects as they fall due.

    Advancing by zero delivers what is already due (e.g. injects held while the clock was
    paused).
    """
    if refusal := guard(state):
        return refusal
    if (to is None) == (by is None):
        return Refusal("bad-input", "advance the clock either to a time or by a duration")
    if not state.clock.running:
        return Refusal("paused", "the clock is paused; resume it before advancing")
    target = to if to is not None else state.clock.time + (by or timedelta())
    if target.tzinfo is not None:
        return Refusal("bad-input", "scenario times carry no time zone")
    if target < state.clock.time:
        return Refusal(
            "backwards",
            f"the clock only runs forward: it reads {state.clock.time:%Y-%m-%d %H:%M}, not before",
        )
    d = Draft(state, pack, now)
    run_until(d, target.replace(microsecond=0))
    return d.change()


@command
def pause_clock(state: SessionState, pack: Pack, note: str = "", *, now: datetime) -> Outcome:
    """Stop the scenario clock; nothing falls due until it runs again."""
    if refusal := guard(state):
        return refusal
    if not state.clock.running:
        return Refusal("paused", "the clock is already paused")
    d = Draft(state, pack, now)
    d.emit(ev.ClockPaused, note=note)
    return d.change()


@command
def resume_clock(state: SessionState, pack: Pack, note: str = "", *, now: datetime) -> Outcome:
    """Restart the scenario clock. Injects held during the pause come on the next advance."""
    if refusal := guard(state):
        return refusal
    if state.clock.running:
        return Refusal("running", "the clock is not paused")
    d = Draft(state, pack, now)
    d.emit(ev.ClockResumed, note=note)
    return d.change()


@command
def deliver_inject(
    state: SessionState, pack: Pack, inject: str, note: str = "", *, now: datetime
) -> Outcome:
    """Deliver an inject now, out of the timeline, on the facilitator's call (at most once)."""
    if refusal := guard(state):
        return refusal
    spec = index_of(pack).injects.get(inject)
    if spec is None:
        return Refusal("unknown-inject", f"there is no inject '{inject}'")
    if inject in state.delivered_ids:
        when = next(d.scenario_time for d in state.delivered if d.inject == inject)
        return Refusal(
            "delivered", f"inject '{inject}' was already delivered at {when:%Y-%m-%d %H:%M}"
        )
    d = Draft(state, pack, now)
    deliver(d, spec, "out_of_timeline", note or "the facilitator's call")
    settle(d)
    return d.change()

"""Running a playthrough script step by step against a session, checking its expectations.

Pure: the session that commits events is handed in (the store's LiveSession, or the
MemorySession here for tests), and so is the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from tabletop.engine import clock, decisions
from tabletop.engine import lifecycle as session
from tabletop.engine.draft import Outcome, Refusal
from tabletop.engine.fold import extend
from tabletop.engine.state import SessionState
from tabletop.model import script as pt
from tabletop.model.events import Event
from tabletop.model.pack import Pack
from tabletop.scripting.expectations import Mismatch, check_expect


class Session(Protocol):
    """What a script runs against: a state, a pack, and a way to run and commit commands."""

    state: SessionState

    @property
    def pack(self) -> Pack: ...

    def do(self, command: Callable[..., Outcome], *args: Any, **kwargs: Any) -> Outcome: ...


@dataclass
class MemorySession:
    """A session kept in memory only: for tests, and for dry runs of a script."""

    pack: Pack
    state: SessionState
    clock: Callable[[], datetime]
    events: list[Event] = field(default_factory=list)

    def do(self, command: Callable[..., Outcome], *args: Any, **kwargs: Any) -> Outcome:
        """Run a command and fold its events in."""
        outcome = command(self.state, self.pack, *args, now=self.clock(), **kwargs)
        if not isinstance(outcome, Refusal):
            self.events.extend(outcome)
            self.state = extend(self.state, outcome)
        return outcome


@dataclass(frozen=True)
class StepReport:
    """What one step did and whether its expectations held."""

    number: int
    command: str
    outcome: Outcome
    mismatches: tuple[Mismatch, ...]

    @property
    def ok(self) -> bool:
        """True when every expectation held (and an unexpected refusal counts as one failing)."""
        return not self.mismatches

    def summary(self) -> str:
        """One line on what happened."""
        if isinstance(self.outcome, Refusal):
            return f"{self.command} refused: {self.outcome.message}"
        return describe(self.outcome) or self.command


def step_command(step: Any) -> str:
    """The command key of a step ('decide', 'advance', ...)."""
    return next(name for name in pt.STEP_COMMANDS if hasattr(step, name))


def call_step(target: Session, step: Any) -> Outcome:
    """Run the command a step names on the session."""
    name = step_command(step)
    body = getattr(step, name)
    if name == "assign":
        return target.do(session.assign_role, body.role, body.participant)
    if name == "advance":
        if body.to is not None:
            return target.do(clock.advance_clock, to=body.to)
        return target.do(clock.advance_clock, by=timedelta(minutes=body.by_minutes))
    if name == "deliver":
        return target.do(clock.deliver_inject, body.inject, body.note)
    if name == "decide":
        args = (body.decision, body.role, body.option, body.rationale)
        return target.do(decisions.record_decision, *args, justification=body.override)
    if name == "reject":
        args = (body.decision, body.role, body.option, body.note)
        return target.do(decisions.reject_decision, *args)
    if name == "amend":
        args = (body.decision, body.role, body.rationale, body.reason)
        return target.do(decisions.amend_decision, *args)
    if name == "adjudicate":
        return target.do(session.adjudicate, body.text, body.effects, decision_point=body.decision)
    if name == "note":
        return target.do(
            session.note,
            body.kind,
            body.text,
            objective=body.objective,
            rating=body.rating,
            role=body.role,
            decision_point=body.decision,
        )
    if name == "rate":
        return target.do(session.rate, body.objective, body.rating, body.note)
    if name == "plan":
        return target.do(session.plan, **body.model_dump(exclude_none=False))
    if name == "pause":
        return target.do(clock.pause_clock, body.note)
    if name == "resume":
        return target.do(clock.resume_clock, body.note)
    return target.do(session.end_session, body.note)


def run_steps(script: pt.Playthrough, target: Session) -> Iterator[StepReport]:
    """Run the script's steps in order, yielding each report; stop after the first failure."""
    for number, step in enumerate(script.steps, start=1):
        outcome = call_step(target, step)
        mismatches = check_expect(step.expect, target.state, outcome)
        report = StepReport(number, step_command(step), outcome, tuple(mismatches))
        yield report
        if not report.ok:
            return


def describe(events: list[Event]) -> str:
    """The events of one command in a few words."""
    parts: list[str] = []
    clock_to: datetime | None = None
    for e in events:
        if e.type == "clock_advanced":
            clock_to = e.scenario_time
            continue
        text = _WORDS.get(e.type, lambda e: e.type.replace("_", " "))(e)
        if text:
            parts.append(text)
    if clock_to is not None:
        parts.append(f"clock {clock_to:%Y-%m-%d %H:%M}")
    return "; ".join(parts)


def _decision(e: Any) -> str:
    over = ", overridden" if e.overridden else ""
    return f"decision recorded {e.decision_point} {e.role} -> {e.option} ({e.verdict.label}{over})"


_WORDS: dict[str, Callable[[Any], str]] = {
    "session_started": lambda e: f"session {e.session_id} started",
    "role_assigned": lambda e: f"{e.role} assigned to {e.participant}",
    "phase_started": lambda e: f"phase {e.phase}",
    "clock_paused": lambda e: "clock paused",
    "clock_resumed": lambda e: "clock resumed",
    "inject_released": lambda e: f"released {e.inject} (due {e.due:%Y-%m-%d %H:%M})",
    "inject_delivered": lambda e: (
        f"delivered {e.inject}" + ("" if e.how == "scheduled" else f" ({e.how.replace('_', ' ')})")
    ),
    "decision_opened": lambda e: f"opened {e.decision_point}",
    "decision_recorded": _decision,
    "decision_rejected": lambda e: (
        f"rejected {e.decision_point} {e.role} -> {e.option} ({e.verdict.label})"
    ),
    "mandate_overridden": lambda e: "",
    "decision_amended": lambda e: f"amended {e.decision_point} {e.role}",
    "facts_adjudicated": lambda e: (
        "adjudicated" + (f": {', '.join(c.fact for c in e.changes)} changed" if e.changes else "")
    ),
    "observation_noted": lambda e: f"{e.kind.replace('_', ' ')} noted",
    "objective_rated": lambda e: f"{e.objective} rated {e.rating}",
    "improvement_planned": lambda e: "improvement-plan row added",
    "obligation_met": lambda e: f"obligation met {e.obligation}",
    "session_ended": lambda e: "session ended",
}

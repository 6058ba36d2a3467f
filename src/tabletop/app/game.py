"""One open game: the facilitator's verbs, each the pure command of the engine on the
current state, its events committed to the session's log, then shown to every subscriber.

Every interface plays through a `Game` (the CLI's scripts, the desktop console, the
browser seats), so they all see the same rules. Commands from several threads are
serialised by the game's lock: each runs on the state the one before left.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Protocol

from tabletop import engine
from tabletop.app.errors import AppError
from tabletop.app.situation import Situation, build_situation
from tabletop.app.subscribers import Subscribers
from tabletop.engine import Outcome, Refusal, SessionState
from tabletop.engine.cascade import next_due
from tabletop.mandates import MandateError
from tabletop.model.effects import Effect
from tabletop.model.events import (
    CapabilityElement,
    Event,
    ExerciseDetailsRecorded,
    PointOfContact,
    Rating,
)
from tabletop.model.index import index_of
from tabletop.model.pack import Option, Pack
from tabletop.model.verdict import Verdict
from tabletop.packs import LoadedPack
from tabletop.store import StoreError

WallClock = Callable[[], datetime]

RECENT = 200
"""Events a game keeps at hand to narrate (the whole log is in the store)."""

_log = logging.getLogger(__name__)


def utc_now() -> datetime:
    """The wall clock, in UTC (the shell's clock: the engine never reads one)."""
    return datetime.now(UTC)


class EventLog(Protocol):
    """Where a game's events are committed: the store, or memory for a dry run."""

    def append(self, events: Sequence[Event], state: SessionState) -> None:
        """Commit the events (`state` is where they lead); raise if they are not committed."""


class MemoryLog:
    """A log kept in memory only: for dry runs of a script, and for tests."""

    def __init__(self, events: Iterable[Event] = ()) -> None:
        self.events: list[Event] = list(events)

    def append(self, events: Sequence[Event], state: SessionState) -> None:
        """Keep the events."""
        self.events.extend(events)


class Applied:
    """A command carried out: the events it logged (numbered from `first_seq`) and the
    state and situation after them."""

    def __init__(
        self, game: Game, events: Sequence[Event], state: SessionState, first_seq: int
    ) -> None:
        self.events = tuple(events)
        self.state = state
        self.first_seq = first_seq
        self._game = game

    @cached_property
    def situation(self) -> Situation:
        """Where the game stands after the command (built when first asked for)."""
        return self._game.situation_of(self.state)


Result = Applied | Refusal
"""What every verb returns: what it did, or why it was refused (and then nothing is logged)."""


@dataclass(frozen=True)
class OptionPreview:
    """An option of a decision point as it stands for one role on the current facts."""

    option: Option
    verdict: Verdict | None
    """None when the option cannot be checked (see `problem`)."""
    problem: str = ""


@dataclass(frozen=True)
class AreaForImprovement:
    """An area for improvement noted in the game, that a plan row may answer."""

    seq: int
    """Its event number in the log (what a plan row's `addresses` names)."""
    text: str


Listener = Callable[[Applied], None]


class Game:
    """One session open for play."""

    def __init__(
        self,
        loaded: LoadedPack,
        state: SessionState,
        log: EventLog,
        *,
        clock: WallClock = utc_now,
        recent: Iterable[tuple[int, Event]] = (),
        keep: int = RECENT,
    ) -> None:
        """A game of `loaded` in `state`, committing to `log`; `recent`: its last events
        with their numbers, of which it keeps the last `keep` to narrate."""
        self.loaded = loaded
        self.log = log
        self._state = state
        self._clock = clock
        self._recent: deque[tuple[int, Event]] = deque(recent, maxlen=max(keep, RECENT))
        self._lock = threading.RLock()
        self._listeners: Subscribers[Listener] = Subscribers(self._lock)

    @property
    def pack(self) -> Pack:
        """The pack being played."""
        return self.loaded.pack

    @property
    def id(self) -> str:
        """The session id."""
        return self._state.session_id

    @property
    def state(self) -> SessionState:
        """The state after the last command (a state is never changed once handed out)."""
        return self._state

    @property
    def details(self) -> ExerciseDetailsRecorded | None:
        """The exercise's details as last recorded (None until they are)."""
        return self._state.details

    def areas_for_improvement(self) -> tuple[AreaForImprovement, ...]:
        """The areas for improvement noted so far, oldest first (what a plan row answers)."""
        areas = self._state.areas_for_improvement
        return tuple(AreaForImprovement(seq, text) for seq, text in areas)

    def situation(self, last: int = 8) -> Situation:
        """Where the game stands, with the last `last` events narrated."""
        with self._lock:
            return self.situation_of(self._state, last)

    def situation_of(self, state: SessionState, last: int = 8) -> Situation:
        """The situation of a state of this game, with the last events up to it narrated."""
        with self._lock:  # another thread's command may be adding to them
            recent = [r for r in self._recent if r[0] <= state.event_count]
        return build_situation(self.pack, state, recent[-last:] if last > 0 else [])

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` after every command carried out (on the thread that ran it);
        returns the function that unsubscribes it."""
        return self._listeners.add(listener)

    # --- the verbs ------------------------------------------------------------------------

    def assign(self, role: str, participant: str) -> Result:
        """Seat a participant in a role (replacing whoever sat there)."""
        return self._run(
            lambda s, now: engine.assign_role(s, self.pack, role, participant, now=now)
        )

    def advance(self, *, to: datetime | None = None, by: timedelta | None = None) -> Result:
        """Move the scenario clock to a time or by a duration, delivering what falls due."""
        return self._run(lambda s, now: engine.advance_clock(s, self.pack, to=to, by=by, now=now))

    def advance_to_next(self) -> Result:
        """Move the clock to the next inject or phase on the timeline (deliver what is due)."""
        with self._lock:
            found = next_due(self._state, self.pack)
        if found is None:
            return Refusal("nothing-due", "nothing more is on the timeline")
        # Should another command move the clock meanwhile, the engine refuses to go back.
        return self.advance(to=found[0])

    def deliver(self, inject: str, note: str = "") -> Result:
        """Deliver an inject now, out of the timeline."""
        return self._run(lambda s, now: engine.deliver_inject(s, self.pack, inject, note, now=now))

    def pause(self, note: str = "") -> Result:
        """Stop the scenario clock."""
        return self._run(lambda s, now: engine.pause_clock(s, self.pack, note, now=now))

    def resume(self, note: str = "") -> Result:
        """Restart the scenario clock."""
        return self._run(lambda s, now: engine.resume_clock(s, self.pack, note, now=now))

    def decide(
        self,
        decision_point: str,
        role: str,
        option: str,
        rationale: str = "",
        *,
        justification: str | None = None,
        proposed_by: str | None = None,
    ) -> Result:
        """Record a role's choice with its verdict; outside mandate it needs `justification`.
        `proposed_by`: the participant whose proposal from their own seat this records."""
        return self._run(
            lambda s, now: engine.record_decision(
                s,
                self.pack,
                decision_point,
                role,
                option,
                rationale,
                justification=justification,
                proposed_by=proposed_by,
                now=now,
            )
        )

    def reject(self, decision_point: str, role: str, option: str, note: str = "") -> Result:
        """Log a choice refused as outside mandate; the role still has to decide."""
        return self._run(
            lambda s, now: engine.reject_decision(
                s, self.pack, decision_point, role, option, note, now=now
            )
        )

    def amend(self, decision_point: str, role: str, rationale: str, reason: str) -> Result:
        """Correct a recorded decision's rationale, saying why."""
        return self._run(
            lambda s, now: engine.amend_decision(
                s, self.pack, decision_point, role, rationale, reason, now=now
            )
        )

    def adjudicate(
        self, ruling: str, effects: Sequence[Effect] = (), *, decision_point: str | None = None
    ) -> Result:
        """Log the facilitator's ruling and the fact changes it makes."""
        return self._run(
            lambda s, now: engine.adjudicate(
                s, self.pack, ruling, effects, decision_point=decision_point, now=now
            )
        )

    def note(
        self,
        kind: str,
        text: str,
        *,
        objective: str | None = None,
        rating: Rating | None = None,
        role: str | None = None,
        decision_point: str | None = None,
        observer: str | None = None,
        reference: str | None = None,
        analysis: str | None = None,
    ) -> Result:
        """Log an observation: a strength or an area for improvement (`observer`: the
        evaluator who took it from their own seat; for an area, `reference`: the instrument
        or plan concerned, `analysis`: the root cause)."""
        return self._run(
            lambda s, now: engine.note(
                s,
                self.pack,
                kind,
                text,
                objective=objective,
                rating=rating,
                role=role,
                decision_point=decision_point,
                observer=observer,
                reference=reference,
                analysis=analysis,
                now=now,
            )
        )

    def rate(self, objective: str, rating: Rating, note: str = "") -> Result:
        """Rate an exercise objective P/S/M/U."""
        return self._run(lambda s, now: engine.rate(s, self.pack, objective, rating, note, now=now))

    def plan(
        self,
        *,
        issue: str,
        corrective_action: str,
        capability_element: CapabilityElement,
        responsible_org: str,
        point_of_contact: str,
        start_date: date,
        completion_date: date,
        objective: str | None = None,
        addresses: int | None = None,
    ) -> Result:
        """Add a row to the improvement plan (`addresses`: the event number of the area for
        improvement it answers, see `areas_for_improvement`)."""
        return self._run(
            lambda s, now: engine.plan(
                s,
                self.pack,
                issue=issue,
                corrective_action=corrective_action,
                capability_element=capability_element,
                responsible_org=responsible_org,
                point_of_contact=point_of_contact,
                start_date=start_date,
                completion_date=completion_date,
                objective=objective,
                addresses=addresses,
                now=now,
            )
        )

    def record_details(
        self,
        *,
        exercise_type: str | None = None,
        location: str | None = None,
        sponsor: str | None = None,
        points_of_contact: Sequence[PointOfContact] = (),
        evaluators: Sequence[str] = (),
        controllers: Sequence[str] = (),
    ) -> Result:
        """Record the exercise's details (the whole set, replacing those recorded before);
        at any time, also after the end."""
        return self._run(
            lambda s, now: engine.record_details(
                s,
                self.pack,
                exercise_type=exercise_type,
                location=location,
                sponsor=sponsor,
                points_of_contact=points_of_contact,
                evaluators=evaluators,
                controllers=controllers,
                now=now,
            )
        )

    def end(self, note: str = "") -> Result:
        """End the game; afterwards only observations, ratings and plan rows."""
        return self._run(lambda s, now: engine.end_session(s, self.pack, note, now=now))

    def preview(self, decision_point: str, role: str) -> tuple[OptionPreview, ...]:
        """The verdict each option offered to the role would get on the facts as they stand."""
        dp = index_of(self.pack).decision_points.get(decision_point)
        if dp is None:
            return ()
        state = self._state
        out = []
        for option in dp.options:
            if option.for_roles and role not in option.for_roles:
                continue
            try:
                out.append(
                    OptionPreview(option, engine.verdict_for(state, self.pack, role, option))
                )
            except MandateError as exc:
                out.append(
                    OptionPreview(option, None, f"{exc}; run `tabletop validate` on the pack")
                )
        return tuple(out)

    # --- running a command ----------------------------------------------------------------

    def _run(self, command: Callable[[SessionState, datetime], Outcome]) -> Result:
        """Run a command on the current state, commit its events, then tell the listeners."""
        with self._lock:
            outcome = command(self._state, self._clock())
            if isinstance(outcome, Refusal):
                return outcome
            first = self._state.event_count + 1
            try:
                self.log.append(outcome.events, outcome.state)
            except StoreError as exc:
                message = str(exc)
                if "nothing was recorded" not in message:
                    message = f"nothing was recorded: {message}"
                raise AppError(message) from exc
            self._state = outcome.state
            self._recent.extend(enumerate(outcome.events, start=first))
            applied = Applied(self, outcome.events, outcome.state, first)
            listeners = self._listeners.now()
        for listener in listeners:
            try:
                listener(applied)
            except Exception:  # a broken view must not break the game
                _log.exception("a subscriber to game %s failed", self.id)
        return applied


def memory_game(
    loaded: LoadedPack,
    *,
    session_id: str,
    facilitator: str,
    exercise: str,
    exercise_date: date,
    now: datetime,
    clock: WallClock = utc_now,
) -> Game:
    """A new session of `loaded` whose log stays in memory (a dry run, a coverage play):
    nothing is stored. AppError if the session cannot start."""
    started = engine.start_session(
        loaded.pack,
        pack_hash=loaded.content_hash,
        session_id=session_id,
        facilitator=facilitator,
        exercise=exercise,
        exercise_date=exercise_date,
        now=now,
    )
    if isinstance(started, Refusal):
        raise AppError(f"the session could not start: {started.message}")
    recent = enumerate(started.events, start=1)
    return Game(loaded, started.state, MemoryLog(started.events), clock=clock, recent=recent)

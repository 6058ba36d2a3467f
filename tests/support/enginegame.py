"""Games in memory for the tests: the engine's commands run one by one on a state (for tests
of the engine), and scripts played through the application's `Game` on the same state."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from tabletop.app import Game, MemoryLog
from tabletop.app.game import EventLog
from tabletop.app.script_runner import StepReport, play_steps
from tabletop.engine import Outcome, Refusal, SessionState, start_session
from tabletop.model.events import Event
from tabletop.model.pack import Pack
from tabletop.model.script import Playthrough
from tabletop.packs import LoadedPack


@dataclass
class MemorySession:
    """A session in memory: `do` runs an engine command on the state and keeps its events."""

    loaded: LoadedPack
    state: SessionState
    clock: Callable[[], datetime]
    events: list[Event] = field(default_factory=list)
    log: EventLog | None = None
    """Where each command's events are committed too (the store), if anywhere."""

    @property
    def pack(self) -> Pack:
        """The pack played."""
        return self.loaded.pack

    def do(
        self, command: Callable[..., Outcome], *args: Any, **kwargs: Any
    ) -> list[Event] | Refusal:
        """Run a command on the current state; its events, or its refusal."""
        outcome = command(self.state, self.pack, *args, now=self.clock(), **kwargs)
        if isinstance(outcome, Refusal):
            return outcome
        if self.log is not None:
            self.log.append(outcome.events, outcome.state)
        self.events.extend(outcome.events)
        self.state = outcome.state
        return outcome.events


def start_memory_session(
    loaded: LoadedPack,
    clock: Callable[[], datetime],
    session_id: str = "quiet-pass-test-0001",
    *,
    facilitator: str = "Tester",
    exercise: str = "Engine tests",
    exercise_date: date = date(2031, 3, 1),
) -> MemorySession:
    """A started session of the pack, kept in memory, on the given wall clock."""
    started = start_session(
        loaded.pack,
        pack_hash=loaded.content_hash,
        session_id=session_id,
        facilitator=facilitator,
        exercise=exercise,
        exercise_date=exercise_date,
        now=clock(),
    )
    assert not isinstance(started, Refusal), started
    return MemorySession(loaded, started.state, clock, list(started.events))


def run_steps(script: Playthrough, session: MemorySession) -> Iterator[StepReport]:
    """Play a script's steps through a `Game` on the session (as `tabletop play` does)."""
    log = MemoryLog(session.events)
    game = Game(session.loaded, session.state, log, clock=session.clock)
    for report in play_steps(script, game):
        session.state, session.events = game.state, log.events
        yield report

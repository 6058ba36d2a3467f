"""Playing a playthrough script into the store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tabletop.engine import Refusal
from tabletop.engine.playthrough import StepReport, run_steps
from tabletop.packs import LoadedPack
from tabletop.scripting.loading import LoadedScript
from tabletop.store.live import LiveSession, WallClock, utc_now
from tabletop.store.sqlite_store import SessionStore


@dataclass(frozen=True)
class StepDone:
    """A step played: its report, and where it is in the script."""

    report: StepReport
    pointer: str
    loaded: LoadedScript

    @property
    def where(self) -> str:
        """file:line:col of the step, located only when asked (a passing step never is)."""
        return self.loaded.where(self.pointer)


def play(
    loaded: LoadedScript,
    pack: LoadedPack,
    store: SessionStore,
    *,
    clock: WallClock = utc_now,
) -> tuple[LiveSession, Iterator[StepDone]] | Refusal:
    """Start a session of the pack and return it with an iterator that plays the steps.

    Each step's events are committed before the iterator yields its report, so a report
    in hand is an acknowledged step.
    """
    script = loaded.script
    live = LiveSession.start(
        store,
        pack,
        facilitator=script.facilitator,
        exercise=script.exercise,
        exercise_date=script.exercise_date,
        clock=clock,
    )
    if isinstance(live, Refusal):
        return live

    def steps() -> Iterator[StepDone]:
        for report in run_steps(script, live):
            pointer = f"/steps/{report.number - 1}"
            yield StepDone(report, pointer, loaded)

    return live, steps()

"""Playthrough scripts from disk: load with located errors, and play them into the store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tabletop.engine import Refusal
from tabletop.engine.playthrough import StepReport, run_steps
from tabletop.jsonloc.documents import read_limited
from tabletop.model.script import Playthrough
from tabletop.packs import Diagnostic, LoadedPack, Positions, load_document
from tabletop.store.live import LiveSession, WallClock, utc_now
from tabletop.store.sqlite_store import SessionStore


@cache
def _schema() -> dict[str, Any]:
    from tabletop.schemas import SCHEMAS

    return SCHEMAS["playthrough.schema.json"]()


@dataclass(frozen=True)
class LoadedScript:
    """A playthrough script that parsed, with the text to locate its steps in."""

    script: Playthrough
    path: Path
    text: str

    def where(self, pointer: str) -> str:
        """file:line:col of the value at a JSON pointer."""
        line, col = _positions(self.text).locate(pointer)
        return f"{self.path}:{line}:{col}"

    def pack_path(self) -> Path | None:
        """The pack the script names, relative to the script's folder."""
        if self.script.pack is None:
            return None
        return (self.path.parent / self.script.pack).resolve()


@cache
def _positions(text: str) -> Positions:
    return Positions(text)


def load_script(path: str | Path) -> LoadedScript | list[Diagnostic]:
    """Load a playthrough script, or every problem in it with file:line:col and pointer."""
    path = Path(path)
    data, unread = read_limited(path)  # scripts are untrusted: a size limit, as for packs
    if data is None:
        return [unread] if unread else []
    script, diags = load_document(data, str(path), Playthrough, _schema)
    if script is None:
        return diags
    return LoadedScript(script, path, data.decode("utf-8-sig"))


@dataclass(frozen=True)
class StepDone:
    """A step played: its report, and where it is in the script."""

    report: StepReport
    pointer: str
    where: str


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
            yield StepDone(report, pointer, loaded.where(pointer))

    return live, steps()

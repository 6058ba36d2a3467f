"""A command's events in the making, folded as they are emitted so later steps see them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any, ParamSpec

from pydantic import ValidationError

from tabletop.engine.fact_changes import EffectError
from tabletop.engine.fold import Builder
from tabletop.engine.state import SessionState
from tabletop.mandates import MandateError
from tabletop.model import events as ev
from tabletop.model.index import index_of
from tabletop.model.pack import DecisionPoint, Inject, Pack
from tabletop.model.verdict import Verdict


@dataclass(frozen=True)
class Refusal:
    """A command that was not carried out, and why. It changes nothing."""

    code: str
    message: str
    verdict: Verdict | None = None

    def __str__(self) -> str:
        return self.message


Outcome = list[ev.Event] | Refusal
"""What every command returns: the events to log, or why it was refused."""


class Events(list):  # type: ignore[type-arg]
    """A command's events, remembering the state they lead to, so that whoever commits them
    need not fold them again. A plain list of events works everywhere too."""

    def __init__(self, base: SessionState, builder: Builder) -> None:
        super().__init__()
        self.base = base
        self._builder: Builder | None = builder
        self._emitted: list[ev.Event] = []
        self._after: SessionState | None = None

    def state_after(self, state: SessionState) -> SessionState | None:
        """The state after these events, if they were made on `state` and left unchanged."""
        if state is not self.base or len(self) != len(self._emitted):
            return None
        if any(a is not b for a, b in zip(self, self._emitted, strict=True)):
            return None
        if self._after is None and self._builder is not None:
            self._after, self._builder = self._builder.freeze(), None
        return self._after


P = ParamSpec("P")


def command(fn: Callable[P, Outcome]) -> Callable[P, Outcome]:
    """Turn a pack effect that cannot apply, or input a model rejects, into a refusal."""

    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> Outcome:
        try:
            return fn(*args, **kwargs)
        except (EffectError, MandateError) as exc:
            return Refusal("pack-error", f"{exc}; run `tabletop validate` on the pack")
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            return Refusal("bad-input", f"{where}: {err['msg']}" if where else err["msg"])

    return run


class Draft:
    """The events of one command and the state they lead to, built step by step."""

    def __init__(self, state: SessionState, pack: Pack, now: datetime) -> None:
        self.pack = pack
        self.now = now
        self.b: Any = Builder(state)
        self.events = Events(state, self.b)
        self.index = index_of(pack)
        self._delivered: set[str] | None = None  # ids of injects delivered, made when asked
        # Set when facts change or obligations arise: obligations' conditions need a look.
        self.dirty = False

    def emit(self, cls: type[ev.EventBase], **fields: Any) -> ev.Event:
        """Make an event stamped with the wall clock and the scenario clock, and fold it."""
        fields.setdefault("scenario_time", self.b.clock.time)
        event: Any = cls(at=self.now, **fields)
        self.b.apply(event)
        self.events.append(event)
        self.events._emitted.append(event)
        if event.type == "inject_delivered" and self._delivered is not None:
            self._delivered.add(event.inject)
        # (Read from the fields: a missing attribute costs pydantic an exception.)
        if event.__dict__.get("changes") or (
            event.type == "decision_recorded" and event.verdict.obligations
        ):
            self.dirty = True
        return event

    def inject(self, inject_id: str) -> Inject | None:
        """The pack's inject with that id."""
        return self.index.injects.get(inject_id)

    def decision_point(self, dp_id: str) -> DecisionPoint | None:
        """The pack's decision point with that id."""
        return self.index.decision_points.get(dp_id)

    def delivered(self, inject_id: str) -> bool:
        """True once that inject has been delivered."""
        if self._delivered is None:
            self._delivered = {d.inject for d in self.b.delivered}
        return inject_id in self._delivered

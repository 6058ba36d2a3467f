"""A command's events in the making (`Draft`), and what every command returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from pydantic import ValidationError

from tabletop.engine.fact_changes import EffectError
from tabletop.engine.fold import apply
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


@dataclass(frozen=True)
class Change:
    """What a command did: the events to log, and the state they lead to."""

    events: list[ev.Event]
    state: SessionState


Outcome = Change | Refusal
"""What every command returns: the change it makes, or why it was refused."""


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


E = TypeVar("E", bound=ev.AnyEvent)


class Draft:
    """The events of one command and the state they lead to, built step by step: each
    event is folded into a working copy of the state as it is made, so later steps see it."""

    def __init__(self, state: SessionState, pack: Pack, now: datetime) -> None:
        self.pack = pack
        self.now = now
        self.state = state.copy()
        self.events: list[ev.Event] = []
        self.index = index_of(pack)
        # Set when facts change or obligations arise: obligations' conditions need a look.
        self.dirty = False

    def emit(self, cls: type[E], **fields: Any) -> E:
        """Make an event stamped with the wall clock and the scenario clock, and fold it."""
        fields.setdefault("scenario_time", self.state.clock.time)
        event = cls(at=self.now, **fields)
        apply(self.state, event)
        self.events.append(event)
        if (
            (isinstance(event, ev.InjectDelivered | ev.FactsAdjudicated) and event.changes)
            or (
                isinstance(event, ev.DecisionRecorded)
                and not event.consensus
                and (event.changes or event.verdict.obligations)
            )
            or isinstance(event, ev.ConsensusConcluded)
        ):
            self.dirty = True
        return event

    def change(self) -> Change:
        """The events made so far and the state they lead to (the draft is done with)."""
        return Change(self.events, self.state)

    def inject(self, inject_id: str) -> Inject | None:
        """The pack's inject with that id."""
        return self.index.injects.get(inject_id)

    def decision_point(self, dp_id: str) -> DecisionPoint | None:
        """The pack's decision point with that id."""
        return self.index.decision_points.get(dp_id)

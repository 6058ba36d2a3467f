"""Expectations of playthrough steps: what was expected, what happened."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tabletop.engine.deadlines import due_at, status_in
from tabletop.engine.draft import Refusal
from tabletop.engine.state import ObligationState, SessionState, fact_to_json
from tabletop.model.events import DecisionRecorded, DecisionRejected, Event
from tabletop.model.script import Expect
from tabletop.model.verdict import Verdict
from tabletop.scripting.consensus import consensus_mismatches


@dataclass(frozen=True)
class Mismatch:
    """One expectation that did not hold. `field` is its key under `expect`."""

    field: str
    expected: str
    actual: str

    def __str__(self) -> str:
        what = f"{self.field} {self.expected}" if self.field else self.expected
        return f"expected {what}, but {self.actual}"


def check_expect(
    expect: Expect | None, state: SessionState, outcome: Sequence[Event] | Refusal
) -> list[Mismatch]:
    """Every expectation of a step that failed (given the state after it, and its events or
    its refusal); an unexpected refusal is one."""
    out: list[Mismatch] = []
    wanted = expect.refused if expect is not None else None
    if isinstance(outcome, Refusal):
        if wanted is None:
            return [Mismatch("", "the step to succeed", f"it was refused: {outcome.message}")]
        if wanted.lower() not in outcome.message.lower():
            message = f"the message was: {outcome.message}"
            out.append(Mismatch("refused", f"with {_q(wanted)}", message))
    elif wanted is not None:
        out.append(Mismatch("refused", _q(wanted), "the step succeeded"))
    if expect is None:
        return out
    if expect.verdict is not None:
        verdict = _verdict(outcome)
        actual = f"it was {verdict.kind}: {verdict.headline}" if verdict else "no verdict was given"
        if verdict is None or verdict.kind != expect.verdict:
            out.append(Mismatch("verdict", expect.verdict, actual))
    out.extend(_facts(expect, state))
    out.extend(_sets(expect, state))
    out.extend(_obligations(expect, state))
    out.extend(_scalars(expect, state))
    out.extend(Mismatch(*miss) for miss in consensus_mismatches(expect, state))
    return out


def _q(text: str) -> str:
    return f"'{text}'" if text else "(any reason)"


def _verdict(outcome: Sequence[Event] | Refusal) -> Verdict | None:
    if isinstance(outcome, Refusal):
        return outcome.verdict
    for event in outcome:
        if isinstance(event, DecisionRecorded | DecisionRejected):
            return event.verdict
    return None


def _norm(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(sorted(_norm(v) for v in value))
    return value


def _facts(expect: Expect, state: SessionState) -> list[Mismatch]:
    out = []
    for fact, wanted in expect.facts.items():
        if fact not in state.facts:
            out.append(Mismatch(f"facts/{fact}", _show(wanted), "there is no such fact"))
            continue
        actual = fact_to_json(state.facts[fact])
        same = type(actual) is type(wanted) or isinstance(actual, tuple)
        if not same or _norm(actual) != _norm(wanted):
            out.append(Mismatch(f"facts/{fact}", _show(wanted), f"it is {_show(actual)}"))
    return out


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _sets(expect: Expect, state: SessionState) -> list[Mismatch]:
    delivered = state.delivered_ids
    checks: list[tuple[str, tuple[str, ...], Callable[[str], bool], str]] = [
        ("delivered", expect.delivered, lambda x: x in delivered, "not delivered"),
        ("not_delivered", expect.not_delivered, lambda x: x not in delivered, "delivered"),
        ("released", expect.released, lambda x: x in state.pending, "not waiting for its time"),
        ("open", expect.open, lambda x: x in state.open_decisions, "not open"),
        ("closed", expect.closed, lambda x: x in state.closed_decisions, "not closed"),
        ("not_opened", expect.not_opened, lambda x: x not in state.opened, "opened"),
    ]
    out = []
    for name, ids, test, failing in checks:
        bad = [x for x in ids if not test(x)]
        if bad:
            out.append(Mismatch(name, ", ".join(ids), f"{', '.join(bad)}: {failing}"))
    return out


def _matches(ob: ObligationState, name: str) -> bool:
    return name in (ob.id, ob.due.key, ob.due.obligation)


Standing = Callable[[ObligationState], str]
"""Where an obligation stands, in words, for a mismatch."""


def _is_open(ob: ObligationState) -> bool:
    return ob.is_open


def _is_met(ob: ObligationState) -> bool:
    return not ob.is_open


def _obligations(expect: Expect, state: SessionState) -> list[Mismatch]:
    """Each obligation named must have arisen and stand as the expectation says: open or
    met, late (or met late) or not; the mismatch says where it stands."""

    def late(ob: ObligationState) -> bool:
        return _is_late(state, ob)

    def timing(ob: ObligationState) -> str:
        return _timing(state, ob)

    checks: list[tuple[str, tuple[str, ...], Callable[[ObligationState], bool], Standing]] = [
        ("obligations_open", expect.obligations_open, _is_open, lambda _: "it is met"),
        ("obligations_met", expect.obligations_met, _is_met, lambda _: "it is still open"),
        ("obligations_late", expect.obligations_late, late, timing),
        ("obligations_not_late", expect.obligations_not_late, lambda ob: not late(ob), timing),
    ]
    out = []
    for name, wanted, test, standing in checks:
        for ref in wanted:
            found = [ob for ob in state.obligations.values() if _matches(ob, ref)]
            if not found:
                out.append(Mismatch(name, ref, "no such obligation has arisen"))
            elif not any(test(ob) for ob in found):
                out.append(Mismatch(name, ref, standing(found[0])))
    return out


def _is_late(state: SessionState, ob: ObligationState) -> bool:
    return status_in(state, ob) in ("late", "met_late")


def _timing(state: SessionState, ob: ObligationState) -> str:
    """Where an obligation stands against its deadline, in words."""
    due = due_at(ob)
    if due is None:
        return "it has no deadline"
    when = f"due {due:%Y-%m-%d %H:%M}"
    match status_in(state, ob):
        case "late":
            return f"it is late: {when}, the clock reads {state.clock.time:%Y-%m-%d %H:%M}"
        case "met_late":
            return f"it was met late: {when}, met {_met_time(ob)}"
        case "met":
            return f"it was met on time: {when}, met {_met_time(ob)}"
        case _:
            return f"it is open and not yet late: {when}"


def _met_time(ob: ObligationState) -> str:
    return f"{ob.met.scenario_time:%Y-%m-%d %H:%M}" if ob.met else "(not met)"


def _scalars(expect: Expect, state: SessionState) -> list[Mismatch]:
    out = []
    if expect.phase is not None and state.phase != expect.phase:
        out.append(Mismatch("phase", expect.phase, f"the phase is {state.phase}"))
    if expect.clock is not None and state.clock.time != expect.clock:
        want, have = f"{expect.clock:%Y-%m-%d %H:%M}", f"{state.clock.time:%Y-%m-%d %H:%M}"
        out.append(Mismatch("clock", want, f"the clock reads {have}"))
    if expect.paused is not None and state.clock.running == expect.paused:
        out.append(Mismatch("paused", _show(expect.paused), f"it is {_show(not expect.paused)}"))
    if expect.ended is not None and state.ended != expect.ended:
        out.append(Mismatch("ended", _show(expect.ended), f"it is {_show(state.ended)}"))
    return out

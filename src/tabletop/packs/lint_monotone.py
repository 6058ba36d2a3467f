"""Lint: effects never move a monotone fact the wrong way (escalation ladders only climb)."""

from __future__ import annotations

from math import inf

from tabletop.model import Pack
from tabletop.model.conditions import AllOf, Condition, FactTest
from tabletop.model.effects import AtLeastFact, AtMostFact, Effect, IncreaseFact, SetFact
from tabletop.model.world import EnumFact, IntFact
from tabletop.packs.lint_base import Finding, Index, effects_of, warning

Ordered = IntFact | EnumFact

# For a falling fact the comparisons are read the other way round.
_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "in": "in"}


def check_monotone(pack: Pack, index: Index) -> list[Finding]:
    """Effects that could replace a monotone fact's stronger value with a weaker one."""
    monotone = {
        f.id: f for f in index.facts.values() if isinstance(f, Ordered) and f.monotone is not None
    }
    if not monotone:
        return []
    effects = [(ptr, eff) for ptr, eff in effects_of(pack) if eff.fact in monotone]
    reach = {
        fid: _reach(spec, [e for _, e in effects if e.fact == fid])
        for fid, spec in monotone.items()
    }
    out: list[Finding] = []
    for ptr, eff in effects:
        spec = monotone[eff.fact]
        finding = _overwrite(spec, eff, ptr, reach[eff.fact])
        if finding is not None:
            out.append(finding)
    return out


def _key(spec: Ordered, value: object) -> float | None:
    """Where a value stands on the fact's way: higher is further along (None: not a value
    of the fact, which the type checks report)."""
    sign = 1 if spec.monotone == "rising" else -1
    if isinstance(spec, IntFact):
        return sign * value if type(value) is int else None
    return sign * spec.values.index(value) if value in spec.values else None


def _reach(spec: Ordered, effects: list[Effect]) -> tuple[float, object]:
    """The furthest point the fact can get to (its start, or an effect), and its value."""
    best: tuple[float, object] = (_key(spec, spec.initial) or 0, spec.initial)
    rising = spec.monotone == "rising"
    for eff in effects:
        point: tuple[float, object]
        if isinstance(eff, IncreaseFact) and eff.increase != 0 and (eff.increase > 0) == rising:
            assert isinstance(spec, IntFact)  # increase on another type is an effect-type error
            end = spec.max if rising else spec.min
            point = (inf, "without end") if end is None else (_key(spec, end) or 0, end)
        elif isinstance(eff, (SetFact, AtLeastFact if rising else AtMostFact)):
            value = _bound(eff)
            key = _key(spec, value)
            if key is None:
                continue
            point = (key, value)
        else:
            continue
        best = max(best, point, key=lambda p: p[0])
    return best


def _bound(eff: Effect) -> object:
    if isinstance(eff, SetFact):
        return eff.set
    if isinstance(eff, AtLeastFact):
        return eff.at_least
    return eff.at_most if isinstance(eff, AtMostFact) else None


def _overwrite(spec: Ordered, eff: Effect, ptr: str, reach: tuple[float, object]) -> Finding | None:
    way = spec.monotone
    raise_verb, lower_verb = ("at_least", "at_most") if way == "rising" else ("at_most", "at_least")
    fid = spec.id
    keep = f"or drop \"monotone\" from fact '{fid}' if it can go back."
    if isinstance(eff, IncreaseFact):
        if eff.increase == 0 or (eff.increase > 0) == (way == "rising"):
            return None
        return warning(
            "monotone-overwrite",
            f"{ptr}/increase",
            f"an increase of {eff.increase} moves {way} fact '{fid}' back",
            f'A {way} fact never goes back: write {{"fact": "{fid}", "{raise_verb}": value}}, '
            + keep,
        )
    if isinstance(eff, AtLeastFact | AtMostFact):
        verb = "at_least" if isinstance(eff, AtLeastFact) else "at_most"
        if verb != lower_verb:
            return None
        value = _bound(eff)
        return warning(
            "monotone-overwrite",
            f"{ptr}/{verb}",
            f"'{verb}' {_shown(value)} can move {way} fact '{fid}' back",
            f'Use {raise_verb}: {{"fact": "{fid}", "{raise_verb}": {_shown(value)}}}, ' + keep,
        )
    if not isinstance(eff, SetFact):
        return None
    key = _key(spec, eff.set)
    if key is None or key >= reach[0] or _guarded(spec, eff.only_if, key):
        return None
    return warning(
        "monotone-overwrite",
        f"{ptr}/set",
        f"'set' {_shown(eff.set)} can move {way} fact '{fid}' back from "
        f"{_shown(reach[1])}, which it can reach",
        f'Use {raise_verb}: {{"fact": "{fid}", "{raise_verb}": {_shown(eff.set)}}} (or guard '
        f'the set with "only_if" the fact is not yet past it), ' + keep,
    )


def _guarded(spec: Ordered, cond: Condition | None, target: float) -> bool:
    """Whether an 'only_if' lets the set through only while the fact is not past it."""
    if cond is None:
        return False
    if isinstance(cond, AllOf):
        return any(_guarded(spec, c, target) for c in cond.all)
    if not isinstance(cond, FactTest) or cond.fact != spec.id:
        return False
    op = cond.op if spec.monotone == "rising" else _FLIPPED.get(cond.op, "")
    items = cond.value if op == "in" and isinstance(cond.value, tuple) else (cond.value,)
    keys = [_key(spec, item) for item in items]
    if any(k is None for k in keys) or op not in ("<", "<=", "==", "in"):
        return False
    limit = max(k for k in keys if k is not None)
    # '<' a value: the fact stands at least one step before it (ints and enums both).
    return limit - 1 <= target if op == "<" else limit <= target


def _shown(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)

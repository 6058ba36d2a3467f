"""Effects on world facts: from the pack's effect vocabulary to concrete fact changes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tabletop.engine.state import fact_to_json
from tabletop.model.conditions import Pair, ParamRef
from tabletop.model.effects import AddToFact, Effect, IncreaseFact, RemoveFromFact, SetFact
from tabletop.model.events import FactChange
from tabletop.model.facts import FactValue
from tabletop.model.pack import Pack
from tabletop.model.world import FactSpec

Params = Mapping[str, bool | int | str]


class EffectError(ValueError):
    """An effect that cannot be applied to the facts (unknown fact, wrong type, no parameter)."""


def fact_changes(
    pack: Pack,
    facts: Mapping[str, FactValue],
    effects: Sequence[Effect],
    params: Params | None = None,
) -> tuple[FactChange, ...]:
    """The changes the effects make, in order; each effect sees the ones before it."""
    specs = {spec.id: spec for spec in pack.facts}
    current = dict(facts)
    first: dict[str, FactValue] = {}
    for effect in effects:
        spec = specs.get(effect.fact)
        if spec is None:
            raise EffectError(f"there is no fact '{effect.fact}'")
        if effect.fact not in current:
            raise EffectError(f"fact '{effect.fact}' has no value in this session")
        new = _effect(spec, current[effect.fact], effect, params or {})
        first.setdefault(effect.fact, current[effect.fact])
        current[effect.fact] = new
    return tuple(
        FactChange(fact=fid, before=fact_to_json(before), after=fact_to_json(current[fid]))
        for fid, before in first.items()
        if current[fid] != before
    )


def _effect(spec: FactSpec, value: FactValue, effect: Effect, params: Params) -> FactValue:
    if isinstance(effect, IncreaseFact):
        if spec.type != "int":
            raise EffectError(f"'increase' needs an int fact; '{spec.id}' is {spec.type}")
        return _clamp(spec, int(value) + effect.increase)
    if isinstance(effect, SetFact):
        return _set(spec, effect.set, params)
    item = effect.add if isinstance(effect, AddToFact) else effect.remove
    if spec.type == "actor_set":
        member: str | tuple[str, str] = _actor(item, params, spec.id)
    elif spec.type == "relation":
        if not isinstance(item, Pair):
            raise EffectError(f"'{spec.id}' holds pairs: write {{'from': A, 'to': B}}")
        member = (_actor(item.from_, params, spec.id), _actor(item.to, params, spec.id))
    else:
        verb = "add" if isinstance(effect, AddToFact) else "remove"
        raise EffectError(
            f"'{verb}' needs an actor_set or relation fact; '{spec.id}' is a {spec.type}"
        )
    assert isinstance(value, frozenset)
    if isinstance(effect, RemoveFromFact):
        return value - {member}
    return value | {member}


def _set(spec: FactSpec, raw: object, params: Params) -> FactValue:
    value = _resolve(raw, params, spec.id)
    if spec.type == "bool" and isinstance(value, bool):
        return value
    if spec.type == "int" and isinstance(value, int) and not isinstance(value, bool):
        return _clamp(spec, value)
    if spec.type == "enum" and isinstance(value, str):
        if value not in spec.values:
            raise EffectError(f"'{value}' is not a value of '{spec.id}' ({', '.join(spec.values)})")
        return value
    if spec.type == "text" and isinstance(value, str):
        return value
    if spec.type == "actor_set" and isinstance(value, tuple | str):
        items = (value,) if isinstance(value, str) else value
        return frozenset(_actor(v, params, spec.id) for v in items)
    if spec.type == "relation" and isinstance(value, Pair):
        return frozenset(
            {(_actor(value.from_, params, spec.id), _actor(value.to, params, spec.id))}
        )
    raise EffectError(f"cannot set {spec.type} fact '{spec.id}' to {value!r}")


def _resolve(raw: object, params: Params, fact: str) -> object:
    if isinstance(raw, ParamRef):
        if raw.param not in params:
            raise EffectError(
                f"effect on '{fact}' reads parameter '{raw.param}', which is not given"
            )
        return params[raw.param]
    return raw


def _actor(raw: object, params: Params, fact: str) -> str:
    value = _resolve(raw, params, fact)
    if not isinstance(value, str):
        raise EffectError(f"'{fact}' holds actor ids, not {value!r}")
    return value


def _clamp(spec: FactSpec, value: int) -> int:
    low = getattr(spec, "min", None)
    high = getattr(spec, "max", None)
    if low is not None:
        value = max(low, value)
    if high is not None:
        value = min(high, value)
    return value

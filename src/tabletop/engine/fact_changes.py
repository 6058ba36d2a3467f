"""Effects on world facts: from the pack's effect vocabulary to concrete fact changes."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from tabletop.engine.state import fact_to_json
from tabletop.mandates import holds
from tabletop.model.conditions import Pair, ParamRef
from tabletop.model.effects import (
    AtLeastFact,
    AtMostFact,
    BoundFact,
    Effect,
    IncreaseFact,
    RemoveFromFact,
    SetFact,
    effect_value,
    effect_verb,
)
from tabletop.model.events import FactChange
from tabletop.model.facts import FactValue, is_actor_set, is_relation
from tabletop.model.pack import Pack
from tabletop.model.world import (
    ActorSetFact,
    BoolFact,
    EnumFact,
    FactSpec,
    IntFact,
    RelationFact,
    TextFact,
)

Params = Mapping[str, bool | int | str]


class EffectError(ValueError):
    """An effect that cannot be applied to the facts (unknown fact, wrong type, no parameter)."""


def fact_changes(
    pack: Pack,
    facts: Mapping[str, FactValue],
    effects: Sequence[Effect],
    params: Params | None = None,
) -> tuple[FactChange, ...]:
    """The changes the effects make, in order; each effect sees the ones before it (an
    'only_if' is read on the facts as the effects before it left them)."""
    specs = {spec.id: spec for spec in pack.facts}
    current = dict(facts)
    first: dict[str, FactValue] = {}
    for effect in effects:
        spec = specs.get(effect.fact)
        if spec is None:
            raise EffectError(f"there is no fact '{effect.fact}'")
        if effect.fact not in current:
            raise EffectError(f"fact '{effect.fact}' has no value in this session")
        if effect.only_if is not None and not holds(pack, effect.only_if, current, params):
            continue
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
        if not isinstance(spec, IntFact):
            raise EffectError(f"'increase' needs an int fact; '{spec.id}' is {spec.type}")
        assert isinstance(value, int)  # the session holds an int for an int fact
        return _clamp(spec, value + effect.increase)
    if isinstance(effect, SetFact):
        return _set(spec, effect.set, params)
    if isinstance(effect, AtLeastFact | AtMostFact):
        return _bound(spec, value, effect)
    remove = isinstance(effect, RemoveFromFact)
    item = effect.remove if isinstance(effect, RemoveFromFact) else effect.add
    if isinstance(spec, ActorSetFact):
        actor = _actor(item, params, spec.id)
        assert is_actor_set(value)  # the session holds actor ids for an actor_set fact
        return value - {actor} if remove else value | {actor}
    if isinstance(spec, RelationFact):
        if not isinstance(item, Pair):
            raise EffectError(f"'{spec.id}' holds pairs: write {{'from': A, 'to': B}}")
        pair = (_actor(item.from_, params, spec.id), _actor(item.to, params, spec.id))
        assert is_relation(value)  # the session holds pairs for a relation fact
        return value - {pair} if remove else value | {pair}
    verb = "remove" if remove else "add"
    raise EffectError(f"'{verb}' needs an actor_set or relation fact; '{spec.id}' is a {spec.type}")


def _set(spec: FactSpec, raw: object, params: Params) -> FactValue:
    value = _resolve(raw, params, spec.id)
    if isinstance(spec, BoolFact) and isinstance(value, bool):
        return value
    if isinstance(spec, IntFact) and isinstance(value, int) and not isinstance(value, bool):
        return _clamp(spec, value)
    if isinstance(spec, EnumFact) and isinstance(value, str):
        if value not in spec.values:
            raise EffectError(f"'{value}' is not a value of '{spec.id}' ({', '.join(spec.values)})")
        return value
    if isinstance(spec, TextFact) and isinstance(value, str):
        return value
    if isinstance(spec, ActorSetFact) and isinstance(value, tuple | str):
        items = (value,) if isinstance(value, str) else value
        return frozenset(_actor(v, params, spec.id) for v in items)
    if isinstance(spec, RelationFact) and isinstance(value, Pair):
        return frozenset(
            {(_actor(value.from_, params, spec.id), _actor(value.to, params, spec.id))}
        )
    raise EffectError(f"cannot set {spec.type} fact '{spec.id}' to {value!r}")


def _bound(spec: FactSpec, value: FactValue, effect: BoundFact) -> FactValue:
    """The fact raised to at least, or lowered to at most, the effect's value."""
    rank = _rank(spec)
    if rank is None:
        verb = effect_verb(effect)
        raise EffectError(f"'{verb}' needs an int or enum fact; '{spec.id}' is {spec.type}")
    new = _set(spec, effect_value(effect), {})
    if isinstance(effect, AtLeastFact):
        return new if rank(new) > rank(value) else value
    return new if rank(new) < rank(value) else value


def _rank(spec: FactSpec) -> Callable[[FactValue], int] | None:
    """How an ordered fact's values compare: numbers by size, enums by their place."""
    if isinstance(spec, IntFact):
        return lambda v: v if isinstance(v, int) else 0
    if isinstance(spec, EnumFact):
        return lambda v: spec.values.index(v) if v in spec.values else -1
    return None


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


def _clamp(spec: IntFact, value: int) -> int:
    if spec.min is not None:
        value = max(spec.min, value)
    if spec.max is not None:
        value = min(spec.max, value)
    return value

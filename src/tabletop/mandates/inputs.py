"""Checking the inputs of the engine: action parameters and fact values, typed by the pack."""

from __future__ import annotations

from collections.abc import Mapping

from tabletop.mandates.bad_input import BadFact, BadParameter, UnknownName
from tabletop.model.conditions import Scalar
from tabletop.model.facts import Facts, FactValue, initial_value
from tabletop.model.index import PackIndex
from tabletop.model.pack import ActionSpec
from tabletop.model.world import (
    ActionType,
    ActorParam,
    ActorSetFact,
    BoolFact,
    BoolParam,
    EnumFact,
    EnumParam,
    FactSpec,
    IntFact,
    IntParam,
    ParamSpec,
    RelationFact,
    TextFact,
    TextParam,
)

Params = Mapping[str, Scalar]


def action_type_of(index: PackIndex, action: ActionSpec) -> ActionType:
    """The action type of an action, or UnknownName."""
    atype = index.action_types.get(action.type)
    if atype is None:
        raise UnknownName("action type", action.type, index.action_types)
    return atype


def check_params(
    index: PackIndex,
    atype: ActionType,
    params: Params,
    specs: Mapping[str, ParamSpec] | None = None,
) -> dict[str, Scalar]:
    """The parameters, each checked against its declared type; raises on bad input.

    `specs`: the action type's parameters by name, if the caller has them at hand.
    """
    if specs is None:
        specs = {p.name: p for p in atype.params}
    if not params.keys() <= specs.keys():
        name = next(n for n in params if n not in specs)
        raise UnknownName("parameter", name, specs, where=f"of action type '{atype.id}'")
    out: dict[str, Scalar] = {}
    for spec in atype.params:
        if spec.name not in params:
            if spec.required:
                raise BadParameter(atype.id, spec.name, None, f"{_expected(spec)} (required)")
            continue
        out[spec.name] = _check_param(index, atype.id, spec, params[spec.name])
    return out


def _expected(spec: ParamSpec) -> str:
    match spec:
        case ActorParam():
            kinds = " or ".join(spec.kinds) if spec.kinds else "actor"
            return f"the id of a {kinds}"
        case IntParam():
            lo = "" if spec.min is None else f" >= {spec.min}"
            hi = "" if spec.max is None else f" <= {spec.max}"
            return f"a whole number{lo}{hi}"
        case EnumParam():
            return "one of " + ", ".join(spec.values)
        case BoolParam():
            return "true or false"
        case TextParam():
            return "text"


def _check_param(index: PackIndex, type_id: str, spec: ParamSpec, value: object) -> Scalar:
    # Every parameter type takes a scalar, so anything else fails its check.
    if isinstance(value, bool | int | str) and _param_ok(index, type_id, spec, value):
        return value
    raise BadParameter(type_id, spec.name, value, _expected(spec))


def _param_ok(index: PackIndex, type_id: str, spec: ParamSpec, value: Scalar) -> bool:
    match spec:
        case ActorParam():
            if not isinstance(value, str):
                return False
            actor = index.actors.get(value)
            if actor is None:
                raise UnknownName(
                    "actor",
                    value,
                    index.actors,
                    where=f"for parameter '{spec.name}' of '{type_id}'",
                )
            return not spec.kinds or actor.kind in spec.kinds
        case IntParam():
            if not isinstance(value, int) or isinstance(value, bool):
                return False
            low_ok = spec.min is None or value >= spec.min
            return low_ok and (spec.max is None or value <= spec.max)
        case BoolParam():
            return isinstance(value, bool)
        case EnumParam():
            return isinstance(value, str) and value in spec.values
        case TextParam():
            return isinstance(value, str)


def resolve_facts(index: PackIndex, facts: Facts) -> dict[str, FactValue]:
    """Every fact of the pack: the given values, checked, and initial values for the rest."""
    specs = index.facts
    if not facts.keys() <= specs.keys():
        name = next(n for n in facts if n not in specs)
        raise UnknownName("fact", name, specs)
    out: dict[str, FactValue] = {}
    for fid, spec in specs.items():
        if fid in facts:
            value = facts[fid]
            # A plain value that fits is taken as it is; sets, and anything that does not
            # fit, get the full check (which says what is wrong).
            out[fid] = value if _plain_fits(spec, value) else check_fact(index, spec, value)
        else:
            out[fid] = initial_value(spec)
    return out


def _plain_fits(spec: FactSpec, value: object) -> bool:
    # Exact types: a bool is no int here, and subclasses get the full check.
    if type(value) is str:
        return isinstance(spec, TextFact) or (isinstance(spec, EnumFact) and value in spec.values)
    if type(value) is int:
        return isinstance(spec, IntFact) and not _out_of_range(spec, value)
    return type(value) is bool and isinstance(spec, BoolFact)


def _out_of_range(spec: IntFact, value: int) -> bool:
    return (spec.min is not None and value < spec.min) or (
        spec.max is not None and value > spec.max
    )


def _fact_expected(spec: FactSpec) -> str:
    match spec:
        case EnumFact():
            return "one of " + ", ".join(spec.values)
        case IntFact():
            lo = "" if spec.min is None else f" >= {spec.min}"
            hi = "" if spec.max is None else f" <= {spec.max}"
            return f"a whole number{lo}{hi}"
        case BoolFact():
            return "true or false"
        case TextFact():
            return "text"
        case ActorSetFact():
            return "a set of actor ids"
        case RelationFact():
            return "a set of (from, to) actor-id pairs"


def check_fact(index: PackIndex, spec: FactSpec, value: object) -> FactValue:
    """One fact value checked against its declared type."""
    bad = _BadFact(spec, value)
    if isinstance(spec, BoolFact):
        if not isinstance(value, bool):
            raise bad()
        return value
    if isinstance(spec, IntFact):
        if not isinstance(value, int) or isinstance(value, bool):
            raise bad()
        if _out_of_range(spec, value):
            raise bad()
        return value
    if isinstance(spec, EnumFact):
        if not isinstance(value, str) or value not in spec.values:
            raise bad()
        return value
    if isinstance(spec, TextFact):
        if not isinstance(value, str):
            raise bad()
        return value
    if isinstance(value, str | bytes) or not isinstance(value, set | frozenset | tuple | list):
        raise bad()
    if isinstance(spec, ActorSetFact):
        return frozenset([_known_actor(index, spec.id, item, bad) for item in value])
    pairs = []
    for item in value:
        if not isinstance(item, tuple | list) or len(item) != 2:
            raise bad()
        pairs.append(
            (_known_actor(index, spec.id, item[0], bad), _known_actor(index, spec.id, item[1], bad))
        )
    return frozenset(pairs)


class _BadFact:
    """The error for a bad value of a fact, made only if it is raised."""

    __slots__ = ("spec", "value")

    def __init__(self, spec: FactSpec, value: object) -> None:
        self.spec = spec
        self.value = value

    def __call__(self) -> BadFact:
        return BadFact(self.spec.id, self.value, _fact_expected(self.spec))


def _known_actor(index: PackIndex, fact: str, item: object, bad: _BadFact) -> str:
    if not isinstance(item, str):
        raise bad()
    if item not in index.actors:
        raise UnknownName("actor", item, index.actors, where=f"in fact '{fact}'")
    return item

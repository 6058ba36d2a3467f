"""Values of world facts during a game, and the facts a pack starts with."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeGuard

from tabletop.model.conditions import ParamRef
from tabletop.model.pack import Pack
from tabletop.model.world import FactSpec

FactValue = bool | int | str | frozenset[str] | frozenset[tuple[str, str]]
"""bool/int/enum/text facts hold scalars; actor_set a frozenset of actor ids;
relation a frozenset of (from, to) actor-id pairs."""

Facts = Mapping[str, FactValue]


def is_actor_set(value: FactValue) -> TypeGuard[frozenset[str]]:
    """Whether a fact value is a set of actor ids (the empty set is one)."""
    return isinstance(value, frozenset) and all(isinstance(v, str) for v in value)


def is_relation(value: FactValue) -> TypeGuard[frozenset[tuple[str, str]]]:
    """Whether a fact value is a set of (from, to) actor-id pairs (the empty set is one)."""
    return isinstance(value, frozenset) and all(isinstance(v, tuple) for v in value)


def initial_facts(pack: Pack) -> dict[str, FactValue]:
    """Every fact of the pack at its initial value."""
    return {spec.id: initial_value(spec) for spec in pack.facts}


def initial_value(spec: FactSpec) -> FactValue:
    """The value a fact starts with, as the game holds it (sets as frozensets)."""
    if spec.type == "actor_set":
        return frozenset(spec.initial)
    if spec.type == "relation":
        return frozenset((_literal(p.from_), _literal(p.to)) for p in spec.initial)
    return spec.initial


def _literal(ref: str | ParamRef) -> str:
    # Initial values cannot refer to action parameters; lint reports it, we keep the name.
    return ref if isinstance(ref, str) else ref.param

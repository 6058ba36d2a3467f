"""Values of world facts during a game, and the facts a pack starts with."""

from __future__ import annotations

from collections.abc import Mapping

from tabletop.model.conditions import ParamRef
from tabletop.model.pack import Pack

FactValue = bool | int | str | frozenset[str] | frozenset[tuple[str, str]]
"""bool/int/enum/text facts hold scalars; actor_set a frozenset of actor ids;
relation a frozenset of (from, to) actor-id pairs."""

Facts = Mapping[str, FactValue]


def initial_facts(pack: Pack) -> dict[str, FactValue]:
    """Every fact of the pack at its initial value."""
    facts: dict[str, FactValue] = {}
    for spec in pack.facts:
        if spec.type == "actor_set":
            facts[spec.id] = frozenset(spec.initial)
        elif spec.type == "relation":
            facts[spec.id] = frozenset((_literal(p.from_), _literal(p.to)) for p in spec.initial)
        else:
            facts[spec.id] = spec.initial
    return facts


def _literal(ref: str | ParamRef) -> str:
    # Initial values cannot refer to action parameters; lint reports it, we keep the name.
    return ref if isinstance(ref, str) else ref.param

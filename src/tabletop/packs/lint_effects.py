"""Lint: effects fit the facts they change, and facts start at valid values."""

from __future__ import annotations

from tabletop.model import Pack
from tabletop.model.conditions import FigureRef, Pair, ParamRef
from tabletop.model.effects import (
    AddToFact,
    AtLeastFact,
    AtMostFact,
    BoundFact,
    Effect,
    IncreaseFact,
    RemoveFromFact,
    SetFact,
)
from tabletop.model.world import (
    ActorSetFact,
    BoolFact,
    EnumFact,
    FactSpec,
    IntFact,
    RelationFact,
    TextFact,
)
from tabletop.packs.lint_base import Finding, Index, effects_of
from tabletop.packs.lint_values import LITERAL, Values, fact_domain, in_range


def check_effect(v: Values, eff: Effect, ptr: str) -> None:
    """An effect names a fact and fits its type."""
    spec = v.fact(eff.fact, f"{ptr}/fact")
    if spec is None:
        return
    kind = spec.type
    if isinstance(eff, AtLeastFact | AtMostFact):
        _check_bound(v, spec, eff, ptr)
    elif not isinstance(eff, IncreaseFact):
        verb, value = _verb_value(eff)
        if isinstance(value, FigureRef):
            v.add(
                "effect-type",
                f"{ptr}/{verb}",
                f"an effect cannot {verb} figure '{value.figure}': figures are read by "
                "conditions only",
                "Write the number (or the actor, or the pair) out.",
            )
            return
    if isinstance(eff, AtLeastFact | AtMostFact):
        return
    if isinstance(eff, SetFact):
        if kind in ("actor_set", "relation"):
            _effect_kind(v, eff.fact, kind, "set", ptr, "use 'add' or 'remove'")
        elif isinstance(eff.set, ParamRef):
            v.add("param-outside-power", f"{ptr}/set", "effects cannot read parameters", LITERAL)
        else:
            v.scalar(kind, fact_domain(spec), eff.set, f"{ptr}/set", "effect-type")
            if (
                isinstance(spec, IntFact)
                and isinstance(eff.set, int)
                and not in_range(spec, eff.set)
            ):
                v.add(
                    "effect-type",
                    f"{ptr}/set",
                    f"{eff.set} is outside {spec.min}..{spec.max} of fact '{eff.fact}'",
                    "Set a value within the fact's min and max.",
                )
    elif isinstance(eff, AddToFact | RemoveFromFact):
        verb, value = ("add", eff.add) if isinstance(eff, AddToFact) else ("remove", eff.remove)
        if kind not in ("actor_set", "relation"):
            _effect_kind(v, eff.fact, kind, verb, ptr, "use 'set'")
        elif kind == "relation":
            if not isinstance(value, Pair):
                v.add(
                    "effect-type",
                    f"{ptr}/{verb}",
                    "a relation takes a pair",
                    'Write {"from": actor, "to": actor}.',
                )
            else:
                v._literal(value.from_, f"{ptr}/{verb}/from")
                v._literal(value.to, f"{ptr}/{verb}/to")
        elif isinstance(value, ParamRef):
            v.add(
                "param-outside-power",
                f"{ptr}/{verb}",
                "effects cannot read parameters",
                LITERAL,
            )
        else:
            v.scalar("actor", None, value, f"{ptr}/{verb}")
    elif isinstance(eff, IncreaseFact) and kind != "int":
        _effect_kind(v, eff.fact, kind, "increase", ptr, "use 'set'")


def _verb_value(eff: SetFact | AddToFact | RemoveFromFact) -> tuple[str, object]:
    if isinstance(eff, SetFact):
        return "set", eff.set
    return ("add", eff.add) if isinstance(eff, AddToFact) else ("remove", eff.remove)


def _check_bound(v: Values, spec: FactSpec, eff: BoundFact, ptr: str) -> None:
    """'at_least' / 'at_most' need an ordered fact and a value it can take."""
    verb, value = (
        ("at_least", eff.at_least)
        if isinstance(eff, AtLeastFact)
        else (
            "at_most",
            eff.at_most,
        )
    )
    if not isinstance(spec, IntFact | EnumFact):
        hint = "use 'add' or 'remove'" if spec.type in ("actor_set", "relation") else "use 'set'"
        _effect_kind(
            v, eff.fact, spec.type, verb, ptr, hint + "; only int and enum facts have an order"
        )
        return
    v.scalar(spec.type, fact_domain(spec), value, f"{ptr}/{verb}", "effect-type")
    if isinstance(spec, IntFact) and type(value) is int and not in_range(spec, value):
        v.add(
            "effect-type",
            f"{ptr}/{verb}",
            f"{value} is outside {spec.min}..{spec.max} of fact '{eff.fact}'",
            "Give a bound within the fact's min and max.",
        )


def _effect_kind(v: Values, fact: str, kind: str, verb: str, ptr: str, hint: str) -> None:
    v.add(
        "effect-type",
        f"{ptr}/{verb}",
        f"cannot '{verb}' {kind} fact '{fact}'",
        hint.capitalize() + ".",
    )


def check_fact_spec(v: Values, spec: FactSpec, ptr: str) -> None:
    """A fact's initial value fits its type and bounds."""
    if isinstance(spec, EnumFact) and spec.initial not in spec.values:
        v.add(
            "bad-initial",
            f"{ptr}/initial",
            f"initial value '{spec.initial}' is not among the values",
            f"Use one of: {', '.join(spec.values)}.",
        )
    elif isinstance(spec, IntFact):
        lo, hi = spec.min, spec.max
        if lo is not None and hi is not None and lo > hi:
            v.add("bad-initial", f"{ptr}/min", f"min {lo} is above max {hi}", "Swap them.")
        elif not in_range(spec, spec.initial):
            v.add(
                "bad-initial",
                f"{ptr}/initial",
                f"initial value {spec.initial} is outside {lo}..{hi}",
                "Start the fact within its min and max.",
            )
    elif isinstance(spec, ActorSetFact):
        for i, actor in enumerate(spec.initial):
            v._literal(actor, f"{ptr}/initial/{i}")
    elif isinstance(spec, RelationFact):
        for i, pair in enumerate(spec.initial):
            v._literal(pair.from_, f"{ptr}/initial/{i}/from")
            v._literal(pair.to, f"{ptr}/initial/{i}/to")


def _effect_ok(eff: Effect, facts: dict[str, FactSpec], actors: dict[str, object]) -> bool:
    """True when `check_effect` would find nothing (the common case, decided quickly)."""
    spec = facts.get(eff.fact)
    if spec is None:
        return False
    # Exact types below: a bool is no int, and anything unusual gets the full check.
    if isinstance(eff, SetFact):
        value = eff.set
        if isinstance(spec, BoolFact):
            return type(value) is bool
        if isinstance(spec, IntFact):
            return type(value) is int and in_range(spec, value)
        if isinstance(spec, EnumFact):
            return type(value) is str and value in spec.values
        return isinstance(spec, TextFact) and type(value) is str
    if isinstance(eff, IncreaseFact):
        return isinstance(spec, IntFact)
    if isinstance(eff, AtLeastFact | AtMostFact):
        bound = eff.at_least if isinstance(eff, AtLeastFact) else eff.at_most
        if isinstance(spec, IntFact):
            return type(bound) is int and in_range(spec, bound)
        return isinstance(spec, EnumFact) and type(bound) is str and bound in spec.values
    item = eff.add if isinstance(eff, AddToFact) else eff.remove
    if isinstance(spec, ActorSetFact):
        return type(item) is str and item in actors
    return (
        isinstance(spec, RelationFact)
        and type(item) is Pair
        and type(item.from_) is str
        and type(item.to) is str
        and item.from_ in actors
        and item.to in actors
    )


def check_effects(pack: Pack, index: Index) -> list[Finding]:
    """Fact specs start at valid values; every effect fits the fact it changes."""
    v = Values(index)
    facts, actors = index.facts, index.actors
    for i, spec in enumerate(pack.facts):
        check_fact_spec(v, spec, f"/facts/{i}")
    for ptr, eff in effects_of(pack):
        if not _effect_ok(eff, facts, actors):
            check_effect(v, eff, ptr)
    return v.out

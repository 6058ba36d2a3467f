"""Effects: how injects and decision options change the world facts."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag

from tabletop.model.base import Id, Model, documented
from tabletop.model.conditions import Condition, Scalar, Value


class EffectBase(Model):
    """What every effect may carry besides its verb: a condition it is applied under."""

    only_if: Condition | None = documented(
        "Apply the effect only when this condition holds on the facts as they stand (after "
        "the effects listed before it); otherwise it changes nothing.",
        [{"fact": "unrest_level", "op": "<", "value": "violent"}],
        default=None,
    )


class SetFact(EffectBase):
    """Sets a fact to a value (bool, int, enum or text facts)."""

    fact: Id = documented("Id of the fact to change.", ["unrest_level"])
    set: Value


class AddToFact(EffectBase):
    """Adds an actor to an actor-set fact, or a pair to a relation fact."""

    fact: Id = documented("Id of an actor_set or relation fact.", ["requests"])
    add: Value


class RemoveFromFact(EffectBase):
    """Removes an actor from an actor-set fact, or a pair from a relation fact."""

    fact: Id = documented("Id of an actor_set or relation fact.", ["deployed_in"])
    remove: Value


class IncreaseFact(EffectBase):
    """Adds a number (negative to decrease) to an int fact, clamped to its min/max."""

    fact: Id = documented("Id of an int fact.", ["casualties"])
    increase: int = documented("Amount to add; negative numbers decrease.", [1, -2])


class AtLeastFact(EffectBase):
    """Raises an int or enum fact to a value if it is below it; never lowers it."""

    fact: Id = documented("Id of an int or enum fact.", ["unrest_level"])
    at_least: Scalar = documented(
        "The value the fact is raised to if it is lower (enums: in the order of their "
        "values); a fact already there or beyond keeps its value.",
        ["violent", 3],
    )


class AtMostFact(EffectBase):
    """Lowers an int or enum fact to a value if it is above it; never raises it."""

    fact: Id = documented("Id of an int or enum fact.", ["alliance_cohesion"])
    at_most: Scalar = documented(
        "The value the fact is lowered to if it is higher (enums: in the order of their "
        "values); a fact already there or below keeps its value.",
        ["strained", 0],
    )


_VERBS = ("set", "add", "remove", "increase", "at_least", "at_most")
_EFFECT_TAGS: dict[type, str] = {
    SetFact: "set",
    AddToFact: "add",
    RemoveFromFact: "remove",
    IncreaseFact: "increase",
    AtLeastFact: "at_least",
    AtMostFact: "at_most",
}

BoundFact = AtLeastFact | AtMostFact
"""The effects that move an ordered fact towards a bound, never past it."""


def _effect_tag(value: Any) -> str | None:
    # Told apart by the verb key, so pydantic validates one model, not all six.
    if isinstance(value, dict):
        return next((k for k in _VERBS if k in value), None)
    return _EFFECT_TAGS.get(type(value))


def effect_verb(effect: Effect) -> str:
    """The verb key an effect is written with ('set', 'at_least', ...)."""
    return _EFFECT_TAGS[type(effect)]


def effect_value(effect: Effect) -> object:
    """The value after an effect's verb (the amount, for 'increase')."""
    return getattr(effect, effect_verb(effect))


Effect = Annotated[
    Annotated[SetFact, Tag("set")]
    | Annotated[AddToFact, Tag("add")]
    | Annotated[RemoveFromFact, Tag("remove")]
    | Annotated[IncreaseFact, Tag("increase")]
    | Annotated[AtLeastFact, Tag("at_least")]
    | Annotated[AtMostFact, Tag("at_most")],
    Discriminator(
        _effect_tag,
        custom_error_type="effect_kind",
        custom_error_message="an effect has one of: set, add, remove, increase, at_least, at_most",
    ),
    Field(
        description="A change to one fact: {'fact': id, one of 'set', 'add', 'remove', "
        "'increase', 'at_least', 'at_most', and optionally 'only_if': condition}.",
        examples=[
            {"fact": "unrest_level", "set": "violent"},
            {"fact": "requests", "add": {"from": "KAZ", "to": "CSTO"}},
            {"fact": "unrest_level", "at_least": "violent"},
        ],
    ),
]

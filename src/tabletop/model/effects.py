"""Effects: how injects and decision options change the world facts."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag

from tabletop.model.base import Id, Model, documented
from tabletop.model.conditions import Value


class SetFact(Model):
    """Sets a fact to a value (bool, int, enum or text facts)."""

    fact: Id = documented("Id of the fact to change.", ["unrest_level"])
    set: Value


class AddToFact(Model):
    """Adds an actor to an actor-set fact, or a pair to a relation fact."""

    fact: Id = documented("Id of an actor_set or relation fact.", ["requests"])
    add: Value


class RemoveFromFact(Model):
    """Removes an actor from an actor-set fact, or a pair from a relation fact."""

    fact: Id = documented("Id of an actor_set or relation fact.", ["deployed_in"])
    remove: Value


class IncreaseFact(Model):
    """Adds a number (negative to decrease) to an int fact, clamped to its min/max."""

    fact: Id = documented("Id of an int fact.", ["casualties"])
    increase: int = documented("Amount to add; negative numbers decrease.", [1, -2])


_VERBS = ("set", "add", "remove", "increase")
_EFFECT_TAGS: dict[type, str] = {
    SetFact: "set",
    AddToFact: "add",
    RemoveFromFact: "remove",
    IncreaseFact: "increase",
}


def _effect_tag(value: Any) -> str | None:
    # Told apart by the verb key, so pydantic validates one model, not all four.
    if isinstance(value, dict):
        return next((k for k in _VERBS if k in value), None)
    return _EFFECT_TAGS.get(type(value))


Effect = Annotated[
    Annotated[SetFact, Tag("set")]
    | Annotated[AddToFact, Tag("add")]
    | Annotated[RemoveFromFact, Tag("remove")]
    | Annotated[IncreaseFact, Tag("increase")],
    Discriminator(
        _effect_tag,
        custom_error_type="effect_kind",
        custom_error_message="an effect has one of: set, add, remove, increase",
    ),
    Field(
        description="A change to one fact: {'fact': id, and one of 'set', 'add', 'remove', "
        "'increase'}.",
        examples=[
            {"fact": "unrest_level", "set": "violent"},
            {"fact": "requests", "add": {"from": "KAZ", "to": "CSTO"}},
        ],
    ),
]

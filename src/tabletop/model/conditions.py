"""The condition vocabulary: data that says when a power applies or an inject fires.

Conditions are plain JSON objects told apart by their leading key (``all``,
``any``, ``not``, ``fact``, ``param``, ``member_of``, ``within``, ``relation``,
``party_to``). Nothing in a condition is ever executed: the mandate engine
walks the tree and compares values.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from tabletop.model.base import Id, Model, f

Op = Literal["==", "!=", "<", "<=", ">", ">=", "in", "not_in", "contains", "not_contains"]


class ParamRef(Model):
    """A reference to a parameter of the action being checked."""

    param: Id = f(
        "Name of a parameter of the action type (e.g. the host state).",
        ["host", "target", "beneficiary"],
    )


ActorRef = Annotated[
    Id | ParamRef,
    Field(
        description="An actor id written out, or {'param': name} for an action parameter.",
        examples=["KAZ", {"param": "host"}],
    ),
]


class Pair(Model):
    """One entry of a relation fact: from one actor to another."""

    from_: ActorRef = f(
        "The actor the relation starts from (who requests, who notifies).",
        ["KAZ"],
        alias="from",
    )
    to: ActorRef = f("The actor the relation points to.", ["CSTO"])


Scalar = bool | int | str
Value = Annotated[
    Scalar | tuple[Scalar, ...] | ParamRef | Pair,
    Field(
        description="A literal (true, 3, 'violent'), a list for 'in', a parameter "
        "reference {'param': name}, or a pair {'from': A, 'to': B} for relation facts.",
        examples=[True, 2, "violent", ["KAZ", "KGZ"], {"param": "host"}],
    ),
]

TextOverride = Annotated[
    str | None,
    Field(
        description="Optional wording of this requirement, shown instead of the generated one.",
        examples=["the host member state has asked for help"],
    ),
]


class AllOf(Model):
    """Holds when every listed condition holds."""

    all: tuple[Condition, ...] = f(
        "Conditions that must all hold.",
        [[{"fact": "unrest_violent", "op": "==", "value": True}]],
        min_length=1,
    )
    text: TextOverride = None


class AnyOf(Model):
    """Holds when at least one listed condition holds."""

    any: tuple[Condition, ...] = f(
        "Conditions of which at least one must hold.",
        [[{"member_of": "CSTO", "actor": {"param": "host"}}]],
        min_length=1,
    )
    text: TextOverride = None


class Not(Model):
    """Holds when the inner condition does not."""

    not_: Condition = f(
        "The condition that must not hold.",
        [{"within": "CSTO", "territory": {"param": "target"}}],
        alias="not",
    )
    text: TextOverride = None


class FactTest(Model):
    """Compares a world fact with a value."""

    fact: Id = f("Id of the fact to read.", ["unrest_level"])
    op: Op = f("Comparison operator.", ["==", ">=", "in", "contains"])
    value: Value
    text: TextOverride = None


class ParamTest(Model):
    """Compares a parameter of the action being checked with a value."""

    param: Id = f("Name of the action parameter to read.", ["force_size", "framework"])
    op: Op = f("Comparison operator.", ["<=", "in"])
    value: Value
    text: TextOverride = None


class MemberOf(Model):
    """Holds when an actor is a member state of an organisation."""

    member_of: Id = f("Id of the organisation.", ["CSTO", "SCO"])
    actor: ActorRef
    text: TextOverride = None


class Within(Model):
    """Holds when a territory lies inside an actor's area (itself or one of its members)."""

    within: Id = f("Id of the state or organisation whose area is meant.", ["CSTO"])
    territory: ActorRef
    text: TextOverride = None


class RelationTest(Model):
    """Holds when a relation fact (requests, notifications, ...) has the pair from -> to."""

    relation: Id = f("Id of a fact of type 'relation'.", ["requests", "unsc_authorisations"])
    from_: ActorRef = f("Who the relation starts from.", [{"param": "host"}], alias="from")
    to: ActorRef = f("Who the relation points to.", ["CSTO"])
    text: TextOverride = None


class PartyTo(Model):
    """Holds when an actor is a party to an instrument."""

    party_to: Id = f("Id of the instrument.", ["RUS-UZB-2001"])
    actor: ActorRef
    text: TextOverride = None


Condition = Annotated[
    AllOf | AnyOf | Not | FactTest | ParamTest | MemberOf | Within | RelationTest | PartyTo,
    Field(
        description="A condition, told apart by its leading key: all, any, not, fact, param, "
        "member_of, within, relation or party_to.",
        examples=[{"relation": "requests", "from": {"param": "host"}, "to": "CSTO"}],
    ),
]

for _model in (AllOf, AnyOf, Not):
    _model.model_rebuild()

"""The condition vocabulary: data that says when a power applies or an inject fires.

Conditions are plain JSON objects told apart by their leading key (``all``,
``any``, ``not``, ``fact``, ``param``, ``member_of``, ``within``, ``relation``,
``party_to``, ``consent_of``, ``agreement_between``). Nothing in a condition is ever
executed: the mandate engine walks the tree and compares values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from tabletop.model.base import ActorKind, Id, Model, documented

Op = Literal["==", "!=", "<", "<=", ">", ">=", "in", "not_in", "contains", "not_contains"]


class ParamRef(Model):
    """A reference to a parameter of the action being checked."""

    param: Id = documented(
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

    from_: ActorRef = documented(
        "The actor the relation starts from (who requests, who notifies).",
        ["KAZ"],
        alias="from",
    )
    to: ActorRef = documented("The actor the relation points to.", ["CSTO"])


class FigureRef(Model):
    """A reference to a figure of the pack or its catalogues (the stated size of a force)."""

    figure: Id = documented("Id of the figure.", ["csto-pk-force"])


Scalar = bool | int | str
Value = Annotated[
    Scalar | tuple[Scalar, ...] | ParamRef | Pair | FigureRef,
    Field(
        description="A literal (true, 3, 'violent'), a list for 'in', a parameter "
        "reference {'param': name}, a pair {'from': A, 'to': B} for relation facts, or a "
        "figure {'figure': id} the pack states (compared with numbers).",
        examples=[True, 2, "violent", ["KAZ", "KGZ"], {"param": "host"}, {"figure": "crrf"}],
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

    all: tuple[Condition, ...] = documented(
        "Conditions that must all hold.",
        [[{"fact": "unrest_violent", "op": "==", "value": True}]],
        min_length=1,
    )
    text: TextOverride = None


class AnyOf(Model):
    """Holds when at least one listed condition holds."""

    any: tuple[Condition, ...] = documented(
        "Conditions of which at least one must hold.",
        [[{"member_of": "CSTO", "actor": {"param": "host"}}]],
        min_length=1,
    )
    text: TextOverride = None


class Not(Model):
    """Holds when the inner condition does not."""

    not_: Condition = documented(
        "The condition that must not hold.",
        [{"within": "CSTO", "territory": {"param": "target"}}],
        alias="not",
    )
    text: TextOverride = None


class FactTest(Model):
    """Compares a world fact with a value."""

    fact: Id = documented("Id of the fact to read.", ["unrest_level"])
    op: Op = documented("Comparison operator.", ["==", ">=", "in", "contains"])
    value: Value
    text: TextOverride = None


class ParamTest(Model):
    """Compares a parameter of the action being checked with a value."""

    param: Id = documented("Name of the action parameter to read.", ["force_size", "framework"])
    op: Op = documented("Comparison operator.", ["<=", "in"])
    value: Value
    text: TextOverride = None


class MemberOf(Model):
    """Holds when an actor is a member state of an organisation."""

    member_of: Id = documented("Id of the organisation.", ["CSTO", "SCO"])
    actor: ActorRef
    text: TextOverride = None


class Within(Model):
    """Holds when a territory lies inside an actor's area (itself or one of its members)."""

    within: Id = documented("Id of the state or organisation whose area is meant.", ["CSTO"])
    territory: ActorRef
    text: TextOverride = None


class RelationTest(Model):
    """Holds when a relation fact (requests, notifications, ...) has the pair from -> to;
    without 'from', a pair from anyone (of the kinds in 'from_kinds', if given) to 'to'."""

    relation: Id = documented(
        "Id of a fact of type 'relation'.", ["requests", "unsc_authorisations", "aggression"]
    )
    from_: ActorRef | None = documented(
        "Who the relation starts from; absent: anyone.",
        [{"param": "host"}],
        alias="from",
        default=None,
    )
    from_kinds: tuple[ActorKind, ...] = documented(
        "Without 'from': only pairs from actors of these kinds count (e.g. aggression by a "
        "state or group of states, not by a non-state armed group); empty: any kind.",
        [["state", "group_of_states"]],
        default=(),
    )
    to: ActorRef = documented("Who the relation points to.", ["CSTO"])
    text: TextOverride = None


class PartyTo(Model):
    """Holds when an actor is a party to an instrument."""

    party_to: Id = documented("Id of the instrument.", ["RUS-UZB-2001"])
    actor: ActorRef
    text: TextOverride = None


class ConsentOf(Model):
    """Holds when a state consents to an actor acting on its territory: it is that actor
    itself, or a relation fact marked 'consent' (a request, a consent) has the pair."""

    consent_of: ActorRef = documented("The state whose territory it is.", [{"param": "host"}])
    to: ActorRef | None = documented(
        "Who needs the consent; absent: the actor the role acts for.", ["CSTO"], default=None
    )
    text: TextOverride = None


class AgreementBetween(Model):
    """Holds when a binding instrument of the pack (treaty, charter, agreement) has every
    listed actor among its parties and, with 'covering', gives a power for one of those
    action types to the acting actor: a framework that exists, not one merely declared."""

    agreement_between: tuple[ActorRef, ...] = documented(
        "Actors that must all be parties.", [["RUS", {"param": "host"}]], min_length=2
    )
    covering: tuple[Id, ...] = documented(
        "Action types the instrument must give the acting actor a power for; empty: any.",
        [["peacekeeping_deployment", "military_deployment"]],
        default=(),
    )
    text: TextOverride = None


# Each kind of condition has a key no other kind has; the tag function reads it, so
# pydantic validates one model instead of trying all nine (and the schema says oneOf).
_LEADING_KEYS = {
    "all": "all",
    "any": "any",
    "not": "not",
    "not_": "not",
    "fact": "fact",
    "param": "param",
    "member_of": "member_of",
    "within": "within",
    "relation": "relation",
    "party_to": "party_to",
    "consent_of": "consent_of",
    "agreement_between": "agreement_between",
}


def _condition_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        return next((_LEADING_KEYS[k] for k in value if k in _LEADING_KEYS), None)
    return _CONDITION_TAGS.get(type(value))


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")]
    | Annotated[FactTest, Tag("fact")]
    | Annotated[ParamTest, Tag("param")]
    | Annotated[MemberOf, Tag("member_of")]
    | Annotated[Within, Tag("within")]
    | Annotated[RelationTest, Tag("relation")]
    | Annotated[PartyTo, Tag("party_to")]
    | Annotated[ConsentOf, Tag("consent_of")]
    | Annotated[AgreementBetween, Tag("agreement_between")],
    Discriminator(
        _condition_tag,
        custom_error_type="condition_kind",
        custom_error_message="a condition starts with one of: all, any, not, fact, param, "
        "member_of, within, relation, party_to, consent_of, agreement_between",
    ),
    Field(
        description="A condition, told apart by its leading key: all, any, not, fact, param, "
        "member_of, within, relation, party_to, consent_of or agreement_between.",
        examples=[{"relation": "requests", "from": {"param": "host"}, "to": "CSTO"}],
    ),
]

_CONDITION_TAGS: dict[type, str] = {
    AllOf: "all",
    AnyOf: "any",
    Not: "not",
    FactTest: "fact",
    ParamTest: "param",
    MemberOf: "member_of",
    Within: "within",
    RelationTest: "relation",
    PartyTo: "party_to",
    ConsentOf: "consent_of",
    AgreementBetween: "agreement_between",
}

for _model in (AllOf, AnyOf, Not):
    _model.model_rebuild()


def conditions_in(condition: Condition) -> Iterator[Condition]:
    """A condition and every condition nested in it (all, any, not), depth first."""
    yield condition
    if isinstance(condition, AllOf):
        for inner in condition.all:
            yield from conditions_in(inner)
    elif isinstance(condition, AnyOf):
        for inner in condition.any:
            yield from conditions_in(inner)
    elif isinstance(condition, Not):
        yield from conditions_in(condition.not_)

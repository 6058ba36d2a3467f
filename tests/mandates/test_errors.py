"""Bad input raises a small error naming the valid choices; verdicts never raise."""

from __future__ import annotations

import json

import pytest

from tabletop.mandates import BadFact, BadParameter, UnknownName, check_action, holds
from tabletop.mandates.textvalues import check_text, parse_fact, parse_param
from tabletop.model import ActionSpec, Instrument

PK = "peacekeeping_deployment"


def action(**params: object) -> ActionSpec:
    return ActionSpec(type=PK, params=params)


def test_unknown_role_lists_the_roles(pack, world) -> None:
    with pytest.raises(UnknownName) as err:
        check_action(pack, "csto_secretariat", action(host="KAZ"), world())
    assert err.value.kind == "role" and "csto" in err.value.valid
    assert "unknown role 'csto_secretariat'; valid: csto, sco, rus" in str(err.value)


def test_unknown_action_type_lists_the_types(pack, world) -> None:
    with pytest.raises(UnknownName) as err:
        check_action(pack, "csto", ActionSpec(type="invade"), world())
    assert err.value.kind == "action type"
    assert "peacekeeping_deployment" in str(err.value)


def test_unknown_parameter_lists_the_parameters(pack, world) -> None:
    with pytest.raises(UnknownName) as err:
        check_action(pack, "csto", action(host="KAZ", hots="KAZ"), world())
    assert "valid: host, force_size, framework" in str(err.value)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, "the id of a state (required)"),
        ({"host": 5}, "the id of a state"),
        ({"host": "CSTO"}, "the id of a state"),
        ({"host": "KAZ", "force_size": "big"}, "a whole number >= 1"),
        ({"host": "KAZ", "force_size": True}, "a whole number >= 1"),
        ({"host": "KAZ", "force_size": 0}, "a whole number >= 1"),
        ({"host": "KAZ", "framework": "sometimes"}, "one of un_security_council, regional_"),
    ],
)
def test_parameters_of_the_wrong_type(pack, world, params, expected) -> None:
    with pytest.raises(BadParameter) as err:
        check_action(pack, "csto", action(**params), world())
    assert expected in str(err.value)


def test_unknown_actor_as_parameter(pack, world) -> None:
    with pytest.raises(UnknownName) as err:
        check_action(pack, "csto", action(host="KAZAKHSTAN"), world())
    assert err.value.kind == "actor" and "KAZ" in err.value.valid


@pytest.mark.parametrize(
    ("facts", "error"),
    [
        ({"requets": frozenset()}, UnknownName),
        ({"requests": "KAZ>CSTO"}, BadFact),
        ({"requests": frozenset({("KAZ",)})}, BadFact),
        ({"requests": frozenset({("KAZ", "CSTOO")})}, UnknownName),
        ({"neutral_states": frozenset({"Tajikistan"})}, UnknownName),
        ({"unrest_level": "riot"}, BadFact),
        ({"casualties": -1}, BadFact),
        ({"casualties": False}, BadFact),
        ({"state_of_emergency": 1}, BadFact),
    ],
)
def test_facts_of_the_wrong_type(pack, world, facts, error) -> None:
    with pytest.raises(error):
        check_action(pack, "csto", action(host="KAZ"), {**world(), **facts})


def test_missing_facts_take_their_initial_values(pack) -> None:
    verdict = check_action(pack, "rus", action(host="TKM"), {})
    assert verdict.kind == "outside_mandate"
    assert "permanent neutrality" in verdict.headline


def test_broken_references_in_a_pack_are_errors_not_crashes(pack, world) -> None:
    csto = next(r for r in pack.roles if r.id == "csto")
    broken_role = csto.model_copy(update={"instruments": ("CST-1992", "NO-SUCH-TREATY")})
    broken = pack.model_copy(update={"roles": (broken_role,)})
    with pytest.raises(UnknownName) as err:
        check_action(broken, "csto", action(host="KAZ"), world())
    assert err.value.kind == "instrument"
    rules = next(i for i in pack.instruments if i.id == "TEST-RULES")
    data = rules.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["powers"][0]["conditions"] = [{"fact": "no_such_fact", "op": "==", "value": True}]
    ghost_pack = pack.model_copy(
        update={"instruments": (Instrument.model_validate_json(json.dumps(data)),)}
    )
    with pytest.raises(UnknownName) as err:
        check_action(ghost_pack, "tester", ActionSpec(type="public_statement"), world())
    assert err.value.kind == "fact"


def test_text_values_parse_by_declared_type(pack) -> None:
    assert parse_param(pack, PK, "force_size", "2500") == 2500
    assert parse_param(pack, PK, "host", "KAZ") == "KAZ"
    assert parse_fact(pack, "requests", "KAZ>CSTO, TJK>CSTO") == frozenset(
        {("KAZ", "CSTO"), ("TJK", "CSTO")}
    )
    assert parse_fact(pack, "neutral_states", "TJK,KGZ") == frozenset({"TJK", "KGZ"})
    assert parse_fact(pack, "neutral_states", "") == frozenset()
    assert parse_fact(pack, "state_of_emergency", "TRUE") is True
    assert parse_fact(pack, "casualties", "12") == 12
    with pytest.raises(BadParameter):
        parse_param(pack, PK, "force_size", "2,500")
    with pytest.raises(BadFact):
        parse_fact(pack, "state_of_emergency", "yes please")
    with pytest.raises(BadFact):
        parse_fact(pack, "requests", "KAZ>CSTO>UNSC")
    with pytest.raises(ValueError, match="KEY=VALUE"):
        check_text(pack, "csto", PK, ["host"])
    with pytest.raises(UnknownName):
        check_text(pack, "nobody", PK)


def test_holds_without_parameters_never_raises_for_parameter_references(pack, world) -> None:
    member = next(
        p.conditions[0]
        for i in pack.instruments
        if i.id == "CSTO-PKA-2007"
        for p in i.powers
        if p.id == "pk-in-member-state"
    )
    assert holds(pack, member, world()) is False

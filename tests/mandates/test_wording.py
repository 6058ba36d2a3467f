"""How conditions read: each leaf, all/any/not, overrides, and the words of facts."""

from __future__ import annotations

import json

import pytest
from pydantic import TypeAdapter

from tabletop.mandates import explain, explain_all, holds
from tabletop.mandates.requirements import requirement
from tabletop.model import Condition
from tabletop.model.index import index_of

_ADAPTER = TypeAdapter(Condition)


def cond(obj: object) -> Condition:
    """A condition from its JSON form, as a pack would give it."""
    return _ADAPTER.validate_json(json.dumps(obj))


UZB_IN_CSTO = {"member_of": "CSTO", "actor": "UZB"}
KAZ_IN_CSTO = {"member_of": "CSTO", "actor": "KAZ"}
KAZ_ASKED = {"relation": "requests", "from": "KAZ", "to": "CSTO"}
UN_UZB = {"relation": "unsc_authorisations", "from": "UNSC", "to": "UZB"}
HELP = "the host member state has asked for help"


def test_leaves_state_the_world(pack, world) -> None:
    facts = world(requests=frozenset({("KAZ", "CSTO")}))
    un_uzb = {"relation": "unsc_authorisations", "from": "UNSC", "to": "UZB"}
    treaty = "the Russia–Turkmenistan security treaty (2002)"
    cases = [
        (UZB_IN_CSTO, False, "Uzbekistan is not a member of the CSTO"),
        (KAZ_IN_CSTO, True, "Kazakhstan is a member of the CSTO"),
        (
            {"member_of": "SCO", "actor": "AFG"},
            False,
            "Afghanistan is not a member of the SCO (it is an observer)",
        ),
        ({"within": "CSTO", "territory": "AFG"}, False, "Afghanistan lies outside the CSTO area"),
        ({"within": "CSTO", "territory": "TJK"}, True, "Tajikistan lies within the CSTO area"),
        (KAZ_ASKED, True, "Kazakhstan has asked the CSTO for assistance"),
        (
            {"relation": "requests", "from": "UZB", "to": "CSTO"},
            False,
            "Uzbekistan has not asked the CSTO for assistance",
        ),
        (un_uzb, False, "the UN Security Council has not authorised an operation in Uzbekistan"),
        (
            {"party_to": "RUS-TKM-2002", "actor": "TKM"},
            True,
            f"Turkmenistan is a party to {treaty}",
        ),
        (
            {"party_to": "RUS-TKM-2002", "actor": "UZB"},
            False,
            f"Uzbekistan is not a party to {treaty}",
        ),
        (
            {"fact": "neutral_states", "op": "contains", "value": "TKM"},
            True,
            "Turkmenistan has the status of permanent neutrality",
        ),
        (
            {"relation": "aggression", "to": "TJK"},
            False,
            "Tajikistan faces no aggression by anyone",
        ),
    ]
    for obj, held, text in cases:
        result = explain(pack, cond(obj), facts)
        assert (result.holds, result.text) == (held, text), obj


def test_all_names_the_first_failure_and_joins_successes(pack, world) -> None:
    facts = world(requests=frozenset({("KAZ", "CSTO")}))
    failing = explain(pack, cond({"all": [KAZ_IN_CSTO, UZB_IN_CSTO, KAZ_ASKED]}), facts)
    assert not failing.holds
    assert failing.text == "Uzbekistan is not a member of the CSTO"
    passing = explain(pack, cond({"all": [KAZ_IN_CSTO, KAZ_ASKED]}), facts)
    assert passing.holds
    assert passing.text == (
        "Kazakhstan is a member of the CSTO and Kazakhstan has asked the CSTO for assistance"
    )


def test_any_explains_every_branch_when_it_fails(pack, world) -> None:
    facts = world()
    result = explain(
        pack,
        cond(
            {"any": [UZB_IN_CSTO, {"relation": "unsc_authorisations", "from": "UNSC", "to": "UZB"}]}
        ),
        facts,
    )
    assert not result.holds
    assert result.text == (
        "Uzbekistan is not a member of the CSTO and the UN Security Council has not "
        "authorised an operation in Uzbekistan"
    )
    held = explain(pack, cond({"any": [UZB_IN_CSTO, KAZ_IN_CSTO]}), facts)
    assert held.holds and held.text == "Kazakhstan is a member of the CSTO"


def test_not_negates_the_outcome_and_keeps_true_words(pack, world) -> None:
    facts = world()
    negated = explain(pack, cond({"not": UZB_IN_CSTO}), facts)
    assert negated.holds
    assert negated.text == "Uzbekistan is not a member of the CSTO"
    failed = explain(pack, cond({"not": KAZ_IN_CSTO}), facts)
    assert not failed.holds
    assert failed.text == "Kazakhstan is a member of the CSTO"
    double = explain(pack, cond({"not": {"not": UZB_IN_CSTO}}), facts)
    assert not double.holds
    # not(all(...)) holds because of the branch that failed, and says so.
    de_morgan = explain(pack, cond({"not": {"all": [KAZ_IN_CSTO, UZB_IN_CSTO]}}), facts)
    assert de_morgan.holds and de_morgan.text == "Uzbekistan is not a member of the CSTO"


def test_text_override_replaces_generated_words(pack, world) -> None:
    obj = {**KAZ_ASKED, "text": "the host member state has asked for help"}
    assert (
        explain(pack, cond(obj), world()).text
        == "it is not the case that the host member state has asked for help"
    )
    met = explain(pack, cond(obj), world(requests=frozenset({("KAZ", "CSTO")})))
    assert met.holds and met.text == "the host member state has asked for help"


def test_enum_int_and_bool_facts(pack, world) -> None:
    facts = world(unrest_level="protests", casualties=4, state_of_emergency=False)
    violent = explain(pack, cond({"fact": "unrest_level", "op": "==", "value": "violent"}), facts)
    assert not violent.holds and violent.text == "the unrest is protests, not violent"
    below = explain(pack, cond({"fact": "unrest_level", "op": "<", "value": "violent"}), facts)
    assert below.holds and below.text == "the unrest is protests, below violent"
    ten = explain(pack, cond({"fact": "casualties", "op": ">=", "value": 10}), facts)
    assert not ten.holds and ten.text == "the casualty count is 4, below 10"
    one_of = explain(
        pack, cond({"fact": "unrest_level", "op": "in", "value": ["calm", "violent"]}), facts
    )
    assert not one_of.holds and one_of.text == "the unrest is protests, none of calm or violent"
    emergency = explain(
        pack, cond({"fact": "state_of_emergency", "op": "==", "value": True}), facts
    )
    assert not emergency.holds and emergency.text == "no state of emergency is in force"
    # A yes/no fact never equals the number 1.
    assert not holds(pack, cond({"fact": "state_of_emergency", "op": "==", "value": 0}), facts)


def test_parameters_in_conditions(pack, world) -> None:
    member = cond({"member_of": "CSTO", "actor": {"param": "host"}})
    assert (
        explain(pack, member, world(), {"host": "KGZ"}).text == "Kyrgyzstan is a member of the CSTO"
    )
    missing = explain(pack, member, world(), {})
    assert not missing.holds and missing.text == "no host was given"
    test = cond({"param": "framework", "op": "==", "value": "none"})
    assert (
        explain(pack, test, world(), {"framework": "treaty"}).text
        == "the framework is treaty, not none"
    )


def test_explain_all_stops_at_the_first_failure(pack, world) -> None:
    results = explain_all(pack, (cond(KAZ_IN_CSTO), cond(UZB_IN_CSTO), cond(KAZ_ASKED)), world())
    assert [r.holds for r in results] == [True, False]


@pytest.mark.parametrize(
    ("obj", "words"),
    [
        (KAZ_ASKED, "Kazakhstan has asked the CSTO for assistance"),
        ({"not": KAZ_ASKED}, "Kazakhstan has not asked the CSTO for assistance"),
        (
            {"not": {"within": "CSTO", "territory": {"param": "host"}}},
            "the host lies outside the CSTO area",
        ),
        (
            {"any": [UZB_IN_CSTO, KAZ_ASKED]},
            "either Uzbekistan is a member of the CSTO or Kazakhstan has asked the CSTO "
            "for assistance",
        ),
        (
            {"not": {"any": [UZB_IN_CSTO, KAZ_IN_CSTO]}},
            "Uzbekistan is not a member of the CSTO and Kazakhstan is not a member of the CSTO",
        ),
        ({"fact": "casualties", "op": ">=", "value": 10}, "the casualty count is at least 10"),
        (
            {"not": {"fact": "casualties", "op": ">=", "value": 10}},
            "the casualty count is below 10",
        ),
    ],
)
def test_requirements_read_as_what_is_asked_for(pack, obj, words) -> None:
    assert requirement(index_of(pack), cond(obj)) == words

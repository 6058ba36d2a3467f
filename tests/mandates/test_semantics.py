"""How the engine decides: order, limits before powers, holders, obligations, purity."""

from __future__ import annotations

import json

from tabletop.mandates import (
    check_action,
    describe_discharge,
    discharged_by,
    facts_relied_on,
    facts_weighed,
    holds,
    is_discharged,
    open_obligations,
)
from tabletop.model import ActionSpec, Instrument

PK_KAZ = ActionSpec(type="peacekeeping_deployment", params={"host": "KAZ"})
KAZ_ASKED = frozenset({("KAZ", "CSTO")})


def test_same_inputs_same_verdict_whatever_the_fact_order(pack, world) -> None:
    facts = world(requests=frozenset({("UZB", "CSTO"), ("KAZ", "CSTO")}))
    reordered = dict(reversed(list(facts.items())))
    action = ActionSpec(type="peacekeeping_deployment", params={"host": "UZB"})
    first = check_action(pack, "csto", action, facts)
    again = check_action(pack, "csto", action, reordered)
    assert first.model_dump(mode="json") == again.model_dump(mode="json")
    assert [g.rule for g in first.grounds] == [
        "non-interference",
        "beyond-peacekeeping-force",
        "art4-peacekeepers",
        "pk-in-member-state",
        "pk-beyond-area",
    ]
    assert [len(g.conditions) for g in first.grounds] == [1, 1, 1, 1, 2]


def test_check_does_not_change_its_inputs(pack, world) -> None:
    facts = world(requests=KAZ_ASKED)
    before = (pack.model_dump_json(), dict(facts), PK_KAZ.model_dump_json())
    check_action(pack, "csto", PK_KAZ, facts)
    assert before == (pack.model_dump_json(), dict(facts), PK_KAZ.model_dump_json())


def test_a_limit_wins_over_a_power_that_holds(pack, world) -> None:
    statement = ActionSpec(type="public_statement")
    calm = check_action(pack, "tester", statement, world())
    assert calm.kind == "permitted"
    assert calm.basis is not None and calm.basis.rule == "calm-statement"
    silenced = check_action(pack, "tester", statement, world(state_of_emergency=True))
    assert silenced.kind == "outside_mandate"
    assert silenced.basis is None
    assert "No public statements during a state of emergency" in silenced.headline
    assert "a state of emergency is in force" in silenced.headline
    # Every power is still weighed (for the detail view), but the limit decides.
    assert [g.kind for g in silenced.grounds] == ["limit", "power"]


def test_russian_law_limit_against_its_own_power(pack, world) -> None:
    # "peacekeeping and peace enforcement are voluntary actions in the framework of the UNSC,
    # regional international organizations, and bilateral and multilateral agreements (FL 93,
    # 1995)": the framework declared must exist; a request alone is not an agreement.
    facts = world(requests=frozenset({("KGZ", "RUS")}))
    params = {"host": "KGZ"}
    treaty = check_action(
        pack,
        "rus",
        ActionSpec(type="peacekeeping_deployment", params={**params, "framework": "treaty"}),
        facts,
    )
    assert treaty.kind == "outside_mandate"
    assert treaty.nearest is not None and treaty.nearest.instrument == "RUS-FL93-1995"
    assert "no treaty or agreement in force between Russia and Kyrgyzstan" in treaty.headline
    regional = check_action(
        pack,
        "rus",
        ActionSpec(
            type="peacekeeping_deployment", params={**params, "framework": "regional_organisation"}
        ),
        world(peacekeeping_operations=frozenset({("CSTO", "KGZ")})),
    )
    assert regional.kind == "permitted"
    assert regional.basis is not None and regional.basis.instrument == "RUS-FL93-1995"
    none = check_action(
        pack,
        "rus",
        ActionSpec(type="peacekeeping_deployment", params={**params, "framework": "none"}),
        facts,
    )
    assert none.kind == "outside_mandate"
    biting = [g.rule for g in none.grounds if g.applies]
    assert biting == ["framework-required"]
    assert "Russian law allows peacekeeping only within" in none.headline


def test_holders_decide_who_may_use_a_power(pack, world) -> None:
    other = check_action(pack, "tester_tjk", ActionSpec(type="public_statement"), world())
    assert other.kind == "outside_mandate"
    assert not other.grounds
    # The nearest power is one the role cannot reach, with the reason it cannot.
    assert other.nearest is not None
    assert other.nearest.conditions[0].text in other.headline
    assert "Tajikistan" in other.headline and "does not draw on" in other.headline
    # Armenia draws on the peacekeeping agreement but only the CSTO holds its deployment power;
    # its own power is to contribute a contingent to an operation the CSTO decided on.
    deploy = check_action(pack, "arm", PK_KAZ, world(requests=KAZ_ASKED))
    assert deploy.kind == "outside_mandate"
    assert "gives this power to the CSTO, not to Armenia" in deploy.headline
    contribute = ActionSpec(
        type="contingent_contribution",
        params={"host": "KAZ", "operation_of": "CSTO", "force_size": 100},
    )
    before = check_action(pack, "arm", contribute, world())
    assert before.kind == "outside_mandate"
    assert "the CSTO has not decided on a peacekeeping operation in Kazakhstan" in before.headline
    after = check_action(
        pack, "arm", contribute, world(peacekeeping_operations=frozenset({("CSTO", "KAZ")}))
    )
    assert after.kind == "permitted"


def test_binding_powers_come_first_then_role_order(pack, world) -> None:
    exercise = ActionSpec(type="joint_exercise", params={"host": "KGZ"})
    verdict = check_action(pack, "csto", exercise, world())
    assert verdict.basis.instrument == "CSTO-Charter-2002"
    assert [g.instrument for g in verdict.bases] == ["CSTO-Charter-2002", "CSTO-PKC-2004"]
    assert [g.weight for g in verdict.bases] == ["binding", "supporting"]
    csto = next(r for r in pack.roles if r.id == "csto")
    reordered = csto.model_copy(update={"instruments": tuple(reversed(csto.instruments))})
    other_pack = pack.model_copy(
        update={"roles": tuple(reordered if r.id == "csto" else r for r in pack.roles)}
    )
    # The concept of 2004 is a policy document: the charter stays the basis in any order.
    again = check_action(other_pack, "csto", exercise, world())
    assert again.basis.instrument == "CSTO-Charter-2002"


def test_obligations_and_what_discharges_them(pack, world) -> None:
    verdict = check_action(pack, "csto", PK_KAZ, world(requests=KAZ_ASKED))
    (due,) = verdict.obligations
    assert due.actor == "CSTO"
    assert due.citation.document == "Agreement on Peacekeeping Activities of the CSTO"
    facts = world(requests=KAZ_ASKED)
    notify = ActionSpec(type="notify_unsc", params={"subject": "KAZ"})
    assert not is_discharged(pack, due, facts, [])
    assert not is_discharged(pack, due, facts, [("RUS", notify)]), "someone else's letter"
    assert is_discharged(pack, due, facts, [("CSTO", notify)])
    assert discharged_by(pack, due, facts, [("CSTO", notify)]).action == "notify_unsc"
    informed = world(requests=KAZ_ASKED, notifications=frozenset({("CSTO", "UNSC")}))
    assert is_discharged(pack, due, informed)
    assert open_obligations(pack, [due], facts) == (due,)
    assert open_obligations(pack, [due], informed) == ()
    assert [describe_discharge(pack, d, due.actor) for d in due.discharged_by] == [
        "when the CSTO takes the action 'Notify the UN Security Council'",
        "once the CSTO has informed the UN Security Council",
    ]


def test_obligation_conditions_are_bound_to_the_action(pack, world) -> None:
    rules = next(i for i in pack.instruments if i.id == "TEST-RULES")
    data = rules.model_dump(mode="json", by_alias=True, exclude_none=True)
    when = data["powers"][1]["obligations"][0]["discharged_by"][0]["when"]
    when["to"] = {"param": "subject"}
    bound_pack = pack.model_copy(
        update={
            "instruments": tuple(
                Instrument.model_validate_json(json.dumps(data)) if i.id == "TEST-RULES" else i
                for i in pack.instruments
            )
        }
    )
    action = ActionSpec(type="notify_unsc", params={"subject": "UZB"})
    verdict = check_action(bound_pack, "tester", action, world(casualties=12))
    assert verdict.kind == "permitted_with_obligations"
    (due,) = verdict.obligations
    assert due.discharged_by[0].when.to == "UZB"
    assert not is_discharged(bound_pack, due, world())
    assert is_discharged(bound_pack, due, world(notifications=frozenset({("KAZ", "UZB")})))
    assert not is_discharged(bound_pack, due, world(notifications=frozenset({("KAZ", "TJK")})))


def test_holds_for_inject_triggers(pack, world) -> None:
    trigger = next(
        p.conditions[0]
        for i in pack.instruments
        if i.id == "TEST-RULES"
        for p in i.powers
        if p.id == "casualty-report"
    )
    assert not holds(pack, trigger, world(casualties=9))
    assert holds(pack, trigger, world(casualties=10))


def test_a_verdict_relies_on_the_facts_of_the_grounds_that_decided_it(pack, world) -> None:
    # The SCO's peacekeepers are ruled out whatever the facts: the refusal relies on none,
    # though the powers elsewhere in the pack that were weighed read requests and more.
    sco = ActionSpec(type="peacekeeping_deployment", params={"host": "KAZ"})
    refused = check_action(pack, "sco", sco, world())
    assert facts_relied_on(pack, refused) == ()
    assert facts_weighed(pack, "sco", sco) != ()
    # The CSTO's deployment in Kazakhstan rests on the request (and, for article 4, on the
    # aggression): those facts, not the UN authorisations the power beyond the area reads.
    granted = check_action(pack, "csto", PK_KAZ, world(requests=KAZ_ASKED))
    relied = facts_relied_on(pack, granted)
    assert "requests" in relied and "unsc_authorisations" not in relied
    assert set(relied) <= set(facts_weighed(pack, "csto", PK_KAZ))

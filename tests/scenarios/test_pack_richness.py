"""The shipped packs are rich enough for a 2–3 hour seminar, and every figure has a source.

What "rich enough" means is written down in docs/authoring.md ("What a shipped pack must
have"); these tests hold both shipped packs to it. The rules every pack can be held to
(briefs, discussion questions, options per decision point, figures found in a source,
options the engine can weigh) are `tabletop validate --strict`'s, and
tests/packs/test_strict.py holds the shipped packs to them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tabletop.mandates import check_action
from tabletop.model.facts import initial_facts
from tabletop.packs import load_pack
from tabletop.paths import shipped_scenarios_dir

SHIPPED = ("afghan-border-incursion.json", "kazakh-unrest-2022.json")
MSEL_FIELDS = (
    "time",
    "from_",
    "to",
    "channel",
    "title",
    "body",
    "expected_actions",
    "objectives",
    "facilitator_notes",
    "discussion_questions",
    "sources",
)


@pytest.fixture(params=SHIPPED)
def loaded(request: pytest.FixtureRequest, loaded_packs) -> Any:
    return loaded_packs[request.param]


@pytest.mark.parametrize("name", SHIPPED)
def test_validates_without_any_warning(name: str) -> None:
    result = load_pack(shipped_scenarios_dir() / name)
    assert result.ok
    assert [d.render() for d in result.diagnostics] == []


def test_names_the_shared_catalogue_and_schema(loaded) -> None:
    pack = loaded.pack
    assert pack.catalogues == ("central-asia-security",)
    assert pack.schema_ == "../schemas/scenario-pack.schema.json"


def test_counts(loaded) -> None:
    pack = loaded.pack
    assert len(pack.phases) >= 3
    assert len(pack.injects) >= 15
    assert len(pack.decision_points) >= 6
    assert 3 <= len(pack.objectives) <= 5


def test_every_inject_fills_every_msel_field(loaded) -> None:
    for inject in loaded.pack.injects:
        for field in MSEL_FIELDS:
            value = getattr(inject, field)
            assert value not in (None, "", ()), f"{inject.id} has no {field}"


def test_every_decision_point_has_three_to_five_options(loaded) -> None:
    for dp in loaded.pack.decision_points:
        assert 3 <= len(dp.options) <= 5, dp.id
        for role in dp.deciders:
            mine = [o for o in dp.options if not o.for_roles or role in o.for_roles]
            assert mine, f"{role} has nothing to choose at {dp.id}"


def test_real_branches(loaded) -> None:
    """At least two decision points whose options release different injects and set
    different facts, so that two games of the pack can end differently."""
    branching = []
    for dp in loaded.pack.decision_points:
        follow_ons = {frozenset(o.follow_ons) for o in dp.options}
        effects = {tuple(e.model_dump_json() for e in o.effects) for o in dp.options}
        if len(follow_ons) >= 2 and len(effects) >= 2:
            branching.append(dp.id)
    assert len(branching) >= 2, branching


def test_tempting_options_outside_mandate(loaded) -> None:
    """Several options are outside every mandate of the roles that may choose them, on the
    facts the game starts with: the seminar discussion turns on them."""
    pack = loaded.pack
    facts = initial_facts(pack)
    outside = []
    for dp in pack.decision_points:
        for option in dp.options:
            roles = option.for_roles or dp.deciders
            kinds = {check_action(pack, r, option.action, facts).kind for r in roles}
            if kinds == {"outside_mandate"}:
                outside.append(f"{dp.id}/{option.id}")
    assert len(outside) >= 4, outside


def test_a_state_speaks_for_itself_and_an_organisation_under_its_charter(loaded) -> None:
    """A government's public statement rests on its own sovereignty (UN Charter art. 2(1))
    or an instrument of its own, never on a power of an organisation it belongs to; an
    organisation's statement rests on its charter."""
    pack = loaded.pack
    facts = initial_facts(pack)
    kinds = {a.id: a.kind for a in pack.actors}
    seen = set()
    for dp in pack.decision_points:
        for option in dp.options:
            if option.action.type != "public_statement":
                continue
            for role_id in option.for_roles or dp.deciders:
                role = next(r for r in pack.roles if r.id == role_id)
                basis = check_action(pack, role_id, option.action, facts).basis
                assert basis is not None, (dp.id, option.id, role_id)
                if kinds[role.actor] == "state":
                    # Its sovereignty, or an instrument of that state alone (a neutrality).
                    parties = next(i.parties for i in pack.instruments if i.id == basis.instrument)
                    assert basis.instrument == "UN-Charter-1945" or parties == (role.actor,), (
                        dp.id,
                        role_id,
                        basis.instrument,
                    )
                else:
                    assert basis.instrument != "UN-Charter-1945", (dp.id, role_id)
                seen.add(kinds[role.actor])
    assert seen  # each pack has public statements to weigh


def test_some_option_owes_an_obligation(loaded) -> None:
    """At least one option's action is governed by a power that creates an obligation."""
    pack = loaded.pack
    owing = {
        action
        for inst in pack.instruments
        for power in inst.powers
        if power.obligations
        for action in power.actions
    }
    assert any(o.action.type in owing for dp in pack.decision_points for o in dp.options)


def test_objectives_have_capabilities_and_are_exercised(loaded) -> None:
    pack = loaded.pack
    used = {o for i in pack.injects for o in i.objectives}
    used |= {o for dp in pack.decision_points for o in dp.objectives}
    for objective in pack.objectives:
        assert objective.capability.strip()
        assert objective.id in used, f"{objective.id} is never addressed"


def test_sources_resolve_and_are_used(loaded) -> None:
    """Every source an inject, instrument or citation names exists, and every source the
    pack lists itself (besides the catalogue's) is used somewhere."""
    pack = loaded.pack
    known = {s.id for s in pack.meta.sources}
    used = {s for i in pack.injects for s in i.sources}
    for inst in pack.instruments:
        used |= {inst.source} if inst.source else set()
        used |= {r.citation.source for r in (*inst.powers, *inst.limits) if r.citation.source}
    assert used <= known, used - known
    raw = json.loads(Path(loaded.path).read_text(encoding="utf-8"))
    own = {s["id"] for s in raw["meta"]["sources"]}
    assert own <= used, f"listed but never used: {own - used}"

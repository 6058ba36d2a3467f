"""The example pack loads cleanly and really exercises every feature of the format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tabletop.model import Pack
from tabletop.model.conditions import AllOf, AnyOf, Condition, Not
from tabletop.packs import load_pack
from tabletop.packs.lint_base import condition_sites, walk

DATA = Path(__file__).resolve().parents[1] / "data"


def _loaded() -> Pack:
    result = load_pack(DATA / "example-pack.json")
    assert result.diagnostics == ()
    assert result.loaded is not None
    return result.loaded.pack


def _conditions(pack: Pack) -> Iterator[Condition]:
    for site in condition_sites(pack):
        for cond, _ptr in walk(site.condition, site.pointer):
            yield cond


def test_example_pack_draws_on_a_catalogue() -> None:
    result = load_pack(DATA / "example-pack.json")
    assert result.loaded is not None
    assert result.loaded.pack.catalogues == ("fictional-compact",)
    ids = {i.id for i in result.loaded.pack.instruments}
    assert {"NCP-CHARTER-2001", "NCP-PK-2005", "ARV-DEF-LAW-2019"} <= ids


def test_every_condition_kind_is_used() -> None:
    kinds = set()
    for cond in _conditions(_loaded()):
        kinds.add(next(iter(cond.model_dump(by_alias=True, exclude_none=True))))
    assert kinds >= {"all", "any", "not", "fact", "param", "member_of", "within", "relation"}
    assert "party_to" in kinds
    nested = [c for c in _conditions(_loaded()) if isinstance(c, AllOf | AnyOf | Not)]
    assert nested


def test_every_fact_param_effect_and_release_kind_is_used() -> None:
    pack = _loaded()
    assert {f.type for f in pack.facts} == {"bool", "int", "enum", "text", "actor_set", "relation"}
    assert {p.type for a in pack.action_types for p in a.params} == {
        "actor",
        "int",
        "bool",
        "enum",
        "text",
    }
    effects = [e for i in pack.injects for e in i.effects]
    effects += [e for d in pack.decision_points for o in d.options for e in o.effects]
    kinds = {
        next(k for k in ("set", "add", "remove", "increase") if hasattr(e, k)) for e in effects
    }
    assert kinds == {"set", "add", "remove", "increase"}
    assert {i.release for i in pack.injects} == {"scheduled", "when", "follow_on"}
    assert {i.to == "all" for i in pack.injects} == {True, False}


def test_powers_limits_holders_and_obligations() -> None:
    pack = _loaded()
    powers = [p for i in pack.instruments for p in i.powers]
    limits = [x for i in pack.instruments for x in i.limits]
    assert limits and any(x.holders for x in limits) and any(not x.holders for x in limits)
    assert any(p.holders for p in powers) and any(not p.holders for p in powers)
    discharges = [d for p in powers for o in p.obligations for d in o.discharged_by]
    assert any(d.action for d in discharges) and any(d.when for d in discharges)


def test_decision_points_cover_every_feature_and_really_branch() -> None:
    pack = _loaded()
    dps = pack.decision_points
    assert 3 <= len(dps) <= 4 and 2 <= len(pack.phases) <= 3 and len(pack.injects) >= 8
    assert any(len(dp.deciders) == 2 for dp in dps)
    assert any(dp.open_when is not None for dp in dps)
    assert any(o.for_roles for dp in dps for o in dp.options)
    assert any(dp.time_box_minutes for dp in dps)
    assert any(not dp.rationale_required for dp in dps)
    branching = [
        dp
        for dp in dps
        if len({o.follow_ons for o in dp.options}) > 1
        and len({tuple(e.fact for e in o.effects) for o in dp.options}) > 1
    ]
    assert len(branching) >= 2
    assert any(i.opens for i in pack.injects)

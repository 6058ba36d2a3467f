"""Lint reads figures, consent and relations from anyone as the engine does: what they read
counts as read, and an inject's condition on facts that never change is judged rightly."""

from __future__ import annotations

import json
from typing import Any

from tabletop.packs import parse_pack
from tabletop.packs.catalogues import check_catalogue
from tabletop.packs.loader import LoadResult

from .conftest import MINIMAL

REQUEST = {"relation": "requests", "from": {"param": "host"}, "to": "ALLY"}


def _minimal() -> dict[str, Any]:
    pack: dict[str, Any] = json.loads(MINIMAL.read_text(encoding="utf-8"))
    return pack


def _parse(pack: dict[str, Any]) -> LoadResult:
    return parse_pack(json.dumps(pack, indent=2).encode(), "pack.json", lambda _id: None)


def _codes(result: LoadResult) -> list[tuple[str, str]]:
    return [(d.code, d.pointer) for d in result.diagnostics]


def _with_static_fact(fact: dict[str, Any], when: dict[str, Any]) -> dict[str, Any]:
    """The minimal pack with a fact nothing changes, read by INJ-3's condition."""
    pack = _minimal()
    pack["facts"].append(fact)
    pack["injects"][2]["when"] = when
    return pack


def test_a_consent_fact_read_only_by_consent_of_counts_as_read() -> None:
    pack = _minimal()
    pack["facts"][0]["consent"] = True
    conditions = pack["instruments"][0]["powers"][0]["conditions"]
    conditions[conditions.index(REQUEST)] = {"consent_of": {"param": "host"}}
    assert _codes(_parse(pack)) == []
    del pack["facts"][0]["consent"]
    assert ("no-consent-fact", "/instruments/0/powers/0/conditions/1/consent_of") in _codes(
        _parse(pack)
    )


def test_a_relation_from_anyone_of_some_kinds_loads_clean() -> None:
    pack = _minimal()
    conditions = pack["instruments"][0]["powers"][0]["conditions"]
    conditions[conditions.index(REQUEST)] = {
        "relation": "requests",
        "from_kinds": ["state", "group_of_states"],
        "to": "ALLY",
    }
    assert _codes(_parse(pack)) == []


def test_a_relation_from_anyone_on_a_fact_that_never_changes_is_judged_by_kind() -> None:
    def pack_with(first: str) -> dict[str, Any]:
        pack = _with_static_fact(
            {
                "id": "attacks",
                "title": "Attacks",
                "type": "relation",
                "initial": [{"from": first, "to": "LAND"}],
            },
            {"relation": "attacks", "from_kinds": ["state"], "to": "LAND"},
        )
        pack["actors"].append({"id": "HILL", "name": "Hill", "kind": "state"})
        pack["actors"].append({"id": "BAND", "name": "A band", "kind": "non_state_group"})
        return pack

    assert ("inject-never-fires", "/injects/2") not in _codes(_parse(pack_with("HILL")))
    assert ("inject-never-fires", "/injects/2") in _codes(_parse(pack_with("BAND")))


def test_a_figure_on_a_fact_that_never_changes_is_compared_by_its_value() -> None:
    def pack_with(figure: int) -> dict[str, Any]:
        pack = _with_static_fact(
            {"id": "level", "title": "Level", "type": "int", "initial": 5},
            {"fact": "level", "op": ">=", "value": {"figure": "threshold"}},
        )
        pack["figures"] = [{"id": "threshold", "title": "The threshold", "value": figure}]
        return pack

    assert ("inject-never-fires", "/injects/2") not in _codes(_parse(pack_with(3)))
    assert ("inject-never-fires", "/injects/2") in _codes(_parse(pack_with(10)))


def test_consent_on_facts_that_never_change_is_judged_on_them() -> None:
    def pack_with(initial: list[dict[str, str]]) -> dict[str, Any]:
        return _with_static_fact(
            {
                "id": "consents",
                "title": "Consents",
                "type": "relation",
                "consent": True,
                "initial": initial,
            },
            {"consent_of": "LAND", "to": "ALLY"},
        )

    assert ("inject-never-fires", "/injects/2") in _codes(_parse(pack_with([])))
    given = pack_with([{"from": "LAND", "to": "ALLY"}])
    assert ("inject-never-fires", "/injects/2") not in _codes(_parse(given))
    assert ("fact-never-read", "/facts/2/id") not in _codes(_parse(given))


def test_a_catalogue_on_its_own_checks_its_figures_and_counts_consent_as_read() -> None:
    catalogue = {
        "format": 1,
        "id": "tiny",
        "title": "Tiny",
        "version": "1.0.0",
        "actors": [{"id": "LAND", "name": "Land", "kind": "state"}],
        "facts": [{"id": "consents", "title": "Consents", "type": "relation", "consent": True}],
        "action_types": [
            {
                "id": "visit",
                "title": "Visit",
                "params": [
                    {"name": "host", "title": "Host", "type": "actor"},
                    {"name": "size", "title": "Size", "type": "int"},
                ],
            }
        ],
        "figures": [{"id": "cap", "title": "Cap", "value": 10, "source": "NOWHERE"}],
        "instruments": [
            {
                "id": "LAW",
                "kind": "law",
                "title": "Law",
                "year": 2000,
                "parties": ["LAND"],
                "powers": [
                    {
                        "id": "visit",
                        "actions": ["visit"],
                        "summary": "Visits with the host's consent, up to the cap.",
                        "citation": {"document": "Law", "year": 2000},
                        "conditions": [
                            {"consent_of": {"param": "host"}},
                            {"param": "size", "op": "<=", "value": {"figure": "cap"}},
                        ],
                    }
                ],
            }
        ],
    }
    result = check_catalogue(json.dumps(catalogue, indent=2).encode(), "tiny.json")
    assert [(d.code, d.pointer) for d in result.diagnostics] == [
        ("unknown-source", "/figures/0/source")
    ]

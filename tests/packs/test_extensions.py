"""A pack extends a catalogue instrument by id: merged, hashed, checked, located in the pack."""

from __future__ import annotations

import copy
import json
from typing import Any

from tabletop.mandates import check_action
from tabletop.model.facts import initial_facts
from tabletop.model.pack import ActionSpec
from tabletop.packs import parse_pack
from tabletop.packs.loader import LoadResult

from .conftest import BAD, MINIMAL

CATALOGUE: dict[str, Any] = json.loads(
    (BAD / "catalogues" / "extendable.json").read_text(encoding="utf-8")
)
CITE = {"document": "Pact", "year": 2001, "article": "art. 1", "source": "PACT-2001"}
EXTENSION: dict[str, Any] = {
    "instrument": "PACT",
    "powers": [
        {
            "id": "train",
            "actions": ["send_help"],
            "holders": ["ALLY"],
            "summary": "The Alliance may also send trainers, by air only.",
            "citation": CITE,
            "conditions": [{"param": "mode", "op": "==", "value": "air"}],
        }
    ],
    "limits": [
        {
            "id": "no-land",
            "actions": ["send_help"],
            "summary": "No help by land while the crisis lasts.",
            "citation": CITE,
            "applies_when": [{"param": "mode", "op": "==", "value": "land"}],
        }
    ],
    "conditions": [
        {"rule": "assist", "conditions": [{"param": "size", "op": "<=", "value": 500}]},
        {"rule": "no-large-force", "conditions": [{"fact": "crisis", "op": "==", "value": True}]},
    ],
}


def _pack(extends: list[dict[str, Any]] | None = None, **changes: Any) -> dict[str, Any]:
    pack = json.loads(MINIMAL.read_text(encoding="utf-8"))
    pack["catalogues"] = ["extendable"]
    pack["extends"] = copy.deepcopy([EXTENSION] if extends is None else extends)
    pack["roles"][0]["instruments"] = ["TREATY", "PACT"]
    pack.update(changes)
    return pack


def _parse(pack: dict[str, Any], catalogue: dict[str, Any] | None = CATALOGUE) -> LoadResult:
    def catalogues(cat_id: str) -> tuple[str, bytes] | None:
        if catalogue is None or cat_id != catalogue["id"]:
            return None
        return "cat.json", json.dumps(catalogue, indent=2).encode()

    return parse_pack(json.dumps(pack, indent=2).encode(), "pack.json", catalogues)


def test_an_extension_adds_powers_limits_and_conditions_after_the_catalogues_own() -> None:
    result = _parse(_pack())
    assert result.loaded is not None, [d.render() for d in result.diagnostics]
    assert result.diagnostics == ()
    merged = {i.id: i for i in result.loaded.pack.instruments}["PACT"]
    assert [p.id for p in merged.powers] == ["assist", "train"]
    assert [x.id for x in merged.limits] == ["no-large-force", "no-land"]
    assist, limit = merged.powers[0], merged.limits[0]
    assert [c.model_dump(by_alias=True, exclude_defaults=True) for c in assist.conditions] == [
        {"relation": "requests", "from": {"param": "host"}, "to": "ALLY"},
        {"param": "size", "op": "<=", "value": 500},
    ]
    assert len(limit.applies_when) == 2
    assert limit.applies_when[1].model_dump(exclude_none=True) == {
        "fact": "crisis",
        "op": "==",
        "value": True,
    }


def test_the_catalogue_is_not_changed_and_only_the_pack_that_extends_sees_it() -> None:
    plain = _parse(_pack(extends=[]))
    assert plain.loaded is not None
    merged = {i.id: i for i in plain.loaded.pack.instruments}["PACT"]
    assert [p.id for p in merged.powers] == ["assist"]
    assert len(merged.powers[0].conditions) == 1


def test_the_engine_weighs_an_added_power_and_an_added_condition() -> None:
    loaded = _parse(_pack()).loaded
    assert loaded is not None
    pack = loaded.pack
    facts = dict(initial_facts(pack))
    facts["requests"] = frozenset({("LAND", "ALLY")})
    big = ActionSpec(type="send_help", params={"host": "LAND", "size": 800, "mode": "air"})
    verdict = check_action(pack, "lead", big, facts)
    weighed = {(g.instrument, g.rule): g.applies for g in verdict.grounds}
    assert weighed[("PACT", "assist")] is False  # the added size condition fails
    assert weighed[("PACT", "train")] is True  # the added power grants it


def test_the_content_hash_covers_the_extension() -> None:
    base = _parse(_pack()).loaded
    again = _parse(_pack()).loaded
    assert base is not None and again is not None
    assert base.content_hash == again.content_hash
    changed = _pack()
    changed["extends"][0]["conditions"][0]["conditions"][0]["value"] = 600
    other = _parse(changed).loaded
    assert other is not None and other.content_hash != base.content_hash


def test_an_extension_without_catalogues_is_told_to_name_one() -> None:
    pack = _pack()
    del pack["catalogues"]
    result = _parse(pack, None)
    assert [(d.code, d.pointer) for d in result.errors] == [
        ("unknown-instrument", "/extends/0/instrument"),
        ("unknown-instrument", "/roles/0/instruments/1"),
    ]
    assert "names no catalogue" in result.errors[0].hint


def test_conditions_for_a_rule_the_extension_adds_go_into_that_rule() -> None:
    ext = copy.deepcopy(EXTENSION)
    ext["conditions"] = [
        {"rule": "train", "conditions": [{"fact": "crisis", "op": "==", "value": True}]}
    ]
    result = _parse(_pack(extends=[ext]))
    assert [(d.code, d.pointer) for d in result.errors] == [
        ("unknown-rule", "/extends/0/conditions/0/rule")
    ]
    assert "added by this extension" in result.errors[0].hint


def test_a_power_added_with_a_limits_id_is_reported_at_the_pack_even_after_the_limit() -> None:
    ext = copy.deepcopy(EXTENSION)
    ext["powers"][0]["id"] = "no-large-force"
    result = _parse(_pack(extends=[ext]))
    assert [(d.code, d.file, d.pointer) for d in result.errors] == [
        ("duplicate-id", "pack.json", "/extends/0/powers/0/id")
    ]
    assert "first at cat.json:" in result.errors[0].message


def test_a_problem_in_an_added_condition_is_located_in_the_pack_not_the_catalogue() -> None:
    ext = copy.deepcopy(EXTENSION)
    ext["conditions"][1]["conditions"][0]["fact"] = "crises"
    result = _parse(_pack(extends=[ext]))
    [error] = result.errors
    assert (error.code, error.file, error.pointer) == (
        "unknown-fact",
        "pack.json",
        "/extends/0/conditions/1/conditions/0/fact",
    )
    text = json.dumps(_pack(extends=[ext]), indent=2).splitlines()
    assert error.line is not None and '"crises"' in text[error.line - 1]


def test_a_catalogue_figure_is_checked_in_the_catalogue() -> None:
    cat = copy.deepcopy(CATALOGUE)
    cat["figures"][0]["source"] = "PACT-2002"
    result = _parse(_pack(), cat)
    assert [(d.code, d.file, d.pointer) for d in result.errors] == [
        ("unknown-source", "cat.json", "/figures/0/source")
    ]

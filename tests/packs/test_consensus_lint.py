"""The lint of consensus decision points: each mistake reported with its code, pointer and
line, before the engine ever sees it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from tabletop.jsonloc.diagnostics import Diagnostic
from tabletop.packs import parse_pack

PACK: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "consensus-pack.json").read_text("utf-8")
)


def _found(doc: dict[str, Any], code: str) -> list[Diagnostic]:
    text = json.dumps(doc, indent=2)
    result = parse_pack(text.encode(), "council.json", lambda _id: None)
    found = [d for d in result.diagnostics if d.code == code]
    lines = text.splitlines()
    for d in found:  # each is located at what it names, in the pack
        assert d.file == "council.json" and d.line is not None
        key = d.pointer.rsplit("/", 1)[-1]
        assert key.isdigit() or f'"{key}"' in lines[d.line - 1]
    return found


def _council() -> tuple[dict[str, Any], dict[str, Any]]:
    doc = copy.deepcopy(PACK)
    return doc, doc["decision_points"][0]


def test_the_test_pack_is_clean_of_consensus_findings() -> None:
    doc, _ = _council()
    result = parse_pack(json.dumps(doc).encode(), "council.json", lambda _id: None)
    assert not [d for d in result.diagnostics if "consensus" in d.code]
    assert result.loaded is not None


def test_an_unknown_role_in_the_consensus_is_an_error_with_did_you_mean() -> None:
    doc, dp = _council()
    dp["consensus"]["of"] = ["land", "nort"]
    [err] = _found(doc, "unknown-role")
    assert err.severity == "error" and err.pointer == "/decision_points/0/consensus/of/1"
    assert err.hint.startswith("Did you mean 'north'?")


def test_a_required_role_that_does_not_decide_is_an_error() -> None:
    doc, dp = _council()
    dp["deciders"] = ["land", "north"]
    dp["consensus"]["of"] = ["land", "north", "south"]
    [err] = _found(doc, "consensus-not-decider")
    assert err.pointer == "/decision_points/0/consensus/of/2"
    assert "'south', who does not decide 'DP-1'" in err.message


def test_a_fallback_that_is_not_an_option_is_an_error() -> None:
    doc, dp = _council()
    dp["consensus"]["otherwise"] = {"fallback": "tallk"}
    [err] = _found(doc, "unknown-option")
    assert err.pointer == "/decision_points/0/consensus/otherwise/fallback"
    assert err.hint.startswith("Did you mean 'talk'? Use one of: talk,")


def test_a_consensus_of_one_role_warns() -> None:
    doc, dp = _council()
    dp["consensus"]["of"] = ["land"]
    [warn] = _found(doc, "consensus-of-one")
    assert warn.severity == "warning" and warn.pointer == "/decision_points/0/consensus"


def test_an_option_some_required_deciders_cannot_choose_can_never_be_agreed() -> None:
    doc, dp = _council()
    dp["options"][1]["for_roles"] = ["land", "north"]  # 'surge', not for 'south'
    dp["options"][2]["for_roles"] = ["land"]  # 'talk' is the fallback: that is the point
    [warn] = _found(doc, "consensus-never-agreed")
    assert warn.pointer == "/decision_points/0/options/1/for_roles"
    assert "not offered to 'south'" in warn.message

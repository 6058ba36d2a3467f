"""Hints for unknown names lead with the nearest ones and never hide them past the cut."""

from __future__ import annotations

import copy
import json
from typing import Any

from tabletop.jsonloc.suggestions import name_list, nearest
from tabletop.mandates.bad_input import UnknownName
from tabletop.packs import parse_pack

from .conftest import MINIMAL

BASE: dict[str, Any] = json.loads(MINIMAL.read_text("utf-8"))
# Twenty actors that all sort before the one an author misspells.
MANY = [f"AA{i:02d}" for i in range(20)]


def test_the_nearest_names_come_first_likeliest_first() -> None:
    known = ["border_open", "border_closed", "borders_closed", "unrelated"]
    assert nearest("border_closd", known) == ["border_closed", "borders_closed", "border_open"]
    assert nearest("csto", ["CSTO", "SCO"]) == ["CSTO"]  # case is not a spelling mistake
    assert nearest("zzz", known) == []
    # A whole word of a longer name is near, after the close spellings; a fragment is not.
    roles = ["kaz_presidency", "csto_secretariat", "rus_leadership", "cstos"]
    assert nearest("csto", roles) == ["cstos", "csto_secretariat"]
    assert nearest("secretariat", roles) == ["csto_secretariat"]
    assert nearest("cst", roles) == ["cstos"]


def test_a_long_list_is_cut_after_the_nearest_and_says_how_many_more_and_where() -> None:
    listed = name_list([*MANY, "ZULU"], ["ZULU"], 'in "actors"')
    assert listed.startswith("ZULU, AA00, AA01")
    assert listed.endswith(', AA10, and 9 more in "actors"')
    assert name_list(["b", "a"]) == "a, b"
    assert name_list(["low", "high"], ordered=True) == "low, high"


def test_an_unknown_actor_whose_match_sorts_after_the_twelfth_is_suggested_first() -> None:
    doc = copy.deepcopy(BASE)
    doc["actors"] += [{"id": a, "name": "S", "kind": "state"} for a in MANY]
    doc["actors"] += [{"id": "ZULUSTAN", "name": "Z", "kind": "state"}]
    doc["roles"][0]["actor"] = "ZULUSTANN"
    result = parse_pack(json.dumps(doc).encode(), "many.json", lambda _id: None)
    [err] = [d for d in result.errors if d.code == "unknown-actor"]
    assert err.hint.startswith("Did you mean 'ZULUSTAN'? Use one of: ZULUSTAN, AA00, ")
    assert 'more in "actors" of the pack and its catalogues' in err.hint


def test_the_check_command_suggests_the_role_meant() -> None:
    error = UnknownName("role", "csto_sec", ["kaz", "csto-sec", "rus"])
    assert "did you mean 'csto-sec'? valid: csto-sec, kaz, rus" in str(error)
    error = UnknownName("role", "csto", ["kaz_presidency", "csto_secretariat"])
    assert "did you mean 'csto_secretariat'?" in str(error)

"""The loader: catalogues resolved in memory, merged, hashed; lint located in the right file."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from tabletop.packs import PackError, load_pack, open_pack, parse_pack
from tabletop.packs.loader import LoadResult

DATA = Path(__file__).resolve().parents[1] / "data"
PACK = json.loads((DATA / "example-pack.json").read_text(encoding="utf-8"))
CATALOGUE = json.loads((DATA / "catalogues" / "fictional-compact.json").read_text(encoding="utf-8"))


def _parse(pack: dict, catalogue: dict | None = CATALOGUE) -> LoadResult:
    asked: list[str] = []

    def catalogues(cat_id: str) -> tuple[str, bytes] | None:
        asked.append(cat_id)
        if catalogue is None or cat_id != catalogue["id"]:
            return None
        return "cat.json", json.dumps(catalogue, indent=2).encode()

    result = parse_pack(json.dumps(pack, indent=2).encode(), "pack.json", catalogues)
    assert asked == list(pack.get("catalogues", []))
    return result


def test_parse_pack_is_pure_and_merges_the_catalogue_after_the_pack() -> None:
    result = _parse(PACK)
    assert result.ok and result.loaded is not None
    merged = result.loaded.pack
    assert [a.id for a in merged.actors][: len(PACK["actors"])] == [a["id"] for a in PACK["actors"]]
    assert {a.id for a in merged.actors} >= {"ARV", "NCP", "RRF"}
    assert [s.id for s in merged.meta.sources][-2:] == ["NCP-2001", "NCP-2005"]


def test_content_hash_covers_pack_and_catalogue() -> None:
    base = _parse(PACK).loaded
    assert base is not None and base.content_hash.startswith("sha256:")
    assert _parse(PACK).loaded.content_hash == base.content_hash  # type: ignore[union-attr]
    cat = copy.deepcopy(CATALOGUE)
    cat["title"] += " (revised)"
    assert _parse(PACK, cat).loaded.content_hash != base.content_hash  # type: ignore[union-attr]
    pack = copy.deepcopy(PACK)
    pack["meta"]["summary"] += " Revised."
    assert _parse(pack).loaded.content_hash != base.content_hash  # type: ignore[union-attr]


def test_lint_problem_in_catalogue_item_is_reported_in_the_catalogue() -> None:
    cat = copy.deepcopy(CATALOGUE)
    cat["instruments"][1]["powers"][0]["conditions"][1]["relation"] = "requestz"
    result = _parse(PACK, cat)
    assert [(d.code, d.file, d.pointer) for d in result.errors] == [
        ("unknown-fact", "cat.json", "/instruments/1/powers/0/conditions/1/relation")
    ]
    text = json.dumps(cat, indent=2).splitlines()
    line = result.errors[0].line
    assert line is not None and '"requestz"' in text[line - 1]


def test_a_pack_item_reusing_a_catalogue_id_is_reported_at_the_pack_naming_both() -> None:
    pack = copy.deepcopy(PACK)
    pack["actors"].append({"id": "NCP", "name": "Another compact", "kind": "organisation"})
    result = _parse(pack)
    dup = [d for d in result.errors if d.code == "duplicate-id"]
    assert len(dup) == 1
    mine = len(pack["actors"]) - 1
    assert (dup[0].file, dup[0].pointer) == ("pack.json", f"/actors/{mine}/id")
    text = json.dumps(pack, indent=2).splitlines()
    assert dup[0].line is not None and '"NCP"' in text[dup[0].line - 1]
    assert "the catalogue's is at cat.json:" in dup[0].message
    assert "use the catalogue's" in dup[0].hint


def test_a_pack_the_schema_refuses_says_the_later_checks_did_not_run() -> None:
    pack = copy.deepcopy(PACK)
    pack["roles"][0]["actor"] = 7  # a schema error; the lint's reference checks never run
    result = parse_pack(json.dumps(pack).encode(), "pack.json", lambda _id: None)
    assert result.loaded is None
    assert [d.severity for d in result.diagnostics][-1] == "note"
    note = result.diagnostics[-1]
    assert note.code == "checks-not-run" and "did not run" in note.message
    assert len(result.warnings) == 0  # a note is not a warning
    unreadable = parse_pack(b"{not json", "pack.json", lambda _id: None)
    assert [d.code for d in unreadable.diagnostics] == ["json-syntax"]  # nothing to add


def test_catalogue_whose_id_differs_from_its_name_is_refused() -> None:
    cat = copy.deepcopy(CATALOGUE)
    cat["id"] = "other"

    def catalogues(_cat_id: str) -> tuple[str, bytes]:
        return "cat.json", json.dumps(cat).encode()

    result = parse_pack(json.dumps(PACK).encode(), "pack.json", catalogues)
    assert [(d.code, d.file, d.pointer) for d in result.errors] == [
        ("catalogue-id-mismatch", "cat.json", "/id")
    ]


def test_catalogue_named_twice_is_an_error() -> None:
    pack = copy.deepcopy(PACK)
    pack["catalogues"] = ["fictional-compact", "fictional-compact"]
    result = parse_pack(
        json.dumps(pack).encode(),
        "pack.json",
        lambda _i: ("c.json", json.dumps(CATALOGUE).encode()),
    )
    assert [(d.code, d.pointer) for d in result.errors] == [("duplicate-id", "/catalogues/1")]


def test_warnings_do_not_stop_loading_and_are_kept() -> None:
    pack = copy.deepcopy(PACK)
    pack["facts"].append({"id": "spare", "title": "Spare", "type": "int", "initial": 0})
    result = _parse(pack)
    assert result.ok and result.loaded is not None
    assert [d.code for d in result.loaded.warnings] == ["fact-never-read", "fact-never-set"]
    assert result.warnings == result.loaded.warnings


def test_open_when_that_is_true_at_the_start_opens_even_if_nothing_changes_it() -> None:
    pack = copy.deepcopy(PACK)
    pack["decision_points"][1]["open_when"] = {
        "fact": "border_reinforced",
        "op": "==",
        "value": False,
    }
    assert _parse(pack).ok
    pack["decision_points"][1]["open_when"] = {"member_of": "NCP", "actor": "DUR"}
    codes = [d.code for d in _parse(pack).errors]
    assert "unreachable-decision-point" in codes


def test_loop_through_two_decision_points_is_found_once_with_its_path() -> None:
    pack = copy.deepcopy(PACK)
    # DP-2 'ask-belosk' releases INJ-06; make it open DP-3, whose 'battalion' releases INJ-09;
    # make that open DP-2 again.
    pack["injects"][6]["opens"] = ["DP-3"]
    pack["injects"][9]["opens"] = ["DP-2"]
    loops = [d for d in _parse(pack).errors if d.code == "follow-on-loop"]
    assert len(loops) == 1
    assert loops[0].pointer == "/decision_points/2/options/1/follow_ons/0"
    assert loops[0].message.endswith(
        "DP-2 option 'ask-belosk' -> INJ-06 -> DP-3 option 'battalion' -> INJ-09 -> DP-2"
    )


def test_load_pack_reports_unreadable_files_and_open_pack_raises(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = load_pack(missing)
    assert [d.code for d in result.diagnostics] == ["unreadable"]
    try:
        open_pack(missing)
    except PackError as exc:
        assert exc.diagnostics == result.diagnostics
    else:  # pragma: no cover
        raise AssertionError("open_pack should raise")
    assert open_pack(DATA / "example-pack.json").pack.meta.id == "example-quiet-pass"

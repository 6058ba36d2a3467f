"""tabletop coverage: the shipped scripts' coverage of the shipped packs, pinned and checked
against their logs read independently; the JSON shape; --fail-under; bad input."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import jsonschema
import pytest

from tabletop.cli import main

ROOT = Path(__file__).resolve().parents[2]
PACKS = ROOT / "scenarios"
INFORM_UNSC = "CSTO-PKA-2007/pk-in-member-state/inform-unsc"

pytestmark = pytest.mark.usefixtures("home")

# The figures, computed once with `tabletop coverage`, checked below against the logs of
# the scripts played and stored, and pinned: covered per category, over all the scripts
# and per script (injects, decision points, options, obligations created, obligations
# met, endings), and the items no script reaches.
PINNED = {
    "kazakh-unrest-2022": {
        "totals": (40, 10, 41, 1, 1, 7),
        "overall": (40, 10, 35, 1, 1, 7),
        "percent": 94.0,
        "scripts": {
            "kazakh-article4": (22, 9, 11, 0, 0, 1),
            "kazakh-branch-no-request": (15, 5, 6, 0, 0, 2),
            "kazakh-historical": (24, 10, 15, 1, 1, 2),
            "kazakh-moscow-first": (25, 10, 7, 0, 0, 3),
            "kazakh-override": (28, 10, 15, 1, 0, 4),
        },
        "options_missed": [
            "DP-2/kaz_presidency/rats-only",
            "DP-3/rus_leadership/rats-support",
            "DP-4/rus_leadership/russia-alone",
            "DP-6/csto_secretariat/brief-informally",
            "DP-8/sco_rats/concern-only",
            "DP-9/kaz_presidency/kaz-keep",
        ],
    },
    "afghan-border-incursion": {
        "totals": (41, 9, 41, 1, 1, 5),
        "overall": (41, 9, 34, 1, 1, 5),
        "percent": 92.8,
        "scripts": {
            "afghan-branch-breached": (24, 8, 12, 0, 0, 2),
            "afghan-historical": (29, 9, 13, 1, 1, 3),
            "afghan-hot-pursuit": (13, 6, 2, 0, 0, 0),
            "afghan-moscow-first": (16, 6, 6, 0, 0, 0),
            "afghan-override": (28, 9, 13, 1, 0, 2),
        },
        "options_missed": [
            "DP-2/uzb_government/call-on-russia",
            "DP-3/rus_mod/strike",
            "DP-3/rus_mod/tkm-border",
            "DP-6/csto_secretariat/strike",
            "DP-6/rus_mod/strike",
            "DP-8/tkm_government/tkm-invite",
            "DP-9/csto_secretariat/statement-only",
        ],
    },
}
CATEGORIES = (
    "injects",
    "decision_points",
    "options",
    "obligations_created",
    "obligations_met",
    "endings",
)

_COUNTS = {
    "type": "object",
    "required": ["covered", "total", "percent"],
    "properties": {
        "covered": {"type": "integer", "minimum": 0},
        "total": {"type": "integer", "minimum": 0},
        "percent": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
    },
}
_CATEGORY = {
    **_COUNTS,
    "required": ["covered", "total", "percent", "missed"],
    "additionalProperties": False,
    "properties": {
        **_COUNTS["properties"],
        "missed": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "title"],
                "additionalProperties": False,
                "properties": {"id": {"type": "string"}, "title": {"type": "string"}},
            },
        },
    },
}
_COVERAGE = {
    **_COUNTS,
    "required": ["covered", "total", "percent", "categories"],
    "additionalProperties": False,
    "properties": {
        **_COUNTS["properties"],
        "categories": {
            "type": "object",
            "required": list(CATEGORIES),
            "additionalProperties": False,
            "properties": {name: _CATEGORY for name in CATEGORIES},
        },
    },
}
SHAPE = {
    "type": "object",
    "required": ["format", "pack", "fail_under", "overall", "scripts"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": 1},
        "pack": {
            "type": "object",
            "required": ["id", "version", "path"],
            "additionalProperties": False,
            "properties": {k: {"type": "string"} for k in ("id", "version", "path")},
        },
        "fail_under": {"type": ["number", "null"]},
        "overall": _COVERAGE,
        "scripts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["path", "passed", "errors", "coverage"],
                "additionalProperties": False,
                "properties": {
                    "path": {"type": "string"},
                    "passed": {"type": "boolean"},
                    "errors": {"type": "array", "items": {"type": "string"}},
                    "coverage": {"oneOf": [_COVERAGE, {"type": "null"}]},
                },
            },
        },
    },
}


def coverage_json(capsys, *args: str) -> tuple[int, dict]:
    code = main(["coverage", *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def counts(cov: dict) -> tuple[int, ...]:
    return tuple(cov["categories"][name]["covered"] for name in CATEGORIES)


def reached_in_log(tmp_path: Path, script: Path, capsys) -> dict[str, set[str]]:
    """What a script reaches, read from its exported log: played and stored by `tabletop
    play`, exported as JSON Lines, and read as plain JSON (no coverage code involved)."""
    db = tmp_path / f"{script.stem}.sqlite"
    assert main(["play", "--script", str(script), "--session", str(db)]) == 0
    capsys.readouterr()
    assert main(["export", script.stem.split("-")[0], "--session", str(db), "-o", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    events = [json.loads(line)["event"] for line in lines]
    out: dict[str, set[str]] = {name: set() for name in CATEGORIES}
    for e in events:
        if e["type"] == "inject_delivered":
            out["injects"].add(e["inject"])
        elif e["type"] == "decision_opened":
            out["decision_points"].add(e["decision_point"])
        elif e["type"] == "decision_recorded":
            out["options"].add(f"{e['decision_point']}/{e['role']}/{e['option']}")
            out["obligations_created"] |= {o["key"] for o in e["verdict"]["obligations"]}
        elif e["type"] == "obligation_met":
            out["obligations_met"].add(e["obligation"].split("/", 2)[2])
    return out


@pytest.mark.parametrize("pack_id", sorted(PINNED))
def test_the_shipped_scripts_coverage_is_pinned_and_matches_their_logs(pack_id, tmp_path, capsys):
    pinned = PINNED[pack_id]
    pack_path = PACKS / f"{pack_id}.json"
    code, doc = coverage_json(capsys, str(pack_path))
    assert code == 0
    overall = doc["overall"]
    assert tuple(overall["categories"][n]["total"] for n in CATEGORIES) == pinned["totals"]
    assert counts(overall) == pinned["overall"]
    assert overall["percent"] == pinned["percent"]
    assert overall["covered"] == sum(pinned["overall"])
    assert overall["total"] == sum(pinned["totals"])
    missed = [m["id"] for m in overall["categories"]["options"]["missed"]]
    assert missed == pinned["options_missed"]
    by_script = {Path(s["path"]).stem: s for s in doc["scripts"]}
    assert {k: counts(s["coverage"]) for k, s in by_script.items()} == pinned["scripts"]

    # Independently: the pack's ids from its JSON, what each script reached from its log.
    raw = json.loads(pack_path.read_text("utf-8"))
    injects = {i["id"] for i in raw["injects"]}
    endings = {i["id"] for i in raw["injects"] if i.get("ending")}
    dps = {d["id"] for d in raw["decision_points"]}
    assert (len(injects), len(dps), len(endings)) == tuple(pinned["totals"][i] for i in (0, 1, 5))
    together: dict[str, set[str]] = {name: set() for name in CATEGORIES}
    for stem, entry in by_script.items():
        got = reached_in_log(tmp_path, PACKS / "tests" / f"{stem}.json", capsys)
        for name in CATEGORIES:
            together[name] |= got[name]
        cats = entry["coverage"]["categories"]
        assert cats["injects"]["covered"] == len(got["injects"] & injects)
        assert cats["decision_points"]["covered"] == len(got["decision_points"] & dps)
        assert cats["endings"]["covered"] == len(got["injects"] & endings)
        assert cats["options"]["covered"] == len(got["options"])
        assert not got["options"] & {m["id"] for m in cats["options"]["missed"]}
        assert cats["obligations_created"]["covered"] == len(got["obligations_created"])
        assert cats["obligations_met"]["covered"] == len(got["obligations_met"])
        assert got["obligations_created"] <= {INFORM_UNSC}
        missed_injects = {m["id"] for m in cats["injects"]["missed"]}
        assert missed_injects == injects - got["injects"]
    assert together["injects"] == injects
    assert together["decision_points"] == dps
    assert together["obligations_met"] == {INFORM_UNSC}
    assert len(together["options"]) == pinned["overall"][2]


@pytest.mark.parametrize("pack_id", sorted(PINNED))
def test_the_json_keeps_its_documented_shape(pack_id, capsys):
    code, doc = coverage_json(capsys, str(PACKS / f"{pack_id}.json"), "--fail-under", "50")
    assert code == 0
    jsonschema.Draft202012Validator(SHAPE).validate(doc)
    assert doc["pack"]["id"] == pack_id
    assert doc["fail_under"] == 50
    assert all(s["passed"] and not s["errors"] for s in doc["scripts"])


def test_the_text_says_which_scripts_were_used_and_lists_what_was_missed(capsys):
    assert main(["coverage", str(PACKS / "kazakh-unrest-2022.json")]) == 0
    out = capsys.readouterr().out
    assert "coverage of kazakh-unrest-2022 1.4.0 by 5 scripts:" in out
    for stem in PINNED["kazakh-unrest-2022"]["scripts"]:
        assert f"scenarios/tests/{stem}.json\n" in out
    assert "  overall                  94/100  94.0%\n" in out
    assert "  options chosen           35/41   85.3%\n" in out
    assert "options never chosen (decision point/role/option) (6):\n" in out
    assert "    DP-4/rus_leadership/russia-alone  Send Russian peacekeepers alone\n" in out


def test_named_scripts_only_are_played(capsys):
    script = PACKS / "tests" / "afghan-hot-pursuit.json"
    code, doc = coverage_json(capsys, str(PACKS / "afghan-border-incursion.json"), str(script))
    assert code == 0
    assert [s["path"] for s in doc["scripts"]] == [str(script)]
    assert counts(doc["overall"]) == PINNED["afghan-border-incursion"]["scripts"][script.stem]


def test_nothing_is_stored(home, capsys):
    assert main(["coverage", str(PACKS / "afghan-border-incursion.json")]) == 0
    assert not (home / "sessions.sqlite").exists()


@pytest.mark.parametrize(("threshold", "code"), [("92.8", 0), ("92.9", 1), ("0", 0), ("100", 1)])
def test_fail_under_compares_the_overall_percentage(threshold, code, capsys):
    pack = str(PACKS / "afghan-border-incursion.json")
    assert main(["coverage", pack, "--fail-under", threshold]) == code
    err = capsys.readouterr().err
    if code:
        assert f"overall coverage 92.8% is below --fail-under {threshold}%" in err
    else:
        assert err == ""


@pytest.mark.parametrize("threshold", ["lots", "101", "-1"])
def test_fail_under_takes_a_percentage(threshold, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["coverage", str(PACKS / "kazakh-unrest-2022.json"), "--fail-under", threshold])
    assert exc.value.code == 2
    assert "--fail-under" in capsys.readouterr().err


def test_a_script_that_fails_is_located_and_the_others_still_count(tmp_path, capsys):
    good = PACKS / "tests" / "kazakh-historical.json"
    doc = json.loads(good.read_text("utf-8"))
    doc["pack"] = str(PACKS / "kazakh-unrest-2022.json")
    doc["steps"][1] = {"deliver": {"inject": "INJ-99"}}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, indent=2), "utf-8")
    code = main(["coverage", str(PACKS / "kazakh-unrest-2022.json"), str(good), str(bad)])
    captured = capsys.readouterr()
    assert code == 1
    assert f"{bad}:" in captured.err
    assert "step 2 (deliver) failed" in captured.err
    assert "INJ-99" in captured.err
    assert f"  {bad}  FAILED (left out)\n" in captured.out
    assert "coverage of kazakh-unrest-2022 1.4.0 by 1 script:" in captured.out
    assert "Traceback" not in captured.err


def test_a_script_that_does_not_parse_is_located(tmp_path, capsys):
    bad = tmp_path / "broken.json"
    bad.write_text('{"facilitator": "F",\n  "steps": [}\n', "utf-8")
    code, doc = coverage_json(capsys, str(PACKS / "kazakh-unrest-2022.json"), str(bad))
    assert code == 1
    (entry,) = doc["scripts"]
    assert entry["passed"] is False and entry["coverage"] is None
    assert any(f"{bad}:2:" in e for e in entry["errors"])
    assert counts(doc["overall"]) == (0, 0, 0, 0, 0, 0)


def test_a_pack_with_no_scripts_says_where_they_were_looked_for(tmp_path, capsys):
    pack = tmp_path / "kazakh-unrest-2022.json"
    shutil.copy(PACKS / "kazakh-unrest-2022.json", pack)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "other.json").write_text('{"pack": "../elsewhere.json"}', "utf-8")
    assert main(["coverage", str(pack)]) == 1
    err = capsys.readouterr().err
    assert f"no scripts to play on {pack}" in err
    assert str(tmp_path / "tests") in err


def test_a_pack_that_does_not_load_is_reported(tmp_path, capsys):
    pack = tmp_path / "pack.json"
    pack.write_text("{", "utf-8")
    assert main(["coverage", str(pack)]) == 1
    err = capsys.readouterr().err
    assert f"{pack}:" in err
    assert "Traceback" not in err


def _sh_examples(doc: Path) -> list[tuple[list[str], list[str]]]:
    """The `tabletop coverage` commands of a doc's sh blocks with the `# ` lines after each."""
    out: list[tuple[list[str], list[str]]] = []
    for block in re.findall(r"```sh\n(.*?)```", doc.read_text("utf-8"), re.DOTALL):
        shown: list[str] | None = None
        for line in block.splitlines():
            if line.startswith("tabletop "):
                shown = None
                if line.startswith("tabletop coverage "):
                    shown = []
                    out.append((shlex.split(line)[1:], shown))
            elif line.startswith("# ") and shown is not None:
                shown.append(line[2:])
    return out


@pytest.mark.parametrize("doc", ["README.md", "docs/playthrough.md"])
def test_the_docs_examples_show_lines_the_command_prints(doc, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    examples = _sh_examples(ROOT / doc)
    assert examples
    for argv, shown in examples:
        assert main(argv) == 0
        printed = capsys.readouterr().out.splitlines()
        for line in shown:
            assert line in printed, f"{doc}: {' '.join(argv)} does not print {line!r}"


def _is_part(example: object, real: object) -> bool:
    """Whether an abridged example is a part of the real output: the keys it shows, the
    first items of its lists, and equal values."""
    if isinstance(example, dict):
        return isinstance(real, dict) and all(
            k in real and _is_part(v, real[k]) for k, v in example.items()
        )
    if isinstance(example, list):
        return isinstance(real, list) and all(map(_is_part, example, real[: len(example)]))
    return example == real


def test_the_documented_json_is_part_of_what_the_command_prints(monkeypatch, capsys):
    text = (ROOT / "docs" / "playthrough.md").read_text("utf-8")
    (block,) = re.findall(r"```json coverage\n(.*?)```", text, re.DOTALL)
    example = json.loads(block)
    monkeypatch.chdir(ROOT)
    pack = "scenarios/kazakh-unrest-2022.json"
    code, doc = coverage_json(capsys, pack, "--fail-under", "90")
    assert code == 0
    assert _is_part(example, doc)
    assert set(example) == set(SHAPE["properties"])

"""`validate --strict`: the shipped packs' rules, each broken once in a copy of a shipped
pack, found with its code at the place to fix; the shipped packs keep them all."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tabletop.app.pack_strictness import load_strictly, unweighable_options
from tabletop.cli import main
from tabletop.model import Pack
from tabletop.packs import load_pack
from tabletop.paths import shipped_scenarios_dir

KAZAKH = shipped_scenarios_dir() / "kazakh-unrest-2022.json"
Edit = Callable[[dict[str, Any]], None]


@pytest.mark.parametrize("path", sorted(shipped_scenarios_dir().glob("*.json")), ids=str)
def test_the_shipped_packs_pass_strict(path: Path) -> None:
    result = load_strictly(path)
    assert [d.render() for d in result.diagnostics] == []
    assert result.ok


def _thin_brief(doc: dict[str, Any]) -> None:
    doc["roles"][1]["brief"] = "You speak for the government."


def _no_objectives(doc: dict[str, Any]) -> None:
    doc["roles"][2]["objectives"] = []


def _no_table_questions(doc: dict[str, Any]) -> None:
    groups = doc["phases"][1]["discussion_questions"]
    doc["phases"][1]["discussion_questions"] = [g for g in groups if g.get("role")]


def _no_role_questions(doc: dict[str, Any]) -> None:
    role = doc["roles"][0]["id"]
    groups = doc["phases"][2]["discussion_questions"]
    doc["phases"][2]["discussion_questions"] = [g for g in groups if g.get("role") != role]


def _one_option(doc: dict[str, Any]) -> None:
    dp = doc["decision_points"][3]
    dp["options"] = dp["options"][:1]
    dp["deciders"] = dp["options"][0].get("for_roles") or dp["deciders"]


def _six_options(doc: dict[str, Any]) -> None:
    dp = doc["decision_points"][0]
    while len(dp["options"]) < 6:
        extra = json.loads(json.dumps(dp["options"][0]))
        extra["id"] += f"-{len(dp['options'])}"
        dp["options"].append(extra)


def _unsourced_figure(doc: dict[str, Any]) -> None:
    doc["injects"][4]["body"] += " Some 7,777 people are reported."


def _unweighable_option(doc: dict[str, Any]) -> None:
    # A parameter the action type has, given a value of the wrong kind: valid JSON, and the
    # lint cannot know which of several verdicts the value would need.
    for dp in doc["decision_points"]:
        for option in dp["options"]:
            if option["action"]["params"].get("force_size") is not None:
                option["action"]["params"]["force_size"] = "many"
                return
    raise AssertionError("no option with a force size")


CASES: dict[str, tuple[Edit, str, str]] = {
    "thin brief": (_thin_brief, "strict-thin-brief", "/roles/1/brief"),
    "no objectives": (_no_objectives, "strict-no-role-objectives", "/roles/2"),
    "no table questions": (
        _no_table_questions,
        "strict-no-questions",
        "/phases/1/discussion_questions",
    ),
    "no role questions": (
        _no_role_questions,
        "strict-no-questions",
        "/phases/2/discussion_questions",
    ),
    "one option": (_one_option, "strict-option-count", "/decision_points/3/options"),
    "six options": (_six_options, "strict-option-count", "/decision_points/0/options"),
    "unsourced figure": (_unsourced_figure, "strict-unsourced-figure", "/injects/4/body"),
}


def _write(tmp_path: Path, edit: Edit) -> Path:
    doc = json.loads(KAZAKH.read_text(encoding="utf-8"))
    edit(doc)
    doc["$schema"] = None
    del doc["$schema"]
    path = tmp_path / "pack.json"
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES)
def test_each_rule_is_found_where_to_fix_it(tmp_path: Path, case: str) -> None:
    edit, code, pointer = CASES[case]
    path = _write(tmp_path, edit)
    plain = load_pack(path)
    assert not [d for d in plain.diagnostics if d.code.startswith("strict-")]
    strict = load_strictly(path)
    assert not strict.ok
    found = [(d.code, d.pointer, d.severity) for d in strict.diagnostics]
    assert (code, pointer, "error") in found, found
    hit = next(d for d in strict.diagnostics if d.code == code)
    assert hit.file == str(path) and hit.line and hit.column and hit.hint
    # The line named is where the pointer's member is written.
    key = pointer.rsplit("/", 1)[-1]
    line = path.read_text(encoding="utf-8").splitlines()[hit.line - 1]
    assert key.isdigit() or f'"{key}"' in line, line


def test_a_figure_found_in_a_source_passes(tmp_path: Path) -> None:
    def sourced(doc: dict[str, Any]) -> None:
        inject = doc["injects"][4]
        inject["body"] += " Some 7,777 people are reported."
        source = next(s for s in doc["meta"]["sources"] if s["id"] in inject["sources"])
        source["notes"] = (source.get("notes", "") + " It counts 7,777 people.").strip()

    result = load_strictly(_write(tmp_path, sourced))
    assert [d.render() for d in result.diagnostics] == []


def test_an_option_the_lint_faults_is_not_faulted_again(tmp_path: Path) -> None:
    result = load_strictly(_write(tmp_path, _unweighable_option))
    codes = [d.code for d in result.diagnostics]
    assert "param-type" in codes
    assert "strict-unchecked-option" not in codes


def test_an_option_the_engine_cannot_weigh() -> None:
    """The engine's own word on each option: a pack the lint was not asked about (built in
    memory) with a force size in words gets no verdict, and the rule says where."""
    pack = load_pack(KAZAKH).loaded
    assert pack is not None
    doc = pack.pack.model_dump(mode="json", by_alias=True)
    _unweighable_option(doc)
    broken = Pack.model_validate_json(json.dumps(doc))
    found = list(unweighable_options(broken))
    assert [(f.code, f.pointer) for f in found] == [
        ("strict-unchecked-option", "/decision_points/2/options/2/action")
    ]
    assert "force_size" in found[0].message and "rus_leadership" in found[0].message
    assert list(unweighable_options(pack.pack)) == []


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--strict` on the command line: the shipped packs pass; a new skeleton is valid but
    gets its author's to-do list, as text and as JSON, and only with the flag."""
    shipped = [str(p) for p in sorted(shipped_scenarios_dir().glob("*.json"))]
    assert main(["validate", "--strict", *shipped]) == 0
    skeleton = tmp_path / "mine.json"
    assert main(["new", str(skeleton)]) == 0
    assert main(["validate", str(skeleton)]) == 0
    capsys.readouterr()
    assert main(["validate", "--strict", str(skeleton)]) == 1
    text = capsys.readouterr().out
    assert "error [strict-thin-brief] at /roles/0/brief" in text
    assert "error [strict-no-questions]" in text and "Traceback" not in text
    assert main(["validate", "--strict", "--format", "json", str(skeleton)]) == 1
    (report,) = json.loads(capsys.readouterr().out)
    codes = {d["code"] for d in report["diagnostics"]}
    assert codes == {"strict-thin-brief", "strict-no-questions"}
    assert all(d["line"] and d["severity"] == "error" for d in report["diagnostics"])

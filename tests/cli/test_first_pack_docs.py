"""docs/authoring.md's "Your first pack in 20 minutes" is replayed as an author would follow it.

From `tabletop new` in an empty folder, each `json KIND first-pack/my-pack` block is put
into the pack, the script block is saved as my-script.json, and each `console first-pack`
block is run on the files as they stand at that point, its output matching what the guide
shows (a `...` line stands for lines left out).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tabletop.cli import main

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
EXAMPLES = ROOT / "docs" / "examples" / "first-pack"
SECTION = GUIDE[GUIDE.index("## Your first pack in 20 minutes") :]
SECTION = SECTION[: SECTION.index("\n## ", 1)]
FENCE = re.compile(r"^```(\S+)[ \t]*([^\n]*)\n(.*?)^```[ \t]*$", re.M | re.S)
PLACES = {
    "Role": "roles",
    "Inject": "injects",
    "DecisionPoint": "decision_points",
    "Phase": "phases",
    "Objective": "objectives",
    "Fact": "facts",
}


def _run(argv: list[str]) -> tuple[int, str]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: an option that does not exist
            code = int(exc.code or 0)
    return code, buffer.getvalue()


def _matches(shown: list[str], real: list[str]) -> bool:
    """Whether `real` is `shown` with each `...` line standing for any run of lines."""
    parts: list[list[str]] = [[]]
    for line in shown:
        if line == "...":
            parts.append([])
        else:
            parts[-1].append(line)
    if len(parts) == 1:
        return shown == real
    first, *middle, last = parts
    if real[: len(first)] != first or (last and real[-len(last) :] != last):
        return False
    at, end = len(first), len(real) - len(last)
    for part in middle:
        while at + len(part) <= end and real[at : at + len(part)] != part:
            at += 1
        if at + len(part) > end:
            return False
        at += len(part)
    return at <= end


def _apply(pack: dict[str, Any], kind: str, words: list[str], fragment: Any) -> None:
    if kind == "Meta":
        pack["meta"] = fragment
        return
    items = pack[PLACES[kind]]
    target = next((w.removeprefix("replaces=") for w in words if w.startswith("replaces=")), None)
    target = target or fragment["id"]
    at = next((i for i, item in enumerate(items) if item["id"] == target), None)
    if at is None:
        items.append(fragment)
    else:
        items[at] = fragment


def _console(block: str) -> list[tuple[str, list[str]]]:
    commands: list[tuple[str, list[str]]] = []
    for line in block.strip("\n").splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            commands[-1][1].append(line.rstrip())
    return commands


def _without_schema(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "$schema"}


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Follow the walk-through in an empty folder; what each command printed, in order."""
    folder = tmp_path_factory.mktemp("first-pack")
    pack_file, script_file = folder / "my-pack.json", folder / "my-script.json"
    ran: list[tuple[str, list[str], list[str], int]] = []
    fragments = 0
    with contextlib.chdir(folder):
        for m in FENCE.finditer(SECTION):
            lang, words, text = m.group(1), m.group(2).split(), m.group(3)
            if lang == "json" and words[1:2] == ["first-pack/my-pack"]:
                pack = json.loads(pack_file.read_text(encoding="utf-8"))
                _apply(pack, words[0], words[2:], json.loads(text))
                pack_file.write_text(json.dumps(pack, indent=2, ensure_ascii=False) + "\n")
                fragments += 1
            elif lang == "json" and words == ["Playthrough", "first-pack/my-script"]:
                script_file.write_text(text, encoding="utf-8")
            elif lang == "console" and words == ["first-pack"]:
                for command, shown in _console(text):
                    argv = shlex.split(command)
                    assert argv[0] == "tabletop", command
                    code, out = _run(argv[1:])
                    ran.append((command, shown, [x.rstrip() for x in out.splitlines()], code))
    return {"folder": folder, "ran": ran, "fragments": fragments}


def test_the_walk_through_runs_every_step_it_names(replayed: dict[str, Any]) -> None:
    commands = [shlex.split(c)[1] for c, *_ in replayed["ran"]]
    assert commands[0] == "new"
    for name in ("new", "validate", "check", "play", "coverage", "graph"):
        assert name in commands, f"the walk-through never runs tabletop {name}"
    assert any("--dry-run" in c for c, *_ in replayed["ran"])
    assert replayed["fragments"] >= 8
    assert "tabletop validate --strict my-pack.json" in SECTION


def test_every_command_prints_what_the_guide_shows(replayed: dict[str, Any]) -> None:
    for command, shown, real, _code in replayed["ran"]:
        assert _matches(shown, real), f"`{command}` prints:\n" + "\n".join(real)


def test_the_finished_pack_and_script_are_the_examples(replayed: dict[str, Any]) -> None:
    folder = replayed["folder"]
    for name in ("my-pack.json", "my-script.json"):
        built = json.loads((folder / name).read_text(encoding="utf-8"))
        kept = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        assert _without_schema(built) == _without_schema(kept), f"docs/examples/first-pack/{name}"


def test_the_finished_pack_validates_and_its_script_plays(replayed: dict[str, Any]) -> None:
    codes = {shlex.split(c)[1]: code for c, _s, _r, code in replayed["ran"]}
    assert codes["play"] == 0
    assert codes["coverage"] == 0
    last_validate = [r for c, _s, r, _code in replayed["ran"] if c.startswith("tabletop validate")]
    assert last_validate[-1] == ["my-script.json: ok (0 errors, 0 warnings)"]
    assert _run(["validate", str(EXAMPLES / "my-pack.json")])[0] == 0


def test_the_skeleton_is_what_the_guide_describes(tmp_path: Path) -> None:
    assert _run(["new", str(tmp_path / "p.json")])[0] == 0
    pack = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert pack["meta"]["id"] == "my-scenario"
    assert pack["catalogues"] == ["central-asia-security"]
    assert [f["id"] for f in pack["facts"]] == ["crisis"]
    assert [(r["id"], r["actor"]) for r in pack["roles"]] == [("lead", "CSTO")]
    assert [p["id"] for p in pack["phases"]] == ["move-1", "move-2"]
    releases = [(i["id"], i["release"]) for i in pack["injects"]]
    assert releases == [("INJ-01", "scheduled"), ("INJ-02", "follow_on"), ("INJ-03", "when")]
    (dp,) = pack["decision_points"]
    assert dp["id"] == "DP-1" and len(dp["options"]) == 2
    assert dp["options"][0]["follow_ons"] == ["INJ-02"]


def test_the_graph_is_svg_with_every_decision_point(replayed: dict[str, Any]) -> None:
    svg = ET.parse(replayed["folder"] / "flow.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    pack = json.loads((EXAMPLES / "my-pack.json").read_text(encoding="utf-8"))
    for dp in pack["decision_points"]:
        assert f"{dp['id']} {dp['title']}" in texts


def test_the_finished_pack_passes_strict(tmp_path: Path) -> None:
    """The walk-through says its steps write everything --strict asks for."""
    code, out = _run(["validate", "--strict", str(EXAMPLES / "my-pack.json")])
    assert code == 0, out
    assert "0 warnings" in out, out


def test_elision_matches_only_what_is_there() -> None:
    assert _matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert _matches(["a", "..."], ["a", "b"])
    assert not _matches(["a", "...", "e"], ["a", "b", "c", "d"])
    assert not _matches(["a", "...", "c", "...", "b"], ["a", "b", "c"])
    assert not _matches(["a"], ["a", "b"])

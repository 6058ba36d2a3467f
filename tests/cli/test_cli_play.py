"""tabletop play: scripts as tests of a pack, with located failures and clear exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tabletop.cli import main
from tabletop.paths import schemas_dir
from tabletop.store import SessionStore

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "tests" / "data" / "playthroughs"
PACK = ROOT / "tests" / "data" / "example-pack.json"


# Sessions and user packs go to a temporary TABLETOP_HOME unless --session says otherwise.
pytestmark = pytest.mark.usefixtures("home")


def write(tmp_path: Path, steps: list[dict], **extra) -> Path:
    doc = {"pack": str(PACK), "facilitator": "F", "exercise": "E", "steps": steps, **extra}
    path = tmp_path / "script.json"
    path.write_text(json.dumps(doc, indent=2), "utf-8")
    return path


@pytest.mark.parametrize("script", sorted(SCRIPTS.glob("*.json")), ids=lambda p: p.stem)
def test_the_example_scripts_pass(script, home, capsys):
    assert main(["play", "--script", str(script)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("session example-quiet-pass-")
    steps = json.loads(script.read_text("utf-8"))["steps"]
    assert [line.split(":")[0] for line in out[1:-1]] == [
        f"ok step {n}" for n in range(1, len(steps) + 1)
    ]
    assert out[-1].startswith(f"script passed: {len(steps)} steps")
    with SessionStore(home / "sessions.sqlite") as store:
        assert len(store.sessions()) == 1


@pytest.mark.parametrize("script", sorted(SCRIPTS.glob("*.json")), ids=lambda p: p.stem)
def test_the_example_scripts_follow_the_schema(script):
    schema = json.loads((schemas_dir() / "playthrough.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(script.read_text("utf-8")))


def test_a_failed_expectation_names_step_line_pointer_and_both_sides(tmp_path, capsys):
    path = write(
        tmp_path,
        [
            {"assign": {"role": "arv_government", "participant": "Ann"}},
            {
                "decide": {
                    "decision": "DP-1",
                    "role": "arv_government",
                    "option": "reinforce",
                    "rationale": "Hold.",
                },
                "expect": {"verdict": "permitted", "facts": {"border_reinforced": False}},
            },
            {"end": {}},
        ],
    )
    assert main(["play", "--script", str(path)]) == 1
    out = capsys.readouterr().out
    lines = path.read_text("utf-8").splitlines()
    step_line = next(n for n, t in enumerate(lines, 1) if '"decide"' in t) - 1
    assert f"FAILED step 2 (decide) at {path}:{step_line}:" in out
    assert "/steps/1 (its events are logged)" in out
    verdict_line = next(n for n, t in enumerate(lines, 1) if '"verdict"' in t)
    assert f"{path}:{verdict_line}:" in out
    assert "/steps/1/expect/verdict: expected verdict permitted, but it was " in out
    assert (
        "/steps/1/expect/facts/border_reinforced: expected facts/border_reinforced false, " in out
    )
    assert "ok step 3" not in out


def test_an_unexpected_refusal_fails_the_script(tmp_path, capsys):
    path = write(
        tmp_path,
        [{"decide": {"decision": "DP-3", "role": "ncp_secretariat", "option": "deploy"}}],
    )
    assert main(["play", "--script", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAILED step 1 (decide)" in out
    assert "refused: decision point DP-3 has not been opened yet" in out


def test_a_broken_script_is_reported_with_its_location(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(
        '{"facilitator": "F", "exercise": "E",\n "steps": [{"advance": {"by_minutes": -5}}]}'
    )
    assert main(["play", str(PACK), "--script", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2:" in err and "/steps/0" in err
    path.write_text('{"facilitator": "F",,}')
    assert main(["play", str(PACK), "--script", str(path)]) == 1
    assert f"{path}:1:" in capsys.readouterr().err


def test_a_script_is_refused_unread_past_the_size_limit(tmp_path, capsys, monkeypatch):
    # Scripts are untrusted like packs: one is not read whole into memory however big.
    monkeypatch.setattr("tabletop.jsonloc.reading.MAX_BYTES", 100)
    path = tmp_path / "huge.json"
    path.write_text('{"facilitator": "F", "exercise": "E", "steps": []}' + " " * 200)
    assert main(["play", str(PACK), "--script", str(path)]) == 1
    assert "larger than" in capsys.readouterr().err
    assert main(["play", str(PACK), "--script", str(tmp_path / "gone.json")]) == 1
    assert "cannot read the file" in capsys.readouterr().err


def test_a_script_without_a_pack_needs_one_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "nopack.json"
    path.write_text(json.dumps({"facilitator": "F", "exercise": "E", "steps": [{"end": {}}]}))
    assert main(["play", "--script", str(path)]) == 2
    assert "give the PACK" in capsys.readouterr().err
    assert (
        main(["play", str(PACK), "--script", str(path), "--session", str(tmp_path / "s.db")]) == 0
    )


def test_a_pack_that_does_not_load_is_reported(tmp_path, capsys):
    bad = tmp_path / "bad-pack.json"
    bad.write_text("{}")
    path = write(tmp_path, [{"end": {}}], pack=str(bad))
    assert main(["play", "--script", str(path)]) == 1
    assert str(bad) in capsys.readouterr().err

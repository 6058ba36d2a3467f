"""docs/playthrough.md stays true: every step and expectation documented, examples valid
and naming only what the shipped Kazakh pack has (an author never needs the test data),
the failure example is what `tabletop play` prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from pydantic import TypeAdapter

from tabletop.app.script_check import check_script_file
from tabletop.cli import main
from tabletop.model.script import STEP_COMMANDS, Expect, Playthrough, Step
from tabletop.paths import schemas_dir

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "playthrough.md").read_text("utf-8")
BLOCKS = re.findall(r"```json\n(.*?)```", DOC, re.DOTALL)
SCHEMA = json.loads((schemas_dir() / "playthrough.schema.json").read_text("utf-8"))
KAZAKH = ROOT / "scenarios" / "kazakh-unrest-2022.json"


@pytest.mark.parametrize("command", STEP_COMMANDS)
def test_every_step_command_is_documented(command):
    assert f"| `{command}` |" in DOC


@pytest.mark.parametrize("key", sorted(Expect.model_fields))
def test_every_expectation_is_documented(key):
    assert f"| `{key}` |" in DOC


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.split("\n")[0][:30])
def test_every_example_is_valid(block):
    data = json.loads(block)
    if "steps" in data:
        Playthrough.model_validate_json(block)
        jsonschema.Draft202012Validator(SCHEMA).validate(data)
    else:
        TypeAdapter(Step).validate_json(block)
        jsonschema.Draft202012Validator(SCHEMA).validate(
            {"facilitator": "F", "exercise": "E", "steps": [data]}
        )


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.split("\n")[0][:30])
def test_every_example_names_only_what_the_shipped_pack_has(block, tmp_path):
    data = json.loads(block)
    if "steps" in data:
        data["pack"] = str(KAZAKH)
    else:
        data = {"pack": str(KAZAKH), "facilitator": "F", "exercise": "E", "steps": [data]}
    path = tmp_path / "example.json"
    path.write_text(json.dumps(data), "utf-8")
    result = check_script_file(path)
    assert result.ok, [d.message for d in result.diagnostics]


def test_the_failure_example_is_what_play_prints(tmp_path, capsys):
    script = next(b for b in BLOCKS if '"pack": "kazakh-unrest-2022.json"' in b)
    path = tmp_path / "script.json"
    path.write_text(script.replace('"kazakh-unrest-2022.json"', json.dumps(str(KAZAKH))), "utf-8")
    assert main(["play", "--script", str(path), "--session", str(tmp_path / "s.db")]) == 1
    printed = capsys.readouterr().out.replace(str(path), "script.json").splitlines()[1:]
    shown = re.search(r"```\n(ok step 1:.*?)```", DOC, re.DOTALL)
    assert shown is not None
    assert printed == shown.group(1).strip().splitlines()

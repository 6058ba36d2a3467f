"""docs/playthrough.md stays true: every step and expectation documented, examples valid,
the failure example is what `tabletop play` prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from pydantic import TypeAdapter

from tabletop.cli import main
from tabletop.model.script import STEP_COMMANDS, Expect, Playthrough, Step
from tabletop.paths import schemas_dir

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "playthrough.md").read_text("utf-8")
BLOCKS = re.findall(r"```json\n(.*?)```", DOC, re.DOTALL)
SCHEMA = json.loads((schemas_dir() / "playthrough.schema.json").read_text("utf-8"))


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


def test_the_failure_example_is_what_play_prints(tmp_path, capsys):
    script = next(b for b in BLOCKS if '"pack": "example-pack.json"' in b)
    path = tmp_path / "script.json"
    pack = ROOT / "tests" / "data" / "example-pack.json"
    path.write_text(script.replace('"example-pack.json"', json.dumps(str(pack))), "utf-8")
    assert main(["play", "--script", str(path), "--session", str(tmp_path / "s.db")]) == 1
    printed = capsys.readouterr().out.replace(str(path), "script.json").splitlines()[1:]
    shown = re.search(r"```\n(ok step 1:.*?)```", DOC, re.DOTALL)
    assert shown is not None
    assert printed == shown.group(1).strip().splitlines()

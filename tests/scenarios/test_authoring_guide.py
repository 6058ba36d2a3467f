"""docs/authoring.md cannot rot: every JSON example and every shown command output is checked.

Convention (documented in the guide): a fenced block's info string is `json KIND [SOURCE]`.
KIND is `Pack` (a whole pack), `Playthrough` (a whole script), a `$defs` name of the pack
schema (`Inject`), or `Playthrough.` and a `$defs` name of the playthrough schema.
SOURCE, when given, names a shipped pack or catalogue in which the block must appear
verbatim. `console` blocks hold `$ tabletop ...` commands followed by their exact output.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import TypeAdapter

from tabletop import model
from tabletop.cli import main
from tabletop.model import conditions, effects, pack, world
from tabletop.model import script as script_model
from tabletop.packs import parse_pack
from tabletop.packs.loader import catalogue_finder
from tabletop.paths import schemas_dir, shipped_scenarios_dir

ROOT = shipped_scenarios_dir().parent
GUIDE = ROOT / "docs" / "authoring.md"
FENCE = re.compile(r"^( *)```(\S*)[ \t]*([^\n]*)\n(.*?)^\1```[ \t]*$", re.M | re.S)


@dataclass(frozen=True)
class Block:
    """One fenced block of the guide."""

    line: int
    lang: str
    words: tuple[str, ...]
    text: str

    def __str__(self) -> str:
        return f"authoring.md:{self.line} ({self.lang} {' '.join(self.words)})".strip()


def _blocks() -> list[Block]:
    source = GUIDE.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(source):
        indent = len(m.group(1))
        body = "\n".join(line[indent:] for line in m.group(4).splitlines())
        line = source.count("\n", 0, m.start()) + 1
        out.append(Block(line, m.group(2), tuple(m.group(3).split()), body))
    return out


BLOCKS = _blocks()
JSON_BLOCKS = [b for b in BLOCKS if b.lang == "json"]
# The walk-through's `console first-pack` blocks run in an empty folder, in order:
# tests/cli/test_first_pack_docs.py replays them.
CONSOLE_BLOCKS = [b for b in BLOCKS if b.lang == "console" and not b.words]


def _schema(name: str) -> dict[str, Any]:
    return json.loads((schemas_dir() / name).read_text(encoding="utf-8"))


PACK_SCHEMA = _schema("scenario-pack.schema.json")
PLAY_SCHEMA = _schema("playthrough.schema.json")
MODEL_MODULES = (pack, world, conditions, effects, script_model, model)


def _validate_def(schema: dict[str, Any], name: str, value: Any) -> None:
    defs = schema["$defs"]
    assert name in defs, f"no definition '{name}' in the schema; use one of {sorted(defs)}"
    wrapper = {"$schema": schema.get("$schema"), "$defs": defs, "$ref": f"#/$defs/{name}"}
    errors = sorted(
        jsonschema.Draft202012Validator(wrapper).iter_errors(value), key=lambda e: e.path
    )
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


def _model_for(name: str) -> Any:
    for module in MODEL_MODULES:
        found = getattr(module, name, None)
        if isinstance(found, type):
            return found
    return None


def _contains(haystack: Any, needle: Any) -> bool:
    if haystack == needle:
        return True
    if isinstance(haystack, dict):
        return any(_contains(v, needle) for v in haystack.values())
    if isinstance(haystack, list):
        return any(_contains(v, needle) for v in haystack)
    return False


def _source_file(name: str) -> Path:
    for candidate in (
        ROOT / "docs" / "examples" / f"{name}.json",
        shipped_scenarios_dir() / f"{name}.json",
        shipped_scenarios_dir() / "catalogues" / f"{name}.json",
    ):
        if candidate.is_file():
            return candidate
    raise AssertionError(f"no shipped pack or catalogue '{name}'")


def test_the_guide_has_examples_of_every_kind() -> None:
    kinds = {b.words[0] for b in JSON_BLOCKS if b.words}
    assert {"Pack", "Playthrough", "Inject", "DecisionPoint", "Power", "Limit"} <= kinds
    assert sum(len(b.words) > 1 for b in JSON_BLOCKS) >= 8, "too few examples from the packs"
    assert len(CONSOLE_BLOCKS) >= 3


@pytest.mark.parametrize("block", JSON_BLOCKS, ids=str)
def test_json_block_is_marked(block: Block) -> None:
    assert block.words, f"{block}: say what the block is, e.g. ```json Inject"


@pytest.mark.parametrize("block", JSON_BLOCKS, ids=str)
def test_json_block_is_valid(block: Block, tmp_path: Path) -> None:
    value = json.loads(block.text)
    kind = block.words[0] if block.words else ""
    if kind == "Pack":
        name = str(shipped_scenarios_dir() / "guide-example.json")
        result = parse_pack(block.text.encode(), name, catalogue_finder(Path(name)))
        assert [d.render() for d in result.diagnostics] == []
    elif kind == "Playthrough":
        _validate_whole_script(block, value, tmp_path)
    elif kind.startswith("Playthrough."):
        _validate_def(PLAY_SCHEMA, kind.removeprefix("Playthrough."), value)
    else:
        _validate_def(PACK_SCHEMA, kind, value)
        found = _model_for(kind)
        if found is not None:
            TypeAdapter(found).validate_json(block.text)


def _validate_whole_script(block: Block, value: dict[str, Any], tmp_path: Path) -> None:
    jsonschema.Draft202012Validator(PLAY_SCHEMA).validate(value)
    script_model.Playthrough.model_validate_json(block.text)
    # The script names its pack relative to its own folder: scenarios/tests/, where
    # scripts live, or the folder of the example file it is copied from.
    folder = _source_file(block.words[1]).parent if len(block.words) > 1 else None
    pack_file = ((folder or shipped_scenarios_dir() / "tests") / value["pack"]).resolve()
    script = tmp_path / "script.json"
    script.write_text(block.text, encoding="utf-8")
    args = ["play", str(pack_file), "--script", str(script), "--session", str(tmp_path / "s.db")]
    code, out = _run(args)
    assert code == 0, out


@pytest.mark.parametrize("block", [b for b in JSON_BLOCKS if len(b.words) > 1], ids=str)
def test_json_block_is_taken_from_the_named_file(block: Block) -> None:
    source = json.loads(_source_file(block.words[1]).read_text(encoding="utf-8"))
    assert _contains(source, json.loads(block.text)), (
        f"{block}: not found verbatim in {block.words[1]}; copy it again from the file"
    )


def _run(args: list[str]) -> tuple[int, str]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        code = main(args)
    return code, buffer.getvalue()


def _commands(block: Block) -> list[tuple[str, str]]:
    out: list[tuple[str, list[str]]] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        else:
            assert out, f"{block}: output before any command"
            out[-1][1].append(line)
    return [(cmd, "\n".join(lines)) for cmd, lines in out]


@pytest.mark.parametrize("block", CONSOLE_BLOCKS, ids=str)
def test_console_output_is_real(block: Block, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    commands = _commands(block)
    assert commands
    for command, expected in commands:
        argv = shlex.split(command)
        assert argv[0] == "tabletop", f"{block}: only tabletop commands are run"
        _code, actual = _run(argv[1:])
        shown = [line.rstrip() for line in expected.strip("\n").splitlines()]
        real = [line.rstrip() for line in actual.strip("\n").splitlines()]
        assert real == shown, f"{block}: `{command}` prints something else now"

"""Playthrough scripts with long texts: located only when a step fails, cheaply."""

from __future__ import annotations

import gc
import json
import tracemalloc
import weakref
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.jsonloc import positions
from tabletop.scripting.loading import LoadedScript, load_script

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "tests" / "data" / "example-pack.json"
SCRIPT = ROOT / "tests" / "data" / "playthroughs" / "example-branch-quiet.json"

pytestmark = pytest.mark.usefixtures("home")


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of every Positions built from now on."""
    texts: list[str] = []
    init = positions.Positions.__init__

    def counting(self: positions.Positions, text: str) -> None:
        texts.append(text)
        init(self, text)

    monkeypatch.setattr(positions.Positions, "__init__", counting)
    return texts


def _script(tmp_path: Path, rationale: str, phase: str = "move-1") -> Path:
    steps = [
        {"assign": {"role": "arv_government", "participant": "Ann"}},
        {
            "decide": {
                "decision": "DP-1",
                "role": "arv_government",
                "option": "hold",
                "rationale": rationale,
            },
            "expect": {"verdict": "permitted"},
        },
        {"advance": {"by_minutes": 30}, "expect": {"phase": phase}},
        {"end": {}},
    ]
    doc = {"pack": str(PACK), "facilitator": "F", "exercise": "E", "steps": steps}
    path = tmp_path / "long.json"
    path.write_text(json.dumps(doc, indent=1), "utf-8")
    return path


def test_a_passing_script_is_played_without_building_positions(
    built: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["play", "--script", str(SCRIPT)]) == 0
    assert "script passed" in capsys.readouterr().out
    assert built == []


def test_a_failing_step_is_located_once_per_script(
    tmp_path: Path, built: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = _script(tmp_path, "Because.", phase="move-9")
    assert main(["play", "--script", str(path)]) == 1
    out = capsys.readouterr().out
    lines = path.read_text("utf-8").splitlines()
    advance_line = next(n for n, text in enumerate(lines, 1) if '"advance"' in text) - 1
    assert f"FAILED step 3 (advance) at {path}:{advance_line}:" in out
    phase_line = next(n for n, text in enumerate(lines, 1) if '"move-9"' in text)
    assert f"{path}:{phase_line}:" in out and "/steps/2/expect/phase" in out
    # One index for the script's step and its mismatch (the pack loaded cleanly).
    assert len([text for text in built if '"steps"' in text]) == 1


def test_locating_a_step_after_a_long_rationale_is_cheap(tmp_path: Path) -> None:
    path = _script(tmp_path, "x" * 2_000_000)
    loaded = load_script(path)
    assert isinstance(loaded, LoadedScript)
    tracemalloc.start()
    try:
        where = loaded.where("/steps/2")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    lines = path.read_text("utf-8").splitlines()
    advance_line = next(n for n, text in enumerate(lines, 1) if '"advance"' in text) - 1
    assert where.startswith(f"{path}:{advance_line}:")
    # The old tokenizer kept some 150 bytes a character of the rationale while matching it.
    assert peak < 2 * len(loaded.text)


def test_a_script_does_not_keep_its_positions_after_it_is_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[weakref.ref[positions.Positions]] = []
    init = positions.Positions.__init__

    def recording(self: positions.Positions, text: str) -> None:
        made.append(weakref.ref(self))
        init(self, text)

    monkeypatch.setattr(positions.Positions, "__init__", recording)
    loaded = load_script(_script(tmp_path, "x" * 100_000))
    assert isinstance(loaded, LoadedScript)
    assert loaded.where("/steps/1") == loaded.where("/steps/1")
    assert len(made) == 1 and made[0]() is not None
    del loaded
    gc.collect()
    # A global cache of positions by text would keep every script's index for good.
    assert made[0]() is None

"""tabletop validate: located diagnostics, text and JSON output, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
GOOD = DATA / "example-pack.json"
BAD = DATA / "bad"


def test_clean_pack_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert f"{GOOD}: ok (0 errors, 0 warnings)" in out


def test_warnings_only_exit_0_and_are_shown(capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / "warn-unused-fact.json"
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}:63:12: warning [fact-never-read] at /facts/2/id" in out
    assert "ok (0 errors, 2 warnings)" in out


def test_errors_exit_1_with_file_line_column_pointer_and_hint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = BAD / "unknown-actor.json"
    assert main(["validate", str(GOOD), str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:67:46: error [unknown-actor] at /roles/1/actor:" in out
    assert "    hint: Did you mean 'LAND'? Use one of: LAND, ALLY." in out
    assert f"{path}: FAILED (1 errors, 0 warnings)" in out
    assert f"{GOOD}: ok" in out


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / "misspelt-condition-key.json"
    assert main(["validate", "--format", "json", str(GOOD), str(path)]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [(r["file"], r["ok"], r["errors"]) for r in out] == [
        (str(GOOD), True, 0),
        (str(path), False, 2),
    ]
    diag = out[1]["diagnostics"][1]
    assert diag["code"] == "unknown-key"
    assert diag["pointer"] == "/instruments/0/powers/0/conditions/2/opp"
    assert (diag["line"], diag["column"]) == (36, 31)
    assert "Did you mean 'op'?" in diag["hint"]


def test_catalogues_are_checked_as_catalogues(capsys: pytest.CaptureFixture[str]) -> None:
    cat = DATA / "catalogues" / "fictional-compact.json"
    broken = BAD / "catalogues" / "broken.json"
    assert main(["validate", str(cat)]) == 0
    assert main(["validate", str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:11:15: error [bad-value] at /actors/0/kind" in out


def test_missing_file_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "none.json")]) == 1
    assert "[unreadable]" in capsys.readouterr().out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--format", "xml", str(GOOD)])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["validate", "new", "packs"])
def test_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert f"usage: tabletop {command}" in capsys.readouterr().out


def test_validate_in_a_real_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tabletop", "validate", str(BAD / "syntax-error.json"), str(GOOD)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert f"{BAD / 'syntax-error.json'}:7:5: error [json-syntax]" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr

"""tabletop play --dry-run: the same game and summary in memory, nothing stored."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tabletop.cli import main

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios" / "tests").glob("*.json"))


def _lines(out: str) -> list[str]:
    """The output with the session's id (random in a stored one) as ID."""
    lines = out.splitlines()
    session = lines[0].split()[1]
    return [line.replace(session, "ID") for line in lines]


@pytest.mark.parametrize("script", SHIPPED, ids=lambda p: p.stem)
def test_a_dry_run_prints_what_a_real_play_does_and_stores_nothing(
    script: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "sessions.sqlite"
    assert main(["play", "--script", str(script), "--session", str(db)]) == 0
    real = capsys.readouterr().out
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert main(["play", "--dry-run", "--script", str(script), "--session", str(db)]) == 0
    dry = capsys.readouterr().out
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    real_lines, dry_lines = _lines(real), _lines(dry)
    assert dry_lines[1:-1] == real_lines[1:-1]  # every step's line, word for word
    assert "in memory (dry run: nothing is stored)" in dry.splitlines()[0]
    assert dry.splitlines()[-1].endswith("; nothing stored (dry run)")
    assert dry_lines[-1] == real_lines[-1] + "; nothing stored (dry run)"
    assert dry.split()[1] == json.loads(script.read_text("utf-8"))["pack"][3:-5] + "-dry-run"


def test_a_dry_run_never_creates_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "none.sqlite"
    assert main(["play", "--dry-run", "--script", str(SHIPPED[0]), "--session", str(db)]) == 0
    assert not db.exists() and list(tmp_path.iterdir()) == []
    assert capsys.readouterr().out.splitlines()[-1].startswith("script passed:")


def test_a_failing_dry_run_exits_1_like_a_real_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads(SHIPPED[0].read_text(encoding="utf-8"))
    doc["pack"] = str((SHIPPED[0].parent / doc["pack"]).resolve())
    doc["steps"][0].setdefault("expect", {})["phase"] = "NO-SUCH-PHASE"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    db = tmp_path / "s.sqlite"
    assert main(["play", "--dry-run", "--script", str(bad), "--session", str(db)]) == 1
    out = capsys.readouterr().out
    assert "FAILED step 1" in out and "its events are logged" not in out
    assert not db.exists()

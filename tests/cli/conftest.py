"""What the command tests share: a session database holding one scripted game."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "data" / "playthroughs" / "example-branch-compact.json"


@pytest.fixture
def db(tmp_path, capsys) -> Path:
    """A session database with the example branch game played into it."""
    path = tmp_path / "sessions.sqlite"
    assert main(["play", "--script", str(SCRIPT), "--session", str(path)]) == 0
    capsys.readouterr()
    return path

"""tabletop packs and bare tabletop: installed packs with title, version and state."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.paths import shipped_scenarios_dir

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A TABLETOP_HOME with one good and one broken user pack."""
    monkeypatch.setenv("TABLETOP_HOME", str(tmp_path))
    packs = tmp_path / "packs"
    packs.mkdir()
    shutil.copy(DATA / "minimal-pack.json", packs / "minimal.json")
    shutil.copy(DATA / "bad" / "unknown-actor.json", packs / "broken.json")
    return tmp_path


def test_packs_lists_user_packs_with_state(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["packs"]) == 0
    out = capsys.readouterr().out
    assert "minimal 1.0.0  Minimal valid pack  [ok]" in out
    assert "broken.json  [INVALID (1 error)]" in out
    assert f"User packs ({home / 'packs'}):" in out
    assert "Shipped packs (" in out


def test_packs_json_includes_shipped_packs(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["packs", "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    user = {e["path"]: e for e in entries if e["origin"] == "user"}
    assert user[str(home / "packs" / "minimal.json")]["version"] == "1.0.0"
    assert user[str(home / "packs" / "broken.json")]["ok"] is False
    shipped = [e for e in entries if e["origin"] == "shipped"]
    assert len(shipped) == len(list(shipped_scenarios_dir().glob("*.json")))
    assert all(e["title"] for e in shipped if e["ok"])


def test_bare_tabletop_without_a_display_says_so_and_suggests_the_browser(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    monkeypatch.delenv("DISPLAY", raising=False)
    began = time.perf_counter()
    assert main([]) == 1
    # Never hangs waiting for a window (the imports alone take ~2 s on a slow 2-core VM).
    assert time.perf_counter() - began < 10.0
    err = capsys.readouterr().err
    assert "cannot open the desktop window: there is no display (DISPLAY is not set)" in err
    assert "tabletop app --web" in err

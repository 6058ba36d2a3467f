"""Shared fixtures for the tests of the shipped scenario packs and their playthrough scripts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.hashchain.chain import read_events
from tabletop.model.events import Event
from tabletop.packs import LoadedPack, load_pack
from tabletop.paths import shipped_scenarios_dir
from tabletop.store import SessionStore

SCENARIOS = shipped_scenarios_dir()
PACK_FILES = sorted(SCENARIOS.glob("*.json"))
SCRIPT_FILES = sorted((SCENARIOS / "tests").glob("*.json"))
SHIPPED = ("afghan-border-incursion.json", "kazakh-unrest-2022.json")


def pack_of_script(script: Path) -> Path:
    """The pack a playthrough script names, resolved against the script's folder."""
    name = json.loads(script.read_text(encoding="utf-8"))["pack"]
    return (script.parent / name).resolve()


@dataclass(frozen=True)
class Played:
    """One playthrough script played through `tabletop play`: exit code, output, events."""

    script: Path
    pack: Path
    exit_code: int
    output: str
    events: tuple[Event, ...]


@pytest.fixture(scope="session")
def loaded_packs() -> dict[str, LoadedPack]:
    """Every shipped pack, loaded once, by file name (packs with errors are left out)."""
    out = {}
    for path in PACK_FILES:
        result = load_pack(path)
        if result.loaded is not None:
            out[path.name] = result.loaded
    return out


@pytest.fixture(scope="session")
def played(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Played]:
    """Every script played once through the real CLI path, with its stored events."""
    folder = tmp_path_factory.mktemp("playthroughs")
    out: dict[str, Played] = {}
    for script in SCRIPT_FILES:
        db = folder / f"{script.stem}.sqlite"
        output = folder / f"{script.stem}.out"
        code = _play(script, db, output)
        events: tuple[Event, ...] = ()
        if db.exists():
            with SessionStore(db) as store:
                infos = store.sessions()
                if infos:
                    events = tuple(read_events(store.rows(infos[0].id)))
        out[script.name] = Played(
            script, pack_of_script(script), code, output.read_text(encoding="utf-8"), events
        )
    return out


def _play(script: Path, db: Path, output: Path) -> int:
    """Run `tabletop play` in this process, capturing what it prints."""
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        code = main(["play", "--script", str(script), "--session", str(db)])
    output.write_text(buffer.getvalue(), encoding="utf-8")
    return code

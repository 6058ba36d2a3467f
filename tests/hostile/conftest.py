"""Hostile sessions for the report renderers: the golden game played on a pack whose every
text carries a payload, with the same payload in every text of its own (names, rationale,
notes, rulings, plan rows); and forged logs, their events edited and chained again.

The builders follow tests/report/conftest.py (scripted games in memory, on a fixed clock);
that file's fixtures are scoped to its own folder, so the little that is needed is here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from enginegame import run_steps, start_memory_session

from tabletop.hashchain.chain import EVENT, Row, chain
from tabletop.model.script import Playthrough
from tabletop.packs import LoadedPack, open_pack
from tabletop.report import AfterActionReport, build_report, check_log

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE_PACK = DATA / "example-pack.json"
CATALOGUE = DATA / "catalogues" / "fictional-compact.json"
GAME_SCRIPT = Path(__file__).resolve().parents[1] / "report" / "data" / "example-game.json"
START = datetime(2031, 3, 1, 9, 0, tzinfo=UTC)

# Keys whose string values are text for people (the rest are ids, enums, times, templates).
# "name" is also a parameter's id (those have a "type"), "from" also an effect's actor id
# (an inject's sender has a "channel").
PACK_TEXT = {
    "affiliation", "article", "body", "brief", "capability", "citation", "classification",
    "description", "document", "facilitator_notes", "label", "outcome", "prompt", "scope",
    "short_name", "summary", "text", "title", "topic",
}  # fmt: skip
PACK_TEXT_LISTS = {"questions", "expected_actions"}
LOG_TEXT = {
    "participant", "rationale", "reason", "note", "override", "text", "issue",
    "corrective_action", "responsible_org", "point_of_contact", "facilitator", "exercise",
}  # fmt: skip


def _is_text(key: str, where: dict[str, Any], keys: set[str]) -> bool:
    if key == "name":
        return "type" not in where
    if key == "from":
        return "channel" in where
    return key in keys


def spiked(data: Any, payload: str, keys: set[str], lists: frozenset[str] = frozenset()) -> Any:
    """`data` with `payload` appended to every string under one of `keys` (or in a list
    under one of `lists`)."""
    if isinstance(data, list):
        return [spiked(x, payload, keys, lists) for x in data]
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str) and _is_text(key, data, keys):
            out[key] = value + payload
        elif key in lists and isinstance(value, list):
            out[key] = [x + payload if isinstance(x, str) else x for x in value]
        else:
            out[key] = spiked(value, payload, keys, lists)
    return out


def write_pack(folder: Path, edit: Callable[[dict], dict]) -> LoadedPack:
    """The example pack and its catalogue, both passed through `edit`, written and loaded."""
    (folder / "catalogues").mkdir(parents=True, exist_ok=True)
    for source, target in ((CATALOGUE, folder / "catalogues" / CATALOGUE.name),
                           (EXAMPLE_PACK, folder / "pack.json")):  # fmt: skip
        data = json.loads(source.read_text(encoding="utf-8"))
        data.pop("$schema", None)  # a relative path, wrong from the new folder
        target.write_text(json.dumps(edit(data)), encoding="utf-8")
    return open_pack(folder / "pack.json")


@dataclass
class Session:
    """A session log as stored (rows) and the pack it was played on."""

    loaded: LoadedPack
    rows: list[Row]

    def report(self, **kw: Any) -> AfterActionReport:
        """The report of the log, read as the CLI reads one."""
        events, integrity = check_log(self.rows, source="hostile test log")
        return build_report(self.loaded.pack, events, integrity, **kw)

    def forged(self, **changes: Any) -> Session:
        """The log with `changes` made to its first event (session_started), chained again:
        a forgery the chain check cannot see."""
        events = [EVENT.validate_json(r.body) for r in self.rows]
        events[0] = events[0].model_copy(update=changes)
        return Session(self.loaded, chain(events))


def _clock() -> Callable[[], datetime]:
    now = [START]

    def clock() -> datetime:
        now[0] += timedelta(minutes=3)
        return now[0]

    return clock


def play(loaded: LoadedPack, script: dict) -> Session:
    """Play a script on a fixed clock; fail the test if any step fails."""
    plan = Playthrough.model_validate_json(json.dumps(script))
    clock = _clock()
    session = start_memory_session(
        loaded,
        clock,
        "hostile-20310301-0001",
        facilitator=plan.facilitator,
        exercise=plan.exercise,
        exercise_date=plan.exercise_date or date(2031, 3, 1),
    )
    for step in run_steps(plan, session):
        assert step.ok, f"step {step.number} ({step.command}): {step.mismatches}"
    return Session(loaded, chain(session.events))


def golden_script() -> dict:
    """The golden game's script (every kind of event the report reads)."""
    return json.loads(GAME_SCRIPT.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def hostile_session(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Session]:
    """`hostile_session(payload)`: the golden game with `payload` appended to every text
    of the pack, its catalogue and the log (played once per payload)."""
    lists = frozenset(PACK_TEXT_LISTS)

    @cache
    def build(payload: str) -> Session:
        folder = tmp_path_factory.mktemp("hostile-pack")
        loaded = write_pack(folder, lambda d: spiked(d, payload, PACK_TEXT, lists))
        return play(loaded, spiked(golden_script(), payload, LOG_TEXT))

    return build


@pytest.fixture(scope="session")
def pack_with(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., LoadedPack]]:
    """`pack_with(**meta)`: the example pack with fields of its meta replaced."""

    def build(**meta: Any) -> LoadedPack:
        def edit(data: dict) -> dict:
            if "meta" in data:
                data["meta"].update(meta)
            return data

        return write_pack(tmp_path_factory.mktemp("pack"), edit)

    yield build


@pytest.fixture(scope="session")
def played() -> Callable[..., Session]:
    """`played(loaded, **head)`: the golden game on a pack, with the script's head fields
    (facilitator, exercise) replaced."""
    return lambda loaded, **head: play(loaded, {**golden_script(), **head})

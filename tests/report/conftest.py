"""Shared builders for the report tests: scripted games played in memory on a fixed clock."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from enginegame import run_steps, start_memory_session

from tabletop.hashchain.chain import Row, chain
from tabletop.model.events import Event
from tabletop.model.pack import Pack
from tabletop.model.script import Playthrough
from tabletop.packs import LoadedPack, open_pack
from tabletop.report import AfterActionReport, build_report, check_log

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_PACK = ROOT / "tests" / "data" / "example-pack.json"
GAME_SCRIPT = Path(__file__).parent / "data" / "example-game.json"
GOLDEN = ROOT / "tests" / "golden"
START = datetime(2031, 3, 1, 9, 0, tzinfo=UTC)


@dataclass
class Game:
    """A game played in memory: its pack, events and hash-chained rows."""

    loaded: LoadedPack
    pack: Pack
    events: list[Event]
    rows: list[Row]

    def report(self, **kw: Any) -> AfterActionReport:
        """The report of the whole log, checked as intact."""
        events, integrity = check_log(self.rows, source="test log")
        return build_report(self.pack, events, integrity, **kw)


def fixed_clock(start: datetime = START, step: timedelta = timedelta(minutes=3)) -> Callable:
    """A wall clock that moves on by `step` each time it is read: the same game, same times."""
    now = [start]

    def clock() -> datetime:
        now[0] += step
        return now[0]

    return clock


def play(
    script: Playthrough | dict | Path,
    loaded: LoadedPack | None = None,
    *,
    pack: Pack | None = None,
    session_id: str = "example-quiet-pass-20310301-0001",
) -> Game:
    """Play a script on a fixed clock; fail the test if any step fails."""
    if isinstance(script, Path):
        script = json.loads(script.read_text(encoding="utf-8"))
    if isinstance(script, dict):
        script = Playthrough.model_validate_json(json.dumps(script))
    loaded = loaded or open_pack(EXAMPLE_PACK)
    pack = pack or loaded.pack
    clock = fixed_clock()
    session = start_memory_session(
        replace(loaded, pack=pack),
        clock,
        session_id,
        facilitator=script.facilitator,
        exercise=script.exercise,
        exercise_date=script.exercise_date or date(2031, 3, 1),
    )
    for step in run_steps(script, session):
        assert step.ok, f"step {step.number} ({step.command}): {step.mismatches}"
    return Game(loaded, pack, session.events, chain(session.events))


def steps(*items: dict, **head: Any) -> dict:
    """A script from its steps."""
    return {"facilitator": "Test facilitator", "exercise": "Test game", **head, "steps": items}


@pytest.fixture(scope="session")
def player() -> Callable[..., Game]:
    """`play(script, loaded=None, *, pack=None)`: a scripted game on the fixed clock."""
    return play


@pytest.fixture(scope="session")
def script_of() -> Callable[..., dict]:
    """`steps(*steps, **head)`: a playthrough script from its steps."""
    return steps


@pytest.fixture(scope="session")
def golden_dir() -> Path:
    """tests/golden."""
    return GOLDEN


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture(scope="session")
def game(example: LoadedPack) -> Game:
    """The golden game: every kind of event the report reads."""
    return play(GAME_SCRIPT, example)


@pytest.fixture(scope="session")
def report(game: Game) -> AfterActionReport:
    """The golden game's report."""
    return game.report(pack_hash=game.loaded.content_hash)


HOSTILE = {
    "inject_body": '<script>alert("inject")</script> & <b>bold</b>',
    "inject_title": "<img src=x onerror=alert(1)>",
    "role_title": "<script>role()</script> $x^2$ Government",
    "role_short": "<b>$x^2$</b> gov",
    "participant": "<script>alert('name')</script>",
    "rationale": "</td></tr><script>evil()</script>",
    "observation": '<a href="http://evil.example/">click</a>',
    "plan_issue": '<iframe src="http://evil.example/"></iframe>',
    "exercise": "Exercise <style>body{display:none}</style>",
    "classification": 'SECRET"; } </style><script>alert("banner")</script>',
}
"""Markup in every kind of outside text: the pack's, the players' and the facilitator's."""


@pytest.fixture(scope="session")
def hostile() -> dict[str, str]:
    """The hostile strings, by where they were put."""
    return HOSTILE


@pytest.fixture(scope="session")
def hostile_report(example: LoadedPack) -> AfterActionReport:
    """A report of a game whose pack, names, rationale and notes all carry markup."""
    pack = example.pack
    injects = tuple(
        i.model_copy(update={"body": HOSTILE["inject_body"], "title": HOSTILE["inject_title"]})
        if i.id == "INJ-01"
        else i
        for i in pack.injects
    )
    roles = tuple(
        r.model_copy(update={"title": HOSTILE["role_title"], "short": HOSTILE["role_short"]})
        if r.id == "arv_government"
        else r
        for r in pack.roles
    )
    meta = pack.meta.model_copy(update={"classification": HOSTILE["classification"]})
    pack = pack.model_copy(update={"injects": injects, "roles": roles, "meta": meta})
    script = steps(
        {"assign": {"role": "arv_government", "participant": HOSTILE["participant"]}},
        {"decide": {"decision": "DP-1", "role": "arv_government", "option": "hold",
                    "rationale": HOSTILE["rationale"]}},
        {"note": {"kind": "strength", "text": HOSTILE["observation"], "objective": "OBJ-1"}},
        {"plan": {"issue": HOSTILE["plan_issue"], "corrective_action": "Escape it.",
                  "capability_element": "planning", "responsible_org": "Org",
                  "point_of_contact": "POC", "start_date": "2031-04-01",
                  "completion_date": "2031-05-01"}},
        exercise=HOSTILE["exercise"],
        facilitator=HOSTILE["participant"],
    )  # fmt: skip
    return play(script, example, pack=pack).report()

"""Replay property through the database: random games, committed, reopened, equal."""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

from enginegame import MemorySession
from hypothesis import HealthCheck, given, settings

from tabletop.app import Workspace
from tabletop.engine import Refusal

# The command strategies of the engine's replay property, reused rather than copied.
_SPEC = importlib.util.spec_from_file_location(
    "engine_replay_property",
    Path(__file__).resolve().parents[1] / "engine" / "test_replay_property.py",
)
assert _SPEC is not None and _SPEC.loader is not None
prop = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(prop)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(prop.scripts)
def test_a_stored_game_reopens_to_the_state_reached(ticking_clock, script):
    clock = ticking_clock()
    with tempfile.TemporaryDirectory() as tmp, Workspace(tmp, clock=clock) as workspace:
        game = workspace.start(prop.EXAMPLE, facilitator="F", exercise="E")
        store = workspace.store
        # The engine's commands one by one, each committed through the game's log.
        live = MemorySession(prop.EXAMPLE, game.state, clock, log=game.log)
        for command in script:
            count_before = store.info(game.id).event_count
            outcome = prop.run(live, command)
            if isinstance(outcome, Refusal):
                assert store.info(game.id).event_count == count_before
        reopened = workspace.open(game.id)
        assert reopened.state == live.state
        assert reopened.log.head == game.log.head == store.rows(game.id)[-1].hash

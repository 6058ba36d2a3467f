"""Replay property through the database: random games, committed, reopened, equal."""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tabletop.engine import Refusal
from tabletop.store import LiveSession, SessionStore

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
    with tempfile.TemporaryDirectory() as tmp, SessionStore(Path(tmp) / "s.sqlite") as store:
        live = LiveSession.start(store, prop.EXAMPLE, facilitator="F", exercise="E", clock=clock)
        assert isinstance(live, LiveSession)
        for command in script:
            count_before = store.info(live.id).event_count
            outcome = prop.run(live, command)
            if isinstance(outcome, Refusal):
                assert store.info(live.id).event_count == count_before
        reopened = LiveSession.open(store, store.info(live.id), prop.EXAMPLE)
        assert reopened.state == live.state
        assert reopened.head == live.head == store.rows(live.id)[-1].hash

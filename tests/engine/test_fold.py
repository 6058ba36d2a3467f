"""The fold: one set of rules, replay equals the state reached, logs must start right."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tabletop.engine import (
    LogError,
    SessionState,
    advance_clock,
    apply,
    extend,
    record_decision,
    replay,
)
from tabletop.hashchain.chain import chain, read_events


def test_start_delivers_what_is_due_and_opens_its_decision(game):
    state = game.state
    assert state.phase == "move-1"
    assert state.delivered_ids == {"INJ-01"}
    assert list(state.open_decisions) == ["DP-1"]
    assert state.facts["border_incidents"] == 1
    assert state.initial_facts["border_incidents"] == 0
    assert state.clock.running and state.clock.time == game.pack.meta.scenario_start


def test_apply_one_by_one_equals_replay_of_all(game):
    game.do(record_decision, "DP-1", "arv_government", "hold", "Wait and see.")
    game.do(advance_clock, by=timedelta(hours=30))
    one_by_one = SessionState()
    for event in game.events:
        one_by_one = apply(one_by_one, event)
    assert one_by_one == replay(game.pack, game.events) == game.state


def test_replay_through_stored_json_equals_live_state(game):
    game.do(record_decision, "DP-1", "arv_government", "hold", "Wait and see.")
    game.do(advance_clock, by=timedelta(hours=8))
    game.do(record_decision, "DP-2", "arv_government", "ask-compact")
    parsed = read_events(chain(game.events))
    assert parsed == game.events
    assert replay(None, parsed) == game.state


def test_replay_is_deterministic_and_leaves_input_alone(game):
    game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold the line.")
    before = list(game.events)
    assert replay(game.pack, game.events) == replay(game.pack, game.events)
    assert game.events == before


def test_states_are_not_changed_by_later_events(game, ok):
    first = game.state
    frozen_facts = dict(first.facts)
    ok(game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold the line."))
    assert dict(first.facts) == frozen_facts
    assert ("DP-1", "arv_government") not in first.decisions
    with pytest.raises(TypeError):
        first.facts["border_reinforced"] = True  # type: ignore[index]


def test_a_log_must_begin_with_session_started(game):
    with pytest.raises(LogError, match="must begin with session_started"):
        replay(None, game.events[1:])
    with pytest.raises(LogError, match="second time"):
        extend(game.state, game.events[:1])


def test_state_replayed_from_log_matches_memory(game):
    game.do(record_decision, "DP-1", "arv_government", "hold", "Wait.")
    assert replay(game.pack, game.events) == game.state
    assert game.state.event_count == len(game.events)

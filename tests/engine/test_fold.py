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
    note,
    record_decision,
    replay,
)
from tabletop.hashchain.chain import chain, read_events
from tabletop.model.events import ObservationNoted


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
        apply(one_by_one, event)
    assert one_by_one == replay(game.events) == game.state


def test_replay_through_stored_json_equals_live_state(game):
    game.do(record_decision, "DP-1", "arv_government", "hold", "Wait and see.")
    game.do(advance_clock, by=timedelta(hours=8))
    game.do(record_decision, "DP-2", "arv_government", "ask-compact")
    parsed = read_events(chain(game.events))
    assert parsed == game.events
    assert replay(parsed) == game.state


def test_replay_is_deterministic_and_leaves_input_alone(game):
    game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold the line.")
    before = list(game.events)
    assert replay(game.events) == replay(game.events)
    assert game.events == before


def test_states_are_not_changed_by_later_events(game, ok):
    first = game.state
    frozen_facts = dict(first.facts)
    ok(game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold the line."))
    assert dict(first.facts) == frozen_facts
    assert ("DP-1", "arv_government") not in first.decisions
    assert game.state is not first and game.state.facts is not first.facts


def test_a_log_must_begin_with_session_started(game):
    with pytest.raises(LogError, match="must begin with session_started"):
        replay(game.events[1:])
    with pytest.raises(LogError, match="second time"):
        extend(game.state, game.events[:1])


def test_state_replayed_from_log_matches_memory(game):
    game.do(record_decision, "DP-1", "arv_government", "hold", "Wait.")
    assert replay(game.events) == game.state
    assert game.state.event_count == len(game.events)


def test_observations_fold_one_by_one_as_in_one_go(game) -> None:
    """Observations folded one by one and all at once give the same state."""
    for n in range(5):
        game.do(note, "strength", f"Seen {n}.")
    one_by_one = replay(game.events[:1])
    for event in game.events[1:]:
        one_by_one = extend(one_by_one, [event])
    whole = replay(game.events)
    assert whole == one_by_one == game.state
    assert whole.last_at == game.events[-1].at
    assert whole.event_count == len(game.events)
    assert whole.observation_count == 5
    notes = [e.text for e in game.events if isinstance(e, ObservationNoted)]
    assert notes == [f"Seen {n}." for n in range(5)]


def test_a_second_start_is_named_by_its_number(game) -> None:
    """The event that starts the session again is named, wherever it is."""
    start = game.events[0]
    with pytest.raises(LogError, match="event 2 starts the session a second time"):
        replay([start, start])
    later = [*game.events, start]
    with pytest.raises(LogError, match=f"event {len(later)} starts the session a second time"):
        replay(later)

"""The fold copies a few state records field by field (faster than dataclasses.replace):
a field added to one of them must be added to those copies too, and this test says so."""

from __future__ import annotations

from dataclasses import fields

import pytest

from tabletop.engine import LogError, extend, note, replay
from tabletop.engine.fold import _LOGGED, _RULES
from tabletop.engine.state import Decision, ObligationState, OpenDecision, SessionState


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def test_records_copied_by_hand_have_the_fields_the_fold_copies() -> None:
    """See _recorded, _amended and _met in engine/fold.py."""
    assert _names(Decision) == (
        "decision_point",
        "role",
        "actor",
        "option",
        "action",
        "rationale",
        "verdict",
        "overridden",
        "justification",
        "scenario_time",
        "at",
        "seq",
        "amendments",
    )
    assert _names(OpenDecision) == (
        "decision_point",
        "deciders",
        "waiting",
        "opened_at",
        "because",
    )
    assert _names(ObligationState) == (
        "id",
        "due",
        "actor",
        "decision_point",
        "role",
        "created_at",
        "seq",
        "met",
    )


def test_inlined_log_rules_name_logs_of_the_state() -> None:
    """Events folded inline by appending (Builder.apply_all) go to logs the state has,
    and their rules do nothing else."""
    logs = {f.name for f in fields(SessionState) if f.name in set(_LOGGED.values())}
    assert logs == set(_LOGGED.values())
    for kind, name in _LOGGED.items():
        rule = _RULES[kind]
        assert rule.__code__.co_names == ("add",), kind
        assert name in rule.__code__.co_consts, kind


def test_runs_of_logged_events_fold_like_single_events(game) -> None:
    """Observations folded in runs (the fast way) and one by one give the same state."""
    for n in range(5):
        game.do(note, "strength", f"Seen {n}.")
    one_by_one = replay(None, game.events[:1])
    for event in game.events[1:]:
        one_by_one = extend(one_by_one, [event])
    whole = replay(None, game.events)
    assert whole == one_by_one == game.state
    assert whole.last_at == game.events[-1].at
    assert whole.event_count == len(game.events)
    assert [o.text for o in whole.observations][-5:] == [f"Seen {n}." for n in range(5)]


def test_a_second_start_is_named_by_its_number(game) -> None:
    """The event that starts the session again is named, wherever it is."""
    start = game.events[0]
    with pytest.raises(LogError, match="event 2 starts the session a second time"):
        replay(None, [start, start])
    later = [*game.events, start]
    with pytest.raises(LogError, match=f"event {len(later)} starts the session a second time"):
        replay(None, later)

"""Obligations with time: due when created + the hours allowed; open, met, late or met late
as the scenario clock moves; the same after a replay and from a snapshot."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from enginegame import MemorySession, run_steps, start_memory_session

from tabletop.engine import (
    adjudicate,
    advance_clock,
    end_session,
    extend,
    pause_clock,
    record_decision,
    replay,
)
from tabletop.engine.deadlines import (
    due_at,
    late_obligations,
    overdue_words,
    owed_late_first,
    status_in,
)
from tabletop.engine.snapshot import decode_state, encode_state
from tabletop.engine.state import SessionState
from tabletop.mandates.wording import deadline_words
from tabletop.model.effects import SetFact
from tabletop.model.script import Playthrough
from tabletop.packs import LoadedPack

DEPLOYED = datetime(2030, 1, 1, 8, 0)


@pytest.fixture
def game(deadlines: LoadedPack, clock) -> MemorySession:
    """A game of the deadline pack with DP-1 decided: the force is deployed at 08:00 and
    owes the Council at once, the members within 24 hours, the host a review (no deadline)."""
    game = start_memory_session(deadlines, clock, "deadlines-test-0001")
    outcome = game.do(record_decision, "DP-1", "lead", "deploy", "Land asked.")
    assert isinstance(outcome, list), outcome
    return game


def statuses(state: SessionState) -> dict[str, str]:
    return {ob.due.obligation: status_in(state, ob) for ob in state.obligations.values()}


def rule(game: MemorySession, fact: str) -> None:
    outcome = game.do(adjudicate, f"{fact} now.", [SetFact(fact=fact, set=True)])
    assert isinstance(outcome, list), outcome


def advance(game: MemorySession, **kw) -> None:
    outcome = game.do(advance_clock, **kw)
    assert isinstance(outcome, list), outcome


def test_a_deadline_comes_from_the_instrument_and_the_decisions_time(game):
    obs = {ob.due.obligation: ob for ob in game.state.obligations.values()}
    assert obs["inform-council"].due.within_hours == 0
    assert "at once" in (obs["inform-council"].due.deadline_note or "")
    assert due_at(obs["inform-council"]) == DEPLOYED
    assert due_at(obs["report-members"]) == DEPLOYED + timedelta(hours=24)
    assert due_at(obs["review-with-host"]) is None
    assert statuses(game.state) == {
        "inform-council": "open",
        "report-members": "open",
        "review-with-host": "open",
    }


def test_at_once_is_on_time_at_the_same_scenario_time_and_late_once_the_clock_moves(game):
    advance(game, by=timedelta(minutes=1))
    assert statuses(game.state)["inform-council"] == "late"
    assert statuses(game.state)["report-members"] == "open"
    assert [ob.due.obligation for ob in late_obligations(game.state)] == ["inform-council"]


def test_met_at_once_is_met(game):
    rule(game, "council_informed")  # same scenario minute as the deployment
    assert statuses(game.state)["inform-council"] == "met"
    advance(game, by=timedelta(days=3))
    assert statuses(game.state)["inform-council"] == "met"  # the clock no longer matters


def test_open_becomes_late_when_the_clock_passes_its_due_time_without_an_event(game):
    advance(game, to=DEPLOYED + timedelta(hours=24))
    assert statuses(game.state)["report-members"] == "open"  # due now, not yet past it
    events_before = len(game.events)
    advance(game, by=timedelta(minutes=1))
    assert statuses(game.state)["report-members"] == "late"
    # Only the clock moved: lateness is read off the clock, never logged.
    assert {e.type for e in game.events[events_before:]} == {"clock_advanced"}


def test_met_before_its_due_time_is_met_and_after_it_met_late(game):
    advance(game, to=datetime(2030, 1, 1, 12, 0))  # INJ-2 opens DP-2
    outcome = game.do(record_decision, "DP-2", "lead", "report", "Tell the members.")
    assert isinstance(outcome, list) and any(e.type == "obligation_met" for e in outcome)
    assert statuses(game.state)["report-members"] == "met"
    assert statuses(game.state)["inform-council"] == "late"  # four hours on, still owed
    rule(game, "council_informed")
    assert statuses(game.state)["inform-council"] == "met_late"
    assert not late_obligations(game.state)


def test_met_by_a_later_decision_after_its_due_time_is_met_late(game):
    advance(game, to=datetime(2030, 1, 2, 12, 0))  # INJ-3 opens DP-3, 28 h after deploying
    assert statuses(game.state)["report-members"] == "late"
    outcome = game.do(record_decision, "DP-3", "lead", "report", "At last.")
    assert isinstance(outcome, list)
    assert statuses(game.state)["report-members"] == "met_late"


def test_no_deadline_is_never_late(game):
    advance(game, by=timedelta(days=300))
    assert statuses(game.state)["review-with-host"] == "open"
    rule(game, "reviewed")
    assert statuses(game.state)["review-with-host"] == "met"


def test_a_paused_clock_does_not_make_anything_late(game):
    assert isinstance(game.do(pause_clock, "Coffee."), list)
    rule(game, "members_told")
    assert statuses(game.state)["inform-council"] == "open"


def test_late_first_then_in_the_order_they_arose(game):
    ids = [ob.due.obligation for ob in owed_late_first(game.state)]
    assert ids == ["inform-council", "report-members", "review-with-host"]
    advance(game, by=timedelta(hours=30))
    ids = [ob.due.obligation for ob in owed_late_first(game.state)]
    assert ids == ["inform-council", "report-members", "review-with-host"]
    rule(game, "council_informed")
    ids = [ob.due.obligation for ob in owed_late_first(game.state)]
    assert ids == ["report-members", "review-with-host"]


def test_an_ended_game_keeps_the_statuses_it_ended_with(game):
    advance(game, by=timedelta(hours=2))
    assert isinstance(game.do(end_session), list)
    assert statuses(game.state) == {
        "inform-council": "late",
        "report-members": "open",
        "review-with-host": "open",
    }


def test_replay_and_a_snapshot_give_the_same_statuses(game):
    advance(game, to=datetime(2030, 1, 1, 12, 0))
    assert isinstance(game.do(record_decision, "DP-2", "lead", "notify", "Late."), list)
    advance(game, by=timedelta(hours=30))
    expected = {
        "inform-council": "met_late",
        "report-members": "late",
        "review-with-host": "open",
    }
    assert statuses(game.state) == expected
    replayed = replay(game.events)
    assert replayed == game.state and statuses(replayed) == expected
    restored = decode_state(encode_state(game.state))
    assert restored == game.state and statuses(restored) == expected
    # Half the log from a snapshot, the rest folded on: the same again.
    half = len(game.events) // 2
    resumed = extend(decode_state(encode_state(replay(game.events[:half]))), game.events[half:])
    assert statuses(resumed) == expected


@pytest.mark.parametrize(
    ("hours", "words"),
    [(None, "no deadline"), (0, "at once"), (1, "within 1 hour"), (24, "within 24 hours")],
)
def test_deadline_words(hours, words):
    assert deadline_words(hours) == words


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (0, "0 min"),
        (5, "5 min"),
        (200, "3 h 20 min"),
        (60 * 52, "2 days 4 h"),
        (1441, "1 day 1 min"),
    ],
)
def test_overdue_words(minutes, words):
    assert overdue_words(DEPLOYED, DEPLOYED + timedelta(minutes=minutes)) == words


SCRIPT = Path(__file__).resolve().parents[1] / "data" / "deadline-playthrough.json"


def test_the_deadline_script_passes(deadlines, clock):
    game = start_memory_session(deadlines, clock, "deadlines-script-0001")
    script = Playthrough.model_validate_json(SCRIPT.read_text("utf-8"))
    done = list(run_steps(script, game))
    assert [(r.number, r.ok) for r in done] == [(n, True) for n in range(1, 7)]
    # The script's expectations are the statuses the engine gives.
    assert statuses(game.state) == {
        "inform-council": "met_late",
        "report-members": "met",
        "review-with-host": "open",
    }


def _expect(game: MemorySession, **expect) -> list[str]:
    doc = {
        "facilitator": "F",
        "exercise": "E",
        "steps": [{"advance": {"by_minutes": 0}, "expect": expect}],
    }
    (report,) = run_steps(Playthrough.model_validate_json(json.dumps(doc)), game)
    return [str(m) for m in report.mismatches]


def test_a_late_expectation_fails_and_says_where_the_obligation_stands(game):
    assert _expect(game, obligations_late=["inform-council"]) == [
        "expected obligations_late inform-council, but it is open and not yet late: "
        "due 2030-01-01 08:00"
    ]
    assert _expect(game, obligations_late=["review-with-host"]) == [
        "expected obligations_late review-with-host, but it has no deadline"
    ]
    assert _expect(game, obligations_late=["no-such-thing"]) == [
        "expected obligations_late no-such-thing, but no such obligation has arisen"
    ]
    advance(game, by=timedelta(hours=1))
    assert _expect(game, obligations_late=["inform-council"]) == []
    assert _expect(game, obligations_not_late=["inform-council"]) == [
        "expected obligations_not_late inform-council, but it is late: due 2030-01-01 08:00, "
        "the clock reads 2030-01-01 09:00"
    ]
    rule(game, "council_informed")
    assert _expect(game, obligations_not_late=["inform-council"]) == [
        "expected obligations_not_late inform-council, but it was met late: "
        "due 2030-01-01 08:00, met 2030-01-01 09:00"
    ]
    rule(game, "members_told")
    assert _expect(game, obligations_late=["report-members"]) == [
        "expected obligations_late report-members, but it was met on time: "
        "due 2030-01-02 08:00, met 2030-01-01 09:00"
    ]

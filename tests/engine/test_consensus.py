"""Consensus decisions played by script: agreement, a block with no decision, a block with
the pack's fallback; and what a choice towards a consensus does (nothing, until the last)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from enginegame import MemorySession, run_steps, start_memory_session

from tabletop.engine import record_decision, replay
from tabletop.engine.snapshot import decode_state, encode_state
from tabletop.model.events import ConsensusConcluded, DecisionRecorded
from tabletop.model.script import Playthrough
from tabletop.packs import LoadedPack, open_pack

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def council() -> LoadedPack:
    return open_pack(DATA / "consensus-pack.json")


@pytest.fixture
def game(council: LoadedPack, clock) -> MemorySession:
    return start_memory_session(council, clock, "consensus-test-0001")


def no_decision(loaded: LoadedPack) -> LoadedPack:
    """The council pack with 'no_decision' instead of the fallback."""
    dp = loaded.pack.decision_points[0]
    rule = dp.consensus.model_copy(update={"otherwise": "no_decision"})
    dps = (dp.model_copy(update={"consensus": rule}),)
    return replace(loaded, pack=loaded.pack.model_copy(update={"decision_points": dps}))


def decide(role: str, option: str, **expect: object) -> dict:
    step: dict = {"decide": {"decision": "DP-1", "role": role, "option": option, "rationale": "R."}}
    if expect:
        step["expect"] = expect
    return step


def play(game: MemorySession, *steps: dict) -> list:
    doc = {"facilitator": "F", "exercise": "E", "steps": list(steps)}
    done = list(run_steps(Playthrough.model_validate_json(json.dumps(doc)), game))
    for report in done:
        assert report.ok, report
    return done


def test_choices_take_no_effect_until_the_last_then_the_agreed_option_once(game):
    play(
        game,
        decide(
            "land",
            "help",
            facts={"help_sent": False, "crisis": True},
            not_delivered=["INJ-2"],
            consensus={"DP-1": {"outcome": "pending", "waiting_for": ["north", "south"]}},
        ),
        decide("north", "help", facts={"help_sent": False}),
        decide(
            "south",
            "help",
            facts={"help_sent": True, "crisis": False, "talks": False},
            released=["INJ-2"],
            closed=["DP-1"],
            obligations_open=["DP-1/land/TREATY/help/report"],
            consensus={"DP-1": {"outcome": "agreed", "option": "help", "blocked_by": []}},
        ),
    )
    events = game.events
    held = [e for e in events if isinstance(e, DecisionRecorded)]
    assert [e.consensus for e in held] == [True, True, True]
    assert all(e.changes == () for e in held)
    (done,) = [e for e in events if isinstance(e, ConsensusConcluded)]
    assert done.agreed == ("land", "north", "south") and done.blocked == ()
    assert [c.fact for c in done.changes] == ["crisis", "help_sent"]
    state = replay(events)
    # Each agreeing decider owes what its verdict says, from the moment it took effect.
    assert sorted(state.owed) == [
        f"DP-1/{r}/TREATY/help/report" for r in ("land", "north", "south")
    ]
    assert state.source_of("help_sent").role is None
    assert state.consensus["DP-1"] == done


def test_one_member_blocks_and_the_fallback_takes_effect(game):
    play(
        game,
        decide("land", "help"),
        decide("north", "help"),
        decide(
            "south",
            "wait",
            facts={"help_sent": False, "crisis": True, "talks": True},
            released=["INJ-4"],
            not_delivered=["INJ-2"],
            consensus={"DP-1": {"outcome": "fallback", "option": "talk", "blocked_by": ["south"]}},
        ),
    )
    (done,) = [e for e in game.events if isinstance(e, ConsensusConcluded)]
    assert (done.leading, done.agreed, done.blocked) == ("help", ("land", "north"), ("south",))
    assert replay(game.events).owed == {}  # the fallback is chosen by nobody: nothing owed


def test_a_block_with_no_decision_closes_the_decision_with_no_effect(council, clock):
    game = start_memory_session(no_decision(council), clock, "consensus-test-0002")
    play(
        game,
        decide("land", "talk"),
        decide("north", "help"),
        decide(
            "south",
            "wait",
            facts={"help_sent": False, "talks": False, "crisis": True},
            not_delivered=["INJ-2", "INJ-4"],
            closed=["DP-1"],
            consensus={"DP-1": {"outcome": "no_decision", "blocked_by": ["land", "south"]}},
        ),
    )
    (done,) = [e for e in game.events if isinstance(e, ConsensusConcluded)]
    # Three different choices: the first in the pack's order leads on the tie.
    assert (done.option, done.leading, done.agreed) == (None, "help", ("north",))
    assert done.changes == ()


def run(game: MemorySession, *steps: dict) -> list:
    doc = {"facilitator": "F", "exercise": "E", "steps": list(steps)}
    return list(run_steps(Playthrough.model_validate_json(json.dumps(doc)), game))


def test_a_wrong_expectation_of_the_outcome_fails_and_says_what_happened(game):
    (early,) = run(game, decide("land", "help", consensus={"DP-1": {"outcome": "agreed"}}))
    assert not early.ok and "it is still pending" in str(early.mismatches[0])
    wrong = {"outcome": "agreed", "option": "help", "blocked_by": []}
    done = run(game, decide("north", "help"), decide("south", "wait", consensus={"DP-1": wrong}))
    assert [r.ok for r in done] == [True, False]
    words = " ".join(str(m) for m in done[1].mismatches)
    assert "it concluded fallback" in words
    assert "'talk' took effect" in words
    assert "blocked by south" in words


def test_a_rejected_proposal_does_not_count_and_the_role_still_has_to_choose(game):
    play(
        game,
        decide("land", "help"),
        decide("north", "help"),
        {
            "reject": {"decision": "DP-1", "role": "south", "option": "surge"},
            "expect": {"verdict": "outside_mandate", "consensus": {"DP-1": {"outcome": "pending"}}},
        },
        decide("south", "help", consensus={"DP-1": {"outcome": "agreed", "option": "help"}}),
    )


def test_an_overridden_choice_counts_as_that_choice(game):
    step = decide("south", "surge", verdict="outside_mandate")
    step["decide"]["override"] = "Play the split council."
    play(
        game,
        decide("land", "help"),
        decide("north", "help"),
        {
            **step,
            "expect": {"consensus": {"DP-1": {"outcome": "fallback", "blocked_by": ["south"]}}},
        },
    )


def test_a_role_cannot_choose_twice_and_the_consensus_concludes_once(game, refused):
    play(game, decide("land", "help"), decide("north", "help"), decide("south", "help"))
    again = game.do(record_decision, "DP-1", "south", "wait", "R.")
    assert refused(again).code == "decided"
    assert sum(isinstance(e, ConsensusConcluded) for e in game.events) == 1


def test_a_snapshot_keeps_how_the_consensus_concluded(game):
    play(game, decide("land", "help"), decide("north", "help"), decide("south", "wait"))
    again = decode_state(encode_state(game.state))
    assert again.consensus == game.state.consensus

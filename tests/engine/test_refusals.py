"""Refusals: commands that are not carried out say why and change nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from tabletop.engine import (
    advance_clock,
    amend_decision,
    assign_role,
    end_session,
    note,
    record_decision,
    reject_decision,
)


def day_two(game):
    game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold the line.")
    game.do(advance_clock, to=datetime(2031, 3, 2, 12, 0))


def test_outside_mandate_without_override_is_refused_and_changes_nothing(game, refused):
    day_two(game)
    before, logged = game.state, len(game.events)
    refusal = refused(game.do(record_decision, "DP-3", "ncp_secretariat", "deploy", "Go in."))
    assert refusal.code == "outside-mandate"
    assert refusal.message.startswith("outside mandate: ")
    assert "override with a justification or record it as rejected" in refusal.message
    assert refusal.verdict is not None and refusal.verdict.kind == "outside_mandate"
    assert game.state is before and len(game.events) == logged


@pytest.mark.parametrize("justification", ["", "   \n"])
def test_override_without_justification_is_refused(game, refused, justification):
    day_two(game)
    logged = len(game.events)
    refusal = refused(
        game.do(
            record_decision,
            "DP-3",
            "ncp_secretariat",
            "deploy",
            "Go in.",
            justification=justification,
        )
    )
    assert refusal.code == "no-justification"
    assert "justification" in refusal.message
    assert len(game.events) == logged


def test_override_with_justification_is_logged_before_the_decision(game, ok):
    day_two(game)
    events = ok(
        game.do(
            record_decision,
            "DP-3",
            "ncp_secretariat",
            "deploy",
            "Go in.",
            justification="Explore the escalation branch.",
        )
    )
    assert [e.type for e in events[:2]] == ["mandate_overridden", "decision_recorded"]
    assert events[0].verdict.kind == "outside_mandate"
    assert events[1].overridden is True
    decision = game.state.decisions[("DP-3", "ncp_secretariat")]
    assert decision.overridden and decision.justification == "Explore the escalation branch."
    assert game.state.facts["deployed_in"] == {"ARV"}


def test_a_justification_is_not_needed_within_mandate(game, ok):
    events = ok(
        game.do(record_decision, "DP-1", "arv_government", "hold", "Wait.", justification="x")
    )
    assert next(e.type for e in events) == "decision_recorded"
    assert events[0].overridden is False


@pytest.mark.parametrize(
    ("dp", "role", "option", "code", "words"),
    [
        ("DP-9", "arv_government", "hold", "unknown-decision", "no decision point 'DP-9'"),
        ("DP-1", "ncp_secretariat", "hold", "not-asked", "is not asked at DP-1"),
        ("DP-1", "arv_government", "nap", "unknown-option", "options: reinforce, hold"),
        ("DP-2", "arv_government", "ask-compact", "not-open", "has not been opened"),
    ],
)
def test_choices_that_cannot_be_made(game, refused, dp, role, option, code, words):
    refusal = refused(game.do(record_decision, dp, role, option, "Because."))
    assert refusal.code == code
    assert words in refusal.message


def test_an_option_for_other_roles_is_refused(game, refused):
    day_two(game)
    refusal = refused(game.do(record_decision, "DP-3", "blk_defence", "deploy", "Us too."))
    assert refusal.code == "not-offered"


def test_a_role_decides_once(game, ok, refused):
    ok(game.do(record_decision, "DP-1", "arv_government", "hold", "Wait."))
    refusal = refused(game.do(record_decision, "DP-1", "arv_government", "reinforce", "No."))
    assert refusal.code == "decided"
    assert "amendment" in refusal.message


def test_a_rationale_is_needed_where_the_pack_asks_for_one(game, refused):
    refusal = refused(game.do(record_decision, "DP-1", "arv_government", "hold", "  "))
    assert refusal.code == "no-rationale"


def test_rejecting_needs_a_choice_outside_mandate(game, ok, refused):
    refusal = refused(game.do(reject_decision, "DP-1", "arv_government", "hold"))
    assert refusal.code == "within-mandate"
    day_two(game)
    events = ok(game.do(reject_decision, "DP-3", "ncp_secretariat", "deploy", "No request."))
    assert [e.type for e in events] == ["decision_rejected"]
    assert "DP-3" in game.state.open_decisions
    assert events[0].note == "No request."


def test_amendments_correct_the_rationale_only(game, ok, refused):
    assert refused(game.do(amend_decision, "DP-1", "arv_government", "x", "y")).code == (
        "not-decided"
    )
    ok(game.do(record_decision, "DP-1", "arv_government", "hold", "Wait."))
    assert refused(game.do(amend_decision, "DP-1", "arv_government", "x", " ")).code == (
        "no-reason"
    )
    ok(game.do(amend_decision, "DP-1", "arv_government", "Wait for facts.", "Typo."))
    decision = game.state.decisions[("DP-1", "arv_government")]
    assert decision.rationale == "Wait for facts." and decision.option == "hold"
    assert [a.reason for a in decision.amendments] == ["Typo."]


def test_after_the_end_only_evaluation_is_logged(game, ok, refused):
    ok(game.do(end_session, "Done."))
    for outcome in (
        game.do(record_decision, "DP-1", "arv_government", "hold", "Wait."),
        game.do(advance_clock, to=datetime(2031, 3, 2)),
        game.do(assign_role, "arv_government", "Late comer"),
        game.do(end_session),
    ):
        assert refused(outcome).code == "ended"
    noted = ok(game.do(note, "strength", "Calm under pressure.", objective="OBJ-1", rating="P"))
    assert noted[0].rating == "P" and game.state.observation_count == 1


def test_unknown_names_in_evaluation_are_refused(game, refused):
    assert refused(game.do(note, "strength", "x", objective="OBJ-9")).code == "unknown-objective"
    assert refused(game.do(note, "opinion", "x")).code == "bad-kind"
    assert refused(game.do(assign_role, "king", "Bob")).code == "unknown-role"

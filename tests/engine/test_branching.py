"""Branching on the example pack: different options lead to different injects and facts."""

from __future__ import annotations

from datetime import datetime, timedelta

from tabletop.engine import advance_clock, record_decision


def play_to_day_two(game, option: str) -> None:
    game.do(record_decision, "DP-1", "arv_government", option, "The cabinet's view.")
    game.do(advance_clock, to=datetime(2031, 3, 2, 12, 0))


def test_reinforcing_releases_the_quiet_branch(game, ok):
    events = ok(game.do(record_decision, "DP-1", "arv_government", "reinforce", "Hold it."))
    recorded = events[0]
    assert recorded.type == "decision_recorded"
    assert [(c.fact, c.before, c.after) for c in recorded.changes] == [
        ("border_reinforced", False, True)
    ]
    assert [e.inject for e in events if e.type == "inject_released"] == ["INJ-02A"]
    game.do(advance_clock, to=datetime(2031, 3, 2, 12, 0))
    state = game.state
    assert {"INJ-02A", "INJ-04"} <= state.delivered_ids
    assert not {"INJ-02B", "INJ-03"} & state.delivered_ids
    assert state.facts["unrest_level"] == "tense"
    assert state.facts["border_reinforced"] is True
    assert "DP-2" not in state.opened
    assert list(state.open_decisions) == ["DP-3"]


def test_holding_back_escalates_and_opens_the_request_decision(game):
    play_to_day_two(game, "hold")
    state = game.state
    assert {"INJ-02B", "INJ-03", "INJ-04"} <= state.delivered_ids
    assert "INJ-02A" not in state.delivered_ids
    assert state.facts["unrest_level"] == "violent"
    assert state.facts["border_incidents"] == 3
    assert state.facts["border_reinforced"] is False
    assert state.facts["insurgent_claim"] == "The Front declares a liberated zone."
    assert list(state.open_decisions) == ["DP-2", "DP-3"]
    triggered = next(d for d in state.delivered if d.inject == "INJ-03")
    assert triggered.how == "triggered"
    assert triggered.scenario_time == datetime(2031, 3, 2, 9, 0)


def test_the_two_requests_lead_to_different_follow_ons(begin, ok):
    outcomes = {}
    for option in ("ask-compact", "ask-belosk"):
        game = begin()
        play_to_day_two(game, "hold")
        ok(game.do(record_decision, "DP-2", "arv_government", option))
        game.do(advance_clock, by=timedelta(hours=1))
        outcomes[option] = game.state
    compact, belosk = outcomes["ask-compact"], outcomes["ask-belosk"]
    assert compact.facts["requests"] == {("ARV", "NCP")}
    assert belosk.facts["requests"] == {("ARV", "BLK")}
    assert "INJ-05" in compact.delivered_ids and "INJ-06" not in compact.delivered_ids
    assert "INJ-06" in belosk.delivered_ids and "INJ-05" not in belosk.delivered_ids


def test_the_request_decides_which_help_is_within_mandate(begin, ok, refused):
    game = begin()
    play_to_day_two(game, "hold")
    ok(game.do(record_decision, "DP-2", "arv_government", "ask-belosk"))
    events = ok(game.do(record_decision, "DP-3", "blk_defence", "battalion", "Help the ally."))
    assert events[0].verdict.kind == "permitted_with_obligations"
    no_request = refused(game.do(record_decision, "DP-3", "ncp_secretariat", "deploy", "Go."))
    assert no_request.code == "outside-mandate"

    game = begin()
    play_to_day_two(game, "hold")
    ok(game.do(record_decision, "DP-2", "arv_government", "ask-compact"))
    events = ok(game.do(record_decision, "DP-3", "ncp_secretariat", "deploy", "Asked."))
    assert events[0].verdict.kind == "permitted_with_obligations"
    assert refused(game.do(record_decision, "DP-3", "blk_defence", "battalion", "Help.")).verdict


def test_a_decision_point_closes_when_every_decider_has_chosen(begin, ok):
    game = begin()
    play_to_day_two(game, "reinforce")
    ok(game.do(record_decision, "DP-3", "blk_defence", "consult", "Talk first."))
    assert game.state.open_decisions["DP-3"].waiting == ("ncp_secretariat",)
    ok(game.do(record_decision, "DP-3", "ncp_secretariat", "consult", "Talk first."))
    assert "DP-3" in game.state.closed_decisions
    assert "DP-3" not in game.state.open_decisions

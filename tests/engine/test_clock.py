"""The scenario clock: advancing in time order, pauses that neither shift nor drop injects."""

from __future__ import annotations

from datetime import datetime, timedelta

from tabletop.engine import (
    advance_clock,
    deliver_inject,
    pause_clock,
    record_decision,
    resume_clock,
)

T = datetime


def test_advancing_delivers_in_time_order_and_starts_phases(game, ok):
    ok(game.do(record_decision, "DP-1", "arv_government", "hold", "Wait."))
    events = ok(game.do(advance_clock, to=T(2031, 3, 2, 12, 0)))
    timeline = [
        (e.type, getattr(e, "inject", None) or getattr(e, "phase", None), e.scenario_time)
        for e in events
        if e.type in ("inject_delivered", "phase_started")
    ]
    assert timeline == [
        ("inject_delivered", "INJ-02B", T(2031, 3, 1, 16, 0)),
        ("phase_started", "move-2", T(2031, 3, 2, 8, 0)),
        ("inject_delivered", "INJ-03", T(2031, 3, 2, 9, 0)),
        ("inject_delivered", "INJ-04", T(2031, 3, 2, 12, 0)),
    ]
    clock_moves = [e.scenario_time for e in events if e.type == "clock_advanced"]
    assert clock_moves == sorted(clock_moves)
    assert game.state.clock.time == T(2031, 3, 2, 12, 0)
    assert game.state.phases == ["move-1", "move-2"]


def test_every_scheduled_inject_due_is_delivered(game, ok):
    ok(game.do(advance_clock, by=timedelta(days=5)))
    scheduled = {i.id for i in game.pack.injects if i.release == "scheduled"}
    assert scheduled <= game.state.delivered_ids
    assert game.state.phases == ["move-1", "move-2", "move-3"]


def test_the_clock_only_runs_forward(game, ok, refused):
    ok(game.do(advance_clock, by=timedelta(hours=2)))
    refusal = refused(game.do(advance_clock, to=T(2031, 3, 1, 9, 0)))
    assert refusal.code == "backwards"
    assert refused(game.do(advance_clock)).code == "bad-input"
    ok(game.do(advance_clock, by=timedelta(0)))


def test_while_paused_the_clock_cannot_be_advanced(game, ok, refused):
    ok(game.do(pause_clock, "Lunch"))
    assert not game.state.clock.running
    assert refused(game.do(advance_clock, by=timedelta(hours=1))).code == "paused"
    assert refused(game.do(pause_clock)).code == "paused"
    ok(game.do(resume_clock))
    assert refused(game.do(resume_clock)).code == "running"


def test_injects_falling_due_during_a_pause_wait_for_the_first_advance(game, ok):
    ok(game.do(advance_clock, to=T(2031, 3, 1, 17, 0)))
    ok(game.do(pause_clock, "Break"))
    # INJ-02B's time (16:00) has passed: in a running game it would arrive at once.
    events = ok(game.do(record_decision, "DP-1", "arv_government", "hold", "Wait."))
    released = [e for e in events if e.type == "inject_released"]
    assert [(e.inject, e.due) for e in released] == [("INJ-02B", T(2031, 3, 1, 17, 0))]
    assert "INJ-02B" not in game.state.delivered_ids
    resumed = ok(game.do(resume_clock))
    assert [e.type for e in resumed] == ["clock_resumed"]
    assert "INJ-02B" in game.state.pending
    events = ok(game.do(advance_clock, by=timedelta(days=1)))
    delivered = [(e.inject, e.how, e.scenario_time) for e in events if e.type == "inject_delivered"]
    assert delivered[0] == ("INJ-02B", "follow_on", T(2031, 3, 1, 17, 0))
    assert [d[0] for d in delivered] == ["INJ-02B", "INJ-03", "INJ-04"]
    assert game.state.pending == {}


def test_a_pause_does_not_shift_the_timeline(game, ok):
    ok(game.do(pause_clock))
    ok(game.do(resume_clock))
    ok(game.do(advance_clock, to=T(2031, 3, 2, 13, 0)))
    delivery = next(d for d in game.state.delivered if d.inject == "INJ-04")
    assert delivery.scenario_time == T(2031, 3, 2, 12, 0)


def test_an_inject_delivered_out_of_the_timeline_is_not_delivered_again(game, ok, refused):
    events = ok(game.do(deliver_inject, "INJ-04", "Players asked early."))
    assert [(e.type, getattr(e, "how", None)) for e in events] == [
        ("inject_delivered", "out_of_timeline"),
        ("decision_opened", None),
    ]
    assert events[0].scenario_time == game.pack.meta.scenario_start
    assert "DP-3" in game.state.open_decisions
    later = ok(game.do(advance_clock, by=timedelta(days=1)))
    assert "INJ-04" not in [e.inject for e in later if e.type == "inject_delivered"]
    refusal = refused(game.do(deliver_inject, "INJ-04"))
    assert refusal.code == "delivered" and "already delivered" in refusal.message
    assert refused(game.do(deliver_inject, "INJ-99")).code == "unknown-inject"


def test_out_of_timeline_delivery_of_a_follow_on_and_of_a_condition_inject(game, ok):
    events = ok(game.do(deliver_inject, "INJ-02B"))
    assert game.state.facts["unrest_level"] == "violent"
    # Its effects make DP-2's condition and INJ-03's trigger hold.
    assert "DP-2" in game.state.open_decisions
    assert [e.inject for e in events if e.type == "inject_released"] == ["INJ-03"]
    ok(game.do(deliver_inject, "INJ-03"))
    assert "INJ-03" not in game.state.pending
    events = ok(game.do(record_decision, "DP-1", "arv_government", "hold", "Wait."))
    assert not [e for e in events if e.type == "inject_released"]


def test_out_of_timeline_delivery_is_allowed_while_paused(game, ok):
    ok(game.do(pause_clock))
    ok(game.do(deliver_inject, "INJ-08"))
    assert "INJ-08" in game.state.delivered_ids
    assert "DP-4" in game.state.open_decisions

"""The Situation: where a game stands, in words, for every interface."""

from __future__ import annotations

from datetime import timedelta

from tabletop.app import build_situation
from tabletop.engine import SessionState


def test_facts_are_in_words_and_in_pack_order(game):
    game.decide("DP-1", "arv_government", "hold", "Wait.")
    game.advance(by=timedelta(hours=28))
    game.decide("DP-2", "arv_government", "ask-compact", "")
    s = game.situation()
    assert [f.id for f in s.facts] == [spec.id for spec in game.pack.facts]
    text = "\n".join(f"{f.title}: {f.value}" for f in s.facts)
    assert "frozenset" not in text and "(('" not in text and "True" not in text
    requests = next(f for f in s.facts if f.id == "requests")
    assert "→" in requests.value and requests.changed
    assert requests.initial == "none"


def test_the_clock_seats_and_open_decisions(game):
    s = game.situation()
    assert s.clock.status == "running" and s.clock.time == game.state.clock.time
    seated = {seat.role: seat.participant for seat in s.seats}
    assert seated["arv_government"] == "Maj. Varn"
    assert seated["blk_defence"] is None  # a seat may stay empty
    (dp1,) = s.open_decisions
    assert dp1.id == "DP-1" and dp1.waiting == ("arv_government",)
    assert dp1.deciders[0].participant == "Maj. Varn"
    game.pause("Coffee.")
    assert game.situation().clock.status == "paused"


def test_injects_by_status(game):
    s = game.situation()
    delivered = s.injects_by("delivered")
    assert [i.id for i in delivered] == ["INJ-01"]
    assert s.current_inject is not None and s.current_inject.id == "INJ-01"
    assert s.injects_by("upcoming") and all(i.time > s.clock.time for i in s.injects_by("upcoming"))
    conditional = s.injects_by("conditional")
    assert conditional and all(i.trigger for i in conditional)
    assert {i.id for i in s.injects} == {i.id for i in game.pack.injects}


def test_obligations_say_who_owes_them_and_what_meets_them(game):
    game.decide("DP-1", "arv_government", "hold", "Wait.")
    game.advance(by=timedelta(hours=28))
    game.decide("DP-2", "arv_government", "ask-compact", "")
    game.decide("DP-3", "ncp_secretariat", "deploy", "Asked for.")
    (ob,) = game.situation().obligations
    assert ob.owed_by and ob.text and ob.met_by.startswith(("when", "once"))
    assert ob.decision_point == "DP-3"


def test_the_last_events_are_narrated_with_titles(game):
    game.decide("DP-1", "arv_government", "hold", "Wait and see.")
    lines = game.situation(last=3).last_events
    assert len(lines) == 3 and lines[-1].seq == game.state.event_count
    decision = next(line.text for line in lines if "chose" in line.text)
    role = game.pack.roles[0].title
    assert decision.startswith(role) and "DP-1" in decision


def test_an_empty_state_has_a_situation_too(example):
    s = build_situation(example.pack, SessionState())
    assert s.phase is None and s.event_count == 0 and s.current_inject is None


def test_obligations_say_when_they_are_due_and_the_late_ones_come_first(workspace, deadlines):
    game = workspace.start(deadlines, facilitator="F", exercise="Deadlines")
    game.decide("DP-1", "lead", "deploy", "Land asked.")
    before = game.situation().obligations
    assert [(o.status, o.deadline, o.overdue) for o in before] == [
        ("open", "at once", ""),
        ("open", "within 24 hours", ""),
        ("open", "no deadline", ""),
    ]
    assert before[0].due == before[0].since and before[2].due is None
    game.advance(by=timedelta(hours=26))
    after = game.situation().obligations
    assert [(o.id.split("/")[-1], o.status, o.overdue) for o in after] == [
        ("inform-council", "late", "1 day 2 h"),
        ("report-members", "late", "2 h"),
        ("review-with-host", "open", ""),
    ]
    assert after[0].late and not after[2].late
    assert after[1].deadline_note == "Read as 24 hours by the pack."

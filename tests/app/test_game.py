"""The Game: typed verbs that commit before they return, previews, subscribers, a lock."""

from __future__ import annotations

import threading
from datetime import timedelta

from tabletop.app import Applied, Refusal


def test_a_verb_commits_its_events_before_it_returns(game, workspace):
    before = workspace.store.info(game.id).event_count
    applied = game.decide("DP-1", "arv_government", "hold", "Wait and see.")
    assert isinstance(applied, Applied)
    assert applied.first_seq == before + 1
    assert workspace.store.info(game.id).event_count == before + len(applied.events)
    assert applied.state is game.state
    assert "DP-1" not in {d.id for d in applied.situation.open_decisions}


def test_a_refusal_logs_nothing_and_says_why(game, workspace):
    before = workspace.store.info(game.id).event_count
    refused = game.decide("DP-2", "arv_government", "ask-compact")
    assert isinstance(refused, Refusal) and "not been opened" in refused.message
    assert workspace.store.info(game.id).event_count == before


def test_an_outside_mandate_choice_needs_a_justification(game):
    game.decide("DP-1", "arv_government", "hold", "Wait.")
    game.advance(by=timedelta(hours=28))
    game.decide("DP-2", "arv_government", "ask-compact", "")
    refused = game.decide("DP-3", "blk_defence", "battalion", "Help them.")
    assert isinstance(refused, Refusal) and refused.code == "outside-mandate"
    assert refused.verdict is not None and refused.verdict.kind == "outside_mandate"
    done = game.decide("DP-3", "blk_defence", "battalion", "Help them.", justification="Play on.")
    assert isinstance(done, Applied)
    assert game.state.decisions[("DP-3", "blk_defence")].overridden


def test_preview_gives_every_offered_option_its_verdict_on_the_facts_now(game):
    previews = game.preview("DP-1", "arv_government")
    assert [p.option.id for p in previews] == [o.id for o in game.pack.decision_points[0].options]
    assert all(p.verdict is not None and p.verdict.role == "arv_government" for p in previews)
    assert game.preview("DP-404", "arv_government") == ()


def test_subscribers_see_each_change_and_can_leave(game):
    seen: list[Applied] = []
    leave = game.subscribe(seen.append)
    game.note("strength", "Quick legal advice.")
    assert len(seen) == 1 and seen[0].events[0].type == "observation_noted"
    leave()
    game.note("strength", "Again.")
    assert len(seen) == 1


def test_a_broken_subscriber_does_not_break_the_game(game):
    def broken(_applied: Applied) -> None:
        raise RuntimeError("a view that fails")

    game.subscribe(broken)
    assert isinstance(game.note("strength", "Still recorded."), Applied)


def test_commands_from_many_threads_are_serialised(game, workspace):
    def take_notes(k: int) -> None:
        for n in range(15):
            result = game.note("area_for_improvement", f"Thread {k}, note {n}.")
            assert isinstance(result, Applied)

    threads = [threading.Thread(target=take_notes, args=(k,)) for k in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert game.state.observation_count == 90
    report = workspace.verify(game.id).chain
    assert report.ok and report.events == game.state.event_count
    assert workspace.open(game.id).state == game.state


def test_advance_to_next_moves_to_the_next_thing_on_the_timeline(game):
    start = game.state.clock.time
    applied = game.advance_to_next()
    assert isinstance(applied, Applied)
    assert game.state.clock.time > start
    assert any(e.type in ("inject_delivered", "phase_started") for e in applied.events)
    while isinstance(game.advance_to_next(), Applied):
        pass
    last = game.advance_to_next()
    assert isinstance(last, Refusal) and last.code == "nothing-due"

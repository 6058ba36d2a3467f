"""Reasons traced to the game, at the application layer: a decision's recorded verdict says
where the facts it relies on came from; the preview and its explanation say it too; a
player's seat hears it only where it may know; an older snapshot is rebuilt, never
believed; and a log from before the traces still verifies."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from roomgame import texts

from tabletop.app import Room
from tabletop.app.explain import explain_verdict
from tabletop.app.seat_boards import HIDDEN_ORIGIN, player_board
from tabletop.engine import replay
from tabletop.engine.snapshot import encode_state
from tabletop.hashchain.chain import canonical, chain, read_events, verify_chain
from tabletop.model import events as ev
from tabletop.store import session_log, snapshot_state

FRAMED = "as framed by the Government of Arvenia at DP-2 (Ask the Northern Compact)"
REQUESTS = f"Requests for assistance: Arvenia → the Compact — {FRAMED}"


def _to_dp3(game) -> None:
    """Arvenia holds at DP-1, asks the Compact at DP-2, and DP-3 opens."""
    assert game.decide("DP-1", "arv_government", "hold", "Wait and see.").events
    assert game.advance(to=datetime(2031, 3, 1, 16, 0)).events
    assert game.decide("DP-2", "arv_government", "ask-compact", "Ask.").events
    assert game.advance(to=datetime(2031, 3, 2, 12, 0)).events
    assert "DP-3" in game.state.open_decisions


def _deploy_preview(game):
    return next(p for p in game.preview("DP-3", "ncp_secretariat") if p.option.id == "deploy")


def test_the_recorded_verdict_says_where_its_facts_came_from(game):
    _to_dp3(game)
    applied = game.decide("DP-3", "ncp_secretariat", "deploy", "The letter is in hand.")
    (recorded,) = [e for e in applied.events if isinstance(e, ev.DecisionRecorded)]
    (trace,) = [t for t in recorded.verdict.relies_on or () if t.fact == "requests"]
    assert (trace.origin, trace.ref, trace.by, trace.text) == (
        "decision",
        "DP-2",
        "Government of Arvenia",
        FRAMED,
    )
    # what was logged is what the stored log gives back
    stored = game.log.store.read_log(game.id).rows
    again = [e for e in read_events(stored) if isinstance(e, ev.DecisionRecorded)][-1]
    assert again.verdict.relies_on == recorded.verdict.relies_on


def test_the_preview_and_its_explanation_give_the_traces_in_words(game):
    _to_dp3(game)
    preview = _deploy_preview(game)
    assert preview.verdict is not None and preview.verdict.relies_on is not None
    why = explain_verdict(game.pack, preview.verdict)
    assert REQUESTS in why.relies_on
    assert why.relies_on == tuple(
        f"{t.title}: {t.value} — {t.text}" for t in preview.verdict.relies_on
    )


def test_a_seat_hears_where_a_fact_came_from_only_when_it_may_know(game, tmp_path):
    _to_dp3(game)
    room = Room(game, tmp_path / "room.json")

    def why_deploy() -> tuple[str, ...]:
        board = player_board(room, "ncp_secretariat")
        asked = next(a for a in board.asked if a.question.id == "DP-3")
        option = next(o for o in asked.options if o.id == "deploy")
        assert option.verdict is not None
        return option.verdict.relies_on

    hidden = f"Requests for assistance: Arvenia → the Compact — {HIDDEN_ORIGIN}"
    assert why_deploy() == (hidden,)  # Arvenia's choice at DP-2 is not the Compact's to see
    assert FRAMED not in texts(player_board(room, "ncp_secretariat"))
    assert room.reveal("DP-2", "arv_government") is None
    assert why_deploy() == (REQUESTS,)  # shown to the room: now it may


@pytest.fixture
def every_ten(monkeypatch):
    monkeypatch.setattr(session_log, "SNAPSHOT_EVERY", 10)


def test_a_snapshot_of_the_format_before_the_traces_is_rebuilt_from_the_log(
    every_ten, game, workspace
):
    _to_dp3(game)
    for n in range(12):
        game.note("strength", f"Seen {n}.")
    store = workspace.store
    stored = store.read_log(game.id, snapshot=True)
    assert stored.snapshot is not None
    # the snapshot as the version before wrote it: no origins, format 2, sealed right
    data = encode_state(replay(read_events(stored.rows[: stored.snapshot.seq])))
    old = data[: data.index(b',"fact_sources":')] + b"}"
    head = stored.rows[stored.snapshot.seq - 1].hash
    con = sqlite3.connect(store.path)
    con.execute(
        "UPDATE snapshots SET format = 2, state = ?, seal = ? WHERE session_id = ?",
        (old, session_log.seal(head, old), game.id),
    )
    con.commit()
    con.close()
    again = store.read_log(game.id, snapshot=True)
    assert again.snapshot is not None and again.snapshot.format == 2
    assert snapshot_state(again.snapshot, again.rows) is None  # another format: not believed
    reopened = workspace.open(game.id)
    assert reopened.state == game.state
    assert reopened.state.source_of("requests").option == "ask-compact"


def test_a_log_from_before_the_traces_still_verifies(game):
    _to_dp3(game)
    game.decide("DP-3", "ncp_secretariat", "deploy", "The letter is in hand.")
    events = read_events(game.log.store.read_log(game.id).rows)
    # The same game as the version before logged it: no verdict carried relies_on.
    before = [
        e.model_copy(update={"verdict": e.verdict.model_copy(update={"relies_on": None})})
        if isinstance(e, ev.DecisionRecorded | ev.DecisionRejected | ev.MandateOverridden)
        else e
        for e in events
    ]
    rows = chain(before)
    assert all("relies_on" not in r.body for r in rows)
    assert verify_chain(rows).ok
    parsed = read_events(rows)
    assert [canonical(e) for e in parsed] == [r.body for r in rows]  # read back, same bytes
    assert all(e.verdict.relies_on is None for e in parsed if isinstance(e, ev.DecisionRecorded))
    assert replay(parsed).facts == replay(events).facts

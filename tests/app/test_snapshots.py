"""Snapshots: a long session resumes from its last snapshot, to the state a full replay
gives; a snapshot that does not belong to its log is never believed."""

from __future__ import annotations

import sqlite3

import pytest

from tabletop.engine import replay
from tabletop.engine.snapshot import decode_state, encode_state
from tabletop.hashchain.chain import read_events
from tabletop.store import StoredSession, session_log, snapshot_state


@pytest.fixture
def every_ten(monkeypatch):
    monkeypatch.setattr(session_log, "SNAPSHOT_EVERY", 10)


def _play(game, notes: int) -> None:
    for n in range(notes):
        game.note("strength", f"Seen {n}.", objective="OBJ-1")
    game.decide("DP-1", "arv_government", "reinforce", "Hold the line.")


def test_a_state_survives_its_snapshot(game):
    _play(game, 5)
    assert decode_state(encode_state(game.state)) == game.state


def test_a_game_keeps_snapshots_and_resumes_from_the_last(every_ten, game, workspace):
    _play(game, 35)
    stored = workspace.store.read_log(game.id, snapshot=True)
    assert stored.snapshot is not None and stored.snapshot.seq >= 30
    from_snapshot = snapshot_state(stored.snapshot, stored.rows)
    assert from_snapshot is not None and from_snapshot.event_count == stored.snapshot.seq
    reopened = workspace.open(game.id)
    assert reopened.state == game.state == replay(read_events(stored.rows))
    assert reopened.log.snapshot_seq == stored.snapshot.seq
    reopened.note("strength", "After reopening.")
    assert workspace.open(game.id).state == reopened.state


def test_a_snapshot_edited_by_hand_is_ignored(every_ten, game, workspace):
    _play(game, 25)
    store = workspace.store
    stored = store.read_log(game.id, snapshot=True)
    assert stored.snapshot is not None
    forged = stored.snapshot.state.replace(b'"observation_count":', b'"observation_count":9')
    assert forged != stored.snapshot.state
    con = sqlite3.connect(store.path)
    con.execute("UPDATE snapshots SET state = ? WHERE session_id = ?", (forged, game.id))
    con.commit()
    con.close()
    again = store.read_log(game.id, snapshot=True)
    assert snapshot_state(again.snapshot, again.rows) is None  # the seal no longer holds
    assert workspace.open(game.id).state == game.state


def test_a_snapshot_of_another_format_or_another_log_is_ignored(every_ten, game, workspace):
    _play(game, 15)
    stored = workspace.store.read_log(game.id, snapshot=True)
    assert stored.snapshot is not None
    old = stored.snapshot.__class__(
        stored.snapshot.seq, -1, stored.snapshot.state, stored.snapshot.seal
    )
    assert snapshot_state(old, stored.rows) is None
    assert snapshot_state(stored.snapshot, stored.rows[: stored.snapshot.seq - 1]) is None


def test_a_snapshot_that_cannot_be_written_does_not_stop_the_game(every_ten, game, workspace):
    log = game.log
    assert isinstance(log, StoredSession)
    con = sqlite3.connect(workspace.store.path)
    con.execute("DROP TABLE snapshots")
    con.commit()
    con.close()
    _play(game, 25)  # each snapshot fails; every command is still recorded
    assert workspace.store.info(game.id).event_count == game.state.event_count


def test_a_snapshot_that_fails_to_encode_never_undoes_a_committed_command(
    every_ten, game, workspace, monkeypatch
):
    def broken(_state):
        raise RuntimeError("a bug in the snapshot")

    monkeypatch.setattr(session_log, "encode_state", broken)
    _play(game, 12)
    store = workspace.store
    assert game.state.event_count == store.info(game.id).event_count  # no command lost
    again = game.decide("DP-1", "arv_government", "hold", "Twice?")
    assert getattr(again, "code", None) == "decided"  # the game knows it was recorded

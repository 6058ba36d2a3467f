"""Opening a session checks its chain: every kind of damage that `verify` names keeps the
session from opening, and an intact one opens with the events `verify` reads."""

from __future__ import annotations

import sqlite3

import pytest

from tabletop.app import AppError
from tabletop.hashchain.chain import intact_head, link, read_events, verify_and_read


def _damage(path, session_id: str, kind: str) -> None:
    con = sqlite3.connect(path)
    last = con.execute("SELECT max(seq) FROM events WHERE session_id = ?", (session_id,))
    (end,) = last.fetchone()
    if kind == "type column":
        con.execute(
            "UPDATE events SET type = 'observation_noted' WHERE session_id = ? AND seq = 3",
            (session_id,),
        )
    elif kind == "prev column":
        con.execute("UPDATE events SET prev = hash WHERE session_id = ? AND seq = 3", (session_id,))
    elif kind == "rehashed edit":
        # The body changed and its own hash recomputed: the next link no longer holds.
        prev, body = con.execute(
            "SELECT prev, body FROM events WHERE session_id = ? AND seq = 3", (session_id,)
        ).fetchone()
        body = body.replace(",", ", ", 1)  # still the same event, in other bytes
        con.execute(
            "UPDATE events SET body = ?, hash = ? WHERE session_id = ? AND seq = 3",
            (body, link(prev, body), session_id),
        )
    elif kind == "last event cut off":
        con.execute("DELETE FROM events WHERE session_id = ? AND seq = ?", (session_id, end))
    elif kind == "head moved":
        con.execute("UPDATE sessions SET head_hash = ? WHERE id = ?", ("0" * 64, session_id))
    elif kind == "body not an event":
        body = '{"type":"observation_noted"}'
        prev = con.execute(
            "SELECT prev FROM events WHERE session_id = ? AND seq = ?", (session_id, end)
        ).fetchone()[0]
        con.execute(
            "UPDATE events SET body = ?, hash = ?, type = 'observation_noted' "
            "WHERE session_id = ? AND seq = ?",
            (body, link(prev, body), session_id, end),
        )
        con.execute(
            "UPDATE sessions SET head_hash = ? WHERE id = ?", (link(prev, body), session_id)
        )
    con.commit()
    con.close()


KINDS = [
    "type column",
    "prev column",
    "rehashed edit",
    "last event cut off",
    "head moved",
    "body not an event",
]


@pytest.mark.parametrize("kind", KINDS)
def test_damage_keeps_a_session_closed(played, store, workspace, kind):
    info = store.info(played.id)
    expected = {"expected_count": info.event_count, "expected_head": info.head_hash}
    assert intact_head(store.rows(played.id), **expected) is not None
    _damage(store.path, played.id, kind)
    info = store.info(played.id)
    expected = {"expected_count": info.event_count, "expected_head": info.head_hash}
    assert not verify_and_read(store.rows(played.id), **expected)[0].ok
    with pytest.raises(AppError, match="damaged"):
        workspace.open(played.id)


def test_an_intact_session_reads_the_same_both_ways(played, store, workspace):
    info = store.info(played.id)
    expected = {"expected_count": info.event_count, "expected_head": info.head_hash}
    report, events = verify_and_read(store.rows(played.id), **expected)
    assert report.ok
    assert read_events(store.rows(played.id)) == events
    assert workspace.open(played.id).state == played.state

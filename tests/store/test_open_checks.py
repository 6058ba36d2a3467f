"""Opening a session checks its chain straight from the stored bytes: every kind of damage
that `verify` names still keeps the session from opening, and an intact one opens."""

from __future__ import annotations

import sqlite3

import pytest

from tabletop.hashchain.chain import link, read_intact, verify_and_read
from tabletop.store import DamagedLog, LiveSession, load_events


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
def test_damage_keeps_a_session_closed(played, store, example, kind):
    info = store.info(played.id)
    expected = {"expected_count": info.event_count, "expected_head": info.head_hash}
    assert read_intact(store.stored_rows(played.id), **expected) is not None
    _damage(store.path, played.id, kind)
    info = store.info(played.id)
    expected = {"expected_count": info.event_count, "expected_head": info.head_hash}
    assert read_intact(store.stored_rows(played.id), **expected) is None
    assert not verify_and_read(store.rows(played.id), **expected)[0].ok
    with pytest.raises(DamagedLog):
        LiveSession.open(store, info, example)


def test_an_intact_session_reads_the_same_both_ways(played, store):
    info = store.info(played.id)
    expected = {"expected_count": info.event_count, "expected_head": info.head_hash}
    report, events = verify_and_read(store.rows(played.id), **expected)
    assert report.ok
    assert load_events(store, info) == events
    assert [r[2] for r in store.stored_rows(played.id)] == [
        (r.prev + r.body).encode("utf-8") for r in store.rows(played.id)
    ]

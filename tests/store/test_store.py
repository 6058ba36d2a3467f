"""The session store: durable settings, sessions by id or prefix, atomic appends."""

from __future__ import annotations

import sqlite3

import pytest

from tabletop.app import AppError, Refusal
from tabletop.paths import default_session_db
from tabletop.store import (
    AmbiguousSession,
    ConcurrentWrite,
    NoSuchSession,
    SessionStore,
    StoreError,
)


def test_the_database_is_in_wal_mode_with_full_sync(store):
    assert store.con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.con.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_the_default_database_honours_tabletop_home(tmp_path, monkeypatch):
    monkeypatch.setenv("TABLETOP_HOME", str(tmp_path / "home"))
    assert default_session_db() == tmp_path / "home" / "sessions.sqlite"


def test_sessions_are_listed_and_found_by_prefix(workspace, store, example):
    a = workspace.start(example, facilitator="F", exercise="One")
    b = workspace.start(example, facilitator="F", exercise="Two")
    assert {i.id for i in store.sessions()} == {a.id, b.id}
    assert a.id.startswith("example-quiet-pass-20310301-")
    assert store.find(a.id).exercise == "One"
    if a.id[:-1] != b.id[:-1]:
        assert store.find(a.id[:-1]).id == a.id
    with pytest.raises(AmbiguousSession, match="could be any of"):
        store.find("example-quiet-pass")
    with pytest.raises(NoSuchSession, match="tabletop sessions"):
        store.find("kazakh")


def test_the_session_record_follows_the_log(played, store):
    info = store.info(played.id)
    rows = store.rows(played.id)
    assert info.event_count == len(rows) == played.log.count == played.state.event_count
    assert info.head_hash == rows[-1].hash == played.log.head
    assert info.ended_at is None


def test_a_refused_command_stores_nothing(played, store):
    count = store.info(played.id).event_count
    outcome = played.decide("DP-3", "blk_defence", "battalion", "Help them.")
    assert isinstance(outcome, Refusal) and outcome.code == "outside-mandate"
    assert store.info(played.id).event_count == count == len(store.rows(played.id))


def test_a_failed_append_leaves_nothing_behind(played, store):
    info = store.info(played.id)
    last = store.rows(played.id)[-1]
    # Two new rows, the second clashing with an existing seq: the whole append must fail.
    new = last._replace(seq=info.event_count + 1, prev=last.hash, hash="a" * 64)
    clash = new._replace(seq=1)
    with pytest.raises(ConcurrentWrite):
        store.append(played.id, [new, clash], head=info.head_hash)
    assert store.info(played.id) == info
    assert len(store.rows(played.id)) == info.event_count


def test_a_second_writer_is_refused(played, workspace):
    other = workspace.open(played.id)
    played.decide("DP-3", "blk_defence", "consult", "Talk.")
    with pytest.raises(AppError, match="changed elsewhere"):
        other.decide("DP-3", "blk_defence", "consult", "Talk.")


def test_a_file_that_is_not_a_session_database_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a tabletop session database"):
        SessionStore(other)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable tabletop session database"):
        SessionStore(junk)


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    SessionStore(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version=99")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer tabletop"):
        SessionStore(path)

"""Shared builders for the store tests: a database in a temporary folder, a played game."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tabletop.engine import advance_clock, record_decision
from tabletop.packs import LoadedPack
from tabletop.store import LiveSession, SessionStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    """An empty session database."""
    with SessionStore(tmp_path / "sessions.sqlite") as s:
        yield s


@pytest.fixture
def played(store: SessionStore, example: LoadedPack, clock) -> LiveSession:
    """A session of the example pack a day and a half in, with decisions recorded."""
    live = LiveSession.start(store, example, facilitator="F", exercise="Store tests", clock=clock)
    assert isinstance(live, LiveSession)
    live.do(record_decision, "DP-1", "arv_government", "hold", "Wait and see.")
    live.do(advance_clock, by=timedelta(hours=28))
    live.do(record_decision, "DP-2", "arv_government", "ask-compact", "")
    live.do(record_decision, "DP-3", "ncp_secretariat", "deploy", "Asked for.")
    live.do(advance_clock, by=timedelta(hours=8))
    return live

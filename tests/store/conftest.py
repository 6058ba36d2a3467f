"""Shared builders for the store tests: a workspace in a temporary folder, a played game."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tabletop.app import Game, Workspace
from tabletop.packs import LoadedPack
from tabletop.store import SessionStore


@pytest.fixture
def workspace(tmp_path: Path, clock) -> Iterator[Workspace]:
    """A workspace with an empty session database, on the test clock."""
    with Workspace(tmp_path / "home", sessions=tmp_path / "sessions.sqlite", clock=clock) as ws:
        yield ws


@pytest.fixture
def store(workspace: Workspace) -> SessionStore:
    """The workspace's session database."""
    return workspace.store


@pytest.fixture
def played(workspace: Workspace, example: LoadedPack) -> Game:
    """A session of the example pack a day and a half in, with decisions recorded."""
    game = workspace.start(example, facilitator="F", exercise="Store tests")
    game.decide("DP-1", "arv_government", "hold", "Wait and see.")
    game.advance(by=timedelta(hours=28))
    game.decide("DP-2", "arv_government", "ask-compact", "")
    game.decide("DP-3", "ncp_secretariat", "deploy", "Asked for.")
    game.advance(by=timedelta(hours=8))
    return game

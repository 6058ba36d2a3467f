"""Shared builders for the UI tests: a workspace in a temporary folder, a game of the
example pack, its console's view-model, its room, and a fake shell to build screens on
(`ui_fakes`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from ui_fakes import FakeShell

from tabletop.app import Admission, Game, Room, Workspace
from tabletop.packs import LoadedPack
from tabletop.ui.viewmodels.console_vm import ConsoleModel
from tabletop.ui.viewmodels.hub import Hub


@pytest.fixture
def workspace(tmp_path: Path, clock) -> Iterator[Workspace]:
    """A workspace with its own home and session database, on the test clock."""
    with Workspace(tmp_path / "home", sessions=tmp_path / "sessions.sqlite", clock=clock) as ws:
        yield ws


@pytest.fixture
def hub(workspace: Workspace) -> Hub:
    """A hub over the workspace."""
    return Hub(workspace)


@pytest.fixture
def game(workspace: Workspace, example: LoadedPack) -> Game:
    """A new game of the example pack, two of its three seats taken."""
    game = workspace.start(example, facilitator="Facilitator", exercise="Console tests")
    game.assign("arv_government", "Maj. Varn")
    game.assign("ncp_secretariat", "Dr. Osei")
    return game


@pytest.fixture
def at_dp3(game: Game) -> Game:
    """The game with DP-1 and DP-2 decided and DP-3 open for the Compact and Belosk."""
    game.decide("DP-1", "arv_government", "hold", "Wait and see.")
    game.advance(by=timedelta(hours=28))
    game.decide("DP-2", "arv_government", "ask-compact", "")
    return game


@pytest.fixture
def console(game: Game) -> ConsoleModel:
    """The console's view-model on the fresh game."""
    return ConsoleModel(game)


@pytest.fixture
def room(hub: Hub, game: Game) -> Room:
    """The room of `game`, in the hub's lobby (kept in the workspace's home)."""
    return hub.room(game)


@pytest.fixture
def admit(hub: Hub, room: Room):
    """`admit(key)`: a device let into seat `key` of the room with the seat's code."""

    def admit(key: str) -> Admission:
        seat = room.seat(key)
        assert seat is not None and seat.code is not None
        return hub.lobby.admit(seat.code, f"device of {key}")

    return admit


@pytest.fixture
def shell(hub: Hub) -> FakeShell:
    """A fake shell (and page) over the hub."""
    return FakeShell(hub)

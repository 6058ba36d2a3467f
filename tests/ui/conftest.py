"""Shared builders for the UI tests: a workspace in a temporary folder, a game of the
example pack, and its console's view-model."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tabletop.app import Game, Workspace
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

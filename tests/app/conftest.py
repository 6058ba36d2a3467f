"""Shared builders for the application-layer tests: a workspace in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tabletop.app import Game, Workspace
from tabletop.packs import LoadedPack


@pytest.fixture
def workspace(tmp_path: Path, clock) -> Iterator[Workspace]:
    """A workspace with its own home and session database, on the test clock."""
    with Workspace(tmp_path / "home", sessions=tmp_path / "sessions.sqlite", clock=clock) as ws:
        yield ws


@pytest.fixture
def game(workspace: Workspace, example: LoadedPack) -> Game:
    """A new game of the example pack, seated."""
    game = workspace.start(example, facilitator="Facilitator", exercise="App tests")
    game.assign("arv_government", "Maj. Varn")
    game.assign("ncp_secretariat", "Dr. Osei")
    return game

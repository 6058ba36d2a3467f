"""Shared builders for the application-layer tests: a workspace in a temporary folder, a
game of the example pack, and a game of a shipped pack with decisions open and its room."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from roomgame import open_for_two_roles, participant

from tabletop.app import Game, Room, Workspace
from tabletop.packs import LoadedPack, open_pack
from tabletop.paths import shipped_scenarios_dir


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


@pytest.fixture(scope="session")
def shipped() -> LoadedPack:
    """A shipped pack (scenarios/afghan-border-incursion.json), loaded once."""
    return open_pack(shipped_scenarios_dir() / "afghan-border-incursion.json")


@pytest.fixture
def table(workspace: Workspace, shipped: LoadedPack) -> Game:
    """A game of the shipped pack, every role seated, run until two roles have a decision
    waiting."""
    game = workspace.start(shipped, facilitator="Facilitator", exercise="Room tests")
    for role in game.pack.roles:
        game.assign(role.id, participant(role.id))
    return open_for_two_roles(game)


@pytest.fixture
def room_file(tmp_path: Path, table: Game) -> Path:
    """Where the room of `table` is kept."""
    return tmp_path / "rooms" / f"{table.id}.json"


@pytest.fixture
def room(table: Game, room_file: Path) -> Room:
    """The room of `table`, kept in `room_file`."""
    return Room(table, room_file)

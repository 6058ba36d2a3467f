"""How a consensus decision is shown while it is open: the facilitator's console sees whose
consensus it needs, whom it waits for and what each has chosen so far; a seat's device
and the projector see whom it waits for, never what anyone chose."""

from __future__ import annotations

from pathlib import Path

import pytest
from roomgame import texts

from tabletop.app import Applied, Game, Room, Workspace
from tabletop.app.seat_boards import player_board, projector_board
from tabletop.packs import open_pack

COUNCIL = Path(__file__).resolve().parents[1] / "data" / "consensus-pack.json"


@pytest.fixture
def council(workspace: Workspace) -> Game:
    game = workspace.start(open_pack(COUNCIL), facilitator="F", exercise="Council")
    for role in ("land", "north", "south"):
        game.assign(role, f"Player {role}")
    return game


def test_the_console_sees_the_choices_so_far_and_whom_it_waits_for(council: Game) -> None:
    assert isinstance(council.decide("DP-1", "north", "talk", "Talk first."), Applied)
    (od,) = council.situation().open_decisions
    assert od.consensus_of == ("land", "north", "south")
    assert od.consensus == (
        "Decided by consensus of Land, North and South: pending: waiting for Land and "
        "South; so far North chose 'Hold talks'; nothing has taken effect."
    )


def test_a_seat_and_the_projector_see_whom_it_waits_for_but_no_choice(
    council: Game, tmp_path: Path
) -> None:
    assert isinstance(council.decide("DP-1", "north", "talk", "Talk first."), Applied)
    room = Room(council, tmp_path / "room.json")
    (asked,) = player_board(room, "land").asked
    said = (
        "Decided by consensus of Land, North and South: no choice takes effect until all "
        "have chosen; waiting for Land and South."
    )
    assert asked.question.consensus == said
    (question,) = projector_board(room).questions
    assert question.consensus == said
    for board in (player_board(room, "land"), projector_board(room)):
        assert not any("Hold talks" in t for t in texts(board))


def test_a_decision_without_consensus_says_nothing_of_one(table: Game) -> None:
    opened = table.situation().open_decisions
    assert opened and all(od.consensus is None and not od.consensus_of for od in opened)

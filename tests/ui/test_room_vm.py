"""The view-models of the room: the join page, a player's and an evaluator's seat, the
console's Room tab, and the console recording (or refusing, or sending back) a player's
proposal. Driven as their screens drive them, on the example pack at DP-3, where the
Compact and Belosk decide and Belosk's battalion is outside its mandate."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

import pytest

from tabletop.app import Admission, Game, Lobby, Room
from tabletop.app.join_codes import Throttle
from tabletop.model.events import DecisionRecorded, DecisionRejected, ObservationNoted
from tabletop.ui.serving import Serving
from tabletop.ui.viewmodels.console_vm import ConsoleModel
from tabletop.ui.viewmodels.room_vm import RoomModel
from tabletop.ui.viewmodels.seat_vm import EvaluatorModel, JoinModel, PlayerModel

NCP, BLK, ARV = "ncp_secretariat", "blk_defence", "arv_government"


@pytest.fixture
def events(game: Game) -> list[object]:
    """Every event the game commits from now on."""
    seen: list[object] = []
    game.subscribe(lambda applied: seen.extend(applied.events))
    return seen


def _propose(room: Room, role: str, option: str, rationale: str = "Our reasons.") -> str:
    seat = room.seat(f"player:{role}")
    assert seat is not None and seat.code is not None
    return room.propose(seat.key, seat.code, "DP-3", option, rationale).id


def _status(room: Room, proposal_id: str) -> tuple[str, str]:
    p = next(p for p in room.proposals() if p.id == proposal_id)
    return p.status, p.note


# --- the join page ----------------------------------------------------------------------------


@pytest.fixture
def now() -> list[float]:
    """The throttle's clock, moved by hand."""
    return [1_000.0]


@pytest.fixture
def lobby(game: Game, now: list[float]) -> Lobby:
    """A lobby in memory with the game's room, its codes AAAA-0001, AAAA-0002, ..."""
    numbers = count(1)
    lobby = Lobby(throttle=Throttle(lambda: now[0]), codes=lambda: f"AAAA-{next(numbers):04d}")
    lobby.room(game)
    return lobby


def test_the_right_code_opens_its_seat_however_it_is_typed(lobby: Lobby, game: Game):
    room = lobby.room(game)
    seat = room.seat(f"player:{NCP}")
    assert seat is not None and seat.code == "AAAA-0002"
    join = JoinModel(lobby, "192.0.2.7")
    admission = join.join(" aaaa 0002 ")
    assert isinstance(admission, Admission)
    assert admission.room is room and admission.key == f"player:{NCP}" and admission.valid
    assert join.notice is None


def test_a_wrong_code_opens_nothing_and_says_why(lobby: Lobby):
    join = JoinModel(lobby, "192.0.2.7")
    assert join.join("ZZZZ-9999") is None
    assert join.notice is not None and join.notice.error
    assert "does not open any seat" in join.notice.text
    assert "Too many" not in join.notice.text
    assert join.join("") is None and join.notice is not None and join.notice.error


def test_repeated_wrong_codes_are_slowed(lobby: Lobby, game: Game, now: list[float]):
    join = JoinModel(lobby, "192.0.2.7")
    for _ in range(3):  # the throttle lets three wrong codes pass without a wait
        assert join.join("ZZZZ-9999") is None
        assert join.notice is not None and "Too many" not in join.notice.text
    assert join.join("ZZZZ-9999") is None
    assert join.notice is not None and join.notice.error
    assert "Too many wrong codes: wait 1 s" in join.notice.text
    # While the wait lasts, even the right code is not looked at ...
    assert join.join("AAAA-0001") is None
    assert join.notice is not None and join.notice.text.startswith("Too many wrong codes")
    # ... but another device may try, and after the wait this one may too.
    assert JoinModel(lobby, "192.0.2.8").join("AAAA-0001") is not None
    now[0] += 1.5
    admission = join.join("AAAA-0001")
    assert admission is not None and admission.key == f"player:{ARV}"
    assert join.notice is None


# --- a player's seat --------------------------------------------------------------------------


def test_a_player_proposes_only_a_chosen_option(
    at_dp3: Game, room: Room, admit: Callable[[str], Admission]
):
    player = PlayerModel(admit(f"player:{NCP}"))
    assert player.role == NCP
    assert [a.question.id for a in player.board.asked] == ["DP-3"]
    assert not player.propose("DP-3", "Without a choice.")
    assert player.notice is not None and player.notice.error
    assert player.notice.text == "Choose an option first."
    assert room.pending() == ()

    player.choice["DP-3"] = "battalion"  # Belosk's option, not the Compact's
    assert not player.propose("DP-3", "Not ours.")
    assert player.notice is not None and player.notice.error and "not offered" in player.notice.text
    assert room.pending() == ()

    player.choice["DP-3"] = "deploy"
    assert player.propose("DP-3", "The Charter allows it.")
    assert player.notice is not None and not player.notice.error
    (pending,) = room.pending()
    assert (pending.role, pending.decision_point, pending.option) == (NCP, "DP-3", "deploy")
    assert pending.rationale == "The Charter allows it." and pending.by == "Dr. Osei"
    # The board was read again: the seat sees its proposal waiting.
    assert player.board.proposals[0].id == pending.id
    assert player.board.asked[0].proposal == pending


def test_a_player_withdraws_a_waiting_proposal(
    at_dp3: Game, room: Room, admit: Callable[[str], Admission]
):
    player = PlayerModel(admit(f"player:{NCP}"))
    player.choice["DP-3"] = "consult"
    assert player.propose("DP-3", "")
    (pending,) = room.pending()
    assert player.withdraw(pending.id)
    assert player.notice is not None and player.notice.text == "Proposal withdrawn."
    assert room.pending() == () and _status(room, pending.id)[0] == "withdrawn"
    assert player.board.proposals[0].status == "withdrawn"
    assert not player.withdraw(pending.id)  # no longer waiting
    assert player.notice is not None and player.notice.error


def test_a_players_board_moves_with_the_game_not_with_other_seats(
    at_dp3: Game, room: Room, admit: Callable[[str], Admission]
):
    player = PlayerModel(admit(f"player:{NCP}"))
    assert not player.refresh()
    _propose(room, BLK, "consult")  # another seat's proposal is not on this board
    assert not player.refresh()
    at_dp3.decide("DP-3", BLK, "consult", "Elsewhere.")
    assert player.refresh()
    assert player.board.asked[0].question.waiting == ("Secretariat of the Northern Compact",)
    assert not player.refresh()


def test_a_revoked_seat_is_no_longer_valid(
    at_dp3: Game, room: Room, admit: Callable[[str], Admission]
):
    player = PlayerModel(admit(f"player:{NCP}"))
    assert player.valid
    room.revoke(f"player:{NCP}")
    assert not player.valid
    player.choice["DP-3"] = "deploy"
    assert not player.propose("DP-3", "Too late.")
    assert player.notice is not None and player.notice.error
    assert "no longer valid" in player.notice.text and room.pending() == ()
    # A new code for the seat does not bring the old one back.
    room.reissue(f"player:{NCP}")
    assert not player.valid


# --- an evaluator's seat ----------------------------------------------------------------------


def test_an_evaluators_observation_is_logged_with_their_name(
    game: Game, room: Room, admit: Callable[[str], Admission], events: list[object]
):
    evaluator = EvaluatorModel(admit("evaluator:1"))
    assert evaluator.board.name == "Evaluator 1"
    evaluator.draft.kind = "area_for_improvement"
    evaluator.draft.objective = "OBJ-1"
    evaluator.draft.rating = "M"
    assert evaluator.observe("The posture took too long.")
    (noted,) = events
    assert isinstance(noted, ObservationNoted)
    assert noted.observer == "Evaluator 1" and noted.kind == "area_for_improvement"
    assert (noted.text, noted.objective, noted.rating) == (
        "The posture took too long.",
        "OBJ-1",
        "M",
    )
    assert evaluator.notice is not None and evaluator.notice.text == "Observation logged."
    # The form keeps its kind, not the rest; the board shows the note.
    assert evaluator.draft.kind == "area_for_improvement" and evaluator.draft.objective is None
    assert evaluator.board.notes[0].text == "The posture took too long."


def test_a_blank_observation_is_refused(
    game: Game, room: Room, admit: Callable[[str], Admission], events: list[object]
):
    evaluator = EvaluatorModel(admit("evaluator:1"))
    assert not evaluator.observe("   ")
    assert evaluator.notice is not None and evaluator.notice.error
    assert evaluator.notice.text == "Write the observation out."
    assert events == [] and evaluator.board.notes == ()


def test_a_revoked_evaluator_cannot_observe(
    game: Game, room: Room, admit: Callable[[str], Admission], events: list[object]
):
    evaluator = EvaluatorModel(admit("evaluator:1"))
    room.revoke("evaluator:1")
    assert not evaluator.valid
    assert not evaluator.observe("After the revoke.")
    assert evaluator.notice is not None and evaluator.notice.error and events == []


# --- the console's Room tab -------------------------------------------------------------------


@pytest.fixture
def tab(at_dp3: Game, room: Room) -> RoomModel:
    """The Room tab of a console at DP-3, nothing served."""
    return RoomModel(ConsoleModel(at_dp3, room), room, lambda: None)


def test_the_seats_show_who_sits_there_and_their_codes(tab: RoomModel, room: Room):
    rows = tab.seats()
    assert [r.key for r in rows] == [s.key for s in room.seats()]
    assert [r.code for r in rows] == [s.code for s in room.seats()]
    assert all(r.code for r in rows)
    names = {r.key: r.name for r in rows}
    assert names == {
        f"player:{ARV}": "Government of Arvenia: Maj. Varn",
        f"player:{NCP}": "Secretariat of the Northern Compact: Dr. Osei",
        f"player:{BLK}": "Belosk Ministry of Defence",  # nobody sits there
        "evaluator:1": "Evaluator 1",
        "projector": "Projector",
    }


def test_the_address_is_where_the_app_is_served(tab: RoomModel, room: Room):
    assert tab.address == ""
    served = RoomModel(tab.console, room, lambda: Serving("127.0.0.1", 8550))
    assert served.address == "http://127.0.0.1:8550/join"


def test_the_proposals_waiting_with_their_verdicts(tab: RoomModel, room: Room):
    first = _propose(room, NCP, "deploy", "The Charter allows it.")
    second = _propose(room, BLK, "battalion", "Our treaty.")
    withdrawn = _propose(room, BLK, "consult")  # replaces Belosk's battalion ...
    assert _status(room, second)[0] == "withdrawn"
    again = _propose(room, BLK, "battalion", "Our treaty, again.")  # ... and back
    assert _status(room, withdrawn)[0] == "withdrawn"
    rows = tab.proposals()
    assert [r.id for r in rows] == [first, again]
    deploy, battalion = rows
    assert deploy.who == "Dr. Osei (Secretariat of the Northern Compact)"
    assert deploy.decision == "DP-3 The Compact's answer"
    assert deploy.option == "Deploy Compact peacekeepers"
    assert deploy.kind == "permitted_with_obligations"
    assert deploy.rationale == "The Charter allows it."
    assert battalion.who == "Belosk Ministry of Defence (Belosk Ministry of Defence)"
    assert battalion.option == "Send a Belosk battalion" and battalion.kind == "outside_mandate"


def test_reveals_are_listed_newest_first_and_toggled(tab: RoomModel, room: Room):
    rows = tab.reveals()
    assert [(r.decision_point, r.shown) for r in rows] == [("DP-2", False), ("DP-1", False)]
    assert rows[1].text == "DP-1: Government of Arvenia chose 'Hold and consult'"
    assert tab.toggle_reveal("DP-1", ARV)
    assert tab.notice is not None and tab.notice.text == "Shown on the projector."
    assert room.revealed() == (("DP-1", ARV),)
    assert [r.shown for r in tab.reveals()] == [False, True]
    assert tab.toggle_reveal("DP-1", ARV)
    assert tab.notice is not None and tab.notice.text == "Taken off the projector."
    assert room.revealed() == ()
    # Only a recorded decision can be shown.
    assert not tab.toggle_reveal("DP-3", BLK)
    assert tab.notice is not None and tab.notice.error
    assert tab.notice.text == "Only a recorded decision can be shown to the room."
    assert room.revealed() == ()


def test_reveal_latest_shows_the_newest_not_yet_shown(tab: RoomModel, room: Room):
    assert tab.reveal_latest()
    assert room.revealed() == (("DP-2", ARV),)
    assert tab.reveal_latest()
    assert room.revealed() == (("DP-2", ARV), ("DP-1", ARV))
    assert not tab.reveal_latest()
    assert tab.notice is not None and not tab.notice.error
    assert "already on the projector" in tab.notice.text


def test_new_codes_revokes_and_evaluators(tab: RoomModel, room: Room):
    key = f"player:{NCP}"
    old = room.seat(key).code  # type: ignore[union-attr]
    assert tab.reissue(key)
    assert tab.notice is not None and tab.notice.text == "New code issued; the old one is void."
    new = room.seat(key).code  # type: ignore[union-attr]
    assert new and new != old and not room.holds(key, old or "")
    assert next(r.code for r in tab.seats() if r.key == key) == new

    assert tab.revoke(key)
    assert tab.notice is not None and tab.notice.text == "Code revoked: that device is out."
    assert next(r.code for r in tab.seats() if r.key == key) is None

    for act in (tab.reissue, tab.revoke):
        assert not act("player:nobody")
        assert tab.notice is not None and tab.notice.error
        assert tab.notice.text == "There is no seat 'player:nobody' in this room."

    assert tab.add_evaluator("Dr. N. Ivanova")
    assert tab.notice is not None and tab.notice.text == "Evaluator seat added: Dr. N. Ivanova."
    assert [r.name for r in tab.seats()][-3:] == ["Evaluator 1", "Dr. N. Ivanova", "Projector"]
    assert not tab.add_evaluator("Dr. N. Ivanova")
    assert tab.notice is not None and tab.notice.error and "already" in tab.notice.text
    assert not tab.add_evaluator("  ")
    assert tab.notice is not None and tab.notice.error
    assert tab.notice.text.startswith("Give the evaluator a name")
    assert len(tab.seats()) == 6


# --- the console records, refuses or sends back a proposal ------------------------------------


@pytest.fixture
def facilitator(at_dp3: Game, room: Room) -> ConsoleModel:
    """The console of the game at DP-3, with its room; Belosk seated too."""
    at_dp3.assign(BLK, "Col. Dragan")
    return ConsoleModel(at_dp3, room)


def test_a_permitted_proposal_is_recorded_as_proposed(
    facilitator: ConsoleModel, room: Room, events: list[object]
):
    pid = _propose(room, NCP, "deploy", "The Charter allows it.")
    assert facilitator.record_proposal(pid)
    (recorded,) = [e for e in events if isinstance(e, DecisionRecorded)]
    assert (recorded.role, recorded.option) == (NCP, "deploy")
    assert recorded.proposed_by == "Dr. Osei" and recorded.rationale == "The Charter allows it."
    assert not recorded.overridden
    assert _status(room, pid) == ("recorded", "")
    assert facilitator.notice is not None and not facilitator.notice.error
    assert facilitator.notice.text == (
        "Recorded 'Deploy Compact peacekeepers' for Secretariat of the Northern Compact, "
        "as Dr. Osei proposed."
    )
    assert facilitator.override is None and facilitator.role == BLK  # on to who still decides
    assert not facilitator.record_proposal(pid)  # no longer waiting
    assert facilitator.notice is not None and facilitator.notice.error


def test_a_proposal_needs_the_consoles_room(at_dp3: Game, room: Room):
    pid = _propose(room, NCP, "deploy")
    alone = ConsoleModel(at_dp3)
    assert not alone.record_proposal(pid)
    assert alone.notice is not None and alone.notice.error
    assert not alone.send_back(pid, "No room here.")
    assert room.pending() != ()


def test_an_outside_mandate_proposal_waits_for_a_justification(
    facilitator: ConsoleModel, room: Room, events: list[object]
):
    pid = _propose(room, BLK, "battalion", "Our treaty.")
    assert not facilitator.record_proposal(pid)
    o = facilitator.override
    assert o is not None and o.proposal == pid
    assert (o.dp, o.role, o.option, o.label) == (
        "DP-3",
        BLK,
        "battalion",
        "Send a Belosk battalion",
    )
    assert o.rationale == "Our treaty." and o.explanation is not None
    assert facilitator.notice is None and events == [] and _status(room, pid)[0] == "pending"

    assert facilitator.justify("Arvenia asked by telephone.")
    (recorded,) = [e for e in events if isinstance(e, DecisionRecorded)]
    assert recorded.overridden and recorded.proposed_by == "Col. Dragan"
    assert recorded.option == "battalion"
    assert facilitator.state.decisions[("DP-3", BLK)].justification == "Arvenia asked by telephone."
    assert _status(room, pid) == ("recorded", "")
    assert facilitator.override is None


def test_an_outside_mandate_proposal_without_a_justification_stays_pending(
    facilitator: ConsoleModel, room: Room, events: list[object]
):
    pid = _propose(room, BLK, "battalion")
    facilitator.record_proposal(pid)
    assert not facilitator.justify("  ")
    assert (
        facilitator.override is not None
        and facilitator.notice is not None
        and facilitator.notice.error
    )
    assert events == [] and _status(room, pid)[0] == "pending"


def test_refusing_an_outside_mandate_proposal_sends_it_back(
    facilitator: ConsoleModel, room: Room, events: list[object]
):
    pid = _propose(room, BLK, "battalion", "Our treaty.")
    facilitator.record_proposal(pid)
    assert facilitator.refuse("Beyond the treaty.")
    (rejected,) = events
    assert isinstance(rejected, DecisionRejected)
    assert (rejected.role, rejected.option, rejected.note) == (
        BLK,
        "battalion",
        "Beyond the treaty.",
    )
    assert _status(room, pid) == ("sent_back", "Beyond the treaty.")
    assert ("DP-3", BLK) not in facilitator.state.decisions and facilitator.override is None
    # Refused without a note, the player is still told why.
    again = _propose(room, BLK, "battalion")
    facilitator.record_proposal(again)
    assert facilitator.refuse()
    assert _status(room, again) == ("sent_back", "Refused: outside mandate.")


def test_refusing_a_proposal_withdrawn_meanwhile_still_logs_the_refusal(
    facilitator: ConsoleModel, room: Room, events: list[object]
):
    pid = _propose(room, BLK, "battalion")
    facilitator.record_proposal(pid)
    seat = room.seat(f"player:{BLK}")
    assert seat is not None and seat.code is not None
    room.withdraw(seat.key, seat.code, pid)  # while the override dialog is open
    assert facilitator.refuse("Beyond the treaty.")
    assert [type(e) for e in events] == [DecisionRejected]
    assert _status(room, pid)[0] == "withdrawn" and facilitator.override is None


def test_send_back_returns_a_proposal_with_the_note(facilitator: ConsoleModel, room: Room):
    pid = _propose(room, NCP, "deploy")
    assert facilitator.send_back(pid, "  Ask Arvenia first.  ")
    assert (
        facilitator.notice is not None
        and facilitator.notice.text == "Sent back to the player's seat."
    )
    assert _status(room, pid) == ("sent_back", "Ask Arvenia first.")
    assert not facilitator.send_back(pid, "Twice.")
    assert facilitator.notice is not None and facilitator.notice.error
    assert "no longer waiting" in facilitator.notice.text

"""The room of a game: seats with join codes, players' proposals and what the facilitator
does with them, evaluators' observations, the projector's reveals, the room's file, and
its listeners. Everything a seat sends is checked against what its seat may do."""

from __future__ import annotations

import json
import stat
import threading

import pytest
from roomgame import (
    WITHIN,
    Choice,
    open_choice,
    open_for_two_roles,
    participant,
    player_seat,
    waiting_roles,
)

from tabletop.app import AppError, Applied, Refusal, Room
from tabletop.app.join_codes import normalise
from tabletop.app.room import MAX_NAME, MAX_NOTE, MAX_RATIONALE


@pytest.fixture
def outside(table) -> Choice:
    """An open choice that is outside the mandate of its role."""
    return open_choice(table, "outside_mandate")


@pytest.fixture
def within(table, outside) -> Choice:
    """A choice of the same role and decision that is within its mandate."""
    choice = open_choice(table, *WITHIN, role=outside.role)
    assert choice.decision_point == outside.decision_point
    return choice


@pytest.fixture
def other(table, outside) -> Choice:
    """A choice open to another role, at another decision point."""
    role = next(r for r in waiting_roles(table) if r != outside.role)
    choice = open_choice(table, *WITHIN, role=role)
    assert choice.decision_point != outside.decision_point
    assert outside.role not in table.state.open_decisions[choice.decision_point].waiting
    return choice


def _propose(room: Room, choice: Choice, rationale: str = "Our reasons.") -> object:
    seat = player_seat(room, choice.role)
    return room.propose(seat.key, seat.code, choice.decision_point, choice.option, rationale)


# --- seats -----------------------------------------------------------------------------------


def test_the_room_has_a_seat_per_role_an_evaluator_and_the_projector(room, table):
    seats = room.seats()
    roles = table.pack.roles
    assert [s.key for s in seats] == [f"player:{r.id}" for r in roles] + [
        "evaluator:1",
        "projector",
    ]
    assert [s.name for s in seats[: len(roles)]] == [r.title for r in roles]
    assert all(s.kind == "player" and s.role for s in seats[: len(roles)])
    codes = [s.code for s in seats]
    assert all(c and normalise(c) == c for c in codes)
    assert len(set(codes)) == len(codes)
    assert room.seat_with_code(codes[0]) == seats[0]
    assert room.seat_with_code("ZZZZ-ZZZZ") is None


def test_revoking_a_seat_closes_its_code_and_reissuing_gives_a_new_one(room):
    seat = room.seats()[0]
    assert room.holds(seat.key, seat.code)
    closed = room.revoke(seat.key)
    assert closed.code is None and not room.holds(seat.key, seat.code)
    assert room.seat_with_code(seat.code) is None
    fresh = room.reissue(seat.key)
    assert fresh.code and fresh.code != seat.code
    assert room.holds(seat.key, fresh.code) and not room.holds(seat.key, seat.code)


def test_an_unknown_seat_cannot_be_revoked(room):
    with pytest.raises(AppError, match="no seat"):
        room.revoke("player:nobody")


def test_evaluators_are_added_with_unique_names_before_the_projector(room):
    seat = room.add_evaluator("  Dr N. Ivanova ")
    assert seat.key == "evaluator:2" and seat.kind == "evaluator" and seat.name == "Dr N. Ivanova"
    assert seat.code and room.holds(seat.key, seat.code)
    assert room.seats()[-1].key == "projector"
    with pytest.raises(AppError, match="already an evaluator"):
        room.add_evaluator("Dr N. Ivanova")
    with pytest.raises(AppError, match="already an evaluator"):
        room.add_evaluator("Evaluator 1")  # the first seat's name
    for blank in ("", "   "):
        with pytest.raises(AppError, match="give the evaluator a name"):
            room.add_evaluator(blank)
    with pytest.raises(AppError, match="limited"):
        room.add_evaluator("x" * (MAX_NAME + 1))
    assert [s.key for s in room.seats() if s.kind == "evaluator"] == ["evaluator:1", "evaluator:2"]


# --- proposals -------------------------------------------------------------------------------


def test_a_player_proposes_an_option_open_to_their_role(room, within):
    proposal = _propose(room, within, "Keep it bilateral.")
    assert (proposal.decision_point, proposal.role, proposal.option) == within
    assert proposal.by == participant(within.role)
    assert proposal.rationale == "Keep it bilateral." and proposal.status == "pending"
    assert room.pending() == (proposal,)
    assert room.proposals(within.role) == (proposal,)
    assert room.proposals("someone_else") == ()


def test_proposing_logs_nothing(room, table, within):
    before = table.state.event_count
    _propose(room, within)
    assert table.state.event_count == before


def test_a_seat_cannot_propose_at_a_decision_open_to_another_role(room, within, other):
    seat = player_seat(room, within.role)
    with pytest.raises(AppError, match="not open to your seat"):
        room.propose(seat.key, seat.code, other.decision_point, other.option, "For them.")
    with pytest.raises(AppError, match="not open to your seat"):
        room.propose(seat.key, seat.code, "DP-404", within.option, "Nothing.")
    assert room.proposals() == ()


def test_a_seat_cannot_propose_an_option_not_offered_to_it(room, within, other):
    seat = player_seat(room, within.role)
    for option in (other.option, "no-such-option"):
        with pytest.raises(AppError, match="not offered"):
            room.propose(seat.key, seat.code, within.decision_point, option, "Hm.")
    assert room.proposals() == ()


def test_the_role_comes_from_the_code_not_from_the_key(room, within, other):
    mine, theirs = player_seat(room, within.role), player_seat(room, other.role)
    with pytest.raises(AppError, match="no longer valid"):
        room.propose(theirs.key, mine.code, other.decision_point, other.option, "As them.")
    with pytest.raises(AppError, match="no longer valid"):
        room.propose(mine.key, "ZZZZ-ZZZZ", within.decision_point, within.option, "Guess.")
    assert room.proposals() == ()


def test_only_a_players_seat_proposes(room, within):
    for key in ("evaluator:1", "projector"):
        seat = room.seat(key)
        with pytest.raises(AppError, match="only a player's seat"):
            room.propose(seat.key, seat.code, within.decision_point, within.option, "Me too.")


def test_a_revoked_seat_can_no_longer_propose(room, within):
    seat = player_seat(room, within.role)
    room.revoke(seat.key)
    with pytest.raises(AppError, match="no longer valid"):
        room.propose(seat.key, seat.code, within.decision_point, within.option, "Late.")


def test_a_rationale_is_bounded(room, within):
    with pytest.raises(AppError, match="limited to"):
        _propose(room, within, "x" * (MAX_RATIONALE + 1))
    assert room.proposals() == ()
    assert _propose(room, within, "x" * MAX_RATIONALE).status == "pending"


def test_a_second_proposal_on_the_same_decision_replaces_the_first(room, within, outside, other):
    first = _propose(room, within, "First thoughts.")
    theirs = _propose(room, other, "Theirs.")
    second = _propose(room, outside, "Second thoughts.")
    assert second.id != first.id
    by_id = {p.id: p for p in room.proposals()}
    assert by_id[first.id].status == "withdrawn"
    assert by_id[theirs.id].status == "pending"  # another seat's proposal is untouched
    assert room.pending() == (theirs, second)


def test_recording_a_proposal_logs_the_decision_marked_with_who_proposed_it(room, table, within):
    proposal = _propose(room, within, "Keep it bilateral.")
    result = room.record(proposal.id)
    assert isinstance(result, Applied)
    (recorded,) = [e for e in result.events if e.type == "decision_recorded"]
    assert recorded.proposed_by == participant(within.role)
    assert (recorded.decision_point, recorded.role, recorded.option) == within
    assert recorded.rationale == "Keep it bilateral." and not recorded.overridden
    assert (within.decision_point, within.role) in table.state.decisions
    (after,) = room.proposals()
    assert after.status == "recorded" and room.pending() == ()
    with pytest.raises(AppError, match="no longer waiting"):
        room.record(proposal.id)
    with pytest.raises(AppError, match="not open to your seat"):  # the decision is closed
        _propose(room, within)


def test_a_proposal_of_an_empty_seat_is_marked_with_the_roles_title(workspace, shipped):
    game = open_for_two_roles(workspace.start(shipped, facilitator="F", exercise="Unseated"))
    room = Room(game)
    choice = open_choice(game, *WITHIN)
    proposal = _propose(room, choice)
    title = next(r.title for r in game.pack.roles if r.id == choice.role)
    assert proposal.by == title
    result = room.record(proposal.id)
    assert isinstance(result, Applied)
    assert next(e for e in result.events if e.type == "decision_recorded").proposed_by == title


def test_an_outside_mandate_proposal_waits_for_a_justification(room, table, outside):
    proposal = _propose(room, outside, "Ask the alliance.")
    before = table.state.event_count
    refused = room.record(proposal.id)
    assert isinstance(refused, Refusal) and refused.code == "outside-mandate"
    assert refused.verdict is not None and refused.verdict.kind == "outside_mandate"
    assert table.state.event_count == before
    assert room.pending() == (proposal,)
    done = room.record(proposal.id, justification="Play it out: the table wants to test it.")
    assert isinstance(done, Applied)
    (recorded,) = [e for e in done.events if e.type == "decision_recorded"]
    assert recorded.overridden and recorded.proposed_by == participant(outside.role)
    assert table.state.decisions[(outside.decision_point, outside.role)].overridden
    assert room.proposals()[0].status == "recorded"


def test_sending_a_proposal_back_keeps_the_note_for_the_player(room, table, within):
    proposal = _propose(room, within)
    before = table.state.event_count
    room.send_back(proposal.id, "Say what it costs first.")
    (back,) = room.proposals()
    assert back.status == "sent_back" and back.note == "Say what it costs first."
    assert room.pending() == () and table.state.event_count == before
    with pytest.raises(AppError, match="no longer waiting"):
        room.record(proposal.id)
    with pytest.raises(AppError, match="no longer waiting"):
        room.send_back(proposal.id)
    again = _propose(room, within, "It costs little.")  # the player may try again
    assert again.status == "pending"


def test_a_note_sent_back_is_bounded(room, within):
    proposal = _propose(room, within)
    with pytest.raises(AppError, match="limited to"):
        room.send_back(proposal.id, "x" * (MAX_NOTE + 1))
    assert room.pending() == (proposal,)


def test_a_player_withdraws_their_own_proposal_only(room, within, other):
    mine = _propose(room, within)
    theirs = player_seat(room, other.role)
    with pytest.raises(AppError, match="not your seat's"):
        room.withdraw(theirs.key, theirs.code, mine.id)
    with pytest.raises(AppError, match="no longer valid"):
        room.withdraw(player_seat(room, within.role).key, theirs.code, mine.id)
    assert room.pending() == (mine,)
    seat = player_seat(room, within.role)
    room.withdraw(seat.key, seat.code, mine.id)
    assert room.proposals()[0].status == "withdrawn" and room.pending() == ()
    with pytest.raises(AppError, match="no longer waiting"):
        room.withdraw(seat.key, seat.code, mine.id)
    with pytest.raises(AppError, match="no longer waiting"):
        room.record(mine.id)


def test_unknown_proposals_are_refused(room):
    with pytest.raises(AppError, match="no proposal"):
        room.record("P-99")
    with pytest.raises(AppError, match="no proposal"):
        room.send_back("P-99")


def test_nothing_can_be_proposed_once_the_game_has_ended(room, table, within):
    assert isinstance(table.end("Time."), Applied)
    with pytest.raises(AppError, match="ended"):
        _propose(room, within)


def test_a_proposal_withdrawn_while_it_is_recorded_ends_recorded(room, table, within):
    # the player's device withdraws just as the facilitator records: the log has the
    # decision, so the room must say it was recorded (and the facilitator sees no error)
    proposal = _propose(room, within)
    seat = player_seat(room, within.role)

    def withdraw_meanwhile(_applied: Applied) -> None:
        room.withdraw(seat.key, seat.code, proposal.id)

    table.subscribe(withdraw_meanwhile)
    assert isinstance(room.record(proposal.id), Applied)
    assert (within.decision_point, within.role) in table.state.decisions
    assert room.proposals()[0].status == "recorded"


# --- evaluators ------------------------------------------------------------------------------


def test_an_evaluators_observation_is_logged_with_their_name(room, table):
    seat = room.add_evaluator("Dr N. Ivanova")
    objective = table.pack.objectives[0].id
    result = room.observe(
        seat.key, seat.code, "strength", "Legal advice came fast.", objective=objective, rating="S"
    )
    assert isinstance(result, Applied)
    (noted,) = result.events
    assert noted.type == "observation_noted" and noted.observer == "Dr N. Ivanova"
    assert noted.text == "Legal advice came fast." and noted.objective == objective
    (kept,) = room.notes(seat.key)
    assert kept.seq == result.first_seq and kept.kind == "strength" and kept.rating == "S"
    assert room.notes("evaluator:1") == ()


def test_only_an_evaluators_seat_observes(room, table, within):
    before = table.state.event_count
    for key in (f"player:{within.role}", "projector"):
        seat = room.seat(key)
        with pytest.raises(AppError, match="only an evaluator's seat"):
            room.observe(seat.key, seat.code, "strength", "I did well.")
    evaluator = room.seat("evaluator:1")
    with pytest.raises(AppError, match="no longer valid"):
        room.observe(evaluator.key, "ZZZZ-ZZZZ", "strength", "Guessed.")
    with pytest.raises(AppError, match="limited to"):
        room.observe(evaluator.key, evaluator.code, "strength", "x" * (MAX_NOTE + 1))
    assert table.state.event_count == before


def test_an_observation_the_game_refuses_is_not_kept(room, table):
    seat = room.seat("evaluator:1")
    before = table.state.event_count
    refused = room.observe(seat.key, seat.code, "gossip", "Not a kind of observation.")
    assert isinstance(refused, Refusal)
    assert room.notes(seat.key) == () and table.state.event_count == before


# --- the projector ---------------------------------------------------------------------------


def test_only_a_recorded_decision_is_revealed(room, within):
    refused = room.reveal(within.decision_point, within.role)
    assert isinstance(refused, Refusal) and refused.code == "not-recorded"
    assert room.revealed() == ()
    room.record(_propose(room, within).id)
    assert room.reveal(within.decision_point, within.role) is None
    assert room.reveal(within.decision_point, within.role) is None  # once only
    assert room.revealed() == ((within.decision_point, within.role),)
    room.conceal(within.decision_point, within.role)
    assert room.revealed() == ()
    room.conceal(within.decision_point, within.role)  # concealing twice is harmless


# --- the room's file -------------------------------------------------------------------------


def test_the_room_is_read_back_from_its_file(room, table, room_file, within, other):
    recorded = _propose(room, within, "Recorded.")
    room.record(recorded.id)
    room.reveal(within.decision_point, within.role)
    pending = _propose(room, other, "Still waiting.")
    evaluator = room.add_evaluator("Dr N. Ivanova")
    room.observe(evaluator.key, evaluator.code, "area_for_improvement", "Slow to share.")
    room.revoke("projector")
    again = Room(table, room_file)
    assert again.seats() == room.seats()
    assert again.proposals() == room.proposals()
    assert again.pending() == (pending,)
    assert again.revealed() == ((within.decision_point, within.role),)
    assert again.notes(evaluator.key) == room.notes(evaluator.key)
    assert again.add_evaluator("Third").key == "evaluator:3"
    assert _propose(again, other).id not in {p.id for p in room.proposals()}


def test_the_file_is_readable_by_its_owner_only(room, room_file, within):
    assert stat.S_IMODE(room_file.stat().st_mode) == 0o600
    _propose(room, within)
    assert stat.S_IMODE(room_file.stat().st_mode) == 0o600


def test_another_sessions_file_is_not_read(room, room_file, workspace, shipped):
    other_game = workspace.start(shipped, facilitator="F", exercise="Another")
    stranger = Room(other_game, room_file)
    assert {s.code for s in stranger.seats()}.isdisjoint({s.code for s in room.seats()})


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b"42",
        b'{"format": 1}',
        b'{"format": 1, "session": "%(id)s", "seats": [1], "proposals": [], '
        b'"revealed": [], "notes": {}}',
        b'{"format": 1, "session": "%(id)s", "seats": [], "proposals": [{"at": 5}], '
        b'"revealed": [], "notes": {}}',
        b'{"format": 1, "session": "%(id)s", "seats": [], "proposals": [], '
        b'"revealed": [[]], "notes": {}}',
        b'{"format": 1, "session": "%(id)s", "seats": [], "proposals": [], '
        b'"revealed": [], "notes": []}',
    ],
    ids=lambda c: c.decode("utf-8", "replace")[:40],
)
def test_an_unreadable_file_gives_fresh_codes(room, table, room_file, within, content):
    _propose(room, within)
    old = {s.code for s in room.seats()}
    room_file.write_bytes(content.replace(b"%(id)s", table.id.encode()))
    fresh = Room(table, room_file)
    assert len(fresh.seats()) == len(room.seats())
    assert {s.code for s in fresh.seats()}.isdisjoint(old)
    assert fresh.proposals() == () and fresh.revealed() == ()
    assert Room(table, room_file).seats() == fresh.seats()  # and it is kept again


def test_changes_from_many_seats_at_once_keep_the_file_whole(room, table, room_file):
    keys = [s.key for s in room.seats()]
    unreadable: list[Exception] = []
    done = threading.Event()

    def reissue(k: int) -> None:
        for _ in range(40):
            room.reissue(keys[k % len(keys)])

    def read() -> None:
        while not done.is_set():
            try:
                json.loads(room_file.read_text("utf-8"))
            except (OSError, ValueError) as exc:
                unreadable.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    writers = [threading.Thread(target=reissue, args=(k,)) for k in range(6)]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    done.set()
    reader.join()
    assert unreadable == []
    assert Room(table, room_file).seats() == room.seats()


# --- listeners -------------------------------------------------------------------------------


def test_listeners_hear_every_change_and_can_leave(room, within):
    heard: list[str] = []
    leave = room.subscribe(lambda: heard.append("changed"))
    proposal = _propose(room, within)
    assert heard == ["changed"]
    room.revoke("projector")
    assert len(heard) == 2
    room.send_back(proposal.id, "No.")
    assert len(heard) == 3
    leave()
    room.reissue("projector")
    assert len(heard) == 3


def test_a_broken_listener_does_not_break_the_room(room, within):
    heard: list[str] = []

    def broken() -> None:
        raise RuntimeError("a view that fails")

    room.subscribe(broken)
    room.subscribe(lambda: heard.append("changed"))
    proposal = _propose(room, within)
    assert room.pending() == (proposal,)
    room.revoke("projector")
    assert heard == ["changed", "changed"]


def test_crafted_values_that_are_not_ids_are_refused(room, within):
    seat = player_seat(room, within.role)
    for decision, option in ((["DP-1"], within.option), (within.decision_point, {"id": 1})):
        with pytest.raises(AppError, match="by their ids"):
            room.propose(seat.key, seat.code, decision, option, "Crafted.")  # type: ignore[arg-type]
    evaluator = next(s for s in room.seats() if s.kind == "evaluator")
    with pytest.raises(AppError, match="given by name"):
        room.observe(evaluator.key, evaluator.code, "strength", "Text.", objective=["OBJ-1"])  # type: ignore[arg-type]


def test_a_seat_that_floods_is_slowed(room, within):
    from tabletop.app import room as room_module

    evaluator = next(s for s in room.seats() if s.kind == "evaluator")
    for n in range(room_module.PACE):
        room.observe(evaluator.key, evaluator.code, "strength", f"Note {n}.")
    with pytest.raises(AppError, match="a minute"):
        room.observe(evaluator.key, evaluator.code, "strength", "One too many.")
    seat = player_seat(room, within.role)  # another seat is not slowed
    room.propose(seat.key, seat.code, within.decision_point, within.option, "Ours.")

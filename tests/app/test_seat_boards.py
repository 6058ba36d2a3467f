"""What each device in the room is shown: a player's board holds their own role's brief,
injects, choices and proposals and nothing of another seat's; an evaluator's the
objectives and their notes; the projector only what the facilitator reveals. No board
holds a facilitator's notes. Boards are searched string by string (`roomgame.texts`)."""

from __future__ import annotations

import pytest
from roomgame import WITHIN, open_choice, participant, player_seat, texts, waiting_roles

from tabletop.app import Applied, Room
from tabletop.app.seat_boards import evaluator_board, player_board, projector_board
from tabletop.model.index import index_of


@pytest.fixture
def two(table):
    """A choice open to each of the first two roles a decision waits on."""
    first, second = waiting_roles(table)[:2]
    return open_choice(table, *WITHIN, role=first), open_choice(table, *WITHIN, role=second)


def _propose(room: Room, choice, rationale: str):
    seat = player_seat(room, choice.role)
    return room.propose(seat.key, seat.code, choice.decision_point, choice.option, rationale)


def _all_boards(room: Room) -> dict[str, object]:
    boards: dict[str, object] = {
        f"player:{r.id}": player_board(room, r.id) for r in room.game.pack.roles
    }
    boards.update(
        {s.key: evaluator_board(room, s.key) for s in room.seats() if s.kind == "evaluator"}
    )
    boards["projector"] = projector_board(room)
    return boards


# --- a player's board ------------------------------------------------------------------------


def test_a_players_board_holds_their_role_and_the_choices_open_to_it(room, table, two):
    mine = two[0]
    role = index_of(table.pack).roles[mine.role]
    board = player_board(room, mine.role)
    assert board.seat.role == mine.role and board.seat.participant == participant(mine.role)
    assert board.brief == role.brief and board.objectives == role.objectives
    open_to_me = [dp for dp, od in table.state.open_decisions.items() if mine.role in od.waiting]
    assert [a.question.id for a in board.asked] == open_to_me
    for asked in board.asked:
        offered = table.preview(asked.question.id, mine.role)
        assert [o.id for o in asked.options] == [p.option.id for p in offered]
        assert [o.verdict.kind for o in asked.options] == [p.verdict.kind for p in offered]
        assert asked.proposal is None
    assert board.event_count == table.state.event_count


def test_an_outside_mandate_option_is_shown_with_its_verdict(room, table):
    outside = open_choice(table, "outside_mandate")
    board = player_board(room, outside.role)
    (asked,) = [a for a in board.asked if a.question.id == outside.decision_point]
    (option,) = [o for o in asked.options if o.id == outside.option]
    assert option.verdict is not None and option.verdict.kind == "outside_mandate"
    assert option.verdict.label and option.verdict.headline


def test_a_players_board_holds_their_proposals_and_decisions(room, table, two):
    mine, theirs = two
    first = _propose(room, mine, "A first idea.")
    room.send_back(first.id, "Think about the neighbours.")
    second = _propose(room, mine, "A better idea.")
    _propose(room, theirs, "Their idea.")
    board = player_board(room, mine.role)
    assert [p.id for p in board.proposals] == [second.id, first.id]  # newest first
    assert board.proposals[1].note == "Think about the neighbours."
    (asked,) = [a for a in board.asked if a.question.id == mine.decision_point]
    assert asked.proposal == second
    assert isinstance(room.record(second.id), Applied)
    assert isinstance(table.decide(*theirs, "Recorded at the console."), Applied)
    board = player_board(room, mine.role)
    assert [(d.decision_point, d.role) for d in board.decided] == [mine[:2]]
    assert mine.decision_point not in {a.question.id for a in board.asked}


def test_a_players_board_shows_nothing_of_another_seat(room, table, two):
    mine, theirs = two
    _propose(room, mine, "Rationale of the first seat, 7f3a.")
    _propose(room, theirs, "Rationale of the second seat, 9c1e.")
    index = index_of(table.pack)
    for role in table.pack.roles:
        board = player_board(room, role.id)
        seen = texts(board)
        assert role.brief in seen  # the search sees what the board holds
        assert all(p.role == role.id for p in board.proposals)
        for rival in table.pack.roles:
            if rival.id == role.id:
                continue
            assert rival.brief not in seen, f"{role.id} sees {rival.id}'s brief"
            for objective in rival.objectives:
                if objective not in role.objectives:
                    assert objective not in seen, f"{role.id} sees {rival.id}'s objectives"
        offered_to_me = {
            text
            for dp, od in table.state.open_decisions.items()
            if role.id in od.waiting
            for p in table.preview(dp, role.id)
            for text in (p.option.label, p.option.description)
        }
        for dp, od in table.state.open_decisions.items():
            if role.id in od.waiting:
                continue
            for option in index.decision_points[dp].options:
                for text in (option.label, option.description):
                    if text and text not in offered_to_me:
                        assert text not in seen, f"{role.id} sees an option of {dp}"
    first_seen, second_seen = (
        texts(player_board(room, mine.role)),
        texts(player_board(room, theirs.role)),
    )
    assert "7f3a" in first_seen and "9c1e" not in first_seen
    assert "9c1e" in second_seen and "7f3a" not in second_seen


def test_a_player_sees_only_the_injects_sent_to_their_role(room, table, two):
    role = two[0].role
    index = index_of(table.pack)
    delivered = [i.id for i in table.situation(last=0).injects_by("delivered")]
    mine = [i for i in delivered if index.injects[i].to == "all" or role in index.injects[i].to]
    others = [i for i in delivered if i not in mine]
    assert others, "the test wants an inject delivered to other roles only"
    board = player_board(room, role)
    assert sorted(i.id for i in board.injects) == sorted(mine)
    seen = texts(board)
    for inject_id in others:
        assert index.injects[inject_id].body not in seen


# --- nobody's board holds the facilitator's notes --------------------------------------------


def test_no_board_holds_an_injects_facilitator_notes(room, table):
    for _ in range(4):  # deliver a few more injects
        table.advance_to_next()
    room.add_evaluator("Dr N. Ivanova")
    delivered = {i.id for i in table.situation(last=0).injects_by("delivered")}
    noted = [i for i in table.pack.injects if i.facilitator_notes]
    assert {i.id for i in noted} & delivered, "the test wants notes on a delivered inject"
    boards = _all_boards(room)
    everything = "\n".join(texts(b) for b in boards.values())
    assert any(i.body in everything for i in noted if i.id in delivered)
    for key, board in boards.items():
        seen = texts(board)
        for inject in noted:
            assert inject.facilitator_notes not in seen, f"{key} shows notes of {inject.id}"


# --- the evaluator's board -------------------------------------------------------------------


def test_an_evaluators_board_holds_the_objectives_and_their_own_notes(room, table):
    seat = room.add_evaluator("Dr N. Ivanova")
    room.observe(seat.key, seat.code, "strength", "Quick legal advice.")
    room.observe(seat.key, seat.code, "area_for_improvement", "Late to warn.")
    first = room.seat("evaluator:1")
    room.observe(first.key, first.code, "strength", "Another evaluator's note.")
    board = evaluator_board(room, seat.key)
    assert board.name == "Dr N. Ivanova"
    assert board.objectives == tuple((o.id, o.text) for o in table.pack.objectives)
    assert [n.text for n in board.notes] == ["Late to warn.", "Quick legal advice."]
    assert [q.id for q in board.questions] == list(table.state.open_decisions)
    current = table.situation(last=0).current_inject
    assert board.inject is not None and current is not None and board.inject.id == current.id


# --- the projector ---------------------------------------------------------------------------


def test_the_projector_shows_the_open_questions_and_who_decides(room, table):
    board = projector_board(room)
    situation = table.situation(last=0)
    assert board.pack_title == situation.pack_title and board.exercise == situation.exercise
    titles = {r.id: r.title for r in table.pack.roles}
    assert [q.id for q in board.questions] == list(table.state.open_decisions)
    for q in board.questions:
        waiting = table.state.open_decisions[q.id].waiting
        assert q.waiting == tuple(titles[r] for r in waiting)
    assert board.revealed == ()


def test_the_projector_shows_the_latest_inject_addressed_to_all(room, table):
    index = index_of(table.pack)
    delivered = table.situation(last=0).injects_by("delivered")
    public = [i.id for i in delivered if index.injects[i.id].to == "all"]
    private = [i for i in delivered if index.injects[i.id].to != "all"]
    assert private, "the table game has delivered an inject sent to some seats only"
    board = projector_board(room)
    assert board.inject is not None and board.inject.id == public[-1]
    seen = texts(board)
    for inject in private:
        assert inject.body not in seen, f"the projector shows {inject.id}, sent to some seats"


def test_the_projector_shows_no_options_and_no_briefs(room, table, two):
    _propose(room, two[0], "Proposed from a seat.")
    seen = texts(projector_board(room))
    for dp in table.pack.decision_points:
        for option in dp.options:
            assert option.label not in seen, f"the projector shows {dp.id}: {option.label}"
    for role in table.pack.roles:
        assert role.brief not in seen
    assert "Proposed from a seat." not in seen


def test_the_projector_shows_the_revealed_decisions_only(room, table, two):
    shown, hidden = two
    index = index_of(table.pack)
    for choice in two:
        assert isinstance(table.decide(*choice, "Decided."), Applied)
    room.reveal(shown.decision_point, shown.role)
    board = projector_board(room)
    (revealed,) = board.revealed
    label = next(
        o.label for o in index.decision_points[shown.decision_point].options if o.id == shown.option
    )
    assert (revealed.decision_point, revealed.role, revealed.option) == (
        shown.decision_point,
        shown.role,
        label,
    )
    assert revealed.role_title == index.roles[shown.role].title
    hidden_label = next(
        o.label
        for o in index.decision_points[hidden.decision_point].options
        if o.id == hidden.option
    )
    assert hidden_label != label
    seen = texts(board)
    assert label in seen and hidden_label not in seen
    room.conceal(shown.decision_point, shown.role)
    board = projector_board(room)
    assert board.revealed == () and label not in texts(board)

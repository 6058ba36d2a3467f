"""What the facilitator tells of the exercise (type, place, sponsor, contacts, evaluators,
controllers), an area for improvement's reference and analysis, and the plan row that
answers one: recorded, validated, folded, snapshotted."""

from __future__ import annotations

from datetime import date

import pytest

from tabletop.engine import Change, end_session, note, plan, record_details, replay
from tabletop.engine.snapshot import decode_state, encode_state
from tabletop.model.events import ExerciseDetailsRecorded, PointOfContact

PETROV = PointOfContact(name=" Col. A. Petrov ", role="Exercise director", organisation="Staff")


def _plan(game, addresses=None):
    return game.do(
        plan,
        issue="UNSC told late.",
        corrective_action="Name who notifies.",
        capability_element="planning",
        responsible_org="Secretariat",
        point_of_contact="Head of legal",
        start_date=date(2031, 4, 1),
        completion_date=date(2031, 6, 30),
        addresses=addresses,
    )


def test_details_are_recorded_whole_and_the_latest_counts(game, ok):
    assert game.state.details is None
    first = ok(
        game.do(
            record_details,
            exercise_type="seminar",
            location="  Staff college, room 4 ",
            sponsor="",
            points_of_contact=[PETROV],
            evaluators=["Dr N. Ivanova", " ", "Maj. K. Sato"],
            controllers=[],
        )
    )
    event = first[0]
    assert isinstance(event, ExerciseDetailsRecorded)
    assert event.location == "Staff college, room 4" and event.sponsor is None
    assert event.points_of_contact is not None and event.points_of_contact[0].name == (
        "Col. A. Petrov"
    )
    assert event.evaluators == ("Dr N. Ivanova", "Maj. K. Sato") and event.controllers is None
    # None is left out of the logged (and hashed) event.
    assert "sponsor" not in event.model_dump(exclude_none=True)
    ok(game.do(record_details, exercise_type="tabletop", location="Room 5"))
    assert game.state.details is not None
    assert game.state.details.exercise_type == "tabletop"
    assert game.state.details.location == "Room 5" and game.state.details.evaluators is None
    assert replay(game.events).details == game.state.details


def test_details_can_be_given_after_the_end(game, ok):
    ok(game.do(end_session))
    ok(game.do(record_details, location="Hot wash room"))
    assert game.state.details is not None and game.state.details.location == "Hot wash room"


@pytest.mark.parametrize(
    ("fields", "code", "words"),
    [
        ({"exercise_type": "drill"}, "bad-exercise-type", "seminar, tabletop, game"),
        (
            {"points_of_contact": [PointOfContact(name=" ", role="Director")]},
            "no-contact-name",
            "point of contact 1",
        ),
        ({"location": "x" * 20_001}, "bad-input", "location"),
    ],
)
def test_bad_details_are_refused_and_change_nothing(game, refused, fields, code, words):
    before = game.state
    refusal = refused(game.do(record_details, **fields))
    assert refusal.code == code and words in refusal.message
    assert game.state is before and game.state.details is None


def test_an_area_for_improvement_carries_its_reference_and_analysis(game, ok):
    noted = ok(
        game.do(
            note,
            "area_for_improvement",
            "UNSC not notified.",
            reference=" Peacekeeping agreement (2007) ",
            analysis="Nobody owned the notification.",
        )
    )[0]
    assert noted.reference == "Peacekeeping agreement (2007)"  # type: ignore[union-attr]
    assert noted.analysis == "Nobody owned the notification."  # type: ignore[union-attr]
    strength = ok(game.do(note, "strength", "Calm.", reference="", analysis=None))[0]
    assert strength.reference is None and strength.analysis is None  # type: ignore[union-attr]
    seq = game.state.event_count - 1
    assert list(game.state.areas_for_improvement) == [(seq, "UNSC not notified.")]


def test_a_plan_row_answers_an_area_for_improvement_of_this_log(game, ok, refused):
    refusal = refused(_plan(game, addresses=1))
    assert refusal.code == "unknown-area" and "none has been noted yet" in refusal.message
    ok(game.do(note, "strength", "Calm."))
    strength = game.state.event_count
    ok(game.do(note, "area_for_improvement", "UNSC not notified."))
    area = game.state.event_count
    refusal = refused(_plan(game, addresses=strength))
    assert f"event {strength} is not an area for improvement" in refusal.message
    assert f"events {area}" in refusal.message
    row = ok(_plan(game, addresses=area))[0]
    assert row.addresses == area  # type: ignore[union-attr]
    assert ok(_plan(game))[0].addresses is None  # type: ignore[union-attr]


def test_the_snapshot_keeps_the_details_and_the_areas(game, ok):
    ok(game.do(note, "area_for_improvement", "UNSC not notified."))
    ok(game.do(record_details, exercise_type="game", points_of_contact=[PETROV]))
    again = decode_state(encode_state(game.state))
    assert again == game.state
    assert again.details is not None and again.areas_for_improvement


def test_states_share_the_areas_yet_none_sees_another_s(game, ok):
    ok(game.do(note, "area_for_improvement", "First."))
    before = game.state
    # A command whose events were made but never kept (say the store refused them) ...
    lost = note(before, game.pack, "area_for_improvement", "Lost.", now=game.clock())
    assert isinstance(lost, Change) and len(lost.state.areas_for_improvement) == 2
    # ... leaves the state it started from as it was, and the next command forks from it.
    assert [t for _, t in before.areas_for_improvement] == ["First."]
    ok(game.do(note, "area_for_improvement", "Second."))
    assert [t for _, t in game.state.areas_for_improvement] == ["First.", "Second."]
    assert [t for _, t in lost.state.areas_for_improvement] == ["First.", "Lost."]
    assert [t for _, t in before.areas_for_improvement] == ["First."]
    seq = game.state.event_count
    assert game.state.areas_for_improvement.text_of(seq) == "Second."
    assert seq in game.state.areas_for_improvement and seq not in before.areas_for_improvement
    assert replay(game.events) == game.state


def test_a_refusal_names_the_latest_areas_only(game, ok, refused):
    for n in range(12):
        ok(game.do(note, "area_for_improvement", f"Area {n}."))
    message = refused(_plan(game, addresses=1)).message
    assert message.endswith("; 12 in all)") and message.count(",") == 9

"""The exercise's details through the game (recorded, kept across reopening), the areas
for improvement a plan row may answer, and the typed text of contacts and names."""

from __future__ import annotations

from datetime import date

import pytest

from tabletop.app import Applied, AreaForImprovement, Refusal
from tabletop.app.exercise_details import (
    DetailsError,
    contacts_text,
    names_text,
    parse_contacts,
    parse_names,
)
from tabletop.model.events import PointOfContact


def test_details_are_recorded_and_survive_reopening(game, workspace):
    assert game.details is None
    done = game.record_details(
        exercise_type="seminar",
        location="Staff college, seminar room 2",
        points_of_contact=parse_contacts("Col. A. Petrov — Exercise director"),
        evaluators=parse_names("Dr N. Ivanova, Maj. K. Sato"),
    )
    assert isinstance(done, Applied)
    game.end()
    assert isinstance(game.record_details(exercise_type="tabletop"), Applied)
    reopened = workspace.open(game.id)
    assert reopened.details == game.details
    assert reopened.details is not None and reopened.details.exercise_type == "tabletop"
    assert reopened.details.location is None  # the whole set: the latest counts


def test_a_plan_row_answers_an_area_noted_in_the_game(game):
    game.note("strength", "Calm.")
    game.note(
        "area_for_improvement",
        "Parliament briefed late.",
        reference="Defence act, art. 9",
        analysis="No one owned the briefing.",
    )
    areas = game.areas_for_improvement()
    assert areas == (AreaForImprovement(game.state.event_count, "Parliament briefed late."),)
    row = {
        "issue": "Late briefing.",
        "corrective_action": "Checklist.",
        "capability_element": "planning",
        "responsible_org": "MoD",
        "point_of_contact": "Legal",
        "start_date": date(2031, 4, 1),
        "completion_date": date(2031, 5, 1),
    }
    refused = game.plan(**row, addresses=areas[0].seq - 1)  # the strength
    assert isinstance(refused, Refusal) and "not an area for improvement" in refused.message
    done = game.plan(**row, addresses=areas[0].seq)
    assert isinstance(done, Applied) and done.events[0].addresses == areas[0].seq  # type: ignore[union-attr]


def test_contacts_are_read_line_by_line_with_any_dash():
    text = (
        "Col. A. Petrov — Exercise director — Staff college — a.petrov@example.org\n"
        "\n"
        "Ms. L. Chen-Park – Controller lead | Secretariat\n"
        "Dr N. Ivanova - Evaluator\n"
    )
    assert parse_contacts(text) == (
        PointOfContact(
            name="Col. A. Petrov",
            role="Exercise director",
            organisation="Staff college",
            contact="a.petrov@example.org",
        ),
        PointOfContact(name="Ms. L. Chen-Park", role="Controller lead", organisation="Secretariat"),
        PointOfContact(name="Dr N. Ivanova", role="Evaluator"),
    )
    assert parse_contacts(contacts_text(parse_contacts(text))) == parse_contacts(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Petrov — director\n — Staff college", "line 2: begin with the name"),
        ("A — b — c — d — e", "line 1: 5 parts, at most 4"),
    ],
)
def test_contacts_that_cannot_be_read_say_which_line(text, words):
    with pytest.raises(DetailsError, match=words):
        parse_contacts(text)


def test_names_by_commas_or_by_lines():
    assert parse_names("Dr N. Ivanova, Maj. K. Sato;  ") == ("Dr N. Ivanova", "Maj. K. Sato")
    assert parse_names("Ivanova, PhD\nSato\n") == ("Ivanova, PhD", "Sato")
    for names in (("Ivanova, PhD", "Sato"), ("Ivanova", "Sato")):
        assert parse_names(names_text(names)) == names
    assert names_text(None) == "" and parse_names("") == ()

"""The exercise's details from the setup form and the console's dialog, an area for
improvement's reference and analysis, and the plan row's "Answers", driven as the screens
drive them."""

from __future__ import annotations

from tabletop.hashchain.chain import read_events
from tabletop.model import events as ev
from tabletop.ui.viewmodels.console_vm import ConsoleModel
from tabletop.ui.viewmodels.details_vm import DetailsForm, summary
from tabletop.ui.viewmodels.setup_vm import SetupModel

CONTACTS = "Col. A. Fictive — Exercise director — Staff college — director@example.org\n"


def _setup(hub, example) -> SetupModel:
    setup = SetupModel(hub, example)
    setup.facilitator = "Col. Amsel"
    setup.seat("arv_government", "Maj. Varn")
    return setup


def test_setup_records_the_details_after_the_start_and_the_seats(hub, example, workspace):
    setup = _setup(hub, example)
    assert setup.details.exercise_type == "tabletop"  # the default
    d = setup.details
    d.location, d.contacts = "Seminar room 2", CONTACTS
    d.evaluators, d.controllers = "Dr. L. Sample, Maj. I. Mock", "Capt. O. Standin"
    game = setup.start()
    assert game is not None and not setup.error and not setup.warning
    log = workspace.read(game.id)
    types = [e.type for e in read_events(log.rows)]
    assert types[-2:] == ["role_assigned", "exercise_details_recorded"]
    details = game.details
    assert details is not None and details.exercise_type == "tabletop"
    assert details.evaluators == ("Dr. L. Sample", "Maj. I. Mock")
    assert details.points_of_contact == (
        ev.PointOfContact(
            name="Col. A. Fictive",
            role="Exercise director",
            organisation="Staff college",
            contact="director@example.org",
        ),
    )


def test_setup_with_contacts_it_cannot_read_starts_nothing(hub, example, workspace):
    setup = _setup(hub, example)
    setup.details.contacts = "Col. A. Fictive\n— Director"
    assert setup.start() is None
    assert setup.error == "Point of contact, line 2: begin with the name."
    assert workspace.sessions() == []


def test_setup_says_so_when_the_details_are_refused_after_the_start(hub, example):
    setup = _setup(hub, example)
    setup.details.location = "x" * 20_001  # longer than the log takes
    game = setup.start()
    assert game is not None and game.details is None
    assert "not recorded" in setup.warning and "Plan tab" in setup.warning


def test_setup_offers_the_packs_sponsor(hub, example):
    assert SetupModel(hub, example).pack_sponsor == example.pack.meta.sponsor


def test_the_console_edits_the_details_prefilled_with_the_latest(console: ConsoleModel, game):
    notes = console.notes
    assert notes.details == DetailsForm() and summary(game.details) == ""
    notes.details.location, notes.details.contacts = "Room 4", CONTACTS
    assert notes.save_details()
    game.end()
    form = notes.edit_details()
    assert form.location == "Room 4" and form.contacts == CONTACTS.strip()
    form.exercise_type, form.evaluators = "seminar", "Dr. L. Sample"
    assert notes.save_details()  # after the end too
    assert game.details is not None and game.details.location == "Room 4"
    assert summary(game.details) == "Seminar · Room 4 · 1 point of contact · 1 evaluator"
    notes.details.contacts = "A — b — c — d — e"
    assert not notes.save_details()
    assert console.notice is not None and "line 1: 5 parts" in console.notice.text


def test_an_area_keeps_its_reference_and_analysis_a_strength_does_not(console, game, workspace):
    f = console.notes.observation
    f.kind, f.text = "area_for_improvement", "Council told late."
    f.reference, f.analysis = "Peacekeeping agreement, art. 9", "No owner."
    assert console.notes.add_observation()
    assert console.notes.observation.reference == ""  # emptied for the next
    f = console.notes.observation
    f.kind, f.text, f.reference = "strength", "Calm chairing.", "typed, then kind changed"
    assert console.notes.add_observation()
    area, strength = game.areas_for_improvement()[0].seq, game.state.event_count
    events = dict(enumerate(read_events(workspace.read(game.id).rows), start=1))
    assert events[area].reference == "Peacekeeping agreement, art. 9"  # type: ignore[union-attr]
    assert events[area].analysis == "No owner."  # type: ignore[union-attr]
    assert events[strength].reference is None  # type: ignore[union-attr]


def test_a_plan_row_answers_an_area_chosen_from_those_noted(console, game):
    assert console.notes.areas() == ()
    game.note("area_for_improvement", "Council told late; " + "very " * 30 + "late.")
    ((key, words),) = console.notes.areas()
    assert key == str(game.state.event_count) and words.startswith(f"#{key}: Council told")
    assert words.endswith("…") and len(words) < 90
    p = console.notes.plan
    p.issue, p.corrective_action = "Late notice.", "Checklist."
    p.organisation, p.contact, p.completion = "Compact", "Legal", "2031-06-30"
    p.start, p.answers = "2031-04-01", key
    assert console.notes.add_plan_row()
    assert game.state.plan_count == 1 and console.notes.plan.answers == ""

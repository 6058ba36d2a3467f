"""The exercise details, the area-for-improvement fields and the plan row's "Answers" on
the screens built headless (`ui_fakes`): the fields appear where they should, and what is
typed reaches the game."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import flet as ft
from ui_fakes import FakeShell, buttons, fields, texts, walk

from tabletop.app import Game
from tabletop.ui.views.console_view import ConsoleScreen
from tabletop.ui.views.setup_view import SetupScreen

DETAILS = ("Location", "Sponsor", "Points of contact", "Evaluators", "Controllers")


def _typed(field: Any, value: str) -> None:
    field.value = value
    field.on_change(SimpleNamespace(control=field))


def _dropdowns(root: Any) -> dict[str, ft.Dropdown]:
    return {c.label: c for c in walk(root) if isinstance(c, ft.Dropdown)}


def test_setup_has_the_exercise_details_with_the_packs_sponsor_as_hint(shell: FakeShell, example):
    screen = SetupScreen(shell, example)  # type: ignore[arg-type]  # a fake shell
    root = screen.build()
    found = fields(root)
    assert all(label in found for label in DETAILS)
    kind = _dropdowns(root)["Exercise type"]
    assert kind.value == "tabletop" and kind.tooltip == "Exercise type"
    sponsor = example.pack.meta.sponsor
    assert found["Sponsor"].helper == (
        f"Empty: the pack's, {sponsor}" if sponsor else "Who sponsors the exercise"
    )
    assert found["Points of contact"].helper == ("One a line: Name — role — organisation — contact")
    _typed(found["Location"], "Seminar room 2")
    _typed(found["Facilitator"], "Col. Amsel")
    started: list[Game] = []
    shell.console = started.append  # type: ignore[attr-defined]  # the fake has no console
    buttons(root)["Start the session"].on_click(None)
    (game,) = started
    assert game.details is not None and game.details.location == "Seminar room 2"


def test_the_area_fields_show_for_an_area_for_improvement_only(shell: FakeShell, game: Game):
    screen = ConsoleScreen(shell, game)  # type: ignore[arg-type]
    screen.build()
    forms = screen.forms
    assert not forms.area_fields.visible
    assert {"Reference", "Analysis (root cause)"} <= set(fields(forms.area_fields))
    forms._kind_chosen(SimpleNamespace(control=SimpleNamespace(value="area_for_improvement")))
    assert forms.area_fields.visible and forms.area_fields in shell.page.patched
    _typed(fields(forms.observe)["Observation"], "Council told late.")
    _typed(fields(forms.observe)["Reference"], "Agreement, art. 9")
    buttons(forms.observe)["Add observation"].on_click(None)
    (area,) = game.areas_for_improvement()
    # The plan's "Answers" now offers it.
    keys = [o.key for o in forms.answers.options]
    assert keys == ["-", str(area.seq)] and forms.answers in shell.page.patched


def test_the_console_edits_the_details_in_a_dialog(shell: FakeShell, game: Game):
    game.record_details(location="Room 4", evaluators=("Dr. L. Sample",))
    game.end()
    screen = ConsoleScreen(shell, game)  # type: ignore[arg-type]
    root = screen.build()
    assert "Tabletop exercise" not in texts(screen.forms.plan)
    assert "Room 4 · 1 evaluator" in texts(screen.forms.plan)
    buttons(root)["Edit exercise details"].on_click(None)
    (dialog,) = shell.page.dialogs
    found = fields(dialog)
    assert found["Location"].value == "Room 4" and found["Evaluators"].value == "Dr. L. Sample"
    _typed(found["Points of contact"], "A — b — c — d — e")
    actions = {b.content: b for b in dialog.actions}
    actions["Save details"].on_click(None)
    assert dialog.open and any("5 parts" in t for t in texts(dialog))
    _typed(found["Points of contact"], "Col. A. Fictive — Exercise director")
    actions["Save details"].on_click(None)
    assert not dialog.open
    assert game.details is not None and game.details.points_of_contact is not None
    assert "Room 4 · 1 point of contact · 1 evaluator" in texts(screen.forms.plan)

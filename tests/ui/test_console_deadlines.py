"""Obligations with time on the console: the due time of each open obligation, and the late
ones first, marked by colour, icon and word."""

from __future__ import annotations

from datetime import timedelta

import flet as ft
import pytest
from ui_fakes import FakeShell, texts, walk

from tabletop.app import Game, Workspace
from tabletop.model.effects import SetFact
from tabletop.packs import LoadedPack
from tabletop.ui import theme
from tabletop.ui.viewmodels.console_rows import obligations
from tabletop.ui.viewmodels.console_vm import ConsoleModel
from tabletop.ui.views.console_view import ConsoleScreen


@pytest.fixture
def deployed(workspace: Workspace, deadlines: LoadedPack) -> Game:
    """A game of the deadline pack, the force deployed at 08:00 (three obligations owed)."""
    game = workspace.start(deadlines, facilitator="Facilitator", exercise="Deadline tests")
    game.assign("lead", "Dr. Osei")
    console = ConsoleModel(game)
    console.choose_decision("DP-1")
    console.choose_role("lead")
    console.choose_option("deploy")
    console.rationale = "Land asked."
    assert console.record(), console.notice
    return game


def test_open_obligations_show_when_they_are_due(deployed: Game):
    rows = obligations(ConsoleModel(deployed).situation)
    assert [(r.status, r.word, r.due) for r in rows] == [
        ("open", "Open", "Due 01 Jan 08:00 (at once)"),
        ("open", "Open", "Due 02 Jan 08:00 (within 24 hours)"),
        ("open", "Open", "No deadline"),
    ]
    assert rows[0].deadline_note.startswith("The treaty says 'at once'")
    assert rows[2].deadline_note == ""


def test_late_ones_come_first_and_say_by_how_much(deployed: Game):
    deployed.advance(by=timedelta(hours=25))
    rows = obligations(ConsoleModel(deployed).situation)
    assert [(r.text.split(" ")[0], r.word) for r in rows] == [
        ("Inform", "Late"),
        ("Report", "Late"),
        ("Review", "Open"),
    ]
    assert rows[0].due == "Late by 1 day 1 h: due 01 Jan 08:00 (at once)"
    assert rows[1].due == "Late by 1 h: due 02 Jan 08:00 (within 24 hours)"
    # Met late, it leaves the panel like any met obligation.
    deployed.adjudicate("Told at last.", [SetFact(fact="council_informed", set=True)])
    rows = obligations(ConsoleModel(deployed).situation)
    assert [r.text.split(" ")[0] for r in rows] == ["Report", "Review"]


def test_a_late_one_is_sorted_before_an_older_open_one(deployed: Game):
    deployed.advance(by=timedelta(minutes=30))
    rows = obligations(ConsoleModel(deployed).situation)
    assert [r.word for r in rows] == ["Late", "Open", "Open"]


def test_the_panel_marks_late_in_colour_and_word(shell: FakeShell, deployed: Game):
    screen = ConsoleScreen(shell, deployed)  # type: ignore[arg-type]  # a fake shell
    screen.build()
    shown = texts(screen.world)
    assert "Open obligations" in shown and "Late" not in shown
    deployed.advance(by=timedelta(hours=2))  # the screen follows the game
    shown = texts(screen.world)
    assert "Open obligations, 1 late" in shown
    late = next(c for c in walk(screen.world) if isinstance(c, ft.Text) and c.value == "Late")
    assert late.color == theme.DANGER
    icons = [c for c in walk(screen.world) if isinstance(c, ft.Icon) and c.color == theme.DANGER]
    assert [i.icon for i in icons] == [ft.Icons.ALARM]
    due = next(t for t in shown if t.startswith("Late by"))
    assert due == "Late by 2 h: due 01 Jan 08:00 (at once)"
    assert shown.index("Late") < shown.index("Open")
    screen.close()

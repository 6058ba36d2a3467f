"""The console screen built headless, on a fake shell and page (`ui_fakes`): it builds on a
fresh and an ended game, its buttons call the game, and it follows changes made elsewhere."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import flet as ft
from ui_fakes import FakeShell, buttons, texts, walk

from tabletop.app import Game
from tabletop.ui.views.console_view import ConsoleScreen


def _screen(shell: FakeShell, game: Game) -> tuple[ConsoleScreen, Any]:
    screen = ConsoleScreen(shell, game)  # type: ignore[arg-type]  # a fake shell
    return screen, screen.build()


def test_it_builds_on_a_fresh_game(shell: FakeShell, game: Game):
    _, root = _screen(shell, game)
    names = buttons(root)
    for name in ("Pause", "+15 min", "+1 h", "Next due", "End session", "Report", "Library"):
        assert name in names
    assert names["Record"].disabled  # no option chosen yet
    radios = [c.label for c in walk(root) if isinstance(c, ft.Radio)]
    assert "Hold and consult" in radios
    why = [c.semantics_label for c in walk(root) if isinstance(c, ft.Text) and c.semantics_label]
    assert "Why: Hold and consult" in why
    assert "Shots at Tavrin crossing" in texts(root)


def test_it_builds_on_an_ended_game(shell: FakeShell, game: Game):
    game.end("Done.")
    _, root = _screen(shell, game)
    names = buttons(root)
    assert "Pause" not in names and "End session" not in names and "Next due" not in names
    assert isinstance(names["Report"], ft.FilledButton)
    assert "Add observation" in names
    assert any("The session has ended" in t for t in texts(root))


def test_buttons_call_the_game_and_the_log_shows_it(shell: FakeShell, game: Game):
    screen, root = _screen(shell, game)
    start = game.state.clock.time
    buttons(root)["+1 h"].on_click(None)
    assert game.state.clock.time == start + timedelta(hours=1)
    assert shell.notices and not shell.notices[-1][1]
    assert any("Scenario clock moves" in t for t in texts(screen.log))
    # Only what changed is sent: the clock and the log, not the forms or the world.
    assert screen.top in shell.page.patched and screen.log in shell.page.patched
    assert screen.world not in shell.page.patched
    assert screen.forms.observe not in shell.page.patched


def test_an_outside_mandate_record_opens_the_override_dialog(shell: FakeShell, at_dp3: Game):
    screen, _root = _screen(shell, at_dp3)
    screen.model.choose_role("blk_defence")
    screen.model.choose_option("battalion")
    screen.model.rationale = "Help them."
    before = at_dp3.state.event_count
    screen.decision.on_record(None)
    (dialog,) = shell.page.dialogs
    assert dialog.open and "Outside mandate" in dialog.title.value
    actions = {b.content: b for b in dialog.actions}
    assert set(actions) == {"Cancel", "Refuse instead", "Record with override"}
    actions["Cancel"].on_click(None)
    assert not dialog.open and at_dp3.state.event_count == before


def test_it_follows_another_window_and_lets_go_on_close(shell: FakeShell, at_dp3: Game):
    screen, _root = _screen(shell, at_dp3)
    at_dp3.decide("DP-3", "ncp_secretariat", "deploy", "From another tab.")
    assert shell.page.tasks == 1
    assert screen.model.role == "blk_defence"
    assert any("Deploy Compact peacekeepers" in t for t in texts(screen.log))
    assert any("Inform the Council of Nations" in t for t in texts(screen.world))
    screen.close()
    at_dp3.note("strength", "After the screen closed.")
    assert shell.page.tasks == 1


def test_why_explains_and_deliver_asks_for_a_note(shell: FakeShell, at_dp3: Game):
    screen, _root = _screen(shell, at_dp3)
    screen.model.choose_role("blk_defence")
    screen.decision.on_why("battalion")
    (why,) = shell.page.dialogs
    assert why.title.value == "Why: Send a Belosk battalion"
    words = texts(why.content)
    # Marks say whether the rule's condition is met; a condition not met says what is needed.
    assert "not met" in words
    assert (
        "Arvenia has not asked Belosk for assistance — needed: "
        "Arvenia has asked Belosk for assistance" in words
    )
    assert any(w.startswith("Nearest power: ") for w in words)
    assert any(w.startswith("Instruments consulted: ") for w in words)
    screen.model.show_inject("INJ-08")
    screen.on_deliver(None)
    deliver = shell.page.dialogs[-1]
    note = next(c for c in walk(deliver.content) if isinstance(c, ft.TextField))
    assert note.label == "Delivery note"
    note.value = "Early."
    {b.content: b for b in deliver.actions}["Deliver"].on_click(None)
    assert "INJ-08" in at_dp3.state.delivered_ids and not deliver.open

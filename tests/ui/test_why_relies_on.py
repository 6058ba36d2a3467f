"""The console's "Why" says where each fact the verdict relies on came from in the game."""

from __future__ import annotations

from ui_fakes import FakeShell, texts

from tabletop.app import Game
from tabletop.ui.viewmodels.console_vm import ConsoleModel
from tabletop.ui.views.console_view import ConsoleScreen

FRAMED = (
    "Requests for assistance: Arvenia → the Compact — as framed by the Government of Arvenia "
    "at DP-2 (Ask the Northern Compact)"
)


def test_why_lists_what_the_verdict_relies_on_and_its_origin(shell: FakeShell, at_dp3: Game):
    screen = ConsoleScreen(shell, at_dp3)  # type: ignore[arg-type]  # a fake shell
    screen.build()
    screen.model.choose_role("ncp_secretariat")
    screen.decision.on_why("deploy")
    (why,) = shell.page.dialogs
    words = texts(why.content)
    assert "Relies on" in words
    assert words.index(FRAMED) > words.index("Relies on")


def test_the_view_model_gives_the_same_words(at_dp3: Game):
    console = ConsoleModel(at_dp3)
    console.choose_role("ncp_secretariat")
    why = console.explain("deploy")
    assert why is not None and why.relies_on == (FRAMED,)

"""The console's keys in a real browser: `?` lists them, N moves the clock to the next
inject, F shows the projector and Escape brings the console back, and letters typed into
a field stay in the field (the clock does not move)."""

from __future__ import annotations

from pathlib import Path

from e2e_support import Screen

from tabletop.app import Workspace
from tabletop.paths import shipped_scenarios_dir


def _clock(home: Path) -> tuple[str, int]:
    with Workspace(home) as workspace:
        (info,) = workspace.sessions()
        state = workspace.open(info.id).state
        return state.clock.time.isoformat(), state.event_count


def test_keys_drive_the_console_but_not_a_field(start_app, screen: Screen, tmp_path: Path):
    home = tmp_path / "home"
    with Workspace(home) as workspace:
        loaded = workspace.load_pack(shipped_scenarios_dir() / "kazakh-unrest-2022.json").loaded
        assert loaded is not None
        workspace.start(loaded, facilitator="Col. Amsel", exercise="Keys trial")
    app = start_app(home)
    screen.open(app.url)
    screen.click("Resume Keys trial")
    screen.see("Next due")
    page = screen.page
    page.wait_for_timeout(500)

    page.keyboard.press("?")
    screen.see("Keyboard shortcuts")
    screen.see("Show the newest decision on the projector")
    screen.shot("console-keys")
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)

    before = _clock(home)
    page.keyboard.press("n")
    screen.see("Scenario clock at")
    moved = _clock(home)
    assert moved[0] > before[0], "N moved the clock to the next inject"

    screen.type("Rationale", "nap h")  # N, A, P, Space, H: all typed, none a shortcut
    page.wait_for_timeout(800)
    assert _clock(home) == moved, "keys typed into a field reached the console"
    assert page.get_by_role("textbox", name="Rationale").first.input_value() == "nap h"

    page.keyboard.press("Tab")  # leave the field: the keys are the console's again
    page.wait_for_timeout(300)
    page.keyboard.press("f")
    screen.button("Back to the console").wait_for(timeout=20000)
    page.keyboard.press("Escape")
    screen.see("Next due")

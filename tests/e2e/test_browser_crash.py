"""The app killed mid-game (SIGKILL, as a laptop whose battery dies): started again, it
offers to resume the game, and the session holds every decision the screen confirmed."""

from __future__ import annotations

from pathlib import Path

from tabletop.app import Workspace


def test_a_killed_app_offers_to_resume_with_every_confirmed_decision(
    start_app, screen, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    app = start_app(home)
    screen.open(app.url)
    screen.click("Preview January 2022")
    screen.click("Set up a session")
    screen.type("Facilitator", "Col. Amsel")
    screen.type("Presidential Administration of Kazakhstan (Kazakhstan)", "Player One")
    screen.click("Start the session")
    for _ in range(20):
        if screen.has_entry("Decision point", "DP-1 "):
            break
        screen.click("Next due", exact=True)
    screen.pick("Decision point", "DP-1 ")
    screen.page.get_by_role("radio", name="Acknowledge the grievances").first.click()
    screen.type("Rationale", "Start with dialogue.")
    screen.click("Record", exact=True)
    screen.see("chose 'Acknowledge the grievances'")  # confirmed on screen
    app.kill()

    again = start_app(home)
    screen.open(again.url)
    screen.see("A game is in progress")
    screen.shot("library-resume-offer")
    screen.click("Resume January 2022")
    screen.see("chose 'Acknowledge the grievances'")
    with Workspace(home) as workspace:
        (info,) = workspace.sessions()
        assert info.ended_at is None
        decided = workspace.open(info.id).state.decisions
        assert decided[("DP-1", "kaz_presidency")].option == "hear-grievances"
        assert workspace.verify(info.id).ok

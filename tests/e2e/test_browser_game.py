"""A whole short game of each shipped pack in a real browser, as a facilitator plays it:
open the pack, seat the roles, move the clock and deliver injects, record a permitted
decision, override one outside the mandate with a justification, refuse another, add an
observation with a rating, end, export the HTML report; then the stored session verifies
and holds every decision the screen confirmed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tabletop.app import Workspace
from tabletop.cli import main
from tabletop.hashchain.chain import read_events
from tabletop.model.events import DecisionRejected, ObservationNoted
from tabletop.paths import shipped_scenarios_dir


@dataclass(frozen=True)
class Plan:
    """What the facilitator does in one pack's game (from its override playthrough)."""

    pack_title: str
    seats: tuple[tuple[str, str], ...]
    """(seat label, participant) typed at setup."""
    permitted: tuple[str, str, str]
    """(decision point, role title, option label) within the mandate."""
    refused: tuple[str, str, str]
    overridden: tuple[str, str, str]
    objective: str


def _plan(pack_file: str, permitted: tuple[str, str, str], refused: tuple[str, str, str],
          overridden: tuple[str, str, str]) -> Plan:  # fmt: skip
    """A plan from the pack's own ids, with titles and labels looked up in the pack."""
    pack = json.loads((shipped_scenarios_dir() / pack_file).read_text("utf-8"))
    roles = {r["id"]: r["title"] for r in pack["roles"]}
    labels = {
        (dp["id"], o["id"]): o["label"] for dp in pack["decision_points"] for o in dp["options"]
    }

    def words(choice: tuple[str, str, str]) -> tuple[str, str, str]:
        dp, role, option = choice
        return dp, roles[role], labels[(dp, option)]

    first_two = [r["id"] for r in pack["roles"]][:2]
    return Plan(
        pack_title=pack["meta"]["title"],
        seats=tuple((roles[r], f"Player {n + 1}") for n, r in enumerate(first_two)),
        permitted=words(permitted),
        refused=words(refused),
        overridden=words(overridden),
        objective=pack["objectives"][0]["id"],
    )


PLANS = {
    "kazakh": lambda: _plan(
        "kazakh-unrest-2022.json",
        permitted=("DP-1", "kaz_presidency", "hear-grievances"),
        refused=("DP-3", "rus_leadership", "bilateral-troops"),
        overridden=("DP-8", "sco_rats", "sco-force"),
    ),
    "afghan": lambda: _plan(
        "afghan-border-incursion.json",
        permitted=("DP-3", "rus_mod", "trilateral-drills"),
        refused=("DP-1", "csto_secretariat", "strike-plan"),
        # Uzbekistan asking the CSTO is its sovereign right (permitted): the strike refused
        # first is then played on the facilitator's override.
        overridden=("DP-1", "csto_secretariat", "strike-plan"),
    ),
}


def _until_open(screen, dp: str) -> None:  # type: ignore[no-untyped-def]
    """Move the clock to the next thing due until the decision point is open."""
    for _ in range(30):
        if screen.has_entry("Decision point", dp + " "):
            return
        screen.click("Next due", exact=True)
        screen.page.wait_for_timeout(500)
    raise AssertionError(f"{dp} never opened")


def _choose(screen, choice: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    """Pick the decision point, the role and the option in the decision panel."""
    dp, role, option = choice
    _until_open(screen, dp)
    screen.pick("Decision point", dp + " ")
    screen.pick("Deciding role", role)
    screen.page.get_by_role("radio", name=option).first.click()


@pytest.mark.parametrize("name", sorted(PLANS))
def test_a_whole_game_in_the_browser(name: str, start_app, screen, tmp_path: Path) -> None:
    plan = PLANS[name]()
    home = tmp_path / "home"
    app = start_app(home)
    screen.open(app.url)
    screen.click(f"Preview {plan.pack_title}")
    screen.click("Set up a session")
    screen.type("Facilitator", "Col. Amsel")
    for label, participant in plan.seats:
        screen.type(label, participant)
    screen.click("Start the session")
    screen.see("Next due")
    screen.shot(f"console-{name}-start")

    _choose(screen, plan.permitted)
    screen.type("Rationale", "Within the mandate, on the facts as they stand.")
    screen.click("Record", exact=True)
    screen.see("chose")
    screen.shot(f"console-{name}-recorded")

    _choose(screen, plan.refused)
    screen.click("Why: " + plan.refused[2])
    screen.shot(f"console-{name}-why")
    screen.page.keyboard.press("Escape")
    screen.click("Refuse", exact=True)
    screen.type("Refusal note", "No instrument this seat draws on permits it.")
    screen.click("Record refusal")
    screen.see("refused")

    _choose(screen, plan.overridden)
    screen.type("Rationale", "The table wants to see where this leads.")
    screen.click("Record", exact=True)
    screen.type("Override justification", "Played on to test the debrief.")
    screen.shot(f"console-{name}-override")
    screen.click("Record with override")
    screen.see("overridden")

    screen.page.get_by_role("tab", name="Observe").click()
    screen.type("Observation", "The legal basis was found before the force moved.")
    screen.pick("Rating", "S")
    screen.click("Add observation")
    screen.see("Strength noted")

    screen.click("End session")
    screen.type("Closing note", "Hot wash held.")
    screen.click("End the session")
    screen.see("Session ended")
    screen.shot(f"console-{name}-ended")
    screen.click("Report", exact=True)
    screen.see("Log integrity")  # the preview itself, not the screen's title
    screen.shot(f"report-{name}")
    with screen.page.expect_download() as download:
        screen.click("Export HTML")
    saved = tmp_path / "report.html"
    download.value.save_as(saved)
    html = saved.read_text("utf-8")
    assert "<html" in html and plan.pack_title.split(":")[0] in html

    with Workspace(home) as workspace:
        (info,) = workspace.sessions()
        assert info.ended_at is not None
        state = workspace.open(info.id).state
        events = read_events(workspace.read(info.id).rows)
    noted = [e for e in events if isinstance(e, ObservationNoted)]
    assert [(n.kind, n.rating) for n in noted] == [("strength", "S")]
    assert any(
        isinstance(e, DecisionRejected) and e.decision_point == plan.refused[0] for e in events
    )
    decisions = {(dp, d.overridden) for (dp, _role), d in state.decisions.items()}
    assert (plan.permitted[0], False) in decisions
    assert (plan.overridden[0], True) in decisions
    assert state.observation_count == 1
    assert main(["verify", info.id, "--session", str(home / "sessions.sqlite")]) == 0

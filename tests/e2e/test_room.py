"""The room in real browsers, all at once: the facilitator's console (with the console key),
the projector, two players and an evaluator, each in its own browser context, on an app
served to the network (`--host 0.0.0.0`).

Each device sees only what is its own: another seat's brief, options and proposals never
appear on a player's page, whatever address the player opens; the projector shows no
notes, briefs or options until the facilitator reveals a decision. A player's proposal
reaches the console, is recorded there (the log credits the player), and shows on the
projector when revealed; an evaluator's observation is logged under their name; a revoked
code stops working at once; wrong codes are refused, and repeated ones slowed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from e2e_support import App, Screen, free_port

from tabletop.app import Workspace
from tabletop.cli import main
from tabletop.hashchain.chain import read_events
from tabletop.model.events import DecisionRecorded, ObservationNoted
from tabletop.paths import shipped_scenarios_dir

PACK = shipped_scenarios_dir() / "kazakh-unrest-2022.json"
A, B = "kaz_presidency", "csto_secretariat"
PEACEKEEPING = "Decide on a peacekeeping operation"  # B's option at DP-4, outside its mandate


def _prepared(home: Path) -> str:
    """A game of the Kazakh pack with two seats taken and DP-1 open (for the presidency)."""
    with Workspace(home) as workspace:
        loaded = workspace.load_pack(PACK).loaded
        assert loaded is not None
        game = workspace.start(loaded, facilitator="Col. Amsel", exercise="Room trial")
        game.assign(A, "Player One")
        game.assign(B, "Player Two")
        while "DP-1" not in game.state.open_decisions:
            game.advance_to_next()
        return game.id


def _text(screen: Screen) -> str:
    """What the page shows (Flet's accessibility tree, as a screen reader reads it)."""
    return str(screen.page.evaluate("document.body.innerText"))


def _context(browser: Any, size: tuple[int, int], opened: list[Any]) -> Any:
    """A new device; closed at the end of the test (a tab left open on a stopped server
    keeps trying to reconnect, and slows every later test)."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    opened.append(context)
    return context


def _joined(
    browser: Any, tmp_path: Path, app: App, code: str, size: tuple[int, int], opened: list[Any]
) -> Screen:
    context = _context(browser, size, opened)
    screen = Screen(context.new_page(), tmp_path).open(app.join_url)
    screen.type("Join code", code)
    screen.click("Join", exact=True)
    return screen


def test_each_device_sees_only_its_own_and_proposals_reach_the_log(
    browser: Any, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    session = _prepared(home)
    pack = json.loads(PACK.read_text("utf-8"))
    roles = {r["id"]: r for r in pack["roles"]}
    dp1 = next(d for d in pack["decision_points"] if d["id"] == "DP-1")
    labels = [o["label"] for o in dp1["options"]]
    notes = [i["facilitator_notes"] for i in pack["injects"] if i.get("facilitator_notes")]
    app = App(home, free_port(), tmp_path / "app.log", host="0.0.0.0").start()
    opened: list[Any] = []
    try:
        assert "?key=" in app.console_url, "the terminal names the console's address"
        fac = Screen(_context(browser, (1366, 768), opened).new_page(), tmp_path)
        fac.open(app.console_url)
        fac.click("Resume Room trial")
        fac.page.get_by_role("tab", name="Room").click()
        fac.see("Players, evaluators and the projector join at")
        fac.shot("room-console")
        room = json.loads((home / "rooms" / f"{session}.json").read_text("utf-8"))
        codes = {s["key"]: s["code"] for s in room["seats"]}

        one = _joined(browser, tmp_path, app, codes[f"player:{A}"].lower(), (1024, 768), opened)
        one.see(roles[A]["title"])
        two = _joined(browser, tmp_path, app, codes[f"player:{B}"], (800, 1000), opened)
        two.see(roles[B]["title"])
        projector = _joined(browser, tmp_path, app, codes["projector"], (1920, 1080), opened)
        projector.see("Open question: The President's first answer")
        evaluator = _joined(browser, tmp_path, app, codes["evaluator:1"], (1024, 768), opened)
        evaluator.see("Evaluator: Evaluator 1")

        # Each seat sees its own brief and options, never the other's.
        assert roles[A]["brief"][:60] in _text(one)
        assert all(f"Why: {label}" in _text(one) for label in labels)
        assert roles[A]["brief"][:60] not in _text(two) and roles[B]["brief"][:60] in _text(two)
        assert not any(label in _text(two) for label in labels)
        room_text = _text(projector)
        assert not any(label in room_text for label in labels), "options before a reveal"
        assert not any(n[:40] in room_text for n in notes), "facilitator notes on the projector"
        assert roles[A]["brief"][:60] not in room_text
        one.shot("room-player")
        projector.shot("room-projector")
        evaluator.shot("room-evaluator")

        # A proposal: from the seat to the console, recorded there, then on the projector.
        one.page.get_by_role("radio", name=labels[0]).first.click()
        one.type("Rationale for DP-1", "We listen first, as the brief says.")
        one.click("Propose DP-1")
        one.see("waiting for the facilitator")
        fac.see("P-1 from Player One")
        assert "We listen first" not in _text(two), "another seat's proposal"
        fac.click("Record P-1")
        fac.see(f"chose '{labels[0]}'")
        one.see("recorded by the facilitator")
        assert labels[0] not in _text(projector)
        fac.click(f"Show on projector: DP-1: {roles[A]['title']} chose '{labels[0]}'")
        projector.see(f"{roles[A]['title']}: {labels[0]}")
        projector.shot("room-projector-revealed")

        # The second player's decision opens later; their choice is outside the mandate:
        # recorded on the facilitator's override, with a justification.
        for _ in range(12):
            if "Propose DP-4" in _text(two):
                break
            fac.click("Next due", exact=True)
            fac.page.wait_for_timeout(500)
        two.page.get_by_role("radio", name=PEACEKEEPING).first.click()
        two.type("Rationale for DP-4", "Stability first.")
        two.click("Propose DP-4")
        fac.see("P-2 from Player Two")
        fac.click("Record P-2")
        fac.type("Override justification", "Played on to see the Council's answer.")
        fac.click("Record with override")
        two.see("recorded by the facilitator")

        # The evaluator's observation goes into the log under their name.
        evaluator.type("Observation", "The presidency framed its first answer clearly.")
        evaluator.click("Add observation")
        evaluator.see("Observation logged.")

        # A player who changes the address keeps their own seat (the tab re-attaches to its
        # session); a new device gets the join page; nothing of another seat either way.
        stranger = Screen(_context(browser, (1024, 768), opened).new_page(), tmp_path)
        for route in ("/", "/projector", f"/seat/{A}", "/?key=guess", "/console"):
            for device, expected in ((two, roles[B]["title"]), (stranger, "Join the game")):
                device.open(app.url.rstrip("/") + route)
                device.see(expected)
                page_text = _text(device)
                assert roles[A]["brief"][:60] not in page_text and "Library" not in page_text
                assert not any(label in page_text for label in labels)

        # Revoked: the seat's page says so at once, and the old code no longer opens it.
        fac.click(f"Revoke {roles[A]['title']}: Player One")
        one.see("This seat's code was revoked", timeout=5000)
        assert roles[A]["brief"][:60] not in _text(one)
        again = _joined(browser, tmp_path, app, codes[f"player:{A}"], (1024, 768), opened)
        again.see("That code does not open any seat")

        # Wrong codes are refused, and repeated ones slowed.
        for _ in range(4):
            again.type("Join code", "ZZZZ-ZZZZ")
            again.click("Join", exact=True)
            again.page.wait_for_timeout(300)
        again.see("Too many wrong codes: wait")
    finally:
        for context in opened:
            context.close()
        app.kill()

    assert main(["verify", session, "--session", str(home / "sessions.sqlite")]) == 0
    with Workspace(home) as workspace:
        events = read_events(workspace.read(session).rows)
    first, second = [e for e in events if isinstance(e, DecisionRecorded)]
    assert first.proposed_by == "Player One" and first.option == dp1["options"][0]["id"]
    assert second.proposed_by == "Player Two" and second.overridden
    (observation,) = [e for e in events if isinstance(e, ObservationNoted)]
    assert observation.observer == "Evaluator 1"
    with Workspace(home) as workspace:
        report = workspace.report(session, "md").data.decode("utf-8")
    assert "Proposed by Player One from their seat" in report, "the report credits the player"
    assert "Proposed by Player Two from their seat" in report
    assert "Evaluator 1" in report
    assert re.search(r"^[0-9A-Z]{4}-[0-9A-Z]{4}$", codes["projector"])

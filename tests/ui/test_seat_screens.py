"""The room's screens built headless, on a fake shell and page (`ui_fakes`): the join page, a
player's seat, an evaluator's seat, the projector, the console's Room tab, and the shell
choosing which of them a page gets (`AppShell.start`)."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import flet as ft
import pytest
from ui_fakes import FakePage, FakeShell, buttons, fields, texts, walk, words

from tabletop.app import Admission, Game, Room
from tabletop.model.events import ObservationNoted
from tabletop.model.index import index_of
from tabletop.ui.shell import AppShell, Mode
from tabletop.ui.viewmodels.hub import Hub
from tabletop.ui.viewmodels.seat_vm import REVOKED, EvaluatorModel, PlayerModel, ProjectorModel
from tabletop.ui.views.console_view import ConsoleScreen
from tabletop.ui.views.join_view import JoinScreen
from tabletop.ui.views.projector_view import ProjectorScreen
from tabletop.ui.views.seat_views import EvaluatorScreen, PlayerScreen

NCP, BLK, ARV = "ncp_secretariat", "blk_defence", "arv_government"


def _player(shell: FakeShell, admission: Admission) -> tuple[PlayerScreen, Any]:
    screen = PlayerScreen(shell, PlayerModel(admission))  # type: ignore[arg-type]  # a fake
    return screen, screen.build()


def _choose(root: Any, option: str) -> None:
    """Pick an option's radio, as a click does (the group reports its new value)."""
    (group,) = [c for c in walk(root) if isinstance(c, ft.RadioGroup)]
    group.value = option
    group.on_change(SimpleNamespace(control=group))


def _propose(room: Room, role: str, option: str, rationale: str = "Our reasons.") -> str:
    seat = room.seat(f"player:{role}")
    assert seat is not None and seat.code is not None
    return room.propose(seat.key, seat.code, "DP-3", option, rationale).id


# --- the join page ----------------------------------------------------------------------------


def test_the_join_page_opens_the_seat_of_the_code(shell: FakeShell, room: Room):
    screen = JoinScreen(shell)  # type: ignore[arg-type]  # a fake shell
    root = screen.build()
    assert "Join the game" in texts(root) and "Join" in buttons(root)
    field = fields(root)["Join code"]
    field.value = "ZZZZ-ZZZZ"
    buttons(root)["Join"].on_click(None)
    assert shell.went == [] and field.value == ""  # the wrong code is cleared
    assert any("does not open any seat" in t for t in texts(screen.said))
    assert screen.said in shell.page.patched
    field.value = room.seat("evaluator:1").code  # type: ignore[union-attr]
    buttons(root)["Join"].on_click(None)
    assert shell.went == ["seat evaluator:1"]


# --- a player's seat --------------------------------------------------------------------------


def test_a_players_seat_shows_its_role_and_only_its_own_brief(
    shell: FakeShell, at_dp3: Game, admit: Callable[[str], Admission]
):
    _screen, root = _player(shell, admit(f"player:{NCP}"))
    shown, everything = texts(root), words(root)
    roles = {r.id: r for r in at_dp3.pack.roles}
    assert "Secretariat of the Northern Compact" in shown
    assert roles[NCP].brief in shown
    for other in (ARV, BLK):
        assert roles[other].brief not in everything
        assert all(o not in everything for o in roles[other].objectives)
    assert "Stop the raids." not in everything  # Arvenia's objective
    radios = [c.label for c in walk(root) if isinstance(c, ft.Radio)]
    assert radios == ["Deploy Compact peacekeepers", "Consult and wait"]  # not Belosk's
    assert "Send a Belosk battalion" not in everything
    assert "Propose DP-3" in buttons(root) and "Rationale for DP-3" in fields(root)
    # Injects addressed to other seats only stay on theirs.
    index = index_of(at_dp3.pack)
    delivered = at_dp3.situation().injects_by("delivered")
    elsewhere = [i for i in delivered if index.injects[i.id].to not in ("all",)]
    elsewhere = [i for i in elsewhere if NCP not in index.injects[i.id].to]
    mine = [i for i in delivered if i not in elsewhere]
    assert elsewhere and mine
    assert all(i.title in shown for i in mine)
    assert all(i.title not in everything for i in elsewhere)


def test_a_player_proposes_and_withdraws_from_the_screen(
    shell: FakeShell, at_dp3: Game, room: Room, admit: Callable[[str], Admission]
):
    screen, root = _player(shell, admit(f"player:{NCP}"))
    buttons(root)["Propose DP-3"].on_click(None)
    assert any("Choose an option first." in t for t in texts(screen.said))
    assert room.pending() == ()
    _choose(root, "deploy")
    fields(root)["Rationale for DP-3"].value = "The Charter allows it."
    buttons(root)["Propose DP-3"].on_click(None)
    (pending,) = room.pending()
    assert (pending.option, pending.rationale) == ("deploy", "The Charter allows it.")
    line = f"{pending.id}: 'Deploy Compact peacekeepers' at DP-3, waiting for the facilitator"
    assert line in texts(screen.proposed)
    buttons(screen.root)[f"Withdraw {pending.id}"].on_click(None)
    assert room.pending() == ()
    assert any("withdrawn" in t for t in texts(screen.proposed))
    assert f"Withdraw {pending.id}" not in buttons(screen.root)


def test_a_commit_elsewhere_redraws_the_seat_and_keeps_what_is_typed(
    shell: FakeShell, at_dp3: Game, admit: Callable[[str], Admission]
):
    screen, root = _player(shell, admit(f"player:{NCP}"))
    _choose(root, "consult")
    typed = fields(root)["Rationale for DP-3"]
    typed.value = "Half a thought"
    shell.page.patched.clear()
    at_dp3.decide("DP-3", BLK, "consult", "From the console.")  # Belosk no longer waits
    assert shell.page.tasks == 1
    # The question changed (who waits): its part is drawn again and sent, with the head.
    assert screen.decide in shell.page.patched and screen.head in shell.page.patched
    assert screen.brief not in shell.page.patched  # what did not change is not sent
    count = at_dp3.state.event_count
    assert any(t.endswith(f"log entry {count}") for t in texts(screen.head))
    after = fields(screen.root)["Rationale for DP-3"]
    assert after is typed and after.value == "Half a thought"
    (group,) = [c for c in walk(screen.root) if isinstance(c, ft.RadioGroup)]
    assert group.value == "consult"


def test_a_revoked_seat_says_so_and_offers_to_join_again(
    shell: FakeShell, at_dp3: Game, room: Room, admit: Callable[[str], Admission]
):
    screen, _root = _player(shell, admit(f"player:{NCP}"))
    room.revoke(f"player:{NCP}")  # the facilitator's click: the room tells the screen
    assert shell.page.tasks == 1 and screen.root in shell.page.patched
    assert REVOKED in texts(screen.root)
    names = buttons(screen.root)
    assert "Propose DP-3" not in names and "Rationale for DP-3" not in fields(screen.root)
    names["Join again"].on_click(None)
    assert shell.went == ["join"]
    # The screen let go of the game and the room.
    at_dp3.note("strength", "Afterwards.")
    room.reissue(f"player:{NCP}")
    assert shell.page.tasks == 1


# --- an evaluator's seat ----------------------------------------------------------------------


def test_add_observation_logs_it_with_the_evaluators_name(
    shell: FakeShell, game: Game, admit: Callable[[str], Admission]
):
    seen: list[Any] = []
    game.subscribe(lambda applied: seen.extend(applied.events))
    screen = EvaluatorScreen(shell, EvaluatorModel(admit("evaluator:1")))  # type: ignore[arg-type]
    root = screen.build()
    assert "Evaluator: Evaluator 1" in texts(root)
    buttons(root)["Add observation"].on_click(None)  # nothing written
    assert seen == [] and any("Write the observation out." in t for t in texts(screen.said))
    screen.text.value = "The posture took too long."
    screen.kind.value = "area_for_improvement"
    screen.objective.value = "OBJ-1"
    buttons(root)["Add observation"].on_click(None)
    (noted,) = seen
    assert isinstance(noted, ObservationNoted) and noted.observer == "Evaluator 1"
    assert (noted.kind, noted.objective) == ("area_for_improvement", "OBJ-1")
    assert noted.text == "The posture took too long."
    assert screen.text.value == ""
    seq = game.state.event_count
    assert texts(screen.notes) == [
        f"#{seq} Area for improvement (OBJ-1): The posture took too long."
    ]
    assert any("Observation logged." in t for t in texts(screen.said))


# --- the projector ----------------------------------------------------------------------------


def _labels(game: Game) -> list[str]:
    return [o.label for d in game.pack.decision_points for o in d.options]


def test_the_projector_shows_no_option_until_one_is_revealed(
    shell: FakeShell, at_dp3: Game, room: Room
):
    screen = ProjectorScreen(shell, ProjectorModel(room))  # type: ignore[arg-type]
    root = screen.build()
    assert "Open question: The Compact's answer" in texts(root)
    before = words(root)
    assert all(label not in before for label in _labels(at_dp3))
    assert "Back to the console" not in buttons(root)  # not the facilitator's projector
    at_dp3.note("strength", "Not for the room.")
    assert "Not for the room." not in words(screen.root)
    assert room.reveal("DP-1", ARV) is None
    after = words(screen.root)
    assert "Government of Arvenia: Hold and consult" in texts(screen.root)
    assert [label for label in _labels(at_dp3) if label in after] == ["Hold and consult"]
    room.conceal("DP-1", ARV)
    assert "Hold and consult" not in words(screen.root)


def test_a_projector_seat_revoked_goes_dark(
    shell: FakeShell, at_dp3: Game, room: Room, admit: Callable[[str], Admission]
):
    admission = admit("projector")
    screen = ProjectorScreen(shell, ProjectorModel(room, admission))  # type: ignore[arg-type]
    screen.build()
    room.reveal("DP-1", ARV)
    assert "Government of Arvenia: Hold and consult" in texts(screen.root)
    room.revoke("projector")
    assert texts(screen.root) == [REVOKED]


# --- the console's Room tab -------------------------------------------------------------------


def _console(shell: FakeShell, game: Game) -> ConsoleScreen:
    screen = ConsoleScreen(shell, game)  # type: ignore[arg-type]  # a fake shell
    screen.build()
    return screen


def test_the_room_tab_records_a_proposal(shell: FakeShell, at_dp3: Game, room: Room):
    screen = _console(shell, at_dp3)
    tab = screen.room_panel.control
    assert "None waiting." in texts(tab)
    pid = _propose(room, NCP, "deploy", "The Charter allows it.")
    assert pid == "P-1"
    # The proposal reached the console through the room, and it says so.
    assert shell.notices[-1] == ("Proposal P-1 from Dr. Osei at DP-3: see the Room tab.", False)
    assert "P-1 from Dr. Osei (Secretariat of the Northern Compact)" in texts(tab)
    assert "DP-3 The Compact's answer: 'Deploy Compact peacekeepers'" in texts(tab)
    buttons(tab)["Record P-1"].on_click(None)
    d = at_dp3.state.decisions[("DP-3", NCP)]
    assert d.option == "deploy" and d.rationale == "The Charter allows it."
    assert room.proposals()[0].status == "recorded"
    assert "None waiting." in texts(tab) and "Record P-1" not in buttons(tab)
    assert shell.page.dialogs == []


def test_an_outside_mandate_proposal_opens_the_override_dialog(
    shell: FakeShell, at_dp3: Game, room: Room
):
    screen = _console(shell, at_dp3)
    _propose(room, BLK, "battalion")
    buttons(screen.room_panel.control)["Record P-1"].on_click(None)
    (dialog,) = shell.page.dialogs
    assert dialog.open and dialog.title.value == "Outside mandate: Send a Belosk battalion"
    assert screen.model.override is not None and screen.model.override.proposal == "P-1"
    fields(dialog.content)["Override justification"].value = "Arvenia asked by telephone."
    {b.content: b for b in dialog.actions}["Record with override"].on_click(None)
    assert not dialog.open
    assert at_dp3.state.decisions[("DP-3", BLK)].overridden
    assert room.proposals()[0].status == "recorded"


def test_send_back_asks_for_a_note_and_returns_the_proposal(
    shell: FakeShell, at_dp3: Game, room: Room
):
    screen = _console(shell, at_dp3)
    _propose(room, NCP, "deploy")
    buttons(screen.room_panel.control)["Send back P-1"].on_click(None)
    (dialog,) = shell.page.dialogs
    assert dialog.open and dialog.title.value == "Send P-1 back"
    fields(dialog.content)["Note to the player"].value = "Ask Arvenia first."
    {b.content: b for b in dialog.actions}["Send back"].on_click(None)
    assert not dialog.open
    (p,) = room.proposals()
    assert (p.status, p.note) == ("sent_back", "Ask Arvenia first.")
    assert ("DP-3", NCP) not in at_dp3.state.decisions
    assert "None waiting." in texts(screen.room_panel.control)
    assert shell.notices[-1] == ("Sent back to the player's seat.", False)


# --- which screen a page gets -----------------------------------------------------------------


def _started(hub: Hub, mode: Mode, route: str = "/") -> tuple[AppShell, FakePage]:
    page = FakePage(route)
    shell = AppShell(page, hub, mode=mode)  # type: ignore[arg-type]  # a fake page
    shell.start()
    return shell, page


def _shows(page: FakePage) -> str:
    (root,) = page.controls
    shown = texts(root)
    if "Join the game" in shown:
        assert "Join code" in fields(root)
        assert "Scenario packs" not in shown
        return "join"
    if "Scenario packs" in shown:
        return "library"
    return "other"


def test_on_the_network_a_page_without_the_key_gets_the_join_page(hub: Hub, game: Game):
    for route in ("/", "/?key=wrong", "/projector", "/library"):
        _shell, page = _started(hub, "network", route)
        assert _shows(page) == "join", route
        assert page.pushed == [] and page.tasks == 0


def test_on_the_network_the_console_key_opens_the_library_and_leaves_the_address(hub: Hub):
    key, told = hub.lobby.console_key, []
    hub.lobby.on_new_key = told.append
    shell, page = _started(hub, "network", f"/?key={key}")
    assert _shows(page) == "library" and shell.facilitator
    assert page.tasks == 1 and page.pushed == ["/"]  # the key leaves the address bar
    assert told == [hub.lobby.console_key] and told[0] != key, "a new key, told once"
    again, page = _started(hub, "network", f"/?key={key}")  # the spent key opens nothing
    assert _shows(page) == "join" and not again.facilitator


def test_the_seats_server_gets_the_join_page_even_with_the_key(hub: Hub):
    for route in ("/", f"/?key={hub.lobby.console_key}", "/projector"):
        shell, page = _started(hub, "seats", route)
        assert _shows(page) == "join", route
        assert not shell.facilitator and page.pushed == []


@pytest.mark.parametrize(("route", "shown"), [("/join", "join"), ("/", "library")])
def test_a_local_page_is_the_facilitators_unless_it_asks_to_join(hub: Hub, route: str, shown: str):
    _shell, page = _started(hub, "local", route)
    assert _shows(page) == shown


def test_a_seat_stays_what_its_code_opened_whatever_the_address(hub: Hub, game: Game, room: Room):
    _shell, page = _started(hub, "network", "/")
    (root,) = page.controls
    fields(root)["Join code"].value = room.seat(f"player:{NCP}").code  # type: ignore[union-attr]
    buttons(root)["Join"].on_click(None)
    (seat,) = page.controls
    assert page.title == "tabletop: Secretariat of the Northern Compact"
    assert "Propose DP-3" not in buttons(seat)  # the fresh game asks only Arvenia
    assert "Your brief" in texts(seat)
    page.on_route_change(SimpleNamespace(route="/projector"))
    assert page.controls == [seat]

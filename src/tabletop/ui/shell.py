"""One window or browser tab: a screen at a time (library, preview, setup, console,
report; or, on the room's devices, the join page, a seat, the projector), the way between
them, and what every screen needs (the file picker, notices, work off the event loop).

Who gets the facilitator's screens (`Mode`):
- "desktop": the window; "local": a browser, with the app served to this machine only;
- "network": a browser, with the app open to the network: only with the console key the
  terminal printed (`/?key=...`); any other device gets the join page;
- "seats": the desktop window's server of seats: the join page only.
A seat is the page's own state (the code typed there), never the address: changing the
route or the URL cannot show another seat.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Literal, Protocol
from urllib.parse import parse_qs, urlsplit

import flet as ft

from tabletop.app import Admission, AppError, Game, LoadedPack
from tabletop.ui import theme
from tabletop.ui.serving import Serving
from tabletop.ui.viewmodels.hub import Hub
from tabletop.ui.viewmodels.library_vm import PackCard

Mode = Literal["desktop", "local", "network", "seats"]

log = logging.getLogger("tabletop.ui")


class Screen(Protocol):
    """A screen: its controls, and what it lets go of when another takes its place."""

    def build(self) -> ft.Control:
        """The screen's controls."""
        ...

    def close(self) -> None:
        """Stop listening to games and services (another screen is shown)."""
        ...


class AppShell:
    """The app in one page."""

    def __init__(self, page: ft.Page, hub: Hub, *, mode: Mode = "desktop") -> None:
        self.page = page
        self.hub = hub
        self.mode = mode
        self.web = mode != "desktop"
        self.facilitator = mode in ("desktop", "local")
        """Whether this page may show the facilitator's screens (see `Mode`)."""
        self.scale = theme.LAPTOP
        self.picker = ft.FilePicker()  # kept here: a service nobody refers to is dropped
        self._screen: Screen | None = None
        page.title = "tabletop"
        page.theme = theme.app_theme()
        page.bgcolor = theme.CANVAS
        page.padding = theme.PAD
        # Only when the session ends: a tab that lost its connection (a phone asleep, the
        # Wi-Fi gone) comes back to the same session, which must still follow its game.
        page.on_close = lambda _e: self.close()

    # --- where a page starts ----------------------------------------------------------------

    def start(self) -> None:
        """The first screen, by the page's address and who may see what."""
        route = urlsplit(self.page.route or "/")
        key = parse_qs(route.query).get("key", [""])[0]
        if self.mode == "network" and self.hub.lobby.use_console_key(key):
            self.facilitator = True
            # The key leaves the address bar (a projector may mirror this screen).
            self.page.run_task(self.page.push_route, "/")
        self.page.on_route_change = self._route_changed
        if not self.facilitator or route.path == "/join":
            self.join()
        elif route.path == "/projector":
            self.projector_of_current()
        else:
            self.library()

    def _route_changed(self, e: ft.RouteChangeEvent) -> None:
        # Only the facilitator's pages follow the address; a seat stays what its code opened.
        if self.facilitator and urlsplit(e.route).path == "/projector":
            self.projector_of_current()

    @property
    def serving(self) -> Serving | None:
        """Where the app is served to other devices."""
        return self.hub.serving

    @property
    def can_open_room(self) -> bool:
        """Whether this window can start serving the seats ("Let players join")."""
        return self.mode == "desktop" and self.hub.room_server is not None

    async def open_room(self, on: bool) -> None:
        """Start (or stop) serving the seats to the network from the desktop window."""
        server = self.hub.room_server
        if server is None:
            return
        try:
            self.hub.serving = await server.start() if on else None
            if not on:
                await server.stop()
        except OSError as exc:
            self.notify(f"Could not open the room to the network: {exc}", error=True)

    # --- the way between screens --------------------------------------------------------

    def show(self, screen: Screen, name: str) -> None:
        """Put a screen in place of the one shown."""
        if self._screen is not None:
            self._screen.close()
        self._screen = screen
        self.page.on_keyboard_event = None  # the screen shown takes the keys, if it wants them
        log.info("screen: %s", name)
        self.page.controls = [screen.build()]
        self.page.update()

    def library(self) -> None:
        """The packs and sessions."""
        from tabletop.ui.views.library_view import LibraryScreen

        self.show(LibraryScreen(self), "library")

    def preview(self, card: PackCard) -> None:
        """A pack before the game."""
        from tabletop.ui.views.preview_view import PreviewScreen

        self.show(PreviewScreen(self, card), f"preview {card.title}")

    def setup(self, loaded: LoadedPack) -> None:
        """A new session of a pack: names and seats."""
        from tabletop.ui.views.setup_view import SetupScreen

        self.show(SetupScreen(self, loaded), f"setup {loaded.pack.meta.id}")

    def console(self, game: Game) -> None:
        """The game console of an open game."""
        from tabletop.ui.views.console_view import ConsoleScreen

        if not self.web:
            self.page.window.full_screen = False
        self.hub.current = game.id
        self.show(ConsoleScreen(self, game), f"console {game.id}")

    def projector(self, game: Game) -> None:
        """What the room sees, in this window (full screen on the desktop), with a way back
        to the console."""
        from tabletop.ui.viewmodels.seat_vm import ProjectorModel
        from tabletop.ui.views.projector_view import ProjectorScreen

        screen = ProjectorScreen(
            self, ProjectorModel(self.hub.room(game)), back=lambda: self.console(game)
        )
        if not self.web:
            self.page.window.full_screen = True
        self.show(screen, f"projector {game.id}")

    def projector_of_current(self) -> None:
        """The projector of the game whose console was opened last."""
        if self.hub.current is None:
            self.library()
            self.notify("Open a game's console first: the projector shows that game.")
            return
        try:
            game = self.hub.game(self.hub.current)
        except AppError as exc:
            self.notify(str(exc), error=True)
            return
        self.projector(game)

    def join(self, note: str = "") -> None:
        """The join page: a code opens one seat."""
        from tabletop.ui.views.join_view import JoinScreen

        self.show(JoinScreen(self, note), "join")

    def seat(self, admission: Admission) -> None:
        """The screen the code opened: a player's seat, an evaluator's, the projector."""
        from tabletop.ui.viewmodels.seat_vm import EvaluatorModel, PlayerModel, ProjectorModel
        from tabletop.ui.views.projector_view import ProjectorScreen
        from tabletop.ui.views.seat_views import EvaluatorScreen, PlayerScreen

        seat = admission.seat
        if seat is None:
            self.join()
            return
        screen: Screen
        if seat.kind == "player":
            screen = PlayerScreen(self, PlayerModel(admission))
        elif seat.kind == "evaluator":
            screen = EvaluatorScreen(self, EvaluatorModel(admission))
        else:
            screen = ProjectorScreen(self, ProjectorModel(admission.room, admission))
        self.page.title = f"tabletop: {seat.name}"
        self.show(screen, f"seat {seat.key} of {admission.room.game.id}")

    def resume(self, session_id: str) -> None:
        """Open a stored session and show its console."""
        try:
            game = self.hub.game(session_id)
        except AppError as exc:
            self.notify(str(exc), error=True)
            return
        self.console(game)

    def report(self, session_id: str) -> None:
        """The report of a session."""
        from tabletop.ui.views.report_view import ReportScreen

        self.show(ReportScreen(self, session_id), f"report {session_id}")

    def close(self) -> None:
        """The window or tab went away: let the screen go."""
        if self._screen is not None:
            self._screen.close()
            self._screen = None

    # --- what screens share ---------------------------------------------------------------

    def notify(self, text: str, *, error: bool = False) -> None:
        """A short notice at the bottom of the window."""
        color = theme.DANGER if error else theme.INK
        self.page.show_dialog(
            ft.SnackBar(ft.Text(text, color=theme.PAPER), bgcolor=color, duration=6000)
        )

    def in_background(self, work: Callable[[], None]) -> None:
        """Run slow work (a report, loading a pack) off the page's event loop, so other
        windows and tabs stay responsive; the work updates the page itself."""
        self.page.run_thread(work)

    async def save(self, name: str, data: bytes) -> str | None:
        """Save bytes the user asked for: a download in a browser, a save dialog on the
        desktop. The path saved to (desktop), the name (browser), or None if cancelled."""
        if self.web:
            await self.picker.save_file(file_name=name, src_bytes=data)
            return name
        try:
            chosen = await self.picker.save_file(file_name=name)
        except Exception:  # no desktop file dialog here (no portal): the reports folder
            chosen = str(self.hub.workspace.home / "reports" / name)
        if not chosen:
            return None
        path = Path(chosen)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except OSError as exc:
            self.notify(f"Could not save {path}: {exc.strerror or exc}", error=True)
            return None
        return str(path)

"""One window or browser tab: a screen at a time (library, preview, setup, console,
report), the way between them, and what every screen needs (the file picker, notices,
work off the event loop)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import flet as ft

from tabletop.app import AppError, Game, LoadedPack
from tabletop.ui import theme
from tabletop.ui.viewmodels.hub import Hub
from tabletop.ui.viewmodels.library_vm import PackCard

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

    def __init__(self, page: ft.Page, hub: Hub, *, web: bool) -> None:
        self.page = page
        self.hub = hub
        self.web = web
        self.scale = theme.LAPTOP
        self.picker = ft.FilePicker()  # kept here: a service nobody refers to is dropped
        self._screen: Screen | None = None
        page.title = "tabletop"
        page.theme = theme.app_theme()
        page.bgcolor = theme.CANVAS
        page.padding = theme.PAD
        page.on_close = lambda _e: self.close()
        page.on_disconnect = lambda _e: self.close()

    # --- the way between screens --------------------------------------------------------

    def show(self, screen: Screen, name: str) -> None:
        """Put a screen in place of the one shown."""
        if self._screen is not None:
            self._screen.close()
        self._screen = screen
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

        self.show(ConsoleScreen(self, game), f"console {game.id}")

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

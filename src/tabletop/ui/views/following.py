"""What every screen on the room's devices does: follow its game and its room, and redraw
within a moment of any change (a commit, a proposal, a revoked code).

A listener runs on the thread that made the change (the facilitator's click, another
seat's), so it only schedules the redraw on this page's own event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import flet as ft

from tabletop.app import Game, Room

log = logging.getLogger("tabletop.ui")


class Following:
    """A screen that follows a game and its room until closed."""

    def __init__(self, page: ft.Page, game: Game, room: Room) -> None:
        self.page = page
        self._game = game
        self._room = room
        self._stops: list[Callable[[], None]] = []
        self.root = ft.Column(expand=True, spacing=12, scroll=ft.ScrollMode.AUTO)

    def follow(self) -> None:
        """Start following (once)."""
        if not self._stops:
            self._stops = [
                self._game.subscribe(lambda _applied: self._poke()),
                self._room.subscribe(self._poke),
            ]

    def close(self) -> None:
        """Stop following."""
        for stop in self._stops:
            stop()
        self._stops = []

    def _poke(self) -> None:
        try:
            self.page.run_task(self._pushed)
        except Exception:  # the page has gone (a closed tab): stop following
            log.info("a room screen's page is gone: unsubscribing")
            self.close()

    async def _pushed(self) -> None:
        if self._stops and self.changed():
            self.draw()
            self.page.update(self.root)

    def changed(self) -> bool:
        """Read the board again; True if the screen must be drawn again."""
        raise NotImplementedError

    def draw(self) -> None:
        """Fill `root` from the board."""
        raise NotImplementedError

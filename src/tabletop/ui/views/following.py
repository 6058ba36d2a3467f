"""What every screen on the room's devices does: follow its game and its room, and redraw
within a moment of any change (a commit, a proposal, a revoked code).

A listener runs on the thread that made the change (the facilitator's click, another
seat's), so it only schedules the redraw on this page's own event loop. A screen is made of
parts, each redrawn and sent only when what it shows changed: one commit is sent to 15
devices from one event loop, and a whole page each would take them over a second (measured
with bench/room_latency.py: p95 2.2 s whole; in parts, the server's sending p95 0.2 s).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import flet as ft

from tabletop.app import Game, Room
from tabletop.ui.widgets import message

log = logging.getLogger("tabletop.ui")

H = TypeVar("H", bound=Callable[..., None])


def sent_text(value: object) -> str:
    """A field's value as a device sent it, as text: a crafted message can set a field to
    any value (a number, a list), and that reads as nothing."""
    return value if isinstance(value, str) else ""


def guarded(handler: H) -> H:
    """A handler of a device's screen that never lets an error through: Flet would send
    the device the traceback. It is logged here, and the device is told plainly."""

    @functools.wraps(handler)
    def run(self: Any, *args: Any) -> None:
        try:
            handler(self, *args)
        except Exception:
            log.exception("a handler of a room screen failed")
            notify = getattr(self, "failed", None)
            if notify is not None:
                notify()

    return run  # type: ignore[return-value]


class Following:
    """A screen that follows a game and its room until closed."""

    def __init__(self, page: ft.Page, game: Game, room: Room) -> None:
        self.page = page
        self._game = game
        self._room = room
        self._stops: list[Callable[[], None]] = []
        self._drawn: dict[str, object] = {}
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
            controls = self.draw()
            if controls:
                self.page.update(*controls)

    def part(
        self, name: str, key: object, column: ft.Column, fill: Callable[[], list[ft.Control]]
    ) -> list[ft.Control]:
        """Fill `column` again if `key` (what it shows) changed since it was filled; the
        controls to send."""
        if name in self._drawn and self._drawn[name] == key:
            return []
        self._drawn[name] = key
        column.controls = fill()
        return [column]

    def replaced(self, controls: list[ft.Control]) -> list[ft.Control]:
        """Put other controls in place of the parts (a revoked seat); the root to send."""
        self._drawn = {}
        self.root.controls = controls
        return [self.root]

    def failed(self) -> None:
        """Say that something went wrong (nothing was sent)."""
        said = getattr(self, "said", None)
        if isinstance(said, ft.Column):
            said.controls = [message("That did not work; nothing was sent. Try again.", error=True)]
            self.page.update(said)

    def changed(self) -> bool:
        """Read the board again; True if the screen may have to be drawn again."""
        raise NotImplementedError

    def draw(self) -> list[ft.Control]:
        """Fill the parts whose contents changed; the controls to send."""
        raise NotImplementedError

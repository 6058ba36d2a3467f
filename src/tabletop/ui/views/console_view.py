"""The game console (a first cut: where the game stands; the full console follows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from tabletop.app import Game
from tabletop.ui import theme
from tabletop.ui.widgets import body, heading

if TYPE_CHECKING:
    from tabletop.ui.shell import AppShell


class ConsoleScreen:
    """One open game."""

    def __init__(self, shell: AppShell, game: Game) -> None:
        self.shell = shell
        self.game = game

    def build(self) -> ft.Control:
        """Where the game stands."""
        s = self.game.situation()
        return ft.Column(
            [
                ft.Text(s.exercise, size=theme.LAPTOP.heading, weight=ft.FontWeight.BOLD),
                heading(f"{s.phase.title if s.phase else 'Before the first phase'}"),
                body(f"Scenario time {s.clock.time:%d %b %Y %H:%M} ({s.clock.status})"),
                ft.TextButton("Back to the library", on_click=lambda _e: self.shell.library()),
            ]
        )

    def close(self) -> None:
        """Nothing to let go of yet."""

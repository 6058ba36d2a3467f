"""Session setup: name, date, facilitator, the exercise's details, and the participants in
their seats."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from tabletop.app import LoadedPack
from tabletop.ui import theme
from tabletop.ui.viewmodels.setup_vm import SetupModel
from tabletop.ui.views.details_fields import details_fields, quiet
from tabletop.ui.widgets import message, panel, small

if TYPE_CHECKING:
    from tabletop.ui.shell import AppShell


class SetupScreen:
    """The form that starts a session."""

    def __init__(self, shell: AppShell, loaded: LoadedPack) -> None:
        self.shell = shell
        self.model = SetupModel(shell.hub, loaded)
        self.error = ft.Container()

    def build(self) -> ft.Control:
        """The form."""
        m = self.model

        def field(label: str, value: str, setter: str) -> ft.TextField:
            def changed(e: ft.Event[ft.TextField]) -> None:
                quiet()
                setattr(m, setter, e.control.value or "")

            return ft.TextField(label=label, value=value, on_change=changed)

        def seated(role: str) -> ft.ControlEventHandler[ft.TextField]:
            def changed(e: ft.Event[ft.TextField]) -> None:
                quiet()
                m.seat(role, e.control.value or "")

            return changed

        seats = [
            ft.TextField(
                label=f"{seat.title} ({seat.actor})",
                hint_text="participant's name, or leave empty",
                value=seat.participant,
                on_change=seated(seat.role),
            )
            for seat in m.seats
        ]
        return ft.Column(
            [
                ft.Row(
                    [
                        ft.IconButton(
                            icon=ft.Icon(
                                ft.Icons.ARROW_BACK, semantics_label="Back to the library"
                            ),
                            tooltip="Back to the library",
                            on_click=lambda _e: self.shell.library(),
                        ),
                        ft.Text(
                            f"New session: {m.loaded.pack.meta.title}",
                            size=theme.LAPTOP.heading,
                            weight=ft.FontWeight.BOLD,
                        ),
                    ]
                ),
                self.error,
                ft.Row(
                    [
                        panel(
                            "The exercise",
                            [
                                field("Exercise name", m.exercise, "exercise"),
                                field("Exercise date (YYYY-MM-DD)", m.day, "day"),
                                field("Facilitator", m.facilitator, "facilitator"),
                            ],
                            expand=1,
                        ),
                        panel(
                            "Exercise details",
                            [
                                small("For the report; they can be changed later, in the console."),
                                *details_fields(m.details, pack_sponsor=m.pack_sponsor),
                            ],
                            expand=1,
                        ),
                        panel(
                            "Seats",
                            [
                                small(
                                    "A seat may stay empty; seat someone later from the console."
                                ),
                                *seats,
                            ],
                            expand=1,
                        ),
                    ],
                    expand=True,
                    vertical_alignment=ft.CrossAxisAlignment.START,
                ),
                ft.Row(
                    [
                        ft.FilledButton(
                            "Start the session", icon=ft.Icons.PLAY_ARROW, on_click=self.on_start
                        )
                    ],
                    alignment=ft.MainAxisAlignment.END,
                ),
            ],
            expand=True,
        )

    def close(self) -> None:
        """Nothing to let go of."""

    def on_start(self, _e: object) -> None:
        """Start the game, and go to its console."""
        game = self.model.start()
        if game is None:
            self.error.content = message(self.model.error, error=True)
            self.shell.page.update()
            return
        self.shell.console(game)
        if self.model.warning:
            self.shell.notify(self.model.warning, error=True)

"""The join page: what a device on the network sees first. A code opens one seat: a
player's, an evaluator's or the projector. Nothing else of the game is shown here.

Accessible names: textbox "Join code", button "Join".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from tabletop.app.join_codes import MAX_INPUT
from tabletop.ui import theme
from tabletop.ui.viewmodels.seat_vm import JoinModel
from tabletop.ui.views.following import guarded, sent_text
from tabletop.ui.widgets import body, heading, message

if TYPE_CHECKING:
    from tabletop.ui.shell import AppShell


class JoinScreen:
    """A code field and what it opened (or why not)."""

    def __init__(self, shell: AppShell, note: str = "") -> None:
        self.shell = shell
        self.model = JoinModel(shell.hub.lobby, shell.page.client_ip or "")
        self.note = note
        self.field = ft.TextField(
            label="Join code",
            hint_text="K7QM-4TZP",
            max_length=MAX_INPUT,
            autofocus=True,
            capitalization=ft.TextCapitalization.CHARACTERS,
            on_submit=self.on_join,
            width=320,
        )
        self.said = ft.Column()

    def build(self) -> ft.Control:
        """The page."""
        if self.note:
            self.said.controls = [message(self.note, error=True)]
        card = ft.Container(
            ft.Column(
                [
                    heading("Join the game", theme.LAPTOP),
                    body(
                        "Type the code the facilitator gave your seat. It opens your seat "
                        "only: your brief, the injects sent to you and your decisions."
                    ),
                    self.field,
                    ft.FilledButton("Join", icon=ft.Icons.LOGIN, on_click=self.on_join),
                    self.said,
                ],
                spacing=theme.GAP * 2,
                tight=True,
            ),
            bgcolor=theme.PAPER,
            padding=theme.PAD * 2,
            border_radius=ft.BorderRadius.all(theme.RADIUS),
            border=ft.Border.all(1, theme.LINE),
            width=520,
        )
        return ft.Column([card], horizontal_alignment=ft.CrossAxisAlignment.CENTER, expand=True)

    def close(self) -> None:
        """Nothing to let go of."""

    @guarded
    def on_join(self, _e: object) -> None:
        """Try the code typed."""
        admission = self.model.join(sent_text(self.field.value))
        if admission is None:
            notice = self.model.notice
            self.said.controls = [message(notice.text if notice else "", error=True)]
            self.field.value = ""
            self.shell.page.update(self.said, self.field)
            return
        self.shell.seat(admission)

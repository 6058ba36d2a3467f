"""The projector: what the room sees, readable from the back of it. The phase and the
scenario clock, the current inject in large type, the open questions and who decides,
and the decisions the facilitator chose to reveal, with their verdicts. Never notes,
briefs or options (the board holds none of them).

Dark text on white, bold, in the room's type scale (`theme.ROOM`). On the facilitator's
own screen a "Back to the console" button (Escape too) returns; on a device that joined
with the projector's code there is nothing to click.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import flet as ft

from tabletop.ui import theme
from tabletop.ui.viewmodels import console_rows as rows
from tabletop.ui.viewmodels.seat_vm import REVOKED, ProjectorModel
from tabletop.ui.views import console_parts as parts
from tabletop.ui.views.following import Following
from tabletop.ui.widgets import message, verdict_badge

if TYPE_CHECKING:
    from tabletop.ui.shell import AppShell

R = theme.ROOM


def _text(text: str, size: int, *, bold: bool = False, muted: bool = False) -> ft.Text:
    return ft.Text(
        text,
        size=size,
        weight=ft.FontWeight.BOLD if bold else ft.FontWeight.W_500,
        color=theme.MUTED if muted else theme.INK,
    )


class ProjectorScreen(Following):
    """The room's screen."""

    def __init__(
        self, shell: AppShell, model: ProjectorModel, back: Callable[[], None] | None = None
    ) -> None:
        super().__init__(shell.page, model.room.game, model.room)
        self.shell = shell
        self.model = model
        self.back = back
        self.root.scroll = None

    def build(self) -> ft.Control:
        """The board, as it stands; from now on it follows the game."""
        self.draw()
        self.follow()
        return ft.Container(self.root, bgcolor=theme.PAPER, padding=R.body, expand=True)

    def changed(self) -> bool:
        """Whether the board moved (or the projector's code was revoked)."""
        return self.model.refresh() or not self.model.valid

    def draw(self) -> None:
        """The board."""
        if not self.model.valid:
            self.close()
            self.root.controls = [message(REVOKED, error=True)]
            return
        b = self.model.board
        style = theme.CLOCK[b.clock.status]
        top: list[ft.Control] = [
            parts.mark(style, style.word, R),
            _text(b.phase.title if b.phase else "Before the first phase", R.title, bold=True),
            _text(rows.when(b.clock.time, year=True), R.title),
        ]
        if self.back is not None:
            back = self.back
            top.append(
                ft.IconButton(
                    icon=ft.Icon(ft.Icons.CLOSE_FULLSCREEN, semantics_label="Back to the console"),
                    tooltip="Back to the console",
                    on_click=lambda _e: back(),
                )
            )
        inject: list[ft.Control] = (
            [
                _text(b.inject.title, R.heading, bold=True),
                _text(f"{b.inject.sender} · {b.inject.channel}", R.small, muted=True),
                ft.Text(b.inject.body, size=R.inject, color=theme.INK),
            ]
            if b.inject
            else [_text(b.exercise or b.pack_title, R.heading, bold=True)]
        )
        questions = [
            ft.Column(
                [
                    _text(f"Open question: {q.title}", R.title, bold=True),
                    _text(q.prompt, R.body),
                    _text("Decides: " + ", ".join(q.deciders), R.small, muted=True),
                ],
                spacing=4,
            )
            for q in b.questions
        ]
        decided = [
            ft.Row(
                [
                    _text(f"{d.role_title}: {d.option}", R.body, bold=True),
                    verdict_badge(d.kind, overridden=d.overridden, scale=R),
                ],
                wrap=True,
                spacing=R.small,
            )
            for d in b.revealed
        ]
        self.root.controls = [
            ft.Row(top, spacing=R.body, wrap=True),
            ft.Divider(color=theme.LINE),
            ft.Column(inject, spacing=R.small, scroll=ft.ScrollMode.AUTO, expand=3),
            ft.Divider(color=theme.LINE),
            ft.Column(
                questions + ([_text("Decided", R.title, bold=True), *decided] if decided else []),
                spacing=R.small,
                scroll=ft.ScrollMode.AUTO,
                expand=2,
            ),
        ]

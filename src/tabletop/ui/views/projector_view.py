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
        self.top = ft.Column()
        self.inject = ft.Column(spacing=R.small, scroll=ft.ScrollMode.AUTO, expand=3)
        self.lower = ft.Column(spacing=R.small, scroll=ft.ScrollMode.AUTO, expand=2)

    def build(self) -> ft.Control:
        """The board, as it stands; from now on it follows the game."""
        self.draw()
        self.follow()
        if self.back is not None:
            self.page.on_keyboard_event = self._on_key
        return ft.Container(self.root, bgcolor=theme.PAPER, padding=R.body, expand=True)

    def _on_key(self, e: ft.KeyboardEvent) -> None:
        if e.key == "Escape" and self.back is not None:
            self.back()

    def changed(self) -> bool:
        """Whether the board moved (or the projector's code was revoked)."""
        return self.model.refresh() or not self.model.valid

    def draw(self) -> list[ft.Control]:
        """The parts of the board that changed (the whole board once, and the parts a
        change touched afterwards: a decision not revealed sends nothing)."""
        if not self.model.valid:
            self.close()
            return self.replaced([message(REVOKED, error=True)])
        b = self.model.board
        if not self.root.controls:
            self.root.controls = [
                self.top,
                ft.Divider(color=theme.LINE),
                self.inject,
                ft.Divider(color=theme.LINE),
                self.lower,
            ]
        return [
            *self.part("top", (b.phase, b.clock), self.top, self._top),
            *self.part("inject", (b.inject, b.exercise), self.inject, self._inject),
            *self.part("lower", (b.questions, b.revealed), self.lower, self._lower),
        ]

    def _top(self) -> list[ft.Control]:
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
        return [ft.Row(top, spacing=R.body, wrap=True)]

    def _inject(self) -> list[ft.Control]:
        b = self.model.board
        if b.inject is None:
            return [_text(b.exercise or b.pack_title, R.heading, bold=True)]
        return [
            _text(b.inject.title, R.heading, bold=True),
            _text(f"{b.inject.sender} · {b.inject.channel}", R.small, muted=True),
            ft.Text(b.inject.body, size=R.inject, color=theme.INK),
        ]

    def _lower(self) -> list[ft.Control]:
        b = self.model.board
        questions: list[ft.Control] = [
            ft.Column(
                [
                    _text(f"Open question: {q.title}", R.title, bold=True),
                    _text(q.prompt, R.body),
                    _text("Decides: " + ", ".join(q.deciders), R.small, muted=True),
                    *([_text(q.consensus, R.small, muted=True)] if q.consensus else []),
                ],
                spacing=4,
            )
            for q in b.questions
        ]
        decided = [
            ft.Column(
                [
                    _text(d.title, R.small, muted=True),
                    ft.Row(
                        [
                            _text(f"{d.role_title}: {d.option}", R.body, bold=True),
                            verdict_badge(d.kind, overridden=d.overridden, scale=R),
                        ],
                        wrap=True,
                        spacing=R.small,
                    ),
                    _text(d.headline, R.small),
                ],
                spacing=2,
            )
            for d in b.revealed
        ]
        return questions + ([_text("Decided", R.title, bold=True), *decided] if decided else [])

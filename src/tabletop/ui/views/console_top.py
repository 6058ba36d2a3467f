"""The console's top bar: the phase, the exercise, the scenario clock and its status, the
clock's buttons (pause or resume, +15 min, +1 h, Next due), End session, Report, Library,
the switch to the projector's type, the projector itself and the list of keys. Once the
session has ended the clock's buttons and End session go, and Report is prominent."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from tabletop.ui import theme
from tabletop.ui.viewmodels import console_rows as rows
from tabletop.ui.views import console_parts as parts

if TYPE_CHECKING:
    from tabletop.ui.views.console_view import ConsoleScreen


def top_bar(screen: ConsoleScreen) -> ft.Control:
    """The bar, drawn from the screen's model."""
    m, s = screen.model, screen.scale
    sit = m.situation
    style = theme.CLOCK[sit.clock.status]
    title = sit.phase.title if sit.phase else "Before the first phase"
    buttons: list[ft.Control] = []
    if not m.ended:
        running = sit.clock.running
        buttons += [
            ft.FilledTonalButton(
                "Pause" if running else "Resume",
                icon=ft.Icons.PAUSE if running else ft.Icons.PLAY_ARROW,
                on_click=screen.verb(m.toggle_clock),
            ),
            ft.OutlinedButton("+15 min", on_click=screen.verb(lambda: m.advance(15))),
            ft.OutlinedButton("+1 h", on_click=screen.verb(lambda: m.advance(60))),
            ft.FilledButton("Next due", icon=ft.Icons.SKIP_NEXT, on_click=screen.verb(m.next_due)),
            ft.OutlinedButton(
                "End session",
                icon=ft.Icons.STOP,
                style=ft.ButtonStyle(color=theme.DANGER),
                on_click=screen.on_end,
            ),
        ]
    report = ft.FilledButton if m.ended else ft.TextButton
    buttons += [
        report(
            "Report",
            icon=ft.Icons.DESCRIPTION,
            on_click=lambda _e: screen.shell.report(screen.game.id),
        ),
        # Icons only, to leave the phase's title room on one line. An icon button's tooltip
        # gives it no accessible name here: the icon's label does.
        ft.IconButton(
            icon=ft.Icon(ft.Icons.HOME, semantics_label="Library"),
            tooltip="Library",
            on_click=lambda _e: screen.shell.library(),
        ),
        ft.IconButton(
            icon=ft.Icon(ft.Icons.TEXT_INCREASE, semantics_label="Projector type"),
            tooltip="Projector type",
            on_click=screen.on_scale,
        ),
        ft.IconButton(
            icon=ft.Icon(ft.Icons.CO_PRESENT, semantics_label="Projector"),
            tooltip="Projector (F)",
            on_click=screen.on_projector,
        ),
        ft.IconButton(
            icon=ft.Icon(ft.Icons.KEYBOARD, semantics_label="Keyboard shortcuts"),
            tooltip="Keyboard shortcuts (?)",
            on_click=screen.on_help,
        ),
    ]
    return ft.Row(
        [
            ft.Column(
                [
                    ft.Text(
                        title,
                        size=s.title + 2,
                        weight=ft.FontWeight.BOLD,
                        color=theme.INK,
                        max_lines=2,
                        overflow=ft.TextOverflow.ELLIPSIS,
                    ),
                    ft.Text(
                        f"{sit.exercise} · facilitated by {sit.facilitator}",
                        size=s.small,
                        color=theme.MUTED,
                        max_lines=1,
                        overflow=ft.TextOverflow.ELLIPSIS,
                    ),
                ],
                spacing=0,
                expand=True,
            ),
            ft.Column(
                [
                    ft.Text(
                        rows.when(sit.clock.time, year=True),
                        size=s.title,
                        weight=ft.FontWeight.BOLD,
                        color=theme.INK,
                    ),
                    parts.mark(style, style.word, s),
                ],
                spacing=0,
                horizontal_alignment=ft.CrossAxisAlignment.END,
            ),
            *buttons,
        ],
        spacing=4,
    )

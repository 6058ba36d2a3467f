"""The library screen: a running game to resume, the packs, a pack file from disk, the
sessions played."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import flet as ft

from tabletop.app import AppError
from tabletop.ui import theme
from tabletop.ui.viewmodels.library_vm import LibraryModel, PackCard, SessionCard
from tabletop.ui.widgets import body, heading, message, panel, small

if TYPE_CHECKING:
    from tabletop.ui.shell import AppShell


class LibraryScreen:
    """Packs and sessions."""

    def __init__(self, shell: AppShell) -> None:
        self.shell = shell
        self.model = LibraryModel(shell.hub)
        self.path_field = ft.TextField(
            label="Pack file path", dense=True, expand=True, on_submit=self.on_open_path
        )
        self.root = ft.Column(expand=True, spacing=theme.GAP)

    def build(self) -> ft.Control:
        """The screen, from the model."""
        self.root.controls = self._controls()
        return self.root

    def close(self) -> None:
        """Nothing to let go of."""

    def _refresh(self) -> None:
        self.root.controls = self._controls()
        self.shell.page.update()

    def _controls(self) -> list[ft.Control]:
        model = self.model
        out: list[ft.Control] = [
            ft.Row(
                [
                    ft.Text(
                        "tabletop",
                        size=theme.LAPTOP.heading + 6,
                        weight=ft.FontWeight.BOLD,
                        color=theme.ACCENT,
                    ),
                    small(
                        "facilitated seminar wargames, each decision checked against the "
                        "mandates in play"
                    ),
                ],
                vertical_alignment=ft.CrossAxisAlignment.END,
            )
        ]
        if model.message:
            out.append(message(model.message))
        for session in model.running:
            out.append(self._resume_banner(session))
        out.append(
            ft.Row(
                [
                    panel("Scenario packs", [self._pack_grid(), self._open_row()], expand=3),
                    panel("Sessions", self._session_rows(), expand=2),
                ],
                expand=True,
                vertical_alignment=ft.CrossAxisAlignment.STRETCH,
            )
        )
        return out

    def _resume_banner(self, s: SessionCard) -> ft.Control:
        return ft.Container(
            content=ft.Row(
                [
                    ft.Icon(ft.Icons.PLAY_CIRCLE, color=theme.DUE, size=28),
                    ft.Column(
                        [
                            ft.Text(
                                f"A game is in progress: {s.exercise}",
                                weight=ft.FontWeight.BOLD,
                                size=theme.LAPTOP.title,
                            ),
                            small(
                                f"{s.pack} · {s.events} events · started "
                                f"{s.started_at:%d %b %Y %H:%M} UTC · {s.id}"
                            ),
                        ],
                        spacing=2,
                        expand=True,
                    ),
                    ft.FilledButton(
                        f"Resume {s.exercise}",
                        icon=ft.Icons.PLAY_ARROW,
                        on_click=lambda _e, sid=s.id: self.shell.resume(sid),
                    ),
                ]
            ),
            bgcolor="#FFF8E1",
            border=ft.Border.all(2, theme.DUE),
            border_radius=ft.BorderRadius.all(theme.RADIUS),
            padding=theme.PAD,
        )

    def _pack_grid(self) -> ft.Control:
        cards = [self._pack_card(card) for card in self.model.packs]
        if not cards:
            cards = [body("No packs found.", muted=True)]
        return ft.Column(cards, spacing=theme.GAP)

    def _pack_card(self, card: PackCard) -> ft.Control:
        state_color = theme.PERMITTED if card.ok else theme.DANGER
        lines: list[ft.Control] = [
            ft.Row(
                [
                    heading(card.title),
                    small(f"{card.version} · {card.origin}"),
                    ft.Container(
                        ft.Text(card.state, color=theme.PAPER, size=theme.LAPTOP.small),
                        bgcolor=state_color,
                        padding=ft.Padding.symmetric(vertical=2, horizontal=6),
                        border_radius=ft.BorderRadius.all(10),
                    ),
                ],
                wrap=True,
            ),
        ]
        if card.ok:
            lines.append(body(card.summary))
            lines.append(small("Seats: " + ", ".join(card.roles)))
            lines.append(
                ft.Row(
                    [
                        ft.FilledButton(
                            f"Preview {card.title}",
                            icon=ft.Icons.VISIBILITY,
                            on_click=lambda _e, c=card: self.shell.preview(c),
                        ),
                    ]
                )
            )
        else:
            lines.append(small(card.path))
            shown = card.diagnostics[:4]
            lines.append(
                ft.Text(
                    "\n".join(shown),
                    font_family="monospace",
                    size=theme.LAPTOP.small,
                    color=theme.DANGER,
                )
            )
            if len(card.diagnostics) > len(shown):
                lines.append(
                    ft.ExpansionTile(
                        title=ft.Text(f"All {len(card.diagnostics)} problems in {card.title}"),
                        controls=[
                            ft.Text(
                                "\n".join(card.diagnostics),
                                font_family="monospace",
                                size=theme.LAPTOP.small,
                            )
                        ],
                    )
                )
        return ft.Container(
            content=ft.Column(lines, spacing=4),
            padding=theme.PAD,
            border=ft.Border.all(1, theme.LINE),
            border_radius=ft.BorderRadius.all(theme.RADIUS),
        )

    def _open_row(self) -> ft.Control:
        return ft.Column(
            [
                ft.Row(
                    [
                        ft.OutlinedButton(
                            "Open a pack file", icon=ft.Icons.FOLDER_OPEN, on_click=self.on_pick
                        ),
                        self.path_field,
                        ft.TextButton("Open path", on_click=self.on_open_path),
                    ]
                ),
                small("The file picker needs a desktop file dialog; the path box always works."),
            ],
            spacing=2,
        )

    def _session_rows(self) -> list[ft.Control]:
        if not self.model.sessions:
            return [body("No sessions yet: preview a pack and start one.", muted=True)]
        rows: list[ft.Control] = []
        for s in self.model.sessions:
            status = "running" if s.running else "ended"
            rows.append(
                ft.Container(
                    content=ft.Column(
                        [
                            ft.Text(s.exercise, weight=ft.FontWeight.BOLD),
                            small(
                                f"{s.pack} · {status} · {s.events} events · "
                                f"{s.started_at:%d %b %Y %H:%M} UTC"
                            ),
                            small(s.id),
                            ft.Row(
                                [
                                    ft.TextButton(
                                        "Resume" if s.running else "Open",
                                        tooltip=f"Open {s.id}",
                                        on_click=lambda _e, sid=s.id: self.shell.resume(sid),
                                    ),
                                    ft.TextButton(
                                        "Report",
                                        tooltip=f"Report of {s.id}",
                                        on_click=lambda _e, sid=s.id: self.shell.report(sid),
                                    ),
                                    ft.TextButton(
                                        "Export log",
                                        tooltip=f"Export the log of {s.id}",
                                        on_click=partial(self.on_export, s.id),
                                    ),
                                    ft.TextButton(
                                        "Delete",
                                        tooltip=f"Delete {s.id}",
                                        style=ft.ButtonStyle(color=theme.DANGER),
                                        on_click=lambda _e, sid=s.id: self.on_delete(sid),
                                    ),
                                ],
                                wrap=True,
                                spacing=0,
                            ),
                        ],
                        spacing=2,
                    ),
                    padding=ft.Padding.symmetric(vertical=4, horizontal=0),
                    border=ft.Border.only(bottom=ft.BorderSide(1, theme.LINE)),
                )
            )
        return rows

    # --- handlers -------------------------------------------------------------------------

    async def on_pick(self, _e: object) -> None:
        """Pick a pack file: a path on the desktop, the bytes in a browser."""
        try:
            files = await self.shell.picker.pick_files(
                dialog_title="Open a scenario pack",
                allowed_extensions=["json"],
                with_data=self.shell.web,
            )
        except Exception as exc:  # no desktop file dialog here (no portal): say so
            self.shell.notify(f"No file dialog here ({exc}); type the path instead.", error=True)
            return
        for file in files:
            try:
                if file.bytes is not None:
                    card = self.model.open_upload(file.name, bytes(file.bytes))
                elif file.path:
                    card = self.model.open_file(file.path)
                else:
                    continue
            except AppError as exc:
                self.shell.notify(str(exc), error=True)
                continue
            self._after_open(card)

    def on_open_path(self, _e: object) -> None:
        """Open the pack file whose path was typed."""
        path = (self.path_field.value or "").strip()
        if not path:
            self.shell.notify("Type the path of a pack file first.", error=True)
            return
        self._after_open(self.model.open_file(path))

    def _after_open(self, card: PackCard) -> None:
        if card.ok:
            self.shell.preview(card)
        else:
            self.shell.notify(f"{card.title}: {card.state}; its problems are listed.", error=True)
            self._refresh()

    def on_delete(self, session_id: str) -> None:
        """Ask, then delete a session."""

        def confirmed(_e: object) -> None:
            self.shell.page.pop_dialog()
            try:
                self.model.delete(session_id)
            except AppError as exc:
                self.shell.notify(str(exc), error=True)
            self._refresh()

        self.shell.page.show_dialog(
            ft.AlertDialog(
                title=ft.Text("Delete this session?"),
                content=ft.Text(f"{session_id} and its whole log will be gone for good."),
                actions=[
                    ft.TextButton("Keep it", on_click=lambda _e: self.shell.page.pop_dialog()),
                    ft.FilledButton(
                        "Delete for good",
                        style=ft.ButtonStyle(bgcolor=theme.DANGER),
                        on_click=confirmed,
                    ),
                ],
            )
        )

    async def on_export(self, session_id: str, _e: object) -> None:
        """Save a session's log as .jsonl."""
        try:
            name, data = self.model.export(session_id)
        except AppError as exc:
            self.shell.notify(str(exc), error=True)
            return
        saved = await self.shell.save(name, data)
        if saved:
            self.shell.notify(f"Exported to {saved}")

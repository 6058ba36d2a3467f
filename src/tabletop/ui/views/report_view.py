"""The report screen: the after-action report previewed in the app, and exported."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import flet as ft

from tabletop.ui import theme
from tabletop.ui.viewmodels.report_vm import FORMAT_NAMES, PAPER_NAMES, ReportModel
from tabletop.ui.widgets import message

if TYPE_CHECKING:
    from tabletop.ui.shell import AppShell


class ReportScreen:
    """One session's report."""

    def __init__(self, shell: AppShell, session_id: str) -> None:
        self.shell = shell
        self.model = ReportModel(shell.hub, session_id)
        self.content = ft.Column([ft.ProgressRing(), ft.Text("Building the report…")], expand=True)

    def build(self) -> ft.Control:
        """The screen; the report is built off the event loop."""
        self.shell.in_background(self._load)
        exports = [
            ft.OutlinedButton(
                f"Export {name}", icon=ft.Icons.DOWNLOAD, on_click=partial(self.on_export, fmt)
            )
            for fmt, name in FORMAT_NAMES.items()
        ]
        paper = ft.Dropdown(
            label="Paper",
            tooltip="The paper the HTML, PDF and Word reports are laid out for",
            value=self.model.paper,
            options=[ft.DropdownOption(key=k, text=v) for k, v in PAPER_NAMES.items()],
            on_select=self.on_paper,
            dense=True,
            width=150,
        )
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
                            "After-action report",
                            size=theme.LAPTOP.heading,
                            weight=ft.FontWeight.BOLD,
                            expand=True,
                        ),
                        paper,
                        *exports,
                    ],
                ),
                ft.Container(
                    self.content,
                    bgcolor=theme.PAPER,
                    padding=theme.PAD * 2,
                    border_radius=ft.BorderRadius.all(theme.RADIUS),
                    expand=True,
                ),
            ],
            expand=True,
        )

    def close(self) -> None:
        """Nothing to let go of."""

    def _load(self) -> None:
        text = self.model.preview()
        controls: list[ft.Control] = []
        if self.model.error:
            controls.append(message(self.model.error, error=True))
        if text:
            controls.append(
                ft.Markdown(
                    text,
                    selectable=True,
                    extension_set=ft.MarkdownExtensionSet.GITHUB_WEB,
                )
            )
        self.content.controls = [ft.Column(controls, scroll=ft.ScrollMode.AUTO, expand=True)]
        self.shell.page.update()

    def on_paper(self, e: ft.Event[ft.Dropdown]) -> None:
        """Lay the next exports out for the paper chosen."""
        self.model.choose_paper(e.control.value)

    async def on_export(self, fmt: str, _e: object) -> None:
        """Render the report in a format and save (or download) it."""
        exported = self.model.export(fmt)
        if exported is None:
            self.shell.notify(self.model.error, error=True)
            return
        saved = await self.shell.save(*exported)
        if saved:
            self.shell.notify(f"Saved the {FORMAT_NAMES[fmt]} report: {saved}")

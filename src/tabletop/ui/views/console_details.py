"""The console's dialog for the exercise's details (type, place, sponsor, contacts,
evaluators, controllers), prefilled with those last recorded; at any time, also after the
end. Buttons "Save details" and "Cancel"; the fields as in `details_fields`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from tabletop.ui import theme
from tabletop.ui.views import console_parts as parts
from tabletop.ui.views.details_fields import details_fields

if TYPE_CHECKING:
    from tabletop.ui.views.console_view import ConsoleScreen


def details(screen: ConsoleScreen) -> None:
    """Edit the exercise's details; saving records the whole set anew."""
    parts.quiet()
    notes = screen.model.notes
    form = notes.edit_details()
    # Always there (empty until a save fails): a control shown only later is not redrawn.
    problem = ft.Text("", color=theme.DANGER)
    hint = parts.note(
        "For the report's overview and participants. Saving records them anew: the latest count.",
        screen.scale,
    )
    sponsor = screen.game.pack.meta.sponsor
    fields = details_fields(form, pack_sponsor=sponsor, dense=True)
    dlg = ft.AlertDialog(
        modal=True,
        title=ft.Text("Exercise details"),
        content=ft.Column(
            [hint, problem, *fields],
            tight=True,
            width=600,
            spacing=theme.GAP,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        ),
        scrollable=True,
    )

    def save(_e: object) -> None:
        parts.quiet()
        if not notes.save_details():
            notice, screen.model.notice = screen.model.notice, None
            problem.value = notice.text if notice else "Not saved."
            screen.patch(problem)
            return
        screen.close_dialog(dlg)
        screen.after()

    def cancel(_e: object) -> None:
        screen.close_dialog(dlg)
        screen.after(notify=False)

    dlg.actions = [
        ft.TextButton("Cancel", on_click=cancel),
        ft.FilledButton("Save details", icon=ft.Icons.SAVE, on_click=save),
    ]
    screen.open_dialog(dlg)

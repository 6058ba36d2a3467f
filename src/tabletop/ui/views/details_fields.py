"""The exercise-details fields, bound to a `DetailsForm`: on the setup screen and in the
console's dialog.

Accessible names: dropdown "Exercise type"; textboxes "Location", "Sponsor", "Points of
contact", "Evaluators", "Controllers".
"""

from __future__ import annotations

import flet as ft

from tabletop.ui.viewmodels.details_vm import CONTACTS_HINT, NAMES_HINT, TYPE_CHOICES, DetailsForm

NOT_GIVEN = "-"
"""The dropdown's key for 'no type given' (the form keeps '')."""


def details_fields(
    form: DetailsForm, *, pack_sponsor: str = "", dense: bool = False
) -> list[ft.Control]:
    """The fields, each change kept in `form`; the pack's sponsor, if any, under the sponsor
    (it stands when the field is left empty). What a field wants is said under it, where it
    stays in sight (a hint shows only once the field has the focus)."""

    def keep(attr: str) -> ft.ControlEventHandler[ft.TextField]:
        def changed(e: ft.Event[ft.TextField]) -> None:
            quiet()
            setattr(form, attr, e.control.value or "")

        return changed

    def text(label: str, attr: str, helper: str, lines: int = 1) -> ft.TextField:
        return ft.TextField(
            label=label,
            value=getattr(form, attr),
            helper=helper,
            multiline=lines > 1,
            min_lines=lines,
            max_lines=lines + 3 if lines > 1 else 1,
            dense=dense,
            on_change=keep(attr),
        )

    def chosen(e: ft.Event[ft.Dropdown]) -> None:
        quiet()
        value = e.control.value or NOT_GIVEN
        form.exercise_type = "" if value == NOT_GIVEN else value

    kind = ft.Dropdown(
        label="Exercise type",
        tooltip="Exercise type",
        value=form.exercise_type or NOT_GIVEN,
        options=[
            *(ft.DropdownOption(key=k, text=t) for k, t in TYPE_CHOICES),
            ft.DropdownOption(key=NOT_GIVEN, text="Not given"),
        ],
        on_select=chosen,
        dense=dense,
        expand=True,  # the form's width, as the text fields
    )
    sponsor_help = (
        f"Empty: the pack's, {pack_sponsor}" if pack_sponsor else "Who sponsors the exercise"
    )
    return [
        kind,
        text("Location", "location", "Where it is held"),
        text("Sponsor", "sponsor", sponsor_help),
        text("Points of contact", "contacts", CONTACTS_HINT, lines=2),
        text("Evaluators", "evaluators", NAMES_HINT),
        text("Controllers", "controllers", NAMES_HINT),
    ]


def quiet() -> None:
    """No page diff after this handler: nothing on screen changes. On the console that
    diff (~0.2 s) sent a field's older value back while typing went on: letters were lost."""
    ft.context.disable_auto_update()  # type: ignore[no-untyped-call]  # unannotated in flet

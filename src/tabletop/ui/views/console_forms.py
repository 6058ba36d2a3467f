"""The console's forms: observations and objective ratings, improvement-plan rows, seats,
and the exercise's details (a summary and the button to its dialog).

The fields are built once and bound to the view-model's forms (each change is kept there),
so a redraw after another tab's change never clears what is being typed; after an action
`sync` puts the model's (emptied) form back into the fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import flet as ft

from tabletop.ui import theme
from tabletop.ui.viewmodels.console_rows import ELEMENTS, KINDS, RATINGS, SeatRow
from tabletop.ui.viewmodels.details_vm import summary
from tabletop.ui.views import console_parts as parts
from tabletop.ui.views.console_details import details as details_dialog
from tabletop.ui.widgets import heading

if TYPE_CHECKING:
    from tabletop.ui.views.console_view import ConsoleScreen

NONE = "-"
"""A dropdown's key for 'none chosen' (the form keeps '')."""


def _keep(form: object, attr: str, value: str) -> None:
    """Keep a typed or picked value in the form; nothing on screen changes, so no page diff
    (Flet would otherwise diff the whole page after every key)."""
    parts.quiet()
    setattr(form, attr, value)


class Forms:
    """The fields of the side panel's Observe, Plan and Seats tabs."""

    def __init__(self, screen: ConsoleScreen) -> None:
        self.screen = screen
        self.model = screen.model
        self.scale = screen.scale
        self._bound: list[tuple[ft.Control, Callable[[], Any], str]] = []
        objectives = [(NONE, "No objective"), *self.model.notes.objectives()]
        ratings = [(NONE, "No rating"), *RATINGS.items()]
        m = self.model.notes
        # An area for improvement's HSEEP fields, shown for that kind only.
        self.area_fields = ft.Column(
            [
                self._text("Reference", lambda: m.observation, "reference"),
                self._text("Analysis (root cause)", lambda: m.observation, "analysis", lines=2),
            ],
            spacing=theme.GAP,
            visible=m.observation.is_area,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        )
        self._areas = m.areas()
        self.answers = self._pick("Answers", self._area_options(), lambda: m.plan, "answers")
        self.details_summary = parts.note(self._details_words(), self.scale)
        self.observe = ft.Column(
            [
                ft.RadioGroup(
                    ft.Row(
                        [
                            ft.Radio(
                                value=k, label=w, label_style=ft.TextStyle(size=self.scale.body)
                            )
                            for k, w in KINDS.items()
                        ],
                        wrap=True,
                    ),
                    value=m.observation.kind,
                    on_change=self._kind_chosen,
                ),
                self._text("Observation", lambda: m.observation, "text", lines=3),
                self.area_fields,
                self._pick("Objective", objectives, lambda: m.observation, "objective"),
                self._pick("Rating", ratings, lambda: m.observation, "rating"),
                self._button("Add observation", ft.Icons.NOTE_ADD, m.add_observation),
                ft.Divider(),
                heading("Rate an objective", self.scale),
                self._pick("Objective to rate", objectives[1:], lambda: m.rating, "objective"),
                self._pick("Objective rating", ratings[1:], lambda: m.rating, "rating"),
                self._text("Rating note", lambda: m.rating, "note"),
                self._button("Rate objective", ft.Icons.GRADING, m.rate_objective),
            ],
            spacing=theme.GAP,
            scroll=ft.ScrollMode.AUTO,
            expand=True,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        )
        self.plan = ft.Column(
            [
                parts.note(
                    "A row of the improvement plan: the issue, what fixes it, who owns it.",
                    self.scale,
                ),
                self._text("Issue", lambda: m.plan, "issue", lines=2),
                self._text("Corrective action", lambda: m.plan, "corrective_action", lines=2),
                self._pick("Capability element", list(ELEMENTS.items()), lambda: m.plan, "element"),
                self._text("Responsible organisation", lambda: m.plan, "organisation"),
                self._text("Point of contact", lambda: m.plan, "contact"),
                ft.Row(
                    [
                        self._text("Start date", lambda: m.plan, "start", expand=True),
                        self._text(
                            "Completion date",
                            lambda: m.plan,
                            "completion",
                            expand=True,
                        ),
                    ]
                ),
                self._pick("Plan objective", objectives, lambda: m.plan, "objective"),
                self.answers,
                self._button("Add plan row", ft.Icons.PLAYLIST_ADD, m.add_plan_row),
                ft.Divider(),
                heading("Exercise details", self.scale),
                self.details_summary,
                ft.Row(
                    [
                        ft.OutlinedButton(
                            "Edit exercise details",
                            icon=ft.Icons.EDIT_NOTE,
                            on_click=lambda _e: details_dialog(self.screen),
                        )
                    ]
                ),
            ],
            spacing=theme.GAP,
            scroll=ft.ScrollMode.AUTO,
            expand=True,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        )
        self.seat_list = ft.Column(spacing=4)
        self.seat_form = ft.Column(
            [
                heading("Seat a participant", self.scale),
                self._pick(
                    "Seat",
                    [(s.role, s.title) for s in self.model.situation.seats],
                    lambda: m,
                    "seat_role",
                ),
                self._text("Participant", lambda: m, "seat_name"),
                self._button("Assign seat", ft.Icons.EVENT_SEAT, m.assign),
            ],
            spacing=theme.GAP,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        )
        self.seats = ft.Column(
            [self.seat_list, ft.Divider(), self.seat_form],
            scroll=ft.ScrollMode.AUTO,
            expand=True,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        )

    def _kind_chosen(self, e: ft.Event[ft.RadioGroup]) -> None:
        form = self.model.notes.observation
        _keep(form, "kind", e.control.value or "strength")
        if self.area_fields.visible != form.is_area:
            self.area_fields.visible = form.is_area
            self.screen.patch(self.area_fields)

    def _area_options(self) -> list[tuple[str, str]]:
        return [(NONE, "No area for improvement"), *self._areas]

    def _details_words(self) -> str:
        return summary(self.model.game.details) or "None given yet."

    def focus_observation(self) -> None:
        """Open the Observe tab with the cursor in the observation (the keyboard's O)."""
        parts.quiet()
        field = next(f for f, _form, attr in self._bound if attr == "text")
        tabs = self.screen.tabs
        tabs.selected_index = 1
        self.screen.patch(tabs)
        if isinstance(field, ft.TextField):
            self.screen.page.run_task(field.focus)

    def _text(
        self,
        label: str,
        form: Callable[[], Any],
        attr: str,
        *,
        lines: int = 1,
        expand: bool = False,
    ) -> ft.TextField:
        field = ft.TextField(
            label=label,
            value=getattr(form(), attr),
            multiline=lines > 1,
            min_lines=lines,
            max_lines=max(lines, 1) + 2 if lines > 1 else 1,
            dense=True,
            text_size=self.scale.body,
            hint_text="YYYY-MM-DD" if "date" in label else None,
            expand=expand,
            on_change=lambda e: _keep(form(), attr, e.control.value or ""),
        )
        self._bound.append((field, form, attr))
        return field

    def _pick(
        self, label: str, options: list[tuple[str, str]], form: Callable[[], Any], attr: str
    ) -> ft.Dropdown:
        def chosen(e: ft.Event[ft.Dropdown]) -> None:
            value = e.control.value or NONE
            _keep(form(), attr, "" if value == NONE else value)

        field = ft.Dropdown(
            label=label,
            tooltip=label,
            value=getattr(form(), attr) or NONE,
            options=[ft.DropdownOption(key=k, text=t) for k, t in options],
            on_select=chosen,
            dense=True,
            expand=True,
            text_size=self.scale.body,
        )
        self._bound.append((field, form, attr))
        return field

    def _button(self, text: str, icon: ft.IconData, action: Callable[[], bool]) -> ft.Control:
        def clicked(_e: object) -> None:
            action()
            self.screen.after()

        return ft.Row([ft.FilledButton(text, icon=icon, on_click=clicked)])

    def sync(self) -> list[ft.Control]:
        """Put the model's forms back into the fields (emptied after an action); the
        controls that changed, to patch."""
        changed: list[ft.Control] = []
        for field, form, attr in self._bound:
            value = getattr(form(), attr)
            value = (value or NONE) if isinstance(field, ft.Dropdown) else value
            if field.value != value:  # type: ignore[attr-defined]
                field.value = value  # type: ignore[attr-defined]
                changed.append(field)
        if self.seat_form.visible == self.model.ended:
            self.seat_form.visible = not self.model.ended
            changed.append(self.seat_form)
        if self.area_fields.visible != self.model.notes.observation.is_area:
            self.area_fields.visible = self.model.notes.observation.is_area
            changed.append(self.area_fields)
        areas = self.model.notes.areas()
        if areas != self._areas:  # an area was noted (here or in another window)
            self._areas = areas
            self.answers.options = [
                ft.DropdownOption(key=k, text=t) for k, t in self._area_options()
            ]
            changed.append(self.answers)
        words = self._details_words()
        if self.details_summary.value != words:
            self.details_summary.value = words
            changed.append(self.details_summary)
        return changed

    def draw_seats(self, seats: tuple[SeatRow, ...]) -> ft.Control:
        """The seats and who sits in them."""
        empty = theme.VerdictStyle(theme.DUE, ft.Icons.EVENT_SEAT, "")
        taken = theme.VerdictStyle(theme.PERMITTED, ft.Icons.PERSON, "")
        self.seat_list.controls = [
            ft.Column(
                [
                    parts.say(f"{s.title} ({s.actor})", self.scale),
                    ft.Row(
                        [
                            ft.Icon(
                                (taken if s.participant else empty).icon,
                                size=self.scale.body + 2,
                                color=(taken if s.participant else empty).color,
                            ),
                            ft.Text(
                                s.participant or "Empty seat",
                                size=self.scale.small,
                                color=theme.INK,
                            ),
                        ],
                        spacing=4,
                    ),
                ],
                spacing=0,
            )
            for s in seats
        ]
        return self.seat_list

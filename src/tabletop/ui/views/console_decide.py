"""The console's decision panel: pick the open decision point and the deciding role, see
each option with its live verdict (and why), write the rationale, record, refuse, amend
(the dialogs are in `console_dialogs`).

The rationale field is one control kept across redraws, so an update from another tab
never loses what is being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import flet as ft

from tabletop.ui import theme
from tabletop.ui.viewmodels.console_rows import when
from tabletop.ui.views import console_dialogs as dialogs
from tabletop.ui.views import console_parts as parts
from tabletop.ui.widgets import message, panel, verdict_badge

if TYPE_CHECKING:
    from tabletop.ui.views.console_view import ConsoleScreen


def _status(decided: bool, ended: bool) -> str:
    return "decided" if decided else "no decision" if ended else "to decide"


class DecisionPanel:
    """Open decisions, and the recorded ones to amend."""

    def __init__(self, screen: ConsoleScreen) -> None:
        self.screen = screen
        self.model = screen.model
        self.scale = screen.scale
        self.rationale = ft.TextField(
            label="Rationale",
            multiline=True,
            min_lines=1,
            max_lines=3,
            dense=True,
            text_size=self.scale.body,
            expand=True,
            on_change=self.on_rationale,
        )
        self.record = ft.FilledButton("Record", icon=ft.Icons.CHECK, on_click=self.on_record)
        self.refuse = ft.OutlinedButton("Refuse", icon=ft.Icons.BLOCK, on_click=self.on_refuse)
        self.head = ft.Column(spacing=4)
        # Room above the pickers for their floating labels (the scroll view clips them).
        self.head_box = ft.Container(self.head, padding=ft.Padding.only(top=6))
        self.choices = ft.Column(spacing=4)
        self.entry = ft.Row(
            [self.rationale, self.record, self.refuse],
            spacing=theme.GAP,
            vertical_alignment=ft.CrossAxisAlignment.START,
        )
        self.control = panel(
            "Decision", [self.head_box, self.choices, self.entry], expand=8, scale=self.scale
        )
        self._key: object = None
        # The pickers and their entries live as long as the panel: after a decision the
        # browser is sent the one entry that went and the new value, not 50 entries again.
        self.dp_picker = self._picker("Decision point", self.on_dp)
        self.role_picker = self._picker("Deciding role", self.on_role)
        self._entries: dict[tuple[str, str], ft.DropdownOption] = {}

    def _picker(
        self, label: str, on_select: Callable[[ft.Event[ft.Dropdown]], None]
    ) -> ft.Dropdown:
        return ft.Dropdown(
            label=label,
            tooltip=label,
            on_select=on_select,
            dense=True,
            expand=True,
            text_size=self.scale.body,
        )

    def _entry(self, key: str, text: str) -> ft.DropdownOption:
        entry = self._entries.get((key, text))
        if entry is None:
            entry = self._entries[(key, text)] = ft.DropdownOption(key=key, text=text)
        return entry

    # --- drawing --------------------------------------------------------------------------

    def redraw(self) -> list[ft.Control]:
        """Draw the panel again if what it shows changed; the controls to patch."""
        m = self.model
        key = (
            m.decisions(),
            m.dp,
            m.role,
            m.deciders(),
            m.options(),
            m.option,
            m.recorded(),
            m.ended,
        )
        if key == self._key:
            return []
        self._key = key
        self.head.controls = self._head()
        self.choices.controls = self._choices()
        self.entry.visible = m.is_open()
        chosen = next((o for o in m.options() if o.id == m.option), None)
        self.refuse.disabled = chosen is None or chosen.kind != "outside_mandate"
        self.record.disabled = chosen is None
        self.rationale.value = m.rationale
        return [self.control]

    def _head(self) -> list[ft.Control]:
        m, s = self.model, self.scale
        choices = m.decisions()
        ended: list[ft.Control] = []
        if m.ended:
            ended = [
                message(
                    "The session has ended: add observations, ratings and plan rows on the "
                    "right, then open the Report."
                )
            ]
        if not choices:
            return [*ended, parts.say("No decision is open yet.", s, muted=True)]
        open_dp = next((d for d in m.situation.open_decisions if d.id == m.dp), None)
        out: list[ft.Control] = [
            *ended,
            ft.Row([self.dp_picker, self.role_picker]),
        ]
        self.dp_picker.value = m.dp
        self.dp_picker.options = [self._entry(c.id, c.text) for c in choices]
        self.role_picker.value = m.role
        self.role_picker.options = [self._entry(d.role, d.text) for d in m.deciders()]
        line: list[ft.Control] = []
        if open_dp is not None:
            box = f", time box {open_dp.time_box_minutes} min" if open_dp.time_box_minutes else ""
            out.append(ft.Text(open_dp.prompt, size=s.title, color=theme.INK))
            line.append(
                parts.note(f"Opened {when(open_dp.opened_at)} by {open_dp.because}{box}", s)
            )
        done = theme.VerdictStyle(theme.PERMITTED, ft.Icons.CHECK_CIRCLE, "")
        waits = theme.VerdictStyle(theme.DUE, ft.Icons.HOURGLASS_TOP, "")
        line += [
            parts.mark(
                done if d.decided else waits,
                f"{d.title} ({d.participant}): {_status(d.decided, m.ended)}",
                s,
            )
            for d in m.deciders()
        ]
        out.append(ft.Row(line, wrap=True, spacing=theme.PAD, run_spacing=2))
        if open_dp is not None and open_dp.consensus:
            out.append(message(open_dp.consensus))
        return out

    def _choices(self) -> list[ft.Control]:
        m, s = self.model, self.scale
        done = m.recorded()
        if done is not None:
            lines: list[ft.Control] = [
                ft.Row(
                    [
                        parts.say(f"Recorded: {done.option}", s),
                        verdict_badge(done.kind, overridden=done.overridden, scale=s),
                    ],
                    wrap=True,
                ),
                parts.note(f"Rationale: {done.rationale or '(none)'}", s),
            ]
            if done.justification:
                lines.append(parts.note(f"Override justification: {done.justification}", s))
            if done.amendments:
                lines.append(parts.note(f"Amended {done.amendments} time(s)", s))
            if not m.ended:
                lines.append(
                    ft.OutlinedButton("Amend rationale", icon=ft.Icons.EDIT, on_click=self.on_amend)
                )
            return lines
        if not m.is_open():
            return []
        rows: list[ft.Control] = []
        for o in m.options():
            rows.append(
                ft.Row(
                    [
                        ft.Radio(
                            value=o.id,
                            label=o.label,
                            label_style=ft.TextStyle(size=s.body),
                            expand=True,
                        ),
                        verdict_badge(o.kind, scale=s),
                        ft.TextButton(
                            # The visible word is short; its accessible name says which.
                            content=ft.Text("Why?", semantics_label=f"Why: {o.label}"),
                            on_click=lambda _e, option=o.id: self.on_why(option),
                            style=ft.ButtonStyle(text_style=ft.TextStyle(size=s.small)),
                        ),
                    ],
                    spacing=4,
                )
            )
        return [ft.RadioGroup(ft.Column(rows, spacing=0), value=m.option, on_change=self.on_option)]

    # --- handlers -------------------------------------------------------------------------

    def on_dp(self, e: ft.Event[ft.Dropdown]) -> None:
        """Show another decision point."""
        self.model.choose_decision(e.control.value)
        self.screen.after(notify=False)

    def on_role(self, e: ft.Event[ft.Dropdown]) -> None:
        """Show another deciding role."""
        self.model.choose_role(e.control.value)
        self.screen.after(notify=False)

    def on_option(self, e: ft.Event[ft.RadioGroup]) -> None:
        """Pick the option to record."""
        self.model.choose_option(e.control.value)
        self.screen.after(notify=False)

    def on_rationale(self, e: ft.Event[ft.TextField]) -> None:
        """Keep the rationale typed (nothing to redraw: no page diff per key)."""
        parts.quiet()
        self.model.rationale = e.control.value or ""

    def on_record(self, _e: object) -> None:
        """Record the choice; outside mandate, ask for the override's justification."""
        self.model.record()
        if self.model.override is not None:
            dialogs.override(self.screen)
        self.screen.after()

    def record_now(self) -> None:
        """Record the chosen option (the keyboard's R)."""
        self.on_record(None)

    def on_why(self, option: str) -> None:
        """Explain an option's verdict."""
        dialogs.why(self.screen, option)

    def on_refuse(self, _e: object) -> None:
        """Log the chosen outside-mandate option as refused, with a note."""
        dialogs.refuse(self.screen)

    def on_amend(self, _e: object) -> None:
        """Correct the recorded rationale, saying why."""
        dialogs.amend(self.screen)

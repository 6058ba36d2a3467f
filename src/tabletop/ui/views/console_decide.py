"""The console's decision panel: pick the open decision point and the deciding role, see
each option with its live verdict (and why), write the rationale, record; the dialogs for
an override's justification, a refusal's note and an amendment.

The rationale field is one control kept across redraws, so an update from another tab
never loses what is being typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from tabletop.ui import theme
from tabletop.ui.viewmodels.console_rows import when
from tabletop.ui.views import console_parts as parts
from tabletop.ui.widgets import message, panel, verdict_badge

if TYPE_CHECKING:
    from tabletop.ui.views.console_view import ConsoleScreen


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
            on_change=self.on_rationale,
        )
        self.record = ft.FilledButton("Record", icon=ft.Icons.CHECK, on_click=self.on_record)
        self.refuse = ft.OutlinedButton("Refuse", icon=ft.Icons.BLOCK, on_click=self.on_refuse)
        self.head = ft.Column(spacing=4)
        # Room above the pickers for their floating labels (the scroll view clips them).
        self.head_box = ft.Container(self.head, padding=ft.Padding.only(top=6))
        self.choices = ft.Column(spacing=4)
        self.entry = ft.Column(
            [self.rationale, ft.Row([self.record, self.refuse], spacing=theme.GAP)], spacing=4
        )
        self.control = panel(
            "Decision", [self.head_box, self.choices, self.entry], expand=3, scale=self.scale
        )
        self._key: object = None

    # --- drawing --------------------------------------------------------------------------

    def redraw(self) -> None:
        """Draw the panel again if what it shows changed."""
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
            return
        self._key = key
        self.head.controls = self._head()
        self.choices.controls = self._choices()
        self.entry.visible = m.is_open()
        chosen = next((o for o in m.options() if o.id == m.option), None)
        self.refuse.disabled = chosen is None or chosen.kind != "outside_mandate"
        self.record.disabled = chosen is None
        self.rationale.value = m.rationale

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
            ft.Row(
                [
                    ft.Dropdown(
                        label="Decision point",
                        tooltip="Decision point",
                        value=m.dp,
                        options=[ft.DropdownOption(key=c.id, text=c.text) for c in choices],
                        on_select=self.on_dp,
                        dense=True,
                        expand=True,
                        text_size=s.body,
                    ),
                    ft.Dropdown(
                        label="Deciding role",
                        tooltip="Deciding role",
                        value=m.role,
                        options=[ft.DropdownOption(key=d.role, text=d.text) for d in m.deciders()],
                        on_select=self.on_role,
                        dense=True,
                        expand=True,
                        text_size=s.body,
                    ),
                ],
            ),
        ]
        if open_dp is not None:
            box = f", time box {open_dp.time_box_minutes} min" if open_dp.time_box_minutes else ""
            out.append(ft.Text(open_dp.prompt, size=s.title, color=theme.INK))
            out.append(parts.note(f"Opened {when(open_dp.opened_at)} by {open_dp.because}{box}", s))
        done = theme.VerdictStyle(theme.PERMITTED, ft.Icons.CHECK_CIRCLE, "")
        waits = theme.VerdictStyle(theme.DUE, ft.Icons.HOURGLASS_TOP, "")
        out.append(
            ft.Row(
                [
                    parts.mark(
                        done if d.decided else waits,
                        f"{d.title} ({d.participant}): {'decided' if d.decided else 'to decide'}",
                        s,
                    )
                    for d in m.deciders()
                ],
                wrap=True,
                spacing=theme.PAD,
            )
        )
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
                        ft.Radio(value=o.id, label=o.label, expand=True),
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
        """Keep the rationale typed."""
        self.model.rationale = e.control.value or ""

    def on_record(self, _e: object) -> None:
        """Record the choice; outside mandate, ask for the override's justification."""
        self.model.record()
        if self.model.override is not None:
            self._override()
        self.screen.after()

    def on_why(self, option: str) -> None:
        """Explain an option's verdict."""
        why = self.model.explain(option)
        label = next((o.label for o in self.model.options() if o.id == option), option)
        if why is None:
            self.screen.shell.notify(
                "This option cannot be checked: validate the pack.", error=True
            )
            return
        dlg = ft.AlertDialog(
            title=ft.Text(f"Why: {label}"),
            content=ft.Column(parts.explanation(why, self.scale), tight=True, width=640, spacing=4),
            scrollable=True,
        )
        dlg.actions = [ft.TextButton("Close", on_click=lambda _e: self.screen.close_dialog(dlg))]
        self.screen.open_dialog(dlg)

    def _override(self) -> None:
        o = self.model.override
        assert o is not None
        field = ft.TextField(
            label="Override justification", multiline=True, min_lines=3, autofocus=True
        )
        why = parts.explanation(o.explanation, self.scale) if o.explanation else []
        dlg = ft.AlertDialog(
            modal=True,
            title=ft.Text(f"Outside mandate: {o.label}"),
            content=ft.Column(
                [
                    *why,
                    parts.note(
                        "Record it anyway with a written justification (the report shows "
                        "the override), log it as refused, or cancel.",
                        self.scale,
                    ),
                    field,
                ],
                tight=True,
                width=640,
                spacing=4,
            ),
            scrollable=True,
        )

        def justify(_e: object) -> None:
            self.model.justify(field.value or "")
            if self.model.override is not None:  # refused for want of a justification
                field.error = self.model.notice.text if self.model.notice else ""
                self.screen.page.update()
                return
            self.screen.close_dialog(dlg)
            self.rationale.value = ""
            self.screen.after()

        def refuse(_e: object) -> None:
            self.model.refuse(field.value or "")
            self.screen.close_dialog(dlg)
            self.screen.after()

        def cancel(_e: object) -> None:
            self.model.cancel()
            self.screen.close_dialog(dlg)
            self.screen.after()

        dlg.actions = [
            ft.TextButton("Cancel", on_click=cancel),
            ft.OutlinedButton("Refuse instead", icon=ft.Icons.BLOCK, on_click=refuse),
            ft.FilledButton("Record with override", icon=ft.Icons.GAVEL, on_click=justify),
        ]
        self.screen.open_dialog(dlg)

    def on_refuse(self, _e: object) -> None:
        """Log the chosen outside-mandate option as refused, with a note."""
        label = next((o.label for o in self.model.options() if o.id == self.model.option), "")
        field = ft.TextField(label="Refusal note", multiline=True, min_lines=2, autofocus=True)
        dlg = ft.AlertDialog(
            modal=True,
            title=ft.Text(f"Refuse: {label}"),
            content=ft.Column(
                [
                    parts.note(
                        "The choice is logged as refused; the role still has to decide.", self.scale
                    ),
                    field,
                ],
                tight=True,
                width=560,
            ),
        )

        def done(_e: object) -> None:
            self.model.refuse(field.value or "")
            self.screen.close_dialog(dlg)
            self.screen.after()

        dlg.actions = [
            ft.TextButton("Cancel", on_click=lambda _e: self.screen.close_dialog(dlg)),
            ft.FilledButton("Record refusal", icon=ft.Icons.BLOCK, on_click=done),
        ]
        self.screen.open_dialog(dlg)

    def on_amend(self, _e: object) -> None:
        """Correct the recorded rationale, saying why."""
        done = self.model.recorded()
        rationale = ft.TextField(
            label="Corrected rationale",
            value=done.rationale if done else "",
            multiline=True,
            min_lines=2,
        )
        reason = ft.TextField(label="Reason for the correction", autofocus=True)
        dlg = ft.AlertDialog(
            modal=True,
            title=ft.Text("Amend the rationale"),
            content=ft.Column([rationale, reason], tight=True, width=560),
        )

        def save(_e: object) -> None:
            if not self.model.amend(rationale.value or "", reason.value or ""):
                reason.error = self.model.notice.text if self.model.notice else ""
                self.screen.page.update()
                return
            self.screen.close_dialog(dlg)
            self.screen.after()

        dlg.actions = [
            ft.TextButton("Cancel", on_click=lambda _e: self.screen.close_dialog(dlg)),
            ft.FilledButton("Save amendment", icon=ft.Icons.SAVE, on_click=save),
        ]
        self.screen.open_dialog(dlg)

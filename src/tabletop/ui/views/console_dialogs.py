"""The console's dialogs: why a verdict is what it is, the override's justification, a
refusal's note, an amendment, delivering an inject out of the timeline, ending the session.

Each dialog calls one action of the view-model; a refusal that the user can fix in the
dialog (an empty justification or reason) is shown on the field, any other as a notice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import flet as ft

from tabletop.ui.views import console_parts as parts

if TYPE_CHECKING:
    from tabletop.ui.views.console_view import ConsoleScreen


def _open(
    screen: ConsoleScreen,
    title: str,
    content: Sequence[ft.Control],
    actions: Callable[[ft.AlertDialog], list[ft.Control]],
    *,
    modal: bool = True,
    width: int = 560,
) -> ft.AlertDialog:
    dlg = ft.AlertDialog(
        modal=modal,
        title=ft.Text(title),
        content=ft.Column(
            list(content),
            tight=True,
            width=width,
            spacing=4,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        ),
        scrollable=True,
    )
    dlg.actions = actions(dlg)
    screen.open_dialog(dlg)
    return dlg


def _cancel(
    screen: ConsoleScreen, dlg: ft.AlertDialog, also: Callable[[], None] = lambda: None
) -> ft.Control:
    def cancel(_e: object) -> None:
        also()
        screen.close_dialog(dlg)
        screen.after()

    return ft.TextButton("Cancel", on_click=cancel)


def _field_error(screen: ConsoleScreen, field: ft.TextField) -> None:
    notice = screen.model.notice
    field.error = notice.text if notice else ""
    screen.patch(field)


def why(screen: ConsoleScreen, option: str) -> None:
    """Explain an option's verdict: headline, grounds, citations, obligations."""
    m = screen.model
    explained = m.explain(option)
    label = next((o.label for o in m.options() if o.id == option), option)
    if explained is None:
        screen.shell.notify("This option cannot be checked: validate the pack.", error=True)
        return
    _open(
        screen,
        f"Why: {label}",
        parts.explanation(explained, screen.scale),
        lambda dlg: [ft.TextButton("Close", on_click=lambda _e: screen.close_dialog(dlg))],
        modal=False,
        width=640,
    )


def override(screen: ConsoleScreen) -> None:
    """Ask for the pending outside-mandate choice's justification; or refuse it; or cancel."""
    m = screen.model
    o = m.override
    if o is None:
        return
    field = ft.TextField(
        label="Override justification", multiline=True, min_lines=3, autofocus=True
    )
    why_lines = parts.explanation(o.explanation, screen.scale) if o.explanation else []
    hint = parts.note(
        "Record it anyway with a written justification (the report shows the override), "
        "log it as refused, or cancel.",
        screen.scale,
    )

    def actions(dlg: ft.AlertDialog) -> list[ft.Control]:
        def justify(_e: object) -> None:
            m.justify(field.value or "")
            if m.override is not None:  # refused for want of a justification: say so here
                _field_error(screen, field)
                return
            screen.close_dialog(dlg)
            screen.after()

        def refuse(_e: object) -> None:
            m.refuse(field.value or "")
            screen.close_dialog(dlg)
            screen.after()

        return [
            _cancel(screen, dlg, m.cancel),
            ft.OutlinedButton("Refuse instead", icon=ft.Icons.BLOCK, on_click=refuse),
            ft.FilledButton("Record with override", icon=ft.Icons.GAVEL, on_click=justify),
        ]

    _open(screen, f"Outside mandate: {o.label}", [*why_lines, hint, field], actions, width=640)


def refuse(screen: ConsoleScreen) -> None:
    """Log the chosen outside-mandate option as refused, with a note."""
    m = screen.model
    label = next((o.label for o in m.options() if o.id == m.option), "")
    field = ft.TextField(label="Refusal note", multiline=True, min_lines=2, autofocus=True)

    def actions(dlg: ft.AlertDialog) -> list[ft.Control]:
        def record(_e: object) -> None:
            m.refuse(field.value or "")
            screen.close_dialog(dlg)
            screen.after()

        return [
            _cancel(screen, dlg),
            ft.FilledButton("Record refusal", icon=ft.Icons.BLOCK, on_click=record),
        ]

    note = parts.note(
        "The choice is logged as refused; the role still has to decide.", screen.scale
    )
    _open(screen, f"Refuse: {label}", [note, field], actions)


def amend(screen: ConsoleScreen) -> None:
    """Correct the recorded rationale of the chosen role, saying why."""
    m = screen.model
    done = m.recorded()
    rationale = ft.TextField(
        label="Corrected rationale",
        value=done.rationale if done else "",
        multiline=True,
        min_lines=2,
    )
    reason = ft.TextField(label="Reason for the correction", autofocus=True)

    def actions(dlg: ft.AlertDialog) -> list[ft.Control]:
        def save(_e: object) -> None:
            if not m.amend(rationale.value or "", reason.value or ""):
                _field_error(screen, reason)
                return
            screen.close_dialog(dlg)
            screen.after()

        return [
            _cancel(screen, dlg),
            ft.FilledButton("Save amendment", icon=ft.Icons.SAVE, on_click=save),
        ]

    _open(screen, "Amend the rationale", [rationale, reason], actions)


def deliver(screen: ConsoleScreen) -> None:
    """Deliver the inject shown now, out of the timeline, with an optional note."""
    m = screen.model
    shown = m.shown_inject()
    if shown is None:
        return
    note = ft.TextField(label="Delivery note", hint_text="optional", autofocus=True)

    def actions(dlg: ft.AlertDialog) -> list[ft.Control]:
        def send(_e: object) -> None:
            screen.close_dialog(dlg)
            m.deliver(shown.id, note.value or "")
            screen.after()

        return [_cancel(screen, dlg), ft.FilledButton("Deliver", icon=ft.Icons.SEND, on_click=send)]

    hint = parts.note("Out of the timeline: the log says so.", screen.scale)
    _open(screen, f"Deliver '{shown.title}' now?", [hint, note], actions)


def end(screen: ConsoleScreen) -> None:
    """Ask before ending the session, with a closing note."""
    m = screen.model
    note = ft.TextField(label="Closing note", multiline=True, min_lines=2, autofocus=True)

    def actions(dlg: ft.AlertDialog) -> list[ft.Control]:
        def stop(_e: object) -> None:
            screen.close_dialog(dlg)
            m.end(note.value or "")
            screen.after()

        return [
            _cancel(screen, dlg),
            ft.FilledButton("End the session", icon=ft.Icons.STOP, on_click=stop),
        ]

    hint = parts.note(
        "The clock stops and no more decisions are taken; observations, ratings, plan "
        "rows and the exercise details can still be added, then the report.",
        screen.scale,
    )
    _open(screen, "End the session?", [hint, note], actions)


def send_back(screen: ConsoleScreen, proposal_id: str) -> None:
    """Return a player's proposal to their seat with a note they will see."""
    field = ft.TextField(
        label="Note to the player", multiline=True, min_lines=2, autofocus=True, max_length=4000
    )

    def actions(dlg: ft.AlertDialog) -> list[ft.Control]:
        def send(_e: object) -> None:
            screen.model.send_back(proposal_id, field.value or "")
            screen.close_dialog(dlg)
            screen.after()

        return [
            _cancel(screen, dlg),
            ft.FilledButton("Send back", icon=ft.Icons.UNDO, on_click=send),
        ]

    hint = parts.note("The player sees the note on their seat and can propose again.", screen.scale)
    _open(screen, f"Send {proposal_id} back", [hint, field], actions)


def search(screen: ConsoleScreen) -> None:
    """Find an inject or a decision point by its words, and show it."""
    m, s = screen.model, screen.scale
    results = ft.Column(spacing=2)
    dlg_box: list[ft.AlertDialog] = []

    def go(kind: str, ident: str) -> None:
        if dlg_box:
            screen.close_dialog(dlg_box[0])
        if kind == "inject":
            m.show_inject(ident)
        else:
            m.choose_decision(ident)
        screen.after(notify=False)

    def fill(e: ft.Event[ft.TextField]) -> None:
        parts.quiet()
        text = e.control.value or ""
        hits = m.search(text)
        results.controls = [
            ft.TextButton(
                f"{'Inject' if h.kind == 'inject' else 'Decision'} {h.id} {h.title}",
                on_click=lambda _e, h=h: go(h.kind, h.id),
            )
            for h in hits
        ] or [parts.note("Nothing found." if text.strip() else "Type a word.", s)]
        screen.patch(results)

    field = ft.TextField(label="Search", autofocus=True, dense=True, on_change=fill)
    dlg_box.append(
        _open(
            screen,
            "Search the injects and decisions",
            [field, results],
            lambda dlg: [ft.TextButton("Close", on_click=lambda _e: screen.close_dialog(dlg))],
            modal=False,
        )
    )

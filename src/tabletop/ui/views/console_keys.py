"""The console's keyboard: one key for each frequent action, listed by `?`.

Flet reports every key to `page.on_keyboard_event`, even those typed into a text field
(measured, GUI.md), so the keys work only while no field has focus: every text field on
the console (and in its dialogs) reports its focus here, and while one has it, or a dialog
is open, bare keys are left to the field. Escape closes the dialog on top.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import flet as ft

from tabletop.ui import theme
from tabletop.ui.views import console_parts as parts

if TYPE_CHECKING:
    from tabletop.ui.views.console_view import ConsoleScreen


@dataclass(frozen=True)
class Shortcut:
    """A key and what it does."""

    keys: tuple[str, ...]
    """Key labels as Flet reports them (upper-case letters, 'Space', '/')."""
    shown: str
    does: str
    action: Callable[[], None]


def shortcuts(screen: ConsoleScreen) -> tuple[Shortcut, ...]:
    """The console's keys."""
    m = screen.model
    verb = screen.run_verb
    return (
        Shortcut(("N",), "N", "Next due: move the clock to the next inject", verb(m.next_due)),
        Shortcut(("A",), "A", "Advance the clock by 15 minutes", verb(lambda: m.advance(15))),
        Shortcut(("H",), "H", "Advance the clock by an hour", verb(lambda: m.advance(60))),
        Shortcut(
            ("P", "Space", " "), "P or Space", "Pause or resume the clock", verb(m.toggle_clock)
        ),
        Shortcut(("R",), "R", "Record the chosen option", screen.decision.record_now),
        Shortcut(("O",), "O", "Write an observation", screen.forms.focus_observation),
        Shortcut(("V",), "V", "Show the newest decision on the projector", screen.reveal_latest),
        Shortcut(("F",), "F", "Projector: show what the room sees", screen.show_projector),
        Shortcut(("/",), "/", "Search the injects and decisions", screen.search),
        Shortcut(("?",), "?", "This list of keys", screen.help),
    )


class Keys:
    """Routes the page's key events to the console's shortcuts."""

    def __init__(self, screen: ConsoleScreen) -> None:
        self.screen = screen
        self.typing = 0
        """How many text fields have focus (0: the keys are the console's)."""
        self.dialog = False
        self.table = shortcuts(screen)

    def attach(self, page: ft.Page) -> None:
        """Listen to the page's keys (a page has one listener: the screen shown)."""
        page.on_keyboard_event = self.on_key

    def watch(self, root: ft.Control) -> None:
        """Have every text field under `root` report its focus."""
        for field in _fields(root):
            if getattr(field, "_tabletop_keys", None) is not self:
                field.on_focus = self._focused
                field.on_blur = self._blurred
                field._tabletop_keys = self  # type: ignore[attr-defined]

    def _focused(self, _e: object) -> None:
        parts.quiet()
        self.typing = 1

    def _blurred(self, _e: object) -> None:
        parts.quiet()
        self.typing = 0

    def on_key(self, e: ft.KeyboardEvent) -> None:
        """A key was pressed somewhere on the page."""
        parts.quiet()
        if e.key == "Escape":  # closes a dialog; a field keeps its focus (and its keys)
            self.screen.escape()
            return
        if self.typing or self.dialog or e.ctrl or e.alt or e.meta:
            return
        key = "?" if e.key == "/" and e.shift else e.key
        for shortcut in self.table:
            if key in shortcut.keys or key.upper() in shortcut.keys:
                shortcut.action()
                return


def _fields(control: object) -> Iterator[ft.TextField]:
    """Every text field in a tree of controls (its contents, controls, tabs, actions)."""
    seen: set[int] = set()
    stack = [control]
    while stack:
        c = stack.pop()
        if id(c) in seen:
            continue
        seen.add(id(c))
        if isinstance(c, ft.TextField):
            yield c
        for name in ("content", "controls", "actions", "title"):
            child = getattr(c, name, None)
            if isinstance(child, list):
                stack.extend(child)
            elif isinstance(child, ft.Control):
                stack.append(child)


def help_dialog(screen: ConsoleScreen) -> ft.AlertDialog:
    """The list of keys."""
    s = screen.scale
    lines: list[ft.Control] = [
        ft.Row(
            [
                ft.Container(
                    ft.Text(k.shown, weight=ft.FontWeight.BOLD, size=s.body),
                    width=110,
                ),
                parts.say(k.does, s),
            ]
        )
        for k in screen.keys.table
    ]
    lines.append(
        parts.note(
            "Keys work while no text field has focus (Tab leaves a field); Escape closes a "
            "dialog and brings the console back from the projector.",
            s,
        )
    )
    return ft.AlertDialog(
        title=ft.Text("Keyboard shortcuts"),
        content=ft.Column(lines, tight=True, spacing=4, width=520),
        actions=[ft.TextButton("Close", on_click=lambda _e: screen.close_top_dialog())],
        bgcolor=theme.PAPER,
    )

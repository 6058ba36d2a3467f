"""Headless stand-ins for the UI tests: a fake page and shell to build screens on, and
helpers that walk a control tree (the buttons by accessible name, the texts, the fields).

No Flet client is involved: a screen's `build()` returns plain control objects, and a task
the screen hands to `page.run_task` is run at once."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import flet as ft

from tabletop.app import Admission, Game
from tabletop.ui import theme
from tabletop.ui.viewmodels.hub import Hub


class FakePage:
    """What screens ask of a page: updates, dialogs, tasks on its loop, its address."""

    def __init__(self, route: str = "/", client_ip: str = "192.0.2.10") -> None:
        self.route = route
        self.client_ip = client_ip
        self.controls: list[Any] = []
        self.patched: list[Any] = []
        self.dialogs: list[Any] = []
        self.pushed: list[str] = []
        self.tasks = 0
        self.on_keyboard_event: Any = None

    def update(self, *controls: Any) -> None:
        self.patched.extend(controls)

    def show_dialog(self, dialog: Any) -> None:
        dialog.open = True
        self.dialogs.append(dialog)

    def pop_dialog(self) -> None:
        if self.dialogs:
            self.dialogs.pop().open = False

    async def push_route(self, route: str) -> None:
        self.pushed.append(route)

    def run_task(self, handler: Callable[..., Awaitable[Any]], *args: Any) -> None:
        if not inspect.iscoroutinefunction(handler):  # what Flet's page checks too
            raise TypeError("handler must be a coroutine function")
        self.tasks += 1
        # The test is the loop: run the task at once. (Stepped by hand, not asyncio.run:
        # another test's loop, Playwright's, may be running in this thread.)
        task = handler(*args).__await__()
        try:
            while True:
                next(task)
        except StopIteration:
            pass


class FakeShell:
    """The shell's part the screens use (the console, the seats, the projector)."""

    def __init__(self, hub: Hub, page: FakePage | None = None) -> None:
        self.page = page or FakePage()
        self.scale = theme.LAPTOP
        self.hub = hub
        self.serving = None
        self.can_open_room = False
        self.notices: list[tuple[str, bool]] = []
        self.went: list[str] = []

    def notify(self, text: str, *, error: bool = False) -> None:
        self.notices.append((text, error))

    def report(self, session_id: str) -> None:
        self.went.append(f"report {session_id}")

    def library(self) -> None:
        self.went.append("library")

    def projector(self, game: Game) -> None:
        self.went.append(f"projector {game.id}")

    def join(self, note: str = "") -> None:
        self.went.append("join")

    def seat(self, admission: Admission) -> None:
        self.went.append(f"seat {admission.key}")


def walk(control: Any) -> Iterator[Any]:
    """A control and everything inside it."""
    yield control
    for f in dataclasses.fields(control):
        value = getattr(control, f.name, None)
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, ft.BaseControl):
                yield from walk(child)


def buttons(root: Any) -> dict[str, Any]:
    """The buttons by their accessible names."""
    found = {}
    for c in walk(root):
        if isinstance(c, ft.Button | ft.TextButton | ft.OutlinedButton) and isinstance(
            c.content, str
        ):
            found[c.content] = c
        elif isinstance(c, ft.IconButton) and isinstance(c.icon, ft.Icon):
            found[c.icon.semantics_label] = c  # what a screen reader (and Playwright) reads
    return found


def texts(root: Any) -> list[str]:
    """The values of the texts shown."""
    return [c.value for c in walk(root) if isinstance(c, ft.Text) and c.value]


def fields(root: Any) -> dict[str, ft.TextField]:
    """The text fields by their labels."""
    return {c.label: c for c in walk(root) if isinstance(c, ft.TextField)}


def words(root: Any) -> str:
    """Every string any control holds (texts, labels, button names, tooltips), one a line:
    to show what a screen does not contain."""
    out = []
    for c in walk(root):
        for f in dataclasses.fields(c):
            value = getattr(c, f.name, None)
            if isinstance(value, str):
                out.append(value)
    return "\n".join(out)

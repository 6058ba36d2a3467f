"""The game console: the screen a facilitator lives in for the whole game, on one screen
at 1366×768 (the panels scroll inside).

Layout: a top bar (phase, scenario clock and its status, the clock's buttons, End
session, Report, Library); the inject feed over the event log on the left; the inject in
large type over the decision panel in the middle; world facts and obligations,
observations, the improvement plan and the seats in tabs on the right.

Accessible names (tests and screen readers find controls by role and name; each is unique
on the screen and does not change with the game; a dropdown is a button named by its
label, its entries buttons named by their text):
- top bar buttons: "Pause" / "Resume", "+15 min", "+1 h", "Next due", "End session",
  "Report", and the icon buttons "Library" and "Projector type";
- the inject feed: one button per inject, its name starting "<inject id> <title>"; the
  large panel, for an inject not yet delivered: "Deliver now" and "Back to the current
  inject"; the delivery dialog: textbox "Delivery note", buttons "Deliver" / "Cancel";
- the decision panel: dropdowns "Decision point" and "Deciding role" choose what it shows;
  each option is a radio named by its label, with a "Why?" button named "Why: <label>";
  textbox "Rationale"; buttons "Record", "Refuse", "Amend rationale";
  the override dialog: textbox "Override justification", buttons "Record with override",
  "Refuse instead", "Cancel"; the refusal dialog: "Refusal note", "Record refusal"; the
  amendment dialog: "Corrected rationale", "Reason for the correction", "Save amendment";
- the tabs "World", "Observe", "Plan", "Seats"; their fields are named by their labels:
  radios "Strength" / "Area for improvement", textbox "Observation", for an area the
  textboxes "Reference" and "Analysis (root cause)", dropdowns "Objective", "Rating";
  dropdowns "Objective to rate", "Objective rating", textbox "Rating note"; textboxes
  "Issue", "Corrective action", dropdown "Capability element", textboxes "Responsible
  organisation", "Point of contact", "Start date", "Completion date", dropdowns "Plan
  objective", "Answers" (the area for improvement the row answers); dropdown "Seat",
  textbox "Participant"; and their buttons "Add observation", "Rate objective", "Add plan
  row", "Assign seat"; under the plan, "Edit exercise details" opens its dialog
  (`console_details`: the fields of `details_fields`, "Save details", "Cancel");
- the end dialog: textbox "Closing note", buttons "End the session" / "Cancel";
- the tab "Room" (`console_room`): codes, proposals, the projector's reveals;
- the icon buttons "Projector" and "Keyboard shortcuts"; the keys (`console_keys`).

Updates: the screen subscribes to its game and its room. A listener runs on the thread
that committed (another tab's handler, say), so it only schedules `_pushed` on this
page's event loop (`page.run_task`), which re-reads the game and redraws the panels whose
rows changed.
Only those panels are sent to the browser (`page.update(*controls)`): a whole-page update
costs ~0.2 s with the console on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import flet as ft

from tabletop.app import Applied, Game
from tabletop.ui import theme
from tabletop.ui.viewmodels import console_rows as rows
from tabletop.ui.viewmodels.console_vm import ConsoleModel
from tabletop.ui.viewmodels.room_vm import RoomModel
from tabletop.ui.views import console_dialogs as dialogs
from tabletop.ui.views import console_parts as parts
from tabletop.ui.views.console_decide import DecisionPanel
from tabletop.ui.views.console_forms import Forms
from tabletop.ui.views.console_keys import Keys, help_dialog
from tabletop.ui.views.console_room import RoomPanel
from tabletop.ui.views.console_top import top_bar
from tabletop.ui.widgets import panel

if TYPE_CHECKING:
    from tabletop.ui.shell import AppShell

log = logging.getLogger("tabletop.ui")


class ConsoleScreen:
    """One open game."""

    def __init__(self, shell: AppShell, game: Game) -> None:
        self.shell = shell
        self.page = shell.page
        self.game = game
        self.room = shell.hub.room(game)
        self.model = ConsoleModel(game, self.room)
        self.room_model = RoomModel(self.model, self.room, lambda: shell.serving)
        self.scale = shell.scale
        self._unsubscribe: Callable[[], None] | None = None
        self._unroom: Callable[[], None] | None = None
        self._pending = {p.id for p in self.room.pending()}
        self._dialogs: list[ft.AlertDialog] = []
        self._drawn: dict[str, object] = {}
        self._log_texts: dict[str, ft.Control] = {}
        self.root = ft.Column(expand=True, spacing=theme.GAP)

    # --- the screen's life ----------------------------------------------------------------

    def build(self) -> ft.Control:
        """The console, drawn from the game as it stands; from now on it follows the game."""
        self._layout()
        if self._unsubscribe is None:
            self._unsubscribe = self.game.subscribe(self._on_game)
            self._unroom = self.room.subscribe(self._on_room)
        self.keys.attach(self.page)
        return self.root

    def close(self) -> None:
        """Stop following the game and its room."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._unroom is not None:
            self._unroom()
            self._unroom = None

    def _on_room(self) -> None:
        # A proposal came in, a code changed, the projector was told to show a decision.
        try:
            self.page.run_task(self._room_pushed)
        except Exception:
            self.close()

    async def _room_pushed(self) -> None:
        if self._unroom is None:
            return
        pending = {p.id: p for p in self.room.pending()}
        new = [p for pid, p in pending.items() if pid not in self._pending]
        self._pending = set(pending)
        self.patch(*self.room_panel.redraw())
        if new:
            p = new[-1]
            self.shell.notify(
                f"Proposal {p.id} from {p.by} at {p.decision_point}: see the Room tab."
            )

    def _on_game(self, _applied: Applied) -> None:
        # Runs on the committing thread: hand the redraw to this page's own loop.
        try:
            self.page.run_task(self._pushed)
        except Exception:  # the page has gone (a closed tab): stop following
            log.info("console of %s: page gone, unsubscribing", self.game.id)
            self.close()

    async def _pushed(self) -> None:
        """Another window (or this one) changed the game: redraw what changed."""
        if self._unsubscribe is None or not self.model.refresh():
            return
        self.patch(*self.redraw())

    # --- layout ---------------------------------------------------------------------------

    def _layout(self) -> None:
        s = self.scale
        self._drawn = {}
        self._log_texts = {}  # a new scale draws every line anew
        self.top = ft.Container()
        # A column per status, each redrawn alone: the 30 conditional injects of a big pack
        # are sent again only when one of them changes.
        self.feed_groups = {status: ft.Column(spacing=2) for status in rows.FEED_ORDER}
        self.feed = ft.Column(
            list(self.feed_groups.values()), spacing=2, scroll=ft.ScrollMode.AUTO, expand=True
        )
        self.log = ft.Column(spacing=2, scroll=ft.ScrollMode.AUTO, expand=True)
        self.inject = ft.Column(spacing=theme.GAP, scroll=ft.ScrollMode.AUTO, expand=True)
        self.world = ft.Column(spacing=theme.GAP, scroll=ft.ScrollMode.AUTO, expand=True)
        self.decision = DecisionPanel(self)
        self.forms = Forms(self)
        self.room_panel = RoomPanel(self, self.room_model)
        tabs = {
            "World": self.world,
            "Observe": self.forms.observe,
            "Plan": self.forms.plan,
            "Seats": self.forms.seats,
            "Room": self.room_panel.control,
        }
        self.tabs = ft.Tabs(
            length=len(tabs),
            selected_index=0,
            expand=True,
            content=ft.Column(
                [
                    ft.TabBar(
                        tabs=[ft.Tab(label=name) for name in tabs],
                        scrollable=False,
                        # Five tabs in a third of 1366 px: the default padding broke words.
                        label_padding=ft.Padding.symmetric(horizontal=2),
                    ),
                    ft.TabBarView(
                        controls=[
                            ft.Container(c, padding=ft.Padding.only(top=theme.GAP))
                            for c in tabs.values()
                        ],
                        expand=True,
                    ),
                ],
                expand=True,
            ),
        )
        side = ft.Container(
            self.tabs,
            bgcolor=theme.PAPER,
            padding=theme.PAD,
            border_radius=ft.BorderRadius.all(theme.RADIUS),
            border=ft.Border.all(1, theme.LINE),
            expand=4,
        )
        self.root.controls = [
            self.top,
            ft.Row(
                [
                    ft.Column(
                        [
                            panel("Injects", [self.feed], expand=3, scroll=False, scale=s),
                            panel(
                                "Event log, newest first",
                                [self.log],
                                expand=2,
                                scroll=False,
                                scale=s,
                            ),
                        ],
                        expand=3,
                        spacing=theme.GAP,
                        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                    ),
                    ft.Column(
                        [
                            panel("Inject", [self.inject], expand=5, scroll=False, scale=s),
                            self.decision.control,
                        ],
                        expand=6,
                        spacing=theme.GAP,
                        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                    ),
                    side,
                ],
                expand=True,
                spacing=theme.GAP,
                vertical_alignment=ft.CrossAxisAlignment.STRETCH,
            ),
        ]
        self.keys = Keys(self)
        self.redraw()
        self.keys.watch(self.root)

    def redraw(self) -> list[ft.Control]:
        """Draw again the panels whose rows changed since last drawn; those to patch."""
        m, s = self.model, self.scale
        sit = m.situation
        shown = m.shown_inject()
        current = sit.current_inject.id if sit.current_inject else ""
        facts, owed = rows.facts(sit), rows.obligations(sit)
        lines, seats = rows.log_lines(sit), rows.seats(sit)
        feed = {g.status: g for g in rows.feed(sit)}
        dirty = self._put("top", (sit.phase, sit.clock, sit.exercise, m.ended, s), self._top_bar)
        for status, column in self.feed_groups.items():
            group = feed.get(status)
            dirty += self._put(
                f"feed {status}",
                group,
                partial(self._fill, column, partial(parts.feed_group, group, self.on_show, s)),
            )
        actions = self._inject_actions
        dirty += self._put(
            "inject",
            (shown, current, m.ended),
            partial(self._fill, self.inject, lambda: parts.inject(shown, current, actions(), s)),
        )
        dirty += self._put(
            "world",
            (facts, owed),
            partial(self._fill, self.world, partial(parts.world, facts, owed, s)),
        )
        dirty += self._put("log", lines, partial(self._fill, self.log, partial(self._log, lines)))
        dirty += self._put("seats", seats, partial(self.forms.draw_seats, seats))
        dirty += self._put("ended", m.ended, self._observe_once_ended)
        return dirty + self.decision.redraw() + self.forms.sync() + self.room_panel.redraw()

    def _put(self, name: str, key: object, draw: Callable[[], ft.Control]) -> list[ft.Control]:
        if self._drawn.get(name) == key:
            return []
        self._drawn[name] = key
        return [draw()]

    def _observe_once_ended(self) -> ft.Control:
        # Once the game has ended, observations are what is left to do.
        if self.model.ended:
            self.tabs.selected_index = 1
        return self.tabs

    def _log(self, lines: tuple[str, ...] | list[str]) -> list[ft.Control]:
        # The lines already shown keep their controls, so a new event sends one new line
        # to the browser, not the whole log again (measured: a third of a click's time).
        kept = {line: text for line, text in self._log_texts.items() if line in lines}
        for line in lines:
            if line not in kept:
                kept[line] = parts.log([line], self.scale)[0]
        self._log_texts = kept
        return [kept[line] for line in lines]

    @staticmethod
    def _fill(column: ft.Column, controls: Callable[[], list[ft.Control]]) -> ft.Control:
        column.controls = controls()
        return column

    def _top_bar(self) -> ft.Control:
        self.top.content = top_bar(self)
        return self.top

    def _inject_actions(self) -> list[ft.Control]:
        shown = self.model.shown_inject()
        out: list[ft.Control] = []
        if shown is not None and shown.status != "delivered" and not self.model.ended:
            out.append(ft.FilledButton("Deliver now", icon=ft.Icons.SEND, on_click=self.on_deliver))
        out.append(
            ft.TextButton("Back to the current inject", on_click=lambda _e: self.on_show(None))
        )
        return out

    # --- what every handler does ----------------------------------------------------------

    def after(self, *, notify: bool = True) -> None:
        """After an action: redraw and patch what changed, and say what happened (or why
        not), patching only those panels (see `console_parts.quiet`)."""
        parts.quiet()
        self.patch(*self.redraw())
        notice, self.model.notice = self.model.notice, None
        if notify and notice is not None:
            self.shell.notify(notice.text, error=notice.error)

    def patch(self, *controls: ft.Control) -> None:
        """Send the changes of these controls to the client."""
        if controls:
            self.page.update(*controls)

    def open_dialog(self, dlg: ft.AlertDialog) -> None:
        """Show a dialog (the console's keys rest while it is open)."""
        self._dialogs.append(dlg)
        self.keys.dialog = True
        dlg.on_dismiss = lambda _e: self._closed(dlg)
        self.keys.watch(dlg)
        self.page.show_dialog(dlg)

    def close_dialog(self, dlg: ft.AlertDialog) -> None:
        """Close this dialog (not whatever notice was shown after it)."""
        dlg.open = False
        self._closed(dlg)
        self.patch(dlg)

    def close_top_dialog(self) -> None:
        """Close the dialog opened last, if any."""
        if self._dialogs:
            self.close_dialog(self._dialogs[-1])

    def _closed(self, dlg: ft.AlertDialog) -> None:
        if dlg in self._dialogs:
            self._dialogs.remove(dlg)
        self.keys.dialog = bool(self._dialogs)
        self.keys.typing = 0

    def verb(self, action: Callable[[], bool]) -> Callable[[object], None]:
        """A button's handler that runs an action of the model, then shows its outcome."""

        def clicked(_e: object) -> None:
            action()
            self.after()

        return clicked

    def run_verb(self, action: Callable[[], bool]) -> Callable[[], None]:
        """A key's handler: the action, then its outcome shown."""
        clicked = self.verb(action)
        return lambda: clicked(None)

    # --- handlers -------------------------------------------------------------------------

    def on_show(self, inject: str | None) -> None:
        """Show an inject of the feed in the large panel."""
        self.model.show_inject(inject)
        self.after(notify=False)

    def on_scale(self, _e: object) -> None:
        """Switch between the laptop's type and the projector's."""
        parts.quiet()
        self.scale = theme.PROJECTOR if self.scale == theme.LAPTOP else theme.LAPTOP
        self.shell.scale = self.scale
        self._layout()
        self.patch(self.root)

    def on_deliver(self, _e: object) -> None:
        """Deliver the shown inject now, out of the timeline, with an optional note."""
        dialogs.deliver(self)

    def on_end(self, _e: object) -> None:
        """Ask before ending the session, with a closing note."""
        dialogs.end(self)

    def on_projector(self, _e: object) -> None:
        """Show what the room sees (full screen in the desktop window)."""
        self.show_projector()

    def on_help(self, _e: object) -> None:
        """List the keys."""
        self.help()

    # --- what the keys do -------------------------------------------------------------------

    def show_projector(self) -> None:
        """The projector view of this game, in this window."""
        self.shell.projector(self.game)

    def help(self) -> None:
        """The list of keys."""
        parts.quiet()
        self.open_dialog(help_dialog(self))

    def search(self) -> None:
        """Find an inject or a decision point by its words."""
        parts.quiet()
        dialogs.search(self)

    def reveal_latest(self) -> None:
        """Show the newest recorded decision not yet on the projector."""
        self.room_model.reveal_latest()
        notice, self.room_model.notice = self.room_model.notice, None
        self.after(notify=False)
        if notice is not None:
            self.shell.notify(notice.text, error=notice.error)

    def escape(self) -> None:
        """Leave the open dialog, if any."""
        parts.quiet()
        self.close_top_dialog()

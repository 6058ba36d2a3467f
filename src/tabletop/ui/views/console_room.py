"""The console's Room tab: where devices join (address, QR code, who can reach it), each
seat's code with "New code" and "Revoke", the proposals players sent (record or send
back), and which recorded decisions the projector shows.

Codes are hidden (dots) until "Show the codes" is switched on: the laptop's screen may be
mirrored to the room.

Accessible names: switches "Let players join" (desktop) and "Show the codes"; buttons
"Show the projector",
"New code for <seat>", "Revoke <seat>", textbox "Evaluator name", button "Add evaluator",
"Record <P-n>", "Send back <P-n>" (its dialog: textbox "Note to the player", button
"Send back"), "Show on projector: <decision>" / "Hide from projector: <decision>".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import flet as ft

from tabletop.ui import theme
from tabletop.ui.qr import qr_png
from tabletop.ui.viewmodels.room_vm import ProposalRow, RevealRow, RoomModel, SeatRow
from tabletop.ui.views import console_dialogs as dialogs
from tabletop.ui.views import console_parts as parts
from tabletop.ui.widgets import heading, verdict_badge

if TYPE_CHECKING:
    from tabletop.ui.views.console_view import ConsoleScreen


class RoomPanel:
    """The Room tab of a console."""

    def __init__(self, screen: ConsoleScreen, model: RoomModel) -> None:
        self.screen = screen
        self.model = model
        s = screen.scale
        self.where = ft.Column(spacing=theme.GAP)
        self.seats = ft.Column(spacing=4)
        self.proposals = ft.Column(spacing=theme.GAP)
        self.reveals = ft.Column(spacing=4)
        self.evaluator = ft.TextField(label="Evaluator name", max_length=80, dense=True)
        self._drawn: dict[str, object] = {}
        self.codes_shown = False
        """Codes are hidden until asked for: the console may be on the projector."""
        self.control = ft.Column(
            [
                self.where,
                heading("Proposals from the seats", s),
                self.proposals,
                heading("On the projector", s),
                self.reveals,
                heading("Seats and their codes", s),
                ft.Switch(label="Show the codes", value=False, on_change=self.on_show_codes),
                self.seats,
                ft.Row(
                    [
                        ft.Container(self.evaluator, expand=True),
                        ft.OutlinedButton(
                            "Add evaluator", icon=ft.Icons.PERSON_ADD, on_click=self.on_add
                        ),
                    ]
                ),
            ],
            spacing=theme.GAP,
            scroll=ft.ScrollMode.AUTO,
            expand=True,
        )

    def redraw(self) -> list[ft.Control]:
        """Draw again the parts whose rows changed; those to patch."""
        m = self.model
        where, seats = (m.address, self.screen.shell.serving), (m.seats(), self.codes_shown)
        proposals, reveals = m.proposals(), m.reveals()
        out = []
        if self._changed("where", where):
            out.append(self._where())
        if self._changed("seats", seats):
            out.append(self._seats(seats[0]))
        if self._changed("proposals", proposals):
            out.append(self._proposals(proposals))
        if self._changed("reveals", reveals):
            out.append(self._reveals(reveals))
        return out

    def _changed(self, name: str, key: object) -> bool:
        if self._drawn.get(name) == key:
            return False
        self._drawn[name] = key
        return True

    # --- parts ----------------------------------------------------------------------------

    def _where(self) -> ft.Control:
        s, m, shell = self.screen.scale, self.model, self.screen.shell
        lines: list[ft.Control] = []
        serving = shell.serving
        if shell.can_open_room:
            lines.append(
                ft.Switch(
                    label="Let players join",
                    value=serving is not None and serving.network,
                    on_change=self.on_open,
                )
            )
        if serving is None:
            lines.append(parts.say("Not served to other devices.", s, muted=True))
        else:
            style = _reach_style(serving.network)
            lines += [parts.mark(style, style.word, s), parts.note(serving.reach, s)]
            if serving.network:
                lines += [
                    parts.say("Players, evaluators and the projector join at", s),
                    ft.Text(m.address, size=s.title, weight=ft.FontWeight.BOLD, color=theme.CODE),
                    ft.Image(src=qr_png(m.address), width=150, height=150),
                ]
        lines.append(
            ft.OutlinedButton(
                "Show the projector",
                icon=ft.Icons.CO_PRESENT,
                on_click=lambda _e: self.screen.on_projector(None),
            )
        )
        self.where.controls = lines
        return self.where

    def _seats(self, rows: tuple[SeatRow, ...]) -> ft.Control:
        s = self.screen.scale
        self.seats.controls = [
            ft.Row(
                [
                    ft.Column(
                        [
                            parts.say(r.name, s),
                            ft.Text(
                                ("••••-••••" if not self.codes_shown else r.code)
                                if r.code
                                else "revoked",
                                size=s.title,
                                weight=ft.FontWeight.BOLD,
                                color=theme.CODE if r.code else theme.MUTED,
                                font_family="monospace",
                            ),
                        ],
                        spacing=0,
                        expand=True,
                    ),
                    ft.IconButton(
                        icon=ft.Icon(ft.Icons.AUTORENEW, semantics_label=f"New code for {r.name}"),
                        tooltip=f"New code for {r.name}",
                        on_click=lambda _e, k=r.key: self._act(lambda: self.model.reissue(k)),
                    ),
                    ft.IconButton(
                        icon=ft.Icon(ft.Icons.BLOCK, semantics_label=f"Revoke {r.name}"),
                        tooltip=f"Revoke {r.name}",
                        disabled=r.code is None,
                        on_click=lambda _e, k=r.key: self._act(lambda: self.model.revoke(k)),
                    ),
                ],
                spacing=4,
            )
            for r in rows
        ]
        return self.seats

    def _proposals(self, rows: tuple[ProposalRow, ...]) -> ft.Control:
        s = self.screen.scale
        self.proposals.controls = [
            ft.Container(
                ft.Column(
                    [
                        parts.say(f"{r.id} from {r.who}", s),
                        ft.Row(
                            [parts.say(f"{r.decision}: '{r.option}'", s), verdict_badge(r.kind)],
                            wrap=True,
                        ),
                        parts.note(f"Rationale: {r.rationale or '(none given)'}", s),
                        ft.Row(
                            [
                                ft.FilledButton(
                                    f"Record {r.id}",
                                    icon=ft.Icons.CHECK,
                                    on_click=lambda _e, pid=r.id: self.on_record(pid),
                                ),
                                ft.OutlinedButton(
                                    f"Send back {r.id}",
                                    icon=ft.Icons.UNDO,
                                    on_click=lambda _e, pid=r.id: self.on_send_back(pid),
                                ),
                            ],
                            wrap=True,
                        ),
                    ],
                    spacing=4,
                ),
                border=ft.Border.all(2, theme.DUE),
                border_radius=ft.BorderRadius.all(theme.RADIUS),
                padding=theme.GAP,
            )
            for r in rows
        ] or [parts.say("None waiting.", s, muted=True)]
        return self.proposals

    def _reveals(self, rows: tuple[RevealRow, ...]) -> ft.Control:
        s = self.screen.scale
        self.reveals.controls = [
            ft.Row(
                [
                    ft.Icon(
                        ft.Icons.VISIBILITY if r.shown else ft.Icons.VISIBILITY_OFF,
                        color=theme.ACCENT if r.shown else theme.MUTED,
                    ),
                    ft.Container(parts.say(r.text, s), expand=True),
                    ft.TextButton(
                        f"{'Hide from' if r.shown else 'Show on'} projector: {r.text}",
                        on_click=lambda _e, d=r.decision_point, role=r.role: self._act(
                            lambda: self.model.toggle_reveal(d, role)
                        ),
                    ),
                ]
            )
            for r in rows
        ] or [parts.say("No decision recorded yet.", s, muted=True)]
        return self.reveals

    # --- handlers -------------------------------------------------------------------------

    def _act(self, action: Callable[[], object]) -> None:
        action()
        notice, self.model.notice = self.model.notice, None
        self.screen.after()
        if notice is not None and notice.error:
            self.screen.shell.notify(notice.text, error=True)

    def on_add(self, _e: object) -> None:
        """Add an evaluator seat with the typed name."""
        name = self.evaluator.value or ""
        if self.model.add_evaluator(name):
            self.evaluator.value = ""
        self._act(lambda: None)

    def on_record(self, proposal_id: str) -> None:
        """Record a proposal (outside mandate: the override dialog, as for any choice)."""
        m = self.screen.model
        m.record_proposal(proposal_id)
        if m.override is not None:
            self.screen.after(notify=False)
            dialogs.override(self.screen)
            return
        self.screen.after()

    def on_send_back(self, proposal_id: str) -> None:
        """Ask for a note, then return the proposal to its seat."""
        dialogs.send_back(self.screen, proposal_id)

    def on_show_codes(self, e: ft.Event[ft.Switch]) -> None:
        """Show the seats' codes (to read them out or hand them round), or hide them."""
        self.codes_shown = bool(e.control.value)
        self.screen.after(notify=False)

    async def on_open(self, e: ft.Event[ft.Switch]) -> None:
        """Open the room to the network (start serving the seats) or close it."""
        await self.screen.shell.open_room(bool(e.control.value))
        self._drawn.pop("where", None)  # the switch shows what happened, even on failure
        self.screen.after()


def _reach_style(network: bool) -> theme.VerdictStyle:
    if network:
        return theme.VerdictStyle(theme.DUE, ft.Icons.WIFI_TETHERING, "Open to the network")
    return theme.VerdictStyle(theme.PERMITTED, ft.Icons.LAPTOP, "This machine only")

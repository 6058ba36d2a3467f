"""The pack preview: what the pack is about, the seats with their briefs and the powers
each may use (in words, with citations), the timeline, and the decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from tabletop.app.pack_overview import PackOverview, RoleView, pack_overview
from tabletop.ui import theme
from tabletop.ui.viewmodels.flow_vm import FlowPicture, flow_picture
from tabletop.ui.viewmodels.library_vm import PackCard
from tabletop.ui.widgets import body, heading, panel, small

if TYPE_CHECKING:
    from tabletop.ui.shell import AppShell


class PreviewScreen:
    """One pack, before the game."""

    def __init__(self, shell: AppShell, card: PackCard) -> None:
        assert card.loaded is not None, "only a pack that loads is previewed"
        self.shell = shell
        self.card = card
        self.overview: PackOverview = pack_overview(card.loaded.pack)
        self.flow: FlowPicture = flow_picture(card.loaded.pack)

    def build(self) -> ft.Control:
        """The screen."""
        o = self.overview
        loaded = self.card.loaded
        assert loaded is not None
        top = ft.Row(
            [
                ft.IconButton(
                    icon=ft.Icon(ft.Icons.ARROW_BACK, semantics_label="Back to the library"),
                    tooltip="Back to the library",
                    on_click=lambda _e: self.shell.library(),
                ),
                ft.Column(
                    [
                        ft.Text(o.title, size=theme.LAPTOP.heading, weight=ft.FontWeight.BOLD),
                        small(f"{o.id} {o.version} · {o.classification} · by {o.authors}"),
                    ],
                    spacing=0,
                    expand=True,
                ),
                ft.FilledButton(
                    "Set up a session",
                    icon=ft.Icons.PLAY_ARROW,
                    on_click=lambda _e: self.shell.setup(loaded),
                ),
            ]
        )
        tabs = ["About", "Seats and mandates", "Timeline", "Decisions", "Flow"]
        views = [self._about(), self._roles(), self._timeline(), self._decisions(), self._flow()]
        return ft.Column(
            [
                top,
                ft.Tabs(
                    length=len(tabs),
                    selected_index=0,
                    expand=True,
                    content=ft.Column(
                        [
                            ft.TabBar(tabs=[ft.Tab(label=name) for name in tabs]),
                            ft.TabBarView(controls=views, expand=True),
                        ],
                        expand=True,
                    ),
                ),
            ],
            expand=True,
        )

    def close(self) -> None:
        """Nothing to let go of."""

    def _about(self) -> ft.Control:
        o = self.overview
        orgs = [
            body(f"{org.name} ({org.id})" + (f": {org.members}" if org.members else ""))
            for org in o.organisations
        ]
        return ft.Row(
            [
                panel("Summary", [body(o.summary), small(o.scope)], expand=3),
                panel(
                    "Objectives and organisations",
                    [*(body(line) for line in o.objectives), heading("Organisations"), *orgs],
                    expand=2,
                ),
            ],
            vertical_alignment=ft.CrossAxisAlignment.STRETCH,
        )

    def _role(self, role: RoleView) -> ft.Control:
        instruments: list[ft.Control] = []
        for inst in role.instruments:
            rules: list[ft.Control] = [
                ft.Column(
                    [
                        ft.Text(
                            f"{'Power' if r.kind == 'power' else 'Limit'}: {r.summary}",
                            color=theme.INK if r.kind == "power" else theme.DANGER,
                        ),
                        small(f"Actions: {r.actions}"),
                        small(f"When: {r.conditions}" if r.conditions else "When: always"),
                        small(f"Cites: {r.citation}"),
                    ],
                    spacing=1,
                )
                for r in inst.rules
            ]
            instruments.append(
                ft.ExpansionTile(
                    title=ft.Text(f"{inst.title} ({inst.year}), {inst.kind}"),
                    subtitle=ft.Text(inst.summary, size=theme.LAPTOP.small)
                    if inst.summary
                    else None,
                    controls=[ft.Container(ft.Column(rules, spacing=6), padding=theme.PAD)],
                )
            )
        return ft.Container(
            content=ft.Column(
                [
                    heading(f"{role.title} (acts for {role.actor})"),
                    body(role.brief),
                    *(small(f"Objective: {line}") for line in role.objectives),
                    *instruments,
                ],
                spacing=4,
            ),
            padding=theme.PAD,
            border=ft.Border.all(1, theme.LINE),
            border_radius=ft.BorderRadius.all(theme.RADIUS),
            bgcolor=theme.PAPER,
        )

    def _roles(self) -> ft.Control:
        return ft.Column(
            [self._role(r) for r in self.overview.roles], scroll=ft.ScrollMode.AUTO, expand=True
        )

    def _timeline(self) -> ft.Control:
        out: list[ft.Control] = []
        for phase in self.overview.phases:
            out.append(heading(f"{phase.title} · from {phase.starts_at:%d %b %Y %H:%M}"))
            out.append(small(phase.summary))
            for i in phase.injects:
                out.append(
                    body(f"{i.time:%d %b %H:%M}  {i.id} {i.title} · to {i.to} · {i.release}")
                )
        return ft.Column(out, scroll=ft.ScrollMode.AUTO, expand=True, spacing=4)

    def _decisions(self) -> ft.Control:
        out: list[ft.Control] = []
        for dp in self.overview.decisions:
            out.append(heading(f"{dp.id} {dp.title}"))
            out.append(body(dp.prompt))
            out.append(small(f"Decided by: {dp.deciders}"))
            for o in dp.options:
                leads = f" → releases {o.leads_to}" if o.leads_to else ""
                out.append(body(f"• {o.label} ({o.action}){leads}"))
                if o.description:
                    out.append(small(f"   {o.description}"))
        return ft.Column(out, scroll=ft.ScrollMode.AUTO, expand=True, spacing=4)

    def _flow(self) -> ft.Control:
        # The SVG is Graphviz's, from escaped pack text, and shown as an image only.
        flow = self.flow
        if flow.svg is None:
            return ft.Column([body(flow.message)], expand=True)
        picture = ft.Image(src=flow.svg, fit=ft.BoxFit.CONTAIN, semantics_label="Flow diagram")
        return ft.Column(
            [
                small(flow.message),
                ft.InteractiveViewer(content=picture, min_scale=0.2, max_scale=8, expand=True),
            ],
            expand=True,
        )

"""The console's read-only panels, each built from the view-model's rows: the inject feed,
the inject in large type, world facts and obligations, the event log, a verdict explained.

Every state is marked with an icon and a word besides its colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import flet as ft

from tabletop.app.explain import VerdictExplanation
from tabletop.app.situation import InjectView
from tabletop.ui import theme
from tabletop.ui.theme import TypeScale
from tabletop.ui.viewmodels.console_rows import (
    INJECT_WORDS,
    FactRow,
    FeedGroup,
    FeedRow,
    ObligationRow,
    when,
)
from tabletop.ui.widgets import heading, verdict_badge


def quiet() -> None:
    """Switch off Flet's update after this handler: it would diff the whole page (~0.2 s
    with the console on it); the handler patches what it changed itself, or nothing."""
    ft.context.disable_auto_update()  # type: ignore[no-untyped-call]  # unannotated in flet


def say(text: str, scale: TypeScale, *, muted: bool = False) -> ft.Text:
    """Running text; not selectable, so screen readers (and tests) read it by its words."""
    return ft.Text(text, size=scale.body, color=theme.MUTED if muted else theme.INK)


def note(text: str, scale: TypeScale) -> ft.Text:
    """A line of secondary text."""
    return ft.Text(text, size=scale.small, color=theme.MUTED)


def mark(style: theme.VerdictStyle, word: str, scale: TypeScale) -> ft.Row:
    """An icon and a word in one colour: a state that never rests on colour alone."""
    return ft.Row(
        [
            ft.Icon(style.icon, color=style.color, size=scale.body + 2),
            ft.Text(word, color=style.color, size=scale.small, weight=ft.FontWeight.BOLD),
        ],
        spacing=4,
        tight=True,
    )


def _feed_row(row: FeedRow, on_show: Callable[[str], None], scale: TypeScale) -> ft.Control:
    style = theme.INJECTS[row.status]
    lines: list[ft.Control] = [
        ft.Text(
            f"{row.id} {row.title}",
            size=scale.body,
            color=theme.INK,
            weight=ft.FontWeight.BOLD if row.current else None,
        ),
        ft.Row(
            [mark(style, row.word, scale), ft.Text(row.time, size=scale.small, color=theme.MUTED)],
            spacing=6,
            wrap=True,
        ),
    ]
    if row.detail:
        lines.append(ft.Text(row.detail, size=scale.small, color=theme.MUTED))
    if row.current:
        lines.append(
            mark(theme.VerdictStyle(theme.ACCENT, ft.Icons.ARROW_RIGHT, ""), "Current", scale)
        )
    return ft.TextButton(
        content=ft.Column(lines, spacing=2, horizontal_alignment=ft.CrossAxisAlignment.START),
        on_click=lambda _e: on_show(row.id),
        style=ft.ButtonStyle(
            padding=ft.Padding.symmetric(vertical=4, horizontal=6),
            shape=ft.RoundedRectangleBorder(radius=theme.RADIUS),
            alignment=ft.Alignment.CENTER_LEFT,
        ),
    )


def feed_group(
    group: FeedGroup | None, on_show: Callable[[str], None], scale: TypeScale
) -> list[ft.Control]:
    """One status of the inject feed: its heading, a button per inject (it shows it)."""
    if group is None:
        return []
    heading = ft.Text(group.heading, size=scale.small, weight=ft.FontWeight.BOLD, color=theme.MUTED)
    return [heading, *(_feed_row(r, on_show, scale) for r in group.rows)]


def inject(
    shown: InjectView | None,
    current: str,
    actions: Sequence[ft.Control],
    scale: TypeScale,
) -> list[ft.Control]:
    """An inject in large type: what the room hears, then the facilitator's notes."""
    if shown is None:
        return [
            say("No inject delivered yet: advance the clock or deliver one.", scale, muted=True)
        ]
    out: list[ft.Control] = []
    if shown.id != current:
        style = theme.INJECTS[shown.status]
        status = INJECT_WORDS[shown.status]
        due = f"{status}, {when(shown.time)}" if shown.status != "conditional" else status
        out.append(
            ft.Container(
                ft.Row(
                    [mark(style, due, scale), note(shown.trigger, scale), *actions],
                    wrap=True,
                    spacing=theme.GAP,
                ),
                bgcolor=theme.CANVAS,
                padding=6,
                border_radius=ft.BorderRadius.all(theme.RADIUS),
            )
        )
    to = ", ".join(shown.to) if shown.to else "everyone"
    out += [
        ft.Text(
            shown.title,
            size=scale.inject,
            weight=ft.FontWeight.BOLD,
            color=theme.INK,
        ),
        note(
            f"{shown.id} · from {shown.sender} · by {shown.channel.replace('_', ' ')} · to {to}",
            scale,
        ),
        ft.Text(shown.body, size=scale.title, color=theme.INK),
    ]
    if shown.notes:
        out.append(
            _aside(ft.Icons.STICKY_NOTE_2, "Facilitator notes", [say(shown.notes, scale)], scale)
        )
    if shown.questions:
        out.append(
            _aside(
                ft.Icons.FORUM,
                "Discussion questions",
                [say(f"• {q}", scale) for q in shown.questions],
                scale,
            )
        )
    return out


def _aside(icon: ft.IconData, title: str, lines: list[ft.Control], scale: TypeScale) -> ft.Control:
    return ft.Container(
        ft.Column(
            [
                ft.Row(
                    [
                        ft.Icon(icon, color=theme.DUE, size=scale.body + 2),
                        ft.Text(
                            title, size=scale.small, weight=ft.FontWeight.BOLD, color=theme.INK
                        ),
                    ],
                    spacing=4,
                ),
                *lines,
            ],
            spacing=2,
        ),
        bgcolor="#FFF8E1",
        padding=theme.GAP,
        border_radius=ft.BorderRadius.all(theme.RADIUS),
    )


def world(
    facts: Sequence[FactRow], owed: Sequence[ObligationRow], scale: TypeScale
) -> list[ft.Control]:
    """The world facts in words (changed ones marked), then the open obligations."""
    out: list[ft.Control] = []
    changed = theme.VerdictStyle(theme.ACCENT, ft.Icons.CHANGE_CIRCLE, "")
    for f in facts:
        value = ft.Text(f.value, size=scale.body, color=theme.INK, weight=ft.FontWeight.BOLD)
        line: list[ft.Control] = [value]
        if f.changed:
            line.append(mark(changed, f"changed, was {f.initial}", scale))
        out.append(ft.Column([note(f.title, scale), ft.Row(line, wrap=True, spacing=6)], spacing=0))
    late = sum(o.status == "late" for o in owed)
    out.append(heading(f"Open obligations, {late} late" if late else "Open obligations", scale))
    if not owed:
        out.append(say("None open.", scale, muted=True))
    out.extend(_obligation(o, scale) for o in owed)
    return out


def _obligation(o: ObligationRow, scale: TypeScale) -> ft.Control:
    """An open obligation: its mark, what is owed, by when (in the mark's colour when late)."""
    style = theme.OBLIGATION_STATES.get(o.status, theme.OBLIGATION_STATES["open"])
    is_late = o.status == "late"
    lines: list[ft.Control] = [
        mark(style, o.word, scale),
        say(o.text, scale),
        ft.Text(
            o.due,
            size=scale.small,
            color=style.color if is_late else theme.MUTED,
            weight=ft.FontWeight.BOLD if is_late else None,
        ),
        note(f"Owed by {o.owed_by} ({o.role}) since {o.since}", scale),
        note(f"Met {o.met_by}", scale),
    ]
    if o.deadline_note:
        lines.append(note(o.deadline_note, scale))
    if not is_late:
        return ft.Column(lines, spacing=1)
    # A late one stands out on the panel too: a rule in its colour down its left side.
    return ft.Container(
        ft.Column(lines, spacing=1),
        border=ft.Border.only(left=ft.BorderSide(4, style.color)),
        padding=ft.Padding.only(left=6),
    )


def log(lines: Sequence[str], scale: TypeScale) -> list[ft.Control]:
    """The last events, newest first."""
    return [ft.Text(line, size=scale.small, color=theme.INK) for line in lines]


def explanation(why: VerdictExplanation, scale: TypeScale) -> list[ft.Control]:
    """A verdict in words: the headline, its cautions, each basis or the nearest power,
    every ground weighed with each condition marked met or not met (and what a rule not met
    needs), the facts it relies on and where each came from, the citations with the kind
    of each source, the instruments consulted and the obligations."""
    met = theme.VerdictStyle(theme.PERMITTED, ft.Icons.CHECK, "")
    not_met = theme.VerdictStyle(theme.OUTSIDE, ft.Icons.CLOSE, "")
    caution = theme.VerdictStyle(theme.OBLIGATIONS, ft.Icons.WARNING_AMBER, "")
    out: list[ft.Control] = [
        ft.Row([verdict_badge(why.kind, scale=scale)]),
        say(why.headline, scale),
    ]
    for text in why.cautions:
        out.append(
            ft.Row(
                [
                    mark(caution, "Caution", scale),
                    ft.Text(text, size=scale.small, color=theme.INK, expand=True),
                ],
                spacing=6,
            )
        )
    if len(why.bases) > 1:
        out.append(heading("Every basis", scale))
        out.extend(note(b, scale) for b in why.bases)
    elif why.basis:
        out.append(note(f"Basis: {why.basis}", scale))
    if why.nearest:
        out.append(note(f"Nearest power: {why.nearest}", scale))
    if why.grounds:
        out.append(heading("What was weighed", scale))
    for g in why.grounds:
        out.append(
            ft.Text(
                f"{g.instrument}: {g.summary} ({g.outcome})",
                size=scale.body,
                color=theme.INK,
            )
        )
        out.append(note(g.citation, scale))
        for c in g.conditions:
            text = c.text + (f" — needed: {c.needed}" if c.needed else "")
            out.append(
                ft.Row(
                    [
                        mark(met if c.met else not_met, "met" if c.met else "not met", scale),
                        ft.Text(text, size=scale.small, color=theme.INK, expand=True),
                    ],
                    spacing=6,
                )
            )
    if why.relies_on:
        out.append(heading("Relies on", scale))
        out.extend(say(line, scale) for line in why.relies_on)
    if why.citations:
        out.append(heading("Citations", scale))
        out.extend(note(c, scale) for c in why.citations)
    if why.consulted:
        out.append(note("Instruments consulted: " + "; ".join(why.consulted), scale))
    if why.obligations:
        out.append(heading("Obligations", scale))
        out.extend(say(o, scale) for o in why.obligations)
    return out

"""Small pieces every screen uses: the verdict badge, a titled panel, text helpers."""

from __future__ import annotations

from collections.abc import Sequence

import flet as ft

from tabletop.ui import theme
from tabletop.ui.theme import TypeScale


def verdict_badge(
    kind: str | None, *, overridden: bool = False, scale: TypeScale = theme.LAPTOP
) -> ft.Container:
    """A verdict as colour, icon and word; an override is marked apart, beside it."""
    style = theme.verdict_style(kind)
    parts: list[ft.Control] = [
        ft.Icon(style.icon, color=theme.PAPER, size=scale.body + 2),
        ft.Text(style.word, color=theme.PAPER, size=scale.small, weight=ft.FontWeight.BOLD),
    ]
    if overridden:
        parts += [
            ft.Icon(theme.OVERRIDE.icon, color=theme.PAPER, size=scale.body + 2),
            ft.Text(
                theme.OVERRIDE.word, color=theme.PAPER, size=scale.small, weight=ft.FontWeight.BOLD
            ),
        ]
    color = theme.OVERRIDE.color if overridden else style.color
    label = style.word + (", overridden" if overridden else "")
    return ft.Container(
        content=ft.Row(parts, spacing=4, tight=True),
        bgcolor=color,
        padding=ft.Padding.symmetric(vertical=3, horizontal=8),
        border_radius=ft.BorderRadius.all(12),
        tooltip=label,
    )


def panel(
    title: str,
    controls: Sequence[ft.Control],
    *,
    expand: bool | int = False,
    scroll: bool = True,
    scale: TypeScale = theme.LAPTOP,
) -> ft.Container:
    """A white panel with a title and its contents (scrolling inside when they are long)."""
    body = ft.Column(
        list(controls),
        spacing=theme.GAP,
        scroll=ft.ScrollMode.AUTO if scroll else None,
        expand=True,
        # Fields and rows take the panel's width (a text field is otherwise 300 px wide).
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )
    return ft.Container(
        content=ft.Column([heading(title, scale), body], spacing=theme.GAP, expand=True),
        bgcolor=theme.PAPER,
        padding=theme.PAD,
        border_radius=ft.BorderRadius.all(theme.RADIUS),
        border=ft.Border.all(1, theme.LINE),
        expand=expand,
    )


def heading(text: str, scale: TypeScale = theme.LAPTOP) -> ft.Text:
    """A panel's title."""
    return ft.Text(text, size=scale.title, weight=ft.FontWeight.BOLD, color=theme.INK)


def body(text: str, scale: TypeScale = theme.LAPTOP, *, muted: bool = False) -> ft.Text:
    """Running text (plain text, so screen readers read it as text, not as a field)."""
    return ft.Text(text, size=scale.body, color=theme.MUTED if muted else theme.INK)


def small(text: str, scale: TypeScale = theme.LAPTOP) -> ft.Text:
    """A line of secondary text."""
    return ft.Text(text, size=scale.small, color=theme.MUTED)


def message(text: str, *, error: bool = False) -> ft.Container:
    """A notice across a screen: why a command was refused, what was saved."""
    color = theme.DANGER if error else theme.ACCENT
    return ft.Container(
        content=ft.Row(
            [
                ft.Icon(ft.Icons.ERROR_OUTLINE if error else ft.Icons.INFO_OUTLINE, color=color),
                ft.Text(text, color=theme.INK, expand=True),
            ]
        ),
        bgcolor=theme.PAPER,
        border=ft.Border.all(2, color),
        border_radius=ft.BorderRadius.all(theme.RADIUS),
        padding=theme.PAD,
    )

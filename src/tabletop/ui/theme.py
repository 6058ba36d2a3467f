"""The one place for how the app looks: colours, spacing, the type scale, verdict styles.

Verdicts always show colour **and** icon **and** word, in the same three styles wherever
they appear; an override is marked apart. Colours pass WCAG AA against white text.
"""

from __future__ import annotations

from dataclasses import dataclass

import flet as ft

# Colours (hex, so they read the same in the window, the browser and the screenshots).
INK = "#1B1F24"
MUTED = "#57606A"
PAPER = "#FFFFFF"
CANVAS = "#F4F6F8"
LINE = "#D0D7DE"
ACCENT = "#0B5CAD"
DANGER = "#B3261E"
DUE = "#9A6700"
"""The colour of what waits for the facilitator (a due inject, a seat to decide)."""

PERMITTED = "#1A7F37"
OBLIGATIONS = "#9A6700"
OUTSIDE = "#B3261E"
OVERRIDDEN = "#6F42C1"

# Spacing, in logical pixels.
GAP = 8
PAD = 12
RADIUS = 8


@dataclass(frozen=True)
class TypeScale:
    """Text sizes: the laptop's, and a larger one for a projector."""

    body: int
    small: int
    title: int
    heading: int
    inject: int


LAPTOP = TypeScale(body=14, small=12, title=16, heading=20, inject=22)
PROJECTOR = TypeScale(body=20, small=16, title=24, heading=32, inject=40)
ROOM = TypeScale(body=28, small=22, title=32, heading=44, inject=34)
"""The projector page's: read from the back of a room (inject bodies are long, so their
text is a little smaller than the headline)."""
CODE = "#0B3D6B"
"""Join codes, on the console."""


@dataclass(frozen=True)
class VerdictStyle:
    """How one kind of verdict is shown: colour, icon and word, never one alone."""

    color: str
    icon: ft.IconData
    word: str


VERDICTS: dict[str, VerdictStyle] = {
    "permitted": VerdictStyle(PERMITTED, ft.Icons.CHECK_CIRCLE, "Permitted"),
    "permitted_with_obligations": VerdictStyle(
        OBLIGATIONS, ft.Icons.WARNING_AMBER, "Permitted with obligations"
    ),
    "outside_mandate": VerdictStyle(OUTSIDE, ft.Icons.BLOCK, "Outside mandate"),
}
OVERRIDE = VerdictStyle(OVERRIDDEN, ft.Icons.GAVEL, "Overridden")
UNCHECKED = VerdictStyle(MUTED, ft.Icons.HELP_OUTLINE, "Not checked")


INJECTS: dict[str, VerdictStyle] = {
    "delivered": VerdictStyle(PERMITTED, ft.Icons.CHECK_CIRCLE, "Delivered"),
    "due": VerdictStyle(DUE, ft.Icons.NOTIFICATIONS_ACTIVE, "Due now"),
    "upcoming": VerdictStyle(ACCENT, ft.Icons.SCHEDULE, "Upcoming"),
    "conditional": VerdictStyle(MUTED, ft.Icons.CALL_SPLIT, "Conditional"),
}
"""How each inject status is marked in the feed: colour, icon and word."""

OBLIGATION_STATES: dict[str, VerdictStyle] = {
    "open": VerdictStyle(OBLIGATIONS, ft.Icons.PENDING_ACTIONS, "Open"),
    "late": VerdictStyle(DANGER, ft.Icons.ALARM, "Late"),
}
"""How an open obligation is marked: open, or late (the clock is past its due time)."""

CLOCK: dict[str, VerdictStyle] = {
    "running": VerdictStyle(PERMITTED, ft.Icons.PLAY_ARROW, "Running"),
    "paused": VerdictStyle(DUE, ft.Icons.PAUSE, "Paused"),
    "ended": VerdictStyle(MUTED, ft.Icons.STOP, "Ended"),
}
"""How the scenario clock's status is shown."""


def verdict_style(kind: str | None) -> VerdictStyle:
    """The style of a verdict kind (an unknown or missing one reads 'Not checked')."""
    return VERDICTS.get(kind or "", UNCHECKED)


def app_theme() -> ft.Theme:
    """The Material theme of the app."""
    return ft.Theme(color_scheme_seed=ACCENT, use_material3=True)

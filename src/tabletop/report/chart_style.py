"""How the timeline chart looks: fonts, colours, marker shapes and line styles, shared by
the lanes, the time-box panel and the legend. Colour is never the only cue: every verdict
has its own marker shape, every obligation status its own line style and end marker."""

from __future__ import annotations

from typing import Any, Final

from matplotlib.typing import LineStyleType, RcKeyType

CHART_FONT_PT: Final = 8.0
"""The smallest text in the chart, in points at its natural width (`CHART_WIDTH_IN`): shown
at a width of w inches, its text is CHART_FONT_PT * w / CHART_WIDTH_IN points."""

CHART_WIDTH_IN: Final = 9.0
"""The chart's natural width in inches (a landscape Letter or A4 text width)."""

NAME_PT: Final = 9.0
"""Lane names, panel titles."""

INK = "#1f2933"
MUTED = "#52606d"
RULE = "#d9e2ec"

MARKERS: dict[str, tuple[str, str, str, bool]] = {
    # key: (legend label, marker, colour, filled)
    "inject": ("Inject delivered", "o", "#52606d", True),
    "permitted": ("Permitted", "o", "#1a7f37", True),
    "permitted_with_obligations": ("Permitted with obligations", "D", "#b35900", True),
    "outside_mandate": ("Outside mandate, overridden", "X", "#c62828", True),
    "refused": ("Refused as outside mandate", "s", "#c62828", False),
}

OBLIGATIONS: dict[str, tuple[str, LineStyleType, str, str]] = {
    # status: (legend label, line style, colour, end marker)
    "met": ("Obligation met", "-", "#1a7f37", "o"),
    "met_late": ("Obligation met late", "-", "#b35900", "s"),
    "late": ("Obligation late (open past due)", "--", "#c62828", ">"),
    "open": ("Obligation open at the end", ":", "#52606d", ">"),
}
DUE = "#1f2933"
"""The tick at an obligation's due time."""

RELEASE = "#486581"
"""The line from a decision to the inject it released."""

BOX_WITHIN = "#9fb3c8"
BOX_OVER = "#f4c7c3"
BOX_OVER_EDGE = "#c62828"
BOX_NONE = "#d9e2ec"

PHASE_SHADES = ("#eef2f7", "#f7f9fb")

RC: dict[RcKeyType, Any] = {
    "svg.hashsalt": "tabletop-report",
    "svg.fonttype": "none",
    "svg.id": "timeline-chart",
    "font.family": ["DejaVu Sans"],
    "font.size": CHART_FONT_PT,
    "axes.edgecolor": "#9aa5b1",
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "xtick.labelsize": CHART_FONT_PT,
    "ytick.labelsize": NAME_PT,
    "legend.fontsize": CHART_FONT_PT,
    "hatch.color": BOX_OVER_EDGE,
    "hatch.linewidth": 0.8,
    "path.simplify": False,
}


def marker_style(marker: str, colour: str, filled: bool) -> dict[str, Any]:
    """How the marks of a style look, on the chart and in its legend alike."""
    return {
        "marker": marker,
        "markerfacecolor": colour if filled else "white",
        "markeredgecolor": colour,
        "markeredgewidth": 1.4,
    }

"""The legend of the timeline chart: every marker shape, and the lines, bars and ticks the
chart holds, each with its words."""

from __future__ import annotations

from typing import Any

from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.typing import LineStyleType

from tabletop.report import chart_data as cd
from tabletop.report.chart_boxes import legend_handles
from tabletop.report.chart_plan import Plan
from tabletop.report.chart_style import DUE, MARKERS, OBLIGATIONS, RELEASE, marker_style
from tabletop.report.model import AfterActionReport


class ObligationKey(Patch):
    """A legend entry for an obligation: its line style and end marker."""

    def __init__(self, style: LineStyleType, colour: str, end: str, text: str) -> None:
        super().__init__(label=text)
        self.style, self.colour, self.end = style, colour, end


class ObligationKeyHandler(HandlerBase):
    """Draws an `ObligationKey`: a short bar in its style, with its end marker."""

    def create_artists(
        self,
        legend: Any,
        orig_handle: Any,
        xdescent: float,
        ydescent: float,
        width: float,
        height: float,
        fontsize: float,
        trans: Any,
    ) -> list[Any]:
        h: ObligationKey = orig_handle
        y = height / 2 - ydescent
        line = Line2D(
            [-xdescent, width - xdescent - 3],
            [y, y],
            linestyle=h.style,
            color=h.colour,
            linewidth=2.0,
            transform=trans,
        )
        tip = Line2D(
            [width - xdescent - 3],
            [y],
            linestyle="none",
            markersize=4.5,
            transform=trans,
            **marker_style(h.end, h.colour, True),
        )
        return [line, tip]


def legend_entries(
    report: AfterActionReport, plan: Plan | None, boxes: list[cd.DecisionBar]
) -> list[Any]:
    """The entries for the lanes (when `plan` is given: they are drawn) and the time-box
    panel's `boxes`."""
    return (_lane_entries(report, plan) if plan else []) + (legend_handles(boxes) if boxes else [])


def _lane_entries(report: AfterActionReport, plan: Plan) -> list[Any]:
    handles: list[Any] = [
        Line2D([], [], linestyle="", markersize=7, label=text, **marker_style(mk, c, filled))
        for text, mk, c, filled in MARKERS.values()
    ]
    if cd.releases(report):
        handles.append(
            Line2D(
                [],
                [],
                color=RELEASE,
                linestyle=(0, (4, 2)),
                linewidth=0.9,
                marker=">",
                markersize=4,
                label="Decision released an inject",
            )
        )
    statuses = {b.status for b, _y in plan.obligations}
    for status, (text, style, colour, end) in OBLIGATIONS.items():
        if status in statuses:
            handles.append(ObligationKey(style, colour, end, text))
    if any(b.due is not None for b, _y in plan.obligations):
        handles.append(
            Line2D(
                [],
                [],
                linestyle="",
                marker="|",
                markersize=8,
                markeredgewidth=1.4,
                color=DUE,
                label="Obligation due",
            )
        )
    return handles

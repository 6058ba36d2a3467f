"""The timeline chart: injects and decisions against scenario time, one lane per deciding role.

Drawn with matplotlib's object API (no pyplot, no global backend), with fixed fonts, no
date and a fixed hash salt, so the same report always gives the same SVG.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.dates import AutoDateLocator, num2date
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter
from matplotlib.typing import RcKeyType

from tabletop.report.chart_layout import Mark, label, num, phase_labels, stack, wrap
from tabletop.report.model import AfterActionReport, TimelineEntry

INK = "#1f2933"
STYLES: dict[str, tuple[str, str, str, bool]] = {
    # key: (legend label, marker, colour, filled); shapes differ so colour is never the only cue
    "inject": ("Inject delivered", "o", "#52606d", True),
    "permitted": ("Permitted", "o", "#1a7f37", True),
    "permitted_with_obligations": ("Permitted with obligations", "D", "#b35900", True),
    "outside_mandate": ("Outside mandate, overridden", "X", "#c62828", True),
    "refused": ("Refused as outside mandate", "s", "#c62828", False),
}
_RC: dict[RcKeyType, Any] = {
    "svg.hashsalt": "tabletop-report",
    "svg.fonttype": "none",
    "svg.id": "timeline-chart",
    "font.family": ["DejaVu Sans"],
    "font.size": 9,
    "axes.edgecolor": "#9aa5b1",
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "path.simplify": False,
}
MAX_LABELS = 60
"""Above this many markers the ids are left off: they would only overlap."""


def _marks(report: AfterActionReport) -> tuple[list[str], list[Mark]]:
    lanes = ["Injects"]
    marks: list[Mark] = []
    for t in report.timeline:
        style = _style(t)
        if style is None:
            continue
        if t.lane not in lanes:
            lanes.append(t.lane)
        marks.append(Mark(lanes.index(t.lane), num(t.scenario_time), style, t.ref))
    return lanes, marks


def _marker(marker: str, colour: str, filled: bool) -> dict[str, Any]:
    """How the marks of a style look, on the chart and in its legend alike."""
    return {
        "marker": marker,
        "markerfacecolor": colour if filled else "white",
        "markeredgecolor": colour,
        "markeredgewidth": 1.4,
    }


def _style(t: TimelineEntry) -> str | None:
    if t.kind == "inject":
        return "inject"
    if t.kind == "rejection":
        return "refused"
    if t.kind == "decision" and t.verdict is not None:
        return t.verdict
    return None


AXIS = (0.22, 0.76)
"""Left edge and width of the plot area, as fractions of the 10-inch (1,000 px) figure."""
PHASE_ROWS = (-1.0, -0.65)
"""Heights of the two rows of phase titles, above the first lane (lanes are at 0, 1, ...)."""


def _figure(report: AfterActionReport) -> Figure:
    lanes, marks = _marks(report)
    times = [t.scenario_time for t in report.timeline] or [datetime(2000, 1, 1)]
    start, end = min(times), max(times)
    if end - start < timedelta(hours=2):
        start, end = start - timedelta(hours=1), end + timedelta(hours=1)
    pad = (end - start) * 0.03
    x0, x1 = num(start - pad), num(end + pad)
    height = 1.7 + 0.6 * len(lanes)
    fig = Figure(figsize=(10, height), dpi=100)
    # Fixed margins in inches: room for the tick labels and the legend below, little above.
    bottom, top = 0.95 / height, 0.05 / height
    ax = fig.add_axes((AXIS[0], bottom, AXIS[1], 1 - bottom - top))
    ax.set_xlim(x0, x1)
    ax.set_ylim(len(lanes) - 0.4, -1.2)
    _phases(ax, report, x0, x1)
    ax.set_yticks(range(len(lanes)), [label(wrap(name)) for name in lanes])
    for i in range(len(lanes)):
        ax.axhline(i, color="#e4e7eb", linewidth=0.8, zorder=1)
    labelled = len(marks) <= MAX_LABELS
    span = x1 - x0
    # With ids shown a mark needs room for its label (about 7% of the axis) beside it.
    placed = stack(marks, span * (0.075 if labelled else 0.012), labels=labelled)
    for style, (_legend, marker, colour, filled) in STYLES.items():
        # Marks on the same spot (within 1/500 of the axis, under 2 pixels of a 9-pixel
        # marker) are drawn once: a long game has thousands, and the picture is the same.
        spots = dict.fromkeys(
            (round((m.x - x0) / span * 500), m.lane + p.level * 0.2)
            for m, p in zip(marks, placed, strict=True)
            if m.style == style
        )
        if not spots:
            continue
        ax.plot(
            [x0 + b / 500 * span for b, _ in spots],
            [y for _, y in spots],
            linestyle="none",
            markersize=6.5,
            zorder=3,
            **_marker(marker, colour, filled),
        )
    if labelled:
        for m, p in zip(marks, placed, strict=True):
            if p.labelled:
                ax.annotate(
                    label(m.label),
                    (m.x, m.lane + p.level * 0.2),
                    xytext=(5, -2),
                    textcoords="offset points",
                    fontsize=7,
                    color=INK,
                    annotation_clip=False,
                )
    ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=8))
    ax.xaxis.set_major_formatter(FuncFormatter(_tick))
    ax.tick_params(axis="x", labelsize=8)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("Scenario time", fontsize=8)
    handles = [
        Line2D([], [], linestyle="", markersize=7, label=text, **_marker(mk, c, filled))
        for text, mk, c, filled in STYLES.values()
    ]
    fig.legend(handles=handles, loc="lower center", ncol=5, fontsize=7.5, frameon=False)
    return fig


def _phases(ax: Axes, report: AfterActionReport, x_start: float, x_end: float) -> None:
    titles = [(num(p.started), p.title) for p in report.overview.phases if p.started is not None]
    for i, (left, _title) in enumerate(titles):
        right = titles[i + 1][0] if i + 1 < len(titles) else x_end
        if i % 2 == 0:
            ax.axvspan(left, right, color="#f0f4f8", zorder=0)
        ax.axvline(left, color="#9aa5b1", linewidth=0.8, linestyle=":", zorder=1)
    for t in phase_labels(titles, x_start, x_end, AXIS[1] * 1000):
        ax.annotate(
            label(t.text),
            (t.x, PHASE_ROWS[t.row]),
            xytext=(3 if t.align == "left" else -3, 0),
            textcoords="offset points",
            fontsize=7,
            va="center",
            ha=t.align,
            color="#3e4c59",
        )


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _tick(value: float, _pos: int | None = None) -> str:
    # Month names written out here: strftime's %b follows the machine's locale.
    when = num2date(value)
    return f"{when.day} {_MONTHS[when.month - 1]}\n{when:%H:%M}"


_XML_HEAD = re.compile(r"^.*?(?=<svg)", re.DOTALL)


def render_timeline_svg(report: AfterActionReport) -> str:
    """The timeline chart as an SVG document fragment (no XML prolog), deterministic."""
    with matplotlib.rc_context(_RC):
        fig = _figure(report)
        buf = io.StringIO()
        FigureCanvasSVG(fig).print_svg(
            buf, metadata={"Date": None, "Creator": None, "Format": None, "Type": None}
        )
    svg = _XML_HEAD.sub("", buf.getvalue(), count=1)
    # Let the page size it: drop the fixed width/height, keep the viewBox.
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
    # matplotlib's stylesheet says `*{...}`: inline in a page that would reach every element.
    svg = svg.replace('<style type="text/css">*{', '<style type="text/css">#timeline-chart *{', 1)
    label = 'role="img" aria-label="Timeline chart: injects and decisions by scenario time"'
    return svg.replace("<svg ", f"<svg {label} ", 1)


def render_timeline_png(report: AfterActionReport, dpi: int = 200) -> bytes:
    """The timeline chart as a PNG (for Word, which does not take SVG)."""
    with matplotlib.rc_context(_RC):
        fig = _figure(report)
        buf = io.BytesIO()
        FigureCanvasAgg(fig)
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()

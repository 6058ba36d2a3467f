"""The timeline chart: injects and decisions against scenario time, one lane per deciding
role, each marker numbered with its event number (the timeline table's `#`); lines from a
decision to the injects it released; obligations from creation to met or due; phases as
bands over their scenario intervals; and below, each decision point's time open against its
time box.

Drawn with matplotlib's object API (no pyplot, no global backend), with fixed fonts, no
date and a fixed hash salt, so the same report always gives the same SVG. Every artist a
reader needs to find carries an id in the SVG (`mark-<seq>`, `release-<seq>-<seq>`,
`obligation-<n>-<status>`, `phase-<id>`, `dp-<id>`), which the tests read back.
"""

from __future__ import annotations

import io
import re
from typing import Literal

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.collections import LineCollection
from matplotlib.dates import AutoDateLocator, num2date
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import FuncFormatter

from tabletop.report import chart_data as cd
from tabletop.report.chart_boxes import draw_time_boxes, pick
from tabletop.report.chart_layout import label, num, phase_labels, short
from tabletop.report.chart_legend import ObligationKey, ObligationKeyHandler, legend_entries
from tabletop.report.chart_plan import (
    AXIS_PX,
    LEFT_IN,
    MARKER_PT,
    MAX_DRAWN,
    MAX_NUMBERED,
    PHASE_ROWS,
    Plan,
    place,
)
from tabletop.report.chart_style import (
    CHART_FONT_PT,
    CHART_WIDTH_IN,
    DUE,
    INK,
    MARKERS,
    OBLIGATIONS,
    PHASE_SHADES,
    RC,
    RELEASE,
    RULE,
    marker_style,
)
from tabletop.report.lanes import LANE_CHARS
from tabletop.report.model import AfterActionReport

__all__ = [
    "CHART_FONT_PT",
    "CHART_WIDTH_IN",
    "PART_WORDS",
    "ChartPart",
    "chart_caption",
    "chart_parts",
    "render_timeline_png",
    "render_timeline_svg",
]


ChartPart = Literal["whole", "timeline", "decision_points"]
"""The whole chart (the HTML's), or one of its two parts (Word's pictures): the lanes with
their legend, or the time-box panel with its own."""

PART_WORDS: dict[ChartPart, str] = {
    "whole": "injects and decisions by scenario time, and each decision point's time open",
    "timeline": "injects and decisions by scenario time",
    "decision_points": "each decision point's wall-clock time open against its time box",
}
"""What each part shows, for its caption."""


def chart_parts(report: AfterActionReport) -> list[ChartPart]:
    """The parts Word shows as pictures: the timeline, then the time-box panel if any
    decision point was opened."""
    return ["timeline", "decision_points"] if cd.decision_bars(report) else ["timeline"]


def _figure(report: AfterActionReport, part: ChartPart = "whole") -> Figure:
    """The figure, top to bottom: lanes and their time axis, the time-box panel, the legend
    of what is shown."""
    plan = place(report) if part != "decision_points" else None
    boxes, box_note = pick(cd.decision_bars(report)) if part != "timeline" else ([], "")
    legend = legend_entries(report, plan, boxes)
    legend_rows = -(-len(legend) // 4)
    main_h, ticks_h = (plan.height, 0.55) if plan else (0.0, 0.0)
    box_h = (0.45 + 0.26 * len(boxes) + 0.5 + (0.18 if box_note else 0)) if boxes else 0.0
    legend_h = 0.2 * legend_rows + 0.15
    height = main_h + ticks_h + box_h + legend_h
    fig = Figure(figsize=(CHART_WIDTH_IN, height), dpi=100)
    left, width = LEFT_IN / CHART_WIDTH_IN, AXIS_PX / 100 / CHART_WIDTH_IN
    if plan:
        ax = fig.add_axes((left, (height - main_h) / height, width, main_h / height))
        _lanes(ax, report, plan)
    if boxes:
        bottom = legend_h + 0.5
        top = 0.45 + (0.18 if box_note else 0)
        panel = fig.add_axes((left, bottom / height, width, (box_h - top - 0.5) / height))
        draw_time_boxes(panel, boxes, AXIS_PX, box_note)
    fig.legend(
        handles=legend,
        loc="lower center",
        ncol=4,
        frameon=False,
        handler_map={ObligationKey: ObligationKeyHandler()},
        bbox_to_anchor=(0.5, 0.04 / height),
    )
    return fig


def _lanes(ax: Axes, report: AfterActionReport, plan: Plan) -> None:
    x0, x1 = plan.x0, plan.x1
    ax.set_xlim(x0, x1)
    ax.set_ylim(plan.height, 0)
    _phases(ax, report, x0, x1)
    ys = [lane.level_y(0) for lane in plan.lanes]
    ax.set_yticks(ys, [label(short(lane.name, LANE_CHARS)) for lane in plan.lanes])
    for lane, y in zip(plan.lanes, ys, strict=True):
        ax.axhline(y, color="#e4e7eb", linewidth=0.8, zorder=1)
        ax.axhline(lane.bottom, color=RULE, linewidth=0.6, zorder=1)
    _releases(ax, report, plan)
    _obligations(ax, plan)
    _markers(ax, plan)
    ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=8))
    ax.xaxis.set_major_formatter(FuncFormatter(_tick))
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    left_off = len(plan.marks) - len(plan.numbered)
    note = ""
    if left_off and len(plan.marks) > MAX_NUMBERED:
        note = f": {len(plan.marks):,} markers, too many to number (the table lists every event)"
    elif left_off:
        note = f": {left_off} crowded markers left unnumbered (see the table)"
    ax.set_xlabel("Scenario time" + note)


def _markers(ax: Axes, plan: Plan) -> None:
    span = plan.x1 - plan.x0
    for style, (_legend, marker, colour, filled) in MARKERS.items():
        # Marks on the same spot (within 1/500 of the axis, under 2 pixels of a 9-pixel
        # marker) are drawn once: a long game has thousands, and the picture is the same.
        spots = dict.fromkeys(
            (round((x - plan.x0) / span * 500), y)
            for m in plan.marks
            if m.style == style
            for x, y in (plan.spots[m.seq],)
        )
        if spots:
            ax.plot(
                [plan.x0 + b / 500 * span for b, _ in spots],
                [y for _, y in spots],
                linestyle="none",
                markersize=MARKER_PT,
                zorder=4,
                **marker_style(marker, colour, filled),
            )
    for m in plan.marks:
        if m.seq in plan.numbered:
            _number(ax, m.seq, plan.spots[m.seq], f"mark-{m.seq}")


def _number(ax: Axes, seq: int, at: tuple[float, float], gid: str) -> None:
    ax.annotate(
        str(seq),
        at,
        xytext=(MARKER_PT / 2 + 1.5, 0),
        textcoords="offset points",
        va="center_baseline",
        fontsize=CHART_FONT_PT,
        color=INK,
        annotation_clip=False,
        zorder=5,
        gid=gid,
    )


def _releases(ax: Axes, report: AfterActionReport, plan: Plan) -> None:
    pairs = [
        (r, plan.spots[r.decision], plan.spots[r.inject])
        for r in cd.releases(report)
        if r.decision in plan.spots and r.inject in plan.spots
    ]
    if len(pairs) > MAX_DRAWN:
        segments = [[a, b] for _r, a, b in pairs]
        ax.add_collection(
            LineCollection(segments, colors=RELEASE, linewidths=0.6, zorder=2, gid="releases")
        )
        return
    for r, a, b in pairs:
        ax.add_patch(
            FancyArrowPatch(
                a,
                b,
                arrowstyle="-|>",
                mutation_scale=9,
                shrinkA=4,
                shrinkB=5,
                color=RELEASE,
                linewidth=0.9,
                linestyle=(0, (4, 2)),
                zorder=2,
                gid=f"release-{r.decision}-{r.inject}",
            )
        )


def _obligations(ax: Axes, plan: Plan) -> None:
    x_lo, x_hi = plan.x0, plan.x1
    if len(plan.obligations) > MAX_DRAWN:
        for status, (_text, style, colour, _end) in OBLIGATIONS.items():
            segments = [
                [(num(b.start), y), (num(b.end), y)]
                for b, y in plan.obligations
                if b.status == status
            ]
            ax.add_collection(
                LineCollection(
                    segments,
                    colors=colour,
                    linewidths=2.0,
                    linestyles=style,
                    zorder=3,
                    gid=f"obligations-{status}",
                )
            )
        return
    for n, (b, y) in enumerate(plan.obligations):
        _text, style, colour, end = OBLIGATIONS[b.status]
        start, stop = num(b.start), num(b.end)
        ax.plot(
            [start, stop],
            [y, y],
            linestyle=style,
            color=colour,
            linewidth=2.0,
            solid_capstyle="butt",
            zorder=3,
            gid=f"obligation-{n}-{b.status}",
        )
        ax.plot(
            [stop],
            [y],
            linestyle="none",
            markersize=4.5,
            zorder=3,
            **marker_style(end, colour, True),
        )
        if b.due is not None and x_lo <= num(b.due) <= x_hi:
            ax.plot(
                [num(b.due)],
                [y],
                marker="|",
                markersize=8,
                markeredgewidth=1.4,
                color=DUE,
                zorder=3,
            )
        if b.met is not None:
            _number(ax, b.met, (stop, y), f"met-{b.met}")


def _phases(ax: Axes, report: AfterActionReport, x_start: float, x_end: float) -> None:
    spans = cd.phase_spans(report)
    for i, p in enumerate(spans):
        left, right = num(p.start), num(p.end)
        ax.axvspan(left, right, color=PHASE_SHADES[i % 2], zorder=0, gid=f"phase-{p.id}")
        ax.axvline(left, color="#9aa5b1", linewidth=0.8, linestyle=":", zorder=1)
    if spans:
        ax.axvline(num(spans[-1].end), color="#9aa5b1", linewidth=0.8, linestyle=":", zorder=1)
    titles = [(num(p.start), num(p.end), p.title) for p in spans]
    for t in phase_labels(titles, x_start, x_end, AXIS_PX):
        ax.annotate(
            label(t.text),
            (t.x, PHASE_ROWS[t.row]),
            xytext=(3 if t.align == "left" else -3, 0),
            textcoords="offset points",
            fontsize=CHART_FONT_PT,
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


def chart_caption(part: ChartPart, n: int, total: int) -> str:
    """'Timeline chart, part 1 of 2: injects and decisions by scenario time.'"""
    which = f", part {n} of {total}" if total > 1 else ""
    return f"Timeline chart{which}: {PART_WORDS[part]}."


def render_timeline_svg(report: AfterActionReport, part: ChartPart = "whole") -> str:
    """The timeline chart, or one of its parts, as an SVG document fragment (no XML prolog),
    deterministic; its element id is `chart-<part>` (the whole chart's `timeline-chart`)."""
    chart_id = "timeline-chart" if part == "whole" else f"chart-{part.replace('_', '-')}"
    with matplotlib.rc_context({**RC, "svg.id": chart_id}):
        fig = _figure(report, part)
        buf = io.StringIO()
        FigureCanvasSVG(fig).print_svg(
            buf, metadata={"Date": None, "Creator": None, "Format": None, "Type": None}
        )
    svg = _XML_HEAD.sub("", buf.getvalue(), count=1)
    # Let the page size it: drop the fixed width/height, keep the viewBox.
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
    # matplotlib's stylesheet says `*{...}`: inline in a page that would reach every element.
    svg = svg.replace('<style type="text/css">*{', f'<style type="text/css">#{chart_id} *{{', 1)
    if part != "whole":
        svg = _own_ids(svg, chart_id)
    words = f'role="img" aria-label="Timeline chart: {PART_WORDS[part]}"'
    return svg.replace("<svg ", f"<svg {words} ", 1)


_ID = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def _own_ids(svg: str, prefix: str) -> str:
    """The SVG with every id inside it (and every reference to one) led by `prefix`: two
    parts in one page would otherwise share matplotlib's ids ('axes_1', the clip paths) and
    the panel's 'dp-DP-1' would be the decision analysis's anchor too."""
    head, _, body = svg.partition(">")  # the <svg> element keeps its own id
    return head + ">" + _ID.sub(lambda m: f"{m[1]}{prefix}-{m[2]}", body)


def render_timeline_png(
    report: AfterActionReport, dpi: int = 200, part: ChartPart = "whole"
) -> bytes:
    """The timeline chart, or one of its parts, as a PNG (for Word, which does not take SVG)."""
    with matplotlib.rc_context(RC):
        fig = _figure(report, part)
        buf = io.BytesIO()
        FigureCanvasAgg(fig)
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()

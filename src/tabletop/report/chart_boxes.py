"""The time-box panel of the timeline chart: for each decision point opened, the wall-clock
minutes it stayed open against its time box, with any over-run hatched and said in words."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from tabletop.report.chart_data import DecisionBar
from tabletop.report.chart_layout import label, short
from tabletop.report.chart_style import (
    BOX_NONE,
    BOX_OVER,
    BOX_OVER_EDGE,
    BOX_WITHIN,
    CHART_FONT_PT,
    INK,
    MUTED,
    NAME_PT,
)

MOST_ROWS = 16
"""Above this many decision points opened, the panel shows those longest past their box."""

CHAR_PX = 7.0
"""Width of a character of a bar's words (8 point, bold when over), in pixels at 100 dpi."""


def pick(bars: Sequence[DecisionBar], most: int = MOST_ROWS) -> tuple[list[DecisionBar], str]:
    """The bars to show, in the order the points opened, and a note when some are left out."""
    if len(bars) <= most:
        return list(bars), ""
    ranked = sorted(range(len(bars)), key=lambda i: (-bars[i].over, -bars[i].minutes, i))
    keep = sorted(ranked[:most])
    over = sum(b.over > 0 for b in bars)
    note = (
        f"{most} of {len(bars):,} shown ({over:,} past their box): most past it, then longest open"
    )
    return [bars[i] for i in keep], note


def minutes_words(minutes: float) -> str:
    """'7 min', '2 h 5 min'."""
    total = round(minutes)
    hours, mins = divmod(total, 60)
    return f"{hours} h {mins} min" if hours else f"{mins} min"


def bar_words(bar: DecisionBar) -> str:
    """What a bar says: how long, against which box, and by how much over."""
    took = minutes_words(bar.minutes)
    said = f"{took}" if bar.closed else f"still open after {took}"
    if bar.time_box is None:
        return f"{said}, no time box"
    said += f" (box {bar.time_box} min)"
    return f"{said}: OVER by {minutes_words(bar.over)}" if bar.over > 0 else said


def draw_time_boxes(ax: Axes, bars: Sequence[DecisionBar], axis_px: float, note: str) -> None:
    """Draw the panel on `ax`, one row per bar."""
    # Room for each bar's words after it: end + words * (x_max / axis_px) <= x_max.
    ends = [(max(b.minutes, b.time_box or 0, 1.0), len(bar_words(b)) * CHAR_PX + 8) for b in bars]
    ax.set_xlim(0, max(end / max(0.25, 1 - px / axis_px) for end, px in ends))
    ax.set_ylim(len(bars) - 0.5, -0.5)
    for y, bar in enumerate(bars):
        box = bar.time_box
        within = bar.minutes if box is None else min(bar.minutes, box)
        colour = BOX_NONE if box is None else BOX_WITHIN
        ax.barh(
            y, within, height=0.56, color=colour, edgecolor=MUTED, linewidth=0.6, gid=f"dp-{bar.id}"
        )
        if box is not None and bar.over > 0:
            ax.barh(
                y,
                bar.over,
                left=box,
                height=0.56,
                color=BOX_OVER,
                edgecolor=BOX_OVER_EDGE,
                linewidth=0.8,
                hatch="////",
                gid=f"dp-over-{bar.id}",
            )
        if box is not None:
            ax.plot(
                [box, box], [y - 0.4, y + 0.4], color=INK, linewidth=1.6, gid=f"dp-box-{bar.id}"
            )
        ax.annotate(
            label(bar_words(bar)),
            (max(bar.minutes, box or 0), y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=CHART_FONT_PT,
            color=BOX_OVER_EDGE if bar.over > 0 else INK,
            fontweight="bold" if bar.over > 0 else "normal",
            gid=f"dp-words-{bar.id}",
            annotation_clip=False,
        )
    ax.set_yticks(range(len(bars)), [label(short(f"{b.id} {b.title}", 22)) for b in bars])
    ax.tick_params(axis="y", length=0, labelsize=CHART_FONT_PT)
    ax.tick_params(axis="x", labelsize=CHART_FONT_PT)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#e4e7eb", linewidth=0.6)
    ax.set_axisbelow(True)
    title = "Decision points: wall-clock minutes open, against the time box"
    ax.set_title(label(title + (f"\n{note}" if note else "")), loc="left", fontsize=NAME_PT)
    ax.set_xlabel("Minutes from opening to the last decision (wall clock)", fontsize=CHART_FONT_PT)


def legend_handles(bars: Sequence[DecisionBar]) -> list[Patch | Line2D]:
    """The legend entries the panel needs."""
    out: list[Patch | Line2D] = [
        Patch(facecolor=BOX_WITHIN, edgecolor=MUTED, label="Open, within its time box")
    ]
    if any(b.over > 0 for b in bars):
        out.append(
            Patch(
                facecolor=BOX_OVER,
                edgecolor=BOX_OVER_EDGE,
                hatch="////",
                label="Open past its time box",
            )
        )
    if any(b.time_box is None for b in bars):
        out.append(Patch(facecolor=BOX_NONE, edgecolor=MUTED, label="Open, no time box"))
    out.append(Line2D([], [], color=INK, linewidth=1.6, label="Time box"))
    return out

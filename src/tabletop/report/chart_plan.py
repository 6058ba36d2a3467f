"""Where everything on the timeline chart goes: the lanes and their heights, each marker's
level in its lane and whether it has room for its number, each obligation's row.

Plain arithmetic in data units (date numbers across, inches down), apart from the drawing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from tabletop.report import chart_data as cd
from tabletop.report.chart_layout import DIGIT_PX, LEVELS, Mark, num, rows, stack
from tabletop.report.chart_style import CHART_WIDTH_IN
from tabletop.report.model import AfterActionReport

MAX_NUMBERED = 160
"""Above this many markers none is numbered: the numbers would only cover each other (the
timeline table still lists every event by number)."""
MAX_DRAWN = 200
"""Above this many obligations or releases, each kind is drawn as one shared layer."""

LEFT_IN, RIGHT_IN = 1.6, 0.3
"""Margins of the plot areas: lane names on the left, the last number on the right."""
AXIS_PX = (CHART_WIDTH_IN - LEFT_IN - RIGHT_IN) * 100
PHASE_ROWS = (0.13, 0.31)
"""Heights of the two rows of phase titles, in inches from the top of the lanes' area."""
LEVEL_IN, OB_ROW_IN, MARKER_PT = 0.17, 0.11, 6.5
MOST_OB_ROWS = 4


@dataclass(frozen=True)
class Lane:
    """A lane's place, in inches down from the top of the lanes' area."""

    name: str
    top: float
    ob_rows: int
    levels: int

    def ob_y(self, row: int) -> float:
        return self.top + 0.1 + row * OB_ROW_IN

    def level_y(self, level: int) -> float:
        return self.top + self.ob_rows * OB_ROW_IN + 0.16 + level * LEVEL_IN

    @property
    def bottom(self) -> float:
        return self.level_y(self.levels - 1) + 0.16


@dataclass(frozen=True)
class Plan:
    """Everything placed: lanes, each marker's spot, obligation rows, what is numbered."""

    lanes: list[Lane]
    marks: list[cd.Marker]
    spots: dict[int, tuple[float, float]]  # seq -> (x, y)
    numbered: set[int]
    obligations: list[tuple[cd.ObligationBar, float]]  # bar, y
    x0: float
    x1: float
    height: float


def place(report: AfterActionReport) -> Plan:
    marks = cd.markers(report)
    names = cd.lanes(marks)
    start, end = cd.scenario_span(report)
    if end - start < timedelta(hours=2):
        start, end = start - timedelta(hours=1), end + timedelta(hours=1)
    pad = (end - start) * 0.02
    x0, x1 = num(start - pad), num(end + pad)
    per_px = (x1 - x0) / AXIS_PX
    numbering = len(marks) <= MAX_NUMBERED
    digits = len(str(max((m.seq for m in marks), default=1)))
    # A numbered marker needs room for itself and its number beside it; else its own width.
    width = (MARKER_PT * 1.4 + 6 + digits * DIGIT_PX) * per_px if numbering else 10 * per_px
    index = {name: i for i, name in enumerate(names)}
    laid = [Mark(index[m.lane], num(m.when), m.style, str(m.seq)) for m in marks]
    placed = stack(laid, width, labels=numbering, levels=LEVELS if numbering else 3)
    levels: dict[int, int] = defaultdict(lambda: 1)
    for mk, p in zip(laid, placed, strict=True):
        levels[mk.lane] = max(levels[mk.lane], p.level + 1)
    bars = cd.obligation_bars(report)
    by_lane: dict[str, list[cd.ObligationBar]] = defaultdict(list)
    for b in bars:
        by_lane[b.lane].append(b)
    ob_row: dict[int, int] = {}
    for lane_bars in by_lane.values():
        gap = (digits * DIGIT_PX + 12) * per_px
        spans = [(num(b.start), num(b.end)) for b in lane_bars]
        most = MOST_OB_ROWS if len(bars) <= MAX_DRAWN else 1
        for b, row in zip(lane_bars, rows(spans, gap, most), strict=True):
            ob_row[id(b)] = row
    lanes, top = [], 0.45
    for i, name in enumerate(names):
        count = 1 + max((ob_row[id(b)] for b in by_lane.get(name, ())), default=-1)
        lane = Lane(name, top, count, levels[i])
        lanes.append(lane)
        top = lane.bottom
    spots = {
        m.seq: (mk.x, lanes[mk.lane].level_y(p.level))
        for m, mk, p in zip(marks, laid, placed, strict=True)
    }
    numbered = {m.seq for m, p in zip(marks, placed, strict=True) if numbering and p.labelled}
    lane_of = {lane.name: lane for lane in lanes}
    obligations = [(b, lane_of[b.lane].ob_y(ob_row[id(b)])) for b in bars if b.lane in lane_of]
    return Plan(lanes, marks, spots, numbered, obligations, x0, x1, top + 0.05)

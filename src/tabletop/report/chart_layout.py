"""Layout of the timeline chart, apart from the drawing: where marks and labels go.

Pure arithmetic on data coordinates and estimated text widths, so it can be tested
without drawing anything.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from matplotlib.dates import get_epoch

from tabletop.report.safetext import visible

LEVELS = 8
"""Marks close in time are stacked on up to this many levels in their lane."""

CHAR_PX = 6.3
"""Estimated width of a character of the 8-point labels (phase titles), in pixels at 100 dpi."""

DIGIT_PX = 7.1
"""Width of a digit of the 8-point marker numbers, in pixels at 100 dpi (DejaVu Sans: 0.64 em)."""

_EPOCH = datetime.fromisoformat(get_epoch())


@dataclass(frozen=True)
class Mark:
    """One marker: its lane, its x (a date number), its style and its label."""

    lane: int
    x: float
    style: str
    label: str


@dataclass(frozen=True)
class Placed:
    """A mark's level in its lane, and whether its label has room to be drawn."""

    level: int
    labelled: bool


@dataclass(frozen=True)
class PhaseLabel:
    """A phase title placed above the lanes: its text, x, row (0 top) and alignment."""

    text: str
    x: float
    row: int
    align: str


def num(when: datetime) -> float:
    """matplotlib's date number of a naive time (what date2num gives, without numpy per call)."""
    return (when - _EPOCH) / timedelta(days=1)


def stack(
    marks: Sequence[Mark], width: float, labels: bool = True, levels: int = LEVELS
) -> list[Placed]:
    """A level for each mark, so that marks within `width` of each other in a lane do not
    overlap. A mark that finds every level taken shares one, and then neither it nor the
    marks it lands on keep a label: a label half covered by a marker helps nobody.

    Marks come in log order, and scenario time never runs backwards in a log, so each lane
    only needs the marks of the last `width` of time: a sliding window, not all pairs.
    Without `labels` (a chart too full for them) only the levels matter.
    """
    placed: list[Placed] = []
    recent: dict[int, deque[tuple[float, int, int]]] = {}
    for index, m in enumerate(marks):
        window = recent.setdefault(m.lane, deque())
        while window and m.x - window[0][0] >= width:
            window.popleft()
        near: set[int] = set()
        for _x, lvl, _i in window:  # a long game's window is long: stop once all are taken
            near.add(lvl)
            if len(near) == levels:
                break
        free = next((lvl for lvl in range(levels) if lvl not in near), None)
        if free is None:
            level = len(window) % levels
            for _x, lvl, other in window if labels else ():
                if lvl == level and placed[other].labelled:
                    placed[other] = Placed(lvl, False)
        else:
            level = free
        window.append((m.x, level, index))
        placed.append(Placed(level, free is not None))
    return placed


def rows(spans: Sequence[tuple[float, float]], gap: float, most: int) -> list[int]:
    """A row (0 first) for each interval, so that intervals less than `gap` apart never
    share one; with every row taken, the row that frees first is shared."""
    ends: list[float] = []
    out = []
    for start, end in spans:
        row = next((r for r, e in enumerate(ends) if start >= e + gap), None)
        if row is None and len(ends) < most:
            row = len(ends)
            ends.append(end)
        elif row is None:
            row = min(range(len(ends)), key=lambda r: ends[r])
        ends[row] = max(ends[row], end)
        out.append(row)
    return out


def phase_labels(
    phases: Sequence[tuple[float, float, str]], x_start: float, x_end: float, axis_px: float
) -> list[PhaseLabel]:
    """Titles for the phase bands (left, right, title) that never overlap: the full title
    where it fits its band, else the part before its colon ('Move 2'), on a second row if
    the first is taken there; left out when there is no room at all."""
    per_px = (x_end - x_start) / axis_px
    row_end = [x_start, x_start]  # right edge of the last label on each row
    out = []
    for left, right, title in phases:
        full = short(title, 40)
        brief = short(full.split(":", 1)[0].split(" (", 1)[0], 40)
        for text in dict.fromkeys((full, brief)):
            width = (len(text) * CHAR_PX + 8) * per_px
            fits_band = left + width <= right or text == brief
            start = left if left + width <= x_end else x_end - width
            row = next((r for r in (0, 1) if start >= row_end[r]), None)
            if fits_band and row is not None:
                row_end[row] = start + width
                align = "left" if start == left else "right"
                out.append(PhaseLabel(text, left if align == "left" else x_end, row, align))
                break
    return out


def short(text: str, limit: int = 30) -> str:
    """One line of at most `limit` characters, with an ellipsis if cut."""
    text = " ".join(visible(text).split())  # shown first: split() takes VT and FF for spaces
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def label(text: str) -> str:
    """Pack text as a chart label: never mathematics (a '$' stays a '$'), XML-safe (hidden
    characters shown as in the report's text)."""
    return visible(text).replace("$", r"\$")

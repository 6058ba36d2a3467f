"""The timeline chart: deterministic SVG, well-formed, labels as text, a PNG for Word."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import pairwise

from tabletop.report import AfterActionReport, render_timeline_png, render_timeline_svg
from tabletop.report.chart_layout import Mark, Placed, phase_labels, stack

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_same_report_same_svg(report: AfterActionReport) -> None:
    assert render_timeline_svg(report) == render_timeline_svg(report)


def test_svg_has_no_date_tool_stamp_or_fixed_size(report: AfterActionReport) -> None:
    svg = render_timeline_svg(report)
    assert svg.startswith("<svg ") and "<?xml" not in svg and "DOCTYPE" not in svg
    assert "<metadata" not in svg and "dc:date" not in svg and "matplotlib.org" not in svg
    root = ET.fromstring(svg)
    assert root.get("viewBox") and root.get("width") is None


def test_svg_shows_lanes_injects_decisions_and_legend(report: AfterActionReport) -> None:
    texts = _texts(render_timeline_svg(report))
    assert "Injects" in texts and "INJ-01" in texts and "DP-3" in texts
    assert "BLK Ministry" in texts  # the lane's short name
    assert "Outside mandate, overridden" in texts and "Refused as outside mandate" in texts
    assert any(t.startswith("Move 1") for t in texts)


def test_markup_and_dollar_signs_in_labels_stay_text(hostile_report: AfterActionReport) -> None:
    texts = " ".join(_texts(render_timeline_svg(hostile_report)))
    assert "<b>$x^2$</b> gov" in texts  # the lane's short name: not markup, not mathematics


def test_png_for_word(report: AfterActionReport) -> None:
    png = render_timeline_png(report, dpi=80)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000


def test_marks_close_in_time_are_stacked_and_crowded_ones_lose_their_labels() -> None:
    marks = [Mark(0, x, "inject", f"I{x}") for x in (0.0, 0.1, 0.2, 0.3, 5.0)]
    placed = stack(marks, width=1.0)
    assert [p.level for p in placed[:3]] == [0, 1, 2]
    # The fourth finds every level taken: it shares one, and neither keeps a label.
    assert placed[3].labelled is False and placed[placed[3].level].labelled is False
    assert placed[4] == Placed(0, True)  # far enough away: back on the first level


def test_phase_titles_never_overlap() -> None:
    phases = [(0.0, "Move 1: from Zhanaozen to the whole country"), (1.0, "Move 2: the request"),
              (1.2, "Move 3: the mission"), (50.0, "Move 4: handover")]  # fmt: skip
    labels = phase_labels(phases, 0.0, 100.0, axis_px=760)
    texts = [p.text for p in labels]
    assert texts[0] == "Move 1" and "Move 4: handover" in texts  # the short form where tight
    for row in (0, 1):
        spans = sorted(
            (p.x, p.x + (len(p.text) * 5.4 + 8) * 100 / 760) for p in labels if p.row == row
        )
        assert all(a[1] <= b[0] for a, b in pairwise(spans)), spans


def test_last_phase_near_the_edge_is_right_aligned() -> None:
    (only,) = phase_labels([(99.0, "Move 9: the end")], 0.0, 100.0, axis_px=760)
    assert only.align == "right" and only.x == 100.0

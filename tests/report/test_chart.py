"""The timeline chart: deterministic SVG, well-formed, labels as text, a PNG for Word."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tabletop.report import AfterActionReport, render_timeline_png, render_timeline_svg

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
    assert "Belosk Ministry of Defence" in texts
    assert "Outside mandate, overridden" in texts and "Refused as outside mandate" in texts
    assert any(t.startswith("Move 1") for t in texts)


def test_markup_and_dollar_signs_in_labels_stay_text(hostile_report: AfterActionReport) -> None:
    texts = " ".join(_texts(render_timeline_svg(hostile_report)))
    assert "<script>role()</script>" in texts
    assert "$x^2$" in texts  # not typeset as mathematics


def test_png_for_word(report: AfterActionReport) -> None:
    png = render_timeline_png(report, dpi=80)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000

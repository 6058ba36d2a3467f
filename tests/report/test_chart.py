"""The timeline chart: deterministic SVG, well-formed, labels as text, a PNG for Word; and the
story it tells, read back from the SVG against the log: every marker numbered with its event
number, a line from each decision to each inject it released, obligations, phase bands over
their intervals, and each decision point's time open against its time box."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from tabletop.model import events as ev
from tabletop.packs import open_pack
from tabletop.report import (
    AfterActionReport,
    render_markdown,
    render_timeline_png,
    render_timeline_svg,
)
from tabletop.report.chart import CHART_FONT_PT, CHART_WIDTH_IN
from tabletop.report.chart_boxes import MOST_ROWS, pick
from tabletop.report.chart_data import DecisionBar, phase_spans
from tabletop.report.chart_layout import Mark, Placed, phase_labels, rows, stack
from tabletop.report.lanes import LANE_CHARS
from tabletop.report.model import TimelineEntry

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "scenarios" / "tests").glob("*.json"))


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def _ids(svg: str) -> dict[str, ET.Element]:
    """Every element of the SVG that has an id, by id."""
    return {el.get("id", ""): el for el in ET.fromstring(svg).iter() if el.get("id")}


def _text(el: ET.Element) -> str:
    return "".join(el.itertext()).strip()


def _xs(el: ET.Element) -> tuple[float, float]:
    """Leftmost and rightmost x of the paths in a group (SVG units)."""
    xs = [
        float(x)
        for path in el.iter(f"{SVG}path")
        for x in re.findall(r"[ML] (-?[\d.]+) -?[\d.]+", path.get("d", ""))
    ]
    return min(xs), max(xs)


# The basics: the same SVG every time, no stamp, labels as escaped text, a PNG.


def test_same_report_same_svg(report: AfterActionReport) -> None:
    assert render_timeline_svg(report) == render_timeline_svg(report)


def test_svg_has_no_date_tool_stamp_or_fixed_size(report: AfterActionReport) -> None:
    svg = render_timeline_svg(report)
    assert svg.startswith("<svg ") and "<?xml" not in svg and "DOCTYPE" not in svg
    assert "<metadata" not in svg and "dc:date" not in svg and "matplotlib.org" not in svg
    root = ET.fromstring(svg)
    assert root.get("viewBox") and root.get("width") is None


def test_svg_shows_lanes_numbers_and_legend(report: AfterActionReport) -> None:
    texts = _texts(render_timeline_svg(report))
    assert {"Injects", "ARV Government", "NCP Secretariat", "BLK Ministry"} <= set(texts)
    assert "Outside mandate, overridden" in texts and "Refused as outside mandate" in texts
    assert "Decision released an inject" in texts and "Obligation met" in texts
    assert "Time box" in texts and "Open, no time box" in texts
    assert any(t.startswith("Move 1") for t in texts)


def test_markup_and_dollar_signs_in_labels_stay_text(hostile_report: AfterActionReport) -> None:
    texts = " ".join(_texts(render_timeline_svg(hostile_report)))
    assert "<b>$x^2$</b> gov" in texts  # the lane's short name: not markup, not mathematics
    assert "DP-1 Border posture" in texts  # the decision point's row in the time-box panel


def test_every_text_is_at_least_the_base_size_at_the_natural_width(report) -> None:
    svg = render_timeline_svg(report)
    root = ET.fromstring(svg)
    # The SVG's units are points at the figure's natural size (72 a inch).
    assert float(root.get("viewBox", "").split()[2]) == CHART_WIDTH_IN * 72
    sizes = [
        float(m[1])
        for t in root.iter(f"{SVG}text")
        for m in [re.search(r"font-size: ([\d.]+)px", t.get("style", ""))]
        if m
    ]
    assert len(sizes) == len(list(root.iter(f"{SVG}text"))) and min(sizes) >= CHART_FONT_PT >= 8


def test_png_for_word(report: AfterActionReport) -> None:
    png = render_timeline_png(report, dpi=80)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000


# The story, for every shipped playthrough, read back from the SVG and checked against the log.


@dataclass
class Played:
    name: str
    events: list[ev.Event]
    report: AfterActionReport
    svg: str
    ids: dict[str, ET.Element]


@pytest.fixture(scope="module", params=SCRIPTS, ids=lambda p: p.stem)
def played(request, player) -> Played:
    script: Path = request.param
    pack = (script.parent / json.loads(script.read_text("utf-8"))["pack"]).resolve()
    loaded = open_pack(pack)
    game = player(script, loaded, session_id=f"{loaded.pack.meta.id}-20261202-0001")
    report = game.report(pack_hash=loaded.content_hash)
    svg = render_timeline_svg(report)
    return Played(script.stem, game.events, report, svg, _ids(svg))


def test_every_inject_and_decision_marker_carries_its_event_number(played: Played) -> None:
    kinds = {ev.InjectDelivered: "inject", ev.DecisionRecorded: "decision"}
    kinds |= {ev.DecisionRejected: "rejection"}
    expected = {seq for seq, e in enumerate(played.events, start=1) if type(e) in kinds}
    assert expected
    for seq in expected:
        assert _text(played.ids[f"mark-{seq}"]) == str(seq)
    numbered = {int(k[5:]) for k in played.ids if k.startswith("mark-")}
    assert numbered == expected  # and nothing else is numbered as a marker


def test_the_numbers_key_the_chart_to_the_timeline_table(played: Played) -> None:
    markdown = render_markdown(played.report)
    table = next(part for part in markdown.split("\n## ") if "| Event | Details |" in part)
    rows_by_seq = {
        int(m[1]): m[2] for m in re.finditer(r"^\| (\d+) \| [^|]+\| [^|]+\| ([^|]+)\|", table, re.M)
    }
    for t in played.report.timeline:
        if t.kind in ("inject", "decision", "rejection"):
            assert t.ref in rows_by_seq[t.seq], (
                t.seq,
                rows_by_seq[t.seq],
            )  # its id beside its title


def test_a_line_from_each_decision_to_each_inject_it_released(played: Played) -> None:
    decisions = {
        seq: e for seq, e in enumerate(played.events, 1) if isinstance(e, ev.DecisionRecorded)
    }
    follow_ons = [
        (seq, e)
        for seq, e in enumerate(played.events, start=1)
        if isinstance(e, ev.InjectDelivered) and e.how == "follow_on"
    ]
    lines = sorted(k for k in played.ids if k.startswith("release-"))
    assert len(lines) == len(follow_ons)
    for seq, e in follow_ons:
        (line,) = [k for k in lines if k.endswith(f"-{seq}")]
        decision = decisions[int(line.split("-")[1])]
        # The decision the delivery's 'because' names ('DP-2: csto_secretariat chose deploy').
        assert e.because == f"{decision.decision_point}: {decision.role} chose {decision.option}"


def _phase_intervals(events: list[ev.Event]) -> list[tuple[str, datetime, datetime]]:
    started = [(e.phase, e.scenario_time) for e in events if isinstance(e, ev.PhaseStarted)]
    end = max(e.scenario_time for e in events)
    ends = [t for _p, t in started[1:]] + [end]
    return [(p, t, stop) for (p, t), stop in zip(started, ends, strict=True)]


def test_a_phase_band_per_reached_phase_over_its_scenario_interval(played: Played) -> None:
    intervals = _phase_intervals(played.events)
    assert [(s.id, s.start, s.end) for s in phase_spans(played.report)] == intervals
    bands = [_xs(played.ids[f"phase-{p}"]) for p, _s, _e in intervals]
    assert [k for k in played.ids if k.startswith("phase-")] == [
        f"phase-{p}" for p, *_ in intervals
    ]
    # Drawn where they belong: each starts where the one before ends, widths as their durations.
    assert all(abs(a[1] - b[0]) < 0.01 for a, b in pairwise(bands))
    (left, right), days = bands[0], (intervals[0][2] - intervals[0][1]) / timedelta(days=1)
    scale = (right - left) / days
    for (lo, hi), (_p, start, end) in zip(bands, intervals, strict=True):
        assert hi - lo == pytest.approx(
            scale * (end - start) / timedelta(days=1), rel=1e-3, abs=0.05
        )


def _open_minutes(events: list[ev.Event]) -> dict[str, tuple[float, bool]]:
    """Each decision point opened: wall-clock minutes open and whether all its deciders decided."""
    opened = {e.decision_point: e for e in events if isinstance(e, ev.DecisionOpened)}
    end = events[-1].at
    out = {}
    for dp, o in opened.items():
        done = [e for e in events if isinstance(e, ev.DecisionRecorded) and e.decision_point == dp]
        closed = {e.role for e in done} >= set(o.deciders)
        until = (
            max(e.at for e in done)
            if closed
            else next((e.at for e in events if isinstance(e, ev.SessionEnded)), end)
        )
        out[dp] = ((until - o.at) / timedelta(minutes=1), closed)
    return out


def test_a_bar_per_decision_point_opened_with_its_time_box_and_any_over_run(played: Played) -> None:
    boxes = {d.id: d.time_box_minutes for d in played.report.decisions}
    minutes = _open_minutes(played.events)
    assert minutes and len(minutes) <= MOST_ROWS
    parts = ("dp-over-", "dp-box-", "dp-words-")
    bars = {k[3:] for k in played.ids if k.startswith("dp-") and not k.startswith(parts)}
    assert bars == set(minutes)
    for dp, (took, closed) in minutes.items():
        box = boxes[dp]
        words = _text(played.ids[f"dp-words-{dp}"])
        assert (f"dp-box-{dp}" in played.ids) == (box is not None)
        over = box is not None and took > box
        assert (f"dp-over-{dp}" in played.ids) == over, (dp, took, box)
        assert ("OVER by" in words) == over and ("still open" in words) == (not closed)


def test_obligations_run_from_their_decision_to_met_or_the_end(played: Played) -> None:
    obligations = [ob for d in played.report.decisions for c in d.choices for ob in c.obligations]
    bars = sorted(k for k in played.ids if k.startswith("obligation-"))
    assert sorted(k.split("-", 2)[2] for k in bars) == sorted(ob.status for ob in obligations)
    met = [seq for seq, e in enumerate(played.events, 1) if isinstance(e, ev.ObligationMet)]
    assert sorted(int(k[4:]) for k in played.ids if k.startswith("met-")) == met


def test_lane_names_are_short_and_unique(played: Played) -> None:
    lanes = [t.lane for t in played.report.timeline if t.kind in ("decision", "rejection")]
    names = set(lanes)
    assert all(len(n) <= LANE_CHARS for n in names)
    texts = _texts(played.svg)
    assert names <= set(texts)
    roles = {
        t.title.split(": ", 1)[1].split(" chose ")[0]
        for t in played.report.timeline
        if t.kind == "decision"
    }
    assert len(names) == len(roles)  # one lane per deciding role, none shared


# A small game that over-runs a time box, and one too long to number.


def test_a_decision_point_open_past_its_time_box_is_flagged(player, script_of) -> None:
    notes = [{"note": {"kind": "strength", "text": f"Debate {i}."}} for i in range(6)]
    script = script_of(
        *notes,  # DP-1 (a 15-minute box) opened at the start; each step takes 3 minutes
        {"decide": {"decision": "DP-1", "role": "arv_government", "option": "hold",
                    "rationale": "At last."}},
    )  # fmt: skip
    game = player(script)
    took, closed = _open_minutes(game.events)["DP-1"]
    assert closed and took > 15
    ids = _ids(render_timeline_svg(game.report()))
    assert "dp-over-DP-1" in ids and "dp-box-DP-1" in ids
    assert (
        _text(ids["dp-words-DP-1"]) == f"{took:.0f} min (box 15 min): OVER by {took - 15:.0f} min"
    )


def test_a_long_game_is_not_numbered_and_not_a_blot(report: AfterActionReport) -> None:
    base = next(t for t in report.timeline if t.kind == "inject")
    start = base.scenario_time
    many = tuple(
        TimelineEntry.model_validate(
            base.model_dump() | {"seq": 1000 + i, "scenario_time": start + timedelta(minutes=7 * i)}
        )
        for i in range(3000)
    )
    # And 300 obligations from one decision: drawn as one layer per status, not 300 bars.
    decisions = []
    for d in report.decisions:
        choices = tuple(
            c.model_copy(update={"obligations": c.obligations * 300}) for c in d.choices
        )
        decisions.append(d.model_copy(update={"choices": choices}))
    long = report.model_copy(
        update={"timeline": report.timeline + many, "decisions": tuple(decisions)}
    )
    svg = render_timeline_svg(long)
    ids = _ids(svg)
    assert not any(k.startswith(("mark-", "met-", "obligation-")) for k in ids)
    assert "obligations-met" in ids
    assert any("too many to number" in t for t in _texts(svg))
    assert len(svg) < 400_000  # markers on the same spot drawn once


# Layout arithmetic.


def test_marks_close_in_time_are_stacked_and_crowded_ones_lose_their_labels() -> None:
    marks = [Mark(0, x, "inject", f"I{x}") for x in (0.0, 0.1, 0.2, 0.3, 5.0)]
    placed = stack(marks, width=1.0, levels=3)
    assert [p.level for p in placed[:3]] == [0, 1, 2]
    # The fourth finds every level taken: it shares one, and neither keeps a label.
    assert placed[3].labelled is False and placed[placed[3].level].labelled is False
    assert placed[4] == Placed(0, True)  # far enough away: back on the first level


def test_obligation_rows_keep_bars_apart_and_share_when_full() -> None:
    assert rows([(0, 5), (1, 2), (6, 9), (2.5, 3)], gap=0.5, most=3) == [0, 1, 0, 1]
    assert rows([(0, 5), (1, 6), (2, 7)], gap=0.5, most=2) == [0, 1, 0]


def test_phase_titles_never_overlap() -> None:
    phases = [(0.0, 1.0, "Move 1: from Zhanaozen to the whole country"),
              (1.0, 1.2, "Move 2: the request"), (1.2, 50.0, "Move 3: the mission"),
              (50.0, 100.0, "Move 4: handover")]  # fmt: skip
    labels = phase_labels(phases, 0.0, 100.0, axis_px=715)
    texts = [p.text for p in labels]
    assert texts[0] == "Move 1" and "Move 4: handover" in texts  # the short form where tight
    for row in (0, 1):
        spans = sorted(
            (p.x, p.x + (len(p.text) * 6.3 + 8) * 100 / 715) for p in labels if p.row == row
        )
        assert all(a[1] <= b[0] for a, b in pairwise(spans)), spans


def test_a_phase_title_is_shortened_before_its_parenthesis() -> None:
    (only,) = phase_labels([(0.0, 1.0, "Move 1 (August 2021): Kabul falls")], 0.0, 100.0, 715)
    assert only.text == "Move 1"


def test_last_phase_near_the_edge_is_right_aligned() -> None:
    (only,) = phase_labels([(99.0, 100.0, "Move 9: the end")], 0.0, 100.0, axis_px=715)
    assert only.align == "right" and only.x == 100.0


def test_a_long_game_shows_the_decision_points_most_over_their_box() -> None:
    bars = [
        DecisionBar(f"DP-{i}", "t", minutes=10 + (i % 7), time_box=12, closed=True)
        for i in range(40)
    ]
    shown, note = pick(bars)
    assert len(shown) == MOST_ROWS and all(b.over > 0 for b in shown)
    assert [b.id for b in shown] == sorted((b.id for b in shown), key=lambda i: int(i[3:]))
    assert "16 of 40 shown" in note

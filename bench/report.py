"""Benchmark: the HTML and PDF after-action report of a synthetic 10,000-event session.

Builds a long game on the example pack's world (2,000 injects, each opening a decision point
for one of three roles; decisions permitted, with obligations, overridden and refused;
amendments, rulings, observations, ratings, plan rows), played by engine commands. Then
times, median of several runs taken in turn:

- baseline: `replay` of the same events (the fold every open of a session does);
- build: `build_report` (a pass over the log, with the options not taken re-checked);
- render: `render_html` (Jinja2 page with the inline SVG timeline chart);
- PDF: `render_pdf` (that page laid out on A4 by WeasyPrint), timed `--pdf-runs` times
  (once by default: it is long), after the others.

Targets: build + render under 1 s; build + PDF under 10 s.
Run: `python bench/report.py [--events 10000] [--runs 5] [--pdf-runs 1]` (`--pdf-runs 0`
leaves the PDF out).
"""

from __future__ import annotations

import argparse
import copy
import gc
import io
import json
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from _common import daily_phases, events_of, example_world, memory_game, timed
from tabletop.app import Game
from tabletop.engine import replay
from tabletop.hashchain.chain import chain
from tabletop.model.effects import IncreaseFact
from tabletop.model.pack import Pack
from tabletop.report import AfterActionReport, build_report, check_log, render_html, render_pdf

ROLES = ("arv_government", "ncp_secretariat", "blk_defence")


def synthetic_pack(injects: int) -> bytes:
    """The example pack's world with `injects` scheduled injects, each opening its own
    decision point (the example's four, copied round-robin without follow-ons)."""
    base, pack = example_world()
    days = 10
    pack["phases"] = daily_phases(days)
    start = datetime(2031, 3, 1, 8, 5)
    step = timedelta(days=days) / injects
    templates = {dp["id"]: dp for dp in base["decision_points"]}
    by_role = {"arv_government": "DP-1", "ncp_secretariat": "DP-3", "blk_defence": "DP-3"}
    out_injects, out_dps = [], []
    for i in range(injects):
        when = start + step * i
        inj = copy.deepcopy(base["injects"][i % len(base["injects"])])
        inj.update(
            id=f"INJ-{i:05d}",
            phase=f"move-{min(days - 1, (when - start).days)}",
            time=f"{when:%Y-%m-%dT%H:%M}",
            release="scheduled",
            opens=[f"DP-{i:05d}"],
            effects=[{"fact": "border_incidents", "increase": 1 if i % 3 else -2}],
        )
        inj.pop("when", None)
        out_injects.append(inj)
        role = ROLES[i % len(ROLES)]
        dp = copy.deepcopy(templates[by_role[role]])
        dp.update(id=f"DP-{i:05d}", phase=inj["phase"], deciders=[role], open_when=None)
        for option in dp["options"]:
            option["follow_ons"] = []
            option["for_roles"] = []
        out_dps.append(dp)
    pack["injects"] = out_injects
    pack["decision_points"] = out_dps
    return json.dumps(pack).encode()


def build_events(target: int) -> tuple[Pack, list]:
    """A session of at least `target` events, made by engine commands."""
    injects = max(50, target // 5)
    game: Game = memory_game(
        synthetic_pack(injects),
        "bench-report-20310301-0000",
        start=datetime(2031, 3, 1, 9, tzinfo=UTC),
        tick=timedelta(seconds=1),
        exercise="Report benchmark",
    )
    for role in ROLES:
        game.assign(role, f"Player {role}")
    choices = {"arv_government": ("reinforce", "hold"), "blk_defence": ("battalion", "consult")}
    choices["ncp_secretariat"] = ("deploy", "consult", "deploy")
    for day in range(10):
        game.advance(to=datetime(2031, 3, day + 1, 23, 59))
        for dp_id in sorted(game.state.open_decisions):
            role = game.state.open_decisions[dp_id].deciders[0]
            n = int(dp_id[3:])
            option = choices[role][n % len(choices[role])]
            if role == "blk_defence" and option == "battalion" and n % 4 == 0:
                game.reject(dp_id, role, option, "Not asked.")
            game.decide(dp_id, role, option, f"Reason {n}.", justification="Play it.")
            if n % 5 == 0:
                game.amend(dp_id, role, f"Reason {n}, clarified.", "Scribe")
        more = [IncreaseFact(fact="border_incidents", increase=1)]
        game.adjudicate(f"Ruling of day {day + 1}.", more)
    game.end("Hot wash.")
    k = 0
    while game.state.event_count < target:
        objective = f"OBJ-{k % 3 + 1}"
        kind = "strength" if k % 2 else "area_for_improvement"
        game.note(kind, f"Observation {k}.", objective=objective, rating="PSMU"[k % 4])
        k += 1
    for i in range(3):
        game.rate(f"OBJ-{i + 1}", ("P", "S", "M")[i], "Rated.")
    for i in range(20):
        game.plan(
            issue=f"Issue {i}",
            corrective_action="Fix it.",
            capability_element="planning",
            responsible_org="Org",
            point_of_contact="POC",
            start_date=date(2031, 4, 1),
            completion_date=date(2031, 6, 1),
        )
    return game.pack, events_of(game)


def main(argv: list[str] | None = None) -> int:
    """Build the session, then time replay, build and render."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pdf-runs", type=int, default=1)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    pack, events = build_events(args.events)
    rows = chain(events)
    made = time.perf_counter() - began
    gc.collect()  # the garbage of making the game is not the report's to pay for
    verified, integrity = check_log(rows, source="bench")
    assert verified == events
    mix = Counter(e.type for e in events).most_common()
    print(f"session of {len(events):,} events, made in {made:.1f} s")
    print("mix: " + ", ".join(f"{t} {c:,}" for t, c in mix))
    report = build_report(pack, events, integrity)
    render_html(report)  # warm: imports, template compile
    base, build, html = timed(
        [
            lambda: replay(events),
            lambda: build_report(pack, events, integrity),
            lambda: render_html(report),
        ],
        args.runs,
    )
    report, page = build.result, html.result
    total, total_cpu = build.wall + html.wall, build.cpu + html.cpu
    decided = sum(c.decided for d in report.decisions for c in d.choices)
    print(f"report: {decided:,} decisions, {len(report.timeline):,} timeline rows, "
          f"{len(page) / 1e6:.1f} MB of HTML")  # fmt: skip
    print("                          wall ms   CPU ms   x replay (wall)")
    for name, wall, cpu in (
        ("replay (baseline)", base.wall, base.cpu),
        ("build_report", build.wall, build.cpu),
        ("render_html", html.wall, html.cpu),
        ("build + render", total, total_cpu),
    ):
        print(f"{name:<24} {wall * 1000:8.1f} {cpu * 1000:8.1f}   {wall / base.wall:6.1f}")
    print(f"target: build + render < 1000 ms: {'met' if total < 1 else 'NOT MET'} ({total:.2f} s)")
    if args.pdf_runs > 0:
        _pdf(report, build.wall, build.cpu, base.wall, args.pdf_runs)
    return 0


def _pages(pdf: bytes) -> str:
    """How many pages a PDF has (pdfminer, from the test tools), or '?' without it."""
    try:
        from pdfminer.pdfpage import PDFPage
    except ImportError:
        return "?"
    return f"{sum(1 for _ in PDFPage.get_pages(io.BytesIO(pdf))):,}"


def _pdf(report: AfterActionReport, build: float, build_cpu: float, base: float, runs: int) -> None:
    """Time the PDF (after the rest: its memory would slow them), and say if it is in time."""
    (pdf,) = timed([lambda: render_pdf(report, paper="a4")], runs)
    total, total_cpu = build + pdf.wall, build_cpu + pdf.cpu
    print(f"PDF: {len(pdf.result) / 1e6:.1f} MB, {_pages(pdf.result)} pages")
    for name, wall, cpu in (("render_pdf", pdf.wall, pdf.cpu), ("build + PDF", total, total_cpu)):
        print(f"{name:<24} {wall * 1000:8.1f} {cpu * 1000:8.1f}   {wall / base:6.1f}")
    print(f"target: build + PDF < 10 s: {'met' if total < 10 else 'NOT MET'} ({total:.1f} s)")


if __name__ == "__main__":
    sys.exit(main())

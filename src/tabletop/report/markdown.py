"""render_markdown: the report as Markdown (GitHub flavour), every outside text escaped."""

from __future__ import annotations

from tabletop.report import markdown_findings as mf
from tabletop.report import words as wd
from tabletop.report.markdown_base import badge, block, cell, md, table
from tabletop.report.markdown_sections import appendix, compliance, decision, objectives, plan
from tabletop.report.model import AfterActionReport
from tabletop.report.repeats import Referrals
from tabletop.report.sections import SECTIONS


def render_markdown(report: AfterActionReport) -> str:
    """The whole report as Markdown text."""
    title = SECTIONS
    lines: list[str] = [f"**{md(report.classification)}**", "", f"# {md(report.title)}", ""]
    if report.status == "interim":
        lines += ["**INTERIM REPORT: the session has not ended.**", ""]
    lines += [f"## {title['findings']}", ""]
    lines += _status(report)
    lines += mf.key_findings(report)
    lines += _overview(report, title["overview"])
    lines += _timeline(report, title["timeline"])
    lines += [f"## {title['decisions']}", ""]
    refs = Referrals()
    for analysis in report.decisions:
        lines += decision(analysis, refs)
    lines += compliance(report, title["compliance"])
    lines += objectives(report, title["objectives"])
    lines += plan(report, title["plan"])
    lines += appendix(report)
    lines += [f"**{md(report.classification)}**", ""]
    return "\n".join(lines)


def _status(report: AfterActionReport) -> list[str]:
    """What the reader must know before trusting the rest: the notices, then the status."""
    i = report.integrity
    lines = []
    for notice in report.notices:
        lines += [f"> **{md(notice.title.upper())}.** {md(notice.text)}", ""]
    lines += ["### Report status", ""]
    status = "Interim (the session has not ended)" if report.status == "interim" else "Final"
    lines += [f"- Report: {status}", f"- Log integrity: {md(i.summary)}"]
    lines += [f"- Log read from: {md(i.source)}", ""]
    return lines


def _overview(report: AfterActionReport, heading: str) -> list[str]:
    o = report.overview
    lines = [f"## {heading}", "", *mf.overview_facts(report)]
    lines += ["### Scope", "", block(o.scope or "Not stated in the pack."), ""]
    lines += ["### Scenario summary", "", block(o.summary), ""]
    lines += ["### Objectives and core capabilities", ""]
    lines += table(
        ["Id", "Objective", "Core capability"],
        [[cell(x.id), cell(x.text), cell(x.capability)] for x in report.objectives],
    )
    lines += ["### Participating organisations and roles", ""]
    rows = [
        [cell(org.name), cell(seat.title), cell(seat.participant or "(not seated)")]
        for org in o.organisations
        for seat in org.seats
    ]
    lines += table(["Organisation", "Role", "Participant"], rows)
    lines += ["### Phases", ""]
    rows = [
        [
            cell(p.title),
            cell(wd.scenario(p.started) if p.started else "not reached"),
            cell(p.summary),
        ]
        for p in o.phases
    ]
    lines += table(["Phase", "Started (scenario)", "Situation"], rows)
    return lines


def _timeline(report: AfterActionReport, heading: str) -> list[str]:
    lines = [f"## {heading}", ""]
    lines += ["The timeline chart is in the HTML and Word versions of this report.", ""]
    rows = []
    day = wd.session_day(report)
    for t in report.timeline:
        what = md(t.title)
        if t.kind in ("decision", "rejection"):
            what += " " + badge(t.verdict, t.overridden, t.kind == "rejection")
        detail = md(t.detail)
        if t.text:
            detail += (": " if detail else "") + f"*{md(t.text)}*"
        when = wd.wall_short(t.at, day)
        rows.append([str(t.seq), wd.scenario(t.scenario_time), when, what, detail or "—"])
    lines += table(["#", "Scenario time", "Wall clock (UTC)", "Event", "Details"], rows)
    return lines

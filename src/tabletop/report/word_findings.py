"""The Word key findings and HSEEP parts (see aar_text for the words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT
from docx.shared import RGBColor

from tabletop.report import aar_text as at
from tabletop.report.model import AfterActionReport
from tabletop.report.sections import SECTIONS

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

    from tabletop.report.word import Writer

TONE_COLOURS = {
    "ok": RGBColor(0x1A, 0x7F, 0x37),
    "warn": RGBColor(0x8A, 0x45, 0x00),
    "bad": RGBColor(0xB4, 0x23, 0x18),
    "info": RGBColor(0x1D, 0x4E, 0x89),
    "none": RGBColor(0x52, 0x60, 0x6D),
}


def mark(out: Writer, p: Paragraph, m: at.Mark) -> None:
    """A mark in colour and in words: bold, upper case, in brackets, then a space."""
    symbol = f"{m.symbol} " if m.symbol else ""
    run = out.run(p, f"[{symbol}{m.label.upper()}] ", bold=True)
    run.font.color.rgb = TONE_COLOURS[m.tone]


def groups(out: Writer, gs: list[at.Group], level: int = 2) -> None:
    """Titled lists, each with its words for an empty list."""
    for g in gs:
        if g.inline:
            out.para(g.sentence(), bold=f"{g.title}: ")
            continue
        out.heading(g.title, level)
        if not g.items:
            out.para(g.empty)
        for i in g.items:
            p = out.bullet("")
            if i.mark:
                mark(out, p, i.mark)
            if i.lead:
                out.run(p, i.lead, bold=True)
            out.run(p, i.text)


def key_findings(out: Writer, report: AfterActionReport) -> None:
    """Section 1 after the report's status: the end state, the objectives at a glance, then
    what to take up first."""
    out.heading("End state", 2)
    out.para(report.key_findings.end_state.clock)
    groups(out, at.end_state_groups(report), 3)
    out.heading("Objectives at a glance", 2)
    t = out.table(
        ["Objective", "Core capability", "Rating"],
        [[o.id, o.capability, ""] for o in report.objectives],
        [0.8, 3.2, 2.5],
    )
    for row, o in zip(t.rows[1:], report.objectives, strict=True):
        mark(out, row.cells[2].paragraphs[0], at.rating_mark(o.rating))
    groups(out, at.findings_groups(report))


def overview_facts(out: Writer, report: AfterActionReport) -> None:
    """The overview's facts table."""
    o = report.overview
    rows = at.overview_rows(report)
    rows += [["Pack content hash", o.pack_hash or "—"], ["Pack used for this report", o.pack_used]]
    out.facts(rows)


def rating_scale(out: Writer, report: AfterActionReport) -> None:
    """The P/S/M/U definitions."""
    out.heading("Rating scale", 2)
    for m, text in at.rating_rows(report):
        p = out.bullet("")
        mark(out, p, m)
        out.run(p, text)


def rating(out: Writer, p: Paragraph, value: str | None) -> None:
    """A rating in colour and words."""
    mark(out, p, at.rating_mark(value))


def plan_matrix(out: Writer, report: AfterActionReport) -> None:
    """The improvement-plan matrix on a landscape page: logged rows, then drafts."""
    out.turn(WD_ORIENT.LANDSCAPE)  # nine columns
    out.heading(SECTIONS["plan"], 1)
    plan = report.improvement_plan
    if not any(not p.draft for p in plan):
        out.para("No improvement-plan rows were logged.")
    if any(p.draft for p in plan):
        out.para(
            "Rows marked DRAFT are proposed by the report, for an objective rated M or U with "
            "no plan row, or an obligation open at the end; the facilitator agrees their "
            "corrective action, owner and dates."
        )
    if plan:
        widths = [0.7, 1.4, 2.6, 2.2, 1.0, 1.3, 1.1, 0.8, 0.9]
        out.table(at.PLAN_HEAD, [at.plan_cells(p) for p in plan], widths)
    out.turn(WD_ORIENT.PORTRAIT)


def staff(out: Writer, report: AfterActionReport) -> None:
    """The exercise staff table."""
    out.heading("Exercise staff", 2)
    out.table(["Role", "Name"], at.staff_rows(report), [2, 4.5])


def acronyms(out: Writer, report: AfterActionReport, heading: str) -> None:
    """The acronyms appendix."""
    out.heading(heading, 1)
    out.table(["Acronym", "Stands for"], at.acronym_rows(report), [1.3, 5.2])

"""The Markdown key findings, overview and HSEEP lists (see aar_text for the words)."""

from __future__ import annotations

from tabletop.report import aar_text as at
from tabletop.report.markdown_base import block, cell, code, md, table
from tabletop.report.model import AfterActionReport


def mark(m: at.Mark) -> str:
    """A mark as bold words in brackets (colour is for the HTML and Word versions)."""
    return f"**[{m.label.upper()}]**"


def item(i: at.Item) -> str:
    """One list line: mark, bold lead, text (already escaped)."""
    parts = [mark(i.mark)] if i.mark else []
    if i.lead:
        parts.append(f"**{i.lead.strip()}**")
    parts.append(i.text)
    return "- " + " ".join(parts)


def groups(gs: list[at.Group], level: str = "###") -> list[str]:
    """Titled lists, each with its words for an empty list."""
    lines: list[str] = []
    for g in gs:
        if g.inline:
            lines += [f"**{g.title}:** {g.sentence()}", ""]
            continue
        lines += [f"{level} {g.title}", ""]
        lines += [item(i) for i in g.items] if g.items else [g.empty]
        lines.append("")
    return lines


def key_findings(report: AfterActionReport) -> list[str]:
    """Section 1 after the report's status: the end state, the objectives at a glance, then
    what to take up first."""
    k = report.key_findings
    lines = ["### End state", "", md(k.end_state.clock), ""]
    lines += groups(at.end_state_groups(report, md), "####")
    lines += ["### Objectives at a glance", ""]
    rows = [
        [cell(o.id), cell(o.capability), mark(at.rating_mark(o.rating))] for o in report.objectives
    ]
    lines += table(["Objective", "Core capability", "Rating"], rows)
    return lines + groups(at.findings_groups(report, md))


def overview_facts(report: AfterActionReport) -> list[str]:
    """The overview's facts table, the hashes as code."""
    o = report.overview
    rows = at.overview_rows(report, cell)
    rows += [
        ["Pack content hash", code(o.pack_hash, in_table=True)],
        ["Pack used for this report", cell(o.pack_used)],
    ]
    return table(["", ""], rows)


def rating_scale(report: AfterActionReport) -> list[str]:
    """The P/S/M/U definitions."""
    lines = ["### Rating scale", ""]
    lines += [f"- {mark(m)} {text}" for m, text in at.rating_rows(report, md)]
    return [*lines, ""]


def plan_matrix(report: AfterActionReport) -> list[str]:
    """The improvement-plan matrix, logged rows then drafts."""
    lines = []
    if not any(not p.draft for p in report.improvement_plan):
        lines += ["No improvement-plan rows were logged.", ""]
    if any(p.draft for p in report.improvement_plan):
        lines += [
            block(
                "Rows marked DRAFT are proposed by the report, for an objective rated M or U "
                "with no plan row, or an obligation open at the end; the facilitator agrees "
                "their corrective action, owner and dates."
            ),
            "",
        ]
    if report.improvement_plan:
        lines += table(at.PLAN_HEAD, [at.plan_cells(p, cell) for p in report.improvement_plan])
    return lines


def staff(report: AfterActionReport) -> list[str]:
    """The exercise staff table."""
    return ["### Exercise staff", "", *table(["Role", "Name"], at.staff_rows(report, cell))]


def acronyms(report: AfterActionReport, heading: str) -> list[str]:
    """The acronyms appendix."""
    rows = at.acronym_rows(report, cell)
    return [f"## {heading}", "", *table(["Acronym", "Stands for"], rows)]

"""The Markdown sections from the decision analysis on: decisions, compliance, objectives,
plan and the appendices."""

from __future__ import annotations

from tabletop.mandates import wording as w
from tabletop.report import aar_text as at
from tabletop.report import markdown_findings as mf
from tabletop.report import tables
from tabletop.report import words as wd
from tabletop.report.integrity import signature_words
from tabletop.report.markdown_base import badge, block, cell, code, md, table
from tabletop.report.model import (
    AfterActionReport,
    ChoiceView,
    DecisionAnalysis,
    ObligationView,
    ObservationView,
    VerdictView,
)
from tabletop.report.repeats import ChoiceReferrals, Referrals, referral_words
from tabletop.report.sections import appendix_sections


def _verdict(
    v: VerdictView, overridden: bool = False, refused: bool = False, given_at: str | None = None
) -> list[str]:
    headline = referral_words(given_at) if given_at else v.headline
    lines = [f"- Verdict: {badge(v.kind, overridden, refused)} {md(headline)}"]
    if given_at:  # said in full earlier: only what is this decision's own
        return lines + [f"  - Relies on: {md(r.words)}" for r in v.relies_on or ()]
    lines += [f"  - Caution: {md(c)}" for c in v.cautions]
    if wd.basis_adds(v):
        lines.append(f"  - Basis: {md(v.basis)}")
    lines += [f"  - Also under: {md(a)}" for a in v.also_under]
    lines += [f"  - Reason: {md(r)}" for r in wd.extra_reasons(v)]
    lines += [f"  - Relies on: {md(r.words)}" for r in v.relies_on or ()]
    if v.citations:
        lines.append(f"  - Cites: {md('; '.join(v.citations))}")
    return lines


def _choice(c: ChoiceView, refs: ChoiceReferrals) -> list[str]:
    lines = [
        f"#### {md(c.role_title)}",
        "",
        f"- Seat: {md(wd.seat_words(c.participant, c.actor_name))}",
    ]
    for r, given_at in zip(c.rejections, refs.rejections, strict=True):
        lines.append(
            f"- Refused first: {md(r.option_label)} at {wd.scenario(r.scenario_time)}"
            + (f" (note: {md(r.note)})" if r.note else "")
        )
        lines += ["  " + x for x in _verdict(r.verdict, refused=True, given_at=given_at)]
    if not c.decided:
        lines.append("- No decision recorded.")
    else:
        lines.append(f"- Choice: **{md(c.option_label)}**: {md(c.action)}")
        lines.append(f"- Decided: {wd.scenario(c.scenario_time)} (wall clock {wd.wall(c.at)})")
        if c.proposed_by is not None:
            lines.append(f"- Proposal: {md(wd.proposed_words(c.proposed_by))}")
        lines.append(f"- Rationale: {md(c.rationale) if c.rationale.strip() else '(none given)'}")
        for a in c.amendments:
            lines.append(
                f"  - Corrected at {wd.wall(a.at)} ({md(a.reason)}); it read: "
                f"{md(a.rationale_before) or '(empty)'}"
            )
        if c.verdict:
            lines += _verdict(c.verdict, c.overridden, given_at=refs.verdict)
        if c.overridden:
            lines.append(f"- **{at.OVERRIDE_LEAD.strip()}** {md(c.justification)}")
        for ob in c.obligations:
            lines += _obligation(ob)
        if c.outcome:
            lines.append(f"- Outcome: {md(c.outcome)}")
    if c.alternatives:
        what = "Options not taken" if c.decided else "What each option would have been"
        lines.append(f"- {what}, checked {md(c.alternatives_on)}:")
        for alt, given_at in zip(c.alternatives, refs.alternatives, strict=True):
            if alt.verdict:
                headline = referral_words(given_at) if given_at else alt.verdict.headline
                verdict = f"{badge(alt.verdict.kind)} {md(headline)}"
                lines.append(f"  - {md(alt.option_label)}: {verdict}")
            else:
                lines.append(f"  - {md(alt.option_label)}: could not be checked ({md(alt.error)})")
    return [*lines, ""]


def decision(a: DecisionAnalysis, refs: Referrals) -> list[str]:
    lines = [f"### {md(a.id)}: {md(a.title)} ({a.status})", "", block(a.prompt), ""]
    lines += [tables.decision_facts(a, md), ""]
    if a.status == "not reached":
        return [*lines, "Not reached in this game.", ""]
    if a.consensus is not None:
        lines += [f"**Consensus:** {md(a.consensus.words)}", ""]
    for c in a.choices:
        lines += _choice(c, refs.of(a, c))
    lines += [f"- Ruling: {md(r)}" for r in a.rulings]
    return [*lines, ""] if a.rulings else lines


def compliance(report: AfterActionReport, heading: str) -> list[str]:
    rows = tables.compliance_rows(report, cell)
    lines = [f"## {heading}", "", *table(tables.COMPLIANCE_HEAD, rows)]
    lines += ["### Obligations open at the end", ""]
    if not report.open_obligations:
        return [*lines, "None.", ""]
    late = sum(ob.status == "late" for ob in report.open_obligations)
    if late:
        lines += [f"{len(report.open_obligations)} open, {late} of them late.", ""]
    for ob in report.open_obligations:
        by = f" by {ob.late_by}" if ob.status == "late" else ""
        lines.append(
            f"- **{ob.status_label.upper()}**{by} ({tables.deadline_line(ob)}): "
            f"{md(ob.owed_by)}: {md(w.strip_stop(ob.text))} ({md(ob.citation)}), "
            f"{md(wd.arose_words(ob))}"
        )
    return [*lines, ""]


def _obligation(ob: ObligationView) -> list[str]:
    """'- Obligation: what (citation); at once, due ...: **LATE**, open at the end, ...'."""
    state = f"**{ob.status_label.upper()}**"
    if late := tables.lateness(ob):
        state += f", {late}"
    elif not ob.met:
        state += " at the end"
    if ob.met:
        state += f" ({md(ob.met_how)})"
    line = f"- Obligation: {md(w.strip_stop(ob.text))} ({md(ob.citation)}); "
    lines = [line + f"{tables.deadline_line(ob)}: {state}"]
    if ob.deadline_note:
        lines.append(f"  - Deadline: {md(ob.deadline_note)}")
    return lines


def objectives(report: AfterActionReport, heading: str) -> list[str]:
    rows = [
        [cell(o.id), cell(o.text), cell(o.capability), _rating(o.rating, o.rating_label)]
        for o in report.objectives
    ]
    lines = [f"## {heading}", "", *table(["Id", "Objective", "Core capability", "Rating"], rows)]
    lines += mf.rating_scale(report)
    for o in report.objectives:
        lines += [f"### {md(o.id)}: {md(o.capability)}", "", f"- Objective: {md(o.text)}"]
        source = {"facilitator": "rated by the facilitator", "observations": "from observations"}
        rated = _rating(o.rating, o.rating_label)
        if o.rating_source in source:
            rated += f" ({source[o.rating_source]})"
        lines.append(f"- Rating: {rated}")
        if o.rating_note:
            lines.append(f"  - {md(o.rating_note)}")
        lines += [f"- **{s.number}:** {md(s.text)}" + _about(s) for s in o.strengths]
        for s in o.improvements:
            lines += [f"- **{s.number}:** {md(s.text)}" + _about(s)]
            lines += [f"  - {label}: {md(text)}" for label, text in wd.area_details(s)]
        if o.decision_points:
            lines.append("- Tested by: " + "; ".join(md(d) for d in o.decision_points))
        lines.append("")
    if report.other_observations:
        lines += ["### Observations on no objective", ""]
        for s in report.other_observations:
            kind = "Strength" if s.kind == "strength" else "Area for improvement"
            lines.append(f"- {kind}: {md(s.text)}" + _about(s))
        lines.append("")
    return lines


def _rating(rating: str | None, label: str) -> str:
    return mf.mark(at.rating_mark(rating))


def _about(s: ObservationView) -> str:
    """' (role, decision point, suggests S) — Noted by ...' after an observation's text."""
    parts = [x for x in (s.role, wd.decision_point_words(s)) if x]
    if s.rating:
        parts.append(f"suggests {s.rating}")
    about = f" ({md(', '.join(parts))})" if parts else ""
    noted = wd.noted_suffix(s.observer)  # md() would drop its leading space
    return about + (f" {md(noted)}" if noted else "")


def plan(report: AfterActionReport, heading: str) -> list[str]:
    return [f"## {heading}", "", *mf.plan_matrix(report)]


def appendix(report: AfterActionReport) -> list[str]:
    heads = appendix_sections(report)
    lines = [f"## {heads['participants']}", ""]
    lines += table(tables.PARTICIPANTS_HEAD, tables.participant_rows(report, cell))
    if report.proposers:
        lines += [f"### {tables.PROPOSERS_TITLE}", ""]
        lines += table(tables.PROPOSERS_HEAD, tables.proposer_rows(report, cell))
    if report.evaluators:
        lines += [f"### {tables.EVALUATORS_TITLE}", ""]
        lines += table(tables.EVALUATORS_HEAD, tables.evaluator_rows(report, cell))
    lines += mf.staff(report)
    lines += [f"## {heads['log']}", ""]
    head = ["#", "Scenario", "Wall (UTC)", "Kind", "Decision", "Role", "Option", "Verdict", "Text"]
    lines += table(head, tables.log_rows(report, cell))
    if "rulings" in heads:
        lines += [f"## {heads['rulings']}", ""]
        for r in report.rulings:
            changes = "; ".join(r.changes) or "no fact changes"
            lines.append(f"- {wd.scenario(r.scenario_time)}: {md(r.ruling)} ({md(changes)})")
        lines.append("")
    i = report.integrity
    lines += [f"## {heads['integrity']}", "", f"- Result: {md(i.summary)}"]
    lines += [f"- Read from: {md(i.source)}", f"- Events in the log: {i.events}"]
    lines += [f"- Events verified and analysed: {i.verified}", f"- Head hash: {code(i.head)}"]
    signed = signature_words(i)
    lines += [f"- Signature: {md(signed)}", ""] if signed else [""]
    if i.unverified:
        lines += ["Events after the damage (not verified, not analysed):", ""]
        lines += table(tables.UNVERIFIED_HEAD, tables.unverified_rows(report, cell))
    if "sources" in heads:
        lines += [f"## {heads['sources']}", ""]
        lines += [f"- {md(s)}" for s in report.sources]
        lines.append("")
    if "acronyms" in heads:
        lines += mf.acronyms(report, heads["acronyms"])
    return lines

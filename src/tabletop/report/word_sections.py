"""The longer Word sections: decision analysis, objectives, improvement plan, appendix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT

from tabletop.mandates import wording as w
from tabletop.report import aar_text as at
from tabletop.report import tables
from tabletop.report import word_findings as wf
from tabletop.report import words as wd
from tabletop.report.integrity import signature_words
from tabletop.report.model import (
    AfterActionReport,
    ChoiceView,
    ObligationView,
    ObservationView,
    VerdictView,
)
from tabletop.report.repeats import ChoiceReferrals, Referrals, referral_words
from tabletop.report.sections import SECTIONS, appendix_sections

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

    from tabletop.report.word import Writer


OBLIGATION_MARKS = {
    "open": ("open at the end", "outside_mandate"),
    "met": ("met", "permitted"),
    "late": ("late", "outside_mandate"),
    "met_late": ("met late", "permitted_with_obligations"),
}
"""An obligation's status as a mark: its words, and the verdict kind whose colour it takes."""


def obligation_mark(out: Writer, p: Paragraph, ob: ObligationView) -> None:
    """The obligation's status in colour and in words, in brackets."""
    words, kind = OBLIGATION_MARKS[ob.status]
    out.mark(p, words, kind)


def _verdict(
    out: Writer,
    v: VerdictView,
    overridden: bool = False,
    refused: bool = False,
    given_at: str | None = None,
) -> None:
    p = out.para(bold="Verdict: ")
    out.badge(p, v.kind, overridden, refused)
    out.run(p, referral_words(given_at) if given_at else v.headline)
    if given_at:  # said in full earlier: only what is this decision's own
        for r in v.relies_on or ():
            out.bullet(r.words, bold="Relies on: ")
        return
    for caution in v.cautions:
        out.bullet(caution, bold="Caution: ")
    if wd.basis_adds(v):
        out.bullet(v.basis or "", bold="Basis: ")
    for also in v.also_under:
        out.bullet(also, bold="Also under: ")
    for reason in wd.extra_reasons(v):
        out.bullet(reason)
    for r in v.relies_on or ():
        out.bullet(r.words, bold="Relies on: ")
    if v.citations:
        out.para("; ".join(v.citations), bold="Cites: ")


def _choice(out: Writer, c: ChoiceView, refs: ChoiceReferrals) -> None:
    out.heading(c.role_title, 3)
    out.para(wd.seat_words(c.participant, c.actor_name), bold="Seat: ")
    for r, given_at in zip(c.rejections, refs.rejections, strict=True):
        note = f" (note: {r.note})" if r.note else ""
        out.para(
            f"{r.option_label} at {wd.scenario(r.scenario_time)}{note}", bold="Refused first: "
        )
        _verdict(out, r.verdict, refused=True, given_at=given_at)
    if not c.decided:
        out.para("No decision recorded.", bold="Choice: ")
    else:
        out.para(f"{c.option_label}: {c.action}", bold="Choice: ")
        out.para(f"{wd.scenario(c.scenario_time)} (wall clock {wd.wall(c.at)})", bold="Decided: ")
        if c.proposed_by is not None:
            out.para(wd.proposed_words(c.proposed_by), bold="Proposal: ")
        out.para(c.rationale if c.rationale.strip() else "(none given)", bold="Rationale: ")
        for a in c.amendments:
            out.bullet(
                f"Corrected at {wd.wall(a.at)} ({a.reason}); it read: “{a.rationale_before}”"
            )
        if c.verdict:
            _verdict(out, c.verdict, c.overridden, given_at=refs.verdict)
        if c.overridden:
            out.para(c.justification, bold=at.OVERRIDE_LEAD)
        for ob in c.obligations:
            p = out.para(bold="Obligation: ")
            obligation_mark(out, p, ob)
            out.run(p, f"{w.strip_stop(ob.text)} ({ob.citation}); {tables.deadline_line(ob)}")
            if late := tables.lateness(ob):
                out.run(p, f"; {late}")
            if ob.met:
                out.run(p, f": {ob.met_how}")
            if ob.deadline_note:
                out.bullet(ob.deadline_note, bold="Deadline: ")
        if c.outcome:
            out.para(c.outcome, bold="Outcome: ")
    if c.alternatives:
        what = "Options not taken" if c.decided else "What each option would have been"
        out.para(f"{what}, checked {c.alternatives_on}:")
        unchecked = "could not be checked: "
        rows = [
            [
                a.option_label,
                (referral_words(given_at) if given_at else a.verdict.headline)
                if a.verdict
                else unchecked + a.error,
            ]
            for a, given_at in zip(c.alternatives, refs.alternatives, strict=True)
        ]
        table = out.table(["Option", "Verdict it would have had"], rows, [1.8, 4.7])
        for row, alt in zip(table.rows[1:], c.alternatives, strict=True):
            if alt.verdict:  # the verdict's badge leads its headline, as under "Verdict:"
                p = row.cells[1].paragraphs[0]
                headline = p.runs[0]
                out.badge(p, alt.verdict.kind)
                p.runs[-1].font.size = headline.font.size  # the table's type size
                p._p.append(headline._r)  # the badge first, then the headline


def decisions(out: Writer, report: AfterActionReport, heading: str) -> None:
    """Section 4: one Heading 2 per decision point, one Heading 3 per decider."""
    out.heading(heading, 1)
    refs = Referrals()
    for a in report.decisions:
        out.heading(f"{a.id}: {a.title} ({a.status})", 2)
        out.para(a.prompt, style="Quote")
        out.para(tables.decision_facts(a))
        if a.status == "not reached":
            out.para("Not reached in this game.")
            continue
        if a.consensus is not None:
            out.para(a.consensus.words, bold="Consensus: ")
        for c in a.choices:
            _choice(out, c, refs.of(a, c))
        for r in a.rulings:
            out.para(r, bold="Ruling: ")


def objectives_and_plan(out: Writer, report: AfterActionReport) -> None:
    """Sections 6 and 7: the ratings table, each objective, and the improvement plan table."""
    out.heading(SECTIONS["objectives"], 1)
    rows = [[o.id, o.text, o.capability, ""] for o in report.objectives]
    t = out.table(["Id", "Objective", "Core capability", "Rating"], rows, [0.7, 3.1, 1.4, 1.3])
    for row, o in zip(t.rows[1:], report.objectives, strict=True):
        wf.rating(out, row.cells[3].paragraphs[0], o.rating)
    wf.rating_scale(out, report)
    source = {"facilitator": " (rated by the facilitator)", "observations": " (from observations)"}
    for o in report.objectives:
        out.heading(f"{o.id}: {o.capability}", 2)
        out.para(o.text, bold="Objective: ")
        p = out.para(bold="Rating: ")
        wf.rating(out, p, o.rating)
        out.run(p, source.get(o.rating_source, "").strip())
        if o.rating_note:
            out.para(o.rating_note)
        for s in o.strengths:
            out.bullet(s.text + _about(s), bold=f"{s.number}: ")
        for s in o.improvements:
            out.bullet(s.text + _about(s), bold=f"{s.number}: ")
            for label, text in wd.area_details(s):
                out.para(text, bold=f"{label}: ", style="ListBullet2")
        if o.decision_points:
            out.para("; ".join(o.decision_points), bold="Tested by: ")
    if report.other_observations:
        out.heading("Observations on no objective", 2)
        for s in report.other_observations:
            kind = "Strength: " if s.kind == "strength" else "Area for improvement: "
            out.bullet(s.text + _about(s), bold=kind)
    wf.plan_matrix(out, report)


def _about(s: ObservationView) -> str:
    """' (role, decision point) — Noted by ...' after an observation's text."""
    parts = [x for x in (s.role, wd.decision_point_words(s)) if x]
    return (f" ({', '.join(parts)})" if parts else "") + wd.noted_suffix(s.observer)


def appendix(out: Writer, report: AfterActionReport) -> None:
    """The appendices: participants, decision log, rulings, integrity, sources."""
    heads = appendix_sections(report)
    out.heading(heads["participants"], 1)
    out.table(tables.PARTICIPANTS_HEAD, tables.participant_rows(report))
    if report.proposers:
        out.heading(tables.PROPOSERS_TITLE, 2)
        out.table(tables.PROPOSERS_HEAD, tables.proposer_rows(report), [2, 4.5])
    if report.evaluators:
        out.heading(tables.EVALUATORS_TITLE, 2)
        out.table(tables.EVALUATORS_HEAD, tables.evaluator_rows(report), [4.5, 2])
    wf.staff(out, report)
    out.turn(WD_ORIENT.LANDSCAPE)  # nine columns: the log gets the long side of the page
    out.heading(heads["log"], 1)
    head = ["#", "Scenario", "Wall", "Kind", "Decision", "Role", "Option", "Verdict", "Text"]
    out.table(head, tables.log_rows(report), [0.4, 1, 0.75, 0.9, 0.8, 1.5, 1.3, 1.2, 2.7])
    out.turn(WD_ORIENT.PORTRAIT)
    if "rulings" in heads:
        out.heading(heads["rulings"], 1)
        for r in report.rulings:
            changes = "; ".join(r.changes) or "no fact changes"
            out.bullet(f"{r.ruling} ({changes})", bold=f"{wd.scenario(r.scenario_time)}: ")
    i = report.integrity
    out.heading(heads["integrity"], 1)
    rows = [
        ["Result", i.summary],
        ["Read from", i.source],
        ["Events in the log", str(i.events)],
        ["Verified and analysed", str(i.verified)],
        ["Head hash", i.head],
    ]
    signed = signature_words(i)
    if signed:
        rows.append(["Signature", signed])
    out.facts(rows)
    if i.unverified:
        out.heading("Events after the damage (not verified, not analysed)", 2)
        out.table(tables.UNVERIFIED_HEAD, tables.unverified_rows(report), [0.4, 1, 1.1, 3.5])
    if "sources" in heads:
        out.heading(heads["sources"], 1)
        for s in report.sources:
            out.bullet(s)
    if "acronyms" in heads:
        wf.acronyms(out, report, heads["acronyms"])

"""The improvement plan: the rows the facilitator logged, each linked to the area for
improvement it answers, and the draft rows the report proposes where the game calls for
one and nobody logged it (an objective rated M or U, an obligation open at the end).

A draft is marked as such in every format: it says what calls for it and leaves the
corrective action, the owner and the dates for the facilitator to agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from tabletop.model import events as ev
from tabletop.model.pack import Pack
from tabletop.report.model import ObjectiveAnalysis, ObligationView, ObservationView, PlanRow
from tabletop.report.words import RATING_LABELS, arose_words

TO_BE_AGREED = "To be agreed"
"""What a draft row says where only the facilitator can decide."""


def improvement_plan(
    pack: Pack,
    objectives: tuple[ObjectiveAnalysis, ...],
    logged: Sequence[ev.ImprovementPlanned],
    open_obligations: tuple[ObligationView, ...],
) -> tuple[tuple[ObjectiveAnalysis, ...], tuple[PlanRow, ...]]:
    """The objectives with each area for improvement linked to its plan rows, and the plan:
    the logged rows (IP-1, IP-2, ...) then the drafts (D-1, D-2, ...)."""
    by_seq = {s.seq: s for o in objectives for s in o.improvements if s.seq is not None}
    capability = {o.id: o.capability for o in objectives}
    rows = []
    for n, p in enumerate(logged, start=1):
        area = by_seq.get(p.addresses) if p.addresses is not None else None
        objective = p.objective or (area.objective if area else None)
        rows.append(
            PlanRow(
                number=f"IP-{n}",
                issue=p.issue,
                corrective_action=p.corrective_action,
                capability=capability.get(objective or "", ""),
                capability_element=p.capability_element,
                responsible_org=p.responsible_org,
                point_of_contact=p.point_of_contact,
                start_date=p.start_date,
                completion_date=p.completion_date,
                objective=objective,
                answers=area.number if area else None,
            )
        )
    linked = tuple(_linked(o, rows) for o in objectives)
    drafts = _rating_drafts(linked, rows) + _obligation_drafts(pack, linked, open_obligations)
    numbered = tuple(
        d.model_copy(update={"number": f"D-{n}"}) for n, d in enumerate(drafts, start=1)
    )
    return linked, (*rows, *numbered)


def _linked(objective: ObjectiveAnalysis, rows: list[PlanRow]) -> ObjectiveAnalysis:
    """The objective with each area for improvement given the rows that answer it: those
    naming it, or (when no row of this objective names an area) every row of the objective."""
    own = [r for r in rows if r.objective == objective.id]
    named = any(r.answers for r in own)

    def rows_for(area: ObservationView) -> tuple[str, ...]:
        if named:
            return tuple(r.number for r in own if r.answers == area.number)
        return tuple(r.number for r in own)

    improvements = tuple(
        a.model_copy(update={"plan_rows": rows_for(a)}) for a in objective.improvements
    )
    return objective.model_copy(update={"improvements": improvements})


def _rating_drafts(objectives: tuple[ObjectiveAnalysis, ...], rows: list[PlanRow]) -> list[PlanRow]:
    """A draft for each objective rated M or U that no logged row serves."""
    served = {r.objective for r in rows}
    out = []
    for o in objectives:
        if o.rating not in ("M", "U") or o.id in served:
            continue
        areas = [a for a in o.improvements if not a.plan_rows]
        issue = " ".join(f"{a.number}: {a.text}" for a in areas) or (
            "No area for improvement was noted: say what fell short."
        )
        out.append(
            PlanRow(
                number="",
                draft=True,
                prompted_by=f"{o.id} rated {o.rating}: {RATING_LABELS[o.rating]}",
                issue=issue,
                corrective_action=f"{TO_BE_AGREED}: what changes so that {o.id} is met next time",
                capability=o.capability,
                capability_element="planning",
                responsible_org=TO_BE_AGREED,
                point_of_contact=TO_BE_AGREED,
                start_date=None,
                completion_date=None,
                objective=o.id,
                answers=areas[0].number if areas else None,
            )
        )
    return out


def _obligation_drafts(
    pack: Pack, objectives: tuple[ObjectiveAnalysis, ...], owed: tuple[ObligationView, ...]
) -> list[PlanRow]:
    """A draft for each obligation open or late at the end: who discharges it, and when."""
    capability = {o.id: o.capability for o in objectives}
    tested_by = {d.id: d.objectives for d in pack.decision_points}
    out = []
    for ob in owed:
        objective = next(iter(tested_by.get(ob.decision_point, ())), None)
        state = f"late by {ob.late_by}" if ob.status == "late" else "open at the end"
        out.append(
            PlanRow(
                number="",
                draft=True,
                prompted_by=f"Obligation {state}",
                issue=f"{ob.text} Owed by {ob.owed_by} under {ob.citation} ({ob.deadline}), "
                f"{arose_words(ob)}.",
                corrective_action=f"{TO_BE_AGREED}: name the office that discharges this "
                "obligation and its deadline in the procedure for such decisions, and check "
                "it before the decision is taken",
                capability=capability.get(objective or "", ""),
                capability_element="planning",
                responsible_org=ob.owed_by,
                point_of_contact=TO_BE_AGREED,
                start_date=None,
                completion_date=None,
                objective=objective,
            )
        )
    return out

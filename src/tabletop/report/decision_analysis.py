"""Decision analysis per decision point, obligations, and mandate compliance per organisation."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import TypedDict

from tabletop.engine.deadlines import (
    STATUS_WORDS,
    due_at,
    overdue_words,
    status_in,
    status_of,
)
from tabletop.engine.state import ObligationState
from tabletop.mandates import wording as w
from tabletop.mandates.wording import deadline_words
from tabletop.model import events as ev
from tabletop.model.index import index_of
from tabletop.model.pack import DecisionPoint, Pack, Role
from tabletop.report.alternatives import Alternatives
from tabletop.report.consensus_view import consensus_view
from tabletop.report.model import (
    AmendmentView,
    ChoiceView,
    DecisionAnalysis,
    DecisionStatus,
    ObligationView,
    OrgCompliance,
    RejectionView,
)
from tabletop.report.walk import Walk
from tabletop.report.words import (
    action_words,
    actor_name,
    option_label,
    role_title,
    verdict_view,
)


class _Common(TypedDict):
    """The fields of a ChoiceView whether or not the role decided."""

    role: str
    role_title: str
    actor: str
    actor_name: str
    rejections: tuple[RejectionView, ...]


AT_DECISION = "on the facts as they stood when the decision was recorded"
AT_END = "on the facts at the end of the log (no decision was recorded)"


def obligation_view(pack: Pack, ob: ObligationState, clock: datetime) -> ObligationView:
    """An obligation, its deadline, and whether it was met in time (the clock at `clock`)."""
    met = ob.met
    dp = index_of(pack).decision_points.get(ob.decision_point)
    due, status = due_at(ob), status_of(ob, clock)
    late_by = ""
    if due is not None and status == "late":
        late_by = overdue_words(due, clock)
    elif due is not None and met is not None and status == "met_late":
        late_by = overdue_words(due, met.scenario_time)
    return ObligationView(
        id=ob.id,
        text=ob.due.text,
        citation=w.cite(ob.due.citation),
        owed_by=actor_name(pack, ob.actor),
        decision_point=ob.decision_point,
        decision_point_title=dp.title if dp else "",
        role=ob.role,
        role_title=role_title(pack, ob.role),
        met=met is not None,
        met_how=met.explanation if met else "",
        met_scenario_time=met.scenario_time if met else None,
        met_at=met.at if met else None,
        arose_scenario_time=ob.created_at,
        within_hours=ob.due.within_hours,
        deadline=deadline_words(ob.due.within_hours),
        deadline_note=ob.due.deadline_note,
        due_scenario_time=due,
        status=status,
        status_label=STATUS_WORDS[status],
        late_by=late_by,
    )


@dataclass
class _Context:
    """What every decision point's analysis looks up, indexed once."""

    pack: Pack
    walked: Walk
    alternatives: Alternatives
    obligations: dict[tuple[str, str], list[ObligationView]]
    deciders: dict[str, list[str]]
    rejections: dict[tuple[str, str], list[ev.DecisionRejected]]
    roles: dict[str, Role]
    phases: dict[str, str]


def analyse_decisions(
    pack: Pack, walked: Walk, alternatives: Alternatives
) -> tuple[DecisionAnalysis, ...]:
    """One analysis per decision point: the pack's in order, then any only the log knows."""
    state = walked.state
    known = {d.id for d in pack.decision_points}
    points: list[tuple[str, DecisionPoint | None]] = [(d.id, d) for d in pack.decision_points]
    extra = sorted({dp for dp, _ in state.decisions} | set(state.opened))
    points += [(dp_id, None) for dp_id in extra if dp_id not in known]
    ctx = _Context(
        pack, walked, alternatives, defaultdict(list), defaultdict(list), defaultdict(list),
        {r.id: r for r in pack.roles}, {p.id: p.title for p in pack.phases},
    )  # fmt: skip
    for ob in state.obligations.values():
        view = obligation_view(pack, ob, state.clock.time)
        ctx.obligations[(ob.decision_point, ob.role)].append(view)
    for dp_id, role in state.decisions:
        ctx.deciders[dp_id].append(role)
    for r in walked.rejections:
        ctx.rejections[(r.decision_point, r.role)].append(r)
    return tuple(_analysis(ctx, dp_id, dp) for dp_id, dp in points)


def _analysis(ctx: _Context, dp_id: str, dp: DecisionPoint | None) -> DecisionAnalysis:
    state = ctx.walked.state
    deciders = list(dp.deciders) if dp else []
    deciders += [r for r in ctx.deciders.get(dp_id, ()) if r not in deciders]
    opened = dp_id in state.opened
    choices = tuple(_choice(ctx, dp_id, dp, role, opened) for role in deciders)
    decided = sum(c.decided for c in choices)
    status: DecisionStatus
    if not opened and not decided:
        status = "not reached"
    elif decided == len(choices):
        status = "decided"
    else:
        status = "partly decided" if decided else "open"
    because, opened_time = ctx.walked.opened.get(dp_id, ("", None))
    return DecisionAnalysis(
        id=dp_id,
        title=dp.title if dp else dp_id,
        prompt=dp.prompt if dp else "(this decision point is not in the pack used for the report)",
        phase=ctx.phases.get(dp.phase, dp.phase) if dp else "",
        status=status,
        objectives=dp.objectives if dp else (),
        opened_because=because,
        opened_scenario_time=opened_time,
        time_box_minutes=dp.time_box_minutes if dp else None,
        choices=choices,
        rulings=tuple(r.ruling for r in ctx.walked.rulings if r.decision_point == dp_id),
        consensus=consensus_view(ctx.pack, state, dp) if dp else None,
    )


def _choice(
    ctx: _Context, dp_id: str, dp: DecisionPoint | None, role_id: str, opened: bool
) -> ChoiceView:
    pack, walked, state = ctx.pack, ctx.walked, ctx.walked.state
    key = (dp_id, role_id)
    role = ctx.roles.get(role_id)
    seat = state.seats.get(role_id)
    decision = state.decisions.get(key)
    actor = decision.actor if decision else (role.actor if role else seat.actor if seat else "")
    rejections = tuple(
        RejectionView(
            option=r.option,
            option_label=option_label(dp, r.option),
            verdict=verdict_view(pack, r.verdict),
            note=r.note,
            scenario_time=r.scenario_time,
            at=r.at,
        )
        for r in ctx.rejections.get(key, ())
    )
    common: _Common = {
        "role": role_id,
        "role_title": role.title if role else role_id,
        "actor": actor,
        "actor_name": actor_name(pack, actor),
        "rejections": rejections,
    }
    if decision is None:
        alts = ctx.alternatives.check(dp, role_id, None, state.facts) if opened else ()
        return ChoiceView(
            **common,
            participant=seat.participant if seat else None,
            decided=False,
            alternatives=alts,
            alternatives_on=AT_END if alts else "",
        )
    history = walked.rationales.get(key, [decision.rationale])
    amendments = tuple(
        AmendmentView(
            rationale_before=history[i] if i < len(history) else "",
            rationale=a.rationale,
            reason=a.reason,
            at=a.at,
        )
        for i, a in enumerate(decision.amendments)
    )
    option = next((o for o in dp.options if o.id == decision.option), None) if dp else None
    alts = walked.alternatives.get(key, ())
    return ChoiceView(
        **common,
        participant=walked.seated.get(key, seat.participant if seat else None),
        proposed_by=walked.proposed.get(key),
        decided=True,
        seq=decision.seq,
        option=decision.option,
        option_label=option.label if option else decision.option,
        action=action_words(pack, decision.action),
        outcome=option.outcome if option else "",
        rationale=decision.rationale,
        amendments=amendments,
        verdict=verdict_view(pack, decision.verdict),
        overridden=decision.overridden,
        justification=decision.justification,
        obligations=tuple(ctx.obligations.get(key, ())),
        alternatives=alts,
        alternatives_on=AT_DECISION if alts else "",
        scenario_time=decision.scenario_time,
        at=decision.at,
    )


def compliance(pack: Pack, walked: Walk) -> tuple[OrgCompliance, ...]:
    """Counts per organisation: permitted, with obligations, overridden, refused; obligations."""
    state = walked.state
    order: list[str] = []
    for role in pack.roles:
        if role.actor not in order:
            order.append(role.actor)
    role_actor = {r.id: r.actor for r in pack.roles}
    role_actor.update({s.role: s.actor for s in state.seats.values()})
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seats: dict[str, list[str]] = defaultdict(list)
    titles = {r.id: r.title for r in pack.roles}
    for role in pack.roles:
        seats[role.actor].append(role.title)
    for d in state.decisions.values():
        c = counts[d.actor]
        c["decisions"] += 1
        kind = "overridden" if d.overridden else d.verdict.kind
        c[kind] += 1
        if titles.get(d.role, d.role) not in seats[d.actor]:
            seats[d.actor].append(titles.get(d.role, d.role))
    for r in walked.rejections:
        counts[r.verdict.actor or role_actor.get(r.role, r.role)]["refused"] += 1
    for ob in state.obligations.values():
        counts[ob.actor][status_in(state, ob)] += 1  # open, met, late or met_late
    order += sorted(a for a in counts if a not in order)
    return tuple(
        OrgCompliance(
            actor=actor,
            actor_name=actor_name(pack, actor),
            roles=tuple(seats[actor]),
            decisions=counts[actor]["decisions"],
            permitted=counts[actor]["permitted"],
            with_obligations=counts[actor]["permitted_with_obligations"],
            overridden=counts[actor]["overridden"],
            refused=counts[actor]["refused"],
            obligations_met=counts[actor]["met"] + counts[actor]["met_late"],
            obligations_met_late=counts[actor]["met_late"],
            obligations_open=counts[actor]["open"] + counts[actor]["late"],
            obligations_late=counts[actor]["late"],
        )
        for actor in order
    )

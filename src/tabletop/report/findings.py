"""Key findings: the one page after the title that says how the game ended and what must
change, before the reader meets the evidence."""

from __future__ import annotations

from tabletop.engine.state import fact_to_json
from tabletop.mandates import wording as w
from tabletop.model.index import index_of
from tabletop.model.pack import Pack
from tabletop.report.model import (
    DecisionAnalysis,
    EndState,
    KeyFindings,
    ObjectiveAnalysis,
    ObligationView,
    OverrideFinding,
    RefusalFinding,
)
from tabletop.report.walk import Walk
from tabletop.report.words import plural, released_words, scenario, short_headline


def key_findings(
    pack: Pack,
    walked: Walk,
    decisions: tuple[DecisionAnalysis, ...],
    objectives: tuple[ObjectiveAnalysis, ...],
    open_obligations: tuple[ObligationView, ...],
) -> KeyFindings:
    """What the game came to, and every point an analyst must take up first."""
    return KeyFindings(
        end_state=_end_state(pack, walked),
        overrides=_overrides(pack, walked, decisions),
        refusals=tuple(
            RefusalFinding(
                scenario_time=r.scenario_time,
                decision_point=f"{a.id}: {a.title}",
                role=c.role_title,
                option=r.option_label,
                headline=short_headline(r.verdict.headline),
            )
            for a in decisions
            for c in a.choices
            for r in c.rejections
        ),
        obligations=open_obligations,
        not_rated=tuple(f"{o.id}: {o.capability}" for o in objectives if o.rating is None),
        unplanned=tuple(
            f"{s.number}: {s.text}" for o in objectives for s in o.improvements if not s.plan_rows
        ),
    )


def _end_state(pack: Pack, walked: Walk) -> EndState:
    state = walked.state
    index = index_of(pack)
    titles = {p.id: p.title for p in pack.phases}
    reached = [p for p in pack.phases if p.id in state.phases]
    where = titles.get(state.phases[-1], state.phases[-1]) if state.phases else "no phase"
    verb = "ended" if state.ended else "stands, not ended,"
    clock = (
        f"The game {verb} in {where} at {scenario(state.clock.time)} "
        f"({len(reached)} of {plural(len(pack.phases), 'phase')} reached)."
    )
    changed = []
    for fact_id, value in state.facts.items():
        before = state.initial_facts.get(fact_id)
        if before is None or fact_to_json(before) == fact_to_json(value):
            continue
        spec = index.facts.get(fact_id)
        kind = spec.type if spec else ""
        title = spec.title if spec else fact_id
        was, now = w.fact_words(index, before, kind), w.fact_words(index, value, kind)
        changed.append(f"{title}: {now} (at the start: {was})")
    injects = {i.id: i for i in pack.injects}
    branches, endings = [], []
    for d in walked.deliveries:
        inj = injects.get(d.inject)
        title = inj.title if inj else d.inject
        if d.how == "follow_on":
            branches.append(f"{title} ({d.inject}), {released_words(pack, d.because)}")
        if inj is not None and inj.ending:
            endings.append(f"{title} ({d.inject})")
    return EndState(
        clock=clock, facts_changed=tuple(changed), branches=tuple(branches), endings=tuple(endings)
    )


def _overrides(
    pack: Pack, walked: Walk, decisions: tuple[DecisionAnalysis, ...]
) -> tuple[OverrideFinding, ...]:
    index = index_of(pack)
    titles = {i.id: i.title for i in pack.injects}
    released = [d.inject for d in walked.deliveries if d.how == "follow_on"]
    out = []
    for a in decisions:
        dp = index.decision_points.get(a.id)
        for c in a.choices:
            if not c.overridden or c.verdict is None or c.seq is None:
                continue
            option = next((o for o in dp.options if o.id == c.option), None) if dp else None
            consequence = [c.outcome] if c.outcome else []
            followed = [i for i in released if option is not None and i in option.follow_ons]
            if followed:
                said = "; ".join(f"{titles.get(i, i)} ({i})" for i in followed)
                consequence.append(f"It released {said}.")
            out.append(
                OverrideFinding(
                    seq=c.seq,
                    decision_point=f"{a.id}: {a.title}",
                    role=c.role_title,
                    option=c.option_label,
                    justification=c.justification,
                    citation="; ".join(c.verdict.citations),
                    headline=short_headline(c.verdict.headline),
                    consequence=" ".join(consequence),
                )
            )
    return tuple(sorted(out, key=lambda f: f.seq))

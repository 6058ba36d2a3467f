"""Weighing one power or limit: its conditions, how near it came, the weight of its source;
and the nearest power when none permits the action."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from tabletop.mandates import wording as w
from tabletop.mandates.evaluate import Context, evaluate
from tabletop.mandates.frameworks import BINDING_INSTRUMENTS
from tabletop.mandates.requirements import requirement
from tabletop.mandates.substitute import bind_condition, bind_params
from tabletop.model.conditions import (
    Condition,
    ConsentOf,
    FactTest,
    RelationTest,
    Scalar,
    conditions_in,
)
from tabletop.model.verdict import ConditionResult, Ground, GroundKind, ObligationDue, Weight
from tabletop.model.world import BINDING_KINDS, Instrument, Limit, Power

if TYPE_CHECKING:
    from tabletop.mandates.action_check import Plan


def binding_first(grounds: list[Ground]) -> list[Ground]:
    """Grounds resting on binding instruments before statements and reports, else in the
    order weighed (the role's order of instruments)."""
    return sorted(grounds, key=lambda g: g.weight != "binding")


def nearest_power(
    ctx: Context, plan: Plan, powers: list[Ground], instruments: tuple[Instrument, ...]
) -> Ground | None:
    """The power that came closest to permitting the action: fewest unmet conditions the
    game cannot change (membership, territory, parties), then fewest unmet in all, then
    binding before statements, then the role's own order. Without a power of its own for
    this action, the nearest is one elsewhere in the pack (held by another actor, or in an
    instrument the role does not draw on), with that as its first unmet condition."""
    rules = {(inst.id, power.id): power for inst, power in plan.powers}
    candidates = list(powers) or elsewhere(ctx, plan, instruments)
    if not candidates:
        return None

    def fixed_unmet(g: Ground) -> int:
        power = rules.get((g.instrument, g.rule))
        barrier = 0
        if power is None:  # elsewhere: the barrier itself cannot change in the game
            barrier = 1
            inst = ctx.index.instruments[g.instrument]
            power = next(p for p in inst.powers if p.id == g.rule)
        return barrier + sum(
            not reads_facts(c) and not evaluate(ctx, c).holds for c in power.conditions
        )

    order = {id(g): n for n, g in enumerate(candidates)}
    return min(
        candidates,
        key=lambda g: (fixed_unmet(g), g.unmet or 0, g.weight != "binding", order[id(g)]),
    )


def reads_facts(condition: Condition) -> bool:
    """Whether a condition reads the world's facts (which the game can change)."""
    return any(isinstance(c, FactTest | RelationTest | ConsentOf) for c in conditions_in(condition))


def elsewhere(ctx: Context, plan: Plan, instruments: tuple[Instrument, ...]) -> list[Ground]:
    """Powers for this action type that the role cannot use: given to other actors by its
    own instruments, or in instruments of the pack it does not draw on."""
    role, atype = plan.role, plan.atype
    own = {i.id for i in instruments}
    actor = w.actor_name(ctx.index, role.actor)
    out = []
    for inst in ctx.index.instruments.values():
        for power in inst.powers:
            if atype.id not in power.actions:
                continue
            if inst.id in own:
                holders = w.join_or([w.actor_name(ctx.index, h) for h in power.holders])
                why = f"{w.instrument_short(inst)} gives this power to {holders}, not to {actor}"
            elif role.actor in inst.parties or not inst.parties:
                why = f"the {role.title} does not draw on {w.instrument_short(inst)}"
            else:
                why = f"{actor} is not a party to {w.instrument_short(inst)}"
            ground = weigh_rule(ctx, inst, power, "power", power.conditions)
            barrier = ConditionResult(holds=False, text=why)
            # The barrier, and the power's own conditions up to the first not met (what else
            # would stand in the way): the barrier first when one of them fails, else last,
            # so that the last condition is always one not met.
            weighed = ground.conditions
            shown = (barrier, *weighed) if not ground.applies else (*weighed, barrier)
            out.append(
                ground.model_copy(
                    update={
                        "applies": False,
                        "conditions": shown,
                        "unmet": (ground.unmet or 0) + 1,
                    }
                )
            )
    return out


def weight_of(ctx: Context, inst: Instrument, rule: Power | Limit) -> tuple[Weight, str | None]:
    """Whether a rule rests on a binding document, and the kind of its source: the rule's
    own citation's source, else the instrument's, else the instrument's kind."""
    source = ctx.index.sources.get(rule.citation.source or inst.source or "")
    if source is not None and source.kind != "other":
        return ("binding" if source.kind in BINDING_KINDS else "supporting"), source.kind
    return ("binding" if inst.kind in BINDING_INSTRUMENTS else "supporting"), None


def weigh_rule(
    ctx: Context,
    inst: Instrument,
    rule: Power | Limit,
    kind: GroundKind,
    conditions: tuple[Condition, ...],
) -> Ground:
    # Every condition is evaluated, to know how near the rule came; the ground keeps them
    # up to and including the first that failed, which is what the verdict explains.
    results = [evaluate(ctx, c) for c in conditions]
    first_failed = next((n for n, r in enumerate(results) if not r.holds), None)
    shown = results if first_failed is None else results[: first_failed + 1]
    if first_failed is not None:
        needed = requirement(
            ctx.index,
            bind_condition(conditions[first_failed], ctx.params),
            ctx.param_specs,
            actor=ctx.actor,
        )
        if needed != shown[-1].text:
            shown[-1] = shown[-1].model_copy(update={"needed": needed})
    weight, source_kind = weight_of(ctx, inst, rule)
    return Ground(
        instrument=inst.id,
        instrument_title=inst.title,
        kind=kind,
        rule=rule.id,
        summary=rule.summary,
        applies=first_failed is None,
        conditions=tuple(shown),
        citation=rule.citation,
        unmet=sum(not r.holds for r in results),
        weight=weight,
        source_kind=source_kind,
        caution=True if isinstance(rule, Limit) and rule.effect == "caution" else None,
    )


def obligations_of(
    ctx: Context, inst: Instrument, power: Power, actor: str, params: Mapping[str, Scalar]
) -> tuple[ObligationDue, ...]:
    return tuple(
        ObligationDue(
            key=f"{inst.id}/{power.id}/{ob.id}",
            instrument=inst.id,
            power=power.id,
            obligation=ob.id,
            text=ob.text,
            # Parameters are bound now: the obligation outlives the action it came from.
            discharged_by=tuple(bind_params(d, params) for d in ob.discharged_by),
            citation=ob.citation or power.citation,
            actor=actor,
            within_hours=ob.within_hours,
            deadline_note=ob.deadline_note,
        )
        for ob in power.obligations
    )

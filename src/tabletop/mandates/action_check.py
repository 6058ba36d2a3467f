"""check_action: may this role take this action, on the facts as they stand, and why."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tabletop.mandates import headlines
from tabletop.mandates import wording as w
from tabletop.mandates.bad_input import UnknownName
from tabletop.mandates.evaluate import Context, evaluate, evaluate_all
from tabletop.mandates.grounds import binding_first, nearest_power, obligations_of, weigh_rule
from tabletop.mandates.inputs import action_type_of, check_params, resolve_facts
from tabletop.model.conditions import (
    Condition,
    ConsentOf,
    FactTest,
    RelationTest,
    Scalar,
    conditions_in,
)
from tabletop.model.facts import Facts
from tabletop.model.index import PackIndex, index_of
from tabletop.model.pack import ActionSpec, Pack, Role
from tabletop.model.verdict import (
    ConditionResult,
    ObligationDue,
    Verdict,
)
from tabletop.model.world import (
    ActionType,
    Instrument,
    Limit,
    ParamSpec,
    Power,
    RelationFact,
)


def role_of(index: PackIndex, role_id: str) -> Role:
    """The role with this id, or UnknownName."""
    role = index.roles.get(role_id)
    if role is None:
        raise UnknownName("role", role_id, index.roles)
    return role


def instruments_of(index: PackIndex, role: Role) -> tuple[Instrument, ...]:
    """The instruments a role draws on, in the role's order."""
    out = []
    for inst_id in role.instruments:
        inst = index.instruments.get(inst_id)
        if inst is None:
            raise UnknownName(
                "instrument", inst_id, index.instruments, where=f"named by role '{role.id}'"
            )
        out.append(inst)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Plan:
    """What checking one action type for one role needs, worked out once per pack: the
    role, the action type and its parameters, and the limits and powers that could apply,
    in the order they are weighed."""

    role: Role
    atype: ActionType
    specs: dict[str, ParamSpec]
    instruments: tuple[Instrument, ...] | None
    """None when the role names an instrument the pack lacks (raised in its turn)."""
    limits: tuple[tuple[Instrument, Limit], ...]
    powers: tuple[tuple[Instrument, Power], ...]
    reads: tuple[str, ...] = ()
    """The facts the limits and powers read: the only ones a verdict depends on."""
    verdicts: dict[tuple[object, ...], Verdict] = field(default_factory=dict)
    """Verdicts already given, by parameters and the values of `reads` (see check_action)."""


_plans: weakref.WeakKeyDictionary[PackIndex, dict[tuple[str, str], Plan]] = (
    weakref.WeakKeyDictionary()
)
"""The verdict memory: per pack index (so it lives as long as the pack's index), the plan of
each role and action type checked so far, holding the verdicts already given."""
_plans_lock = threading.Lock()


def _plans_of(index: PackIndex) -> dict[tuple[str, str], Plan]:
    with _plans_lock:
        plans = _plans.get(index)
        if plans is None:
            plans = _plans[index] = {}
        return plans


def forget_verdicts(pack: Pack) -> None:
    """Clear the verdicts remembered for a pack (for tests and benchmarks that weigh each
    question afresh)."""
    for plan in _plans_of(index_of(pack)).values():
        plan.verdicts.clear()


def plan_for(index: PackIndex, role_id: str, action: ActionSpec) -> Plan:
    """The plan for a role and an action's type (remembered per pack index); raises for an
    unknown role, then for an unknown action type."""
    plans = _plans_of(index)
    plan = plans.get((role_id, action.type))
    if plan is not None:
        return plan
    role = role_of(index, role_id)
    atype = action_type_of(index, action)
    specs = {p.name: p for p in atype.params}
    try:
        instruments: tuple[Instrument, ...] | None = instruments_of(index, role)
    except UnknownName:
        instruments = None
    weighed = instruments or ()
    limits = tuple(
        (inst, rule)
        for inst in weighed
        for rule in inst.limits
        if _applies_to(rule, atype.id, role.actor)
    )
    powers = tuple(
        (inst, power)
        for inst in weighed
        for power in inst.powers
        if _applies_to(power, atype.id, role.actor)
    )
    conditions = [c for _, rule in limits for c in rule.applies_when]
    conditions += [c for _, power in powers for c in power.conditions]
    if not powers:  # the nearest power is then sought elsewhere in the pack (see elsewhere)
        conditions += [
            c
            for inst in index.instruments.values()
            for power in inst.powers
            if atype.id in power.actions
            for c in power.conditions
        ]
    reads = _facts_read(index, conditions)
    plan = Plan(role, atype, specs, instruments, limits, powers, reads=reads)
    if instruments is not None:
        plans[(role_id, action.type)] = plan
    return plan


def facts_weighed(pack: Pack, role_id: str, action: ActionSpec) -> tuple[str, ...]:
    """The ids of the facts the limits and powers for this role and action read, in the
    order first read: the only facts its verdict depends on (raises for an unknown role or
    action type)."""
    return plan_for(index_of(pack), role_id, action).reads


def facts_relied_on(pack: Pack, verdict: Verdict) -> tuple[str, ...]:
    """The ids of the facts read by the grounds that decided the verdict: the limits that
    bite, else each basis and each caution, else the nearest power (and any statement that
    agrees); none when nothing in the pack gives the power. A subset of facts_weighed."""
    index = index_of(pack)
    deciding = [g for g in verdict.grounds if g.kind == "limit" and g.applies]
    deciding += list(verdict.bases or ())
    if verdict.nearest is not None:
        deciding.append(verdict.nearest)
    conditions: list[Condition] = []
    for ground in deciding:
        inst = index.instruments.get(ground.instrument)
        rules = (*inst.powers, *inst.limits) if inst else ()
        rule = next((r for r in rules if r.id == ground.rule), None)
        if isinstance(rule, Power):
            conditions += rule.conditions
        elif isinstance(rule, Limit):
            conditions += rule.applies_when
    return _facts_read(index, conditions)


def check_action(pack: Pack, role_id: str, action: ActionSpec, facts: Facts) -> Verdict:
    """The verdict on a role taking an action given the facts; raises only for bad input."""
    index = index_of(pack)
    plan = plan_for(index, role_id, action)
    role, atype = plan.role, plan.atype
    params = check_params(index, atype, action.params, plan.specs)
    ctx = Context(index, resolve_facts(index, facts), params, plan.specs, role.actor)
    instruments = plan.instruments
    if instruments is None:
        instruments = instruments_of(index, role)  # raises: the role names an unknown one
    # A verdict is a function of the role, the action and the facts its rules read, and
    # verdicts are immutable: the same question asked again (the facilitator previews an
    # option, then records it) gets the same answer without weighing it again.
    key = (tuple(params.items()), tuple(ctx.facts.get(f) for f in plan.reads))
    verdict = plan.verdicts.get(key)
    if verdict is None:
        verdict = _weigh(ctx, plan, instruments, _clean(action, params))
        if len(plan.verdicts) >= _REMEMBERED:
            plan.verdicts.clear()
        plan.verdicts[key] = verdict
    return verdict


_REMEMBERED = 512
"""Verdicts kept per role and action type before the memory starts afresh."""


def _facts_read(index: PackIndex, conditions: Iterable[Condition]) -> tuple[str, ...]:
    """The ids of the facts the conditions read, in first-read order (a consent condition
    reads every relation fact marked as consent)."""
    out: dict[str, None] = {}
    for top in conditions:
        for cond in conditions_in(top):
            if isinstance(cond, FactTest):
                out[cond.fact] = None
            elif isinstance(cond, RelationTest):
                out[cond.relation] = None
            elif isinstance(cond, ConsentOf):
                for spec in index.facts.values():
                    if isinstance(spec, RelationFact) and spec.consent:
                        out[spec.id] = None
    return tuple(out)


def _weigh(
    ctx: Context, plan: Plan, instruments: tuple[Instrument, ...], clean: ActionSpec
) -> Verdict:
    """The verdict, worked out: every limit and every power is weighed. A limit that bites
    rules the action out, unless it rests only on a statement or report while a binding
    instrument permits the action (then it is a caution); every power that permits it is a
    basis, binding ones first; with none, the nearest power says what is missing."""
    role, atype = plan.role, plan.atype
    limits = [weigh_rule(ctx, inst, rule, "limit", rule.applies_when) for inst, rule in plan.limits]
    powers = [
        weigh_rule(ctx, inst, power, "power", power.conditions) for inst, power in plan.powers
    ]
    grounds = tuple(limits + powers)
    granting = binding_first([g for g in powers if g.applies])
    biting = binding_first([g for g in limits if g.applies and not g.caution])
    cautioning = [g for g in limits if g.applies and g.caution]
    binding_grant = any(g.weight == "binding" for g in granting)
    if biting and (biting[0].weight == "binding" or (granting and not binding_grant)):
        return headlines.outside_by_limits(ctx, role, clean, atype, grounds, tuple(biting))
    consulted = tuple(w.instrument_label(i) for i in instruments)
    if granting:
        cautioning += biting  # statements that a binding instrument outweighs
        by_rule = {(inst.id, power.id): (inst, power) for inst, power in plan.powers}
        dues: dict[str, ObligationDue] = {}
        for g in granting:
            inst, power = by_rule[(g.instrument, g.rule)]
            for due in obligations_of(ctx, inst, power, role.actor, ctx.params):
                dues.setdefault(due.key, due)
        return headlines.permitted(
            ctx, role, clean, grounds, tuple(granting), tuple(dues.values()), tuple(cautioning)
        ).model_copy(update={"consulted": consulted})
    nearest = nearest_power(ctx, plan, powers, instruments)
    related = () if plan.powers else related_powers(ctx, plan, instruments)
    if nearest is None:
        verdict = headlines.no_power(ctx, role, clean, atype, grounds, anywhere=True)
    elif not plan.powers and related and nearest.instrument not in {i.id for i in instruments}:
        # The nearest power is in an instrument the role does not draw on (often one that
        # binds other states): what the role's own instruments give for this kind of action
        # says more. A power of its own instruments held by others stays the nearest.
        verdict = headlines.no_power(ctx, role, clean, atype, grounds, related)
    else:
        elsewhere = None if plan.powers else atype
        verdict = headlines.outside_by_powers(ctx, role, clean, grounds, nearest, elsewhere)
    if biting:
        # Only statements or reports bite, and nothing binding permits the action: the
        # refusal rests on the missing power, and the statement is said as support.
        verdict = headlines.supported_by(verdict, tuple(biting))
    return verdict.model_copy(update={"consulted": consulted})


def related_powers(
    ctx: Context, plan: Plan, instruments: tuple[Instrument, ...]
) -> tuple[str, ...]:
    """What the role's instruments give its actor for other actions of the same category
    as this one: 'peacekeeping deployment (Agreement on … 2007)', at most three."""
    atype = plan.atype
    out: dict[str, str] = {}
    for inst in instruments:
        for power in inst.powers:
            if power.holders and plan.role.actor not in power.holders:
                continue
            for action in power.actions:
                other = ctx.index.action_types.get(action)
                if other is None or action == atype.id or other.category != atype.category:
                    continue
                title = other.title[:1].lower() + other.title[1:]
                out.setdefault(action, f"{title} ({w.cite(power.citation)})")
    return tuple(out.values())[:3]


def _clean(action: ActionSpec, params: dict[str, Scalar]) -> ActionSpec:
    """The action with its parameters as checked, in the action type's order: a copy of
    its own, as the verdict is remembered and the caller's parameters are a dict."""
    return ActionSpec(type=action.type, params=dict(params))


def _applies_to(rule: Power | Limit, action_type: str, actor: str) -> bool:
    return action_type in rule.actions and (not rule.holders or actor in rule.holders)


def explain(
    pack: Pack,
    condition: Condition,
    facts: Facts,
    params: Mapping[str, Scalar] | None = None,
) -> ConditionResult:
    """Whether a condition holds on the facts (and parameters, if any), in words."""
    index = index_of(pack)
    return evaluate(Context(index, resolve_facts(index, facts), dict(params or {})), condition)


def explain_all(
    pack: Pack,
    conditions: tuple[Condition, ...],
    facts: Facts,
    params: Mapping[str, Scalar] | None = None,
) -> tuple[ConditionResult, ...]:
    """Conditions evaluated in order, up to and including the first that fails."""
    index = index_of(pack)
    return evaluate_all(Context(index, resolve_facts(index, facts), dict(params or {})), conditions)


def holds(
    pack: Pack,
    condition: Condition,
    facts: Facts,
    params: Mapping[str, Scalar] | None = None,
) -> bool:
    """Whether a condition holds on the facts (inject triggers, open_when)."""
    return explain(pack, condition, facts, params).holds

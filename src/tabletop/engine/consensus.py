"""Consensus decisions: choices held until every required decider has chosen, then one
outcome (the option they agreed on, nothing, or the pack's fallback) taking effect once.

A choice towards a consensus is logged as it is made (`DecisionRecorded` with `consensus`),
with its verdict, override or refusal as for any choice; only a choice that stands counts
(a rejected proposal does not: the role still has to choose). When the last required
decider's choice stands, `ConsensusConcluded` says who chose what and what took effect.
"""

from __future__ import annotations

from collections import Counter

from tabletop.engine.cascade import Taken, discharge, release
from tabletop.engine.draft import Draft
from tabletop.engine.fact_changes import fact_changes
from tabletop.engine.state import SessionState
from tabletop.model import events as ev
from tabletop.model.pack import DecisionPoint, Fallback, Option


def awaits_consensus(dp: DecisionPoint, role: str) -> bool:
    """True when this role's choice at this decision point counts towards a consensus."""
    return role in dp.consensus_of


def pending_consensus(state: SessionState, dp: DecisionPoint) -> tuple[str, ...]:
    """The required deciders who have not chosen yet, in the pack's order."""
    return tuple(r for r in dp.consensus_of if (dp.id, r) not in state.decisions)


def conclude_if_complete(d: Draft, dp: DecisionPoint) -> ev.ConsensusConcluded | None:
    """Once every required decider has chosen (and not before, nor twice): log how the
    consensus concluded and let its outcome take effect."""
    if dp.consensus is None or dp.id in d.state.consensus or pending_consensus(d.state, dp):
        return None
    decisions = [d.state.decisions[(dp.id, r)] for r in dp.consensus_of]
    choices = tuple(ev.ConsensusChoice(role=x.role, option=x.option) for x in decisions)
    counts = Counter(x.option for x in decisions)
    order = {o.id: i for i, o in enumerate(dp.options)}
    leading = min(counts, key=lambda o: (-counts[o], order.get(o, len(order))))
    agreed = tuple(x.role for x in decisions if x.option == leading)
    blocked = tuple(x.role for x in decisions if x.option != leading)
    options = {o.id: o for o in dp.options}
    taking: Option | None
    if not blocked:
        outcome: ev.ConsensusOutcome = "agreed"
        taking = options.get(leading)
    elif isinstance(dp.consensus.otherwise, Fallback):
        outcome, taking = "fallback", options.get(dp.consensus.otherwise.fallback)
    else:
        outcome, taking = "no_decision", None
    changes = (
        fact_changes(d.pack, d.state.facts, taking.effects, taking.action.params) if taking else ()
    )
    event = d.emit(
        ev.ConsensusConcluded,
        decision_point=dp.id,
        outcome=outcome,
        option=taking.id if taking else None,
        choices=choices,
        leading=leading,
        agreed=agreed,
        blocked=blocked,
        changes=changes,
    )
    if taking is None:
        return event
    because = (
        f"{dp.id}: consensus on {taking.id}"
        if outcome == "agreed"
        else f"{dp.id}: no consensus ({', '.join(blocked)} chose otherwise); fallback {taking.id}"
    )
    for inject_id in taking.follow_ons:
        inject = d.inject(inject_id)
        if inject is not None:
            release(d, inject, "follow_on", because)
    if outcome == "agreed":
        seq = d.state.event_count
        discharge(d, tuple(Taken(seq, x.actor, x.action, dp.id, x.role) for x in decisions))
    return event

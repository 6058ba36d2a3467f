"""Commands on decisions: record (with the mandate verdict), reject, amend."""

from __future__ import annotations

from datetime import datetime

from tabletop.engine.cascade import Taken, discharge, release, settle
from tabletop.engine.consensus import awaits_consensus, conclude_if_complete
from tabletop.engine.draft import Draft, Outcome, Refusal, command
from tabletop.engine.fact_changes import fact_changes
from tabletop.engine.lifecycle import guard
from tabletop.engine.provenance import traced
from tabletop.engine.state import SessionState
from tabletop.mandates import check_action
from tabletop.model import events as ev
from tabletop.model.index import index_of
from tabletop.model.pack import DecisionPoint, Option, Pack
from tabletop.model.verdict import Verdict


def _choice(
    state: SessionState, pack: Pack, dp_id: str, role: str, option_id: str
) -> tuple[DecisionPoint, Option] | Refusal:
    """The decision point and option, if this role may choose that option now."""
    if refusal := guard(state):
        return refusal
    dp = index_of(pack).decision_points.get(dp_id)
    if dp is None:
        return Refusal("unknown-decision", f"there is no decision point '{dp_id}'")
    if role not in dp.deciders:
        return Refusal(
            "not-asked",
            f"role '{role}' is not asked at {dp_id} (deciders: {', '.join(dp.deciders)})",
        )
    if dp_id not in state.opened:
        return Refusal("not-open", f"decision point {dp_id} has not been opened yet")
    if (dp_id, role) in state.decisions:
        return Refusal(
            "decided",
            f"role '{role}' has already decided at {dp_id}; correct the rationale with an "
            "amendment, or rule on the outcome with an adjudication",
        )
    option = next((o for o in dp.options if o.id == option_id), None)
    if option is None:
        known = ", ".join(o.id for o in dp.options)
        return Refusal("unknown-option", f"{dp_id} has no option '{option_id}' (options: {known})")
    if option.for_roles and role not in option.for_roles:
        return Refusal("not-offered", f"option '{option_id}' at {dp_id} is not offered to '{role}'")
    return dp, option


def verdict_for(state: SessionState, pack: Pack, role: str, option: Option) -> Verdict:
    """The mandate verdict on this option for this role, on the facts as they stand, with
    where each fact it relies on came from in the game."""
    verdict = check_action(pack, role, option.action, state.facts)
    return traced(verdict, state, pack)


@command
def record_decision(
    state: SessionState,
    pack: Pack,
    decision_point: str,
    role: str,
    option: str,
    rationale: str = "",
    *,
    justification: str | None = None,
    proposed_by: str | None = None,
    now: datetime,
) -> Outcome:
    """Record a role's choice with its verdict; outside mandate it needs an override.

    With `justification` set, a choice outside mandate is recorded as overridden; without
    it, it is refused and nothing is logged. A choice within mandate ignores it.
    `proposed_by`: the participant whose proposal from their seat this records.
    """
    found = _choice(state, pack, decision_point, role, option)
    if isinstance(found, Refusal):
        return found
    dp, chosen = found
    if dp.rationale_required and not rationale.strip():
        return Refusal("no-rationale", f"{decision_point} needs the players' rationale")
    verdict = verdict_for(state, pack, role, chosen)
    outside = verdict.kind == "outside_mandate"
    if outside and justification is None:
        headline = verdict.headline.removeprefix("Outside mandate: ").rstrip(".")
        return Refusal(
            "outside-mandate",
            f"outside mandate: {headline}; override with a justification or record it as rejected",
            verdict,
        )
    if outside and not (justification or "").strip():
        return Refusal("no-justification", "an override needs a written justification", verdict)
    d = Draft(state, pack, now)
    if outside:
        d.emit(
            ev.MandateOverridden,
            decision_point=decision_point,
            role=role,
            option=option,
            verdict=verdict,
            justification=justification,
        )
    params = chosen.action.params
    held = awaits_consensus(dp, role)
    d.emit(
        ev.DecisionRecorded,
        decision_point=decision_point,
        role=role,
        actor=verdict.actor,
        option=option,
        action=chosen.action,
        rationale=rationale,
        verdict=verdict,
        overridden=outside,
        changes=() if held else fact_changes(pack, d.state.facts, chosen.effects, params),
        proposed_by=proposed_by or None,
        consensus=True if held else None,
    )
    if held:
        conclude_if_complete(d, dp)
        settle(d)
        return d.change()
    taken = Taken(d.state.event_count, verdict.actor, chosen.action, decision_point, role)
    because = f"{decision_point}: {role} chose {option}"
    for inject_id in chosen.follow_ons:
        inject = d.inject(inject_id)
        if inject is not None:
            release(d, inject, "follow_on", because)
    discharge(d, (taken,))
    settle(d)
    return d.change()


@command
def reject_decision(
    state: SessionState,
    pack: Pack,
    decision_point: str,
    role: str,
    option: str,
    note: str = "",
    *,
    now: datetime,
) -> Outcome:
    """Log a choice refused as outside mandate; the role still has to decide."""
    found = _choice(state, pack, decision_point, role, option)
    if isinstance(found, Refusal):
        return found
    _dp, chosen = found
    verdict = verdict_for(state, pack, role, chosen)
    if verdict.kind != "outside_mandate":
        return Refusal(
            "within-mandate",
            f"'{option}' is within {role}'s mandate ({verdict.label}); record it instead",
            verdict,
        )
    d = Draft(state, pack, now)
    d.emit(
        ev.DecisionRejected,
        decision_point=decision_point,
        role=role,
        option=option,
        action=chosen.action,
        verdict=verdict,
        note=note,
    )
    return d.change()


@command
def amend_decision(
    state: SessionState,
    pack: Pack,
    decision_point: str,
    role: str,
    rationale: str,
    reason: str,
    *,
    now: datetime,
) -> Outcome:
    """Correct a recorded decision's rationale. The option cannot be changed: the world has
    moved on from it; rule on the outcome with an adjudication instead."""
    if refusal := guard(state):
        return refusal
    if (decision_point, role) not in state.decisions:
        return Refusal("not-decided", f"role '{role}' has recorded no decision at {decision_point}")
    if not reason.strip():
        return Refusal("no-reason", "say why the rationale is corrected")
    dp = index_of(pack).decision_points.get(decision_point)
    if dp is not None and dp.rationale_required and not rationale.strip():
        return Refusal("no-rationale", f"{decision_point} needs the players' rationale")
    d = Draft(state, pack, now)
    d.emit(
        ev.DecisionAmended,
        decision_point=decision_point,
        role=role,
        rationale=rationale,
        reason=reason,
    )
    return d.change()

"""Obligations after the action: which are met, and what would meet them, in words."""

from __future__ import annotations

from collections.abc import Iterable

from tabletop.mandates.evaluate import Context, evaluate
from tabletop.mandates.inputs import resolve_facts
from tabletop.mandates.requirements import requirement
from tabletop.mandates.wording import actor_name
from tabletop.model.facts import Facts
from tabletop.model.index import index_of
from tabletop.model.pack import ActionSpec, Pack
from tabletop.model.verdict import ObligationDue
from tabletop.model.world import Discharge

ActionsTaken = Iterable[tuple[str, ActionSpec]]
"""(actor id, action) pairs taken since the obligation arose, in order."""


def is_discharged(
    pack: Pack, due: ObligationDue, facts: Facts, actions_taken: ActionsTaken = ()
) -> bool:
    """Whether any of the obligation's discharges is met by the facts or a later action."""
    return discharged_by(pack, due, facts, actions_taken) is not None


def discharged_by(
    pack: Pack, due: ObligationDue, facts: Facts, actions_taken: ActionsTaken = ()
) -> Discharge | None:
    """The first discharge of the obligation that is met, or None while it is open."""
    taken = tuple(actions_taken)
    index = index_of(pack)
    ctx: Context | None = None
    for discharge in due.discharged_by:
        if discharge.action is not None:
            if any(
                spec.type == discharge.action and (due.actor is None or actor == due.actor)
                for actor, spec in taken
            ):
                return discharge
        elif discharge.when is not None:
            ctx = ctx or Context(index, resolve_facts(index, facts))
            if evaluate(ctx, discharge.when).holds:
                return discharge
    return None


def open_obligations(
    pack: Pack, dues: Iterable[ObligationDue], facts: Facts, actions_taken: ActionsTaken = ()
) -> tuple[ObligationDue, ...]:
    """The obligations, in order, that nothing has met yet."""
    taken = tuple(actions_taken)
    return tuple(d for d in dues if not is_discharged(pack, d, facts, taken))


def describe_discharge(pack: Pack, discharge: Discharge, actor: str | None = None) -> str:
    """What meets an obligation, in words ('once the CSTO has informed the UN Security Council')."""
    index = index_of(pack)
    if discharge.action is not None:
        atype = index.action_types.get(discharge.action)
        title = atype.title if atype else discharge.action.replace("_", " ")
        who = actor_name(index, actor) if actor else "the actor that owes it"
        return f"when {who} takes the action '{title}'"
    if discharge.when is not None:
        return "once " + requirement(index, discharge.when)
    return "nothing"

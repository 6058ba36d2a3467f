"""The report's account of a decision taken by consensus: who agreed, who blocked and with
what choice, and what took effect, in one sentence every format prints the same."""

from __future__ import annotations

from tabletop.engine.consensus import pending_consensus
from tabletop.engine.state import SessionState
from tabletop.mandates.wording import join_and
from tabletop.model.pack import DecisionPoint, Pack
from tabletop.report.decision_views import ConsensusView
from tabletop.report.words import option_label, role_title


def consensus_view(pack: Pack, state: SessionState, dp: DecisionPoint) -> ConsensusView | None:
    """How the consensus at `dp` stood at the end of the log (None for a decision point
    without one, or one never opened)."""
    if dp.consensus is None or (dp.id not in state.opened and dp.id not in state.consensus):
        return None
    required = tuple(role_title(pack, r) for r in dp.consensus_of)
    done = state.consensus.get(dp.id)
    if done is None:
        waiting = tuple(role_title(pack, r) for r in pending_consensus(state, dp))
        chosen = [
            f"{role_title(pack, r)} chose '{option_label(dp, state.decisions[(dp.id, r)].option)}'"
            for r in dp.consensus_of
            if (dp.id, r) in state.decisions
        ]
        so_far = f"; so far {'; '.join(chosen)}" if chosen else ""
        words = f"pending: waiting for {join_and(waiting)}{so_far}; nothing has taken effect."
        return ConsensusView(outcome="pending", required=required, waiting_for=waiting, words=words)
    choice = {c.role: c.option for c in done.choices}
    agreed = tuple(role_title(pack, r) for r in done.agreed)
    blocked = tuple(
        f"{role_title(pack, r)} (chose: {option_label(dp, choice.get(r, ''))})"
        for r in done.blocked
    )
    taken = option_label(dp, done.option) if done.option else None
    leading = option_label(dp, done.leading)
    if done.outcome == "agreed":
        words = f"agreed: {join_and(agreed)} all chose '{leading}', which took effect."
    else:
        then = f"the fallback '{taken}' took effect" if taken else "no decision took effect"
        words = (
            f"not reached: {join_and(blocked)} blocked '{leading}', chosen by "
            f"{join_and(agreed)}; {then}."
        )
    return ConsensusView(
        outcome=done.outcome,
        required=required,
        agreed=agreed,
        blocked=blocked,
        took_effect=taken,
        words=words,
    )

"""Expectations of consensus decisions: pending, or concluded as the script says."""

from __future__ import annotations

from tabletop.engine.state import SessionState
from tabletop.model.script import ConsensusExpect, Expect

Miss = tuple[str, str, str]
"""A failed expectation: its key under `expect`, what was expected, what was found."""


def consensus_mismatches(expect: Expect, state: SessionState) -> list[Miss]:
    """Each consensus decision named whose standing is not the one expected."""
    out: list[Miss] = []
    for dp, wanted in expect.consensus.items():
        out.extend(_one(f"consensus/{dp}", dp, wanted, state))
    return out


def _names(roles: tuple[str, ...]) -> str:
    return ", ".join(roles) if roles else "nobody"


def _one(key: str, dp: str, wanted: ConsensusExpect, state: SessionState) -> list[Miss]:
    done = state.consensus.get(dp)
    if done is None:
        if dp not in state.opened:
            return [(key, wanted.outcome, f"{dp} has not been opened")]
        if wanted.outcome != "pending":
            return [(key, wanted.outcome, "it is still pending")]
        waiting = state.open_decisions[dp].waiting if dp in state.open_decisions else ()
        if wanted.waiting_for is not None and sorted(wanted.waiting_for) != sorted(waiting):
            return [(f"{key}/waiting_for", _names(wanted.waiting_for), f"{_names(waiting)}")]
        return []
    out: list[Miss] = []
    if wanted.outcome != done.outcome:
        out.append((f"{key}/outcome", wanted.outcome, f"it concluded {done.outcome}"))
    if wanted.option is not None and wanted.option != done.option:
        took = f"'{done.option}' took effect" if done.option else "no option took effect"
        out.append((f"{key}/option", wanted.option, took))
    if wanted.blocked_by is not None and sorted(wanted.blocked_by) != sorted(done.blocked):
        blocked = f"blocked by {_names(done.blocked)}" if done.blocked else "nobody blocked"
        out.append((f"{key}/blocked_by", _names(wanted.blocked_by), f"it was {blocked}"))
    return out

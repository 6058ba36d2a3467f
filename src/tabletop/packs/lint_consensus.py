"""Lint: consensus decision points. A consensus names its deciders and its fallback by id,
and the engine takes them as written, so each must be one the decision point has; and an
option offered to only some of the deciders whose consensus is needed can never be agreed.
"""

from __future__ import annotations

from tabletop.model import Pack
from tabletop.model.pack import Consensus, DecisionPoint, Fallback
from tabletop.packs.lint_base import Finding, Index, error, warning


def check_consensus(pack: Pack, index: Index) -> list[Finding]:
    """Unknown or non-deciding roles in a consensus, an unknown fallback, a consensus of
    one role, and options its deciders cannot all choose."""
    out: list[Finding] = []
    for i, dp in enumerate(pack.decision_points):
        if dp.consensus is not None:
            out += _one(dp, dp.consensus, f"/decision_points/{i}", index)
    return out


def _one(dp: DecisionPoint, consensus: Consensus, base: str, index: Index) -> list[Finding]:
    out = []
    what = f"the consensus of '{dp.id}'"
    for k, role in enumerate(consensus.of):
        ptr = f"{base}/consensus/of/{k}"
        if role not in index.roles:
            hint = index.hint_for("roles", role)
            out.append(error("unknown-role", ptr, f"{what} names unknown role '{role}'", hint))
        elif role not in dp.deciders:
            out.append(
                error(
                    "consensus-not-decider",
                    ptr,
                    f"{what} needs '{role}', who does not decide '{dp.id}'",
                    f"Add '{role}' to the deciders or remove it here. "
                    f"Deciders: {', '.join(dp.deciders)}.",
                )
            )
    needed = set(dp.consensus_of)
    if len(needed) < 2:
        out.append(
            warning(
                "consensus-of-one",
                f"{base}/consensus",
                f"{what} needs {len(needed)} role: a consensus of one is that role's decision",
                'Name two deciders or more in "of" (or leave it out for all of them), or '
                "drop the consensus.",
            )
        )
    options = [o.id for o in dp.options]
    otherwise = consensus.otherwise
    fallback = otherwise.fallback if isinstance(otherwise, Fallback) else None
    if fallback is not None and fallback not in options:
        out.append(
            error(
                "unknown-option",
                f"{base}/consensus/otherwise/fallback",
                f"{what} falls back on unknown option '{fallback}'",
                index.suggest(fallback, options, f"in the options of '{dp.id}'"),
            )
        )
    for j, option in enumerate(dp.options):
        if not option.for_roles or option.id == fallback:
            continue
        left_out = [r for r in dp.consensus_of if r not in option.for_roles]
        if left_out and needed <= set(dp.deciders):
            out.append(
                warning(
                    "consensus-never-agreed",
                    f"{base}/options/{j}/for_roles",
                    f"option '{option.id}' of '{dp.id}' is not offered to "
                    f"{', '.join(repr(r) for r in left_out)}, whose consensus it needs: "
                    "they can never all choose it",
                    "Offer it to every decider the consensus needs, or make it the "
                    'fallback, or leave those deciders out of "of".',
                )
            )
    return out

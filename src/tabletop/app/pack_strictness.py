"""`tabletop validate --strict`: a pack held to the shipped packs' rules.

The rules that read the pack alone live in `tabletop.packs.strict`; the one that needs the
mandate engine lives here, where both the pack loader and the engine may be used: every
option, for every role that may choose it, gets a verdict on the facts the game starts
with, so the facilitator never meets an option the engine cannot weigh.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from tabletop.mandates import MandateError, check_action
from tabletop.model import Pack
from tabletop.model.facts import initial_facts
from tabletop.packs.lint_base import Finding, error
from tabletop.packs.loader import LoadResult, load_pack
from tabletop.packs.strict import check_strict


def load_strictly(path: str | Path) -> LoadResult:
    """Load a pack with the strict rules added to the lint (their findings are errors)."""
    return load_pack(path, strict_rules)


def strict_rules(pack: Pack, lint: Sequence[Finding] = ()) -> list[Finding]:
    """Every strict finding of a merged pack; an option the lint already faults (`lint`)
    is not weighed again."""
    faulted = tuple(f.pointer + "/" for f in lint if f.severity == "error")
    return [*check_strict(pack), *unweighable_options(pack, faulted)]


def unweighable_options(pack: Pack, faulted: tuple[str, ...] = ()) -> Iterator[Finding]:
    """Options the mandate engine cannot give a verdict on, for a role that may choose
    them, on the starting facts (skipping options under a pointer in `faulted`)."""
    facts = initial_facts(pack)
    for i, dp in enumerate(pack.decision_points):
        for j, option in enumerate(dp.options):
            where = f"/decision_points/{i}/options/{j}/"
            if any(p.startswith(where) or where.startswith(p) for p in faulted):
                continue
            for role in option.for_roles or dp.deciders:
                try:
                    check_action(pack, role, option.action, facts)
                except MandateError as exc:
                    yield error(
                        "strict-unchecked-option",
                        f"/decision_points/{i}/options/{j}/action",
                        f"option '{option.id}' of '{dp.id}' cannot be weighed for role "
                        f"'{role}' on the starting facts: {exc}",
                        "Give the action the parameters its action type needs, with values "
                        "of the right kind, so the mandate engine can give a verdict.",
                    )

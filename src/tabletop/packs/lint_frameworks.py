"""Lint of the conditions on what frames an action: a state's consent, an agreement
between the parties, and figures (the numbers instruments state) compared with values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tabletop.jsonloc.diagnostics import shown
from tabletop.model.conditions import AgreementBetween, ConsentOf, FigureRef
from tabletop.packs.lint_base import Site

if TYPE_CHECKING:  # lint_values calls in here; the import is for the checker only
    from tabletop.packs.lint_values import Values

FIGURE_OPS = ("==", "!=", "<", "<=", ">", ">=")
"""Operators a figure is compared with."""


def check_consent(v: Values, cond: ConsentOf, ptr: str, site: Site) -> None:
    """A consent condition names actors, has an acting actor, and has facts to read."""
    v.actor(cond.consent_of, f"{ptr}/consent_of", site)
    if cond.to is not None:
        v.actor(cond.to, f"{ptr}/to", site)
    elif site.actions is None:
        v.add(
            "param-outside-power",
            f"{ptr}/consent_of",
            f"{site.where} asks for consent to the acting actor (no 'to'), but it is not "
            "about an action, so no one acts",
            "Name who needs the consent in 'to'.",
        )
    # An error, not a warning: without such a fact no one's consent can ever be recorded,
    # so every verdict that needs it would be 'outside mandate' whatever the game does.
    if not v.ix.consent_facts:
        v.add(
            "no-consent-fact",
            f"{ptr}/consent_of",
            "'consent_of' reads the relation facts marked as consent, and there is none: "
            "it could only hold for a state acting on its own territory",
            'Mark the relation that records requests or consents with "consent": true, or add one.',
        )


def check_agreement(v: Values, cond: AgreementBetween, ptr: str, site: Site) -> None:
    """The parties of an agreement condition are actors; what it covers are action types."""
    for i, ref in enumerate(cond.agreement_between):
        v.actor(ref, f"{ptr}/agreement_between/{i}", site)
    for i, action in enumerate(cond.covering):
        if action not in v.ix.action_types:
            v.add(
                "unknown-action-type",
                f"{ptr}/covering/{i}",
                f"'agreement_between' covers unknown action type '{shown(action)}'",
                v.ix.hint_for("action_types", action),
            )


def check_figure_comparison(
    v: Values, kind: str, op: str, value: FigureRef, ptr: str, code: str
) -> None:
    """A figure exists and is compared, as a number, with a whole-number fact or parameter
    (`code`: 'fact-type' for a fact, 'param-type' for a parameter)."""
    if value.figure not in v.ix.figures:
        v.add(
            "unknown-figure",
            f"{ptr}/value/figure",
            f"unknown figure '{shown(value.figure)}'",
            v.ix.hint_for("figures", value.figure),
        )
    subject = "fact" if code == "fact-type" else "parameter"
    if kind != "int":
        v.add(
            code,
            f"{ptr}/value",
            f"a figure is a number, but this {subject} is {kind}",
            "Compare a figure with a whole-number fact or parameter.",
        )
    elif op not in FIGURE_OPS:
        v.add(
            "bad-op",
            f"{ptr}/op",
            f"operator '{op}' does not apply to a figure",
            f"Use one of: {', '.join(FIGURE_OPS)}.",
        )

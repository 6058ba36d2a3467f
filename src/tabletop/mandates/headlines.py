"""Turning the grounds the engine weighed into a Verdict with a headline and reasons."""

from __future__ import annotations

from collections.abc import Iterable

from tabletop.mandates import wording as w
from tabletop.mandates.evaluate import Context
from tabletop.model.pack import ActionSpec, Role
from tabletop.model.verdict import Ground, ObligationDue, Verdict
from tabletop.model.world import ActionType, Citation, Instrument


def _citations(items: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(items))


def permitted(
    ctx: Context,
    role: Role,
    action: ActionSpec,
    atype: ActionType,
    grounds: tuple[Ground, ...],
    basis: Ground,
    dues: tuple[ObligationDue, ...],
) -> Verdict:
    """Permitted by the basis power, with its obligations if it has any."""
    summary = w.strip_stop(basis.summary)
    headline = f"Permitted under {w.cite(basis.citation)}: {summary}"
    if dues:
        owed = w.join_and([w.strip_stop(d.text) for d in dues])
        noun = "an obligation" if len(dues) == 1 else "obligations"
        headline = f"Permitted under {w.cite(basis.citation)}, with {noun}: {owed}"
    reasons = [w.capitalise(r.text) for r in basis.conditions] or [w.capitalise(summary)]
    return Verdict(
        role=role.id,
        actor=role.actor,
        action=action,
        kind="permitted_with_obligations" if dues else "permitted",
        headline=w.sentence(headline),
        basis=basis,
        grounds=grounds,
        reasons=tuple(dict.fromkeys(reasons)),
        citations=_citations([basis.citation, *(d.citation for d in dues)]),
        obligations=dues,
    )


def outside_by_limits(
    ctx: Context,
    role: Role,
    action: ActionSpec,
    atype: ActionType,
    grounds: tuple[Ground, ...],
    biting: tuple[Ground, ...],
) -> Verdict:
    """Ruled out by one or more limits, which win over any power."""
    reasons: list[str] = []
    for g in biting:
        reasons.append(w.strip_stop(g.summary))
        reasons.extend(w.capitalise(r.text) for r in g.conditions)
    first = biting[0]
    why = w.join_and([r.text for r in first.conditions])
    headline = f"Outside mandate under {w.cite(first.citation)}: {w.strip_stop(first.summary)}"
    headline += f" ({why})" if why else ""
    for g in biting[1:]:
        headline += f"; also {w.cite(g.citation)}: {w.strip_stop(g.summary)}"
    return Verdict(
        role=role.id,
        actor=role.actor,
        action=action,
        kind="outside_mandate",
        headline=w.sentence(headline),
        grounds=grounds,
        reasons=tuple(dict.fromkeys(reasons)),
        citations=_citations(g.citation for g in biting),
    )


def outside_by_powers(
    ctx: Context,
    role: Role,
    action: ActionSpec,
    atype: ActionType,
    grounds: tuple[Ground, ...],
    considered: tuple[Ground, ...],
) -> Verdict:
    """No power held: each considered power with the first condition that failed."""
    failures = [g.conditions[-1].text for g in considered if g.conditions]
    headline = "Outside mandate: " + w.join_and(failures)
    return Verdict(
        role=role.id,
        actor=role.actor,
        action=action,
        kind="outside_mandate",
        headline=w.sentence(headline),
        grounds=grounds,
        reasons=tuple(dict.fromkeys(w.capitalise(t) for t in failures)),
        citations=_citations(g.citation for g in considered),
    )


def no_power(
    ctx: Context,
    role: Role,
    action: ActionSpec,
    atype: ActionType,
    grounds: tuple[Ground, ...],
    instruments: tuple[Instrument, ...],
) -> Verdict:
    """No instrument the role draws on has a power for this action type."""
    actor = w.actor_name(ctx.index, role.actor)
    what = atype.title[:1].lower() + atype.title[1:]
    if instruments:
        names = w.join_and([w.instrument_label(i) for i in instruments])
        text = f"none of the instruments the role {role.title} draws on ({names}) gives {actor} "
        text += f"a power to take this action ({what})"
    else:
        text = f"the role {role.title} draws on no instrument, so nothing gives {actor} a power "
        text += f"to take this action ({what})"
    return Verdict(
        role=role.id,
        actor=role.actor,
        action=action,
        kind="outside_mandate",
        headline=w.sentence("Outside mandate: " + text),
        grounds=grounds,
        reasons=(w.capitalise(text),),
        citations=(),
    )

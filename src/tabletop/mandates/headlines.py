"""Turning the grounds the engine weighed into a Verdict with a headline and reasons.

A headline is one sentence a facilitator can read aloud. A permitted verdict names each
basis; a refusal names the limit that bites and why, or the power that came nearest and
the condition that failed. The list of every instrument consulted is detail, not headline.
"""

from __future__ import annotations

from collections.abc import Iterable

from tabletop.mandates import wording as w
from tabletop.mandates.evaluate import Context
from tabletop.model.pack import ActionSpec, Role
from tabletop.model.verdict import Ground, ObligationDue, Verdict
from tabletop.model.world import ActionType, Citation

INSTEAD_CLAUSE = "; for this kind of action they provide "
"""Where a refusal for want of a power goes on to list what the role's instruments give
instead (a summary may stop here: tabletop.report's key findings do)."""


def _citations(items: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(items))


def authority(ground: Ground) -> str:
    """'Collective Security Treaty 1992, art. 4', with the kind of source when it does not
    bind ('…, a press report, not a binding instrument')."""
    text = w.cite(ground.citation)
    if ground.weight == "supporting":
        kind = w.kind_words(ground.source_kind) or "statement"
        text += f", {w.article(kind)} {kind} and not a binding instrument"
    return text


def _other_citations(first: Ground, rest: Iterable[Ground]) -> list[str]:
    """The citations of the other grounds, each once, leaving out the first's own."""
    said = w.cite(first.citation)
    return [c for c in dict.fromkeys(w.cite(g.citation) for g in rest) if c != said]


def failed_condition(ground: Ground) -> str:
    """The condition that failed, as the world stands ('Kyrgyzstan has not asked ...')."""
    if not ground.conditions:
        return ""
    return ground.conditions[-1].text


def biting_reason(ground: Ground, what: str = "such action") -> str:
    """Why a limit bites: 'it applies because ...' with the conditions that held, or that it
    rules out every such action whatever the circumstances."""
    why = w.join_and([r.text for r in ground.conditions])
    return f"it applies because {why}" if why else f"it rules out every {what}"


def _caution_words(ground: Ground) -> str:
    return f"{w.strip_stop(ground.summary)} ({authority(ground)}); {biting_reason(ground)}"


def permitted(
    ctx: Context,
    role: Role,
    action: ActionSpec,
    grounds: tuple[Ground, ...],
    bases: tuple[Ground, ...],
    dues: tuple[ObligationDue, ...],
    cautioning: tuple[Ground, ...] = (),
) -> Verdict:
    """Permitted by each basis, binding ones first, with the obligations of each."""
    basis = bases[0]
    summary = w.strip_stop(basis.summary)
    also = _other_citations(basis, bases[1:])
    under = authority(basis) + (f" (and {w.join_and(also)})" if also else "")
    headline = f"Permitted under {under}: {summary}"
    if dues:  # what is owed says more than the power's summary, which the detail keeps
        owed = w.join_and([w.strip_stop(d.text) for d in dues])
        noun = "an obligation" if len(dues) == 1 else "obligations"
        headline = f"Permitted under {under}, with {noun}: {owed}"
    cautions = [w.sentence(_caution_words(g)) for g in cautioning]
    if basis.weight == "supporting":
        kind = w.kind_words(basis.source_kind) or "statement"
        cautions.append(
            w.sentence(
                f"This rests on {w.article(kind)} {kind} ({w.cite(basis.citation)}), not on a "
                "binding instrument: read it as a stated position, not a commitment"
            )
        )
    reasons: list[str] = []
    for g in bases:
        reasons += [w.capitalise(r.text) for r in g.conditions] or [w.capitalise(g.summary)]
    return Verdict(
        role=role.id,
        actor=role.actor,
        action=action,
        kind="permitted_with_obligations" if dues else "permitted",
        headline=w.sentence(headline),
        basis=basis,
        bases=bases,
        grounds=grounds,
        reasons=tuple(dict.fromkeys(w.strip_stop(r) for r in reasons)),
        citations=_citations([*(g.citation for g in bases), *(d.citation for d in dues)]),
        obligations=dues,
        cautions=tuple(cautions) or None,
    )


def outside_by_limits(
    ctx: Context,
    role: Role,
    action: ActionSpec,
    atype: ActionType,
    grounds: tuple[Ground, ...],
    biting: tuple[Ground, ...],
) -> Verdict:
    """Ruled out by one or more limits, which win over any power: which limit, and why it
    bites."""
    first = biting[0]
    what = f"{atype.title[:1].lower()}{atype.title[1:]} by {w.actor_name(ctx.index, role.actor)}"
    headline = (
        f"Outside mandate: {w.strip_stop(first.summary)} ({authority(first)}); "
        f"{biting_reason(first, what)}"
    )
    also = _other_citations(first, biting[1:])
    if also:
        headline += "; also " + w.join_and(also)
    reasons: list[str] = []
    for g in biting:
        reasons.append(w.strip_stop(g.summary))
        reasons.extend(w.capitalise(r.text) for r in g.conditions)
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
    grounds: tuple[Ground, ...],
    nearest: Ground,
    elsewhere: ActionType | None = None,
) -> Verdict:
    """No power held: the nearest power, what it allows, and the condition that failed. A
    nearest power from elsewhere in the pack (`elsewhere`: the role has none of its own for
    this action type) is said as such: what keeps it out of reach, then what else fails."""
    failed = failed_condition(nearest)
    allows = w.decapitalise(w.strip_stop(nearest.summary))
    headline = f"Outside mandate: {allows} ({authority(nearest)}), but {failed}"
    if elsewhere is not None:
        first = nearest.conditions[0]
        barrier = first.text if not first.holds else failed
        rest = [r.text for r in nearest.conditions[1:] if not r.holds and r.text != barrier]
        what = elsewhere.title[:1].lower() + elsewhere.title[1:]
        headline = (
            f"Outside mandate: no instrument the {role.title} draws on gives "
            f"{w.actor_name(ctx.index, role.actor)} a power to take this action ({what}); the "
            f"nearest in the pack: {allows} ({authority(nearest)}), but {barrier}"
            + (f", and {rest[0]}" if rest else "")
        )
    others = [g for g in grounds if g.kind == "power" and g is not nearest and g.conditions]
    reasons = [w.capitalise(failed)] + [w.capitalise(failed_condition(g)) for g in others]
    return Verdict(
        role=role.id,
        actor=role.actor,
        action=action,
        kind="outside_mandate",
        headline=w.sentence(headline),
        nearest=nearest,
        grounds=grounds,
        reasons=tuple(dict.fromkeys(r for r in reasons if r)),
        citations=_citations([nearest.citation, *(g.citation for g in others)]),
    )


def no_power(
    ctx: Context,
    role: Role,
    action: ActionSpec,
    atype: ActionType,
    grounds: tuple[Ground, ...],
    related: tuple[str, ...] = (),
    anywhere: bool = False,
) -> Verdict:
    """No instrument the role draws on (or, with `anywhere`, none in the pack) gives the
    actor a power for this action type; `related` names what its instruments do give it
    for actions of the same kind ('peacekeeping deployment (Agreement … 2007)')."""
    actor = w.actor_name(ctx.index, role.actor)
    what = atype.title[:1].lower() + atype.title[1:]
    if anywhere:
        text = (
            f"no instrument in this pack gives {actor} or anyone else a power to take this "
            f"action ({what})"
        )
    else:
        text = f"no instrument the {role.title} draws on gives {actor} a power to take this "
        text += f"action ({what})"
    if related:
        text += f"{INSTEAD_CLAUSE}{w.join_and(list(related))} instead"
    # `related` is only given when the role's own instruments are meant ("they").
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


def supported_by(verdict: Verdict, limits: tuple[Ground, ...]) -> Verdict:
    """A refusal that rests on the missing power, with the statements or reports that also
    rule the action out said after it, labelled as such."""

    def one(g: Ground) -> str:
        why = w.join_and([r.text for r in g.conditions])
        text = f"{w.decapitalise(w.strip_stop(g.summary))} ({authority(g)})"
        return f"{text}, and {why}" if why else text

    said = w.join_and([one(g) for g in limits])
    headline = f"{w.strip_stop(verdict.headline)}; the stated position agrees: {said}"
    reasons = verdict.reasons + tuple(w.strip_stop(g.summary) for g in limits)
    return verdict.model_copy(
        update={
            "headline": w.sentence(headline),
            "reasons": tuple(dict.fromkeys(reasons)),
            "citations": _citations([*verdict.citations, *(g.citation for g in limits)]),
        }
    )

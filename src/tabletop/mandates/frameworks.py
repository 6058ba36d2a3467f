"""Conditions on what frames an action: a state's consent to an actor on its territory, and
an agreement in force between the parties (not one a player merely declares)."""

from __future__ import annotations

from tabletop.mandates import wording as w
from tabletop.mandates.evaluate import Context, actor_of, missing_words, pair_words
from tabletop.model.conditions import AgreementBetween, ConsentOf
from tabletop.model.world import Instrument, RelationFact

BINDING_INSTRUMENTS = frozenset({"charter", "treaty", "agreement", "convention", "law"})
"""Instrument kinds that bind their parties (a concept or a policy line does not)."""


def consent_of(ctx: Context, cond: ConsentOf) -> tuple[bool, str]:
    """The state consents when it is the actor itself, or a relation fact marked 'consent'
    (a request for help, a consent) has the pair state -> actor."""
    state = actor_of(ctx, cond.consent_of)
    if state is None:
        return False, missing_words(ctx, cond.consent_of)
    who = actor_of(ctx, cond.to) if cond.to is not None else ctx.actor
    if who is None:
        return False, missing_words(ctx, cond.to)
    state_name, who_name = w.actor_name(ctx.index, state), w.actor_name(ctx.index, who)
    if state == who:
        return True, f"{state_name} acts on its own territory"
    absent: list[str] = []
    for spec in ctx.index.facts.values():
        if not isinstance(spec, RelationFact) or not spec.consent:
            continue
        pairs = ctx.facts.get(spec.id)
        if isinstance(pairs, frozenset) and (state, who) in pairs:
            return True, pair_words(ctx, spec, state, who, True)
        absent.append(pair_words(ctx, spec, state, who, False))
    # Each way of consenting, said as missing: "Tajikistan has not asked the CSTO for
    # assistance and has not consented to the CSTO acting on its territory".
    if not absent:
        return False, f"{state_name} has not consented to {who_name} acting on its territory"
    return False, w.join_and(absent)


def agreements_between(
    ctx: Context, parties: list[str], covering: tuple[str, ...]
) -> list[Instrument]:
    """The binding instruments of the pack that bind every one of `parties` and, with
    `covering`, give the acting actor a power for one of those action types."""
    found = []
    for inst in ctx.index.instruments.values():
        if inst.kind not in BINDING_INSTRUMENTS or not all(p in inst.parties for p in parties):
            continue
        if covering and not any(
            set(power.actions) & set(covering)
            and (not power.holders or ctx.actor is None or ctx.actor in power.holders)
            for power in inst.powers
        ):
            continue
        found.append(inst)
    return found


def agreement_between(ctx: Context, cond: AgreementBetween) -> tuple[bool, str]:
    """Holds when such an instrument exists in the pack: a host's request alone, or a
    framework the player declares, is not an agreement."""
    parties: list[str] = []
    for ref in cond.agreement_between:
        actor = actor_of(ctx, ref)
        if actor is None:
            return False, missing_words(ctx, ref)
        parties.append(actor)
    names = w.join_and([w.actor_name(ctx.index, p) for p in dict.fromkeys(parties)])
    what = w.join_or([_action_title(ctx, a) for a in cond.covering])
    found = agreements_between(ctx, parties, cond.covering)
    if found:
        title = w.instrument_label(found[0])
        title = title if title.lower().startswith("the ") else f"the {title}"
        covers = f", which provides for {what}" if what else ""
        return True, f"{names} are bound by {title}{covers}"
    by = w.actor_name(ctx.index, ctx.actor) if ctx.actor else "the actor"
    covers = f" that provides for {what} by {by}" if what else ""
    return False, f"there is no treaty or agreement in force between {names}{covers}"


def _action_title(ctx: Context, action_id: str) -> str:
    atype = ctx.index.action_types.get(action_id)
    title = atype.title if atype else action_id.replace("_", " ")
    return title[:1].lower() + title[1:]

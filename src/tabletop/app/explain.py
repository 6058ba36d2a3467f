"""A verdict explained in words for a screen: the headline, the cautions, each basis or the
nearest power, every ground weighed with its conditions, the facts relied on, the
citations with the kind of each source, and the obligations with their deadlines, with
names and titles instead of ids."""

from __future__ import annotations

from dataclasses import dataclass

from tabletop.engine.provenance import reliance_words
from tabletop.mandates import describe_discharge
from tabletop.mandates.render import citation_words, ground_outcome
from tabletop.mandates.wording import cite, deadline_words, join_or
from tabletop.model.index import index_of
from tabletop.model.pack import Pack
from tabletop.model.verdict import Ground, Verdict, VerdictKind


@dataclass(frozen=True)
class ConditionLine:
    """One condition of a rule: whether it is met, the world as it stands, and, for one not
    met, what the rule needs."""

    met: bool
    text: str
    needed: str = ""


@dataclass(frozen=True)
class GroundLine:
    """One power or limit the engine weighed, and how it came out."""

    instrument: str
    summary: str
    outcome: str
    """'grants it', 'does not apply', 'rules it out', 'cautions' or 'does not bite'."""
    citation: str
    conditions: tuple[ConditionLine, ...]
    """In the order weighed, up to and including the first not met."""


@dataclass(frozen=True)
class VerdictExplanation:
    """Why a verdict is what it is, in words."""

    kind: VerdictKind
    label: str
    headline: str
    basis: str
    """The first power that permits it, in words ('' when nothing does)."""
    grounds: tuple[GroundLine, ...]
    citations: tuple[str, ...]
    """Each with the kind of its source and its weight, or 'article not given'."""
    obligations: tuple[str, ...]
    """Each obligation with its deadline and what meets it."""
    relies_on: tuple[str, ...] = ()
    """Each fact it relied on, its value and where that came from in the game."""
    bases: tuple[str, ...] = ()
    """Every power that permits it, binding ones first."""
    nearest: str = ""
    """A refusal: the power that came closest and the condition not met."""
    cautions: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    """Every instrument the role draws on."""


def _ground(ground: Ground) -> GroundLine:
    return GroundLine(
        instrument=ground.instrument_title,
        summary=ground.summary,
        outcome=ground_outcome(ground),
        citation=cite(ground.citation),
        conditions=tuple(ConditionLine(c.holds, c.text, c.needed or "") for c in ground.conditions),
    )


def _power_words(ground: Ground) -> str:
    return f"{ground.instrument_title}: {ground.summary} ({cite(ground.citation)})"


def explain_verdict(pack: Pack, verdict: Verdict) -> VerdictExplanation:
    """The verdict in words: what the facilitator reads aloud, then the detail."""
    index = index_of(pack)
    basis = verdict.basis
    nearest = ""
    if verdict.nearest is not None and verdict.nearest.conditions:
        failed = verdict.nearest.conditions[-1]
        nearest = f"{_power_words(verdict.nearest)}; not met: {failed.text}"
    obligations = []
    for due in verdict.obligations:
        met = join_or([describe_discharge(pack, d, due.actor) for d in due.discharged_by])
        due_by = f"due {deadline_words(due.within_hours)}; " if due.within_hours is not None else ""
        obligations.append(f"{due.text} ({cite(due.citation)}); {due_by}met {met}")
    return VerdictExplanation(
        kind=verdict.kind,
        label=verdict.label,
        headline=verdict.headline,
        basis=_power_words(basis) if basis else "",
        grounds=tuple(_ground(g) for g in verdict.grounds),
        citations=tuple(citation_words(index, c) for c in verdict.citations),
        obligations=tuple(obligations),
        relies_on=tuple(reliance_words(t) for t in verdict.relies_on or ()),
        bases=tuple(_power_words(g) for g in verdict.bases or ((basis,) if basis else ())),
        nearest=nearest,
        cautions=verdict.cautions or (),
        consulted=verdict.consulted or (),
    )

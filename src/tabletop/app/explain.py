"""A verdict explained in words for a screen: the headline, every ground weighed with its
conditions, the citations and the obligations, with names and titles instead of ids."""

from __future__ import annotations

from dataclasses import dataclass

from tabletop.engine.provenance import reliance_words
from tabletop.mandates import describe_discharge
from tabletop.mandates.wording import cite, join_or
from tabletop.model.pack import Pack
from tabletop.model.verdict import Ground, Verdict, VerdictKind


@dataclass(frozen=True)
class GroundLine:
    """One power or limit the engine weighed, and how it came out."""

    instrument: str
    summary: str
    outcome: str
    """'grants it', 'does not apply', 'rules it out' or 'does not bite'."""
    citation: str
    conditions: tuple[tuple[bool, str], ...]
    """(held, what the condition says about the world), in the order weighed."""


@dataclass(frozen=True)
class VerdictExplanation:
    """Why a verdict is what it is, in words."""

    kind: VerdictKind
    label: str
    headline: str
    basis: str
    """The power that permits it, in words ('' when nothing does)."""
    grounds: tuple[GroundLine, ...]
    citations: tuple[str, ...]
    obligations: tuple[str, ...]
    """Each obligation with what meets it."""
    relies_on: tuple[str, ...] = ()
    """Each fact it relied on, its value and where that came from in the game."""


_OUTCOMES = {
    ("power", True): "grants it",
    ("power", False): "does not apply",
    ("limit", True): "rules it out",
    ("limit", False): "does not bite",
}


def _ground(ground: Ground) -> GroundLine:
    return GroundLine(
        instrument=ground.instrument_title,
        summary=ground.summary,
        outcome=_OUTCOMES[(ground.kind, ground.applies)],
        citation=cite(ground.citation),
        conditions=tuple((c.holds, c.text) for c in ground.conditions),
    )


def explain_verdict(pack: Pack, verdict: Verdict) -> VerdictExplanation:
    """The verdict in words: what the facilitator reads aloud, then the detail."""
    basis = verdict.basis
    return VerdictExplanation(
        kind=verdict.kind,
        label=verdict.label,
        headline=verdict.headline,
        basis=f"{basis.instrument_title}: {basis.summary} ({cite(basis.citation)})"
        if basis
        else "",
        grounds=tuple(_ground(g) for g in verdict.grounds),
        citations=tuple(cite(c) for c in verdict.citations),
        obligations=tuple(
            f"{due.text} ({cite(due.citation)}); met "
            + join_or([describe_discharge(pack, d, due.actor) for d in due.discharged_by])
            for due in verdict.obligations
        ),
        relies_on=tuple(reliance_words(t) for t in verdict.relies_on or ()),
    )

"""The verdict of the mandate engine: a value, recorded in the log and shown in the report."""

from __future__ import annotations

from typing import Literal

from tabletop.model.base import Id, Model, documented
from tabletop.model.pack import ActionSpec
from tabletop.model.world import Citation, Discharge

VerdictKind = Literal["permitted", "permitted_with_obligations", "outside_mandate"]
GroundKind = Literal["power", "limit"]

VERDICT_LABELS: dict[str, str] = {
    "permitted": "Permitted",
    "permitted_with_obligations": "Permitted with obligations",
    "outside_mandate": "Outside mandate",
}


Weight = Literal["binding", "supporting"]
"""Whether a ground rests on a binding instrument or on a statement, report or study."""


class ConditionResult(Model):
    """One condition of a power or limit, evaluated, in words."""

    holds: bool = documented("Whether the condition held.", [False])
    text: str = documented(
        "The condition in plain words, as it stood.", ["Uzbekistan is not a member of the CSTO"]
    )
    needed: str | None = documented(
        "What the rule needs, in words, when that differs from how the world stands (given "
        "for a condition that did not hold).",
        ["Uzbekistan is a member of the CSTO"],
        default=None,
    )


class Ground(Model):
    """A power or limit that was considered for the action, and how it came out."""

    instrument: Id = documented("Instrument id.", ["CSTO-PKA-2007"])
    instrument_title: str = documented(
        "Instrument title.", ["Agreement on Peacekeeping Activities"]
    )
    kind: GroundKind = documented("Whether it permits or rules out.", ["power"])
    rule: Id = documented("Id of the power or limit in the instrument.", ["pk-in-member-state"])
    summary: str = documented("What it says.", ["Operations in a member state at its request."])
    applies: bool = documented("Power: all conditions held. Limit: it bites.", [False])
    conditions: tuple[ConditionResult, ...] = documented(
        "Conditions in order, up to and including the first that failed.", [[]], default=()
    )
    citation: Citation
    unmet: int | None = documented(
        "How many of all its conditions did not hold (how far it was from applying).",
        [1],
        default=None,
    )
    weight: Weight | None = documented(
        "'binding' when its source is a treaty, charter, agreement, law or decree; "
        "'supporting' for a statement, press report or study.",
        ["binding"],
        default=None,
    )
    source_kind: str | None = documented(
        "Kind of the source it cites (treaty, press_report, ...).", ["treaty"], default=None
    )
    caution: bool | None = documented(
        "A limit whose effect is a caution, not a refusal.", [None], default=None
    )


class ObligationDue(Model):
    """An obligation an action created, with what discharges it."""

    key: str = documented(
        "Stable key: instrument/power/obligation.", ["CSTO-PKA-2007/pk-in-member-state/inform-unsc"]
    )
    instrument: Id = documented("Instrument id.", ["CSTO-PKA-2007"])
    power: Id = documented("Power id.", ["pk-in-member-state"])
    obligation: Id = documented("Obligation id.", ["inform-unsc"])
    text: str = documented("What is owed.", ["Inform the UN Security Council of the operation."])
    discharged_by: tuple[Discharge, ...] = documented(
        "What meets it.", [[{"action": "notify_unsc"}]]
    )
    citation: Citation
    actor: Id | None = documented(
        "Actor that owes it (whose later action discharges it); null: any actor.",
        ["CSTO"],
        default=None,
    )
    within_hours: int | None = documented(
        "Scenario hours after the action by which it must be met (0: at once).",
        [24],
        default=None,
    )
    deadline_note: str | None = documented(
        "Where the deadline comes from.", ["Read as 24 hours by the pack."], default=None
    )


FactOrigin = Literal["start", "inject", "decision", "ruling", "other"]


class FactTrace(Model):
    """Where the value of a fact a verdict relied on came from in the game."""

    fact: Id = documented("Fact id.", ["aggression"])
    title: str = documented("Fact title.", ["Aggression"])
    value: str = documented("Its value, in words.", ["international terrorists → Kazakhstan"])
    origin: FactOrigin = documented(
        "start: the pack's starting value; inject; decision; ruling: the facilitator's.",
        ["decision"],
    )
    ref: str | None = documented(
        "The inject or decision point (or ruling) that set it.", ["DP-2"], default=None
    )
    by: str | None = documented(
        "Who set it (a role's seat name).", ["Kazakh Presidential Administration"], default=None
    )
    text: str = documented(
        "The origin in words, for a sentence.",
        ["as framed by the Kazakh Presidential Administration at DP-2"],
    )


class Verdict(Model):
    """Whether a role may take an action, why, on what authority, and what it then owes."""

    kind: VerdictKind = documented("The verdict.", ["permitted_with_obligations"])
    role: Id = documented("Role that acts.", ["csto_secretariat"])
    actor: Id = documented("Actor the role acts for.", ["CSTO"])
    action: ActionSpec
    headline: str = documented(
        "One sentence for the facilitator.",
        ["Outside mandate: Uzbekistan is not a member of the CSTO."],
    )
    basis: Ground | None = documented("The power that permits it, if any.", [None], default=None)
    grounds: tuple[Ground, ...] = documented(
        "Every power and limit considered, in order.", [[]], default=()
    )
    reasons: tuple[str, ...] = documented(
        "The reasons in plain words, in order.",
        [["Uzbekistan is not a member of the CSTO"]],
        default=(),
    )
    citations: tuple[Citation, ...] = documented(
        "Documents the verdict rests on.", [[]], default=()
    )
    obligations: tuple[ObligationDue, ...] = documented(
        "What the action then owes.", [[]], default=()
    )
    bases: tuple[Ground, ...] | None = documented(
        "Every power that permits it, binding ones first (the first is 'basis').",
        [None],
        default=None,
    )
    nearest: Ground | None = documented(
        "Outside mandate: the power that came closest to permitting it.", [None], default=None
    )
    cautions: tuple[str, ...] | None = documented(
        "What the facilitator should read with the verdict (a figure exceeded, a verdict "
        "resting on a statement rather than a binding instrument).",
        [None],
        default=None,
    )
    consulted: tuple[str, ...] | None = documented(
        "Every instrument the role draws on, by title: for the detail view.",
        [None],
        default=None,
    )
    relies_on: tuple[FactTrace, ...] | None = documented(
        "The facts the verdict relied on and where each value came from in the game.",
        [None],
        default=None,
    )

    @property
    def label(self) -> str:
        """Human label of the verdict kind."""
        return VERDICT_LABELS[self.kind]

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


class ConditionResult(Model):
    """One condition of a power or limit, evaluated, in words."""

    holds: bool = documented("Whether the condition held.", [False])
    text: str = documented(
        "The condition in plain words, as it stood.", ["Uzbekistan is not a member of the CSTO"]
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

    @property
    def label(self) -> str:
        """Human label of the verdict kind."""
        return VERDICT_LABELS[self.kind]

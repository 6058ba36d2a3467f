"""Playthrough scripts: a headless game as a list of steps, each with optional expectations.

Authors use them as tests of a pack's branches: `tabletop play PACK --script SCRIPT`.
A step is an object with one command key (`assign`, `advance`, `decide`, ...) and may
carry `expect` (what must hold after it) and `comment`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from tabletop.model.base import Id, Model, ScenarioTime, Text, f
from tabletop.model.effects import Effect
from tabletop.model.events import CapabilityElement, Justification, Rating
from tabletop.model.verdict import VerdictKind

FactExpect = bool | int | str | tuple[str, ...] | tuple[tuple[str, str], ...]


class Expect(Model):
    """What must hold after a step. Every field is optional; all given must hold."""

    verdict: VerdictKind | None = f(
        "Mandate verdict of the decision (decide and reject steps).",
        ["permitted_with_obligations"],
        default=None,
    )
    refused: str | None = f(
        "The step must be refused, with this text in the message ('' for any refusal).",
        ["outside mandate"],
        default=None,
    )
    facts: dict[Id, FactExpect] = f(
        "Facts and their values; sets as lists (order does not matter), pairs as [from, to].",
        [{"border_reinforced": True, "requests": [["ARV", "NCP"]]}],
        default_factory=dict,
    )
    delivered: tuple[Id, ...] = f("Injects delivered by now.", [["INJ-02A"]], default=())
    not_delivered: tuple[Id, ...] = f("Injects not delivered.", [["INJ-02B"]], default=())
    released: tuple[Id, ...] = f(
        "Injects released and waiting for their time.", [["INJ-05"]], default=()
    )
    open: tuple[Id, ...] = f("Decision points open now.", [["DP-2"]], default=())
    closed: tuple[Id, ...] = f(
        "Decision points opened and decided by every decider.", [["DP-1"]], default=()
    )
    not_opened: tuple[Id, ...] = f("Decision points never opened.", [["DP-4"]], default=())
    obligations_open: tuple[str, ...] = f(
        "Obligations still open: obligation id, full key, or the obligation's own id.",
        [["brief-parliament"]],
        default=(),
    )
    obligations_met: tuple[str, ...] = f(
        "Obligations met by now (same ways of naming).", [["brief-parliament"]], default=()
    )
    phase: Id | None = f("Current phase.", ["move-2"], default=None)
    clock: ScenarioTime | None = f(
        "Scenario time on the clock.", ["2031-03-02T09:00"], default=None
    )
    paused: bool | None = f("Whether the clock is paused.", [False], default=None)
    ended: bool | None = f("Whether the session has ended.", [False], default=None)


class Assign(Model):
    """Seat a participant in a role."""

    role: Id = f("Role id.", ["arv_government"])
    participant: Text = f("Participant's name.", ["Maj. Ilse Varn"])


class Advance(Model):
    """Move the scenario clock forward: by minutes, or to a time."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1, "maxProperties": 1})

    by_minutes: int | None = f(
        "Minutes to move forward (0: deliver what is due).", [240], ge=0, le=525_600, default=None
    )
    to: ScenarioTime | None = f("Scenario time to move to.", ["2031-03-02T12:00"], default=None)

    @model_validator(mode="after")
    def _one(self) -> Advance:
        if (self.by_minutes is None) == (self.to is None):
            raise ValueError("give exactly one of 'by_minutes' or 'to'")
        return self


class Deliver(Model):
    """Deliver an inject now, out of the timeline."""

    inject: Id = f("Inject id.", ["INJ-08"])
    note: str = f("Why, for the log.", ["Players asked for the council's view early."], default="")


class Decide(Model):
    """Record a role's choice at a decision point."""

    decision: Id = f("Decision point id.", ["DP-1"])
    role: Id = f("Deciding role.", ["arv_government"])
    option: Id = f("Option id.", ["reinforce"])
    rationale: str = f("The players' rationale.", ["Hold the line before the weekend."], default="")
    override: str | None = f(
        "Facilitator's justification for letting a choice outside mandate stand "
        "(an empty one is refused, as in the app).",
        ["Explore the escalation branch."],
        default=None,
    )


class Reject(Model):
    """Log a choice refused as outside mandate; the role must still decide."""

    decision: Id = f("Decision point id.", ["DP-3"])
    role: Id = f("Role that proposed it.", ["ncp_secretariat"])
    option: Id = f("Option proposed.", ["deploy"])
    note: str = f("Facilitator's note.", ["Beyond the charter."], default="")


class Amend(Model):
    """Correct a recorded decision's rationale (never its option)."""

    decision: Id = f("Decision point id.", ["DP-1"])
    role: Id = f("Role whose decision is amended.", ["arv_government"])
    rationale: str = f("Corrected rationale.", ["Hold the line; brief parliament first."])
    reason: Justification = f("Why it is corrected.", ["The scribe missed a sentence."])


class Adjudicate(Model):
    """A facilitator ruling: text and the fact changes it makes."""

    text: Text = f("The ruling.", ["The raid is repelled with losses."])
    effects: tuple[Effect, ...] = f(
        "Fact changes.", [[{"fact": "border_incidents", "increase": 1}]], default=()
    )
    decision: Id | None = f("Decision point it rules on.", ["DP-1"], default=None)


class Note(Model):
    """An observation: strength or area for improvement."""

    kind: Literal["strength", "area_for_improvement"] = f("Kind.", ["strength"])
    text: Text = f("The observation.", ["Legal advice sought before deciding."])
    objective: Id | None = f("Objective it bears on.", ["OBJ-1"], default=None)
    rating: Rating | None = f("P/S/M/U rating it suggests.", ["S"], default=None)
    role: Id | None = f("Role it is about.", ["arv_government"], default=None)
    decision: Id | None = f("Decision point it is about.", ["DP-1"], default=None)


class Rate(Model):
    """Rate an exercise objective P/S/M/U."""

    objective: Id = f("Objective id.", ["OBJ-1"])
    rating: Rating = f("P/S/M/U.", ["S"])
    note: str = f("Why.", ["Basis found; parliament briefed late."], default="")


class Plan(Model):
    """A row of the improvement plan."""

    issue: Text = f("Issue or area for improvement.", ["Parliament briefed late."])
    corrective_action: Text = f("What will be done.", ["Add the briefing to the checklist."])
    capability_element: CapabilityElement = f("POETE element.", ["planning"])
    responsible_org: Text = f("Organisation responsible.", ["Ministry of Defence"])
    point_of_contact: Text = f("Person responsible.", ["Head of legal"])
    start_date: date = f("Start.", ["2031-04-01"])
    completion_date: date = f("Completion.", ["2031-06-30"])
    objective: Id | None = f("Objective it serves.", ["OBJ-1"], default=None)


class Remark(Model):
    """An optional note for pause, resume and end."""

    note: str = f("Note for the log.", ["Coffee break"], default="")


class StepBase(Model):
    """Fields every step may carry."""

    expect: Expect | None = f("What must hold after the step.", [None], default=None)
    comment: str | None = f("Note for the reader of the script.", ["Branch A"], default=None)


class AssignStep(StepBase):
    """Seat a participant."""

    assign: Assign


class AdvanceStep(StepBase):
    """Move the clock."""

    advance: Advance


class DeliverStep(StepBase):
    """Deliver an inject out of the timeline."""

    deliver: Deliver


class DecideStep(StepBase):
    """Record a decision."""

    decide: Decide


class RejectStep(StepBase):
    """Reject a choice as outside mandate."""

    reject: Reject


class AmendStep(StepBase):
    """Amend a decision's rationale."""

    amend: Amend


class AdjudicateStep(StepBase):
    """Rule on an outcome."""

    adjudicate: Adjudicate


class NoteStep(StepBase):
    """Note an observation."""

    note: Note


class RateStep(StepBase):
    """Rate an objective."""

    rate: Rate


class PlanStep(StepBase):
    """Add an improvement-plan row."""

    plan: Plan


class PauseStep(StepBase):
    """Pause the clock."""

    pause: Remark


class ResumeStep(StepBase):
    """Resume the clock."""

    resume: Remark


class EndStep(StepBase):
    """End the session."""

    end: Remark


Step = Annotated[
    AssignStep
    | AdvanceStep
    | DeliverStep
    | DecideStep
    | RejectStep
    | AmendStep
    | AdjudicateStep
    | NoteStep
    | RateStep
    | PlanStep
    | PauseStep
    | ResumeStep
    | EndStep,
    Field(
        description="One step: an object with one command key (assign, advance, deliver, decide, "
        "reject, amend, adjudicate, note, rate, plan, pause, resume, end), and optionally "
        "'expect' and 'comment'.",
        examples=[{"advance": {"by_minutes": 60}, "expect": {"delivered": ["INJ-02A"]}}],
    ),
]


class Playthrough(Model):
    """A playthrough script: who runs the game and the steps to play."""

    schema_: str | None = f(
        "Path or URL of the JSON Schema.",
        ["../../schemas/playthrough.schema.json"],
        alias="$schema",
        default=None,
    )
    pack: str | None = f(
        "Pack file, relative to this script (used when `tabletop play` is given no pack).",
        ["example-pack.json"],
        default=None,
    )
    facilitator: Text = f("Facilitator's name for the log.", ["Script runner"])
    exercise: Text = f("Exercise name for the log.", ["Quiet Pass: branch A"])
    exercise_date: date | None = f(
        "Day of the exercise (default: today).", ["2031-03-01"], default=None
    )
    steps: tuple[Step, ...] = f("The steps, in order.", [[{"end": {}}]], min_length=1)


STEP_COMMANDS = (
    "assign",
    "advance",
    "deliver",
    "decide",
    "reject",
    "amend",
    "adjudicate",
    "note",
    "rate",
    "plan",
    "pause",
    "resume",
    "end",
)
"""The command keys of steps, in the order the documentation lists them."""

"""Playthrough scripts: a headless game as a list of steps, each with optional expectations.

Authors use them as tests of a pack's branches: `tabletop play PACK --script SCRIPT`.
A step is an object with one command key (`assign`, `advance`, `decide`, ...) and may
carry `expect` (what must hold after it) and `comment`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from tabletop.model.base import Id, Model, ScenarioTime, Text, documented
from tabletop.model.effects import Effect
from tabletop.model.events import (
    CapabilityElement,
    ExerciseType,
    Justification,
    PointOfContact,
    Rating,
)
from tabletop.model.verdict import VerdictKind

FactExpect = bool | int | str | tuple[str, ...] | tuple[tuple[str, str], ...]


class ConsensusExpect(Model):
    """Where a consensus decision stands: still waiting, or how it concluded."""

    outcome: Literal["pending", "agreed", "no_decision", "fallback"] = documented(
        "'pending' (some required deciders have not chosen), 'agreed', 'no_decision' or "
        "'fallback'.",
        ["fallback"],
    )
    option: Id | None = documented(
        "The option that took effect (the one agreed, or the fallback).", ["talk"], default=None
    )
    blocked_by: tuple[Id, ...] | None = documented(
        "Exactly the roles that chose otherwise than the leading option (any order).",
        [["south"]],
        default=None,
    )
    waiting_for: tuple[Id, ...] | None = documented(
        "Exactly the deciders yet to choose (any order).", [["north"]], default=None
    )


class Expect(Model):
    """What must hold after a step. Every field is optional; all given must hold."""

    verdict: VerdictKind | None = documented(
        "Mandate verdict of the decision (decide and reject steps).",
        ["permitted_with_obligations"],
        default=None,
    )
    refused: str | None = documented(
        "The step must be refused, with this text in the message ('' for any refusal).",
        ["outside mandate"],
        default=None,
    )
    facts: dict[Id, FactExpect] = documented(
        "Facts and their values; sets as lists (order does not matter), pairs as [from, to].",
        [{"border_reinforced": True, "requests": [["ARV", "NCP"]]}],
        default_factory=dict,
    )
    delivered: tuple[Id, ...] = documented("Injects delivered by now.", [["INJ-02A"]], default=())
    not_delivered: tuple[Id, ...] = documented("Injects not delivered.", [["INJ-02B"]], default=())
    released: tuple[Id, ...] = documented(
        "Injects released and waiting for their time.", [["INJ-05"]], default=()
    )
    open: tuple[Id, ...] = documented("Decision points open now.", [["DP-2"]], default=())
    closed: tuple[Id, ...] = documented(
        "Decision points opened and decided by every decider.", [["DP-1"]], default=()
    )
    not_opened: tuple[Id, ...] = documented("Decision points never opened.", [["DP-4"]], default=())
    obligations_open: tuple[str, ...] = documented(
        "Obligations still open: obligation id, full key, or the obligation's own id.",
        [["brief-parliament"]],
        default=(),
    )
    obligations_met: tuple[str, ...] = documented(
        "Obligations met by now (same ways of naming).", [["brief-parliament"]], default=()
    )
    obligations_late: tuple[str, ...] = documented(
        "Obligations not met by their due time: still open with the clock past it, or met "
        "after it (same ways of naming).",
        [["inform-council"]],
        default=(),
    )
    obligations_not_late: tuple[str, ...] = documented(
        "Obligations not late: met by their due time, not yet due, or without a deadline "
        "(same ways of naming).",
        [["brief-parliament"]],
        default=(),
    )
    consensus: dict[Id, ConsensusExpect] = documented(
        "Consensus decisions by decision point id, and where each stands.",
        [{"DP-1": {"outcome": "fallback", "option": "talk", "blocked_by": ["south"]}}],
        default_factory=dict,
    )
    phase: Id | None = documented("Current phase.", ["move-2"], default=None)
    clock: ScenarioTime | None = documented(
        "Scenario time on the clock.", ["2031-03-02T09:00"], default=None
    )
    paused: bool | None = documented("Whether the clock is paused.", [False], default=None)
    ended: bool | None = documented("Whether the session has ended.", [False], default=None)


class Assign(Model):
    """Seat a participant in a role."""

    role: Id = documented("Role id.", ["arv_government"])
    participant: Text = documented("Participant's name.", ["Maj. Ilse Varn"])


class Advance(Model):
    """Move the scenario clock forward: by minutes, or to a time."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1, "maxProperties": 1})

    by_minutes: int | None = documented(
        "Minutes to move forward (0: deliver what is due).", [240], ge=0, le=525_600, default=None
    )
    to: ScenarioTime | None = documented(
        "Scenario time to move to.", ["2031-03-02T12:00"], default=None
    )

    @model_validator(mode="after")
    def _one(self) -> Advance:
        if (self.by_minutes is None) == (self.to is None):
            raise ValueError("give exactly one of 'by_minutes' or 'to'")
        return self


class Deliver(Model):
    """Deliver an inject now, out of the timeline."""

    inject: Id = documented("Inject id.", ["INJ-08"])
    note: str = documented(
        "Why, for the log.", ["Players asked for the council's view early."], default=""
    )


class Decide(Model):
    """Record a role's choice at a decision point."""

    decision: Id = documented("Decision point id.", ["DP-1"])
    role: Id = documented("Deciding role.", ["arv_government"])
    option: Id = documented("Option id.", ["reinforce"])
    rationale: str = documented(
        "The players' rationale.", ["Hold the line before the weekend."], default=""
    )
    override: str | None = documented(
        "Facilitator's justification for letting a choice outside mandate stand "
        "(an empty one is refused, as in the app).",
        ["Explore the escalation branch."],
        default=None,
    )


class Reject(Model):
    """Log a choice refused as outside mandate; the role must still decide."""

    decision: Id = documented("Decision point id.", ["DP-3"])
    role: Id = documented("Role that proposed it.", ["ncp_secretariat"])
    option: Id = documented("Option proposed.", ["deploy"])
    note: str = documented("Facilitator's note.", ["Beyond the charter."], default="")


class Amend(Model):
    """Correct a recorded decision's rationale (never its option)."""

    decision: Id = documented("Decision point id.", ["DP-1"])
    role: Id = documented("Role whose decision is amended.", ["arv_government"])
    rationale: str = documented("Corrected rationale.", ["Hold the line; brief parliament first."])
    reason: Justification = documented("Why it is corrected.", ["The scribe missed a sentence."])


class Adjudicate(Model):
    """A facilitator ruling: text and the fact changes it makes."""

    text: Text = documented("The ruling.", ["The raid is repelled with losses."])
    effects: tuple[Effect, ...] = documented(
        "Fact changes.", [[{"fact": "border_incidents", "increase": 1}]], default=()
    )
    decision: Id | None = documented("Decision point it rules on.", ["DP-1"], default=None)


class Note(Model):
    """An observation: strength or area for improvement."""

    kind: Literal["strength", "area_for_improvement"] = documented("Kind.", ["strength"])
    text: Text = documented("The observation.", ["Legal advice sought before deciding."])
    objective: Id | None = documented("Objective it bears on.", ["OBJ-1"], default=None)
    rating: Rating | None = documented("P/S/M/U rating it suggests.", ["S"], default=None)
    role: Id | None = documented("Role it is about.", ["arv_government"], default=None)
    decision: Id | None = documented("Decision point it is about.", ["DP-1"], default=None)
    reference: Text | None = documented(
        "For an area for improvement: the instrument, plan or procedure concerned.",
        ["Defence act, art. 9 (briefing parliament)"],
        default=None,
    )
    analysis: Text | None = documented(
        "For an area for improvement: why it happened (the root cause).",
        ["The checklist does not name who briefs parliament."],
        default=None,
    )


class Rate(Model):
    """Rate an exercise objective P/S/M/U."""

    objective: Id = documented("Objective id.", ["OBJ-1"])
    rating: Rating = documented("P/S/M/U.", ["S"])
    note: str = documented("Why.", ["Basis found; parliament briefed late."], default="")


class Plan(Model):
    """A row of the improvement plan."""

    issue: Text = documented("Issue or area for improvement.", ["Parliament briefed late."])
    corrective_action: Text = documented(
        "What will be done.", ["Add the briefing to the checklist."]
    )
    capability_element: CapabilityElement = documented("POETE element.", ["planning"])
    responsible_org: Text = documented("Organisation responsible.", ["Ministry of Defence"])
    point_of_contact: Text = documented("Person responsible.", ["Head of legal"])
    start_date: date = documented("Start.", ["2031-04-01"])
    completion_date: date = documented("Completion.", ["2031-06-30"])
    objective: Id | None = documented("Objective it serves.", ["OBJ-1"], default=None)
    answers: Text | None = documented(
        "The area for improvement it answers: the exact text of an earlier `note` step of "
        "kind area_for_improvement (the row then names that observation).",
        ["Parliament was briefed a day late."],
        default=None,
    )


class Details(Model):
    """The exercise's details the pack does not know; the whole set, replacing any given
    before."""

    exercise_type: ExerciseType | None = documented(
        "Seminar, tabletop or game.", ["tabletop"], default=None
    )
    location: Text | None = documented(
        "Where it is held.", ["Staff college, seminar room 2"], default=None
    )
    sponsor: Text | None = documented(
        "Sponsor, when the pack's does not apply.", ["Ministry of Defence"], default=None
    )
    points_of_contact: tuple[PointOfContact, ...] = documented(
        "Points of contact.",
        [[{"name": "Col. A. Petrov", "role": "Exercise director"}]],
        default=(),
    )
    evaluators: tuple[Text, ...] = documented("Evaluators.", [["Dr N. Ivanova"]], default=())
    controllers: tuple[Text, ...] = documented("Controllers.", [["Maj. S. Orlov"]], default=())


class Remark(Model):
    """An optional note for pause, resume and end."""

    note: str = documented("Note for the log.", ["Coffee break"], default="")


class StepBase(Model):
    """Fields every step may carry."""

    expect: Expect | None = documented("What must hold after the step.", [None], default=None)
    comment: str | None = documented(
        "Note for the reader of the script.", ["Branch A"], default=None
    )


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


class DetailsStep(StepBase):
    """Record the exercise's details."""

    details: Details


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
    | DetailsStep
    | PauseStep
    | ResumeStep
    | EndStep,
    Field(
        description="One step: an object with one command key (assign, advance, deliver, decide, "
        "reject, amend, adjudicate, note, rate, plan, details, pause, resume, end), and optionally "
        "'expect' and 'comment'.",
        examples=[{"advance": {"by_minutes": 60}, "expect": {"delivered": ["INJ-02A"]}}],
    ),
]


class Playthrough(Model):
    """A playthrough script: who runs the game and the steps to play."""

    schema_: str | None = documented(
        "Path or URL of the JSON Schema.",
        ["../../schemas/playthrough.schema.json"],
        alias="$schema",
        default=None,
    )
    pack: str | None = documented(
        "Pack file, relative to this script (used when `tabletop play` is given no pack).",
        ["example-pack.json"],
        default=None,
    )
    facilitator: Text = documented("Facilitator's name for the log.", ["Script runner"])
    exercise: Text = documented("Exercise name for the log.", ["Quiet Pass: branch A"])
    exercise_date: date | None = documented(
        "Day of the exercise (default: today).", ["2031-03-01"], default=None
    )
    steps: tuple[Step, ...] = documented("The steps, in order.", [[{"end": {}}]], min_length=1)


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
    "details",
    "pause",
    "resume",
    "end",
)
"""The command keys of steps, in the order the documentation lists them."""

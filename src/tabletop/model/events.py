"""Session events: the append-only log of a game, each a fact that happened, never edited.

Every event carries the wall-clock time it was logged (`at`, UTC) and the scenario time
it happened at (`scenario_time`, in-game, no zone). Events are self-contained: replaying
them needs nothing from the pack, so a log stays readable when its pack is gone.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints
from pydantic_core import CoreSchema, core_schema

from tabletop.model.base import SCENARIO_TIME_PATTERN, Id, Model, Text, documented
from tabletop.model.pack import ActionSpec
from tabletop.model.verdict import Verdict


class _Datetime:
    """A datetime checked by pydantic-core alone (logs are long: no Python per value)."""

    def __init__(self, tz: Literal["aware", "naive"] | int, schema: dict[str, Any]) -> None:
        self.tz = tz
        self.schema = schema

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        return core_schema.datetime_schema(tz_constraint=self.tz, strict=True)

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: Any) -> dict[str, Any]:
        return dict(self.schema)


WallTime = Annotated[
    datetime,
    _Datetime(
        0,
        {
            "type": "string",
            "format": "date-time",
            "description": "Wall-clock time in UTC, ISO 8601 with 'Z'.",
        },
    ),
]
"""A wall-clock instant, timezone-aware, in UTC (offset 0)."""

LogTime = Annotated[
    datetime,
    _Datetime(
        "naive",
        {
            "type": "string",
            "pattern": SCENARIO_TIME_PATTERN,
            "description": "Scenario (in-game) local time, no time zone.",
        },
    ),
]
"""A scenario time as logged: naive, parsed without Python validators."""

Justification = Annotated[str, StringConstraints(min_length=1, max_length=20_000, pattern=r"\S")]
"""Text that must say something: at least one non-blank character."""

Rating = Literal["P", "S", "M", "U"]
"""HSEEP performance rating: Performed without challenges, with Some challenges,
with Major challenges, Unable to be performed."""

FactJson = bool | int | str | tuple[str, ...] | tuple[tuple[str, str], ...]
"""A fact value as logged: actor sets as sorted lists, relations as sorted [from, to] pairs."""

DeliveryKind = Literal["scheduled", "triggered", "follow_on", "out_of_timeline"]
ReleaseKind = Literal["triggered", "follow_on"]


class FactChange(Model):
    """One fact set to a new value, with the value it had before."""

    fact: Id = documented("Fact id.", ["unrest_level"])
    before: FactJson = documented("Value before the change.", ["protests"])
    after: FactJson = documented("Value after the change.", ["violent"])


class EventBase(Model):
    """Fields every event has."""

    at: WallTime = documented(
        "Wall-clock time the event was logged (UTC).", ["2026-11-26T10:15:00Z"]
    )
    scenario_time: LogTime = documented("Scenario time it happened at.", ["2022-01-05T09:30:00"])


class SessionStarted(EventBase):
    """A game began: which pack (with its content hash), who runs it, the world at the start."""

    type: Literal["session_started"] = "session_started"
    session_id: Id = documented("Session id.", ["kazakh-unrest-2022-20261126-1a2b"])
    pack_id: Id = documented("Pack id.", ["kazakh-unrest-2022"])
    pack_version: str = documented("Pack version.", ["1.0.0"])
    pack_title: str = documented("Pack title.", ["January 2022: unrest in Kazakhstan"])
    pack_hash: str = documented("Content hash of the pack and its catalogues.", ["sha256:0f3a..."])
    facilitator: Text = documented("Who runs the game.", ["Col. A. Petrov"])
    exercise: Text = documented("Name of the exercise.", ["Staff college seminar 3"])
    exercise_date: date = documented("Day the exercise is held.", ["2026-11-26"])
    scenario_start: LogTime = documented("Scenario time at the start.", ["2022-01-02T08:00:00"])
    facts: dict[Id, FactJson] = documented(
        "Every world fact at the start.", [{"unrest_level": "calm"}]
    )
    software: str = documented(
        "tabletop version that wrote the log.", ["tabletop 0.1.0"], default=""
    )


class RoleAssigned(EventBase):
    """A participant took a seat (a later assignment of the same role replaces them)."""

    type: Literal["role_assigned"] = "role_assigned"
    role: Id = documented("Role id.", ["csto_secretariat"])
    participant: Text = documented("Participant's name.", ["Maj. K. Sadykova"])
    actor: Id = documented("Actor the role acts for.", ["CSTO"])


class PhaseStarted(EventBase):
    """The scenario clock reached the start of a phase."""

    type: Literal["phase_started"] = "phase_started"
    phase: Id = documented("Phase id.", ["move-2"])


class ClockAdvanced(EventBase):
    """The scenario clock moved forward to `scenario_time`."""

    type: Literal["clock_advanced"] = "clock_advanced"
    previous: LogTime = documented("Scenario time before the move.", ["2022-01-05T09:00:00"])


class ClockPaused(EventBase):
    """The facilitator stopped the scenario clock."""

    type: Literal["clock_paused"] = "clock_paused"
    note: str = documented("Why, if said.", ["Coffee break"], default="")


class ClockResumed(EventBase):
    """The facilitator restarted the scenario clock."""

    type: Literal["clock_resumed"] = "clock_resumed"
    note: str = documented("Why, if said.", [""], default="")


class InjectReleased(EventBase):
    """An inject was set free (follow-on or condition) and falls due at `due`."""

    type: Literal["inject_released"] = "inject_released"
    inject: Id = documented("Inject id.", ["INJ-07"])
    how: ReleaseKind = documented("What released it.", ["follow_on"])
    due: LogTime = documented("Scenario time it will be delivered.", ["2022-01-06T12:00:00"])
    because: str = documented(
        "What released it, in words.", ["DP-2: csto_secretariat chose deploy"]
    )


class InjectDelivered(EventBase):
    """An inject reached the players; its effects changed the facts."""

    type: Literal["inject_delivered"] = "inject_delivered"
    inject: Id = documented("Inject id.", ["INJ-03"])
    how: DeliveryKind = documented("Why it arrived now.", ["scheduled", "out_of_timeline"])
    because: str = documented(
        "What released it, if not the timeline.", ["DP-2: ru_mod chose deploy"], default=""
    )
    changes: tuple[FactChange, ...] = documented("Fact changes from its effects.", [[]], default=())


class DecisionOpened(EventBase):
    """A decision point was put to its deciders."""

    type: Literal["decision_opened"] = "decision_opened"
    decision_point: Id = documented("Decision point id.", ["DP-1"])
    deciders: tuple[Id, ...] = documented(
        "Roles asked to decide.", [["csto_secretariat"]], min_length=1
    )
    because: str = documented("What opened it, in words.", ["inject INJ-04", "condition"])


class DecisionRecorded(EventBase):
    """A role chose an option, with its rationale and the mandate verdict at that moment."""

    type: Literal["decision_recorded"] = "decision_recorded"
    decision_point: Id = documented("Decision point id.", ["DP-1"])
    role: Id = documented("Deciding role.", ["csto_secretariat"])
    actor: Id = documented("Actor the role acts for.", ["CSTO"])
    option: Id = documented("Option chosen.", ["deploy"])
    action: ActionSpec
    rationale: str = documented("Why, in the players' words.", ["Kazakhstan asked formally."])
    verdict: Verdict
    overridden: bool = documented(
        "Outside mandate, recorded on the facilitator's override.", [False]
    )
    changes: tuple[FactChange, ...] = documented("Fact changes from the option.", [[]], default=())
    proposed_by: Text | None = documented(
        "Who proposed the choice from their own seat, when the facilitator recorded a "
        "player's proposal (absent when the facilitator entered it).",
        ["Maj. K. Sadykova"],
        default=None,
    )
    consensus: Literal[True] | None = documented(
        "True for a choice towards a consensus: it takes effect only through the "
        "consensus_concluded event that follows the last required choice (absent otherwise).",
        [True],
        default=None,
    )


class ConsensusChoice(Model):
    """What one required decider chose at a consensus decision."""

    role: Id = documented("Deciding role.", ["arm_government"])
    option: Id = documented("Option it chose.", ["peacekeepers"])


ConsensusOutcome = Literal["agreed", "no_decision", "fallback"]
"""How a consensus decision ended: all chose the same option; they did not and nothing
took effect; they did not and the pack's fallback option took effect."""


class ConsensusConcluded(EventBase):
    """The last required decider chose at a consensus decision: what took effect, who
    agreed and who blocked."""

    type: Literal["consensus_concluded"] = "consensus_concluded"
    decision_point: Id = documented("Decision point id.", ["DP-4"])
    outcome: ConsensusOutcome = documented("How it ended.", ["agreed", "fallback"])
    option: Id | None = documented(
        "The option that took effect: the one agreed, or the fallback (absent for no decision).",
        ["peacekeepers"],
        default=None,
    )
    choices: tuple[ConsensusChoice, ...] = documented(
        "Each required decider's choice, in the pack's order.", [[]], min_length=1
    )
    leading: Id = documented(
        "The option most of them chose (the first in the pack's order on a tie): the one "
        "agreed, or the one blocked.",
        ["peacekeepers"],
    )
    agreed: tuple[Id, ...] = documented(
        "Roles that chose the leading option.", [["rus_leadership", "kgz_government"]]
    )
    blocked: tuple[Id, ...] = documented(
        "Roles that chose otherwise (empty when agreed).", [["arm_government"]], default=()
    )
    changes: tuple[FactChange, ...] = documented(
        "Fact changes from the option that took effect.", [[]], default=()
    )


class DecisionRejected(EventBase):
    """A proposed choice was refused as outside mandate; the role still has to decide."""

    type: Literal["decision_rejected"] = "decision_rejected"
    decision_point: Id = documented("Decision point id.", ["DP-3"])
    role: Id = documented("Role that proposed it.", ["csto_secretariat"])
    option: Id = documented("Option proposed.", ["deploy_uzb"])
    action: ActionSpec
    verdict: Verdict
    note: str = documented(
        "Facilitator's note.", ["Table agreed it is beyond the treaty."], default=""
    )


class MandateOverridden(EventBase):
    """The facilitator let a choice outside mandate stand, with a written justification."""

    type: Literal["mandate_overridden"] = "mandate_overridden"
    decision_point: Id = documented("Decision point id.", ["DP-3"])
    role: Id = documented("Role whose choice was let stand.", ["ru_mod"])
    option: Id = documented("Option chosen.", ["strike"])
    verdict: Verdict
    justification: Justification = documented(
        "Why the facilitator let it stand.", ["Explore the escalation branch."]
    )


class DecisionAmended(EventBase):
    """A recorded decision's rationale was corrected (the option itself never changes)."""

    type: Literal["decision_amended"] = "decision_amended"
    decision_point: Id = documented("Decision point id.", ["DP-1"])
    role: Id = documented("Role whose decision is amended.", ["csto_secretariat"])
    rationale: str = documented("The corrected rationale.", ["Kazakhstan asked formally on 5 Jan."])
    reason: Justification = documented("Why it was corrected.", ["Typo in the date."])


class FactsAdjudicated(EventBase):
    """The facilitator ruled on an outcome: a text and the fact changes it makes."""

    type: Literal["facts_adjudicated"] = "facts_adjudicated"
    ruling: Text = documented(
        "The ruling as told to the table.", ["The airport is retaken by noon."]
    )
    decision_point: Id | None = documented(
        "Decision point it rules on, if any.", ["DP-2"], default=None
    )
    changes: tuple[FactChange, ...] = documented("Fact changes it makes.", [[]], default=())


class ObservationNoted(EventBase):
    """A facilitator or evaluator observation: a strength or an area for improvement."""

    type: Literal["observation_noted"] = "observation_noted"
    kind: Literal["strength", "area_for_improvement"] = documented("Kind.", ["strength"])
    text: Text = documented("The observation.", ["The legal adviser was consulted early."])
    objective: Id | None = documented("Objective it bears on.", ["OBJ-1"], default=None)
    rating: Rating | None = documented("P/S/M/U rating it suggests.", ["S"], default=None)
    role: Id | None = documented("Role it is about, if any.", ["csto_secretariat"], default=None)
    decision_point: Id | None = documented("Decision point it is about.", ["DP-1"], default=None)
    observer: Text | None = documented(
        "Who took it, when an evaluator noted it from their own seat (absent: the facilitator).",
        ["Evaluator: Dr N. Ivanova"],
        default=None,
    )
    reference: Text | None = documented(
        "For an area for improvement: the instrument, plan or procedure concerned (HSEEP's "
        "reference).",
        ["CSTO peacekeeping agreement (2007), UNSC notification"],
        default=None,
    )
    analysis: Text | None = documented(
        "For an area for improvement: why it happened (the root cause).",
        ["Nobody owned the notification: the checklist does not name it."],
        default=None,
    )


class ObjectiveRated(EventBase):
    """The facilitator rated how an exercise objective was performed (P/S/M/U)."""

    type: Literal["objective_rated"] = "objective_rated"
    objective: Id = documented("Objective id.", ["OBJ-1"])
    rating: Rating = documented("P/S/M/U.", ["S"])
    note: str = documented(
        "Why this rating.", ["Legal basis found, UNSC not informed."], default=""
    )


CapabilityElement = Literal["planning", "organization", "equipment", "training", "exercise"]


class ImprovementPlanned(EventBase):
    """A row of the improvement plan (HSEEP IP)."""

    type: Literal["improvement_planned"] = "improvement_planned"
    issue: Text = documented("Issue or area for improvement.", ["UNSC notification not assigned."])
    corrective_action: Text = documented(
        "What will be done.", ["Add it to the deployment checklist."]
    )
    capability_element: CapabilityElement = documented("POETE element.", ["planning"])
    responsible_org: Text = documented("Organisation responsible.", ["CSTO Joint Staff"])
    point_of_contact: Text = documented("Person responsible.", ["Legal adviser"])
    start_date: date = documented("Start date.", ["2026-12-01"])
    completion_date: date = documented("Completion date.", ["2027-03-01"])
    objective: Id | None = documented("Objective it serves.", ["OBJ-2"], default=None)
    addresses: int | None = documented(
        "The area for improvement it answers: the observation's event number in the log.",
        [41],
        default=None,
    )


class ObligationMet(EventBase):
    """An obligation created by an earlier decision was discharged."""

    type: Literal["obligation_met"] = "obligation_met"
    obligation: str = documented(
        "Obligation id: decision point/role/key.",
        ["DP-1/csto_secretariat/CSTO-PKA-2007/pk-in-member-state/inform-unsc"],
    )
    by: Literal["action", "condition"] = documented("What discharged it.", ["action"])
    decision_point: Id | None = documented("Decision that discharged it.", ["DP-4"], default=None)
    role: Id | None = documented(
        "Role whose decision discharged it.", ["csto_secretariat"], default=None
    )
    explanation: str = documented(
        "How it was met, in words.", ["csto_secretariat took notify_unsc"]
    )


ExerciseType = Literal["seminar", "tabletop", "game"]
"""HSEEP's discussion-based exercise types this tool runs."""


class PointOfContact(Model):
    """Someone to ask about the exercise (HSEEP's points of contact)."""

    name: Text = documented("Name.", ["Col. A. Petrov"])
    role: str = documented("What they are for.", ["Exercise director"], default="")
    organisation: str = documented("Organisation.", ["Staff college"], default="")
    contact: str = documented("Telephone or e-mail.", ["a.petrov@example.org"], default="")


class ExerciseDetailsRecorded(EventBase):
    """What the facilitator knows of the exercise and the pack does not: its type, place,
    sponsor, points of contact, evaluators and controllers (at setup or afterwards). Each
    event gives the whole set; the latest counts."""

    type: Literal["exercise_details_recorded"] = "exercise_details_recorded"
    exercise_type: ExerciseType | None = documented("Exercise type.", ["tabletop"], default=None)
    location: Text | None = documented("Where it is held.", ["Staff college, room 4"], default=None)
    sponsor: Text | None = documented(
        "Sponsor (when the pack's does not apply).", ["Ministry of Defence"], default=None
    )
    points_of_contact: tuple[PointOfContact, ...] | None = documented(
        "Points of contact.",
        [[{"name": "Col. A. Petrov", "role": "Exercise director"}]],
        default=None,
    )
    evaluators: tuple[Text, ...] | None = documented(
        "Evaluators in the room.", [["Dr N. Ivanova"]], default=None
    )
    controllers: tuple[Text, ...] | None = documented(
        "Controllers (who run the injects with the facilitator).",
        [["Maj. S. Orlov"]],
        default=None,
    )


class SessionEnded(EventBase):
    """The game is over; only evaluation (notes, ratings, plan rows) may follow."""

    type: Literal["session_ended"] = "session_ended"
    note: str = documented("Closing remark.", ["Hot wash held."], default="")


AnyEvent = (
    SessionStarted
    | RoleAssigned
    | PhaseStarted
    | ClockAdvanced
    | ClockPaused
    | ClockResumed
    | InjectReleased
    | InjectDelivered
    | DecisionOpened
    | DecisionRecorded
    | ConsensusConcluded
    | DecisionRejected
    | MandateOverridden
    | DecisionAmended
    | FactsAdjudicated
    | ObservationNoted
    | ObjectiveRated
    | ImprovementPlanned
    | ObligationMet
    | ExerciseDetailsRecorded
    | SessionEnded
)
"""Any session event (for type checks and TypeVar bounds)."""

Event = Annotated[AnyEvent, Field(discriminator="type")]
"""Any session event, told apart by its `type`."""

EVALUATION_EVENTS = frozenset(
    {"observation_noted", "objective_rated", "improvement_planned", "exercise_details_recorded"}
)
"""Event types that may still be logged after the session ended (the hot wash)."""

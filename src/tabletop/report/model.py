"""The after-action report as data: what every renderer shows, and what `render_json` writes.

Shaped after the HSEEP AAR/IP: overview, timeline, analysis per decision point and per
objective, mandate compliance by organisation, improvement plan, appendix. Everything is
derived from the session log and the pack it names; nothing here is edited by hand.
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

from tabletop.model.base import Id, Model, ScenarioTime, documented
from tabletop.model.events import CapabilityElement, Rating, WallTime
from tabletop.model.verdict import VerdictKind
from tabletop.report.decision_views import (
    AlternativeView,
    AmendmentView,
    ChoiceView,
    ConsensusView,
    DecisionAnalysis,
    DecisionStatus,
    ObligationStatus,
    ObligationView,
    RejectionView,
    RelianceView,
    VerdictView,
)

# The decision views live in their own module; they are part of the report's model.
__all__ = [
    "AfterActionReport",
    "AlternativeView",
    "AmendmentView",
    "ChoiceView",
    "ConsensusView",
    "DecisionAnalysis",
    "DecisionStatus",
    "ObligationStatus",
    "ObligationView",
    "RejectionView",
    "RelianceView",
    "VerdictView",
]

REPORT_FORMAT: Final = "tabletop-after-action-report"
REPORT_VERSION: Final = 2

ReportStatus = Literal["final", "interim"]
RatingSource = Literal["facilitator", "observations", "none"]
TimelineKind = Literal[
    "phase",
    "inject",
    "opened",
    "decision",
    "consensus",
    "rejection",
    "ruling",
    "obligation",
    "clock",
    "end",
]
LogKind = Literal["decision", "rejection", "override", "amendment"]


class Notice(Model):
    """Something the reader must know before trusting the rest (shown first, in every format)."""

    level: Literal["danger", "warning", "info"] = documented("How serious it is.", ["danger"])
    title: str = documented("One line.", ["The log failed verification"])
    text: str = documented(
        "What it means for this report.", ["Events from 12 on are not analysed."]
    )


class UnverifiedEvent(Model):
    """An event after the first damage in the log: listed, never analysed."""

    seq: int = documented("Position in the log.", [12])
    type: str = documented("Event type as stored.", ["decision_recorded"])
    scenario_time: ScenarioTime | None = documented(
        "Scenario time it claims.", [None], default=None
    )
    summary: str = documented(
        "What it claims, in a few words (or why it cannot be read).", ["opened DP-2"]
    )


class Integrity(Model):
    """The check of the log's hash chain, as the shell ran it."""

    status: Literal["intact", "damaged"] = documented("Outcome of the check.", ["intact"])
    source: str = documented("Where the log was read from.", ["exported log game.jsonl"])
    events: int = documented("Events in the log as stored.", [44])
    verified: int = documented("Leading events whose chain checked out (the ones analysed).", [44])
    head: str = documented("Hash of the last verified event.", ["9f86d081884c7d65..."])
    damage: str | None = documented("Kind of damage: edited, missing, ...", [None], default=None)
    damaged_event: int | None = documented("First bad event.", [None], default=None)
    detail: str = documented("What was found.", [""], default="")
    summary: str = documented("One line for a person.", ["intact: 44 events"])
    unverified: tuple[UnverifiedEvent, ...] = documented(
        "Events after the damage.", [[]], default=()
    )
    signature: Literal["verified", "unsigned", "mismatch"] | None = documented(
        "An export's signature: verified (its key signed this header, hence the chain), "
        "unsigned, or mismatch (a signature that the key it names did not make over this "
        "header); none for a log read from the session database, this machine's own record.",
        [None],
        default=None,
    )
    signer: str | None = documented(
        "Fingerprint of the key the signature names (its holder vouches for the log only "
        "when the signature is verified).",
        [None],
        default=None,
    )


class OrgCompliance(Model):
    """Mandate compliance of one organisation (actor) over the game."""

    actor: str = documented("Actor id.", ["NCP"])
    actor_name: str = documented("Actor name.", ["Northern Compact"])
    roles: tuple[str, ...] = documented("Seats that acted for it.", [["Secretariat"]])
    decisions: int = documented("Decisions recorded.", [2])
    permitted: int = documented("Permitted.", [1])
    with_obligations: int = documented("Permitted with obligations.", [1])
    overridden: int = documented("Outside mandate, overridden.", [0])
    refused: int = documented("Choices refused as outside mandate.", [0])
    obligations_met: int = documented("Obligations met.", [1])
    obligations_met_late: int = documented(
        "Of the obligations met, those met after their due time.", [0]
    )
    obligations_open: int = documented("Obligations open at the end.", [0])
    obligations_late: int = documented(
        "Of the obligations open at the end, those past their due time.", [0]
    )


class ObservationView(Model):
    """An observation, noted by the facilitator or by an evaluator from their own seat."""

    kind: Literal["strength", "area_for_improvement"] = documented("Kind.", ["strength"])
    text: str = documented("The observation.", ["Legal basis checked early."])
    objective: str | None = documented("Objective.", ["OBJ-2"], default=None)
    rating: Rating | None = documented("Rating it suggests.", [None], default=None)
    role: str | None = documented("Role it is about (title).", [None], default=None)
    decision_point: str | None = documented("Decision point.", [None], default=None)
    observer: str | None = documented(
        "The evaluator who noted it from their own seat (null: the facilitator).",
        [None],
        default=None,
    )
    scenario_time: ScenarioTime = documented("Scenario time.", ["2031-03-04T10:00"])
    seq: int | None = documented("Event number in the log.", [41], default=None)
    number: str = documented(
        "Its number in the report: 'Strength 2.1' or 'Area for improvement 2.1' (objective 2, "
        "first of its kind); empty for an observation on no objective.",
        ["Area for improvement 2.1"],
        default="",
    )
    decision_point_title: str | None = documented(
        "Title of the decision point it is about.", [None], default=None
    )
    reference: str | None = documented(
        "The instrument, plan or procedure concerned (areas for improvement).",
        [None],
        default=None,
    )
    analysis: str | None = documented(
        "Why it happened: the root cause (areas for improvement).", [None], default=None
    )
    plan_rows: tuple[str, ...] = documented(
        "Numbers of the improvement-plan rows that answer it (areas for improvement).",
        [["IP-1"]],
        default=(),
    )


class ObjectiveAnalysis(Model):
    """An exercise objective, its rating, and the observations that bear on it."""

    id: Id = documented("Objective id.", ["OBJ-1"])
    text: str = documented("Objective.", ["Decide the border posture within one hour."])
    capability: str = documented("Core capability.", ["Operational Coordination"])
    rating: Rating | None = documented("P/S/M/U, or null when not rated.", ["S"], default=None)
    rating_label: str = documented("The rating in words.", ["Performed with Some Challenges"])
    rating_source: RatingSource = documented("Where it comes from.", ["none"])
    rating_note: str = documented("Why.", [""], default="")
    strengths: tuple[ObservationView, ...] = documented("Strengths.", [[]], default=())
    improvements: tuple[ObservationView, ...] = documented(
        "Areas for improvement.", [[]], default=()
    )
    decision_points: tuple[str, ...] = documented("Decision points that test it (id: title).", [[]])


class PlanRow(Model):
    """A row of the improvement plan: logged by the facilitator, or a draft the report
    proposes (for an objective rated M or U, or an obligation open at the end) for the
    facilitator to complete."""

    number: str = documented("Row number: 'IP-1', or 'Draft D-1' for a draft.", ["IP-1"])
    draft: bool = documented(
        "A row the report proposes; nobody has agreed to it yet.", [False], default=False
    )
    prompted_by: str = documented("For a draft: what calls for it.", ["OBJ-2 rated M"], default="")
    issue: str = documented("Issue / area for improvement.", ["Council not informed."])
    corrective_action: str = documented("Corrective action.", ["Add it to the checklist."])
    capability: str = documented(
        "Core capability (of the objective it serves).", ["Operational Coordination"], default=""
    )
    capability_element: CapabilityElement = documented("POETE element.", ["planning"])
    responsible_org: str = documented("Responsible organisation.", ["Compact Secretariat"])
    point_of_contact: str = documented("Point of contact.", ["Legal adviser"])
    start_date: date | None = documented("Start (null: to be set).", ["2031-04-01"])
    completion_date: date | None = documented("Completion (null: to be set).", ["2031-06-30"])
    objective: str | None = documented("Objective it serves.", ["OBJ-3"], default=None)
    answers: str | None = documented(
        "Number of the area for improvement it answers.",
        ["Area for improvement 3.1"],
        default=None,
    )


class TimelineEntry(Model):
    """One line of the timeline."""

    seq: int = documented("Event number in the log.", [3])
    kind: TimelineKind = documented("What happened.", ["inject"])
    scenario_time: ScenarioTime = documented("Scenario time.", ["2031-03-01T08:00"])
    at: WallTime = documented("Wall-clock time.", ["2031-03-01T09:03:00Z"])
    ref: str = documented("Inject, decision point or phase id.", ["INJ-01"], default="")
    title: str = documented("Headline.", ["Shots at Tavrin crossing"])
    detail: str = documented("More.", ["Arvenian Daily, news, to all"], default="")
    text: str = documented(
        "Full text (an inject's body).", ["Armed men crossed at dawn."], default=""
    )
    lane: str = documented(
        "Lane of the chart: 'Injects' or the deciding role's short name.", ["Injects"]
    )
    verdict: VerdictKind | None = documented(
        "Verdict, for decisions and refusals.", [None], default=None
    )
    overridden: bool = documented("Overridden decision.", [False], default=False)
    released_by: int | None = documented(
        "For a follow-on inject, the event number (seq) of the decision whose choice released it.",
        [None],
        default=None,
    )


class Seat(Model):
    """A role at the table and who sat in it."""

    role: str = documented("Role id.", ["arv_government"])
    title: str = documented("Seat name.", ["Government of Arvenia"])
    actor: str = documented("Actor id.", ["ARV"])
    actor_name: str = documented("Actor name.", ["Republic of Arvenia"])
    participant: str | None = documented(
        "Participant at the end (null: never seated).", ["Maj. I. Varn"]
    )
    earlier: tuple[str, ...] = documented("Participants who sat there before.", [[]], default=())


class ProposerCredit(Model):
    """A participant who proposed decisions from their own seat, recorded by the facilitator."""

    name: str = documented("Participant.", ["Maj. K. Sadykova"])
    decisions: tuple[str, ...] = documented(
        "The decisions proposed: decision point, option and seat.",
        [["DP-1: Hold and consult (Government of Arvenia)"]],
    )


class EvaluatorCredit(Model):
    """An evaluator who noted observations from their own seat."""

    name: str = documented("Evaluator.", ["Evaluator: Dr N. Ivanova"])
    observations: int = documented("Observations noted.", [2])


class Organisation(Model):
    """A participating organisation or state, with its seats."""

    actor: str = documented("Actor id.", ["NCP"])
    name: str = documented("Name.", ["Northern Compact"])
    kind: str = documented("state, organisation or non-state group.", ["organisation"])
    seats: tuple[Seat, ...] = documented("Its seats.", [[]])


class PhaseView(Model):
    """A move of the game and when it started."""

    id: str = documented("Phase id.", ["move-1"])
    title: str = documented("Title.", ["Move 1"])
    summary: str = documented("Situation at its start.", [""])
    started: ScenarioTime | None = documented(
        "Scenario time it started; null if not reached.", [None]
    )


class Contact(Model):
    """A point of contact for the exercise."""

    name: str = documented("Name.", ["Col. A. Brenn"])
    role: str = documented("What they are for.", ["Exercise director"], default="")
    organisation: str = documented("Organisation.", ["Staff college"], default="")
    contact: str = documented("Telephone or e-mail.", [""], default="")


class Overview(Model):
    """Exercise overview: what was played, when, by whom, with which pack."""

    exercise: str = documented("Exercise name.", ["Quiet Pass seminar"])
    exercise_type: str = documented(
        "Seminar, tabletop exercise or game (as the facilitator recorded it).",
        ["Tabletop exercise"],
        default="",
    )
    mission_areas: tuple[str, ...] = documented(
        "HSEEP mission areas (from the pack).", [["Prevention", "Response"]], default=()
    )
    threat: str = documented("Threat or hazard (from the pack).", [""], default="")
    sponsor: str = documented(
        "Sponsor (the facilitator's, else the pack's).", ["Staff college"], default=""
    )
    location: str = documented("Where it was held.", ["Seminar room 4"], default="")
    points_of_contact: tuple[Contact, ...] = documented("Points of contact.", [[]], default=())
    controllers: tuple[str, ...] = documented("Controllers.", [[]], default=())
    evaluators: tuple[str, ...] = documented(
        "Evaluators (recorded by the facilitator, and those who noted from their own seats).",
        [[]],
        default=(),
    )
    session_id: str = documented("Session id.", ["example-20310301-1a2b"])
    facilitator: str = documented("Facilitator.", ["Col. A. Brenn"])
    exercise_date: date | None = documented("Day held.", ["2031-03-01"])
    started_at: WallTime | None = documented("Wall clock at the start.", [None])
    ended_at: WallTime | None = documented("Wall clock at the end (null: still running).", [None])
    last_event_at: WallTime | None = documented("Wall clock of the last event.", [None])
    scenario_start: ScenarioTime | None = documented("Scenario time at the start.", [None])
    scenario_end: ScenarioTime | None = documented("Scenario clock at the end of the log.", [None])
    pack_id: str = documented("Pack id.", ["example-quiet-pass"])
    pack_title: str = documented("Pack title.", ["Quiet Pass"])
    pack_version: str = documented("Pack version the log names.", ["1.2.0"])
    pack_hash: str = documented("Content hash the log names.", ["sha256:..."])
    pack_used: str = documented("Version and hash of the pack the report was built with.", [""])
    software: str = documented("tabletop version that wrote the log.", ["tabletop 0.1.0"])
    summary: str = documented("Scenario summary.", [""])
    scope: str = documented("Scope.", [""])
    authors: tuple[str, ...] = documented("Pack authors.", [[]])
    organisations: tuple[Organisation, ...] = documented("Participating organisations.", [[]])
    phases: tuple[PhaseView, ...] = documented("Moves of the game.", [[]])
    end_note: str = documented("Closing remark of the facilitator.", [""], default="")


class RatingDefinition(Model):
    """A rating of HSEEP's P/S/M/U scale and what it means."""

    rating: Rating = documented("The rating.", ["S"])
    label: str = documented("In words.", ["Performed with Some Challenges"])
    definition: str = documented("What it means.", [""])


class Acronym(Model):
    """An acronym the report uses and what it stands for."""

    short: str = documented("The acronym.", ["CSTO"])
    long: str = documented("What it stands for.", ["Collective Security Treaty Organization"])


class OverrideFinding(Model):
    """A decision outside its mandate that the facilitator let stand."""

    seq: int = documented("Event number of the decision.", [26])
    decision_point: str = documented("Decision point: id and title.", ["DP-3: The answer"])
    role: str = documented("Seat that decided.", ["Compact Secretariat"])
    option: str = documented("Option taken.", ["Deploy the force"])
    justification: str = documented("The facilitator's justification.", [""])
    citation: str = documented(
        "What it was outside of: the instruments and articles the verdict cites (empty when "
        "no instrument gives the power at all: the headline says so).",
        [""],
    )
    headline: str = documented(
        "The verdict in one sentence (without the list of what the seat's instruments give "
        "instead).",
        [""],
    )
    consequence: str = documented(
        "What followed: the outcome, the facts it changed, the injects it released.", [""]
    )


class RefusalFinding(Model):
    """A choice refused as outside its mandate."""

    scenario_time: ScenarioTime = documented("Scenario time.", ["2031-03-02T12:00"])
    decision_point: str = documented("Decision point: id and title.", ["DP-3: The answer"])
    role: str = documented("Seat that proposed it.", ["Compact Secretariat"])
    option: str = documented("Option refused.", ["Deploy the force"])
    headline: str = documented(
        "Why it was refused, in one sentence (without the list of what the seat's "
        "instruments give instead).",
        [""],
    )


class EndState(Model):
    """Where the scenario stood at the end of the log, in words."""

    clock: str = documented(
        "Where the clock and the phases stood.",
        ["The game ended in Move 3 at 2031-03-04 12:00 (3 of 3 phases reached)."],
    )
    facts_changed: tuple[str, ...] = documented(
        "Every world fact that ended other than it started: 'title: before → after'.",
        [["Situation on the border: calm → violent"]],
        default=(),
    )
    branches: tuple[str, ...] = documented(
        "The injects a chosen option released, with the choice that released them.",
        [["Raid repelled (INJ-07), after the Compact Secretariat chose 'Deploy' at DP-3"]],
        default=(),
    )
    endings: tuple[str, ...] = documented(
        "The endings reached: the conditional injects of the last phase that were delivered.",
        [["Ending: the border holds (INJ-12)"]],
        default=(),
    )


class KeyFindings(Model):
    """The one-page summary after the title: how the game ended and what must change."""

    end_state: EndState
    overrides: tuple[OverrideFinding, ...] = documented("Every override.", [[]], default=())
    refusals: tuple[RefusalFinding, ...] = documented("Every refusal.", [[]], default=())
    obligations: tuple[ObligationView, ...] = documented(
        "Obligations open or late at the end (late first).", [[]], default=()
    )
    not_rated: tuple[str, ...] = documented(
        "Objectives not rated (id: capability).", [["OBJ-4: Public Information"]], default=()
    )
    unplanned: tuple[str, ...] = documented(
        "Areas for improvement with no improvement-plan row (number: text).", [[]], default=()
    )


class AfterActionReport(Model):
    """The after-action report of one session (HSEEP AAR/IP)."""

    format: Literal["tabletop-after-action-report"] = documented("File kind.", [REPORT_FORMAT])
    version: Literal[2] = documented("Format version.", [REPORT_VERSION])
    title: str = documented(
        "Title.", ["After-Action Report / Improvement Plan: Quiet Pass seminar"]
    )
    status: ReportStatus = documented("Interim while the session has not ended.", ["final"])
    classification: str = documented(
        "Banner for every page.", ["UNCLASSIFIED // FOR EXERCISE USE ONLY"]
    )
    notices: tuple[Notice, ...] = documented("What to know first.", [[]], default=())
    key_findings: KeyFindings
    integrity: Integrity
    overview: Overview
    timeline: tuple[TimelineEntry, ...] = documented("Timeline, in log order.", [[]])
    decisions: tuple[DecisionAnalysis, ...] = documented("Analysis per decision point.", [[]])
    compliance: tuple[OrgCompliance, ...] = documented("Compliance per organisation.", [[]])
    open_obligations: tuple[ObligationView, ...] = documented(
        "Obligations open at the end: the late ones first (due first first), then the others "
        "in the order they arose.",
        [[]],
    )
    objectives: tuple[ObjectiveAnalysis, ...] = documented("Analysis per objective.", [[]])
    other_observations: tuple[ObservationView, ...] = documented(
        "Observations on no objective.", [[]]
    )
    improvement_plan: tuple[PlanRow, ...] = documented("Improvement plan.", [[]])
    participants: tuple[Seat, ...] = documented("Every seat.", [[]])
    proposers: tuple[ProposerCredit, ...] = documented(
        "Participants who proposed decisions from their own seats.", [[]], default=()
    )
    evaluators: tuple[EvaluatorCredit, ...] = documented(
        "Evaluators who noted observations from their own seats.", [[]], default=()
    )
    decision_log: tuple[DecisionLogEntry, ...] = documented("Every decision event, in order.", [[]])
    rulings: tuple[RulingView, ...] = documented("Facilitator rulings.", [[]], default=())
    sources: tuple[str, ...] = documented(
        "Every source the report cites (verdicts, obligations, injects), sorted by key: "
        "'[key] citation url'.",
        [[]],
        default=(),
    )
    acronyms: tuple[Acronym, ...] = documented(
        "Acronyms of the pack and its catalogues, sorted.", [[]], default=()
    )
    rating_scale: tuple[RatingDefinition, ...] = documented(
        "The P/S/M/U ratings and what they mean.", [[]], default=()
    )


class DecisionLogEntry(Model):
    """One decision event in the appendix log."""

    seq: int = documented("Event number.", [26])
    kind: LogKind = documented("Kind.", ["decision"])
    scenario_time: ScenarioTime = documented("Scenario time.", ["2031-03-02T12:00"])
    at: WallTime = documented("Wall-clock time.", ["2031-03-01T10:00:00Z"])
    decision_point: str = documented("Decision point.", ["DP-3"])
    role: str = documented("Role id.", ["ncp_secretariat"])
    option: str = documented("Option.", ["deploy"], default="")
    verdict: VerdictKind | None = documented("Verdict.", [None], default=None)
    overridden: bool = documented("A decision outside mandate let stand.", [False], default=False)
    text: str = documented("Rationale, justification, note or reason.", [""], default="")
    proposed_by: str | None = documented(
        "For a decision, who proposed it from their own seat (null: the facilitator entered it).",
        [None],
        default=None,
    )


class RulingView(Model):
    """A facilitator's ruling and the fact changes it made."""

    seq: int = documented("Event number.", [30])
    scenario_time: ScenarioTime = documented("Scenario time.", ["2031-03-02T12:00"])
    decision_point: str | None = documented("Decision point it rules on.", [None], default=None)
    ruling: str = documented("The ruling.", ["The raid is repelled."])
    changes: tuple[str, ...] = documented("Fact changes, in words.", [[]], default=())


AfterActionReport.model_rebuild()

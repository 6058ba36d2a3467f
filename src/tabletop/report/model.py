"""The after-action report as data: what every renderer shows, and what `render_json` writes.

Shaped after the HSEEP AAR/IP: overview, timeline, analysis per decision point and per
objective, mandate compliance by organisation, improvement plan, appendix. Everything is
derived from the session log and the pack it names; nothing here is edited by hand.
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

from tabletop.model.base import Id, Model, ScenarioTime, f
from tabletop.model.events import CapabilityElement, Rating, WallTime
from tabletop.model.verdict import VerdictKind

REPORT_FORMAT: Final = "tabletop-after-action-report"
REPORT_VERSION: Final = 1

ReportStatus = Literal["final", "interim"]
DecisionStatus = Literal["decided", "partly decided", "open", "not reached"]
RatingSource = Literal["facilitator", "observations", "none"]
TimelineKind = Literal[
    "phase", "inject", "opened", "decision", "rejection", "ruling", "obligation", "clock", "end"
]
LogKind = Literal["decision", "rejection", "override", "amendment"]


class Notice(Model):
    """Something the reader must know before trusting the rest (shown first, in every format)."""

    level: Literal["danger", "warning", "info"] = f("How serious it is.", ["danger"])
    title: str = f("One line.", ["The log failed verification"])
    text: str = f("What it means for this report.", ["Events from 12 on are not analysed."])


class UnverifiedEvent(Model):
    """An event after the first damage in the log: listed, never analysed."""

    seq: int = f("Position in the log.", [12])
    type: str = f("Event type as stored.", ["decision_recorded"])
    scenario_time: ScenarioTime | None = f("Scenario time it claims.", [None], default=None)
    summary: str = f("What it claims, in a few words (or why it cannot be read).", ["opened DP-2"])


class Integrity(Model):
    """The check of the log's hash chain, as the shell ran it."""

    status: Literal["intact", "damaged"] = f("Outcome of the check.", ["intact"])
    source: str = f("Where the log was read from.", ["exported log game.jsonl"])
    events: int = f("Events in the log as stored.", [44])
    verified: int = f("Leading events whose chain checked out (the ones analysed).", [44])
    head: str = f("Hash of the last verified event.", ["9f86d081884c7d65..."])
    damage: str | None = f("Kind of damage: edited, missing, ...", [None], default=None)
    damaged_event: int | None = f("First bad event.", [None], default=None)
    detail: str = f("What was found.", [""], default="")
    summary: str = f("One line for a person.", ["intact: 44 events"])
    unverified: tuple[UnverifiedEvent, ...] = f("Events after the damage.", [[]], default=())
    signature: Literal["verified", "unsigned", "mismatch"] | None = f(
        "An export's signature: verified (its key signed this header, hence the chain), "
        "unsigned, or mismatch (a signature that the key it names did not make over this "
        "header); none for a log read from the session database, this machine's own record.",
        [None],
        default=None,
    )
    signer: str | None = f(
        "Fingerprint of the key the signature names (its holder vouches for the log only "
        "when the signature is verified).",
        [None],
        default=None,
    )


class VerdictView(Model):
    """A mandate verdict as the report shows it."""

    kind: VerdictKind = f("The verdict.", ["permitted"])
    label: str = f("Its label.", ["Permitted"])
    headline: str = f("One sentence.", ["Permitted under the Charter, art. 2."])
    basis: str | None = f("The power that permits it.", [None], default=None)
    reasons: tuple[str, ...] = f("Reasons in plain words.", [[]], default=())
    citations: tuple[str, ...] = f("Documents it rests on.", [[]], default=())


class ObligationView(Model):
    """An obligation a decision created, and whether it was met by the end of the log."""

    id: str = f("Obligation id: decision point/role/key.", ["DP-3/ncp/NCP-PK-2005/pk/inform"])
    text: str = f("What is owed.", ["Inform the Council of Nations."])
    citation: str = f("Where it is written.", ["Agreement on Peacekeeping Operations 2005, art. 9"])
    owed_by: str = f("Actor that owes it.", ["Northern Compact"])
    decision_point: str = f("Decision that created it.", ["DP-3"])
    role: str = f("Role whose decision created it.", ["ncp_secretariat"])
    role_title: str = f("That role's seat name.", ["Secretariat of the Northern Compact"])
    met: bool = f("Whether it was met.", [False])
    met_how: str = f("How it was met.", [""], default="")
    met_scenario_time: ScenarioTime | None = f("When it was met.", [None], default=None)
    met_at: WallTime | None = f("Wall-clock time it was met.", [None], default=None)


class AmendmentView(Model):
    """A correction of a recorded rationale."""

    rationale_before: str = f("Rationale before.", ["Consult first."])
    rationale: str = f("Corrected rationale.", ["Consult partners first."])
    reason: str = f("Why it was corrected.", ["Scribe missed a clause."])
    at: WallTime = f("When.", ["2031-03-01T09:12:00Z"])


class RejectionView(Model):
    """A choice refused as outside mandate before the role decided."""

    option: str = f("Option proposed.", ["battalion"])
    option_label: str = f("Its label.", ["Send a battalion"])
    verdict: VerdictView
    note: str = f("Facilitator's note.", [""], default="")
    scenario_time: ScenarioTime = f("Scenario time.", ["2031-03-02T12:00"])
    at: WallTime = f("Wall-clock time.", ["2031-03-01T10:00:00Z"])


class AlternativeView(Model):
    """An option the role did not take, with the verdict it would have had."""

    option: str = f("Option id.", ["consult"])
    option_label: str = f("Its label.", ["Consult and wait"])
    verdict: VerdictView | None = f("Verdict it would have had.", [None], default=None)
    error: str = f("Why no verdict could be computed.", [""], default="")


class ChoiceView(Model):
    """One decider's part at a decision point."""

    role: str = f("Role id.", ["ncp_secretariat"])
    role_title: str = f("Seat name.", ["Secretariat of the Northern Compact"])
    participant: str | None = f("Who sat there when it was decided.", ["Dr. T. Orel"])
    actor: str = f("Actor id.", ["NCP"])
    actor_name: str = f("Actor name.", ["Northern Compact"])
    decided: bool = f("Whether the role recorded a choice.", [True])
    seq: int | None = f("Event number of the decision.", [26], default=None)
    option: str | None = f("Option chosen.", ["deploy"], default=None)
    option_label: str = f("Its label.", ["Deploy peacekeepers"], default="")
    action: str = f("The action, in words.", ["Deploy peacekeepers (host: Arvenia)"], default="")
    outcome: str = f("What the pack says follows.", [""], default="")
    rationale: str = f("Rationale as last amended.", [""], default="")
    amendments: tuple[AmendmentView, ...] = f("Corrections, in order.", [[]], default=())
    verdict: VerdictView | None = f("Verdict when recorded.", [None], default=None)
    overridden: bool = f("Outside mandate, let stand by the facilitator.", [False], default=False)
    justification: str = f("The override's justification.", [""], default="")
    obligations: tuple[ObligationView, ...] = f("What it created.", [[]], default=())
    rejections: tuple[RejectionView, ...] = f("Choices refused first.", [[]], default=())
    alternatives: tuple[AlternativeView, ...] = f("Options not taken.", [[]], default=())
    alternatives_on: str = f("Which facts the alternatives were checked on.", [""], default="")
    scenario_time: ScenarioTime | None = f("When decided (scenario).", [None], default=None)
    at: WallTime | None = f("When decided (wall clock).", [None], default=None)


class DecisionAnalysis(Model):
    """One decision point: the question, each role's part, and what the mandates allowed."""

    id: Id = f("Decision point id.", ["DP-3"])
    title: str = f("Title.", ["The Compact's answer"])
    prompt: str = f("Question put.", ["What do the Compact and Belosk do?"])
    phase: str = f("Phase title.", ["Move 2"])
    status: DecisionStatus = f("Status.", ["decided"])
    objectives: tuple[str, ...] = f("Objectives it tests.", [["OBJ-2"]], default=())
    opened_because: str = f("What opened it.", ["inject INJ-04"], default="")
    opened_scenario_time: ScenarioTime | None = f("When it opened.", [None], default=None)
    time_box_minutes: int | None = f("Time allowed.", [20], default=None)
    choices: tuple[ChoiceView, ...] = f("One per decider.", [[]], default=())
    rulings: tuple[str, ...] = f("Facilitator rulings on it.", [[]], default=())


class OrgCompliance(Model):
    """Mandate compliance of one organisation (actor) over the game."""

    actor: str = f("Actor id.", ["NCP"])
    actor_name: str = f("Actor name.", ["Northern Compact"])
    roles: tuple[str, ...] = f("Seats that acted for it.", [["Secretariat"]])
    decisions: int = f("Decisions recorded.", [2])
    permitted: int = f("Permitted.", [1])
    with_obligations: int = f("Permitted with obligations.", [1])
    overridden: int = f("Outside mandate, overridden.", [0])
    refused: int = f("Choices refused as outside mandate.", [0])
    obligations_met: int = f("Obligations met.", [1])
    obligations_open: int = f("Obligations open at the end.", [0])


class ObservationView(Model):
    """A facilitator's observation."""

    kind: Literal["strength", "area_for_improvement"] = f("Kind.", ["strength"])
    text: str = f("The observation.", ["Legal basis checked early."])
    objective: str | None = f("Objective.", ["OBJ-2"], default=None)
    rating: Rating | None = f("Rating it suggests.", [None], default=None)
    role: str | None = f("Role it is about (title).", [None], default=None)
    decision_point: str | None = f("Decision point.", [None], default=None)
    scenario_time: ScenarioTime = f("Scenario time.", ["2031-03-04T10:00"])


class ObjectiveAnalysis(Model):
    """An exercise objective, its rating, and the observations that bear on it."""

    id: Id = f("Objective id.", ["OBJ-1"])
    text: str = f("Objective.", ["Decide the border posture within one hour."])
    capability: str = f("Core capability.", ["Operational Coordination"])
    rating: Rating | None = f("P/S/M/U, or null when not rated.", ["S"], default=None)
    rating_label: str = f("The rating in words.", ["Performed with Some Challenges"])
    rating_source: RatingSource = f("Where it comes from.", ["none"])
    rating_note: str = f("Why.", [""], default="")
    strengths: tuple[ObservationView, ...] = f("Strengths.", [[]], default=())
    improvements: tuple[ObservationView, ...] = f("Areas for improvement.", [[]], default=())
    decision_points: tuple[str, ...] = f("Decision points that test it (id: title).", [[]])


class PlanRow(Model):
    """A row of the improvement plan."""

    issue: str = f("Issue / area for improvement.", ["Council not informed."])
    corrective_action: str = f("Corrective action.", ["Add it to the checklist."])
    capability_element: CapabilityElement = f("POETE element.", ["planning"])
    responsible_org: str = f("Responsible organisation.", ["Compact Secretariat"])
    point_of_contact: str = f("Point of contact.", ["Legal adviser"])
    start_date: date = f("Start.", ["2031-04-01"])
    completion_date: date = f("Completion.", ["2031-06-30"])
    objective: str | None = f("Objective it serves.", ["OBJ-3"], default=None)


class TimelineEntry(Model):
    """One line of the timeline."""

    seq: int = f("Event number in the log.", [3])
    kind: TimelineKind = f("What happened.", ["inject"])
    scenario_time: ScenarioTime = f("Scenario time.", ["2031-03-01T08:00"])
    at: WallTime = f("Wall-clock time.", ["2031-03-01T09:03:00Z"])
    ref: str = f("Inject, decision point or phase id.", ["INJ-01"], default="")
    title: str = f("Headline.", ["Shots at Tavrin crossing"])
    detail: str = f("More.", ["Arvenian Daily, news, to all"], default="")
    text: str = f("Full text (an inject's body).", ["Armed men crossed at dawn."], default="")
    lane: str = f("Lane of the chart: 'Injects' or the deciding role's title.", ["Injects"])
    verdict: VerdictKind | None = f("Verdict, for decisions and refusals.", [None], default=None)
    overridden: bool = f("Overridden decision.", [False], default=False)


class Seat(Model):
    """A role at the table and who sat in it."""

    role: str = f("Role id.", ["arv_government"])
    title: str = f("Seat name.", ["Government of Arvenia"])
    actor: str = f("Actor id.", ["ARV"])
    actor_name: str = f("Actor name.", ["Republic of Arvenia"])
    participant: str | None = f("Participant at the end (null: never seated).", ["Maj. I. Varn"])
    earlier: tuple[str, ...] = f("Participants who sat there before.", [[]], default=())


class Organisation(Model):
    """A participating organisation or state, with its seats."""

    actor: str = f("Actor id.", ["NCP"])
    name: str = f("Name.", ["Northern Compact"])
    kind: str = f("state, organisation or non-state group.", ["organisation"])
    seats: tuple[Seat, ...] = f("Its seats.", [[]])


class PhaseView(Model):
    """A move of the game and when it started."""

    id: str = f("Phase id.", ["move-1"])
    title: str = f("Title.", ["Move 1"])
    summary: str = f("Situation at its start.", [""])
    started: ScenarioTime | None = f("Scenario time it started; null if not reached.", [None])


class Overview(Model):
    """Exercise overview: what was played, when, by whom, with which pack."""

    exercise: str = f("Exercise name.", ["Quiet Pass seminar"])
    session_id: str = f("Session id.", ["example-20310301-1a2b"])
    facilitator: str = f("Facilitator.", ["Col. A. Brenn"])
    exercise_date: date | None = f("Day held.", ["2031-03-01"])
    started_at: WallTime | None = f("Wall clock at the start.", [None])
    ended_at: WallTime | None = f("Wall clock at the end (null: still running).", [None])
    last_event_at: WallTime | None = f("Wall clock of the last event.", [None])
    scenario_start: ScenarioTime | None = f("Scenario time at the start.", [None])
    scenario_end: ScenarioTime | None = f("Scenario clock at the end of the log.", [None])
    pack_id: str = f("Pack id.", ["example-quiet-pass"])
    pack_title: str = f("Pack title.", ["Quiet Pass"])
    pack_version: str = f("Pack version the log names.", ["1.2.0"])
    pack_hash: str = f("Content hash the log names.", ["sha256:..."])
    pack_used: str = f("Version and hash of the pack the report was built with.", [""])
    software: str = f("tabletop version that wrote the log.", ["tabletop 0.1.0"])
    summary: str = f("Scenario summary.", [""])
    scope: str = f("Scope.", [""])
    authors: tuple[str, ...] = f("Pack authors.", [[]])
    organisations: tuple[Organisation, ...] = f("Participating organisations.", [[]])
    phases: tuple[PhaseView, ...] = f("Moves of the game.", [[]])
    end_note: str = f("Closing remark of the facilitator.", [""], default="")


class AfterActionReport(Model):
    """The after-action report of one session (HSEEP AAR/IP)."""

    format: Literal["tabletop-after-action-report"] = f("File kind.", [REPORT_FORMAT])
    version: Literal[1] = f("Format version.", [REPORT_VERSION])
    title: str = f("Title.", ["After-Action Report: Quiet Pass seminar"])
    status: ReportStatus = f("Interim while the session has not ended.", ["final"])
    classification: str = f("Banner for every page.", ["UNCLASSIFIED // FOR EXERCISE USE ONLY"])
    notices: tuple[Notice, ...] = f("What to know first.", [[]], default=())
    integrity: Integrity
    overview: Overview
    timeline: tuple[TimelineEntry, ...] = f("Timeline, in log order.", [[]])
    decisions: tuple[DecisionAnalysis, ...] = f("Analysis per decision point.", [[]])
    compliance: tuple[OrgCompliance, ...] = f("Compliance per organisation.", [[]])
    open_obligations: tuple[ObligationView, ...] = f("Obligations open at the end.", [[]])
    objectives: tuple[ObjectiveAnalysis, ...] = f("Analysis per objective.", [[]])
    other_observations: tuple[ObservationView, ...] = f("Observations on no objective.", [[]])
    improvement_plan: tuple[PlanRow, ...] = f("Improvement plan.", [[]])
    participants: tuple[Seat, ...] = f("Every seat.", [[]])
    decision_log: tuple[DecisionLogEntry, ...] = f("Every decision event, in order.", [[]])
    rulings: tuple[RulingView, ...] = f("Facilitator rulings.", [[]], default=())
    sources: tuple[str, ...] = f("Sources cited by the verdicts.", [[]], default=())


class DecisionLogEntry(Model):
    """One decision event in the appendix log."""

    seq: int = f("Event number.", [26])
    kind: LogKind = f("Kind.", ["decision"])
    scenario_time: ScenarioTime = f("Scenario time.", ["2031-03-02T12:00"])
    at: WallTime = f("Wall-clock time.", ["2031-03-01T10:00:00Z"])
    decision_point: str = f("Decision point.", ["DP-3"])
    role: str = f("Role id.", ["ncp_secretariat"])
    option: str = f("Option.", ["deploy"], default="")
    verdict: VerdictKind | None = f("Verdict.", [None], default=None)
    overridden: bool = f("A decision outside mandate let stand.", [False], default=False)
    text: str = f("Rationale, justification, note or reason.", [""], default="")


class RulingView(Model):
    """A facilitator's ruling and the fact changes it made."""

    seq: int = f("Event number.", [30])
    scenario_time: ScenarioTime = f("Scenario time.", ["2031-03-02T12:00"])
    decision_point: str | None = f("Decision point it rules on.", [None], default=None)
    ruling: str = f("The ruling.", ["The raid is repelled."])
    changes: tuple[str, ...] = f("Fact changes, in words.", [[]], default=())


AfterActionReport.model_rebuild()

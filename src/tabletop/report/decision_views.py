"""The decision analysis of the after-action report as data: each choice with its verdict,
the facts it relied on, its obligations and deadlines, the refusals and amendments before
it, and the verdicts of the options not taken."""

from __future__ import annotations

from typing import Literal

from tabletop.model.base import Id, Model, ScenarioTime, documented
from tabletop.model.events import WallTime
from tabletop.model.verdict import FactOrigin, VerdictKind

DecisionStatus = Literal["decided", "partly decided", "open", "not reached"]
ObligationStatus = Literal["open", "met", "late", "met_late"]


class RelianceView(Model):
    """A fact a verdict relied on, its value, and where that value came from in the game."""

    fact: Id = documented("Fact id.", ["aggression"])
    origin: FactOrigin = documented(
        "start: the pack's starting value; inject; decision; ruling: the facilitator's; "
        "other: not recorded.",
        ["decision"],
    )
    ref: str | None = documented(
        "The inject or decision point that set it (or the one a ruling is on).",
        ["DP-2"],
        default=None,
    )
    by: str | None = documented(
        "The seat whose decision set it.", ["Kazakh Presidential Administration"], default=None
    )
    words: str = documented(
        "In words, as every format prints it after 'Relies on:'.",
        [
            "Aggression: international terrorists → Kazakhstan — as framed by the Kazakh "
            "Presidential Administration at DP-2"
        ],
    )


class VerdictView(Model):
    """A mandate verdict as the report shows it."""

    kind: VerdictKind = documented("The verdict.", ["permitted"])
    label: str = documented("Its label.", ["Permitted"])
    headline: str = documented("One sentence.", ["Permitted under the Charter, art. 2."])
    basis: str | None = documented("The power that permits it.", [None], default=None)
    reasons: tuple[str, ...] = documented("Reasons in plain words.", [[]], default=())
    citations: tuple[str, ...] = documented(
        "Documents it rests on, each with its article (or 'article not given in the source') "
        "and its source's kind and weight.",
        [["Collective Security Treaty 1992, art. 4 [CSTO-1992; treaty, binding]"]],
        default=(),
    )
    also_under: tuple[str, ...] = documented(
        "The other powers that permit it, after the basis (binding ones first).",
        [["Charter of the United Nations 1945: A state may always ask for help."]],
        default=(),
    )
    cautions: tuple[str, ...] = documented(
        "What the verdict carries as a caution: a figure exceeded, a basis that is only a "
        "statement or a press report.",
        [[]],
        default=(),
    )
    relies_on: tuple[RelianceView, ...] | None = documented(
        "The facts it relied on and where each value came from in the game, as recorded "
        "with the decision (none: not recorded, as in an older log or for an option not "
        "taken).",
        [None],
        default=None,
    )


class ObligationView(Model):
    """An obligation a decision created, its deadline, and whether it was met, and in time,
    by the end of the log."""

    id: str = documented(
        "Obligation id: decision point/role/key.", ["DP-3/ncp/NCP-PK-2005/pk/inform"]
    )
    text: str = documented("What is owed.", ["Inform the Council of Nations."])
    citation: str = documented(
        "Where it is written.", ["Agreement on Peacekeeping Operations 2005, art. 9"]
    )
    owed_by: str = documented("Actor that owes it.", ["Northern Compact"])
    decision_point: str = documented("Decision that created it.", ["DP-3"])
    decision_point_title: str = documented(
        "That decision point's title.", ["The Compact's answer"], default=""
    )
    role: str = documented("Role whose decision created it.", ["ncp_secretariat"])
    role_title: str = documented("That role's seat name.", ["Secretariat of the Northern Compact"])
    met: bool = documented("Whether it was met.", [False])
    met_how: str = documented("How it was met.", [""], default="")
    met_scenario_time: ScenarioTime | None = documented("When it was met.", [None], default=None)
    met_at: WallTime | None = documented("Wall-clock time it was met.", [None], default=None)
    arose_scenario_time: ScenarioTime = documented(
        "Scenario time of the decision that created it.", ["2031-03-02T12:00"]
    )
    within_hours: int | None = documented(
        "Scenario hours it allowed after that decision (0: at once); null: no deadline.",
        [24],
        default=None,
    )
    deadline: str = documented(
        "The deadline in words: 'at once', 'within 24 hours' or 'no deadline'.",
        ["within 24 hours"],
    )
    deadline_note: str | None = documented(
        "Where the deadline comes from: the instrument's words or the pack's reading.",
        ["Read as 24 hours by the pack."],
        default=None,
    )
    due_scenario_time: ScenarioTime | None = documented(
        "Scenario time it was due by; null: no deadline.", ["2031-03-03T12:00"], default=None
    )
    status: ObligationStatus = documented(
        "open: not met, and not past its due time at the end of the log (or no deadline); "
        "met: met by its due time; late: still open at the end of the log with the clock past "
        "its due time; met_late: met after its due time.",
        ["late"],
    )
    status_label: str = documented("The status in words.", ["Late"])
    late_by: str = documented(
        "How far past its due time: when met (met late), or at the end of the log (late); "
        "'' otherwise.",
        ["4 h 30 min"],
        default="",
    )


class AmendmentView(Model):
    """A correction of a recorded rationale."""

    rationale_before: str = documented("Rationale before.", ["Consult first."])
    rationale: str = documented("Corrected rationale.", ["Consult partners first."])
    reason: str = documented("Why it was corrected.", ["Scribe missed a clause."])
    at: WallTime = documented("When.", ["2031-03-01T09:12:00Z"])


class RejectionView(Model):
    """A choice refused as outside mandate before the role decided."""

    option: str = documented("Option proposed.", ["battalion"])
    option_label: str = documented("Its label.", ["Send a battalion"])
    verdict: VerdictView
    note: str = documented("Facilitator's note.", [""], default="")
    scenario_time: ScenarioTime = documented("Scenario time.", ["2031-03-02T12:00"])
    at: WallTime = documented("Wall-clock time.", ["2031-03-01T10:00:00Z"])


class AlternativeView(Model):
    """An option the role did not take, with the verdict it would have had."""

    option: str = documented("Option id.", ["consult"])
    option_label: str = documented("Its label.", ["Consult and wait"])
    verdict: VerdictView | None = documented("Verdict it would have had.", [None], default=None)
    error: str = documented("Why no verdict could be computed.", [""], default="")


class ChoiceView(Model):
    """One decider's part at a decision point."""

    role: str = documented("Role id.", ["ncp_secretariat"])
    role_title: str = documented("Seat name.", ["Secretariat of the Northern Compact"])
    participant: str | None = documented("Who sat there when it was decided.", ["Dr. T. Orel"])
    proposed_by: str | None = documented(
        "Who proposed the choice from their own seat, when the facilitator recorded a "
        "participant's proposal (null: the facilitator entered it).",
        [None],
        default=None,
    )
    actor: str = documented("Actor id.", ["NCP"])
    actor_name: str = documented("Actor name.", ["Northern Compact"])
    decided: bool = documented("Whether the role recorded a choice.", [True])
    seq: int | None = documented("Event number of the decision.", [26], default=None)
    option: str | None = documented("Option chosen.", ["deploy"], default=None)
    option_label: str = documented("Its label.", ["Deploy peacekeepers"], default="")
    action: str = documented(
        "The action, in words.", ["Deploy peacekeepers (host: Arvenia)"], default=""
    )
    outcome: str = documented("What the pack says follows.", [""], default="")
    rationale: str = documented("Rationale as last amended.", [""], default="")
    amendments: tuple[AmendmentView, ...] = documented("Corrections, in order.", [[]], default=())
    verdict: VerdictView | None = documented("Verdict when recorded.", [None], default=None)
    overridden: bool = documented(
        "Outside mandate, let stand by the facilitator.", [False], default=False
    )
    justification: str = documented("The override's justification.", [""], default="")
    obligations: tuple[ObligationView, ...] = documented("What it created.", [[]], default=())
    rejections: tuple[RejectionView, ...] = documented("Choices refused first.", [[]], default=())
    alternatives: tuple[AlternativeView, ...] = documented("Options not taken.", [[]], default=())
    alternatives_on: str = documented(
        "Which facts the alternatives were checked on.", [""], default=""
    )
    scenario_time: ScenarioTime | None = documented(
        "When decided (scenario).", [None], default=None
    )
    at: WallTime | None = documented("When decided (wall clock).", [None], default=None)


ConsensusStanding = Literal["agreed", "no_decision", "fallback", "pending"]


class ConsensusView(Model):
    """How a decision taken by consensus stood at the end: who agreed, who blocked, and
    what took effect."""

    outcome: ConsensusStanding = documented(
        "agreed; no_decision or fallback (someone chose otherwise); pending (not everyone "
        "required had chosen when the log ends).",
        ["fallback"],
    )
    required: tuple[str, ...] = documented(
        "The seats whose consensus it needed.", [["CSTO Secretariat", "Government of Armenia"]]
    )
    agreed: tuple[str, ...] = documented(
        "Seats that chose the option most chose.", [["CSTO Secretariat"]], default=()
    )
    blocked: tuple[str, ...] = documented(
        "Seats that chose otherwise, each with its choice.",
        [["Government of Armenia (chose: Decline)"]],
        default=(),
    )
    waiting_for: tuple[str, ...] = documented(
        "Seats that had not chosen (pending only).", [[]], default=()
    )
    took_effect: str | None = documented(
        "The option that took effect (the one agreed, or the fallback).",
        ["Consultations only"],
        default=None,
    )
    words: str = documented(
        "In words, as every format prints it after 'Consensus:'.",
        [
            "not reached: Government of Armenia (chose: Decline) blocked 'Peacekeepers', "
            "chosen by CSTO Secretariat; the fallback 'Consultations only' took effect."
        ],
    )


class DecisionAnalysis(Model):
    """One decision point: the question, each role's part, and what the mandates allowed."""

    id: Id = documented("Decision point id.", ["DP-3"])
    title: str = documented("Title.", ["The Compact's answer"])
    prompt: str = documented("Question put.", ["What do the Compact and Belosk do?"])
    phase: str = documented("Phase title.", ["Move 2"])
    status: DecisionStatus = documented("Status.", ["decided"])
    objectives: tuple[str, ...] = documented("Objectives it tests.", [["OBJ-2"]], default=())
    opened_because: str = documented("What opened it.", ["inject INJ-04"], default="")
    opened_scenario_time: ScenarioTime | None = documented("When it opened.", [None], default=None)
    time_box_minutes: int | None = documented("Time allowed.", [20], default=None)
    choices: tuple[ChoiceView, ...] = documented("One per decider.", [[]], default=())
    rulings: tuple[str, ...] = documented("Facilitator rulings on it.", [[]], default=())
    consensus: ConsensusView | None = documented(
        "For a decision taken by consensus: how it stood (absent otherwise).", [None], default=None
    )

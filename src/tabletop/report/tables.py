"""The report's tables and fact lines as text cells, the same columns in Markdown and Word.

Each format passes its own escape for outside text (`cell` for Markdown, `str` for Word,
whose `add_text` makes every cell it writes safe); counts, dates, times and badges are ours
and go as they are. The HTML template lays out its own tables with markup in the cells, and
takes only the decision facts line from here (autoescaped as a whole).
"""

from __future__ import annotations

from collections.abc import Callable

from tabletop.report import words as wd
from tabletop.report.model import AfterActionReport, DecisionAnalysis, ObligationView

Escape = Callable[[str], str]

COMPLIANCE_HEAD = [
    "Organisation",
    "Decisions",
    "Permitted",
    "With obligations",
    "Outside mandate, overridden",
    "Refused",
    "Obligations met",
    "Obligations open",
]
PARTICIPANTS_HEAD = ["Role", "Acting for", "Participant", "Earlier in the seat"]
PROPOSERS_TITLE = "Decisions proposed from the participants' own seats"
PROPOSERS_HEAD = ["Participant", "Proposed from their seat; recorded by the facilitator"]
EVALUATORS_TITLE = "Evaluators"
EVALUATORS_HEAD = ["Evaluator", "Observations noted from their seat"]
UNVERIFIED_HEAD = ["#", "Scenario time", "Type", "What it claims"]


def decision_facts(a: DecisionAnalysis, esc: Escape = str) -> str:
    """'Phase: Move 2; opened 2031-03-02 08:00, by inject INJ-04; time box 20 min.'"""
    facts = [f"Phase: {esc(a.phase)}"]
    if a.opened_scenario_time:
        opened = f"opened {wd.scenario(a.opened_scenario_time)}"
        if a.opened_because:
            opened += ", " + esc(wd.opened_words(a.opened_because)).removeprefix("opened ")
        facts.append(opened)
    if a.objectives:
        facts.append("objectives: " + ", ".join(esc(x) for x in a.objectives))
    if a.time_box_minutes:
        facts.append(f"time box {a.time_box_minutes} min")
    return "; ".join(facts) + "."


def compliance_rows(report: AfterActionReport, esc: Escape = str) -> list[list[str]]:
    """One row per organisation: its name, then the counts of COMPLIANCE_HEAD."""
    return [
        [
            esc(c.actor_name),
            *(
                str(x)
                for x in (
                    c.decisions,
                    c.permitted,
                    c.with_obligations,
                    c.overridden,
                    c.refused,
                )
            ),
            with_late(c.obligations_met, c.obligations_met_late),
            with_late(c.obligations_open, c.obligations_late),
        ]
        for c in report.compliance
    ]


def deadline_line(ob: ObligationView) -> str:
    """An obligation's deadline and due time: 'at once, due 2031-03-02 12:00', 'no deadline'."""
    if ob.due_scenario_time is None:
        return ob.deadline
    return f"{ob.deadline}, due {wd.scenario(ob.due_scenario_time)}"


def lateness(ob: ObligationView) -> str:
    """How late: 'open at the end, 4 h past its due time', '2 h after its due time', ''."""
    if ob.status == "late":
        return f"open at the end, {ob.late_by} past its due time"
    if ob.status == "met_late":
        return f"{ob.late_by} after its due time"
    return ""


def with_late(count: int, late: int) -> str:
    """A count of obligations and how many of them were late: '2', '2 (1 late)'."""
    return f"{count} ({late} late)" if late else str(count)


def participant_rows(report: AfterActionReport, esc: Escape = str) -> list[list[str]]:
    """Each seat: role, organisation, participant at the end, earlier participants."""
    return [
        [
            esc(s.title),
            esc(s.actor_name),
            esc(s.participant or "(not seated)"),
            esc(", ".join(s.earlier) or "—"),
        ]
        for s in report.participants
    ]


def proposer_rows(report: AfterActionReport, esc: Escape = str) -> list[list[str]]:
    """Each participant who proposed decisions from their own seat, and those decisions."""
    return [[esc(p.name), esc("; ".join(p.decisions))] for p in report.proposers]


def evaluator_rows(report: AfterActionReport, esc: Escape = str) -> list[list[str]]:
    """Each evaluator who noted observations from their own seat, and how many."""
    return [[esc(e.name), str(e.observations)] for e in report.evaluators]


def log_rows(report: AfterActionReport, esc: Escape = str) -> list[list[str]]:
    """The decision log: number, times, kind, decision, role, option, verdict, text."""
    day = wd.session_day(report)
    rows = []
    for e in report.decision_log:
        verdict = "—"
        if e.verdict:
            refused = e.kind == "rejection"
            verdict = wd.verdict_badge(e.verdict, e.overridden or e.kind == "override", refused)
        rows.append(
            [
                str(e.seq),
                wd.scenario(e.scenario_time),
                wd.wall_short(e.at, day),
                e.kind,
                esc(e.decision_point),
                esc(e.role),
                esc(e.option or "—"),
                verdict,
                esc(wd.with_proposer(e.text, e.proposed_by) or "—"),
            ]
        )
    return rows


def unverified_rows(report: AfterActionReport, esc: Escape = str) -> list[list[str]]:
    """The events past the damage, as they claim to be."""
    return [
        [str(u.seq), wd.scenario(u.scenario_time), esc(u.type), esc(u.summary)]
        for u in report.integrity.unverified
    ]

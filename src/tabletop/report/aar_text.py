"""The parts of the AAR/IP that are the same words in every format: the key findings, the
overview's facts, the rating scale, the improvement-plan matrix, the exercise staff and the
acronyms.

Each part is text with `Mark`s (a verdict, an obligation's status, a rating: words in
brackets in Markdown, a coloured badge in HTML and Word, always with the words). Outside
text is passed through the format's escape (`str` where the format escapes on writing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from tabletop.report import words as wd
from tabletop.report.model import AfterActionReport, ObligationView, PlanRow

Escape = Callable[[str], str]
Tone = Literal["ok", "warn", "bad", "info", "none"]


@dataclass(frozen=True)
class Mark:
    """A status shown in colour and in words: the words are always there."""

    label: str
    tone: Tone
    symbol: str = ""


@dataclass(frozen=True)
class Item:
    """One line of a list: an optional mark, a bold lead, then text."""

    text: str
    lead: str = ""
    mark: Mark | None = None


@dataclass(frozen=True)
class Group:
    """A titled list of items, with what to say when it is empty; `inline`: short items
    said in one paragraph ('Title: a; b; c.') to keep the key findings to a page."""

    title: str
    items: tuple[Item, ...]
    empty: str
    inline: bool = False

    def sentence(self) -> str:
        """The items (or the empty words) as one sentence, for an inline group."""
        return "; ".join(i.text for i in self.items) + "." if self.items else self.empty


RATING_TONES: dict[str | None, Tone] = {
    "P": "ok",
    "S": "info",
    "M": "warn",
    "U": "bad",
    None: "none",
}
OBLIGATION_TONES: dict[str, Tone] = {"open": "bad", "late": "bad", "met": "ok", "met_late": "warn"}
OBLIGATION_SYMBOLS = {"open": "✗", "late": "✗", "met": "✓", "met_late": "!"}
VERDICT_TONES: dict[str | None, Tone] = {
    "permitted": "ok",
    "permitted_with_obligations": "warn",
    "outside_mandate": "bad",
    None: "none",
}
VERDICT_SYMBOLS = {"permitted": "✓", "permitted_with_obligations": "!", "outside_mandate": "✗"}

OVERRIDE_LEAD = "Override, let stand by the facilitator: "
"""How every format introduces an override's justification (bold)."""

PLAN_HEAD = [
    "No.",
    "Core capability / objective",
    "Issue / area for improvement",
    "Corrective action",
    "Capability element",
    "Responsible organisation",
    "Point of contact",
    "Start",
    "Completion",
]


def rating_mark(rating: str | None) -> Mark:
    """A rating in colour and words: 'S: Performed with Some Challenges'."""
    label = f"{rating}: {wd.RATING_LABELS[rating]}" if rating else wd.RATING_LABELS[None]
    return Mark(label, RATING_TONES.get(rating, "none"))


def verdict_mark(kind: str | None, overridden: bool = False, refused: bool = False) -> Mark:
    """A verdict in colour and words."""
    label = wd.verdict_badge(kind, overridden, refused)
    return Mark(label, VERDICT_TONES.get(kind, "none"), VERDICT_SYMBOLS.get(kind or "", ""))


def obligation_mark(ob: ObligationView) -> Mark:
    """An obligation's status at the end."""
    label = ob.status_label + ("" if ob.met else " at the end")
    if ob.status == "late":
        label += f", by {ob.late_by}"
    return Mark(label, OBLIGATION_TONES[ob.status], OBLIGATION_SYMBOLS[ob.status])


def findings_groups(report: AfterActionReport, esc: Escape = str) -> list[Group]:
    """The key findings, after the end state: each list an analyst takes up first."""
    k = report.key_findings
    overrides = tuple(
        Item(
            lead=esc(f"{f.decision_point}. {f.role}: '{f.option}'. "),
            mark=verdict_mark("outside_mandate", overridden=True),
            text=esc(
                f"{OVERRIDE_LEAD}{f.justification} "
                + (f"Outside: {f.citation}." if f.citation else f"Why: {f.headline}")
                + (f" Consequence: {f.consequence}" if f.consequence else "")
            ),
        )
        for f in k.overrides
    )
    refusals = tuple(
        Item(
            lead=esc(f"{f.decision_point}. {f.role}: '{f.option}'. "),
            mark=verdict_mark("outside_mandate", refused=True),
            text=esc(f.headline),
        )
        for f in k.refusals
    )
    owed = tuple(
        Item(
            lead=esc(f"{ob.owed_by}: "),
            mark=obligation_mark(ob),
            text=esc(f"{ob.text} ({ob.citation}; {ob.deadline}; {wd.arose_words(ob)})"),
        )
        for ob in k.obligations
    )
    drafts = [p for p in report.improvement_plan if p.draft]
    draft_note = (
        f" The improvement plan proposes {wd.plural(len(drafts), 'draft row')} to complete."
        if drafts
        else ""
    )
    return [
        Group(
            "Decisions outside the mandate let stand",
            overrides,
            "None: every decision outside its mandate was refused.",
        ),
        Group("Choices refused as outside the mandate", refusals, "None."),
        Group("Obligations open or late at the end", owed, "None: every obligation was met."),
        Group(
            "Objectives not rated",
            tuple(Item(esc(x)) for x in k.not_rated),
            "None: every objective was rated.",
        ),
        Group(
            "Areas for improvement without an improvement-plan row",
            tuple(Item(esc(x)) for x in k.unplanned),
            "None." + draft_note,
        ),
    ]


def end_state_groups(report: AfterActionReport, esc: Escape = str) -> list[Group]:
    """The end state's lists: facts changed, branches taken, endings reached."""
    e = report.key_findings.end_state
    return [
        Group(
            "World facts that changed",
            tuple(Item(esc(x)) for x in e.facts_changed),
            "None changed.",
            inline=True,
        ),
        Group(
            "Branches taken",
            tuple(Item(esc(x)) for x in e.branches),
            "None: no chosen option released an inject.",
        ),
        Group("Endings reached", tuple(Item(esc(x)) for x in e.endings), "None.", inline=True),
    ]


def overview_rows(report: AfterActionReport, esc: Escape = str) -> list[list[str]]:
    """The exercise overview as label/value rows (the hashes are each format's own)."""
    o = report.overview
    contacts = "; ".join(
        ", ".join(x for x in (c.name, c.role, c.organisation, c.contact) if x)
        for c in o.points_of_contact
    )
    given = "not recorded"
    wall = f"{wd.wall(o.started_at)} to {wd.wall(o.ended_at or o.last_event_at)}"
    wall += "" if o.ended_at else " (not ended)"
    rows = [
        ["Exercise name", o.exercise],
        ["Exercise type", o.exercise_type or given],
        ["Exercise date", str(o.exercise_date or "—")],
        [
            "Duration (wall clock)",
            f"{wd.wall(o.started_at)} to {wd.wall(o.ended_at or o.last_event_at)}"
            + ("" if o.ended_at else " (not ended)"),
        ],
        ["Scenario time", f"{wd.scenario(o.scenario_start)} to {wd.scenario(o.scenario_end)}"],
        ["Location", o.location or given],
        ["Sponsor", o.sponsor or given],
        ["Mission areas", ", ".join(o.mission_areas) or "not stated in the pack"],
        ["Threat or hazard", o.threat or "not stated in the pack"],
        ["Facilitator", o.facilitator or "—"],
        *([["Facilitator's closing remark", o.end_note]] if o.end_note else []),
        ["Points of contact", contacts or given],
        ["Session", o.session_id or "—"],
        ["Scenario pack", f"{o.pack_title} ({o.pack_id} {o.pack_version})"],
        ["Pack authors", "; ".join(o.authors) or "—"],
        ["Logged by", o.software or "—"],
    ]
    return [[label, esc(value)] for label, value in rows]


def plan_cells(p: PlanRow, esc: Escape = str) -> list[str]:
    """One row of the improvement-plan matrix, in the columns of PLAN_HEAD."""
    number = f"{p.number} (draft)" if p.draft else p.number
    objective = p.capability + (f" ({p.objective})" if p.objective else "")
    issue = p.issue
    if p.draft:
        issue = f"DRAFT ({p.prompted_by}). {issue}"
    elif p.answers:
        issue = f"{p.answers}: {issue}"
    return [
        number,
        esc(objective or "—"),
        esc(issue),
        esc(p.corrective_action),
        wd.CAPABILITY_ELEMENTS[p.capability_element] + (" (to confirm)" if p.draft else ""),
        esc(p.responsible_org),
        esc(p.point_of_contact),
        p.start_date.isoformat() if p.start_date else "to be set",
        p.completion_date.isoformat() if p.completion_date else "to be set",
    ]


def staff_rows(report: AfterActionReport, esc: Escape = str) -> list[list[str]]:
    """The exercise staff: facilitator, controllers, evaluators (Role, Name)."""
    o = report.overview
    rows = [["Facilitator", esc(o.facilitator or "—")]]
    rows += [["Controller", esc(n)] for n in o.controllers]
    rows += [["Evaluator", esc(n)] for n in o.evaluators]
    return rows


def acronym_rows(report: AfterActionReport, esc: Escape = str) -> list[list[str]]:
    """The acronyms appendix: acronym, what it stands for."""
    return [[esc(a.short), esc(a.long)] for a in report.acronyms]


def rating_rows(report: AfterActionReport, esc: Escape = str) -> list[tuple[Mark, str]]:
    """The P/S/M/U scale: each rating's mark and its definition."""
    return [(rating_mark(r.rating), esc(r.definition)) for r in report.rating_scale]

"""Wording shared by the report builder and its renderers: times, ratings, verdicts, actions."""

from __future__ import annotations

from datetime import date, datetime

from tabletop.engine.provenance import reliance_words
from tabletop.engine.state import fact_from_json
from tabletop.mandates import wording as w
from tabletop.mandates.headlines import INSTEAD_CLAUSE
from tabletop.mandates.render import citation_words
from tabletop.model.events import FactChange
from tabletop.model.index import index_of
from tabletop.model.pack import ActionSpec, DecisionPoint, Pack
from tabletop.model.verdict import FactTrace, Verdict
from tabletop.report.model import (
    AfterActionReport,
    ObligationView,
    ObservationView,
    RelianceView,
    VerdictView,
)

RATING_LABELS: dict[str | None, str] = {
    "P": "Performed without Challenges",
    "S": "Performed with Some Challenges",
    "M": "Performed with Major Challenges",
    "U": "Unable to be Performed",
    None: "Not rated",
}
"""HSEEP performance ratings in words."""

RATING_ORDER = {"P": 0, "S": 1, "M": 2, "U": 3}
"""Ratings from best to worst."""

RATING_DEFINITIONS: dict[str, str] = {
    "P": "The targets and critical tasks of the objective were completed in a way that "
    "achieved its aim; the performance did not add risks to the safety of the public or of "
    "those responding, and it was carried out under the applicable plans, policies, "
    "procedures, regulations and laws.",
    "S": "The objective's aim was achieved, but some of its performance showed opportunities "
    "to improve effectiveness or efficiency; it did not add risks, and it kept to the "
    "applicable plans, policies, procedures, regulations and laws.",
    "M": "The objective's aim was achieved only in part, or with major problems: the "
    "performance added risks, or departed from the applicable plans, policies, procedures, "
    "regulations or laws (a decision outside its mandate let stand, say).",
    "U": "The targets and critical tasks of the objective were not performed in a way that "
    "achieved its aim.",
}
"""What each rating means, after HSEEP's definitions (in our words)."""

EXERCISE_TYPES = {
    "seminar": "Seminar",
    "tabletop": "Tabletop exercise",
    "game": "Game",
}
"""The exercise types in words."""

VERDICT_SHORT = {
    "permitted": "Permitted",
    "permitted_with_obligations": "Permitted with obligations",
    "outside_mandate": "Outside mandate",
}

CAPABILITY_ELEMENTS = {
    "planning": "Planning",
    "organization": "Organization",
    "equipment": "Equipment",
    "training": "Training",
    "exercise": "Exercise",
}


def scenario(value: datetime | None) -> str:
    """A scenario time as the report prints it: '2031-03-01 08:00'."""
    # isoformat, not strftime: this runs for every row of a long timeline.
    return "—" if value is None else value.isoformat(" ", "minutes")[:16]


def wall(value: datetime | None) -> str:
    """A wall-clock instant as the report prints it, always in UTC: '2031-03-01 09:03 UTC'."""
    return "—" if value is None else value.isoformat(" ", "minutes")[:16] + " UTC"


def verdict_badge(kind: str | None, overridden: bool = False, refused: bool = False) -> str:
    """The verdict as a badge text: colour is never the only signal."""
    if kind is None:
        return "No verdict"
    label = VERDICT_SHORT[kind]
    if refused:
        return f"{label}, refused"
    if overridden:
        return f"{label}, overridden"
    return label


def verdict_view(pack: Pack, verdict: Verdict) -> VerdictView:
    """A verdict as the report shows it (citations written out)."""
    index = index_of(pack)
    basis = None
    if verdict.basis is not None:
        g = verdict.basis
        basis = f"{w.cite(g.citation)}: {g.summary}"
    return VerdictView(
        kind=verdict.kind,
        label=verdict.label,
        headline=verdict.headline,
        basis=basis,
        reasons=verdict.reasons,
        citations=tuple(dict.fromkeys(citation_words(index, c) for c in verdict.citations)),
        also_under=tuple(f"{w.cite(g.citation)}: {g.summary}" for g in (verdict.bases or ())[1:]),
        cautions=verdict.cautions or (),
        relies_on=None
        if verdict.relies_on is None
        else tuple(reliance_view(t) for t in verdict.relies_on),
    )


def reliance_view(trace: FactTrace) -> RelianceView:
    """A fact a recorded verdict relied on, as the report shows it (from the log's words)."""
    return RelianceView(
        fact=trace.fact,
        origin=trace.origin,
        ref=trace.ref,
        by=trace.by,
        words=reliance_words(trace),
    )


def actor_name(pack: Pack, actor_id: str | None) -> str:
    """An actor's full name (its id when the pack does not know it)."""
    if actor_id is None:
        return "—"
    actor = index_of(pack).actors.get(actor_id)
    return actor.name if actor else actor_id


def role_title(pack: Pack, role_id: str) -> str:
    """A role's seat name (its id when the pack does not know it)."""
    role = index_of(pack).roles.get(role_id)
    return role.title if role else role_id


def option_label(dp: DecisionPoint | None, option: str) -> str:
    """An option's label at a decision point (its id when the point or option is unknown)."""
    found = next((o for o in dp.options if o.id == option), None) if dp else None
    return found.label if found else option


def action_words(pack: Pack, action: ActionSpec) -> str:
    """'Deploy peacekeepers (host state: Republic of Arvenia; force size: 2,500)'."""
    index = index_of(pack)
    atype = index.action_types.get(action.type)
    title = atype.title if atype else action.type.replace("_", " ")
    specs = {p.name: p for p in atype.params} if atype else {}
    # The pack's parameter order reads better than the log's sorted keys.
    names = [n for n in specs if n in action.params]
    names += sorted(n for n in action.params if n not in specs)
    parts = []
    for name in names:
        value = action.params[name]
        spec = specs.get(name)
        label = spec.title if spec else name.replace("_", " ")
        actor_like = spec is not None and spec.type == "actor"
        shown = actor_name(pack, value) if actor_like and isinstance(value, str) else None
        parts.append(f"{label}: {shown or w.show_value(index, value)}")
    return f"{title} ({'; '.join(parts)})" if parts else title


def change_words(pack: Pack, change: FactChange) -> str:
    """'Situation on the border: violent (was calm)': the value in words, actors by name."""
    index = index_of(pack)
    spec = index.facts.get(change.fact)
    title = spec.title if spec else change.fact
    kind = spec.type if spec else ""
    before = w.fact_words(index, fact_from_json(change.before), kind)
    after = w.fact_words(index, fact_from_json(change.after), kind)
    return f"{title}: {after} (was {before})"


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 event', '3 events'."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def opened_words(because: str) -> str:
    """What opened a decision point, as a clause: 'opened by inject INJ-04'."""
    if not because:
        return "opened"
    if because.startswith("inject "):
        return f"opened by {because}"
    return f"opened because {because}"


def session_day(report: AfterActionReport) -> date | None:
    """The day the session started (wall clock): times on it are shown without the date."""
    started = report.overview.started_at
    return started.date() if started else None


def wall_short(value: datetime | None, day: date | None = None) -> str:
    """A wall-clock time of day, with the date when it is not the session's first day."""
    if value is None:
        return "—"
    if value.date() == day:
        return f"{value.hour:02d}:{value.minute:02d}"
    return value.isoformat(" ", "minutes")[:16]


def basis_adds(verdict: VerdictView) -> bool:
    """Whether the basis says more than the headline (which often quotes it already)."""
    if not verdict.basis:
        return False
    return verdict.basis.split(": ", 1)[-1] not in verdict.headline


def extra_reasons(verdict: VerdictView) -> tuple[str, ...]:
    """The reasons the headline does not already say (it often quotes the only one)."""
    said = verdict.headline.lower()
    return tuple(r for r in verdict.reasons if r.lower().rstrip(".") not in said)


def seat_words(participant: str | None, actor_name: str) -> str:
    """'Maj. I. Varn, acting for Republic of Arvenia'."""
    return f"{participant or '(not seated)'}, acting for {actor_name}"


def proposed_words(proposer: str) -> str:
    """'Proposed by Maj. K. Sadykova from their seat; recorded by the facilitator': the credit
    of a decision a participant proposed from their own device, the same in every format."""
    return f"Proposed by {proposer} from their seat; recorded by the facilitator"


def with_proposer(text: str, proposer: str | None) -> str:
    """A decision's line (a headline, a rationale) with its proposer's credit, if any:
    'Wait and see. (Proposed by ... recorded by the facilitator)'."""
    if proposer is None:
        return text
    credit = proposed_words(proposer)
    return f"{text} ({credit})" if text else credit


def noted_suffix(observer: str | None) -> str:
    """' — Noted by Evaluator: Dr N. Ivanova' after an observation an evaluator noted from
    their own seat; nothing after the facilitator's own."""
    return f" — Noted by {observer}" if observer else ""


def decision_point_words(s: ObservationView) -> str:
    """The decision point an observation is about, id and title: 'DP-2: The request'."""
    if not s.decision_point:
        return ""
    return (
        f"{s.decision_point}: {s.decision_point_title}"
        if s.decision_point_title
        else s.decision_point
    )


def area_details(s: ObservationView) -> list[tuple[str, str]]:
    """An area for improvement's HSEEP parts after its observation: reference, analysis and
    the plan rows that answer it."""
    out = [("Reference", s.reference or "not recorded"), ("Analysis", s.analysis or "not recorded")]
    out.append(("Improvement plan", ", ".join(s.plan_rows) or "no row yet"))
    return out


def released_words(pack: Pack, because: str) -> str:
    """'released because DP-7: csto_secretariat chose clear-streets' in display names:
    'after the CSTO Secretariat chose 'Take on crowd control' at DP-7'."""
    dp_id, _, rest = because.partition(": ")
    role_id, _, option_id = rest.partition(" chose ")
    index = index_of(pack)
    dp = index.decision_points.get(dp_id)
    role = index.roles.get(role_id)
    option = next((o for o in dp.options if o.id == option_id), None) if dp else None
    if dp is None or role is None or option is None:
        return f"released ({because})" if because else "released by a decision"
    return f"after {role.title} chose '{option.label}' at {dp.id}"


def arose_words(ob: ObligationView) -> str:
    """'from the decision of the Compact Secretariat at DP-3: The Compact's answer'."""
    where = ob.decision_point + (f": {ob.decision_point_title}" if ob.decision_point_title else "")
    return f"from the decision of {ob.role_title} at {where}"


def short_headline(headline: str) -> str:
    """A refusal's headline without the list of what the role's instruments give instead
    (the decision analysis gives it whole)."""
    cut = headline.split(INSTEAD_CLAUSE, 1)[0]
    return cut if cut == headline else cut + "."

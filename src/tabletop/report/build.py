"""build_report: the after-action report of a session, from its log and the pack it names.

Pure: the shell reads the log, checks its chain and finds the pack; this only computes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from tabletop.engine.deadlines import owed_late_first
from tabletop.engine.fold import LogError
from tabletop.engine.state import SessionState
from tabletop.model import events as ev
from tabletop.model.events import Rating
from tabletop.model.index import index_of
from tabletop.model.pack import Pack
from tabletop.report.alternatives import Alternatives
from tabletop.report.decision_analysis import analyse_decisions, compliance, obligation_view
from tabletop.report.findings import key_findings
from tabletop.report.improvement import improvement_plan
from tabletop.report.model import (
    REPORT_FORMAT,
    REPORT_VERSION,
    Acronym,
    AfterActionReport,
    Contact,
    EvaluatorCredit,
    Integrity,
    Notice,
    ObjectiveAnalysis,
    ObligationView,
    ObservationView,
    Organisation,
    Overview,
    PhaseView,
    ProposerCredit,
    RatingDefinition,
    RatingSource,
    ReportStatus,
    Seat,
)
from tabletop.report.walk import Walk, walk
from tabletop.report.words import (
    EXERCISE_TYPES,
    RATING_DEFINITIONS,
    RATING_LABELS,
    RATING_ORDER,
    actor_name,
    option_label,
    plural,
    role_title,
)

RATINGS: tuple[Rating, ...] = ("P", "S", "M", "U")

TITLE = "After-Action Report / Improvement Plan"
"""HSEEP's title for the document."""


class ReportError(ValueError):
    """A log no report can be built from (e.g. it does not begin with session_started)."""


def build_report(
    pack: Pack,
    events: Sequence[ev.Event],
    integrity: Integrity,
    *,
    pack_hash: str | None = None,
) -> AfterActionReport:
    """The after-action report of the verified events of a session.

    `events` are the events the chain check verified (`check_log`); `pack_hash` is the
    content hash of `pack` when it may differ from the one the log names (the report then
    says so at the top).
    """
    alternatives = Alternatives(pack)
    try:
        walked = walk(pack, events, alternatives)
    except LogError as exc:
        raise ReportError(f"the log cannot be read as a game: {exc}") from exc
    state = walked.state
    status: ReportStatus = "final" if state.ended else "interim"
    name = state.exercise or pack.meta.title
    decisions = analyse_decisions(pack, walked, alternatives)
    owed = tuple(obligation_view(pack, o, state.clock.time) for o in owed_late_first(state))
    rated, others = _objectives(pack, walked)
    objectives, plan = improvement_plan(pack, rated, walked.plan, owed)
    evaluators = _evaluators(walked)
    return AfterActionReport(
        format=REPORT_FORMAT,
        version=REPORT_VERSION,
        title=f"{TITLE}: {name}",
        status=status,
        classification=pack.meta.classification,
        notices=_notices(pack, state, integrity, pack_hash),
        key_findings=key_findings(pack, walked, decisions, objectives, owed),
        integrity=integrity,
        overview=_overview(pack, walked, events, pack_hash, evaluators),
        timeline=tuple(walked.timeline),
        decisions=decisions,
        compliance=compliance(pack, walked),
        open_obligations=owed,
        objectives=objectives,
        other_observations=others,
        improvement_plan=plan,
        participants=_seats(pack, events, state),
        proposers=_proposers(pack, walked),
        evaluators=evaluators,
        decision_log=tuple(walked.log),
        rulings=tuple(walked.rulings),
        sources=_sources(pack, walked, owed),
        acronyms=tuple(
            Acronym(short=a.short, long=a.long)
            for a in sorted(pack.meta.acronyms, key=lambda a: a.short.casefold())
        ),
        rating_scale=tuple(
            RatingDefinition(rating=r, label=RATING_LABELS[r], definition=RATING_DEFINITIONS[r])
            for r in RATINGS
        ),
    )


def _notices(
    pack: Pack, state: SessionState, integrity: Integrity, pack_hash: str | None
) -> tuple[Notice, ...]:
    out = []
    if integrity.damage is not None:
        left = len(integrity.unverified)
        if left:
            text = (
                f"{integrity.summary} This report analyses only the "
                f"{plural(integrity.verified, 'event')} before the damage; the "
                f"{plural(left, 'event')} from event {integrity.damaged_event} on cannot be "
                "trusted and are listed, unanalysed, in the appendix. Rebuild the report from "
                "the session database or an intact export before relying on it."
            )
        else:
            text = (
                f"{integrity.summary} The events present are analysed, but the log is not the "
                "whole record of the session."
            )
        out.append(Notice(level="danger", title="The log failed verification", text=text))
    if integrity.signature == "mismatch":
        text = (
            f"The log says it was signed by the key {integrity.signer}, but that key did not "
            "sign this header and head: the log was changed after it was signed (its events "
            "edited and its chain recomputed, say), or the signature was taken from another "
            "log. Nothing in this report can be attributed to the holder of that key; ask "
            "them for the export they signed."
        )
        out.append(Notice(level="danger", title="The signature does not match", text=text))
    if pack_hash is not None and state.pack_hash and pack_hash != state.pack_hash:
        out.append(
            Notice(
                level="warning",
                title="The pack has changed since the game",
                text=f"The log names {state.pack_id} {state.pack_version} ({state.pack_hash}); "
                f"this report was built with {pack.meta.id} {pack.meta.version} ({pack_hash}). "
                "Recorded decisions and verdicts come from the log; titles, prompts and the "
                "verdicts of options not taken come from the changed pack.",
            )
        )
    if not state.ended and any(u.type == "session_ended" for u in integrity.unverified):
        text = (
            "The verified part of the log stops before the session ended, so this report "
            "is incomplete: later decisions, ratings and plan rows are not in it."
        )
        out.append(Notice(level="info", title="Interim report", text=text))
    elif not state.ended:
        text = (
            "The session has not ended: decisions, ratings and improvement-plan rows may "
            "still be added, and open obligations may yet be met."
        )
        out.append(Notice(level="info", title="Interim report", text=text))
    return tuple(out)


def _overview(
    pack: Pack,
    walked: Walk,
    events: Sequence[ev.Event],
    pack_hash: str | None,
    credited: tuple[EvaluatorCredit, ...],
) -> Overview:
    state = walked.state
    meta = pack.meta
    details = walked.details or ev.ExerciseDetailsRecorded(
        at=state.last_at or datetime.min.replace(tzinfo=UTC),
        scenario_time=state.clock.time,
    )
    used = f"{meta.id} {meta.version}"
    if pack_hash is not None:
        used += f" ({pack_hash})"
    orgs = []
    index = index_of(pack)
    for actor_id in dict.fromkeys(r.actor for r in pack.roles):
        actor = index.actors.get(actor_id)
        seats = tuple(_seat(pack, r.id, state, ()) for r in pack.roles if r.actor == actor_id)
        orgs.append(
            Organisation(
                actor=actor_id,
                name=actor.name if actor else actor_id,
                kind=(actor.kind if actor else "state").replace("_", " "),
                seats=seats,
            )
        )
    phase_times = {t.ref: t.scenario_time for t in walked.timeline if t.kind == "phase"}
    first = events[0] if events and events[0].type == "session_started" else None
    end = next((e for e in reversed(events) if e.type == "session_ended"), None)
    return Overview(
        exercise=state.exercise or "(unknown: the log's first event could not be verified)",
        exercise_type=EXERCISE_TYPES[details.exercise_type] if details.exercise_type else "",
        mission_areas=tuple(a.capitalize() for a in meta.mission_areas),
        threat=meta.threat,
        sponsor=details.sponsor or meta.sponsor,
        location=details.location or "",
        points_of_contact=tuple(
            Contact(name=c.name, role=c.role, organisation=c.organisation, contact=c.contact)
            for c in details.points_of_contact or ()
        ),
        controllers=details.controllers or (),
        evaluators=tuple(
            dict.fromkeys([*(details.evaluators or ()), *(_named(e.name) for e in credited)])
        ),
        session_id=state.session_id,
        facilitator=state.facilitator,
        exercise_date=state.exercise_date,
        started_at=state.started_at,
        ended_at=state.ended_at,
        last_event_at=state.last_at,
        scenario_start=state.scenario_start,
        scenario_end=state.clock.time if state.started else None,
        pack_id=state.pack_id or meta.id,
        pack_title=state.pack_title or meta.title,
        pack_version=state.pack_version,
        pack_hash=state.pack_hash,
        pack_used=used,
        software=first.software if first else "",
        summary=meta.summary,
        scope=meta.scope,
        authors=tuple(
            f"{a.name} ({a.affiliation})" if a.affiliation else a.name for a in meta.authors
        ),
        organisations=tuple(orgs),
        phases=tuple(
            PhaseView(
                id=p.id,
                title=p.title,
                summary=p.summary,
                started=phase_times.get(p.id),
            )
            for p in pack.phases
        ),
        end_note=end.note if end else "",
    )


def _seat(pack: Pack, role_id: str, state: SessionState, earlier: tuple[str, ...]) -> Seat:
    role = index_of(pack).roles.get(role_id)
    seat = state.seats.get(role_id)
    actor = role.actor if role else seat.actor if seat else ""
    return Seat(
        role=role_id,
        title=role.title if role else role_id,
        actor=actor,
        actor_name=actor_name(pack, actor),
        participant=seat.participant if seat else None,
        earlier=earlier,
    )


def _seats(pack: Pack, events: Sequence[ev.Event], state: SessionState) -> tuple[Seat, ...]:
    history: dict[str, list[str]] = {}
    for e in events:
        if e.type == "role_assigned":
            history.setdefault(e.role, []).append(e.participant)
    role_ids = [r.id for r in pack.roles] + sorted(set(state.seats) - {r.id for r in pack.roles})
    out = []
    for role_id in role_ids:
        names = history.get(role_id, [])
        earlier = tuple(n for n in dict.fromkeys(names[:-1]) if n != (names[-1] if names else ""))
        out.append(_seat(pack, role_id, state, earlier))
    return tuple(out)


def _proposers(pack: Pack, walked: Walk) -> tuple[ProposerCredit, ...]:
    """Who proposed which decisions from their own seats, in the order of their first."""
    dps = index_of(pack).decision_points
    proposed: dict[str, list[str]] = {}
    for e in walked.log:
        if e.kind == "decision" and e.proposed_by is not None:
            label = option_label(dps.get(e.decision_point), e.option)
            what = f"{e.decision_point}: {label} ({role_title(pack, e.role)})"
            proposed.setdefault(e.proposed_by, []).append(what)
    return tuple(ProposerCredit(name=n, decisions=tuple(d)) for n, d in proposed.items())


def _evaluators(walked: Walk) -> tuple[EvaluatorCredit, ...]:
    """Who noted observations from their own seats, in the order of their first."""
    counts: dict[str, int] = {}
    for o in walked.observations:
        if o.observer is not None:
            counts[o.observer] = counts.get(o.observer, 0) + 1
    return tuple(EvaluatorCredit(name=n, observations=c) for n, c in counts.items())


def _named(observer: str) -> str:
    """An evaluator's name as credited from their seat ('Evaluator: Dr N. Ivanova')."""
    return observer.removeprefix("Evaluator: ")


def _observation(pack: Pack, o: ev.ObservationNoted, seq: int) -> ObservationView:
    dp = index_of(pack).decision_points.get(o.decision_point or "")
    return ObservationView(
        kind=o.kind,
        text=o.text,
        objective=o.objective,
        rating=o.rating,
        role=role_title(pack, o.role) if o.role is not None else None,
        decision_point=o.decision_point,
        decision_point_title=dp.title if dp else None,
        observer=o.observer,
        scenario_time=o.scenario_time,
        seq=seq,
        reference=o.reference,
        analysis=o.analysis,
    )


def _numbered(notes: list[ObservationView], kind: str, prefix: str) -> tuple[ObservationView, ...]:
    """The notes of one kind, numbered within their objective: 'Strength 2.1', ..."""
    chosen = [n for n in notes if n.kind == kind]
    return tuple(
        n.model_copy(update={"number": f"{prefix}.{i}"}) for i, n in enumerate(chosen, start=1)
    )


def _objectives(
    pack: Pack, walked: Walk
) -> tuple[tuple[ObjectiveAnalysis, ...], tuple[ObservationView, ...]]:
    state = walked.state
    observations = list(zip(walked.observation_seqs, walked.observations, strict=True))
    known = {o.id for o in pack.objectives}
    out = []
    for k, obj in enumerate(pack.objectives, start=1):
        notes = [_observation(pack, o, seq) for seq, o in observations if o.objective == obj.id]
        rated = state.ratings.get(obj.id)
        suggested = [n.rating for n in notes if n.rating is not None]
        source: RatingSource
        if rated is not None:
            rating, source, note = rated.rating, "facilitator", rated.note
        elif suggested:
            # The most severe rating an observation suggests: an objective is only as well
            # performed as its weakest observed part.
            rating = max(suggested, key=lambda r: RATING_ORDER[r])
            source = "observations"
            note = f"Lowest rating suggested by {plural(len(suggested), 'observation')}."
        else:
            rating, source, note = None, "none", ""
        out.append(
            ObjectiveAnalysis(
                id=obj.id,
                text=obj.text,
                capability=obj.capability,
                rating=rating,
                rating_label=RATING_LABELS[rating],
                rating_source=source,
                rating_note=note,
                strengths=_numbered(notes, "strength", f"Strength {k}"),
                improvements=_numbered(notes, "area_for_improvement", f"Area for improvement {k}"),
                decision_points=tuple(
                    f"{d.id}: {d.title}" for d in pack.decision_points if obj.id in d.objectives
                ),
            )
        )
    others = tuple(
        _observation(pack, o, seq) for seq, o in observations if o.objective not in known
    )
    return tuple(out), others


def _sources(pack: Pack, walked: Walk, owed: tuple[ObligationView, ...]) -> tuple[str, ...]:
    """Every source the report cites: the verdicts' (recorded, refused), the obligations'
    and the delivered injects', sorted by key."""
    verdicts = [d.verdict for d in walked.state.decisions.values()]
    verdicts += [r.verdict for r in walked.rejections]
    cited = {c.source for v in verdicts for c in v.citations if c.source is not None}
    for v in verdicts:
        cited |= {o.citation.source for o in v.obligations if o.citation.source}
    injects = {i.id: i for i in pack.injects}
    cited |= {
        s for d in walked.deliveries if d.inject in injects for s in injects[d.inject].sources
    }
    return tuple(
        f"[{s.id}] {s.citation}" + (f" {s.url}" if s.url else "")
        for s in sorted(pack.meta.sources, key=lambda s: s.id.casefold())
        if s.id in cited
    )

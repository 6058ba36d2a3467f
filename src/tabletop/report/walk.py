"""One pass over the log: the timeline, the decision log, and what stood at each decision.

The options not taken are checked on the facts as they stood when the decision was
recorded, which is the state folded up to the event before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypedDict, Unpack

from tabletop.engine.deadlines import due_at
from tabletop.engine.fold import apply
from tabletop.engine.state import SessionState
from tabletop.model import events as ev
from tabletop.model.pack import DecisionPoint, Pack
from tabletop.model.verdict import VerdictKind
from tabletop.report.alternatives import Alternatives
from tabletop.report.lanes import lane_name, lane_names
from tabletop.report.model import (
    AlternativeView,
    DecisionLogEntry,
    LogKind,
    RulingView,
    TimelineEntry,
    TimelineKind,
)
from tabletop.report.words import (
    change_words,
    opened_words,
    option_label,
    released_words,
    with_proposer,
)


@dataclass
class Walk:
    """What the pass collected, besides the final state."""

    state: SessionState
    timeline: list[TimelineEntry] = field(default_factory=list)
    log: list[DecisionLogEntry] = field(default_factory=list)
    rulings: list[RulingView] = field(default_factory=list)
    rejections: list[ev.DecisionRejected] = field(default_factory=list)
    observations: list[ev.ObservationNoted] = field(default_factory=list)
    # the event number of each observation, in the same order
    observation_seqs: list[int] = field(default_factory=list)
    plan: list[ev.ImprovementPlanned] = field(default_factory=list)
    deliveries: list[ev.InjectDelivered] = field(default_factory=list)
    details: ev.ExerciseDetailsRecorded | None = None
    # (decision point, role) -> participant seated when the decision was recorded
    seated: dict[tuple[str, str], str] = field(default_factory=dict)
    # (decision point, role) -> who proposed the choice from their own seat, if anyone
    proposed: dict[tuple[str, str], str] = field(default_factory=dict)
    alternatives: dict[tuple[str, str], tuple[AlternativeView, ...]] = field(default_factory=dict)
    # (decision point, role) -> the rationales in order, first as recorded
    rationales: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # decision point -> (what opened it, scenario time)
    opened: dict[str, tuple[str, datetime]] = field(default_factory=dict)


class _Extra(TypedDict, total=False):
    """The optional fields of a timeline entry, as `walk` gives them."""

    ref: str
    detail: str
    text: str
    lane: str
    verdict: VerdictKind
    overridden: bool
    released_by: int


def walk(pack: Pack, events: Sequence[ev.Event], alternatives: Alternatives) -> Walk:
    """Fold the events, collecting the timeline, the decision log and per-decision context."""
    state = SessionState()
    out = Walk(state)
    injects = {i.id: i for i in pack.injects}
    dps = {d.id: d for d in pack.decision_points}
    phases = {p.id: p for p in pack.phases}
    roles = {r.id: r for r in pack.roles}
    lanes = lane_names(pack)
    # The decision that released each follow-on inject not yet delivered, and the last one
    # recorded: a decision's follow-ons are released by the same command, right after it.
    released_by: dict[str, int] = {}
    last_decision: int | None = None

    def seat_name(role: str) -> str:
        spec = roles.get(role)
        return spec.title if spec else role

    def add(e: ev.Event, seq: int, kind: TimelineKind, title: str, **kw: Unpack[_Extra]) -> None:
        kw.setdefault("lane", "")
        out.timeline.append(
            TimelineEntry(
                seq=seq, kind=kind, scenario_time=e.scenario_time, at=e.at, title=title, **kw
            )
        )

    for seq, e in enumerate(events, start=1):
        match e:
            case ev.PhaseStarted():
                phase = phases.get(e.phase)
                add(e, seq, "phase", phase.title if phase else e.phase, ref=e.phase, lane="Phases")
            case ev.InjectDelivered():
                inj = injects.get(e.inject)
                name = inj.title if inj else e.inject
                to = "all" if inj is None or inj.to == "all" else ", ".join(map(seat_name, inj.to))
                # Not pending: released and delivered at once, by the decision just recorded.
                cause = released_by.pop(e.inject, last_decision)
                cause = cause if e.how == "follow_on" else None
                how = "" if e.how == "scheduled" else f"; {e.how.replace('_', ' ')}"
                if e.how == "follow_on":
                    said = released_words(pack, e.because)
                    how = f"; released {said}" + (f" (#{cause})" if cause else "")
                elif e.because and e.how != "scheduled":
                    how += f" ({e.because})"
                detail = (
                    f"{inj.from_}, by {inj.channel.replace('_', ' ')}, to {to}{how}" if inj else ""
                )
                body = inj.body if inj else ""
                extra: _Extra = {"ref": e.inject, "detail": detail, "text": body, "lane": "Injects"}
                if cause is not None:
                    extra["released_by"] = cause
                add(e, seq, "inject", f"{e.inject}: {name}", **extra)
                out.deliveries.append(e)
            case ev.InjectReleased():
                if e.how == "follow_on" and last_decision is not None:
                    released_by[e.inject] = last_decision
            case ev.DecisionOpened():
                dp = dps.get(e.decision_point)
                title = f"{e.decision_point} opened: {dp.title if dp else ''}".rstrip(": ")
                out.opened[e.decision_point] = (e.because, e.scenario_time)
                add(e, seq, "opened", title, ref=e.decision_point, detail=opened_words(e.because))
            case ev.DecisionRecorded():
                key = (e.decision_point, e.role)
                dp = dps.get(e.decision_point)
                seat = state.seats.get(e.role)
                if seat is not None:
                    out.seated[key] = seat.participant
                out.alternatives[key] = alternatives.check(dp, e.role, e.option, state.facts)
                out.rationales[key] = [e.rationale]
                if e.proposed_by is not None:
                    out.proposed[key] = e.proposed_by
                label = _label(dp, e.option)
                add(
                    e,
                    seq,
                    "decision",
                    f"{e.decision_point}: {seat_name(e.role)} chose {label}",
                    ref=e.decision_point,
                    detail=with_proposer(e.verdict.headline, e.proposed_by),
                    lane=lane_name(lanes, e.role),
                    verdict=e.verdict.kind,
                    overridden=e.overridden,
                )
                entry = _entry(
                    e, seq, "decision", e.option, e.verdict.kind, e.rationale, e.overridden
                )
                out.log.append(entry)
                last_decision = seq
            case ev.ConsensusConcluded():
                dp = dps.get(e.decision_point)
                if e.outcome == "agreed":
                    title = f"{e.decision_point}: consensus on {_label(dp, e.leading)}"
                    detail = "Every required seat chose it; it takes effect."
                else:
                    title = f"{e.decision_point}: no consensus on {_label(dp, e.leading)}"
                    blocked = ", ".join(seat_name(r) for r in e.blocked)
                    then = f"fallback {_label(dp, e.option)}" if e.option else "no decision"
                    detail = f"Blocked by {blocked}; {then} takes effect."
                add(e, seq, "consensus", title, ref=e.decision_point, detail=detail)
                last_decision = seq
            case ev.DecisionRejected():
                label = _label(dps.get(e.decision_point), e.option)
                add(
                    e,
                    seq,
                    "rejection",
                    f"{e.decision_point}: {seat_name(e.role)} proposed {label}, refused",
                    ref=e.decision_point,
                    detail=e.verdict.headline,
                    lane=lane_name(lanes, e.role),
                    verdict=e.verdict.kind,
                )
                out.log.append(_entry(e, seq, "rejection", e.option, e.verdict.kind, e.note))
                out.rejections.append(e)
            case ev.ObservationNoted():
                out.observations.append(e)
                out.observation_seqs.append(seq)
            case ev.ExerciseDetailsRecorded():
                out.details = e
            case ev.ImprovementPlanned():
                out.plan.append(e)
            case ev.MandateOverridden():
                out.log.append(
                    _entry(e, seq, "override", e.option, e.verdict.kind, e.justification)
                )
            case ev.DecisionAmended():
                out.rationales.setdefault((e.decision_point, e.role), []).append(e.rationale)
                out.log.append(_entry(e, seq, "amendment", "", None, f"{e.rationale} ({e.reason})"))
            case ev.FactsAdjudicated():
                changes = tuple(change_words(pack, c) for c in e.changes)
                out.rulings.append(
                    RulingView(
                        seq=seq,
                        scenario_time=e.scenario_time,
                        decision_point=e.decision_point,
                        ruling=e.ruling,
                        changes=changes,
                    )
                )
                add(e, seq, "ruling", "Ruling", ref=e.decision_point or "", detail=e.ruling)
            case ev.ObligationMet():
                title = "Obligation met late" if _late(state, e) else "Obligation met"
                add(e, seq, "obligation", title, ref=e.obligation, detail=e.explanation)
            case ev.ClockPaused() | ev.ClockResumed():
                title = "Clock paused" if isinstance(e, ev.ClockPaused) else "Clock resumed"
                add(e, seq, "clock", title, detail=e.note)
            case ev.SessionEnded():
                add(e, seq, "end", "Session ended", detail=e.note)
        apply(state, e)
    return out


def _late(state: SessionState, met: ev.ObligationMet) -> bool:
    """True if the obligation is met after its due time (`state`: before it is met)."""
    ob = state.obligations.get(met.obligation)
    due = due_at(ob) if ob is not None else None
    return due is not None and met.scenario_time > due


def _label(dp: DecisionPoint | None, option: str) -> str:
    return f"'{option_label(dp, option)}'"


def _entry(
    e: ev.DecisionRecorded | ev.DecisionRejected | ev.MandateOverridden | ev.DecisionAmended,
    seq: int,
    kind: LogKind,
    option: str,
    verdict: VerdictKind | None,
    text: str,
    overridden: bool = False,
) -> DecisionLogEntry:
    proposed_by = e.proposed_by if isinstance(e, ev.DecisionRecorded) else None
    return DecisionLogEntry(
        overridden=overridden,
        seq=seq,
        kind=kind,
        scenario_time=e.scenario_time,
        at=e.at,
        decision_point=e.decision_point,
        role=e.role,
        option=option,
        verdict=verdict,
        text=text,
        proposed_by=proposed_by,
    )

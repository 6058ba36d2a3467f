"""What the timeline chart shows, read off the report: lanes and markers, the decisions that
released injects, obligations from creation to met or due, how long each decision point
stayed open against its time box, and the phases' intervals.

No drawing here (see chart.py) and no placement (chart_layout.py): plain data, testable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tabletop.report.decision_views import ObligationStatus
from tabletop.report.model import AfterActionReport, TimelineEntry

INJECTS = "Injects"


@dataclass(frozen=True)
class Marker:
    """A marker on a lane: an inject delivered, a decision recorded or a choice refused."""

    seq: int
    lane: str
    when: datetime
    style: str


@dataclass(frozen=True)
class Release:
    """A decision (its seq) that released a follow-on inject (its delivery's seq)."""

    decision: int
    inject: int


@dataclass(frozen=True)
class ObligationBar:
    """An obligation on the lane of the decision that created it, from then to when it was
    met (or, still open, to the end of the log); `due` is its due time (None: no deadline)."""

    lane: str
    decision: int
    start: datetime
    end: datetime
    due: datetime | None
    status: ObligationStatus
    met: int | None  # seq of the event that met it


@dataclass(frozen=True)
class PhaseSpan:
    """A reached phase and the scenario interval it lasted: from its start to the next
    phase's start, or to the end of the log."""

    id: str
    title: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class DecisionBar:
    """A decision point that was opened: wall-clock minutes it stayed open (until its last
    decision, or the end of the log) against its time box."""

    id: str
    title: str
    minutes: float
    time_box: int | None
    closed: bool

    @property
    def over(self) -> float:
        """Minutes past the time box (0 when within it, or without one)."""
        return 0.0 if self.time_box is None else max(0.0, self.minutes - self.time_box)


def _style(t: TimelineEntry) -> str | None:
    if t.kind == "inject":
        return "inject"
    if t.kind == "rejection":
        return "refused"
    if t.kind == "decision" and t.verdict is not None:
        return t.verdict
    return None


def markers(report: AfterActionReport) -> list[Marker]:
    """The markers, in log order."""
    out = []
    for t in report.timeline:
        style = _style(t)
        if style is not None:
            out.append(Marker(t.seq, t.lane or INJECTS, t.scenario_time, style))
    return out


def lanes(marks: list[Marker]) -> list[str]:
    """The injects' lane first, then each role's in the order it first acted."""
    return list(dict.fromkeys([INJECTS, *(m.lane for m in marks)]))


def releases(report: AfterActionReport) -> list[Release]:
    """Each follow-on inject delivered, with the decision that released it."""
    return [Release(t.released_by, t.seq) for t in report.timeline if t.released_by is not None]


def scenario_span(report: AfterActionReport) -> tuple[datetime, datetime]:
    """The scenario interval of the game: first to last event (the clock at the end)."""
    times = [t.scenario_time for t in report.timeline] or [datetime(2000, 1, 1)]
    start, end = min(times), max(times)
    if report.overview.scenario_end is not None:
        end = max(end, report.overview.scenario_end)
    return start, end


def phase_spans(report: AfterActionReport) -> list[PhaseSpan]:
    """The phases reached, in the order they started, each to the next one's start."""
    reached = sorted(
        (p for p in report.overview.phases if p.started is not None),
        key=lambda p: p.started or datetime.min,
    )
    _, end = scenario_span(report)
    out = []
    for i, p in enumerate(reached):
        assert p.started is not None
        nxt = reached[i + 1].started if i + 1 < len(reached) else None
        out.append(PhaseSpan(p.id, p.title, p.started, nxt or max(end, p.started)))
    return out


def obligation_bars(report: AfterActionReport) -> list[ObligationBar]:
    """Every obligation a decision created, in the order of the decisions."""
    by_seq = {t.seq: t for t in report.timeline}
    met_seq = {t.ref: t.seq for t in report.timeline if t.kind == "obligation"}
    _, end = scenario_span(report)
    out = []
    for analysis in report.decisions:
        for choice in analysis.choices:
            entry = by_seq.get(choice.seq) if choice.seq is not None else None
            if entry is None:
                continue
            for ob in choice.obligations:
                stop = ob.met_scenario_time if ob.met_scenario_time is not None else end
                out.append(
                    ObligationBar(
                        lane=entry.lane,
                        decision=entry.seq,
                        start=ob.arose_scenario_time,
                        end=max(stop, ob.arose_scenario_time),
                        due=ob.due_scenario_time,
                        status=ob.status,
                        met=met_seq.get(ob.id),
                    )
                )
    out.sort(key=lambda b: b.decision)
    return out


def decision_bars(report: AfterActionReport) -> list[DecisionBar]:
    """Every decision point opened, in the order it opened: open from its opening to its
    last decision when all its deciders decided, else to the end of the log."""
    opened = {t.ref: t.at for t in report.timeline if t.kind == "opened"}
    last = report.overview.ended_at or report.overview.last_event_at
    analyses = {a.id: a for a in report.decisions}
    out = []
    for dp_id, at in opened.items():
        a = analyses.get(dp_id)
        decided = [c.at for c in a.choices if c.decided and c.at is not None] if a else []
        closed = a is not None and a.status == "decided" and bool(decided)
        until = max(decided) if closed else (last or at)
        minutes = max(timedelta(0), until - at) / timedelta(minutes=1)
        title = a.title if a else dp_id
        out.append(DecisionBar(dp_id, title, minutes, a.time_box_minutes if a else None, closed))
    return out

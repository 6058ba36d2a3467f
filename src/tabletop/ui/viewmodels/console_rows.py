"""What the console shows, as plain rows built from a `Situation` and the game: the inject
feed, the deciders and options of a decision point, facts, obligations and the log.

No flet here: the view turns these rows into controls, the tests read them as they are.
The rows are frozen and compare by value, so the view redraws a panel only when its rows
changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tabletop.app import Game, OptionPreview, Situation
from tabletop.app.explain import VerdictExplanation, explain_verdict
from tabletop.app.situation import InjectStatus, InjectView, ObligationView
from tabletop.model.events import Rating
from tabletop.model.pack import Pack

INJECT_WORDS = {
    "due": "Due now",
    "upcoming": "Upcoming",
    "conditional": "Conditional",
    "delivered": "Delivered",
}
"""The word beside each inject status (the view adds the icon)."""

FEED_ORDER: tuple[InjectStatus, ...] = ("due", "upcoming", "conditional", "delivered")
"""The feed's groups, in the order shown: what waits first, history last."""

RATINGS = {
    "P": "P: performed without challenges",
    "S": "S: performed with some challenges",
    "M": "M: performed with major challenges",
    "U": "U: unable to be performed",
}
"""HSEEP ratings and their meaning."""

_RATING_OF: dict[str, Rating] = {"P": "P", "S": "S", "M": "M", "U": "U"}


def rating(value: str | None) -> Rating | None:
    """The rating a dropdown's value names ('' or anything else: none)."""
    return _RATING_OF.get(value or "")


KINDS = {"strength": "Strength", "area_for_improvement": "Area for improvement"}

ELEMENTS = {
    "planning": "Planning",
    "organization": "Organisation",
    "equipment": "Equipment",
    "training": "Training",
    "exercise": "Exercise",
}
"""The POETE capability elements of an improvement-plan row."""


def printable(text: str) -> str:
    """Text with the arrows the app's wording uses spelt out: the web build's font (no CDN)
    has no glyph for them and would draw a box."""
    return text.replace(" → ", " to ").replace("→", " to ")


def when(moment: datetime, *, year: bool = False) -> str:
    """A scenario time as the console prints it."""
    return moment.strftime("%d %b %Y %H:%M" if year else "%d %b %H:%M")


@dataclass(frozen=True)
class Notice:
    """What the last action did, or why it was refused."""

    text: str
    error: bool = False


@dataclass(frozen=True)
class FeedRow:
    """An inject in the feed."""

    id: str
    title: str
    status: str
    word: str
    time: str
    detail: str
    """A conditional inject's trigger, or why a released one was released."""
    current: bool


@dataclass(frozen=True)
class FeedGroup:
    """Injects of one status."""

    status: str
    heading: str
    rows: tuple[FeedRow, ...]


def _detail(i: InjectView) -> str:
    # A released follow-on's reason is logged with ids ("DP-1: kaz_presidency chose ..."):
    # the feed says what it is in words; a trigger or a condition is already in words.
    if i.status != "conditional" and i.how == "follow_on":
        return "follow-on of a decision"
    return printable(i.trigger)


def feed(s: Situation) -> tuple[FeedGroup, ...]:
    """The inject feed in groups: due, upcoming, conditional, delivered (newest first)."""
    current = s.current_inject.id if s.current_inject else ""
    groups = []
    for status in FEED_ORDER:
        found = s.injects_by(status)
        if status == "delivered":
            found = tuple(reversed(found))
        rows = tuple(
            FeedRow(
                id=i.id,
                title=i.title,
                status=i.status,
                word=INJECT_WORDS[i.status],
                time=when(i.time),
                detail=_detail(i),
                current=i.id == current,
            )
            for i in found
        )
        if rows:
            groups.append(FeedGroup(status, f"{INJECT_WORDS[status]} ({len(rows)})", rows))
    return tuple(groups)


@dataclass(frozen=True)
class DecisionChoice:
    """A decision point the console can show: open, or closed with decisions to amend."""

    id: str
    title: str
    open: bool
    text: str
    """How the picker names it."""


@dataclass(frozen=True)
class DeciderRow:
    """A role asked at a decision point: who sits there and whether they have decided."""

    role: str
    title: str
    participant: str
    decided: bool

    @property
    def text(self) -> str:
        """How the role picker names it."""
        status = "decided" if self.decided else "to decide"
        return f"{self.title} ({status})"


def decisions(
    s: Situation, pack: Pack, decided: set[tuple[str, str]]
) -> tuple[DecisionChoice, ...]:
    """The open decision points, then the closed ones with `decided` (point, role) pairs."""
    out = [
        DecisionChoice(
            d.id,
            d.title,
            True,
            f"{d.id} {d.title}" + (f" ({len(d.waiting)} to decide)" if len(d.deciders) > 1 else ""),
        )
        for d in s.open_decisions
    ]
    shown = {d.id for d in out}
    closed = {dp for dp, _role in decided} - shown
    out += [
        DecisionChoice(p.id, p.title, False, f"{p.id} {p.title} (closed)")
        for p in pack.decision_points
        if p.id in closed
    ]
    return tuple(out)


def deciders(
    s: Situation, pack: Pack, dp: str, decided: set[tuple[str, str]]
) -> tuple[DeciderRow, ...]:
    """The roles asked at a decision point, who sits there and whether they have decided."""
    seat = {x.role: x for x in s.seats}
    point = next((p for p in pack.decision_points if p.id == dp), None)
    return tuple(
        DeciderRow(
            role=r,
            title=seat[r].title if r in seat else r,
            participant=(seat[r].participant if r in seat else None) or "empty seat",
            decided=(dp, r) in decided,
        )
        for r in (point.deciders if point else ())
    )


@dataclass(frozen=True)
class OptionRow:
    """An option for the chosen role, with the verdict it would get now."""

    id: str
    label: str
    description: str
    kind: str | None
    """The verdict kind; None when the option cannot be checked."""
    headline: str


def option_row(p: OptionPreview) -> OptionRow:
    """A preview as the decision panel lists it."""
    v = p.verdict
    return OptionRow(
        id=p.option.id,
        label=p.option.label,
        description=p.option.description,
        kind=v.kind if v else None,
        headline=v.headline if v else p.problem,
    )


@dataclass(frozen=True)
class RecordedRow:
    """A decision already recorded for a role."""

    option: str
    kind: str
    overridden: bool
    rationale: str
    justification: str
    amendments: int


def recorded(game: Game, dp: str, role: str) -> RecordedRow | None:
    """The decision the role recorded at the point, if any."""
    d = game.state.decisions.get((dp, role))
    if d is None:
        return None
    labels = {o.id: o.label for p in game.pack.decision_points if p.id == dp for o in p.options}
    return RecordedRow(
        option=labels.get(d.option, d.option),
        kind=d.verdict.kind,
        overridden=d.overridden,
        rationale=d.rationale,
        justification=d.justification,
        amendments=len(d.amendments),
    )


def explanation(game: Game, dp: str, role: str, option: str) -> VerdictExplanation | None:
    """Why the option gets its verdict for the role, in words (None if it cannot be checked)."""
    for p in game.preview(dp, role):
        if p.option.id == option and p.verdict is not None:
            return explain_verdict(game.pack, p.verdict)
    return None


@dataclass(frozen=True)
class FactRow:
    """A world fact in words."""

    title: str
    value: str
    initial: str
    changed: bool


@dataclass(frozen=True)
class ObligationRow:
    """An open obligation, and whether it is late."""

    text: str
    owed_by: str
    role: str
    since: str
    met_by: str
    status: str
    """'open' or 'late' (the view picks the style by it)."""
    word: str
    """'Open' or 'Late': the word beside the icon."""
    due: str
    """'Due 02 Jan 08:00 (within 24 hours)', 'Late by 4 h: due ...', or 'No deadline'."""
    deadline_note: str
    """Where the deadline comes from ('' if the pack says nothing)."""


@dataclass(frozen=True)
class SeatRow:
    """A seat and who sits in it."""

    role: str
    title: str
    actor: str
    participant: str
    """'' for an empty seat."""


def facts(s: Situation) -> tuple[FactRow, ...]:
    """The world facts, in pack order."""
    return tuple(
        FactRow(f.title, printable(f.value), printable(f.initial), f.changed) for f in s.facts
    )


OBLIGATION_WORDS = {"open": "Open", "late": "Late"}
"""The word beside an open obligation's status (the view adds the icon)."""


def obligations(s: Situation) -> tuple[ObligationRow, ...]:
    """The obligations still open, late ones first."""
    return tuple(
        ObligationRow(
            o.text,
            o.owed_by,
            o.role,
            when(o.since),
            o.met_by,
            o.status,
            OBLIGATION_WORDS.get(o.status, o.status),
            _due(o),
            o.deadline_note,
        )
        for o in s.obligations
    )


def _due(o: ObligationView) -> str:
    if o.due is None:
        return "No deadline"
    due = f"{when(o.due)} ({o.deadline})"
    return f"Late by {o.overdue}: due {due}" if o.late else f"Due {due}"


def seats(s: Situation) -> tuple[SeatRow, ...]:
    """Every seat, empty ones too."""
    return tuple(SeatRow(x.role, x.title, x.actor_name, x.participant or "") for x in s.seats)


def log_lines(s: Situation) -> tuple[str, ...]:
    """The last events narrated, newest first."""
    return tuple(
        f"{e.seq}. {when(e.scenario_time)}: {printable(e.text)}" for e in reversed(s.last_events)
    )

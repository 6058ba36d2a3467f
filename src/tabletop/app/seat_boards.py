"""What each device in the room is shown: a player's seat, an evaluator's seat, the
projector. Each board is built from the game and its room and holds only what that device
may see, so a view cannot show more than its board has:

- a player: their role's brief and objectives, the injects addressed to them or to all, the
  decisions open to their role with every option's verdict (the facts it relies on say
  where they came from only when the seat may know: never another seat's unrevealed
  decision, nor an inject sent to other seats), their own decisions and proposals; never
  another seat's brief, options or proposals, never facilitator notes;
- an evaluator: the objectives, the current inject's headline, the open decisions' titles
  and their own observations;
- the projector: the phase, the clock, the latest inject addressed to all, the open
  questions and who decides, and the decisions the facilitator revealed; never notes,
  briefs, options or an inject addressed to some seats only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tabletop.app.explain import VerdictExplanation, explain_verdict
from tabletop.app.room import Proposal, Room, SeatNote
from tabletop.app.situation import (
    ClockView,
    InjectView,
    OpenDecisionView,
    PhaseView,
    SeatView,
    Situation,
)
from tabletop.engine import SessionState
from tabletop.mandates.wording import join_and
from tabletop.model.index import PackIndex, index_of
from tabletop.model.verdict import FactTrace, Verdict, VerdictKind

HIDDEN_ORIGIN = "as the game stands"
"""Where a fact came from, on a seat that may not know (another seat's decision, not shown
to the room; an inject sent to other seats)."""


@dataclass(frozen=True)
class InjectShown:
    """An inject as a seat or the room sees it (no facilitator notes)."""

    id: str
    title: str
    body: str
    sender: str
    channel: str
    time: datetime


@dataclass(frozen=True)
class OptionShown:
    """An option open to a player, with the verdict it would get now."""

    id: str
    label: str
    description: str
    verdict: VerdictExplanation | None
    problem: str


@dataclass(frozen=True)
class QuestionShown:
    """An open decision point: its question and who decides."""

    id: str
    title: str
    prompt: str
    deciders: tuple[str, ...]
    """Titles of the deciding roles."""
    waiting: tuple[str, ...]
    """Titles of those yet to decide."""
    consensus: str | None = None
    """For a decision taken by consensus: whose it needs and whom it waits for (not what
    anyone chose: a room sees choices only as the facilitator reveals them)."""


@dataclass(frozen=True)
class AskedOfSeat:
    """A decision open to a player's role, with its options."""

    question: QuestionShown
    options: tuple[OptionShown, ...]
    rationale_required: bool
    proposal: Proposal | None
    """The seat's latest proposal on it, if any."""


@dataclass(frozen=True)
class DecisionShown:
    """A recorded decision as the room or its seat sees it."""

    decision_point: str
    title: str
    role: str
    role_title: str
    option: str
    """The option's label."""
    kind: VerdictKind
    label: str
    headline: str
    overridden: bool


@dataclass(frozen=True)
class PlayerBoard:
    """What a player's device shows."""

    seat: SeatView
    brief: str
    objectives: tuple[str, ...]
    phase: PhaseView | None
    clock: ClockView
    injects: tuple[InjectShown, ...]
    """Delivered injects addressed to the role or to all, newest first."""
    asked: tuple[AskedOfSeat, ...]
    decided: tuple[DecisionShown, ...]
    proposals: tuple[Proposal, ...]
    """The seat's proposals, newest first."""
    event_count: int


@dataclass(frozen=True)
class EvaluatorBoard:
    """What an evaluator's device shows."""

    name: str
    objectives: tuple[tuple[str, str], ...]
    """(id, text) of each exercise objective."""
    phase: PhaseView | None
    clock: ClockView
    inject: InjectShown | None
    questions: tuple[QuestionShown, ...]
    notes: tuple[SeatNote, ...]
    """Their observations, newest first."""
    event_count: int


@dataclass(frozen=True)
class ProjectorBoard:
    """What the room sees on the projector."""

    pack_title: str
    exercise: str
    phase: PhaseView | None
    clock: ClockView
    inject: InjectShown | None
    questions: tuple[QuestionShown, ...]
    revealed: tuple[DecisionShown, ...]
    event_count: int


def player_board(room: Room, role: str) -> PlayerBoard:
    """The board of the player in `role`."""
    game = room.game
    index = index_of(game.pack)
    situation = game.situation(last=0)
    the_role = index.roles[role]
    seat = next(s for s in situation.seats if s.role == role)
    proposals = room.proposals(role)
    asked = []
    for od in situation.open_decisions:
        if role not in od.waiting:
            continue
        options = tuple(
            OptionShown(
                p.option.id,
                p.option.label,
                p.option.description,
                explain_verdict(game.pack, _seen_by(p.verdict, role, room, index))
                if p.verdict
                else None,
                p.problem,
            )
            for p in game.preview(od.id, role)
        )
        mine = [p for p in proposals if p.decision_point == od.id]
        latest = mine[-1] if mine else None
        asked.append(AskedOfSeat(_question(od, situation), options, od.rationale_required, latest))
    delivered = [
        i
        for i in situation.injects_by("delivered")
        if index.injects[i.id].to == "all" or role in index.injects[i.id].to
    ]
    return PlayerBoard(
        seat=seat,
        brief=the_role.brief,
        objectives=the_role.objectives,
        phase=situation.phase,
        clock=situation.clock,
        injects=tuple(_shown(i) for i in reversed(delivered)),
        asked=tuple(asked),
        decided=tuple(d for d in _decisions(room) if d.role == role),
        proposals=tuple(reversed(proposals)),
        event_count=situation.event_count,
    )


def evaluator_board(room: Room, key: str) -> EvaluatorBoard:
    """The board of the evaluator seat `key`."""
    game = room.game
    situation = game.situation(last=0)
    seat = room.seat(key)
    return EvaluatorBoard(
        name=seat.name if seat else "",
        objectives=tuple((o.id, o.text) for o in game.pack.objectives),
        phase=situation.phase,
        clock=situation.clock,
        inject=_shown(situation.current_inject) if situation.current_inject else None,
        questions=tuple(_question(od, situation) for od in situation.open_decisions),
        notes=tuple(reversed(room.notes(key))),
        event_count=situation.event_count,
    )


def projector_board(room: Room) -> ProjectorBoard:
    """What the room sees."""
    game = room.game
    situation = game.situation(last=0)
    decisions = {(d.decision_point, d.role): d for d in _decisions(room)}
    index = index_of(game.pack)
    # The room sees what is addressed to all: an inject sent to some seats stays on theirs.
    public = [i for i in situation.injects_by("delivered") if index.injects[i.id].to == "all"]
    return ProjectorBoard(
        pack_title=situation.pack_title,
        exercise=situation.exercise,
        phase=situation.phase,
        clock=situation.clock,
        inject=_shown(public[-1]) if public else None,
        questions=tuple(_question(od, situation) for od in situation.open_decisions),
        revealed=tuple(decisions[key] for key in room.revealed() if key in decisions),
        event_count=situation.event_count,
    )


def _decisions(room: Room) -> list[DecisionShown]:
    """Every recorded decision of the game, in the order recorded."""
    index = index_of(room.game.pack)
    out = []
    for d in sorted(room.game.state.decisions.values(), key=lambda d: d.seq):
        dp = index.decision_points.get(d.decision_point)
        role = index.roles.get(d.role)
        option = next((o for o in dp.options if o.id == d.option), None) if dp else None
        out.append(
            DecisionShown(
                decision_point=d.decision_point,
                title=dp.title if dp else d.decision_point,
                role=d.role,
                role_title=role.title if role else d.role,
                option=option.label if option else d.option,
                kind=d.verdict.kind,
                label=d.verdict.label,
                headline=d.verdict.headline,
                overridden=d.overridden,
            )
        )
    return out


def _seen_by(verdict: Verdict, role: str, room: Room, index: PackIndex) -> Verdict:
    """The verdict with only the origins of its facts that the seat in `role` may know."""
    if not verdict.relies_on:
        return verdict
    state = room.game.state
    revealed = set(room.revealed())
    traces = tuple(
        t if _may_know(t, state, role, revealed, index) else _hidden(t) for t in verdict.relies_on
    )
    return verdict.model_copy(update={"relies_on": traces})


def _may_know(
    trace: FactTrace,
    state: SessionState,
    role: str,
    revealed: set[tuple[str, str]],
    index: PackIndex,
) -> bool:
    source = state.source_of(trace.fact)
    if source.origin == "decision":
        return source.role == role or (source.ref or "", source.role or "") in revealed
    if source.origin == "inject":
        inject = index.injects.get(source.ref or "")
        return inject is not None and (inject.to == "all" or role in inject.to)
    return True  # the start, a ruling (told to the table), an origin not recorded


def _hidden(trace: FactTrace) -> FactTrace:
    return trace.model_copy(
        update={"origin": "other", "ref": None, "by": None, "text": HIDDEN_ORIGIN}
    )


def _shown(inject: InjectView) -> InjectShown:
    return InjectShown(
        inject.id, inject.title, inject.body, inject.sender, inject.channel, inject.time
    )


def _question(od: OpenDecisionView, situation: Situation) -> QuestionShown:
    titles = {s.role: s.title for s in situation.seats}
    return QuestionShown(
        od.id,
        od.title,
        od.prompt,
        tuple(s.title for s in od.deciders),
        tuple(titles.get(r, r) for r in od.waiting),
        _consensus(od, titles),
    )


def _consensus(od: OpenDecisionView, titles: dict[str, str]) -> str | None:
    if not od.consensus_of:
        return None
    needed = join_and([titles.get(r, r) for r in od.consensus_of])
    waiting = join_and([titles.get(r, r) for r in od.consensus_of if r in od.waiting])
    return (
        f"Decided by consensus of {needed}: no choice takes effect until all have chosen; "
        f"waiting for {waiting}."
    )

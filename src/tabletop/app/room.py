"""The room of a game: who may join it from their own device, and what they send.

Each seat of the room has a join code: one per player role, one per evaluator the
facilitator adds, one for the projector. A player proposes a choice with a rationale; the
proposal waits for the facilitator, who records it through `Game.decide` (marked with who
proposed it) or sends it back. Only the facilitator's record goes into the log. An
evaluator's observation goes into the log through `Game.note`, marked with the evaluator's
name. The facilitator chooses which recorded decisions the projector shows.

None of this is the game's log, but all of it is kept (a small JSON file per session
beside the database, readable by its owner only), so a restart keeps the codes the room
was given and the proposals not yet answered.

Everything a seat sends is untrusted: the role a proposal is for comes from the seat's
code, never from the message; ids must name what is open to that role; text is bounded.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from tabletop.app.errors import AppError
from tabletop.app.game import Applied, Game, Result, utc_now
from tabletop.app.join_codes import new_code
from tabletop.app.subscribers import Subscribers
from tabletop.engine import Refusal
from tabletop.model.events import Rating

SeatKind = Literal["player", "evaluator", "projector"]
ProposalStatus = Literal["pending", "recorded", "sent_back", "withdrawn"]

MAX_RATIONALE = 4_000
MAX_NOTE = 4_000
MAX_NAME = 80
MAX_EVALUATORS = 20
PACE = 12
"""Proposals or observations a seat may send in a minute (a flood would fill the log and
redraw every device)."""

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoomSeat:
    """A seat others can join: its key, what it opens, and its code (None: revoked)."""

    key: str
    """'player:<role>', 'evaluator:<n>' or 'projector'."""
    kind: SeatKind
    name: str
    """The role's title, the evaluator's name, or 'Projector'."""
    role: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class Proposal:
    """A choice a player proposed from their seat, and what became of it."""

    id: str
    role: str
    by: str
    """Who proposed it: the seat's participant, or the role's title if nobody sits there."""
    decision_point: str
    option: str
    rationale: str
    at: datetime
    status: ProposalStatus = "pending"
    note: str = ""
    """The facilitator's note when sending it back."""


@dataclass(frozen=True)
class SeatNote:
    """An observation an evaluator logged from their seat."""

    seq: int
    kind: str
    text: str
    objective: str | None
    rating: str | None


RoomListener = Callable[[], None]


class Room:
    """The seats, proposals and projector reveals of one game."""

    def __init__(
        self,
        game: Game,
        path: Path | None = None,
        *,
        codes: Callable[[], str] = new_code,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.game = game
        self._path = path
        self._codes = codes
        self._clock = clock
        self._lock = threading.RLock()
        self._listeners: Subscribers[RoomListener] = Subscribers(self._lock)
        self._seats: dict[str, RoomSeat] = {}
        self._proposals: list[Proposal] = []
        self._revealed: list[tuple[str, str]] = []
        self._notes: dict[str, list[SeatNote]] = {}
        self._sent: dict[str, list[float]] = {}
        self._ticks = time.monotonic
        if not self._load():
            self._seats = {s.key: s for s in self._default_seats()}
            self._save()

    # --- seats ----------------------------------------------------------------------------

    def seats(self) -> tuple[RoomSeat, ...]:
        """Every seat: the players in the pack's order, the evaluators, the projector."""
        with self._lock:
            return tuple(self._seats.values())

    def seat(self, key: str) -> RoomSeat | None:
        """A seat by its key."""
        with self._lock:
            return self._seats.get(key)

    def seat_with_code(self, code: str) -> RoomSeat | None:
        """The seat a (canonical) code opens, if any."""
        with self._lock:
            return next((s for s in self._seats.values() if s.code == code), None)

    def holds(self, key: str, code: str) -> bool:
        """Whether `code` still opens seat `key` (False once revoked or reissued)."""
        with self._lock:
            seat = self._seats.get(key)
            return seat is not None and seat.code == code

    def revoke(self, key: str) -> RoomSeat:
        """Close a seat: its code stops working at once, on every device using it."""
        return self._set_code(key, None)

    def reissue(self, key: str) -> RoomSeat:
        """Give a seat a new code (the old one stops working at once)."""
        return self._set_code(key, self._codes())

    def add_evaluator(self, name: str) -> RoomSeat:
        """A new evaluator / note-taker seat, with its own code."""
        name = _bounded(name, MAX_NAME, "an evaluator's name").strip()
        if not name:
            raise AppError("give the evaluator a name: it marks every observation they take")
        code = self._codes()  # before the lock: the lobby's check reads every room
        with self._lock:
            evaluators = [s for s in self._seats.values() if s.kind == "evaluator"]
            if len(evaluators) >= MAX_EVALUATORS:
                raise AppError(f"a room has at most {MAX_EVALUATORS} evaluator seats")
            if any(s.name == name for s in evaluators):
                raise AppError(f"there is already an evaluator called '{name}'")
            n = 1 + max((int(s.key.split(":")[1]) for s in evaluators), default=0)
            seat = RoomSeat(f"evaluator:{n}", "evaluator", name, code=code)
            projector = self._seats.pop("projector", None)
            self._seats[seat.key] = seat
            if projector is not None:
                self._seats[projector.key] = projector
        self._changed()
        return seat

    def _set_code(self, key: str, code: str | None) -> RoomSeat:
        with self._lock:
            seat = self._seats.get(key)
            if seat is None:
                raise AppError(f"there is no seat '{key}' in this room")
            seat = replace(seat, code=code)
            self._seats[key] = seat
        self._changed()
        return seat

    def _default_seats(self) -> Iterable[RoomSeat]:
        for role in self.game.pack.roles:
            yield RoomSeat(f"player:{role.id}", "player", role.title, role.id, self._codes())
        yield RoomSeat("evaluator:1", "evaluator", "Evaluator 1", code=self._codes())
        yield RoomSeat("projector", "projector", "Projector", code=self._codes())

    # --- proposals ------------------------------------------------------------------------

    def proposals(self, role: str | None = None) -> tuple[Proposal, ...]:
        """Every proposal (of one role), oldest first."""
        with self._lock:
            return tuple(p for p in self._proposals if role is None or p.role == role)

    def pending(self) -> tuple[Proposal, ...]:
        """The proposals waiting for the facilitator, oldest first."""
        with self._lock:
            return tuple(p for p in self._proposals if p.status == "pending")

    def propose(
        self, key: str, code: str, decision_point: str, option: str, rationale: str
    ) -> Proposal:
        """A player's proposal from seat `key` (holding `code`); replaces the seat's
        earlier pending proposal on the same decision point."""
        rationale = _bounded(rationale, MAX_RATIONALE, "a rationale")
        if not isinstance(decision_point, str) or not isinstance(option, str):
            raise AppError("a proposal names a decision and an option by their ids")
        seat = self._player(key, code)
        self._pace(key)
        role = seat.role or ""
        state = self.game.state
        if state.ended:
            raise AppError("the game has ended: nothing more can be proposed")
        opened = state.open_decisions.get(decision_point)
        if opened is None or role not in opened.waiting:
            raise AppError("that decision is not open to your seat (it may just have closed)")
        if option not in {p.option.id for p in self.game.preview(decision_point, role)}:
            raise AppError("that option is not offered to your seat")
        by = next(
            (s.participant for s in self.game.situation(last=0).seats if s.role == role), None
        )
        with self._lock:
            self._proposals = [
                replace(p, status="withdrawn")
                if p.role == role and p.decision_point == decision_point and p.status == "pending"
                else p
                for p in self._proposals
            ]
            proposal = Proposal(
                id=f"P-{len(self._proposals) + 1}",
                role=role,
                by=by or seat.name,
                decision_point=decision_point,
                option=option,
                rationale=rationale,
                at=self._clock(),
            )
            self._proposals.append(proposal)
        self._changed()
        return proposal

    def withdraw(self, key: str, code: str, proposal_id: str) -> None:
        """A player takes back their own pending proposal."""
        seat = self._player(key, code)
        self._answer(proposal_id, "withdrawn", "", role=seat.role)

    def send_back(self, proposal_id: str, note: str = "") -> None:
        """The facilitator returns a proposal to its seat, with a note the player sees."""
        self._answer(proposal_id, "sent_back", _bounded(note, MAX_NOTE, "a note"))

    def record(self, proposal_id: str, *, justification: str | None = None) -> Result:
        """Record a pending proposal as the role's decision (through `Game.decide`,
        marked with who proposed it). Outside mandate it needs `justification`, like any
        decision; a refusal leaves the proposal pending."""
        proposal = self._proposal(proposal_id)
        if proposal.status != "pending":
            raise AppError(f"proposal {proposal_id} is no longer waiting ({proposal.status})")
        result = self.game.decide(
            proposal.decision_point,
            proposal.role,
            proposal.option,
            proposal.rationale,
            justification=justification,
            proposed_by=proposal.by,
        )
        if isinstance(result, Applied):
            # the decision is in the log: the proposal is recorded, even if its seat withdrew
            # it (or proposed again) while the facilitator was recording it
            with self._lock:
                self._proposals = [
                    replace(p, status="recorded", note="") if p.id == proposal_id else p
                    for p in self._proposals
                ]
            self._changed()
        return result

    def _answer(
        self, proposal_id: str, status: ProposalStatus, note: str, *, role: str | None = None
    ) -> None:
        with self._lock:
            proposal = self._proposal(proposal_id)
            if role is not None and proposal.role != role:
                raise AppError("that proposal is not your seat's")
            if proposal.status != "pending":
                raise AppError(f"proposal {proposal_id} is no longer waiting")
            self._proposals = [
                replace(p, status=status, note=note) if p.id == proposal_id else p
                for p in self._proposals
            ]
        self._changed()

    def _proposal(self, proposal_id: str) -> Proposal:
        with self._lock:
            found = next((p for p in self._proposals if p.id == proposal_id), None)
        if found is None:
            raise AppError(f"there is no proposal '{proposal_id}'")
        return found

    def _pace(self, key: str) -> None:
        """Refuse a seat's sending more than `PACE` times in a minute."""
        now = self._ticks()
        with self._lock:
            recent = [t for t in self._sent.get(key, ()) if now - t < 60.0]
            if len(recent) >= PACE:
                raise AppError(f"at most {PACE} a minute from one seat: wait a moment")
            self._sent[key] = [*recent, now]

    def _player(self, key: str, code: str) -> RoomSeat:
        with self._lock:
            seat = self._seats.get(key)
        if seat is None or seat.code != code:
            raise AppError("your join code is no longer valid: ask the facilitator for a new one")
        if seat.kind != "player" or seat.role is None:
            raise AppError("only a player's seat proposes decisions")
        return seat

    # --- evaluators -----------------------------------------------------------------------

    def observe(
        self,
        key: str,
        code: str,
        kind: str,
        text: str,
        *,
        objective: str | None = None,
        rating: Rating | None = None,
    ) -> Result:
        """An evaluator's observation, logged as the facilitator's would be, marked with
        the evaluator's name."""
        text = _bounded(text, MAX_NOTE, "an observation")
        if not all(isinstance(v, str) for v in (kind, objective or "", rating or "")):
            raise AppError("an observation's kind, objective and rating are given by name")
        with self._lock:
            seat = self._seats.get(key)
        if seat is None or seat.code != code:
            raise AppError("your join code is no longer valid: ask the facilitator for a new one")
        if seat.kind != "evaluator":
            raise AppError("only an evaluator's seat takes observations")
        self._pace(key)
        result = self.game.note(kind, text, objective=objective, rating=rating, observer=seat.name)
        if isinstance(result, Applied):
            with self._lock:
                self._notes.setdefault(key, []).append(
                    SeatNote(result.first_seq, kind, text, objective, rating)
                )
            self._changed()
        return result

    def notes(self, key: str) -> tuple[SeatNote, ...]:
        """The observations a seat logged, oldest first."""
        with self._lock:
            return tuple(self._notes.get(key, ()))

    # --- the projector --------------------------------------------------------------------

    def revealed(self) -> tuple[tuple[str, str], ...]:
        """The (decision point, role) decisions the projector shows, in the order shown."""
        with self._lock:
            return tuple(self._revealed)

    def reveal(self, decision_point: str, role: str) -> Refusal | None:
        """Show a recorded decision on the projector (a refusal if it is not recorded)."""
        if (decision_point, role) not in self.game.state.decisions:
            return Refusal("not-recorded", "only a recorded decision can be shown to the room")
        with self._lock:
            if (decision_point, role) not in self._revealed:
                self._revealed.append((decision_point, role))
        self._changed()
        return None

    def conceal(self, decision_point: str, role: str) -> None:
        """Take a decision off the projector."""
        with self._lock:
            if (decision_point, role) in self._revealed:
                self._revealed.remove((decision_point, role))
        self._changed()

    # --- listening ------------------------------------------------------------------------

    def subscribe(self, listener: RoomListener) -> Callable[[], None]:
        """Call `listener` after every change to the room; returns the unsubscriber."""
        return self._listeners.add(listener)

    def _changed(self) -> None:
        self._save()
        for listener in self._listeners.now():
            try:
                listener()
            except Exception:  # a broken view must not break the room
                _log.exception("a listener of room %s failed", self.game.id)

    # --- keeping ------------------------------------------------------------------------

    def _save(self) -> None:
        if self._path is None:
            return
        with self._lock:
            data = {
                "format": 1,
                "session": self.game.id,
                "seats": [asdict(s) for s in self._seats.values()],
                "proposals": [{**asdict(p), "at": p.at.isoformat()} for p in self._proposals],
                "revealed": [list(r) for r in self._revealed],
                "notes": {k: [asdict(n) for n in v] for k, v in self._notes.items()},
            }
            # written under the lock: two saves at once would share the temporary file
            # (one truncating what the other renamed into place) and could leave it corrupt
            try:
                self._path.parent.mkdir(parents=True, exist_ok=True)
                temp = self._path.with_suffix(".tmp")
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.fchmod(fd, 0o600)  # a leftover temporary file keeps its mode otherwise
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(data, out, ensure_ascii=False)
                os.replace(temp, self._path)
            except OSError as exc:  # the game's log is safe; only the room's codes are at stake
                _log.warning("could not keep room %s in %s: %s", self.game.id, self._path, exc)

    def _load(self) -> bool:
        if self._path is None or not self._path.exists():
            return False
        try:
            data: dict[str, Any] = json.loads(self._path.read_text(encoding="utf-8"))
            if data.get("session") != self.game.id:
                raise ValueError("another session's room")
            self._seats = {s["key"]: RoomSeat(**s) for s in data["seats"]}
            self._proposals = [
                Proposal(**{**p, "at": datetime.fromisoformat(p["at"])}) for p in data["proposals"]
            ]
            self._revealed = [(r[0], r[1]) for r in data["revealed"]]
            self._notes = {k: [SeatNote(**n) for n in v] for k, v in data["notes"].items()}
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
            _log.warning("room file %s is unreadable (%s): new codes are issued", self._path, exc)
            self._seats, self._proposals, self._revealed, self._notes = {}, [], [], {}
            return False
        known = {f"player:{r.id}" for r in self.game.pack.roles}
        self._seats = {  # a role the pack no longer has loses its seat
            k: s for k, s in self._seats.items() if s.kind != "player" or k in known
        }
        for seat in self._default_seats():  # a role the room file lacks gets a seat
            if seat.kind == "player" and seat.key not in self._seats and seat.key in known:
                self._seats[seat.key] = seat
        return True


def _bounded(text: str, limit: int, what: str) -> str:
    """Text from a seat, refused beyond its length limit."""
    if not isinstance(text, str):
        raise AppError(f"{what} must be text")
    if len(text) > limit:
        raise AppError(f"{what} is limited to {limit:,} characters (this one has {len(text):,})")
    return text

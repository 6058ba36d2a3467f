"""The state of the screens on the room's other devices: the join page, a player's seat, an
evaluator's seat, the projector.

Each model holds the device's `Admission` (the room and the seat its code opens) and the
board it was last shown; `refresh` reads the board again and says whether it changed.
Every action goes to the room (`Room.propose`, `Room.observe`), which checks the code on
every call: a revoked code stops working at once, on the next refresh or the next click.
"""

from __future__ import annotations

from dataclasses import dataclass

from tabletop.app import Admission, AppError, JoinRefused, Lobby, Refusal, Room
from tabletop.app.seat_boards import (
    EvaluatorBoard,
    PlayerBoard,
    ProjectorBoard,
    evaluator_board,
    player_board,
    projector_board,
)
from tabletop.model.events import Rating
from tabletop.ui.viewmodels.console_rows import Notice
from tabletop.ui.viewmodels.console_vm import sentence

REVOKED = (
    "This seat's code was revoked or replaced by the facilitator. Ask for the new code to "
    "join again."
)


class JoinModel:
    """The join page: a code typed, and the seat it opens (or why not)."""

    def __init__(self, lobby: Lobby, client: str) -> None:
        self.lobby = lobby
        self.client = client
        self.notice: Notice | None = None

    def join(self, typed: str) -> Admission | None:
        """The seat the code opens; None (with a notice saying why) if it opens none."""
        try:
            admission = self.lobby.admit(typed, self.client)
        except JoinRefused as exc:
            self.notice = Notice(str(exc), error=True)
            return None
        self.notice = None
        return admission


class SeatModel:
    """What every seat model has: its admission and a notice of the last action."""

    def __init__(self, admission: Admission) -> None:
        self.admission = admission
        self.notice: Notice | None = None

    @property
    def room(self) -> Room:
        """The room the seat is in."""
        return self.admission.room

    @property
    def valid(self) -> bool:
        """Whether the seat's code still opens it."""
        return self.admission.valid

    def refresh(self) -> bool:
        """Read the seat's board again; True if it changed."""
        raise NotImplementedError


class PlayerModel(SeatModel):
    """A player's seat: their board, the option chosen and rationale typed per decision."""

    def __init__(self, admission: Admission) -> None:
        super().__init__(admission)
        seat = admission.seat
        self.role = seat.role if seat and seat.role else ""
        self.choice: dict[str, str] = {}
        """Decision point → the option chosen on the screen (not yet proposed)."""
        self.board: PlayerBoard = player_board(self.room, self.role)

    def refresh(self) -> bool:
        """Read the board again; True if it changed."""
        board = player_board(self.room, self.role)
        changed = board != self.board
        self.board = board
        return changed

    def propose(self, decision_point: str, rationale: str) -> bool:
        """Send the chosen option of a decision with its rationale to the facilitator."""
        option = self.choice.get(decision_point)
        if not option:
            self.notice = Notice("Choose an option first.", error=True)
            return False
        try:
            self.room.propose(
                self.admission.key, self.admission.code, decision_point, option, rationale
            )
        except AppError as exc:
            self.notice = Notice(sentence(str(exc)), error=True)
            return False
        self.notice = Notice("Proposed: the facilitator will record it or send it back.")
        self.refresh()
        return True

    def withdraw(self, proposal_id: str) -> bool:
        """Take back a proposal still waiting."""
        try:
            self.room.withdraw(self.admission.key, self.admission.code, proposal_id)
        except AppError as exc:
            self.notice = Notice(sentence(str(exc)), error=True)
            return False
        self.notice = Notice("Proposal withdrawn.")
        self.refresh()
        return True


@dataclass
class ObservationDraft:
    """The evaluator's observation form."""

    kind: str = "strength"
    objective: str | None = None
    rating: Rating | None = None


class EvaluatorModel(SeatModel):
    """An evaluator's seat: the board and the observation form."""

    def __init__(self, admission: Admission) -> None:
        super().__init__(admission)
        self.draft = ObservationDraft()
        self.board: EvaluatorBoard = evaluator_board(self.room, admission.key)

    def refresh(self) -> bool:
        """Read the board again; True if it changed."""
        board = evaluator_board(self.room, self.admission.key)
        changed = board != self.board
        self.board = board
        return changed

    def observe(self, text: str) -> bool:
        """Log the observation in the form, marked with the evaluator's name."""
        d = self.draft
        try:
            result = self.room.observe(
                self.admission.key,
                self.admission.code,
                d.kind,
                text,
                objective=d.objective,
                rating=d.rating,
            )
        except AppError as exc:
            self.notice = Notice(sentence(str(exc)), error=True)
            return False
        if isinstance(result, Refusal):
            self.notice = Notice(sentence(result.message), error=True)
            return False
        self.notice = Notice("Observation logged.")
        self.draft = ObservationDraft(kind=d.kind)
        self.refresh()
        return True


class ProjectorModel:
    """The projector: the board of a room, read again on every change."""

    def __init__(self, room: Room, admission: Admission | None = None) -> None:
        self.room = room
        self.admission = admission
        """None: the facilitator's own projector (no code to lose)."""
        self.board: ProjectorBoard = projector_board(room)

    @property
    def valid(self) -> bool:
        """Whether the projector may still show the room."""
        return self.admission is None or self.admission.valid

    def refresh(self) -> bool:
        """Read the board again; True if it changed."""
        board = projector_board(self.room)
        changed = board != self.board
        self.board = board
        return changed

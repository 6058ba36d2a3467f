"""The console's Room tab: where devices join, each seat's code, the proposals waiting,
and which decisions the projector shows.

Rows are plain values built from the room and the game, so the view redraws a part only
when its rows changed, and tests read them without a client.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tabletop.app import AppError, Room
from tabletop.ui.serving import Serving
from tabletop.ui.viewmodels.console_rows import Notice
from tabletop.ui.viewmodels.console_vm import ConsoleModel, sentence


@dataclass(frozen=True)
class SeatRow:
    """A seat of the room with its code."""

    key: str
    kind: str
    name: str
    """The role's title (with who sits there), the evaluator's name, or 'Projector'."""
    code: str | None


@dataclass(frozen=True)
class ProposalRow:
    """A proposal waiting for the facilitator."""

    id: str
    who: str
    """'<participant> (<role title>)'."""
    decision: str
    option: str
    kind: str | None
    """The verdict the option would get now."""
    rationale: str


@dataclass(frozen=True)
class RevealRow:
    """A recorded decision, and whether the projector shows it."""

    decision_point: str
    role: str
    text: str
    shown: bool


class RoomModel:
    """The Room tab of one console."""

    def __init__(
        self, console: ConsoleModel, room: Room, serving: Callable[[], Serving | None]
    ) -> None:
        """`serving`: where the app is served to other devices now (it can change)."""
        self.console = console
        self.room = room
        self.serving = serving
        self.notice: Notice | None = None

    @property
    def address(self) -> str:
        """Where devices join ('' when nothing is served to browsers)."""
        serving = self.serving()
        return serving.join_url if serving else ""

    def seats(self) -> tuple[SeatRow, ...]:
        """Every seat with its code (None: revoked)."""
        sitting = {s.role: s.participant for s in self.console.situation.seats}
        out = []
        for seat in self.room.seats():
            name = seat.name
            if seat.kind == "player" and sitting.get(seat.role or ""):
                name = f"{seat.name}: {sitting[seat.role or '']}"
            out.append(SeatRow(seat.key, seat.kind, name, seat.code))
        return tuple(out)

    def proposals(self) -> tuple[ProposalRow, ...]:
        """The proposals waiting, oldest first, each with the verdict its option gets now."""
        c = self.console
        out = []
        for p in self.room.pending():
            kind = next(
                (
                    v.verdict.kind
                    for v in c.game.preview(p.decision_point, p.role)
                    if v.option.id == p.option and v.verdict
                ),
                None,
            )
            dp = next((d for d in c.game.pack.decision_points if d.id == p.decision_point), None)
            out.append(
                ProposalRow(
                    id=p.id,
                    who=f"{p.by} ({c.title(p.role)})",
                    decision=f"{p.decision_point} {dp.title}" if dp else p.decision_point,
                    option=c.option_label(p.decision_point, p.option),
                    kind=kind,
                    rationale=p.rationale,
                )
            )
        return tuple(out)

    def reveals(self) -> tuple[RevealRow, ...]:
        """Every recorded decision, newest first, with whether the projector shows it."""
        c = self.console
        shown = set(self.room.revealed())
        decisions = sorted(c.state.decisions.values(), key=lambda d: -d.seq)
        return tuple(
            RevealRow(
                d.decision_point,
                d.role,
                f"{d.decision_point}: {c.title(d.role)} chose "
                f"'{c.option_label(d.decision_point, d.option)}'",
                (d.decision_point, d.role) in shown,
            )
            for d in decisions
        )

    # --- actions --------------------------------------------------------------------------

    def reissue(self, key: str) -> bool:
        """A new code for a seat (the old one stops working at once)."""
        return self._do(lambda: self.room.reissue(key), "New code issued; the old one is void.")

    def revoke(self, key: str) -> bool:
        """Close a seat: its code stops working at once."""
        return self._do(lambda: self.room.revoke(key), "Code revoked: that device is out.")

    def add_evaluator(self, name: str) -> bool:
        """A new evaluator seat with its own code."""
        return self._do(lambda: self.room.add_evaluator(name), f"Evaluator seat added: {name}.")

    def toggle_reveal(self, decision_point: str, role: str) -> bool:
        """Show a recorded decision on the projector, or take it off."""
        if (decision_point, role) in self.room.revealed():
            self.room.conceal(decision_point, role)
            self.notice = Notice("Taken off the projector.")
            return True
        refused = self.room.reveal(decision_point, role)
        if refused is not None:
            self.notice = Notice(sentence(refused.message), error=True)
            return False
        self.notice = Notice("Shown on the projector.")
        return True

    def reveal_latest(self) -> bool:
        """Show the newest recorded decision not yet shown (the keyboard's reveal)."""
        hidden = [r for r in self.reveals() if not r.shown]
        if not hidden:
            self.notice = Notice("Every recorded decision is already on the projector.")
            return False
        return self.toggle_reveal(hidden[0].decision_point, hidden[0].role)

    def _do(self, action: Callable[[], object], done: str) -> bool:
        try:
            action()
        except AppError as exc:
            self.notice = Notice(sentence(str(exc)), error=True)
            return False
        self.notice = Notice(done)
        return True

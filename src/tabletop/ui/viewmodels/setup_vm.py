"""Session setup: the exercise's name, date and facilitator, its details (type, place,
sponsor, contacts, evaluators, controllers), and who sits in which seat."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tabletop.app import AppError, Game, LoadedPack, Refusal
from tabletop.ui.viewmodels.details_vm import DetailsForm
from tabletop.ui.viewmodels.hub import Hub


@dataclass
class SeatField:
    """A role and the name typed for it ('' leaves the seat empty)."""

    role: str
    title: str
    actor: str
    participant: str = ""


@dataclass
class SetupModel:
    """The setup form of a pack and what starting it does."""

    hub: Hub
    loaded: LoadedPack
    exercise: str = ""
    facilitator: str = ""
    day: str = field(default_factory=lambda: date.today().isoformat())
    seats: list[SeatField] = field(default_factory=list)
    details: DetailsForm = field(default_factory=DetailsForm)
    error: str = ""
    warning: str = ""
    """Set when the session started but something after its start was not logged."""

    def __post_init__(self) -> None:
        pack = self.loaded.pack
        if not self.exercise:
            self.exercise = pack.meta.title
        if not self.seats:
            # 'the CSTO' reads well in a sentence; a field's label wants 'CSTO'.
            actors = {a.id: (a.short_name or a.name).removeprefix("the ") for a in pack.actors}
            self.seats = [
                SeatField(r.id, r.title, actors.get(r.actor, r.actor)) for r in pack.roles
            ]

    def seat(self, role: str, participant: str) -> None:
        """Type a participant's name for a seat."""
        for seat in self.seats:
            if seat.role == role:
                seat.participant = participant

    @property
    def pack_sponsor(self) -> str:
        """The pack's sponsor, which stands when the form gives none."""
        return self.loaded.pack.meta.sponsor

    def start(self) -> Game | None:
        """Start the session, seat everyone named and record the exercise's details; None
        (and `error` says why) if the form is not complete or cannot be read."""
        self.error = self.warning = ""
        if not self.exercise.strip():
            self.error = "Give the exercise a name."
        elif not self.facilitator.strip():
            self.error = "Say who facilitates."
        else:
            self.error = self.details.problem()
        if self.error:
            return None
        try:
            when = date.fromisoformat(self.day.strip())
        except ValueError:
            self.error = f"'{self.day}' is not a date: write it as 2026-12-03."
            return None
        try:
            game = self.hub.workspace.start(
                self.loaded,
                facilitator=self.facilitator.strip(),
                exercise=self.exercise.strip(),
                exercise_date=when,
            )
        except AppError as exc:
            self.error = str(exc)
            return None
        for seat in self.seats:
            if seat.participant.strip():
                game.assign(seat.role, seat.participant.strip())
        try:
            recorded = self.details.record(game)
        except AppError as exc:
            recorded = Refusal("not-recorded", str(exc))
        if isinstance(recorded, Refusal):
            # The session is under way: say so, and let the console's dialog put it right.
            self.warning = (
                f"The exercise details were not recorded ({recorded.message}): "
                "give them again from the Plan tab."
            )
        return self.hub.add(game)

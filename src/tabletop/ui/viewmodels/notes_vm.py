"""The console's forms: observations (strength or area for improvement, with an objective
and a rating; an area with its reference and root cause), objective ratings,
improvement-plan rows (and the area each answers), seating a participant, and the
exercise's details.

Each form is plain data the view binds its fields to; each action calls the game through
the console (`ConsoleModel.run`), so refusals become its notice; a form is emptied once
its action is logged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from tabletop.app import Applied
from tabletop.model.events import CapabilityElement
from tabletop.ui.viewmodels import console_rows as rows
from tabletop.ui.viewmodels.console_rows import Notice
from tabletop.ui.viewmodels.details_vm import DetailsForm

if TYPE_CHECKING:
    from tabletop.ui.viewmodels.console_vm import ConsoleModel

# A form keeps plain strings; these turn them into the literals the game takes (or None).
_ELEMENTS: dict[str, CapabilityElement] = {
    "planning": "planning",
    "organization": "organization",
    "equipment": "equipment",
    "training": "training",
    "exercise": "exercise",
}


@dataclass
class ObservationForm:
    """An observation being written."""

    kind: str = "strength"
    text: str = ""
    objective: str = ""
    rating: str = ""
    reference: str = ""
    """For an area for improvement: the instrument or plan concerned."""
    analysis: str = ""
    """For an area for improvement: the root cause."""

    @property
    def is_area(self) -> bool:
        """True for an area for improvement (which asks for a reference and an analysis)."""
        return self.kind == "area_for_improvement"


@dataclass
class RatingForm:
    """An objective's rating being given."""

    objective: str = ""
    rating: str = ""
    note: str = ""


@dataclass
class PlanForm:
    """An improvement-plan row being written."""

    issue: str = ""
    corrective_action: str = ""
    element: str = "planning"
    organisation: str = ""
    contact: str = ""
    start: str = field(default_factory=lambda: date.today().isoformat())
    completion: str = ""
    objective: str = ""
    answers: str = ""
    """The event number of the area for improvement it answers ('' for none)."""


class NotesModel:
    """The forms of one console, and what logging each does."""

    def __init__(self, console: ConsoleModel) -> None:
        self.console = console
        self.observation = ObservationForm()
        self.rating = RatingForm()
        self.plan = PlanForm()
        self.details = DetailsForm.of(console.game.details)
        roles = console.game.pack.roles
        self.seat_role = roles[0].id if roles else ""
        self.seat_name = ""

    def objectives(self) -> tuple[tuple[str, str], ...]:
        """The exercise objectives: id and text."""
        return tuple((o.id, f"{o.id}: {o.text}") for o in self.console.game.pack.objectives)

    def areas(self) -> tuple[tuple[str, str], ...]:
        """The areas for improvement noted, that a plan row may answer: key (the event
        number) and words (its number and text, cut short)."""
        return tuple(
            (str(a.seq), f"#{a.seq}: {_short(a.text)}")
            for a in self.console.game.areas_for_improvement()
        )

    def assign(self) -> bool:
        """Seat the participant typed in the chosen seat."""
        role, name = self.seat_role, self.seat_name.strip()
        done = self.console.run(
            lambda: self.console.game.assign(role, name),
            f"{name} sits as {self.console.title(role)}.",
        )
        if isinstance(done, Applied):
            self.seat_name = ""
        return isinstance(done, Applied)

    def add_observation(self) -> bool:
        """Log the observation written in the form."""
        f = self.observation
        done = self.console.run(
            lambda: self.console.game.note(
                f.kind,
                f.text.strip(),
                objective=f.objective or None,
                rating=rows.rating(f.rating),
                # Shown, and so kept, for an area for improvement only.
                reference=f.reference if f.is_area else None,
                analysis=f.analysis if f.is_area else None,
            ),
            f"{rows.KINDS.get(f.kind, f.kind)} noted.",
        )
        if isinstance(done, Applied):
            self.observation = ObservationForm(kind=f.kind, objective=f.objective)
        return isinstance(done, Applied)

    def rate_objective(self) -> bool:
        """Rate the objective chosen in the rating form."""
        f = self.rating
        rating = rows.rating(f.rating)
        if not f.objective or rating is None:
            self.console.notice = Notice("Choose the objective and its rating.", error=True)
            return False
        done = self.console.run(
            lambda: self.console.game.rate(f.objective, rating, f.note.strip()),
            f"{f.objective} rated {rating}.",
        )
        if isinstance(done, Applied):
            self.rating = RatingForm()
        return isinstance(done, Applied)

    def add_plan_row(self) -> bool:
        """Add the improvement-plan row written in the form."""
        f = self.plan
        try:
            start, completion = (
                date.fromisoformat(f.start.strip()),
                date.fromisoformat(f.completion.strip()),
            )
        except ValueError:
            self.console.notice = Notice(
                "Write the start and completion dates as 2026-12-03.", error=True
            )
            return False
        done = self.console.run(
            lambda: self.console.game.plan(
                issue=f.issue.strip(),
                corrective_action=f.corrective_action.strip(),
                capability_element=_ELEMENTS.get(f.element, "planning"),
                responsible_org=f.organisation.strip(),
                point_of_contact=f.contact.strip(),
                start_date=start,
                completion_date=completion,
                objective=f.objective or None,
                addresses=int(f.answers) if f.answers.isdigit() else None,
            ),
            "Improvement-plan row added.",
        )
        if isinstance(done, Applied):
            self.plan = PlanForm()
        return isinstance(done, Applied)

    def edit_details(self) -> DetailsForm:
        """The details form, prefilled with the details as last recorded."""
        self.details = DetailsForm.of(self.console.game.details)
        return self.details

    def save_details(self) -> bool:
        """Record the details in the form (the whole set, replacing the last)."""
        form = self.details
        problem = form.problem()
        if problem:
            self.console.notice = Notice(problem, error=True)
            return False
        done = self.console.run(lambda: form.record(self.console.game), "Exercise details saved.")
        return isinstance(done, Applied)


def _short(text: str, most: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= most else line[: most - 1].rstrip() + "…"

"""The exercise-details form, on the setup screen and in the console's dialog: the exercise
type, location, sponsor, points of contact (one a line), evaluators and controllers (by
commas or lines), as plain strings; read into the game's `record_details`."""

from __future__ import annotations

from dataclasses import dataclass

from tabletop.app import Game, Result
from tabletop.app.exercise_details import (
    CONTACT_FORMAT,
    EXERCISE_TYPES,
    DetailsError,
    contacts_text,
    names_text,
    parse_contacts,
    parse_names,
)
from tabletop.model.events import ExerciseDetailsRecorded

DEFAULT_TYPE = "tabletop"
"""The exercise type a new session's form starts with."""

TYPE_CHOICES: tuple[tuple[str, str], ...] = tuple(EXERCISE_TYPES.items())
"""The exercise types a form offers: key and words."""

CONTACTS_HINT = f"One a line: {CONTACT_FORMAT}"
"""What the points-of-contact field asks for."""

NAMES_HINT = "Names, separated by commas or one a line"
"""What the evaluators' and controllers' fields ask for."""


@dataclass
class DetailsForm:
    """The exercise's details being typed."""

    exercise_type: str = DEFAULT_TYPE
    location: str = ""
    sponsor: str = ""
    contacts: str = ""
    evaluators: str = ""
    controllers: str = ""

    @classmethod
    def of(cls, details: ExerciseDetailsRecorded | None) -> DetailsForm:
        """The form prefilled with the details last recorded (a new form if none were)."""
        if details is None:
            return cls()
        return cls(
            exercise_type=details.exercise_type or "",
            location=details.location or "",
            sponsor=details.sponsor or "",
            contacts=contacts_text(details.points_of_contact),
            evaluators=names_text(details.evaluators),
            controllers=names_text(details.controllers),
        )

    def problem(self) -> str:
        """Why the form cannot be read ('' if it can)."""
        try:
            parse_contacts(self.contacts)
        except DetailsError as exc:
            return _sentence(str(exc))
        if self.exercise_type and self.exercise_type not in EXERCISE_TYPES:
            return f"Choose the exercise type ({', '.join(EXERCISE_TYPES.values())})."
        return ""

    def record(self, game: Game) -> Result:
        """Record the form's details in the game (a `DetailsError` if it cannot be read)."""
        return game.record_details(
            exercise_type=self.exercise_type or None,
            location=self.location,
            sponsor=self.sponsor,
            points_of_contact=parse_contacts(self.contacts),
            evaluators=parse_names(self.evaluators),
            controllers=parse_names(self.controllers),
        )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def summary(details: ExerciseDetailsRecorded | None) -> str:
    """The details in one line, for the console ('' when none were recorded)."""
    if details is None:
        return ""
    parts = [
        EXERCISE_TYPES[details.exercise_type] if details.exercise_type else "",
        details.location or "",
        f"sponsor {details.sponsor}" if details.sponsor else "",
        _count(details.points_of_contact, "point of contact", "points of contact"),
        _count(details.evaluators, "evaluator", "evaluators"),
        _count(details.controllers, "controller", "controllers"),
    ]
    return " · ".join(p for p in parts if p) or "Nothing given."


def _count(items: tuple[object, ...] | None, one: str, many: str) -> str:
    n = len(items or ())
    return "" if n == 0 else f"1 {one}" if n == 1 else f"{n} {many}"

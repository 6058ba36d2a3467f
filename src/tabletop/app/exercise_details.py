"""The exercise's details as a person types them: points of contact one a line ("Name —
role — organisation — contact"), evaluators and controllers separated by commas or lines;
back to that text, to prefill a form with what was recorded; a change to some of them
(the others kept); and the details in lines of text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from pydantic import ValidationError

from tabletop.app.errors import AppError
from tabletop.app.game import Game, Result
from tabletop.model.events import ExerciseDetailsRecorded, ExerciseType, PointOfContact

EXERCISE_TYPES: dict[ExerciseType, str] = {
    "seminar": "Seminar",
    "tabletop": "Tabletop exercise",
    "game": "Game",
}
"""The exercise types and how a form names them (HSEEP's discussion-based exercises)."""

CONTACT_FORMAT = "Name — role — organisation — contact"
"""How a point of contact is written, one a line (only the name is needed)."""

# An em or en dash, a hyphen with a space either side, or a bar: a hyphen inside a name or
# an e-mail address does not split.
_PARTS = re.compile(r"\s*[—–|]\s*|\s+-\s+")
_NAMES = re.compile(r"[,;]")


T = TypeVar("T")


class DetailsError(AppError):
    """Exercise details typed in a way that cannot be read; the message says where."""


def parse_contacts(text: str) -> tuple[PointOfContact, ...]:
    """Points of contact, one a non-empty line written as `CONTACT_FORMAT`."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in _PARTS.split(line.strip())]
        if len(parts) > 4:
            raise DetailsError(
                f"point of contact, line {number}: {len(parts)} parts, at most 4 ({CONTACT_FORMAT})"
            )
        if not parts[0]:
            raise DetailsError(f"point of contact, line {number}: begin with the name")
        name, role, organisation, contact = (*parts, "", "", "")[:4]
        try:
            out.append(
                PointOfContact(name=name, role=role, organisation=organisation, contact=contact)
            )
        except ValidationError as exc:
            raise DetailsError(
                f"point of contact, line {number}: {exc.errors()[0]['msg']}"
            ) from exc
    return tuple(out)


def contacts_text(contacts: tuple[PointOfContact, ...] | None) -> str:
    """Points of contact as `parse_contacts` reads them (trailing empty parts left out)."""
    lines = []
    for c in contacts or ():
        parts = [c.name, c.role, c.organisation, c.contact]
        while parts and not parts[-1]:
            parts.pop()
        lines.append(" — ".join(parts))
    return "\n".join(lines)


def parse_names(text: str) -> tuple[str, ...]:
    """Names one a line, or on one line separated by commas or semicolons (empty ones left
    out): "Dr N. Ivanova, Maj. K. Sato"."""
    lines = [line for line in text.splitlines() if line.strip()]
    names = lines if len(lines) > 1 else _NAMES.split(text)
    return tuple(n.strip() for n in names if n.strip())


def names_text(names: tuple[str, ...] | None) -> str:
    """Names as `parse_names` reads them: on a line each when one holds a comma."""
    names = names or ()
    return ("\n" if any("," in n for n in names) else ", ").join(names)


@dataclass(frozen=True)
class DetailsChange:
    """Some of the exercise's details to change; None keeps what was recorded, and an
    empty text or list takes it away."""

    exercise_type: str | None = None
    """'' takes the type away."""
    location: str | None = None
    sponsor: str | None = None
    points_of_contact: tuple[PointOfContact, ...] | None = None
    evaluators: tuple[str, ...] | None = None
    controllers: tuple[str, ...] | None = None

    @property
    def empty(self) -> bool:
        """True when it changes nothing."""
        return all(getattr(self, f) is None for f in self.__dataclass_fields__)


def change_details(game: Game, change: DetailsChange) -> Result:
    """Record the details as last recorded, with the change made (each event holds the
    whole set)."""
    now = game.details

    def keep(given: str | None, recorded: str | None) -> str | None:
        return recorded if given is None else given

    return game.record_details(
        exercise_type=keep(change.exercise_type, now.exercise_type if now else None) or None,
        location=keep(change.location, now.location if now else None),
        sponsor=keep(change.sponsor, now.sponsor if now else None),
        points_of_contact=_kept(change.points_of_contact, now.points_of_contact if now else None),
        evaluators=_kept(change.evaluators, now.evaluators if now else None),
        controllers=_kept(change.controllers, now.controllers if now else None),
    )


def _kept(given: tuple[T, ...] | None, recorded: tuple[T, ...] | None) -> tuple[T, ...]:
    return given if given is not None else recorded or ()


def details_lines(details: ExerciseDetailsRecorded | None, pack_sponsor: str = "") -> list[str]:
    """The details as lines of text ('-' for what was not given)."""
    if details is None:
        return ["no exercise details recorded"]
    the_packs = f"- (the pack's: {pack_sponsor})" if pack_sponsor else "-"
    sponsor = details.sponsor or the_packs
    kind = details.exercise_type
    lines = [
        f"type: {EXERCISE_TYPES[kind] if kind else '-'}",
        f"location: {details.location or '-'}",
        f"sponsor: {sponsor}",
        "points of contact:" + ("" if details.points_of_contact else " -"),
        *(f"  {line}" for line in contacts_text(details.points_of_contact).splitlines()),
        f"evaluators: {', '.join(details.evaluators or ()) or '-'}",
        f"controllers: {', '.join(details.controllers or ()) or '-'}",
    ]
    return lines

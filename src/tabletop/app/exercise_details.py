"""The exercise's details as a person types them: points of contact one a line ("Name —
role — organisation — contact"), evaluators and controllers separated by commas or lines;
and back to that text, to prefill a form with what was recorded."""

from __future__ import annotations

import re

from pydantic import ValidationError

from tabletop.app.errors import AppError
from tabletop.model.events import ExerciseType, PointOfContact

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

"""Shared building blocks for the pack and session models."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.\-]{0,63}$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(
        description="An identifier: a letter, then letters, digits, '_', '.' or '-' (max 64).",
        examples=["CSTO", "kaz_presidency"],
    ),
]
"""Identifier of anything a pack defines: actors, facts, injects, ..."""

ActorKind = Literal["state", "organisation", "group_of_states", "non_state_group"]
"""What sort of actor: a state, an organisation, states acting together, a non-state group."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
"""Free text written by an author; never interpreted."""


SCENARIO_TIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$"
_SCENARIO_TIME = re.compile(SCENARIO_TIME_PATTERN)


def _scenario_time(value: Any) -> Any:
    if isinstance(value, str):
        if not _SCENARIO_TIME.fullmatch(value):
            raise ValueError("write scenario times as YYYY-MM-DDTHH:MM (local time, no zone)")
        # Strict mode accepts no string for a datetime once a before-validator has run,
        # so the string is turned into the datetime here (ValueError on e.g. 30 February).
        return datetime.fromisoformat(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        raise ValueError("scenario times carry no time zone")
    return value


ScenarioTime = Annotated[
    datetime,
    BeforeValidator(_scenario_time),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": SCENARIO_TIME_PATTERN,
            "description": "Scenario (in-game) local time, YYYY-MM-DDTHH:MM, no time zone.",
            "examples": ["2022-01-05T09:30"],
        }
    ),
]
"""A time in the fiction of the game: local, without a zone."""


class Model(BaseModel):
    """Base of every pack and session model: strict, closed and immutable."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        use_attribute_docstrings=False,
    )


def documented(description: str, examples: list[Any], title: str | None = None, **kw: Any) -> Any:
    """A pydantic Field with the description and examples an editor shows on hover."""
    return Field(title=title, description=description, examples=examples, **kw)

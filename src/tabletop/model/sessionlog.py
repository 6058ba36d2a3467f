"""The exported session log: JSON Lines, a header line and then one line per event."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, RootModel, StringConstraints

from tabletop.model.base import Id, Model, f
from tabletop.model.events import Event, WallTime

LOG_FORMAT = "tabletop-session-log"
LOG_VERSION = 1

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class LogHeader(Model):
    """First line of an exported log: which session, which pack, and the head of the chain."""

    format: Literal["tabletop-session-log"] = f("File kind.", ["tabletop-session-log"])
    version: Literal[1] = f("Format version.", [1])
    session_id: Id = f("Session id.", ["kazakh-unrest-2022-20261126-1a2b"])
    pack_id: Id = f("Pack id.", ["kazakh-unrest-2022"])
    pack_version: str = f("Pack version.", ["1.0.0"])
    pack_title: str = f("Pack title.", ["January 2022: unrest in Kazakhstan"])
    pack_hash: str = f("Content hash of the pack.", ["sha256:0f3a..."])
    exercise: str = f("Exercise name.", ["Staff college seminar 3"])
    facilitator: str = f("Facilitator.", ["Col. A. Petrov"])
    started_at: WallTime = f("When the session started.", ["2026-11-26T09:00:00Z"])
    ended_at: WallTime | None = f("When it ended, if it has.", [None], default=None)
    events: int = f("Number of event lines that follow.", [120], ge=1)
    head: Sha256 = f("Hash of the last event.", ["9f86d081884c7d65..."])


class LogLine(Model):
    """One event of an exported log, with its place in the hash chain."""

    seq: int = f("Position in the log, from 1.", [1], ge=1)
    prev: Sha256 = f("Hash of the event before (64 zeros for the first).", ["0" * 64])
    hash: Sha256 = f("SHA-256 of prev + the event's canonical JSON.", ["9f86d081884c7d65..."])
    event: Event


class SessionLogLine(RootModel[LogHeader | LogLine]):
    """Any line of an exported session log: the header (first line) or an event."""

    root: Annotated[LogHeader | LogLine, Field(union_mode="left_to_right")]

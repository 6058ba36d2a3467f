"""The exported session log: JSON Lines, a header line and then one line per event."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, RootModel, StringConstraints

from tabletop.model.base import Id, Model, documented
from tabletop.model.events import Event, WallTime

LOG_FORMAT = "tabletop-session-log"
LOG_VERSION = 1

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
# Standard base64 of exactly 32 and 64 bytes: the shape alone rules out a key or a signature
# of the wrong size, so what reaches the check always decodes.
Base64Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]
Base64Signature = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{86}==$")]


class LogSignature(Model):
    """An Ed25519 signature over the header's canonical JSON (every field but this one)."""

    algorithm: Literal["ed25519"] = documented("Signature algorithm.", ["ed25519"])
    public_key: Base64Key = documented(
        "The signer's raw 32-byte public key, base64.",
        ["glTDKakoUPbVOd03b0gW7idkUX2l4CNVFK9DMWRIDXo="],
    )
    value: Base64Signature = documented(
        "The 64-byte signature, base64.",
        [
            "LB7mg3IhWxzgZEJrXNvU7yWBrODdOyH6K+J/NkgnJC6D9otovgP1s+JL5dG0MV+Y"
            "oKltGXE/s6GdxFX7atw0MQ=="
        ],
    )


class LogHeader(Model):
    """First line of an exported log: which session, which pack, and the head of the chain."""

    format: Literal["tabletop-session-log"] = documented("File kind.", ["tabletop-session-log"])
    version: Literal[1] = documented("Format version.", [1])
    session_id: Id = documented("Session id.", ["kazakh-unrest-2022-20261126-1a2b"])
    pack_id: Id = documented("Pack id.", ["kazakh-unrest-2022"])
    pack_version: str = documented("Pack version.", ["1.0.0"])
    pack_title: str = documented("Pack title.", ["January 2022: unrest in Kazakhstan"])
    pack_hash: str = documented("Content hash of the pack.", ["sha256:0f3a..."])
    exercise: str = documented("Exercise name.", ["Staff college seminar 3"])
    facilitator: str = documented("Facilitator.", ["Col. A. Petrov"])
    started_at: WallTime = documented("When the session started.", ["2026-11-26T09:00:00Z"])
    ended_at: WallTime | None = documented("When it ended, if it has.", [None], default=None)
    events: int = documented("Number of event lines that follow.", [120], ge=1)
    head: Sha256 = documented("Hash of the last event.", ["9f86d081884c7d65..."])
    # Last, and left out when absent: an unsigned export's header is what it always was, so
    # readers from before signatures read it; they refuse a signed one, naming this field.
    signature: LogSignature | None = documented(
        "Signature of the installation that exported the log, if it was signed "
        "(`tabletop export --sign`): it vouches for this header, hence for the head and the "
        "whole chain.",
        [None],
        default=None,
    )


class LogLine(Model):
    """One event of an exported log, with its place in the hash chain."""

    seq: int = documented("Position in the log, from 1.", [1], ge=1)
    prev: Sha256 = documented("Hash of the event before (64 zeros for the first).", ["0" * 64])
    hash: Sha256 = documented(
        "SHA-256 of prev + the event's canonical JSON.", ["9f86d081884c7d65..."]
    )
    event: Event


class SessionLogLine(RootModel[LogHeader | LogLine]):
    """Any line of an exported session log: the header (first line) or an event."""

    root: Annotated[LogHeader | LogLine, Field(union_mode="left_to_right")]

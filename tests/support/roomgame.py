"""Helpers for the tests of a game's room and its boards: a game opened until several roles
have a decision waiting, the choices open to them, the seats' codes, and every string a
board holds (to show what a device can and cannot be shown)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, NamedTuple

from pydantic import BaseModel

from tabletop.app import Applied, Game, Room, RoomSeat


class Choice(NamedTuple):
    """An option open to a role at a decision point."""

    decision_point: str
    role: str
    option: str


def participant(role: str) -> str:
    """The name of the person the tests seat in `role`."""
    return f"Player of {role}"


def open_for_two_roles(game: Game) -> Game:
    """Advance the game until decisions are waiting on at least two roles."""
    for _ in range(50):
        if len(waiting_roles(game)) >= 2:
            return game
        assert isinstance(game.advance_to_next(), Applied), "no two roles ever decide at once"
    raise AssertionError("no two roles had a decision open within 50 steps")


def waiting_roles(game: Game) -> list[str]:
    """The roles some open decision waits on, in the order the decisions opened."""
    out: list[str] = []
    for od in game.state.open_decisions.values():
        out.extend(r for r in od.waiting if r not in out)
    return out


WITHIN = ("permitted", "permitted_with_obligations")
"""The verdicts a choice can be recorded with, without an override."""


def open_choice(game: Game, *kinds: str, role: str | None = None) -> Choice:
    """The first open choice (of `role`) whose verdict now is one of `kinds`."""
    for dp, od in game.state.open_decisions.items():
        for who in od.waiting:
            if role is not None and who != role:
                continue
            for p in game.preview(dp, who):
                if p.verdict is not None and p.verdict.kind in kinds:
                    return Choice(dp, who, p.option.id)
    raise AssertionError(f"no open choice is {' or '.join(kinds)} (role {role})")


def player_seat(room: Room, role: str) -> RoomSeat:
    """The player's seat of `role`, which must hold a code."""
    seat = room.seat(f"player:{role}")
    assert seat is not None and seat.code is not None
    return seat


def texts(obj: Any) -> str:
    """Every string held anywhere in `obj` (dataclasses, models, containers), one a line."""
    return "\n".join(_strings(obj))


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _strings(getattr(obj, f.name))
    elif isinstance(obj, BaseModel):
        yield from _strings(obj.model_dump())
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(obj, list | tuple | set | frozenset):
        for item in obj:
            yield from _strings(item)

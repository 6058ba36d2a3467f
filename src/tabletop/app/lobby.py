"""The way into a room: a join code typed on a device becomes that device's seat, and wrong
codes are slowed (see `join_codes`).

One lobby per app process holds the room of every game opened in it, so a code is looked
up in one place, and codes stay unique across the rooms.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tabletop.app.errors import AppError
from tabletop.app.game import Game
from tabletop.app.join_codes import Throttle, new_code, normalise
from tabletop.app.room import Room, RoomSeat


class JoinRefused(AppError):
    """A code that opens nothing (or came too soon after wrong ones); `wait`: seconds
    before the next try is looked at."""

    def __init__(self, message: str, wait: float = 0.0) -> None:
        super().__init__(message)
        self.wait = wait


@dataclass(frozen=True)
class Admission:
    """A device let into a room: the room, its seat's key, and the code it holds."""

    room: Room
    key: str
    code: str

    @property
    def seat(self) -> RoomSeat | None:
        """The seat as it stands (None: it no longer exists)."""
        return self.room.seat(self.key)

    @property
    def valid(self) -> bool:
        """Whether the code still opens the seat (False at once when it is revoked)."""
        return self.room.holds(self.key, self.code)


class Lobby:
    """Every room of the process, and the door to them."""

    def __init__(
        self,
        folder: Path | None = None,
        *,
        throttle: Throttle | None = None,
        codes: Callable[[], str] = new_code,
    ) -> None:
        """`folder`: where rooms are kept (None: in memory only)."""
        self._folder = folder
        self._throttle = throttle or Throttle(time.monotonic)
        self._codes = codes
        self._rooms: dict[str, Room] = {}
        self._lock = threading.RLock()
        self.console_key = secrets.token_urlsafe(18)
        """What opens the facilitator's console to a browser when the app is served to the
        network (printed in the terminal, never shown on a seat); good for one console."""
        self.on_new_key: Callable[[str], None] = lambda _key: None
        """Told the next key once one is spent (the terminal prints it)."""

    def room(self, game: Game) -> Room:
        """The room of a game, made (or read back from its file) on first use."""
        with self._lock:
            room = self._rooms.get(game.id)
            if room is None or room.game is not game:
                path = self._folder / f"{game.id}.json" if self._folder else None
                room = Room(game, path, codes=self._unique_code)
                self._rooms[game.id] = room
            return room

    def forget(self, session_id: str) -> None:
        """Drop a session's room (it was deleted) and its file; every device in it loses
        its seat at once."""
        with self._lock:
            room = self._rooms.pop(session_id, None)
        for seat in room.seats() if room else ():
            if seat.code is not None:
                room.revoke(seat.key)  # type: ignore[union-attr]
        if self._folder is not None:
            (self._folder / f"{session_id}.json").unlink(missing_ok=True)

    def admit(self, typed: str, client: str) -> Admission:
        """The seat a typed code opens, for a device at `client` (its address); raises
        `JoinRefused` with what to do, after slowing repeated wrong codes."""
        wait = self._throttle.wait(client)
        if wait > 0:
            raise JoinRefused(_too_many(wait), wait)
        code = normalise(typed)
        with self._lock:
            rooms = list(self._rooms.values())
        for room in rooms if code else ():
            seat = room.seat_with_code(code or "")
            if seat is not None:
                if room.game.state.ended and seat.kind != "evaluator":
                    raise JoinRefused(
                        "This game has ended: only evaluators still join it, to finish their "
                        "observations."
                    )
                return Admission(room, seat.key, seat.code or "")
        wait = self._throttle.failed(client)
        message = (
            "That code does not open any seat. Check it with the facilitator "
            "(codes look like K7QM-4TZP)."
        )
        if wait > 0:
            message += " " + _too_many(wait)
        raise JoinRefused(message, wait)

    def is_console_key(self, given: str) -> bool:
        """Whether `given` is the console key (compared in constant time)."""
        if not isinstance(given, str) or not given:
            return False
        return hmac.compare_digest(given.encode(), self.console_key.encode())

    def use_console_key(self, given: str) -> bool:
        """Open the console with `given` if it is the key, which is then spent: the next
        console needs the new one (`on_new_key` is told it), so an address left in a
        browser's history or seen on a mirrored screen opens nothing."""
        with self._lock:
            if not self.is_console_key(given):
                return False
            self.console_key = secrets.token_urlsafe(18)
            fresh = self.console_key
        self.on_new_key(fresh)
        return True

    def _unique_code(self) -> str:
        with self._lock:
            taken = {s.code for r in self._rooms.values() for s in r.seats()}
        while True:
            code = self._codes()
            if code not in taken:
                return code


def _too_many(wait: float) -> str:
    seconds = max(1, round(wait + 0.49))
    return f"Too many wrong codes: wait {seconds} s before trying again."

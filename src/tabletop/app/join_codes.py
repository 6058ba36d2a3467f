"""Join codes for seats on other devices, and the throttle that slows anyone guessing them.

A code is 8 symbols of Crockford's base32 (no I, L, O or U): 40 random bits from
`secrets`, about 1.1 × 10¹² codes. The throttle below lets the whole room at most 30
wrong codes a minute, some 5,400 in a three-hour game, so the chance that guessing hits
one of 20 live codes stays under one in 10⁷. Codes are shown as two groups of four
("K7QM-4TZP") and read back forgivingly: case, spaces and dashes do not matter, and O/I/L
read as 0/1/1.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
MAX_INPUT = 64
"""Longer input is not a code: refused before any lookup."""

_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    """A fresh random code, grouped for reading aloud."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(typed: str) -> str | None:
    """The code someone typed, in its canonical form; None if it cannot be a code."""
    if not isinstance(typed, str) or len(typed) > MAX_INPUT:
        return None
    raw = "".join(ch for ch in typed.upper() if ch not in " -\t").translate(_READ_AS)
    if len(raw) != LENGTH or any(ch not in ALPHABET for ch in raw):
        return None
    return f"{raw[:4]}-{raw[4:]}"


@dataclass
class _Record:
    failures: int = 0
    blocked_until: float = 0.0
    last: float = 0.0


@dataclass
class Throttle:
    """Slows repeated wrong codes: per client, after `free` failures each further one
    doubles the wait (1 s, 2 s, 4 s ... up to `cap`), and a client's count is forgotten
    only after `forget` seconds without a failure (a right code does not reset it, or a
    player could guess between uses of their own code); and for everyone at once when the
    whole room sees more than `room_limit` failures a minute (guessing from many devices).

    The client is the address Flet reports for the device, which a crafted client can
    change: the per-client wait is a courtesy to an honest device that mistyped, and the
    room-wide limit is what bounds guessing.

    `clock` is injectable so the rule can be tested without sleeping.
    """

    clock: Callable[[], float]
    free: int = 3
    cap: float = 60.0
    room_limit: int = 30
    forget: float = 600.0
    _clients: dict[str, _Record] = field(default_factory=dict)
    _recent: list[float] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, client: str) -> float:
        """Seconds `client` must wait before its next try (0: it may try now)."""
        now = self.clock()
        with self._lock:
            record = self._clients.get(client)
            own = max(0.0, record.blocked_until - now) if record else 0.0
            self._recent = [t for t in self._recent if now - t < 60.0]
            room = 0.0
            if len(self._recent) >= self.room_limit:
                room = max(0.0, self._recent[-self.room_limit] + 60.0 - now)
            return max(own, room)

    def failed(self, client: str) -> float:
        """Count a wrong code from `client`; the wait it now has before trying again."""
        now = self.clock()
        with self._lock:
            record = self._clients.setdefault(client, _Record())
            if now - record.last > self.forget:
                record.failures = 0
            record.failures += 1
            record.last = now
            self._recent.append(now)
            over = record.failures - self.free
            if over > 0:
                # the exponent is bounded: 2.0 ** 1024 overflows (after 1,027 failures)
                record.blocked_until = now + min(self.cap, 2.0 ** min(over - 1, 64))
        return self.wait(client)

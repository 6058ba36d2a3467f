"""Who listens to a game or a room: added and removed under the owner's lock, and called
from a copy taken under it (a listener may unsubscribe while it is called)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

L = TypeVar("L")


class Subscribers(Generic[L]):
    """The listeners of one game or room."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self._listeners: list[L] = []

    def add(self, listener: L) -> Callable[[], None]:
        """Listen from now on; returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def now(self) -> list[L]:
        """The listeners as they stand, to call outside the lock."""
        with self._lock:
            return list(self._listeners)

"""Shared builders for the engine tests: the example pack and a session in memory."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from enginegame import MemorySession, start_memory_session

from tabletop.engine import Refusal
from tabletop.model.events import Event
from tabletop.model.pack import Pack
from tabletop.packs import LoadedPack


@pytest.fixture(scope="session")
def pack(example: LoadedPack) -> Pack:
    """The example pack's model."""
    return example.pack


def start(
    loaded: LoadedPack, clock: Callable[[], datetime], session_id: str = "quiet-pass-test-0001"
) -> MemorySession:
    """A started session of the pack, kept in memory, on the given wall clock."""
    return start_memory_session(loaded, clock, session_id)


@pytest.fixture
def game(example: LoadedPack, clock: Callable[[], datetime]) -> MemorySession:
    """A fresh game of the example pack."""
    return start(example, clock)


@pytest.fixture
def begin(example: LoadedPack, ticking_clock) -> Callable[[], MemorySession]:
    """A builder of fresh games of the example pack, each on its own clock."""
    return lambda: start(example, ticking_clock())


def _ok(outcome: list[Event] | Refusal) -> list[Event]:
    assert not isinstance(outcome, Refusal), f"refused: {outcome}"
    return outcome


@pytest.fixture
def ok() -> Callable[[list[Event] | Refusal], list[Event]]:
    """Check that an outcome is not a refusal and give its events."""
    return _ok


@pytest.fixture
def refused() -> Callable[[list[Event] | Refusal], Refusal]:
    """Check that an outcome is a refusal and give it."""

    def check(outcome: list[Event] | Refusal) -> Refusal:
        assert isinstance(outcome, Refusal), f"not refused: {[e.type for e in outcome]}"
        return outcome

    return check

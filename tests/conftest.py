"""Fixtures for every test folder: the example pack, a ticking wall clock, a temporary home."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path

import pytest

from tabletop.packs import LoadedPack, open_pack

EXAMPLE = Path(__file__).resolve().parent / "data" / "example-pack.json"
DEADLINES = Path(__file__).resolve().parent / "data" / "deadline-pack.json"
START = datetime(2031, 3, 1, 9, 0, tzinfo=UTC)


def _ticking_clock(start: datetime = START) -> Callable[[], datetime]:
    ticks = count()
    return lambda: start + timedelta(seconds=next(ticks))


@pytest.fixture(scope="session")
def example() -> LoadedPack:
    """The example pack (tests/data/example-pack.json with its catalogue), loaded once."""
    return open_pack(EXAMPLE)


@pytest.fixture(scope="session")
def deadlines() -> LoadedPack:
    """The deadline pack (tests/data/deadline-pack.json): one deployment that owes the
    Council at once, the members within 24 hours and the host a review with no deadline."""
    return open_pack(DEADLINES)


@pytest.fixture(scope="session")
def ticking_clock() -> Callable[..., Callable[[], datetime]]:
    """`ticking_clock(start=2031-03-01 09:00 UTC)`: a new wall clock that moves one second
    per reading, so a game's times are deterministic and increasing."""
    return _ticking_clock


@pytest.fixture
def clock() -> Callable[[], datetime]:
    """A fresh wall clock that moves one second per reading."""
    return _ticking_clock()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary TABLETOP_HOME: sessions and user packs go there, not to the real one."""
    monkeypatch.setenv("TABLETOP_HOME", str(tmp_path / "home"))
    return tmp_path / "home"

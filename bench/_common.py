"""Helpers the benchmarks share: the example world to scale up, a game in memory, timing.

Run from the repository root (`python bench/<name>.py`): the benchmark's folder is on the
import path, so `from _common import ...` finds this file.
"""

from __future__ import annotations

import copy
import gc
import json
import socket
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from itertools import count
from pathlib import Path
from typing import Any, NamedTuple

from tabletop.app import Game, MemoryLog
from tabletop.engine import Refusal, start_session
from tabletop.model.events import Event
from tabletop.packs import LoadedPack, parse_pack

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "data" / "example-pack.json"
CATALOGUE = ROOT / "tests" / "data" / "catalogues" / "fictional-compact.json"


def example_world() -> tuple[dict[str, Any], dict[str, Any]]:
    """The example pack's JSON, and a copy with its catalogue merged in (actors, facts, action
    types, instruments and sources; no catalogue left to look up), ready to scale up."""
    base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    cat = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    pack = copy.deepcopy(base)
    pack["catalogues"] = []
    for key in ("actors", "facts", "action_types", "instruments"):
        pack[key] = base[key] + cat[key]
    pack["meta"]["sources"] = base["meta"]["sources"] + cat["sources"]
    return base, pack


def daily_phases(days: int) -> list[dict[str, Any]]:
    """One move a day from 1 March 2031 at 08:00, the example pack's first day."""
    return [
        {
            "id": f"move-{d}",
            "title": f"Move {d + 1}",
            "starts_at": f"2031-03-{d + 1:02d}T08:00",
            "summary": "The situation develops.",
        }
        for d in range(days)
    ]


def loaded_pack(data: bytes) -> LoadedPack:
    """A pack from JSON bytes that must load (with no catalogue to find)."""
    loaded = parse_pack(data, "bench.json", lambda _id: None).loaded
    assert loaded is not None, "the synthetic pack does not load"
    return loaded


def ticking(start: datetime, tick: timedelta) -> Callable[[], datetime]:
    """A wall clock that moves on by `tick` each time it is read."""
    ticks = count()
    return lambda: start + tick * next(ticks)


def memory_game(
    data: bytes, session_id: str, *, start: datetime, tick: timedelta, exercise: str
) -> Game:
    """A started game of a pack (JSON bytes that must load), its log kept in memory (the game's
    `log.events`), on a wall clock that moves on by `tick` each time it is read."""
    loaded = loaded_pack(data)
    clock = ticking(start, tick)
    started = start_session(
        loaded.pack,
        pack_hash=loaded.content_hash,
        session_id=session_id,
        facilitator="bench",
        exercise=exercise,
        exercise_date=date(start.year, start.month, start.day),
        now=clock(),
    )
    assert not isinstance(started, Refusal), started
    return Game(loaded, started.state, MemoryLog(started.events), clock=clock)


def events_of(game: Game) -> list[Event]:
    """Every event of a game kept in memory."""
    log = game.log
    assert isinstance(log, MemoryLog)
    return log.events


class Timing(NamedTuple):
    """Median wall and CPU seconds of a function's calls, and what its last call returned."""

    wall: float
    cpu: float
    result: Any


def timed(fns: Sequence[Callable[[], Any]], runs: int) -> list[Timing]:
    """Each function called `runs` times, taking turns (so a busy machine slows each alike),
    each call after a full collection, with no result of an earlier call alive but in the last
    round."""
    walls: list[list[float]] = [[] for _ in fns]
    cpus: list[list[float]] = [[] for _ in fns]
    results: list[Any] = [None] * len(fns)
    for run in range(runs):
        for n, fn in enumerate(fns):
            # Each call starts on the same, small heap: no result of an earlier call is
            # alive (a whole session's objects would slow the collector and the caches),
            # except in the last round, whose results the caller compares.
            if run < runs - 1 or n == 0:
                results = [None] * len(fns)
            results[n] = None
            gc.collect()
            began, began_cpu = time.perf_counter(), time.process_time()
            results[n] = fn()
            walls[n].append(time.perf_counter() - began)
            cpus[n].append(time.process_time() - began_cpu)
    return [
        Timing(statistics.median(w), statistics.median(c), r)
        for w, c, r in zip(walls, cpus, results, strict=True)
    ]


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Debian's chromium, headless on a machine with no network beyond the registries."""


def free_port() -> int:
    """A port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])

"""Pausing Python's cyclic garbage collector while a long log is read into a game or a
report, then settling what was built in the collector's oldest generation.

Why: reading a log builds every event (and then the state) at once and makes no reference
cycles, yet the collections that the allocations trigger scan the growing heap again and
again and free nothing; after a plain pause, the first young collections would still scan
everything built meanwhile. Measured on 100,000 events (bench/replay.py): read, parse and
fold take about 1.1 s with the collector running and about 0.5 s paused and settled.

Why it is harmless in a long-running process (the GUI), as tests/app/test_collector.py
checks: the pause is counted, so overlapping pauses from several threads end with the
collector running again when the last one ends, and it never re-enables a collector that
someone else had disabled; settling (`gc.freeze()` then `gc.unfreeze()`) leaves nothing
frozen, and only moves the objects alive at that instant into the oldest generation, so a
reference cycle that became garbage meanwhile is collected by the next full collection
instead of a young one. Objects freed by reference counting are not affected at all.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_resume = False  # whether the last pause to end turns the collector back on


@contextmanager
def collector_paused() -> Iterator[None]:
    """The block runs with the cyclic collector paused; when the last overlapping pause
    ends, what was built is settled and the collector runs again if it was running."""
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0:
                gc.freeze()
                gc.unfreeze()
                if _resume:
                    gc.enable()

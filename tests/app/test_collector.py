"""The collector pause is harmless in a long-running process: it ends with the collector
running (or as it was), nothing stays frozen, and cyclic garbage is still collected."""

from __future__ import annotations

import gc
import threading
import weakref

from tabletop.app.collector import collector_paused


class Node:
    """A link in a reference cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


def _cycle() -> weakref.ref[Node]:
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_overlapping_pauses_from_threads_end_with_the_collector_running() -> None:
    assert gc.isenabled()
    barrier = threading.Barrier(8)
    paused_inside: list[bool] = []  # asserted here: a failed assert in a thread is lost

    def work() -> None:
        with collector_paused():
            barrier.wait()
            paused_inside.append(not gc.isenabled())
            [_cycle() for _ in range(100)]

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert paused_inside == [True] * 8
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_collector_someone_disabled_stays_disabled() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cycles_made_before_during_and_after_a_pause_are_collected() -> None:
    before = _cycle()
    with collector_paused():
        during = _cycle()
        kept = [Node() for _ in range(1000)]  # what a log read builds and keeps
    after = _cycle()
    gc.collect()
    assert before() is None and during() is None and after() is None
    assert len(kept) == 1000 and gc.get_freeze_count() == 0


def test_the_pause_ends_even_when_the_block_fails() -> None:
    try:
        with collector_paused():
            raise ValueError("a damaged log")
    except ValueError:
        pass
    assert gc.isenabled()

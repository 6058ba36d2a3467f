"""Pausing Python's cyclic garbage collector around work that makes no reference cycles.

Loading a pack, parsing or folding a long log, and building a report allocate many
objects and create no cycles. With the collector running, each young collection rescans
what the work has built so far (quadratic in its size) and frees nothing. The same trick
as Mercurial's `util.nogc`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def quiet_gc(*, settle: bool = True) -> Iterator[None]:
    """Pause the collector (if it was running) for the block; restore it after.

    `settle`: the block makes objects that live on (a parsed pack or log). Even paused,
    the collector would scan them all once when it resumes, only to find them alive and
    move them to its oldest generation; `freeze` then `unfreeze` moves every tracked
    object there at once, unscanned. Nothing is kept alive by it: garbage among them is
    collected at the next full collection rather than a young one (tabletop freezes
    nothing otherwise).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if settle:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def nogc(fn: Callable[P, R]) -> Callable[P, R]:
    """Run `fn` with the collector paused, for work whose objects are mostly short-lived
    (a report built and rendered): nothing is settled afterwards."""

    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with quiet_gc(settle=False):
            return fn(*args, **kwargs)

    return run

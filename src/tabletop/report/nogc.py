"""Pause the cyclic garbage collector while a report is built or rendered.

Building and rendering allocate many short-lived containers and create no reference
cycles; with a large log in memory every full collection rescans it, which doubled the
time of a 10,000-event report. The same trick as Mercurial's `util.nogc`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def nogc(fn: Callable[P, R]) -> Callable[P, R]:
    """Run `fn` with the cyclic collector paused (if it was running); restore it after."""

    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return run

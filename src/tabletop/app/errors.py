"""The errors an interface shows its user: what went wrong and what to do, in one message.

Everything `tabletop.app` raises for bad input or an unusable store is an `AppError`; the
store's, the packs' and the report's own errors are translated at the boundary, so an
interface catches one type and prints (or shows) its message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tabletop.packs import PackError
from tabletop.report import ReportError
from tabletop.store import StoreError


class AppError(Exception):
    """Something the user has to put right (a session not found, a pack that does not load,
    a damaged log, a database that cannot be written); the message says what and how."""


class PackNotFound(AppError):
    """The session's pack is nowhere to be found."""


class PackMismatch(AppError):
    """The pack at hand is not the one the session was played with."""


@contextmanager
def app_errors() -> Iterator[None]:
    """Raise the store's, the packs' and the report's errors as AppError."""
    try:
        yield
    except (StoreError, PackError, ReportError) as exc:
        raise AppError(str(exc)) from exc

"""Where shipped packs, schemas and the user's data live."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    """A shipped data folder: inside the wheel, or at the repository root in a checkout."""
    bundled = _PACKAGE / "_data" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parents[1] / name


def shipped_scenarios_dir() -> Path:
    """Folder of the packs that ship with tabletop."""
    return _data_dir("scenarios")


def shipped_catalogues_dir() -> Path:
    """Folder of the shipped mandate catalogues."""
    return shipped_scenarios_dir() / "catalogues"


def schemas_dir() -> Path:
    """Folder of the JSON Schemas."""
    return _data_dir("schemas")


def user_home() -> Path:
    """The user's tabletop folder: $TABLETOP_HOME, else the platform's user data folder."""
    override = os.environ.get("TABLETOP_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("tabletop", appauthor=False))


def user_packs_dir() -> Path:
    """Folder for the user's own packs."""
    return user_home() / "packs"


def default_session_db() -> Path:
    """The session database used when --session is not given."""
    return user_home() / "sessions.sqlite"

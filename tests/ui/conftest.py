"""Shared builders for the screens' tests: a hub over a workspace in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tabletop.app import Workspace
from tabletop.ui.viewmodels.hub import Hub


@pytest.fixture
def hub(tmp_path: Path, clock) -> Iterator[Hub]:
    """A hub over a workspace with its own home and session database."""
    with Workspace(tmp_path / "home", sessions=tmp_path / "sessions.sqlite", clock=clock) as ws:
        yield Hub(ws)

"""Shared paths and loaders for the pack tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
EXAMPLE = DATA / "example-pack.json"
MINIMAL = DATA / "minimal-pack.json"
BAD = DATA / "bad"


@pytest.fixture
def example_bytes() -> bytes:
    """The example pack's bytes."""
    return EXAMPLE.read_bytes()

"""Shared fixtures for the mandate engine tests: the test pack and fact builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.model import Pack
from tabletop.model.facts import FactValue, initial_facts
from tabletop.packs import open_pack

ROOT = Path(__file__).resolve().parents[2]
CASES_PACK = ROOT / "tests" / "data" / "mandate-cases.json"
CATALOGUE = ROOT / "scenarios" / "catalogues" / "central-asia-security.json"


@pytest.fixture(scope="session")
def pack() -> Pack:
    """The mandate test pack with the central-asia-security catalogue merged in."""
    return open_pack(CASES_PACK).pack


@pytest.fixture
def world(pack: Pack):
    """A builder: the pack's initial facts with some replaced."""

    def build(**changes: FactValue) -> dict[str, FactValue]:
        facts = initial_facts(pack)
        facts.update(changes)
        return facts

    return build

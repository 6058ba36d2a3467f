"""The shipped packs and catalogues, and the fixtures other tests rely on, validate."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.packs import load_pack
from tabletop.packs.catalogues import load_catalogue
from tabletop.paths import shipped_catalogues_dir, shipped_scenarios_dir

DATA = Path(__file__).resolve().parents[1] / "data"
PACKS = [
    *sorted(shipped_scenarios_dir().glob("*.json")),
    DATA / "example-pack.json",
    DATA / "minimal-pack.json",
]
CATALOGUES = [
    *sorted(shipped_catalogues_dir().glob("*.json")),
    *sorted((DATA / "catalogues").glob("*.json")),
]


def test_there_is_something_to_check() -> None:
    assert DATA / "example-pack.json" in PACKS
    assert any(p.parent == shipped_catalogues_dir() for p in CATALOGUES)


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.name)
def test_pack_validates(path: Path) -> None:
    result = load_pack(path)
    assert result.errors == (), "\n".join(d.render() for d in result.errors)
    assert result.ok


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_catalogue_validates(path: Path) -> None:
    result = load_catalogue(path)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert errors == [], "\n".join(d.render() for d in errors)
    assert result.ok


@pytest.mark.parametrize("name", ["example-pack.json", "minimal-pack.json"])
def test_fixture_packs_are_free_of_warnings(name: str) -> None:
    assert load_pack(DATA / name).diagnostics == ()

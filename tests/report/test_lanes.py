"""Lane names of the timeline chart: short, unique, the pack's own where it gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.model.pack import Pack
from tabletop.packs import open_pack
from tabletop.report.lanes import LANE_CHARS, lane_name, lane_names

ROOT = Path(__file__).resolve().parents[2]
PACKS = sorted((ROOT / "scenarios").glob("*.json"))


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.stem)
def test_shipped_packs_name_every_lane_short_and_unique(path: Path) -> None:
    pack = open_pack(path).pack
    names = lane_names(pack)
    assert set(names) == {r.id for r in pack.roles}
    assert all(r.short is not None for r in pack.roles)  # the author's own, not a fallback
    assert len(set(names.values())) == len(names)
    assert all(0 < len(n) <= LANE_CHARS for n in names.values()), names


def _with_roles(pack: Pack, *titles: tuple[str, str]) -> Pack:
    base = pack.roles[0]
    roles = tuple(
        base.model_copy(update={"id": f"r{i}", "title": title, "actor": actor, "short": None})
        for i, (actor, title) in enumerate(titles)
    )
    return pack.model_copy(update={"roles": roles})


def test_without_a_short_name_the_title_its_head_or_the_actor_tells_them_apart(example) -> None:
    pack = _with_roles(
        example.pack,
        ("ARV", "Government of Arvenia"),  # 21 characters, no head
        ("NCP", "NCP Secretariat / Council of the Northern Compact"),
        ("NCP", "Secretariat of the Northern Compact"),
        ("BLK", "Belosk Ministry of Defence"),
        ("BLK", "Border guard"),
    )
    names = lane_names(pack)
    assert names == {
        "r0": "ARV Government",
        "r1": "NCP Secretariat",
        "r2": "NCP Secretariat 2",
        "r3": "BLK Ministry",
        "r4": "Border guard",
    }


def test_lane_names_are_numbered_when_they_repeat_and_cut_when_long(example) -> None:
    long = "X" * 40
    pack = _with_roles(example.pack, ("A", long), ("A", long), ("B", "Same"), ("C", "Same"))
    names = lane_names(pack)
    assert len(set(names.values())) == 4
    assert all(len(n) <= LANE_CHARS for n in names.values()), names
    assert names["r3"] == "Same 2"
    assert lane_name(names, "a_role_the_pack_does_not_know") == "a_role_the_pack_d…"

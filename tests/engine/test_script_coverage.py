"""The pure coverage computation: which items a pack defines, and which a log reaches."""

from __future__ import annotations

from pathlib import Path

import pytest
from enginegame import run_steps, start_memory_session

from tabletop.model.script import Playthrough
from tabletop.scripting.coverage import (
    CATEGORIES,
    coverage,
    coverage_by_script,
    obligation_items,
    pack_items,
    percentage,
)

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "tests" / "data" / "playthroughs"


def played(example, clock, name: str):
    script = Playthrough.model_validate_json((SCRIPTS / f"{name}.json").read_bytes())
    session = start_memory_session(example, clock)
    assert all(r.ok for r in run_steps(script, session))
    return session.events


@pytest.mark.parametrize(
    ("covered", "total", "shown"),
    [(1, 3, 33.3), (2, 3, 66.6), (3, 3, 100.0), (0, 5, 0.0), (1999, 2000, 99.9), (0, 0, None)],
)
def test_percentages_round_down_to_one_decimal(covered, total, shown):
    assert percentage(covered, total) == shown


def test_options_are_counted_per_decider_that_may_choose_them(pack):
    ids = [item.id for item in pack_items(pack)["options"]]
    assert "DP-3/ncp_secretariat/deploy" in ids
    assert "DP-3/blk_defence/deploy" not in ids  # "for_roles": ["ncp_secretariat"]
    assert {"DP-3/ncp_secretariat/consult", "DP-3/blk_defence/consult"} <= set(ids)
    assert len(ids) == len(set(ids)) == 10


def test_obligations_are_those_an_option_of_the_pack_could_create(pack):
    assert [item.id for item in obligation_items(pack)] == [
        "ARV-DEF-LAW-2019/border-defence/brief-parliament",
        "NCP-PK-2005/pk-in-member-state/inform-council",
        "BLK-ARV-2015/bilateral-assistance/consult-compact",
    ]


def test_an_obligation_of_a_power_the_role_does_not_hold_is_not_counted(pack):
    (blk,) = [i for i in pack.instruments if i.id == "BLK-ARV-2015"]
    powers = tuple(
        p.model_copy(update={"holders": ("ARV",)}) if p.id == "bilateral-assistance" else p
        for p in blk.powers
    )
    changed = pack.model_copy(
        update={
            "instruments": tuple(
                i.model_copy(update={"powers": powers}) if i.id == blk.id else i
                for i in pack.instruments
            )
        }
    )
    ids = [item.id for item in obligation_items(changed)]
    assert "BLK-ARV-2015/bilateral-assistance/consult-compact" not in ids
    assert len(ids) == 2


def test_no_log_covers_nothing(pack):
    cov = coverage(pack, [])
    assert cov.covered == 0
    assert cov.total == sum(len(items) for items in pack_items(pack).values())
    assert [c.name for c in cov.categories] == list(CATEGORIES)
    assert cov.category("endings").total == sum(1 for i in pack.injects if i.ending)


def test_scripts_together_cover_the_union_of_what_each_covers(pack, example, ticking_clock):
    logs = {
        name: played(example, ticking_clock(), name)
        for name in ("example-branch-compact", "example-branch-quiet")
    }
    overall, each = coverage_by_script(pack, logs)
    for name in CATEGORIES:
        union = set().union(*(each[s].category(name).covered_ids for s in logs))
        items = {item.id for item in overall.category(name).items}
        assert overall.category(name).covered == len(union & items)
    compact = each["example-branch-compact"]
    # The compact branch deploys (owing the council a report) and then reports.
    key = "NCP-PK-2005/pk-in-member-state/inform-council"
    assert key in compact.category("obligations_created").covered_ids
    assert key in compact.category("obligations_met").covered_ids
    assert "DP-3/ncp_secretariat/deploy" in compact.category("options").covered_ids
    assert overall.covered > max(c.covered for c in each.values())

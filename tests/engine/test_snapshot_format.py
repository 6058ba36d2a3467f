"""A snapshot's shape is pinned to its format number: change the state (and so the snapshot)
without bumping SNAPSHOT_FORMAT and this fails, so a snapshot of the old shape is never
read as the new one."""

from __future__ import annotations

import hashlib
import json

from tabletop.engine.snapshot import SNAPSHOT_FORMAT, snapshot_schema

SHAPES = {
    2: "b3ce11391f7e3b163523ddc7d3c0212dfd3769abfebfd2a75b76536d06e3258c",
    3: "1ad41df46d488168634da5f3d146124d9e69e8c797731d2dfe3091604524dea1",
    4: "f41da3cac44787d82601c0a8ced3da3ae264b4b26f91d3c92be2d54209a7c277",
    5: "d3c7b5a76bfb82d9f9620f23e80771ba3e817fc3a5581a2e73736cfc4a3a6413",
}
"""SNAPSHOT_FORMAT -> SHA-256 of the snapshot's JSON Schema. When the shape changes, bump
SNAPSHOT_FORMAT in engine/snapshot.py and add its hash here."""


def test_the_snapshot_shape_matches_its_format_number() -> None:
    schema = json.dumps(snapshot_schema(), sort_keys=True).encode()
    assert SHAPES.get(SNAPSHOT_FORMAT) == hashlib.sha256(schema).hexdigest(), (
        "the snapshot's shape changed: bump SNAPSHOT_FORMAT and record the new hash"
    )

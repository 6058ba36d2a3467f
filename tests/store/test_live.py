"""A game in the store: commit then fold, reopen by replay, and the pack it was played with."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tabletop.app import PackMismatch
from tabletop.packs import open_pack


def test_reopening_replays_to_the_same_state(played, workspace):
    reopened = workspace.open(played.id)
    assert reopened.state == played.state
    assert (reopened.log.head, reopened.log.count) == (played.log.head, played.log.count)


def test_play_goes_on_after_reopening(played, workspace, store):
    reopened = workspace.open(played.id)
    reopened.decide("DP-3", "blk_defence", "consult", "Talk.")
    reopened.end("Done.")
    info = store.info(played.id)
    assert info.ended_at is not None
    again = workspace.open(played.id)
    assert again.state == reopened.state and again.state.ended


@pytest.fixture
def changed_pack(tmp_path, example):
    folder = tmp_path / "packs"
    shutil.copytree(example_dir(example), folder)
    path = folder / "example-pack.json"
    doc = json.loads(path.read_text("utf-8"))
    doc["meta"]["version"] = "1.2.1"
    path.write_text(json.dumps(doc), "utf-8")
    return open_pack(path)


def example_dir(example):
    return Path(example.path).parent


def test_a_changed_pack_is_refused_unless_allowed(played, workspace, store, changed_pack):
    info = store.info(played.id)
    with pytest.raises(PackMismatch, match=r"the pack has changed.*--allow-changed-pack"):
        workspace.open(played.id, pack=changed_pack.path)
    game = workspace.open(played.id, pack=changed_pack.path, allow_changed=True)
    assert game.state.pack_hash == info.pack_hash != changed_pack.content_hash


def test_another_pack_is_always_refused(played, workspace, tmp_path, changed_pack):
    path = tmp_path / "packs" / "example-pack.json"
    doc = json.loads(path.read_text("utf-8"))
    doc["meta"]["id"] = "another-pack"
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(PackMismatch, match="plays pack 'example-quiet-pass'"):
        workspace.open(played.id, pack=path, allow_changed=True)

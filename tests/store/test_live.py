"""The live session: commit then fold, reopen by replay, and the pack it was played with."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tabletop.engine import end_session, record_decision
from tabletop.packs import open_pack
from tabletop.store import LiveSession, PackMismatch


def test_reopening_replays_to_the_same_state(played, store, example):
    reopened = LiveSession.open(store, store.info(played.id), example)
    assert reopened.state == played.state
    assert (reopened.head, reopened.count) == (played.head, played.count)


def test_play_goes_on_after_reopening(played, store, example, clock):
    reopened = LiveSession.open(store, store.info(played.id), example, clock=clock)
    reopened.do(record_decision, "DP-3", "blk_defence", "consult", "Talk.")
    reopened.do(end_session, "Done.")
    info = store.info(played.id)
    assert info.ended_at is not None
    again = LiveSession.open(store, info, example)
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


def test_a_changed_pack_is_refused_unless_allowed(played, store, changed_pack):
    info = store.info(played.id)
    with pytest.raises(PackMismatch, match=r"the pack has changed.*--allow-changed-pack"):
        LiveSession.open(store, info, changed_pack)
    live = LiveSession.open(store, info, changed_pack, allow_changed_pack=True)
    assert live.state.pack_hash == info.pack_hash != changed_pack.content_hash


def test_another_pack_is_always_refused(played, store, tmp_path, changed_pack):
    path = tmp_path / "packs" / "example-pack.json"
    doc = json.loads(path.read_text("utf-8"))
    doc["meta"]["id"] = "another-pack"
    path.write_text(json.dumps(doc), "utf-8")
    other = open_pack(path)
    with pytest.raises(PackMismatch, match="plays pack 'example-quiet-pass'"):
        LiveSession.open(store, store.info(played.id), other, allow_changed_pack=True)

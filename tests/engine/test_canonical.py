"""Canonical JSON: the fast writer used for events gives the reference text byte for byte."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from enginegame import MemorySession, run_steps
from hypothesis import given, settings
from hypothesis import strategies as st

from tabletop.hashchain.chain import EVENT, canonical, canonical_json
from tabletop.model.events import ObservationNoted
from tabletop.model.script import Playthrough

DATA = Path(__file__).resolve().parent.parent / "data"

# What an event's JSON dump can hold: no floats (no model has one).
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


AT = datetime(2031, 3, 1, 9, tzinfo=UTC)
SCENARIO = datetime(2031, 3, 1, 8)


def _reference(event: object) -> str:
    data = EVENT.dump_python(event, mode="json", by_alias=True, exclude_none=True)
    return canonical_json(data)


def test_every_code_point_is_written_alike() -> None:
    """Every character escaped (or not) as the reference does."""
    for start in range(0, 0x110000, 0x2000):
        chars = "".join(chr(c) for c in range(start, start + 0x2000) if not 0xD800 <= c <= 0xDFFF)
        event = ObservationNoted(at=AT, scenario_time=SCENARIO, kind="strength", text=chars)
        assert canonical(event) == _reference(event)


@pytest.mark.parametrize("name", ["example-branch-compact", "example-branch-quiet"])
def test_the_events_of_a_game_are_written_alike(
    begin: Callable[[], MemorySession], name: str
) -> None:
    """Real events, verdicts, overrides and all: a shipped playthrough of the example pack."""
    game = begin()
    text = (DATA / "playthroughs" / f"{name}.json").read_text(encoding="utf-8")
    assert all(r.ok for r in run_steps(Playthrough.model_validate_json(text), game))
    assert len({e.type for e in game.events}) > 8
    for event in game.events:
        assert canonical(event) == _reference(event)


@settings(max_examples=300, deadline=None)
@given(text=st.text(min_size=1))
def test_any_text_is_written_alike(text: str) -> None:
    """Arbitrary text, lone surrogates too (those go to the reference writer)."""
    event = ObservationNoted(at=AT, scenario_time=SCENARIO, kind="strength", text=text)
    assert canonical(event) == _reference(event)


@settings(max_examples=300, deadline=None)
@given(data=JSON)
def test_fast_writer_matches_reference_on_plain_data(data: object) -> None:
    """Keys sorted the same way, big integers and nesting written the same."""
    try:
        fast = orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:
        return  # the cases canonical() hands to the reference writer
    assert fast == canonical_json(data)

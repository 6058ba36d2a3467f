"""Layered maps behave like dicts that are copied before each change, order included."""

from __future__ import annotations

from math import isqrt
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tabletop.engine.maps import LAYER_FROM, Layered, LayeredDraft, freeze, thaw

KEYS = st.integers(0, 3 * LAYER_FROM)
OPS = st.lists(
    st.tuples(st.sampled_from(["set", "del", "freeze"]), KEYS, st.integers()),
    max_size=400,
)


def _check(frozen: object, model: dict) -> None:
    assert list(frozen) == list(model)  # type: ignore[call-overload]
    assert dict(frozen.items()) == model  # type: ignore[attr-defined]
    assert len(frozen) == len(model)  # type: ignore[arg-type]
    assert frozen == model
    for key in range(3 * LAYER_FROM + 1):
        assert (key in frozen) == (key in model)  # type: ignore[operator]
        assert frozen.get(key, "none") == model.get(key, "none")  # type: ignore[attr-defined]


@settings(max_examples=150, deadline=None)
@given(start=st.integers(0, 2 * LAYER_FROM), ops=OPS)
def test_same_as_copied_dicts(start: int, ops: list[tuple[str, int, int]]) -> None:
    """Random sets, deletes and freezes give what copying a dict each time would."""
    model = {k: -k for k in range(start)}
    frozen = freeze(dict(model))
    history = [(frozen, dict(model))]
    draft = thaw(frozen)
    for op, key, value in ops:
        if op == "set":
            draft[key] = value
            model[key] = value
        elif op == "del":
            if key in model:
                del draft[key]
                del model[key]
            else:
                with pytest.raises(KeyError):
                    del draft[key]
        else:
            frozen = freeze(draft)
            history.append((frozen, dict(model)))
            draft = thaw(frozen)
    history.append((freeze(draft), dict(model)))
    # Every state seen on the way still holds what it held: nothing was shared wrongly.
    for seen, expected in history:
        _check(seen, expected)


def test_branches_do_not_see_each_other() -> None:
    """Two commands on the same state each change only their own copy."""
    base = freeze({k: k for k in range(2 * LAYER_FROM)})
    left, right = thaw(base), thaw(base)
    left[1] = "left"
    del right[1]
    right["new"] = "right"
    a, b = freeze(left), freeze(right)
    assert a[1] == "left" and 1 not in b and "new" not in a and b["new"] == "right"
    assert base[1] == 1 and "new" not in base
    # And the next generation of each still sees its own.
    again = thaw(b)
    again[1] = "back"
    assert list(freeze(again))[-2:] == ["new", 1]  # re-added after a delete: at the end
    assert 1 not in b


def test_big_maps_are_layered_small_ones_copied() -> None:
    """A big map is shared as a base; a small one is a plain dict."""
    big = MappingProxyType({k: k for k in range(LAYER_FROM)})
    small = MappingProxyType({k: k for k in range(LAYER_FROM - 1)})
    assert isinstance(thaw(big), LayeredDraft)
    assert type(thaw(small)) is dict
    assert isinstance(freeze(thaw(big)), Layered)
    assert not isinstance(freeze(thaw(big)), LayeredDraft)


def test_layers_are_merged_when_they_grow() -> None:
    """Many changes end in one merged dict, so lookups never wade through layers."""
    frozen = freeze({k: k for k in range(LAYER_FROM)})
    for n in range(5 * LAYER_FROM):
        draft = thaw(frozen)
        draft[("new", n)] = n
        frozen = freeze(draft)
        if isinstance(frozen, Layered):
            assert len(frozen._tail) + len(frozen._changed) <= LAYER_FROM + isqrt(len(frozen))
    assert len(frozen) == 6 * LAYER_FROM
    assert list(frozen)[: LAYER_FROM + 2] == [*range(LAYER_FROM), ("new", 0), ("new", 1)]


def test_a_frozen_map_cannot_be_changed() -> None:
    """States are read-only: the frozen map has no way to set or delete."""
    frozen = freeze(thaw(freeze({k: k for k in range(LAYER_FROM)})))
    with pytest.raises(TypeError):
        frozen[1] = 2  # type: ignore[index]
    with pytest.raises(TypeError):
        del frozen[1]  # type: ignore[attr-defined]

"""Lookups over a pack, built once per pack object and reused."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tabletop.model import ActionType, Actor, Instrument, Pack, Role
from tabletop.model.pack import Catalogue
from tabletop.model.world import FactSpec

_Item = TypeVar("_Item", Actor, Role, Instrument, ActionType, FactSpec)
_CACHE_SIZE = 16
_cache: dict[int, tuple[weakref.ref[Pack | Catalogue], PackIndex]] = {}


@dataclass(frozen=True)
class PackIndex:
    """The pack's actors, roles, instruments, action types and facts by id."""

    actors: dict[str, Actor] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    action_types: dict[str, ActionType] = field(default_factory=dict)
    facts: dict[str, FactSpec] = field(default_factory=dict)
    plans: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False)
    """What checking an action type for a role needs (`check.Plan`), filled as used."""


def _first_wins(items: tuple[_Item, ...]) -> dict[str, _Item]:
    # The loader appends catalogue items after the pack's own, so the pack's
    # definition of an id wins; lint reports the duplicate.
    out: dict[str, _Item] = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


def build_index(pack: Pack | Catalogue) -> PackIndex:
    """Index a pack (or a bare catalogue) by id."""
    return PackIndex(
        actors=_first_wins(pack.actors),
        roles=_first_wins(getattr(pack, "roles", ())),
        instruments=_first_wins(pack.instruments),
        action_types=_first_wins(pack.action_types),
        facts=_first_wins(pack.facts),
    )


def index_of(pack: Pack | Catalogue) -> PackIndex:
    """The index of a pack, memoised by object identity (packs are frozen)."""
    key = id(pack)
    hit = _cache.get(key)
    if hit is not None and hit[0]() is pack:
        return hit[1]
    index = build_index(pack)
    if len(_cache) >= _CACHE_SIZE:
        _cache.pop(next(iter(_cache)))
    _cache[key] = (weakref.ref(pack), index)
    return index

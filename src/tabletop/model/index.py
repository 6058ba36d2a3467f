"""The lookups every part of tabletop needs into a pack, by id, built once per pack object."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TypeVar

from tabletop.model.pack import Catalogue, DecisionPoint, Inject, Pack, Phase, Role
from tabletop.model.world import ActionType, Actor, FactSpec, Figure, Instrument, Source

_Item = TypeVar("_Item", Actor, Role, Instrument, ActionType, FactSpec, Figure, Source)


@dataclass(frozen=True, eq=False)
class PackIndex:
    """A pack's (or a bare catalogue's) parts by id, and the injects and decision points that
    a condition releases. Compared by identity: one index per pack object."""

    actors: dict[str, Actor] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    action_types: dict[str, ActionType] = field(default_factory=dict)
    facts: dict[str, FactSpec] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    phases: dict[str, Phase] = field(default_factory=dict)
    injects: dict[str, Inject] = field(default_factory=dict)
    decision_points: dict[str, DecisionPoint] = field(default_factory=dict)
    conditional_injects: tuple[Inject, ...] = ()
    conditional_decisions: tuple[DecisionPoint, ...] = ()


def _first_wins(items: tuple[_Item, ...]) -> dict[str, _Item]:
    # The loader appends catalogue items after the pack's own, so the pack's definition of
    # an id wins; lint reports the duplicate.
    out: dict[str, _Item] = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


def build_index(pack: Pack | Catalogue) -> PackIndex:
    """Index a pack (or a bare catalogue) by id."""
    if isinstance(pack, Catalogue):
        return PackIndex(
            actors=_first_wins(pack.actors),
            instruments=_first_wins(pack.instruments),
            action_types=_first_wins(pack.action_types),
            facts=_first_wins(pack.facts),
            figures=_first_wins(pack.figures),
            sources=_first_wins(pack.sources),
        )
    return PackIndex(
        actors=_first_wins(pack.actors),
        roles=_first_wins(pack.roles),
        instruments=_first_wins(pack.instruments),
        action_types=_first_wins(pack.action_types),
        facts=_first_wins(pack.facts),
        figures=_first_wins(pack.figures),
        sources=_first_wins(pack.meta.sources),
        phases={p.id: p for p in pack.phases},
        injects={i.id: i for i in pack.injects},
        decision_points={d.id: d for d in pack.decision_points},
        conditional_injects=tuple(
            i for i in pack.injects if i.release == "when" and i.when is not None
        ),
        conditional_decisions=tuple(d for d in pack.decision_points if d.open_when is not None),
    )


_CACHE_SIZE = 16
_cache: OrderedDict[int, tuple[weakref.ref[Pack | Catalogue], PackIndex]] = OrderedDict()
_lock = threading.Lock()  # interfaces call in from several threads


def index_of(pack: Pack | Catalogue) -> PackIndex:
    """The pack's index. Packs are frozen, so it is built once per pack object and kept for
    the packs used most recently (a bounded cache, keyed by identity and checked by a weak
    reference so a new pack at a freed address is never mistaken for an old one)."""
    key = id(pack)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0]() is pack:
            _cache.move_to_end(key)
            return hit[1]
    index = build_index(pack)
    with _lock:
        _cache[key] = (weakref.ref(pack), index)
        if len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return index

"""Lookups into a pack that every command needs, built once per pack."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from tabletop.model.pack import DecisionPoint, Inject, Pack, Role


@dataclass(frozen=True)
class PackIndex:
    """A pack's injects, decision points and roles by id, and the ones conditions release."""

    injects: dict[str, Inject]
    decision_points: dict[str, DecisionPoint]
    roles: dict[str, Role]
    conditional_injects: tuple[Inject, ...]
    conditional_decisions: tuple[DecisionPoint, ...]


_cache: dict[int, tuple[weakref.ref[Pack], PackIndex]] = {}


def index_of(pack: Pack) -> PackIndex:
    """The pack's index, memoised by identity (packs are frozen)."""
    hit = _cache.get(id(pack))
    if hit is not None and hit[0]() is pack:
        return hit[1]
    index = PackIndex(
        injects={i.id: i for i in pack.injects},
        decision_points={d.id: d for d in pack.decision_points},
        roles={r.id: r for r in pack.roles},
        conditional_injects=tuple(
            i for i in pack.injects if i.release == "when" and i.when is not None
        ),
        conditional_decisions=tuple(d for d in pack.decision_points if d.open_when is not None),
    )
    if len(_cache) >= 32:
        _cache.pop(next(iter(_cache)))
    _cache[id(pack)] = (weakref.ref(pack), index)
    return index

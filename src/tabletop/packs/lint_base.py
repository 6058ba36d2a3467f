"""Building blocks of the lint: findings, the index of a merged pack, condition sites."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Literal

from tabletop.model import Pack
from tabletop.model.conditions import AllOf, AnyOf, Condition, Not
from tabletop.model.effects import Effect
from tabletop.model.world import FactSpec, Figure, Instrument, ParamSpec, RelationFact
from tabletop.packs.lookalikes import asking, candidates, hint

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One lint problem, located by a JSON pointer into the merged pack."""

    code: str
    message: str
    pointer: str
    hint: str = ""
    severity: Severity = "error"
    related: str | None = None  # pointer of the first occurrence, for duplicates


def error(code: str, pointer: str, message: str, hint: str, **kw: Any) -> Finding:
    """An error finding."""
    return Finding(code, message, pointer, hint, "error", **kw)


def warning(code: str, pointer: str, message: str, hint: str) -> Finding:
    """A warning finding."""
    return Finding(code, message, pointer, hint, "warning")


class Index:
    """The merged pack's items by id (first occurrence wins; duplicates are reported)."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.actors = _by_id(pack.actors)
        self.instruments: dict[str, Instrument] = _by_id(pack.instruments)
        self.action_types = _by_id(pack.action_types)
        self.facts: dict[str, FactSpec] = _by_id(pack.facts)
        self.objectives = _by_id(pack.objectives)
        self.roles = _by_id(pack.roles)
        self.phases = _by_id(pack.phases)
        self.injects = _by_id(pack.injects)
        self.decision_points = _by_id(pack.decision_points)
        self.sources = _by_id(pack.meta.sources)
        self.figures: dict[str, Figure] = _by_id(pack.figures)
        # The relation facts a 'consent_of' condition reads (requests, consents).
        self.consent_facts = tuple(
            f.id for f in self.facts.values() if isinstance(f, RelationFact) and f.consent
        )
        self.params: dict[str, dict[str, ParamSpec]] = {
            a.id: {p.name: p for p in a.params} for a in reversed(pack.action_types)
        }
        self.fact_index = {f.id: i for i, f in reversed(list(enumerate(pack.facts)))}
        self._sites: list[Site] | None = None
        self._spelling_budget = _SPELLING_BUDGET

    def hint_for(self, kind: str, unknown: object = None) -> str:
        """The hint for an unknown id of a kind of item: the id it likely means, then the
        ids of that kind, the nearest first."""
        return self.suggest(unknown, getattr(self, kind), _WHERE.get(kind, f'in "{kind}"'))

    def suggest(self, unknown: object, ids: Collection[str], where: str = "") -> str:
        """ "Did you mean 'X'? Use one of: ..." for an unknown id among `ids` (`suggest`)."""
        return hint(unknown, self.nearest(unknown, ids), ids, where)

    def near(self, unknown: object, ids: Collection[str]) -> str:
        """ "Did you mean 'X'? " for an unknown id, or ""."""
        return asking(unknown, self.nearest(unknown, ids))

    def nearest(self, unknown: object, ids: Collection[str]) -> list[str]:
        """The ids an unknown one likely means, likeliest first. A spelling is looked for
        only while a budget of comparisons lasts: each reads every id, and a pack may have
        thousands of unknown references to thousands of ids (look-alikes cost one lookup,
        always)."""
        spelling = self._spelling_budget >= len(ids)
        if spelling and isinstance(unknown, str):
            self._spelling_budget -= len(ids)
        return candidates(unknown, ids, spelling=spelling)

    @property
    def sites(self) -> list[Site]:
        """The pack's condition sites (`condition_sites`), listed once for every pass."""
        if self._sites is None:
            self._sites = list(condition_sites(self.pack))
        return self._sites


_ID = attrgetter("id")
# Where a hint says the ids it leaves out are: the collections catalogues add to, too.
_WHERE = {
    "actors": 'in "actors" of the pack and its catalogues',
    "instruments": 'in "instruments" of the pack and its catalogues',
    "action_types": 'in "action_types" of the pack and its catalogues',
    "facts": 'in "facts" of the pack and its catalogues',
    "figures": 'in "figures" of the pack and its catalogues',
    "sources": 'in "meta.sources" of the pack and its catalogues',
}
# Comparisons of an unknown id with a known one for "did you mean" (about 10 us each).
_SPELLING_BUDGET = 50_000


def _by_id(items: Sequence[Any]) -> dict[str, Any]:
    ids = list(map(_ID, items))
    if len(set(ids)) == len(ids):  # no duplicates (lint reports them): the fast way
        return dict(zip(ids, items, strict=True))
    out: dict[str, Any] = {}
    for key, item in zip(ids, items, strict=True):
        out.setdefault(key, item)
    return out


@dataclass(frozen=True)
class Site:
    """A condition where the pack keeps one, and the action types whose parameters it may
    read (None: it is not about an action, so it may not read parameters)."""

    pointer: str
    condition: Condition
    actions: tuple[str, ...] | None
    where: str


def condition_sites(pack: Pack) -> Iterator[Site]:
    """Every top-level condition of the pack, with where it is."""
    for i, inst in enumerate(pack.instruments):
        for j, power in enumerate(inst.powers):
            base = f"/instruments/{i}/powers/{j}"
            for k, cond in enumerate(power.conditions):
                yield Site(f"{base}/conditions/{k}", cond, power.actions, f"power '{power.id}'")
            for k, obl in enumerate(power.obligations):
                for m, dis in enumerate(obl.discharged_by):
                    if dis.when is not None:
                        ptr = f"{base}/obligations/{k}/discharged_by/{m}/when"
                        yield Site(ptr, dis.when, None, f"obligation '{obl.id}'")
        for j, limit in enumerate(inst.limits):
            base = f"/instruments/{i}/limits/{j}"
            for k, cond in enumerate(limit.applies_when):
                yield Site(f"{base}/applies_when/{k}", cond, limit.actions, f"limit '{limit.id}'")
    for i, inj in enumerate(pack.injects):
        if inj.when is not None:
            yield Site(f"/injects/{i}/when", inj.when, None, f"inject '{inj.id}'")
        yield from _effect_sites(inj.effects, f"/injects/{i}", f"inject '{inj.id}'")
    for i, dp in enumerate(pack.decision_points):
        if dp.open_when is not None:
            yield Site(f"/decision_points/{i}/open_when", dp.open_when, None, f"'{dp.id}'")
        for j, opt in enumerate(dp.options):
            where = f"option '{opt.id}' of '{dp.id}'"
            yield from _effect_sites(opt.effects, f"/decision_points/{i}/options/{j}", where)


def effects_of(pack: Pack) -> Iterator[tuple[str, Effect]]:
    """Every effect of the pack's injects and options, with its JSON pointer."""
    for i, inj in enumerate(pack.injects):
        for k, eff in enumerate(inj.effects):
            yield f"/injects/{i}/effects/{k}", eff
    for i, dp in enumerate(pack.decision_points):
        for j, opt in enumerate(dp.options):
            for k, eff in enumerate(opt.effects):
                yield f"/decision_points/{i}/options/{j}/effects/{k}", eff


def _effect_sites(effects: Sequence[Effect], base: str, where: str) -> Iterator[Site]:
    # An effect's 'only_if' reads facts only, as an inject's 'when' does.
    for k, eff in enumerate(effects):
        if eff.only_if is not None:
            yield Site(f"{base}/effects/{k}/only_if", eff.only_if, None, f"an effect of {where}")


def walk(cond: Condition, ptr: str) -> Iterator[tuple[Condition, str]]:
    """A condition and every condition inside it, with pointers."""
    yield cond, ptr
    if isinstance(cond, AllOf):
        for i, inner in enumerate(cond.all):
            yield from walk(inner, f"{ptr}/all/{i}")
    elif isinstance(cond, AnyOf):
        for i, inner in enumerate(cond.any):
            yield from walk(inner, f"{ptr}/any/{i}")
    elif isinstance(cond, Not):
        yield from walk(cond.not_, f"{ptr}/not")


def _duplicates(items: Sequence[Any], base: str, what: str, attr: str = "id") -> list[Finding]:
    keys = list(map(attrgetter(attr), items))
    if len(set(keys)) == len(keys):
        return []  # the common case, decided at C speed
    seen: dict[str, int] = {}
    out = []
    for i, key in enumerate(keys):
        if key in seen:
            out.append(
                error(
                    "duplicate-id",
                    f"{base}/{i}/{attr}",
                    f"{what} '{key}' is defined twice",
                    f"Give each {what} its own {attr}, or remove one "
                    "(a catalogue's items count too).",
                    related=f"{base}/{seen[key]}/{attr}",
                )
            )
        else:
            seen[key] = i
    return out


def check_duplicates(
    pack: Pack, before: Mapping[int, tuple[int, int]] | None = None
) -> list[Finding]:
    """Ids used twice: per collection, options per decision point, rules per instrument.

    `before`: for instruments a pack's extensions added to (by merged index), how many
    powers and limits they had before; a clash between a rule the catalogue wrote and one
    the pack added is reported at the pack's.
    """
    before = before or {}
    out: list[Finding] = []
    for key, what in (
        ("actors", "actor"),
        ("instruments", "instrument"),
        ("action_types", "action type"),
        ("facts", "fact"),
        ("objectives", "objective"),
        ("roles", "role"),
        ("phases", "phase"),
        ("injects", "inject"),
        ("decision_points", "decision point"),
        ("figures", "figure"),
    ):
        out += _duplicates(getattr(pack, key), f"/{key}", what)
    out += _duplicates(pack.meta.sources, "/meta/sources", "source")
    for i, dp in enumerate(pack.decision_points):
        out += _duplicates(dp.options, f"/decision_points/{i}/options", "option")
    for i, inst in enumerate(pack.instruments):
        out += _duplicates(inst.powers, f"/instruments/{i}/powers", "power")
        out += _duplicates(inst.limits, f"/instruments/{i}/limits", "limit")
        power_at: dict[str, int] = {}
        for j, power in enumerate(inst.powers):
            power_at.setdefault(power.id, j)
        own_powers, own_limits = before.get(i, (len(inst.powers), len(inst.limits)))
        for j, limit in enumerate(inst.limits):
            k = power_at.get(limit.id)
            if k is None:
                continue
            if k >= own_powers and j < own_limits:  # a power added beside the catalogue's limit
                ptr, other, what = f"/instruments/{i}/powers/{k}", "limit", "power"
                related = f"/instruments/{i}/limits/{j}/id"
            else:
                ptr, other, what = f"/instruments/{i}/limits/{j}", "power", "limit"
                related = f"/instruments/{i}/powers/{k}/id"
            out.append(
                error(
                    "duplicate-id",
                    f"{ptr}/id",
                    f"{what} '{limit.id}' has the id of a {other} of the same instrument",
                    "Powers and limits of an instrument share one set of ids.",
                    related=related,
                )
            )
        for j, power in enumerate(inst.powers):
            out += _duplicates(
                power.obligations, f"/instruments/{i}/powers/{j}/obligations", "obligation"
            )
    for i, action in enumerate(pack.action_types):
        out += _duplicates(action.params, f"/action_types/{i}/params", "parameter", "name")
    return out

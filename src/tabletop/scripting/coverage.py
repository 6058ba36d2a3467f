"""Script coverage: which parts of a pack the logs of played scripts reached, and which
they never did.

Six categories, each a list of items a pack defines (see docs/playthrough.md, "Coverage"):

- `injects`: every inject; covered when delivered.
- `decision_points`: every decision point; covered when opened.
- `options`: every (decision point, decider role, option) the pack allows (an option's
  `for_roles`, or every decider); covered when that role's decision recorded that option.
- `obligations_created` and `obligations_met`: every obligation (by its key
  `instrument/power/obligation`) of a power that permits the action of some option of the
  pack, in an instrument a role that may choose the option draws on, held by that role's
  actor (or by every party); covered when a recorded decision's verdict created it, and
  when it was met.
- `endings`: every inject with `"ending": true`; covered when delivered.

The overall percentage is the covered items over all items of the six categories.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tabletop.model import events as ev
from tabletop.model.index import index_of
from tabletop.model.pack import Pack

CATEGORIES: tuple[str, ...] = (
    "injects",
    "decision_points",
    "options",
    "obligations_created",
    "obligations_met",
    "endings",
)
"""The categories, in the order they are reported."""

CATEGORY_NAMES: dict[str, str] = {
    "injects": "injects delivered",
    "decision_points": "decision points opened",
    "options": "options chosen",
    "obligations_created": "obligations created",
    "obligations_met": "obligations met",
    "endings": "endings reached",
}
"""Each category's name in words."""

MISSED_NAMES: dict[str, str] = {
    "injects": "injects never delivered",
    "decision_points": "decision points never opened",
    "options": "options never chosen (decision point/role/option)",
    "obligations_created": "obligations never created",
    "obligations_met": "obligations never met",
    "endings": "endings never reached",
}
"""What each category's missed items are, in words."""


@dataclass(frozen=True)
class Item:
    """One thing a pack defines that a script can reach."""

    id: str
    title: str


@dataclass(frozen=True)
class Category:
    """One category's items, and the ids of those covered."""

    name: str
    items: tuple[Item, ...]
    covered_ids: frozenset[str]

    @property
    def total(self) -> int:
        """How many items there are."""
        return len(self.items)

    @property
    def covered(self) -> int:
        """How many of them were reached."""
        return sum(1 for item in self.items if item.id in self.covered_ids)

    @property
    def missed(self) -> tuple[Item, ...]:
        """The items never reached, in the pack's order."""
        return tuple(item for item in self.items if item.id not in self.covered_ids)

    @property
    def percent(self) -> float | None:
        """Covered over total, in percent to one decimal; None when there are no items."""
        return percentage(self.covered, self.total)


@dataclass(frozen=True)
class Coverage:
    """The coverage of one or more played scripts, by category."""

    categories: tuple[Category, ...]

    @property
    def total(self) -> int:
        """The items of every category."""
        return sum(c.total for c in self.categories)

    @property
    def covered(self) -> int:
        """The items reached, over every category."""
        return sum(c.covered for c in self.categories)

    @property
    def percent(self) -> float | None:
        """The overall percentage: covered items over all items."""
        return percentage(self.covered, self.total)

    def category(self, name: str) -> Category:
        """The category of this name."""
        return next(c for c in self.categories if c.name == name)


def percentage(covered: int, total: int) -> float | None:
    """covered/total in percent, to one decimal (rounded down, so 99.96% is not 100%)."""
    if total == 0:
        return None
    return int(covered * 1000 / total) / 10


def pack_items(pack: Pack) -> dict[str, tuple[Item, ...]]:
    """Every item of each category the pack defines, in the pack's order."""
    return {
        "injects": tuple(Item(i.id, i.title) for i in pack.injects),
        "decision_points": tuple(Item(d.id, d.title) for d in pack.decision_points),
        "options": _options(pack),
        "obligations_created": obligation_items(pack),
        "obligations_met": obligation_items(pack),
        "endings": tuple(Item(i.id, i.title) for i in pack.injects if i.ending),
    }


def _options(pack: Pack) -> tuple[Item, ...]:
    items: list[Item] = []
    for dp in pack.decision_points:
        for role in dp.deciders:
            for option in dp.options:
                if not option.for_roles or role in option.for_roles:
                    items.append(Item(f"{dp.id}/{role}/{option.id}", option.label))
    return tuple(items)


def obligation_items(pack: Pack) -> tuple[Item, ...]:
    """The obligations some option of the pack could create, once each by key."""
    index = index_of(pack)
    found: dict[str, Item] = {}
    for dp in pack.decision_points:
        for option in dp.options:
            for role_id in option.for_roles or dp.deciders:
                role = index.roles.get(role_id)
                if role is None or role_id not in dp.deciders:
                    continue
                for inst_id in role.instruments:
                    inst = index.instruments.get(inst_id)
                    if inst is None:
                        continue
                    for power in inst.powers:
                        if option.action.type not in power.actions:
                            continue
                        if power.holders and role.actor not in power.holders:
                            continue
                        for ob in power.obligations:
                            key = f"{inst.id}/{power.id}/{ob.id}"
                            found.setdefault(key, Item(key, ob.text))
    return tuple(found.values())


def reached(log: Iterable[ev.Event]) -> dict[str, set[str]]:
    """The ids of each category a session log reached (whatever the pack defines)."""
    out: dict[str, set[str]] = {name: set() for name in CATEGORIES}
    for event in log:
        match event:
            case ev.InjectDelivered(inject=inject):
                out["injects"].add(inject)
                out["endings"].add(inject)
            case ev.DecisionOpened(decision_point=dp):
                out["decision_points"].add(dp)
            case ev.DecisionRecorded(decision_point=dp, role=role, option=option, verdict=v):
                out["options"].add(f"{dp}/{role}/{option}")
                out["obligations_created"].update(due.key for due in v.obligations)
            case ev.ObligationMet(obligation=obligation):
                # The id is decision point/role/key, and the key has slashes of its own.
                out["obligations_met"].add(obligation.split("/", 2)[-1])
            case _:
                pass
    return out


def coverage(pack: Pack, logs: Iterable[Sequence[ev.Event]]) -> Coverage:
    """The coverage of the pack by these session logs together."""
    hits: dict[str, set[str]] = {name: set() for name in CATEGORIES}
    for log in logs:
        for name, ids in reached(log).items():
            hits[name] |= ids
    items = pack_items(pack)
    return Coverage(
        tuple(Category(name, items[name], frozenset(hits[name])) for name in CATEGORIES)
    )


def coverage_by_script(
    pack: Pack, logs: Mapping[str, Sequence[ev.Event]]
) -> tuple[Coverage, dict[str, Coverage]]:
    """The coverage of all the logs together, and of each (by its name)."""
    return coverage(pack, logs.values()), {
        name: coverage(pack, [log]) for name, log in logs.items()
    }

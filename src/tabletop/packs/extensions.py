"""A pack's extensions of catalogue instruments: applied to the merged instruments, with a
record of where each added item was written, so that lint speaks of the pack's own lines
and never of the read-only catalogue's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from tabletop.model import Pack
from tabletop.model.pack import ExtraConditions
from tabletop.model.world import Instrument, Limit, Power

Outcome = Literal["applied", "unknown", "own"]
"""'applied': merged into a catalogue instrument; 'unknown': no catalogue has the
instrument; 'own': the pack defines the instrument itself (edit it there)."""

RuleAt = tuple[Literal["powers", "limits"], int]
"""Where a rule is in its instrument: which list, and the index in it."""


@dataclass(frozen=True)
class Applied:
    """What the merge did with one entry of the pack's `extends`."""

    entry: int
    outcome: Outcome
    target: int | None = None
    """Index of the extended instrument in the merged pack (applied entries only)."""
    first: int | None = None
    """For an instrument extended more than once: the entry that extended it first."""
    rules: tuple[RuleAt | None, ...] = ()
    """For each of the entry's `conditions`: the rule it adds to, None if there is none."""


@dataclass(frozen=True)
class Extensions:
    """How a pack's `extends` were applied, and where the added items are written."""

    applied: tuple[Applied, ...] = ()
    catalogue_instruments: tuple[str, ...] = ()
    """Ids of the instruments the catalogues give (the ones a pack may extend)."""
    before: Mapping[int, tuple[int, int]] = field(default_factory=dict)
    """Per extended instrument (merged index): its powers and limits before any extension."""
    pointers: Mapping[str, str] = field(default_factory=dict)
    """Pointer of an added power, limit or condition in the merged pack -> its pointer in
    the pack file (under /extends)."""

    def in_pack(self, merged: str) -> str | None:
        """The pointer in the pack file of a pointer into an added item, or None."""
        if not self.pointers or not merged.startswith("/instruments/"):
            return None
        parts = merged.split("/")
        # /instruments/N/powers/M (an added rule) or .../conditions/K (an added condition)
        for n in (7, 5):
            hit = self.pointers.get("/".join(parts[:n]))
            if hit is not None:
                return hit + "".join("/" + p for p in parts[n:])
        return None


def _rule_at(inst: Instrument, rule: str) -> RuleAt | None:
    for j, power in enumerate(inst.powers):
        if power.id == rule:
            return "powers", j
    for j, limit in enumerate(inst.limits):
        if limit.id == rule:
            return "limits", j
    return None


def extend(
    pack: Pack, instruments: tuple[Instrument, ...]
) -> tuple[tuple[Instrument, ...], Extensions]:
    """The merged instruments (the pack's own first, then the catalogues') with the pack's
    extensions applied: added powers and limits appended to the instrument's, added
    conditions appended to the named power's `conditions` or limit's `applies_when`.

    Only instruments a catalogue gives are extended, the first of an id (a duplicate is
    reported by lint); an entry naming any other is left out and reported by lint. Added
    conditions go only to rules the catalogue wrote, not to ones an extension adds.
    """
    own_ids = {inst.id for inst in pack.instruments}
    own = len(pack.instruments)
    by_id: dict[str, int] = {}
    for m in range(own, len(instruments)):
        by_id.setdefault(instruments[m].id, m)
    out = list(instruments)
    applied: list[Applied] = []
    before: dict[int, tuple[int, int]] = {}
    pointers: dict[str, str] = {}
    first_entry: dict[str, int] = {}
    for e, ext in enumerate(pack.extends):
        first = first_entry.setdefault(ext.instrument, e)
        earlier = None if first == e else first
        if ext.instrument in own_ids:
            applied.append(Applied(e, "own", first=earlier))
            continue
        n = by_id.get(ext.instrument)
        if n is None:
            applied.append(Applied(e, "unknown", first=earlier))
            continue
        original = instruments[n]
        before.setdefault(n, (len(original.powers), len(original.limits)))
        powers, limits = list(out[n].powers), list(out[n].limits)
        rules = tuple(_rule_at(original, extra.rule) for extra in ext.conditions)
        for c, (extra, at) in enumerate(zip(ext.conditions, rules, strict=True)):
            if at is not None:
                _add_conditions(powers, limits, at, extra, f"/instruments/{n}", e, c, pointers)
        for k, power in enumerate(ext.powers):
            pointers[f"/instruments/{n}/powers/{len(powers)}"] = f"/extends/{e}/powers/{k}"
            powers.append(power)
        for k, limit in enumerate(ext.limits):
            pointers[f"/instruments/{n}/limits/{len(limits)}"] = f"/extends/{e}/limits/{k}"
            limits.append(limit)
        out[n] = out[n].model_copy(update={"powers": tuple(powers), "limits": tuple(limits)})
        applied.append(Applied(e, "applied", target=n, first=earlier, rules=rules))
    catalogue_ids = tuple(dict.fromkeys(inst.id for inst in instruments[own:]))
    return tuple(out), Extensions(tuple(applied), catalogue_ids, before, pointers)


def _add_conditions(
    powers: list[Power],
    limits: list[Limit],
    at: RuleAt,
    extra: ExtraConditions,
    base: str,
    entry: int,
    index: int,
    pointers: dict[str, str],
) -> None:
    key, j = at
    if key == "powers":
        power = powers[j]
        start, tail = len(power.conditions), "conditions"
        powers[j] = power.model_copy(update={"conditions": power.conditions + extra.conditions})
    else:
        limit = limits[j]
        start, tail = len(limit.applies_when), "applies_when"
        limits[j] = limit.model_copy(update={"applies_when": limit.applies_when + extra.conditions})
    for m in range(len(extra.conditions)):
        pointers[f"{base}/{key}/{j}/{tail}/{start + m}"] = (
            f"/extends/{entry}/conditions/{index}/conditions/{m}"
        )

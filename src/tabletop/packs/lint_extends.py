"""Lint: a pack's extensions name a catalogue instrument, once, and rules that it has.

The powers, limits and conditions an extension adds are merged into the instrument, so
every other check reads them like the catalogue's own; the loader locates what it finds
in them at the pack's `extends`. Here are the checks only an extension needs.
"""

from __future__ import annotations

from collections.abc import Collection

from tabletop.jsonloc.diagnostics import shown
from tabletop.jsonloc.suggestions import name_list
from tabletop.model import Pack
from tabletop.packs.extensions import Extensions
from tabletop.packs.lint_base import Finding, Index, error
from tabletop.packs.lookalikes import asking


def check_extensions(pack: Pack, index: Index, extensions: Extensions) -> list[Finding]:
    """Unknown or own instruments, instruments extended twice, conditions for no rule."""
    out: list[Finding] = []
    catalogue = extensions.catalogue_instruments
    for entry in extensions.applied:
        ext = pack.extends[entry.entry]
        ptr = f"/extends/{entry.entry}"
        name = ext.instrument
        if entry.outcome == "unknown":
            hint = _extendable(index, name, catalogue)
            message = f"extension names unknown instrument '{shown(name)}'"
            out.append(error("unknown-instrument", f"{ptr}/instrument", message, hint))
            continue
        if entry.outcome == "own":
            out.append(
                error(
                    "extends-own-instrument",
                    f"{ptr}/instrument",
                    f"instrument '{name}' is the pack's own; only instruments taken from a "
                    "catalogue are extended",
                    f"Add these powers, limits and conditions to '{name}' in \"instruments\".",
                )
            )
            continue
        if entry.first is not None:
            out.append(
                error(
                    "duplicate-id",
                    f"{ptr}/instrument",
                    f"instrument '{name}' is extended twice",
                    "Extend each instrument once: move these powers, limits and conditions "
                    "into the first entry.",
                    related=f"/extends/{entry.first}/instrument",
                )
            )
        if entry.target is None:  # only applied entries have one
            continue
        inst = pack.instruments[entry.target]
        own_powers, own_limits = extensions.before[entry.target]
        written = [r.id for r in inst.powers[:own_powers]] + [
            r.id for r in inst.limits[:own_limits]
        ]
        added = {r.id for r in (*ext.powers, *ext.limits)}
        for c, (extra, at) in enumerate(zip(ext.conditions, entry.rules, strict=True)):
            if at is not None:
                continue
            if extra.rule in added:
                hint = (
                    f"'{extra.rule}' is added by this extension: write the conditions in it "
                    '(a power\'s "conditions", a limit\'s "applies_when").'
                )
            else:
                near = index.nearest(extra.rule, written)
                hint = asking(extra.rule, near) + (
                    f"Rules of '{name}': {name_list(written, near)}."
                )
            out.append(
                error(
                    "unknown-rule",
                    f"{ptr}/conditions/{c}/rule",
                    f"instrument '{name}' has no power or limit '{shown(extra.rule)}'",
                    hint,
                )
            )
    return out


def _extendable(index: Index, name: str, catalogue: Collection[str]) -> str:
    if not catalogue:
        return 'The pack names no catalogue: add it to "catalogues" first.'
    near = index.nearest(name, catalogue)
    listed = name_list(catalogue, near, 'in "instruments" of the catalogues')
    return asking(name, near) + f"Extend one of the catalogues' instruments: {listed}."

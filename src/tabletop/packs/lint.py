"""Lint a merged pack: duplicate ids, extensions, references, types of values, reachability,
timing.

Lint runs on the pack with its catalogues merged in and speaks in JSON pointers into that
merged pack; the loader maps each pointer back to the file (pack or catalogue) it came from.
"""

from __future__ import annotations

from tabletop.model import Pack
from tabletop.packs.extensions import Extensions
from tabletop.packs.lint_base import Finding, Index, check_duplicates
from tabletop.packs.lint_consensus import check_consensus
from tabletop.packs.lint_effects import check_effects
from tabletop.packs.lint_extends import check_extensions
from tabletop.packs.lint_flow import check_flow
from tabletop.packs.lint_monotone import check_monotone
from tabletop.packs.lint_refs import check_references
from tabletop.packs.lint_timing import check_timing
from tabletop.packs.lint_values import check_values

__all__ = ["Finding", "lint"]


def lint(
    pack: Pack, own_facts: int | None = None, extensions: Extensions | None = None
) -> list[Finding]:
    """Every lint finding of a merged pack, errors and warnings.

    `own_facts`: how many of the merged facts the pack itself defines (they come first);
    only those get the never-read / never-set warnings, as a shared catalogue's facts need
    not all be used by every pack. None means all of them.
    `extensions`: how the merge applied the pack's `extends` (None: none were applied,
    and the entries are not checked).
    """
    index = Index(pack)
    extensions = extensions or Extensions()
    return [
        *check_duplicates(pack, extensions.before),
        *check_extensions(pack, index, extensions),
        *check_references(pack, index),
        *check_consensus(pack, index),
        *check_values(pack, index),
        *check_effects(pack, index),
        *check_monotone(pack, index),
        *check_flow(pack, index, own_facts),
        *check_timing(pack),
    ]

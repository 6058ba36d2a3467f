"""The names a mistyped one most likely means, and lists of names for hints.

A hint for an unknown name leads with the nearest names, likeliest first, then gives the
rest in alphabetical order; a long list is cut, but never before the nearest ones, and says
how many names it leaves out and where they are.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

NEAREST = 5
"""How many near names a hint leads with, at most."""
LIMIT = 12
"""How many names a hint lists before it says how many more there are."""
_CUTOFF = 0.6  # difflib's own default: below it, names share too little to suggest


def nearest(name: str, known: Iterable[str], n: int = NEAREST) -> list[str]:
    """The known names most like `name`, likeliest first (ties in alphabetical order).
    Case is ignored when comparing, so 'csto' finds 'CSTO'; a name that is a whole part of
    a known one counts as near, so 'csto' finds 'csto_secretariat' (a spelling ratio alone
    would put them too far apart). One comparison per name."""
    wanted = name.casefold()
    matcher = SequenceMatcher()
    matcher.set_seq2(wanted)  # the side difflib caches
    scored: list[tuple[float, str]] = []
    for candidate in known:
        folded = candidate.casefold()
        matcher.set_seq1(folded)
        if (
            matcher.real_quick_ratio() >= _CUTOFF
            and matcher.quick_ratio() >= _CUTOFF
            and (ratio := matcher.ratio()) >= _CUTOFF
        ):
            scored.append((-ratio, candidate))
        elif _is_part(wanted, folded):
            scored.append((-_CUTOFF, candidate))
    return [candidate for _, candidate in heapq.nsmallest(n, scored)]


def _is_part(name: str, known: str) -> bool:
    """True if `name` (of 3 letters or more) is one or more whole words of `known`, words
    being separated by '_', '-', '.' or ' '."""
    if len(name) < 3 or name not in known:
        return False
    words = re.split(r"[_\-. ]", known)
    parts = re.split(r"[_\-. ]", name)
    return any(words[i : i + len(parts)] == parts for i in range(len(words)))


def name_list(
    names: Iterable[str],
    first: Sequence[str] = (),
    where: str = "",
    limit: int = LIMIT,
    *,
    ordered: bool = False,
) -> str:
    """Names for a hint: `first` (the nearest, in their order), then the rest in alphabetical
    order (`ordered`: in the order given, as for enum values). Past `limit` names the list
    is cut, never before all of `first`, and ends with how many more there are (and `where`
    they are, e.g. 'in "facts"')."""
    leading = list(dict.fromkeys(first))
    rest = dict.fromkeys(names)
    for name in leading:
        rest.pop(name, None)
    items = leading + (list(rest) if ordered else sorted(rest))
    if not items:
        return "(none defined)"
    keep = max(limit, len(leading))
    if len(items) <= keep:
        return ", ".join(items)
    place = f" {where}" if where else ""
    return ", ".join(items[:keep]) + f", and {len(items) - keep} more{place}"

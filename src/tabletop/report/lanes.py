"""Short names for the lanes of the timeline chart: one per role, unique, and short enough
to be read whole beside the lane at projector size."""

from __future__ import annotations

import re
from collections import Counter

from tabletop.model.index import index_of
from tabletop.model.pack import Pack
from tabletop.report.safetext import visible

LANE_CHARS = 18
"""The longest lane name, in characters (the pack's `short` has the same limit)."""

_HEAD = re.compile(r" \(| / |, | - | – | — ")
_MINOR = {"of", "the", "and", "for", "a", "an", "to", "in", "on"}


def lane_names(pack: Pack) -> dict[str, str]:
    """Each role's lane name: the pack's `short`, else the title if short enough, else the
    title's head (before ' (', ' / ' or ','), else the actor id with the title's first word
    that does not repeat the actor's name; numbered where two would still read the same."""
    index = index_of(pack)
    per_actor = Counter(r.actor for r in pack.roles)
    names: dict[str, str] = {}
    for role in pack.roles:
        if role.short is not None:
            names[role.id] = _cut(_flat(role.short))
            continue
        title = _flat(role.title)
        head = _HEAD.split(title, maxsplit=1)[0].strip()
        if len(title) <= LANE_CHARS:
            names[role.id] = title
        elif head and len(head) <= LANE_CHARS:
            names[role.id] = head
        else:
            actor = index.actors.get(role.actor)
            known = {w.lower() for w in _flat(actor.name if actor else "").split()}
            known |= {role.actor.lower(), *_MINOR}
            word = next((w for w in title.split() if w.lower() not in known), "")
            alone = per_actor[role.actor] == 1 and not word
            names[role.id] = _cut(role.actor if alone else f"{role.actor} {word}".strip())
    return _unique(names)


def lane_name(names: dict[str, str], role: str) -> str:
    """The lane of a role, also one the pack does not know (its id, cut)."""
    return names.get(role) or _cut(_flat(role))


def _unique(names: dict[str, str]) -> dict[str, str]:
    """The same names, those that repeat numbered (the first keeps its name)."""
    seen = Counter(names.values())
    taken = set(names.values())
    count: Counter[str] = Counter()
    out = {}
    for role, name in names.items():
        count[name] += 1
        if seen[name] > 1 and count[name] > 1:
            n = count[name]
            while (numbered := f"{_cut(name, LANE_CHARS - len(str(n)) - 1)} {n}") in taken:
                n += 1
            taken.add(numbered)
            name = numbered
        out[role] = name
    return out


def _flat(text: str) -> str:
    return " ".join(visible(text).split())


def _cut(text: str, limit: int = LANE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

"""Rows of an MSEL sheet merged into a pack's JSON text, changing only what they change.

Injects are matched by id: a row updates the inject with its id, a row with a new id adds
an inject after the others, and an inject without a row is kept as it is. The pack's text
is kept byte for byte outside the injects that changed; a changed or new inject is written
with an indent of 2 at the place of the old one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from tabletop.jsonloc.positions import Positions
from tabletop.packs.msel import DEFAULTS

# The order of an inject's keys in the model (and in a new inject).
ORDER = (
    "id",
    "phase",
    "time",
    "release",
    "when",
    "from",
    "to",
    "channel",
    "title",
    "body",
    "expected_actions",
    "objectives",
    "facilitator_notes",
    "discussion_questions",
    "effects",
    "opens",
    "sources",
    "ending",
)

Inject = dict[str, Any]


def _same(a: Any, b: Any) -> bool:
    # Not ==: in Python True == 1, and a sheet that turns true into 1 changes the pack.
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _ordered(inject: Inject, first: Sequence[str]) -> Inject:
    """The inject's keys in the order `first`, then each other key where the model has it."""
    keys = [k for k in first if k in inject]
    for key in ORDER:
        if key in inject and key not in keys:
            before = ORDER[: ORDER.index(key)]
            keys.insert(max((keys.index(k) + 1 for k in before if k in keys), default=0), key)
    keys += [k for k in inject if k not in keys]
    return {k: inject[k] for k in keys}


def updated_inject(original: Mapping[str, Any] | None, fields: Mapping[str, Any]) -> Inject:
    """The inject a row makes: the original with the row's fields (a field at its default
    is not added where the original leaves it out), or a new one without defaults."""
    out: Inject = dict(original or {})
    for key, value in fields.items():
        if key not in out and key in DEFAULTS and _same(value, DEFAULTS[key]):
            continue
        out[key] = value
    return _ordered(out, list(original or ()))


def merge_injects(
    injects: Sequence[Mapping[str, Any]], rows: Sequence[tuple[int, Mapping[str, Any]]]
) -> tuple[list[Inject], dict[int, int]]:
    """The pack's injects updated and extended by the rows, and the row each came from
    (by index in the new list)."""
    by_id = {str(inj["id"]): i for i, inj in enumerate(injects)}
    out: list[Inject] = [dict(inj) for inj in injects]
    row_of: dict[int, int] = {}
    for number, fields in rows:
        index = by_id.get(str(fields.get("id")))
        if index is None:
            index = len(out)
            out.append(updated_inject(None, fields))
        else:
            out[index] = updated_inject(injects[index], fields)
        row_of[index] = number
    return out, row_of


def _indented(inject: Inject, indent: str) -> str:
    return json.dumps(inject, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)


def replace_injects(text: str, injects: Sequence[Inject]) -> str:
    """The pack text (valid JSON) with its injects array replaced: each inject that did not
    change keeps its text, the others are written in the indent of the array."""
    data = json.loads(text)
    old = data.get("injects")
    if not isinstance(old, list) or not old:
        data["injects"] = list(injects)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    positions, decoder = Positions(text), json.JSONDecoder()
    start = positions.offset("/injects")
    end = decoder.raw_decode(text, start)[1]
    spans = []
    for index in range(len(old)):
        at = positions.offset(f"/injects/{index}")
        spans.append((at, decoder.raw_decode(text, at)[1]))
    lead = text[start + 1 : spans[0][0]]
    trail = text[spans[-1][1] : end - 1]
    sep = text[spans[0][1] : spans[1][0]] if len(spans) > 1 else "," + lead
    indent = lead.rsplit("\n", 1)[-1] if "\n" in lead else ""
    by_id = {str(inj.get("id")): i for i, inj in enumerate(old) if isinstance(inj, dict)}
    parts = []
    for inject in injects:
        found = by_id.get(str(inject.get("id")))
        if found is not None and _same(old[found], inject):
            parts.append(text[spans[found][0] : spans[found][1]])
        else:
            parts.append(_indented(inject, indent))
    return text[:start] + "[" + lead + sep.join(parts) + trail + "]" + text[end:]

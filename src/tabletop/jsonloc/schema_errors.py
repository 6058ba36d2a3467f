"""JSON Schema validation that reports every error, located and in plain words.

Only runs once pydantic has rejected a document (see `documents`). For anyOf/oneOf
failures it descends into the branch that came closest, so an author reads "unknown key
'opp' (did you mean 'op'?)" rather than "is not valid under any of the given schemas".
"""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

from jsonschema.exceptions import ValidationError

from tabletop.jsonloc.characters import odd_character
from tabletop.jsonloc.diagnostics import Diagnostic, shown
from tabletop.jsonloc.positions import Positions, escape, pointer
from tabletop.jsonloc.reading import error_at
from tabletop.jsonloc.schema_validator import validator_for
from tabletop.model.base import ID_PATTERN, SCENARIO_TIME_PATTERN
from tabletop.model.pack import SEMVER

_PATTERN_HINTS = {
    ID_PATTERN: "An id starts with a letter, then letters, digits, '_', '.' or '-' "
    "(at most 64 characters, no spaces).",
    SEMVER: "Use a semantic version: MAJOR.MINOR.PATCH, e.g. 1.0.0 or 0.2.0-draft.",
    SCENARIO_TIME_PATTERN: "Write scenario times as YYYY-MM-DDTHH:MM (local, no time zone), "
    "e.g. 2022-01-05T09:30.",
}


MEANT = {"=": "==", "<>": "!=", "=<": "<=", "=>": ">=", "!": "!="}
"""Operators written as other languages write them, and the one meant."""


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _depth(err: ValidationError) -> int:
    return len(err.absolute_path)


def _structural(err: ValidationError) -> int:
    """How many keys are missing or unknown in one required/additionalProperties error."""
    inst = err.instance
    if not isinstance(inst, dict):
        return 1
    if err.validator == "required":
        return sum(key not in inst for key in err.validator_value)
    known = err.schema.get("properties", {})
    return sum(key not in known for key in inst) or 1


def _branch_key(errs: list[ValidationError], root: int) -> tuple[int, int, int, int]:
    """How far a branch of anyOf/oneOf is from matching: lower is closer."""
    wrong_kind = any(e.validator in ("type", "const") and _depth(e) == root for e in errs)
    discriminator = sum(e.validator == "const" and _depth(e) == root + 1 for e in errs)
    structural = sum(
        _structural(e)
        for e in errs
        if e.validator in ("required", "additionalProperties") and _depth(e) == root
    )
    return (int(wrong_kind), discriminator, structural, len(errs))


def _leaves(err: ValidationError) -> list[ValidationError]:
    """The errors worth showing: descend anyOf/oneOf into the closest branch."""
    if err.validator not in ("anyOf", "oneOf") or not err.context:
        return [err]
    branches: dict[int, list[ValidationError]] = {}
    for sub in err.context:
        branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    root = _depth(err)
    keys = {i: _branch_key(errs, root) for i, errs in branches.items()}
    if all(k[0] for k in keys.values()) or _same_discriminator(branches, root):
        return [err]  # the value is none of the alternatives: say so once
    best = min(keys, key=lambda i: (keys[i], i))
    return [leaf for sub in branches[best] for leaf in _leaves(sub)]


def _same_discriminator(branches: dict[int, list[ValidationError]], root: int) -> bool:
    """True when every branch fails on a const at the same key (a tagged union, wrong tag)."""
    paths = set()
    for errs in branches.values():
        consts = [tuple(e.absolute_path) for e in errs if e.validator == "const"]
        if not consts or len(consts[0]) != root + 1:
            return False
        paths.add(consts[0])
    return len(paths) == 1


def _discriminator(err: ValidationError) -> tuple[str, list[Any]] | None:
    """The tag key and its accepted values, when an anyOf/oneOf is a tagged union."""
    root = _depth(err)
    branches: dict[int, list[ValidationError]] = {}
    for sub in err.context or ():
        branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    if not branches or not _same_discriminator(branches, root):
        return None
    consts = [e for e in err.context if e.validator == "const"]
    return str(consts[0].absolute_path[-1]), list(dict.fromkeys(e.validator_value for e in consts))


def _alternatives(err: ValidationError) -> list[str]:
    """Short descriptions of what an anyOf/oneOf accepts."""
    out: list[str] = []
    for branch in err.validator_value:
        if "const" in branch:
            out.append(json.dumps(branch["const"]))
        elif "$ref" in branch:
            out.append(branch["$ref"].rsplit("/", 1)[-1])
        elif "type" in branch:
            kind = branch["type"]
            out.append(("an " if kind[0] in "aeiou" else "a ") + kind)
    return list(dict.fromkeys(out))


def _diag(
    code: str, message: str, name: str, ptr: str, positions: Positions, hint: str, key: bool = False
) -> Diagnostic:
    hint = hint or "Check this value against the format in schemas/ (editors show it on hover)."
    return error_at(code, message, name, ptr, hint, positions.locate(ptr, key=key))


def describe(err: ValidationError, name: str, positions: Positions) -> list[Diagnostic]:
    """Diagnostics for one leaf schema error."""
    ptr = pointer(list(err.absolute_path))
    kind, value, inst = err.validator, err.validator_value, err.instance
    if kind == "required":
        props = err.schema.get("properties", {})
        return [
            _diag(
                "missing-key",
                f"missing required key '{key}'",
                name,
                ptr,
                positions,
                f"Add '{key}': {props.get(key, {}).get('description', '')}".rstrip(": "),
            )
            for key in value
            if isinstance(inst, dict) and key not in inst
        ]
    if kind == "additionalProperties" and isinstance(inst, dict):
        allowed = list(err.schema.get("properties", {}))
        out = []
        for key in inst:
            if key in allowed or any(
                re.search(p, key) for p in err.schema.get("patternProperties", {})
            ):
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            if allowed:
                hint += "Allowed keys here: " + ", ".join(allowed) + "."
            elif err.schema.get("patternProperties"):
                hint += "Keys here are ids: " + _PATTERN_HINTS[ID_PATTERN]
            else:
                hint += "No keys are allowed here."
            out.append(
                _diag(
                    "unknown-key",
                    f"unknown key '{shown(key)}'",
                    name,
                    f"{ptr}/{escape(key)}",
                    positions,
                    hint,
                    key=True,
                )
            )
        return out
    if kind == "type":
        want = value if isinstance(value, str) else " or ".join(value)
        return [
            _diag(
                "wrong-type",
                f"expected {want}, found {_json_type(inst)}",
                name,
                ptr,
                positions,
                _field_hint(err),
            )
        ]
    if kind in ("const", "enum"):
        allowed = [value] if kind == "const" else list(value)
        listed = ", ".join(json.dumps(v) for v in allowed)
        close = difflib.get_close_matches(str(inst), [str(v) for v in allowed], n=1)
        # '=' is '==', not the nearer-spelled '>='.
        if isinstance(inst, str) and inst in MEANT and MEANT[inst] in allowed:
            close = [MEANT[inst]]
        hint = (
            f"Did you mean {json.dumps(close[0])}? " if close else ""
        ) + f"Use one of: {listed}."
        return [
            _diag(
                "bad-value", f"{json.dumps(inst)} is not allowed here", name, ptr, positions, hint
            )
        ]
    if kind == "oneOf" and not err.context:  # valid under more than one alternative
        keys = [k for branch in value for k in branch.get("required", ())]
        msg = f"give exactly one of {', '.join(repr(k) for k in keys)}" if keys else err.message
        return [_diag("schema", msg, name, ptr, positions, _field_hint(err))]
    if kind in ("anyOf", "oneOf"):
        tagged = _discriminator(err)
        if tagged is not None and isinstance(inst, dict):
            key, values = tagged
            listed = ", ".join(json.dumps(v) for v in values)
            return [
                _diag(
                    "bad-value",
                    f"{_short(inst.get(key), ascii=True)} is not a known '{key}'",
                    name,
                    f"{ptr}/{escape(key)}",
                    positions,
                    f"Use one of: {listed}.",
                )
            ]
        alts = _alternatives(err)
        msg = f"{_short(inst)} is not any of the accepted forms"
        return [
            _diag(
                "wrong-type",
                msg,
                name,
                ptr,
                positions,
                "Expected " + " or ".join(alts) + ". " + _field_hint(err),
            )
        ]
    if kind == "pattern":
        # The patterns are ASCII: a look-alike or invisible character must show as \uXXXX.
        shown_value = _short(inst, ascii=True)
        message = (
            err.message if "real date" in err.message else f"{shown_value} is not a valid value"
        )
        hint = _PATTERN_HINTS.get(value, f"It must match {value}.")
        return [_diag("bad-format", message, name, ptr, positions, odd_character(inst) + hint)]
    if kind in ("minLength", "maxLength", "minItems", "maxItems"):
        more = kind.startswith("min")
        unit = "characters" if kind.endswith("Length") else "items"
        bound = "at least" if more else "at most"
        if value == 1:
            unit = unit[:-1]
        msg = f"{'too short' if more else 'too long'}: {bound} {value} {unit}"
        return [_diag("bad-length", msg, name, ptr, positions, _field_hint(err))]
    if kind in ("minProperties", "maxProperties"):
        named = ", ".join(f"'{k}'" for k in err.schema.get("properties", {}))
        msg = f"give exactly one of {named}" if named else err.message
        return [_diag("bad-length", msg, name, ptr, positions, _field_hint(err))]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return [
            _diag(
                "out-of-range",
                f"{inst} is out of range ({kind} {value})",
                name,
                ptr,
                positions,
                _field_hint(err),
            )
        ]
    return [_diag("schema", err.message, name, ptr, positions, _field_hint(err))]


def _short(value: Any, *, ascii: bool = False) -> str:
    text = json.dumps(value, ensure_ascii=ascii)
    return text if len(text) <= 60 else text[:57] + "..."


def _field_hint(err: ValidationError) -> str:
    desc = err.schema.get("description", "") if isinstance(err.schema, dict) else ""
    examples = err.schema.get("examples") if isinstance(err.schema, dict) else None
    if examples:
        desc = (desc + " " if desc else "") + "Example: " + _short(examples[0]) + "."
    return desc


def schema_diagnostics(
    instance: Any, schema: dict[str, Any], name: str, positions: Positions
) -> list[Diagnostic]:
    """Every schema error of a parsed document, located."""
    out: list[Diagnostic] = []
    seen: set[tuple[str, str, str]] = set()
    for err in validator_for(schema).iter_errors(instance):
        for leaf in _leaves(err):
            for diag in describe(leaf, name, positions):
                key = (diag.code, diag.pointer, diag.message)
                if key not in seen:
                    seen.add(key)
                    out.append(diag)
    # Top to bottom, as an author reads the file.
    return sorted(out, key=lambda d: (d.line or 0, d.column or 0))

"""A Draft 2020-12 validator that keeps the models' rules where JSON Schema is looser.

JSON Schema counts 1.0 as an integer, lets '$' match before a final newline and takes
'2022-02-30T08:00' as a well-formed time; the pydantic models do none of these, and the
models decide. The schemas in schemas/ stay standard; only this validator is stricter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from tabletop.model.base import SCENARIO_TIME_PATTERN


def _is_array(_checker: Any, value: Any) -> bool:
    # The parser gives tuples for arrays (what the strict models take).
    return isinstance(value, list | tuple)


def _is_integer(_checker: Any, value: Any) -> bool:
    # JSON Schema counts 1.0 as an integer; the models (strict) do not, and they decide.
    return isinstance(value, int) and not isinstance(value, bool)


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if not isinstance(instance, str):
        return
    # Python's '$' also matches before a final newline; the models' regex engine does not.
    anchored = pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern
    if not re.search(anchored, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")
    elif pattern == SCENARIO_TIME_PATTERN:
        try:
            datetime.fromisoformat(instance)
        except ValueError as exc:
            yield ValidationError(f"{instance!r} is not a real date and time ({exc})")


_Validator = validators.extend(
    Draft202012Validator,
    validators={"pattern": _pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"integer": _is_integer, "array": _is_array}
    ),
)

_CACHE_SIZE = 8
_cache: dict[int, tuple[dict[str, Any], Any]] = {}
"""Validators of the schemas used last, by the schema's identity (the schema is kept with
its validator, so its id cannot be reused while it is in here)."""


def validator_for(schema: dict[str, Any]) -> Any:
    """A (cached) Draft 2020-12 validator for a schema, with the models' rules on integers,
    patterns and dates."""
    hit = _cache.get(id(schema))
    if hit is None or hit[0] is not schema:
        hit = (schema, _Validator(schema))
        if len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[id(schema)] = hit
    return hit[1]

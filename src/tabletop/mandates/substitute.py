"""Binding action parameters into conditions that must be evaluated after the action."""

from __future__ import annotations

import json
from collections.abc import Mapping

from pydantic import TypeAdapter, ValidationError

from tabletop.model.conditions import Condition, Scalar
from tabletop.model.world import Discharge


def _bind(node: object, params: Mapping[str, Scalar]) -> object:
    if isinstance(node, dict):
        # A parameter reference is an object with the single key 'param'; a parameter
        # test ({'param', 'op', 'value'}) is left as it is.
        if set(node) == {"param"} and node["param"] in params:
            return params[node["param"]]
        return {key: _bind(value, params) for key, value in node.items()}
    if isinstance(node, list):
        return [_bind(item, params) for item in node]
    return node


def bind_params(discharge: Discharge, params: Mapping[str, Scalar]) -> Discharge:
    """The discharge with {'param': name} references replaced by the action's values."""
    if discharge.when is None or not params:
        return discharge
    data = _bind(discharge.model_dump(mode="json", by_alias=True, exclude_none=True), params)
    try:
        return Discharge.model_validate_json(json.dumps(data))
    except ValidationError:
        # A value that cannot stand where the reference stood (lint reports it); keep the
        # reference, which then never holds, rather than fail the check.
        return discharge


_CONDITION: TypeAdapter[Condition] = TypeAdapter(Condition)


def bind_condition(condition: Condition, params: Mapping[str, Scalar]) -> Condition:
    """The condition with {'param': name} references replaced by the action's values (to say
    what a rule needs of this action: 'Kazakhstan has asked the CSTO for assistance')."""
    if not params:
        return condition
    data = _bind(
        _CONDITION.dump_python(condition, mode="json", by_alias=True, exclude_none=True), params
    )
    try:
        return _CONDITION.validate_json(json.dumps(data))
    except ValidationError:
        return condition

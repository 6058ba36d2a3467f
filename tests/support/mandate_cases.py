"""What the mandate case tables share: a case's facts for check_action, and the same case
as `tabletop check` arguments on the mandate test pack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tabletop.model.facts import FactValue


def case_facts(
    world: Callable[..., dict[str, FactValue]], case: dict[str, Any]
) -> dict[str, FactValue]:
    """The world of a case: its facts (sets of values or pairs) over the initial ones."""
    return world(**{k: frozenset(v) for k, v in case["facts"].items()})


def _item(x: object) -> str:
    return f"{x[0]}>{x[1]}" if isinstance(x, tuple) else str(x)


def check_argv(case: dict[str, Any]) -> list[str]:
    """The case as arguments of `tabletop check` on tests/data/mandate-cases.json."""
    argv = ["check", "tests/data/mandate-cases.json", "--role", case["role"]]
    argv += ["--action", case["action"]]
    for key, value in case["params"].items():
        argv += ["--param", f"{key}={value}"]
    for key, value in case["facts"].items():
        argv += ["--fact", f"{key}={','.join(sorted(_item(x) for x in value))}"]
    return argv

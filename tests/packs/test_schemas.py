"""The committed JSON Schemas are generated from the models, and document every field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tabletop.paths import schemas_dir
from tabletop.schemas import SCHEMAS, render


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_not_stale(name: str) -> None:
    committed = (schemas_dir() / name).read_text(encoding="utf-8")
    assert committed == render(name), f"run `python -m tabletop.schemas` to refresh {name}"


def _properties(schema: Any, where: str = "") -> Iterator[tuple[str, dict]]:
    """Every (location, property schema) in a schema, through $defs and nesting."""
    if isinstance(schema, dict):
        for key, value in schema.get("properties", {}).items():
            yield f"{where}/properties/{key}", value
        for key, value in schema.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from _properties(value, f"{where}/{i}")


def _is_branch_fragment(where: str) -> bool:
    # The oneOf branches of Discharge restate a type; they are not fields of their own.
    return "/oneOf/" in where


# The schemas authors write files against; editors show these fields on hover.
AUTHORED = ("scenario-pack.schema.json", "mandate-catalogue.schema.json")


@pytest.mark.parametrize("name", AUTHORED)
def test_every_property_has_title_description_and_examples(name: str) -> None:
    schema = json.loads(render(name))
    defs = schema.get("$defs", {})
    missing = []
    for where, prop in _properties(schema):
        if _is_branch_fragment(where):
            continue
        # pydantic leaves out a title or description equal to the referenced definition's;
        # editors show the definition's, so it counts.
        target = defs.get(prop.get("$ref", "").rsplit("/", 1)[-1], {})
        gaps = [k for k in ("title", "description", "examples") if k not in prop | target]
        if gaps:
            missing.append(f"{where}: {', '.join(gaps)}")
    assert not missing, "\n".join(missing)

"""The JSON Schemas of the documents tabletop reads (packs, catalogues, session logs,
playthrough scripts), generated from their models: one source of truth.

`tabletop.schemas` writes them (and the report's) into schemas/; the loaders use them to
explain what a model refused.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from tabletop.model.pack import Catalogue, Pack
from tabletop.model.script import Playthrough
from tabletop.model.sessionlog import SessionLogLine

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def from_model(
    model: type[BaseModel], title: str, description: str
) -> Callable[[], dict[str, Any]]:
    """A builder of the model's JSON Schema with a title and a description."""

    def build() -> dict[str, Any]:
        schema = model.model_json_schema(by_alias=True, mode="validation")
        return {
            "$schema": DRAFT,
            "title": title,
            "description": description,
            **{k: v for k, v in schema.items() if k not in {"title", "description"}},
        }

    return build


DOCUMENT_SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "scenario-pack.schema.json": from_model(
        Pack,
        "tabletop scenario pack",
        "A scenario pack for tabletop: metadata, actors, mandates, roles, facts, phases, "
        "injects (HSEEP MSEL) and decision points.",
    ),
    "mandate-catalogue.schema.json": from_model(
        Catalogue,
        "tabletop mandate catalogue",
        "Instruments (charters, treaties, laws) with their powers, limits and obligations, "
        "shared by several scenario packs.",
    ),
    "session-log.schema.json": from_model(
        SessionLogLine,
        "tabletop session log line",
        "One line of an exported session log (JSON Lines): the first line is the header, "
        "each further line one event with its seq, prev hash and hash.",
    ),
    "playthrough.schema.json": from_model(
        Playthrough,
        "tabletop playthrough script",
        "A headless game for `tabletop play`: the steps to play and what must hold after "
        "each, so that a pack's branches can be tested like code.",
    ),
}
"""File name in schemas/ -> builder of the schema."""


@lru_cache(maxsize=len(DOCUMENT_SCHEMAS))
def schema_for(file_name: str) -> dict[str, Any]:
    """A document's JSON Schema by its file name in schemas/ (built once per process)."""
    return DOCUMENT_SCHEMAS[file_name]()

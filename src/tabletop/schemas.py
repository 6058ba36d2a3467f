"""The JSON Schemas in schemas/, generated from the pydantic models (one source of truth).

Regenerate with `python -m tabletop.schemas`; a test fails when a committed file is stale.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from tabletop.model import Catalogue, Pack
from tabletop.model.script import Playthrough
from tabletop.model.sessionlog import SessionLogLine
from tabletop.report.model import AfterActionReport

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://tabletop.invalid/schemas/"


def _from_model(
    model: type[BaseModel], title: str, description: str
) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        schema = model.model_json_schema(by_alias=True, mode="validation")
        return {
            "$schema": DRAFT,
            "title": title,
            "description": description,
            **{k: v for k, v in schema.items() if k not in {"title", "description"}},
        }

    return build


# file name -> builder; later modules (sessions, playthroughs, reports) add theirs here.
SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "scenario-pack.schema.json": _from_model(
        Pack,
        "tabletop scenario pack",
        "A scenario pack for tabletop: metadata, actors, mandates, roles, facts, phases, "
        "injects (HSEEP MSEL) and decision points.",
    ),
    "mandate-catalogue.schema.json": _from_model(
        Catalogue,
        "tabletop mandate catalogue",
        "Instruments (charters, treaties, laws) with their powers, limits and obligations, "
        "shared by several scenario packs.",
    ),
    "session-log.schema.json": _from_model(
        SessionLogLine,
        "tabletop session log line",
        "One line of an exported session log (JSON Lines): the first line is the header, "
        "each further line one event with its seq, prev hash and hash.",
    ),
    "playthrough.schema.json": _from_model(
        Playthrough,
        "tabletop playthrough script",
        "A headless game for `tabletop play`: the steps to play and what must hold after "
        "each, so that a pack's branches can be tested like code.",
    ),
    "after-action-report.schema.json": _from_model(
        AfterActionReport,
        "tabletop after-action report",
        "The after-action report of a session (HSEEP AAR/IP) as `tabletop report --format "
        "json` writes it: overview, timeline, decision analysis, mandate compliance, "
        "objectives, improvement plan and log integrity.",
    ),
}


def render(name: str) -> str:
    """The schema file's text, exactly as committed."""
    schema = SCHEMAS[name]()
    schema = {"$schema": schema.pop("$schema"), "$id": BASE_ID + name, **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    """Write every schema into schemas/."""
    from tabletop.paths import schemas_dir

    out = schemas_dir()
    out.mkdir(exist_ok=True)
    for name in SCHEMAS:
        (out / name).write_text(render(name), encoding="utf-8")
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

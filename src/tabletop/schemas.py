"""The JSON Schemas in schemas/, generated from the pydantic models (one source of truth).

Regenerate with `python -m tabletop.schemas`; a test fails when a committed file is stale.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from tabletop.model.json_schemas import DOCUMENT_SCHEMAS, from_model
from tabletop.report.model import AfterActionReport

BASE_ID = "https://tabletop.invalid/schemas/"

SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    **DOCUMENT_SCHEMAS,
    "after-action-report.schema.json": from_model(
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

"""render_json: the report as JSON, valid against schemas/after-action-report.schema.json."""

from __future__ import annotations

import json

from pydantic_core import PydanticSerializationError

from tabletop.report.model import AfterActionReport
from tabletop.report.safetext import encodable


def render_json(report: AfterActionReport) -> str:
    """The report as indented JSON text (stable key order: the model's field order)."""
    try:
        return report.model_dump_json(indent=2) + "\n"
    except PydanticSerializationError:
        # A lone surrogate (a log file name's byte that is not UTF-8, kept by
        # surrogateescape) has no UTF-8 form: it becomes U+FFFD, the rest is kept as it is
        # (JSON is the data, so control characters stay, escaped by JSON).
        data = report.model_dump(mode="json")
        return encodable(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"

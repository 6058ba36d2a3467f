"""render_json: the report as JSON, valid against schemas/after-action-report.schema.json."""

from __future__ import annotations

from tabletop.report.model import AfterActionReport


def render_json(report: AfterActionReport) -> str:
    """The report as indented JSON text (stable key order: the model's field order)."""
    return report.model_dump_json(indent=2) + "\n"

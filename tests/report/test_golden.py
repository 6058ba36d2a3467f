"""Golden files: the Markdown and JSON reports of the scripted example game, byte for byte.

Regenerate on purpose with `TABLETOP_UPDATE_GOLDEN=1 pytest tests/report/test_golden.py`,
then review the diff: it is the change a reader of the report will see.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from tabletop.report import AfterActionReport, render_json, render_markdown

UPDATE = os.environ.get("TABLETOP_UPDATE_GOLDEN") == "1"


def _check(path: Path, text: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{path.name} differs from the report; if the change is intended, regenerate with "
        "TABLETOP_UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize(
    ("name", "render"),
    [("example-game.md", render_markdown), ("example-game.json", render_json)],
)
def test_report_matches_golden_file(
    report: AfterActionReport, golden_dir: Path, name: str, render
) -> None:
    _check(golden_dir / name, render(report))


def test_json_report_is_valid_against_its_schema(report: AfterActionReport, root: Path) -> None:
    schema = json.loads((root / "schemas" / "after-action-report.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors(json.loads(render_json(report))))
    assert errors == []


def test_json_report_reads_back_as_the_same_report(report: AfterActionReport) -> None:
    assert AfterActionReport.model_validate_json(render_json(report)) == report


def test_rendering_twice_gives_the_same_text(report: AfterActionReport) -> None:
    assert render_markdown(report) == render_markdown(report)
    assert render_json(report) == render_json(report)

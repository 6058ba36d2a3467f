"""docs/report.md and the README stay true to the report and its command."""

from __future__ import annotations

import re
from pathlib import Path

from tabletop.cli import build_parser
from tabletop.cli.report import EXTENSIONS, FORMATS
from tabletop.report.sections import SECTIONS

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _options() -> list[list[str]]:
    """The option strings of each option of `tabletop report` (but --help)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    report = sub.choices["report"]
    return [a.option_strings for a in report._actions if a.option_strings and a.dest != "help"]


def test_every_section_is_described_in_order() -> None:
    numbered = re.findall(r"^(\d)\. \*\*(.+?)\.\*\*", DOC, flags=re.MULTILINE)
    titles = [f"{n}. {t}" for n, t in numbered]
    assert titles == list(SECTIONS.values())


def test_every_option_format_and_extension_is_documented() -> None:
    for names in _options():
        assert all(name in DOC for name in names), names
        assert any(name in README for name in names), names
    for fmt in FORMATS:
        assert f"`{fmt}`" in DOC
    for ext in EXTENSIONS:
        assert f"`{ext}`" in DOC


def test_readme_has_the_command_and_points_to_the_doc() -> None:
    assert "### `tabletop report SESSION|FILE.jsonl" in README
    assert "docs/report.md" in README


def test_golden_regeneration_recipe_is_the_one_the_tests_read() -> None:
    golden = (ROOT / "tests" / "report" / "test_golden.py").read_text(encoding="utf-8")
    assert "TABLETOP_UPDATE_GOLDEN" in golden and "TABLETOP_UPDATE_GOLDEN=1" in DOC

"""docs/mandates.md stays true: the catalogue tables are generated, the vocabulary complete."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tabletop.cli import main
from tabletop.mandates.describe import catalogue_markdown
from tabletop.model import Catalogue

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "mandates.md"
CATALOGUE = ROOT / "scenarios" / "catalogues" / "central-asia-security.json"
BEGIN, END = "<!-- catalogue:begin -->\n", "<!-- catalogue:end -->"


def test_catalogue_tables_are_current() -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN)
    _, tail = rest.split(END)
    current = catalogue_markdown(Catalogue.model_validate_json(CATALOGUE.read_bytes()))
    if os.environ.get("TABLETOP_REGENERATE"):
        DOC.write_text(head + BEGIN + current + END + tail, encoding="utf-8")
        rest = current + END
    assert rest.split(END)[0] == current, "run with TABLETOP_REGENERATE=1 and review the diff"


def test_every_condition_kind_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for key in (
        "all",
        "any",
        "not",
        "fact",
        "param",
        "member_of",
        "within",
        "relation",
        "party_to",
        "consent_of",
        "agreement_between",
    ):
        assert re.search(rf'`\{{"{key}":', text), key


def test_readme_documents_the_check_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "### `tabletop check PACK --role ROLE --action TYPE" in readme
    assert "docs/mandates.md" in readme


def test_readme_example_output_is_what_check_prints(capsys) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pack = "scenarios/kazakh-unrest-2022.json"
    block = readme.split(f"tabletop check {pack}", 1)[1].split("```")[0]
    command, *output = block.split("\n#")
    argv = command.replace("\\\n", " ").replace("'", "").split()
    assert main(["check", str(ROOT / pack), *argv]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    shown = " ".join(" ".join(output).split())
    assert shown and shown in printed

"""The command line imports only what the command given needs, and says the same either way."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from tabletop.cli import COMMANDS, SUMMARIES, build_parser

ROOT = Path(__file__).resolve().parents[2]


def _subcommands(parser) -> dict[str, str]:
    sub = next(a for a in parser._actions if a.dest == "command")
    return {a.dest: a.help for a in sub._choices_actions}


def test_summaries_are_what_the_modules_register() -> None:
    """The names and help lines listed without importing are the modules' own."""
    assert set(SUMMARIES) == set(COMMANDS)
    full = _subcommands(build_parser())
    assert full == dict(SUMMARIES.values())
    for module in COMMANDS:
        assert hasattr(import_module(f"tabletop.cli.{module}"), "run")


@pytest.mark.parametrize("name", [name for name, _ in SUMMARIES.values()])
def test_each_command_parses_alike_when_loaded_alone(name: str) -> None:
    """A command registered on its own has the same options as in the full parser."""

    def options(parser) -> list[tuple[str, ...]]:
        sub = next(a for a in parser._actions if a.dest == "command")
        return [tuple(a.option_strings) or (a.dest,) for a in sub.choices[name]._actions]

    assert options(build_parser(only=name)) == options(build_parser())
    assert _subcommands(build_parser(only=name)) == _subcommands(build_parser())


def _imports(*argv: str) -> set[str]:
    code = (
        "import sys\n"
        "from tabletop.cli import main\n"
        "try:\n"
        f"    main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(done.stderr.split())


def test_help_imports_no_models() -> None:
    """`tabletop --help` lists every command without building a single model."""
    loaded = _imports("--help")
    assert "pydantic" not in loaded
    assert not any(m.startswith(("tabletop.model", "tabletop.packs")) for m in loaded)


def test_validate_imports_no_sessions_reports_or_jsonschema() -> None:
    """Checking a good pack needs the pack models, not the engine, the report or jsonschema."""
    loaded = _imports("validate", "tests/data/example-pack.json")
    assert "tabletop.packs.loader" in loaded
    for absent in ("tabletop.engine", "tabletop.report", "tabletop.store", "jsonschema"):
        assert absent not in loaded, absent

"""Every diagnostic code the loader can emit is documented in docs/diagnostics.md, and
every documented code exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = [ROOT / "src" / "tabletop" / name for name in ("packs", "jsonloc")]
# The checks of a playthrough script against its pack (`tabletop validate SCRIPT`) too,
# and the strict rule that needs the mandate engine (`validate --strict`).
SCRIPT_CHECKS = [
    ROOT / "src" / "tabletop" / "scripting" / "checking.py",
    ROOT / "src" / "tabletop" / "app" / "script_check.py",
    ROOT / "src" / "tabletop" / "app" / "pack_strictness.py",
]
DOC = ROOT / "docs" / "diagnostics.md"
# Calls whose first string argument is a diagnostic code.
EMITTERS = {"_diag", "_error", "error", "warning", "add", "at_pack", "Finding"}
NOT_CODES = {"utf-8", "utf-8-sig"}


def codes_in_source() -> set[str]:
    """Diagnostic codes written in the packs and jsonloc packages."""
    found: set[str] = set()
    for path in [*(p for package in PACKAGES for p in package.glob("*.py")), *SCRIPT_CHECKS]:
        if path.name == "skeleton.py":  # pack content, not codes
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)+", node.value):
                    found.add(node.value)
            elif isinstance(node, ast.keyword) and node.arg == "code":
                if isinstance(node.value, ast.Constant):
                    found.add(node.value.value)
            elif isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                first = node.args[0]
                if name in EMITTERS and isinstance(first, ast.Constant):
                    found.add(first.value)
    return found - NOT_CODES


def codes_in_docs() -> set[str]:
    """Codes in the first column of the tables in docs/diagnostics.md."""
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", DOC.read_text(encoding="utf-8"), re.M))


def test_every_code_in_the_source_is_documented() -> None:
    source = codes_in_source()
    assert {"unreadable", "schema", "json-syntax", "follow-on-loop", "unknown-option"} <= source
    assert source - codes_in_docs() == set()


def test_every_documented_code_is_used() -> None:
    assert codes_in_docs() - codes_in_source() == set()

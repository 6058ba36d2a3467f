"""The report's core builds from data alone: no database, no UI, no files, no renderer libraries."""

from __future__ import annotations

import ast
from pathlib import Path

REPORT = Path(__file__).resolve().parents[2] / "src" / "tabletop" / "report"
CORE = (
    "build",
    "walk",
    "decision_analysis",
    "alternatives",
    "integrity",
    "model",
    "words",
    "sections",
)
FORBIDDEN = {"sqlite3", "flet", "docx", "matplotlib", "jinja2", "tabletop.store", "tabletop.cli"}
FORBIDDEN |= {"tabletop.ui", "os", "pathlib", "shutil", "subprocess"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open":
            names.add("open()")
    return names


def test_core_modules_import_nothing_that_does_io() -> None:
    for name in CORE:
        imported = _imports(REPORT / f"{name}.py")
        bad = {m for m in imported if m.split(".")[0] in FORBIDDEN or m in FORBIDDEN}
        bad |= {m for m in imported if m == "open()"}
        assert not bad, f"{name}.py imports {sorted(bad)}"


def test_renderers_write_no_files() -> None:
    for path in REPORT.glob("*.py"):
        assert "open()" not in _imports(path), path.name

"""The functional core (model, packs, mandates, engine, report) never imports flet or sqlite3."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "tabletop"
CORE = (
    "model",
    "jsonloc",
    "packs",
    "mandates",
    "engine",
    "hashchain",
    "scripting",
    "report",
    "flow",
)
FORBIDDEN = ("flet", "sqlite3")


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_core_sources_do_not_import_flet_or_sqlite3() -> None:
    files = [f for pkg in CORE for f in (SRC / pkg).rglob("*.py")]
    assert len(files) > 10
    offenders = {
        str(f.relative_to(SRC)): sorted(_imported_roots(f) & set(FORBIDDEN))
        for f in files
        if _imported_roots(f) & set(FORBIDDEN)
    }
    assert offenders == {}


def test_importing_every_core_module_loads_neither_flet_nor_sqlite3() -> None:
    script = f"""
import importlib, json, pkgutil, sys
names = []
for pkg in {list(CORE)!r}:
    mod = importlib.import_module("tabletop." + pkg)
    names.append(mod.__name__)
    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {FORBIDDEN!r})
print(json.dumps({{"modules": names, "forbidden": loaded}}))
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert "tabletop.packs.loader" in found["modules"]
    assert found["forbidden"] == []

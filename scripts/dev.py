#!/usr/bin/env python3
"""Set up .venv and run tabletop or its tests: `python3 scripts/dev.py app|test [ARGS...]`.

Works from a fresh clone with only Python 3.11+ and the package registries.
The virtual environment is reinstalled only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def ensure_venv(extras: str) -> None:
    """Create .venv and install the project with `extras` unless already done."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may run on an old python3
        sys.exit(f"tabletop needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists() and not (BIN / "python.exe").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    spec = f".[{extras}]" if extras else "."
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + spec.encode()).hexdigest()
    stamp = VENV / f".stamp-{extras or 'app'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check"]
    subprocess.run([*pip, "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "--quiet", "-e", spec], check=True, cwd=ROOT)
    stamp.write_text(digest)


def run(args: list[str]) -> int:
    """Run a command from the venv in the repository root."""
    return subprocess.run(args, cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    """Dispatch `app` or `test`."""
    if not argv or argv[0] not in {"app", "test"}:
        print(__doc__)
        return 2
    task, rest = argv[0], argv[1:]
    if task == "app":
        ensure_venv("")
        return run([str(BIN / "tabletop"), *rest])
    ensure_venv("test")
    for check in (
        ["ruff", "check", "src", "tests", "bench", "scripts"],
        ["ruff", "format", "--check", "src", "tests", "bench", "scripts"],
        ["mypy"],  # strict, on src/ (pyproject.toml)
        ["lint-imports"],  # the layers (pyproject.toml)
    ):
        code = run([str(BIN / check[0]), *check[1:]])
        if code:
            return code
    return run([str(BIN / "python"), "-m", "pytest", *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

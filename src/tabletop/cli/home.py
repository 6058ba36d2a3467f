"""What `tabletop` with no command shows until the desktop app exists."""

from __future__ import annotations

import argparse

from tabletop.packs import load_pack
from tabletop.paths import shipped_scenarios_dir


def run_home(parser: argparse.ArgumentParser) -> int:
    """Print the shipped packs and the available commands."""
    print("tabletop: shipped scenario packs\n")
    for path in sorted(shipped_scenarios_dir().glob("*.json")):
        result = load_pack(path)
        if result.loaded:
            meta = result.loaded.pack.meta
            print(f"  {meta.id} {meta.version}  {meta.title}\n      {path}")
        else:
            print(f"  {path.name}: does not load; run `tabletop validate {path}`")
    print()
    parser.print_help()
    return 0

"""tabletop packs: the shipped and user packs, with title, version and validation state."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tabletop.app import Workspace
from tabletop.packs.installed import InstalledPack
from tabletop.paths import shipped_scenarios_dir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the packs command."""
    p = sub.add_parser(
        "packs",
        help="list the shipped packs and your own, with title, version and validation state",
        description="List the scenario packs that ship with tabletop and those in your packs "
        "folder (TABLETOP_HOME/packs, or the platform's user data folder), each checked as "
        "`tabletop validate` would.",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.set_defaults(run=run)


def describe(entry: InstalledPack) -> dict[str, object]:
    """One pack as a JSON-ready summary."""
    loaded = entry.result.loaded
    meta = loaded.pack.meta if loaded else None
    return {
        "path": str(entry.path),
        "origin": entry.origin,
        "id": meta.id if meta else None,
        "title": meta.title if meta else None,
        "version": meta.version if meta else None,
        "ok": entry.result.ok,
        "state": entry.state,
        "errors": len(entry.result.errors),
        "warnings": len(entry.result.warnings),
    }


def print_table(entries: list[InstalledPack], user_dir: Path) -> None:
    """The packs as a short text listing, grouped by origin."""
    for origin, folder in (("shipped", shipped_scenarios_dir()), ("user", user_dir)):
        mine = [e for e in entries if e.origin == origin]
        print(f"{origin.capitalize()} packs ({folder}):")
        if not mine:
            print("  (none)")
        for entry in mine:
            loaded = entry.result.loaded
            if loaded:
                meta = loaded.pack.meta
                print(f"  {meta.id} {meta.version}  {meta.title}  [{entry.state}]")
            else:
                print(f"  {entry.path.name}  [{entry.state}]  run: tabletop validate {entry.path}")
        print()


def run(args: argparse.Namespace) -> int:
    """List the packs; exit 0 even when some are invalid (listing is not validating)."""
    workspace = Workspace()
    entries = workspace.packs()
    if args.format == "json":
        print(json.dumps([describe(e) for e in entries], indent=2, ensure_ascii=False))
    else:
        print_table(entries, workspace.user_packs_dir)
    return 0

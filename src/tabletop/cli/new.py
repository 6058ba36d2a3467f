"""tabletop new PATH: write a small skeleton pack that validates and explains itself."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tabletop.packs.catalogues import load_catalogue
from tabletop.packs.loader import catalogue_finder, parse_pack
from tabletop.packs.skeleton import SHIPPED_CATALOGUE, skeleton_pack
from tabletop.paths import schemas_dir, shipped_catalogues_dir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the new command."""
    p = sub.add_parser(
        "new",
        help="write a skeleton scenario pack to start from",
        description="Write a small scenario pack that validates and explains each part in its "
        f"own text fields. It draws on the shipped '{SHIPPED_CATALOGUE}' mandate catalogue "
        "when that is installed, else it defines a small world of its own. Never overwrites "
        "an existing file.",
    )
    p.add_argument("path", metavar="PATH", help="file to create, e.g. my-scenario.json")
    p.add_argument(
        "--self-contained",
        action="store_true",
        help="do not use the shipped catalogue; define actors and instruments in the pack",
    )
    p.set_defaults(run=run)


def schema_uri(name: str) -> str:
    """The file:// URI of an installed schema."""
    return (schemas_dir() / name).resolve().as_uri()


def build(target: Path, self_contained: bool) -> str:
    """The skeleton's JSON text for a file at `target` (validated before it is returned)."""
    # The installed schema's absolute file:// URI: it keeps working wherever the pack is
    # moved on this machine (a relative path breaks on the first move), and the content
    # hash ignores "$schema", so pointing it elsewhere later changes nothing.
    schema_ref = schema_uri("scenario-pack.schema.json")
    candidates = []
    shipped = shipped_catalogues_dir() / f"{SHIPPED_CATALOGUE}.json"
    if not self_contained and shipped.is_file():
        checked = load_catalogue(shipped)
        if checked.catalogue is not None:
            candidates.append(skeleton_pack(checked.catalogue, schema_ref))
    candidates.append(skeleton_pack(None, schema_ref))
    finder = catalogue_finder(target)
    for data in candidates:
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if parse_pack(text.encode(), str(target), finder).ok:
            return text
    raise RuntimeError("the built-in skeleton does not validate")  # a bug in tabletop


def run(args: argparse.Namespace) -> int:
    """Write the skeleton unless the file exists."""
    target = Path(args.path)
    if target.exists():
        print(f"tabletop new: {target} already exists; choose another path", file=sys.stderr)
        return 1
    if not target.parent.is_dir():
        print(f"tabletop new: folder {target.parent} does not exist", file=sys.stderr)
        return 1
    text = build(target, args.self_contained)
    try:
        with target.open("x", encoding="utf-8") as fh:  # "x": never clobber, even in a race
            fh.write(text)
    except OSError as exc:
        print(f"tabletop new: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    print(f"next: edit it, then run `tabletop validate {target}`")
    return 0

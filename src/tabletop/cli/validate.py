"""tabletop validate PACK...: every problem at once, with locations."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from tabletop.jsonloc.diagnostics import terminal_safe
from tabletop.jsonloc.documents import read_limited
from tabletop.packs.catalogues import CatalogueResult, is_catalogue_path, load_catalogue
from tabletop.packs.loader import LoadResult, load_pack

if TYPE_CHECKING:
    from tabletop.app.script_check import ScriptResult

SCRIPT_SCHEMA = "playthrough.schema.json"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the validate command."""
    p = sub.add_parser(
        "validate",
        help="check packs and report every problem with file:line:col and JSON pointer",
        description="Check scenario packs (and mandate catalogues): size and nesting limits, "
        "JSON syntax, duplicate keys, the schema, references, value types and reachability. "
        "Every problem is reported at once with file:line:column, the JSON pointer and a hint. "
        "A file in a 'catalogues' folder, or whose $schema names the catalogue schema, is "
        "checked as a catalogue. A playthrough script (its $schema names the playthrough "
        'schema, or it has "steps" and a "pack") is checked against its pack without '
        "being played: the script's schema, its pack loading, and every role, decision point, "
        "option, inject, objective, phase and fact its steps name. Exit 0 when clean "
        "(warnings allowed), 1 on any error, 2 on wrong usage. Codes are explained in "
        "docs/diagnostics.md.",
    )
    p.add_argument(
        "packs", nargs="+", metavar="FILE", help="pack, catalogue or playthrough script to check"
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument(
        "--strict",
        action="store_true",
        help="also hold each pack to the rules the shipped packs keep (a brief and "
        "objectives for every role, discussion questions for the table and every role in "
        "every phase, 2 to 5 options per decision point, every figure in an inject found "
        "in one of its sources, every option weighed by the mandate engine on the "
        "starting facts); their findings are errors (codes strict-*)",
    )
    p.set_defaults(run=run)


def check_file(path: str, strict: bool = False) -> LoadResult | CatalogueResult | ScriptResult:
    """Check one file as a pack, or as a catalogue or a script when it is one; `strict`
    adds the shipped packs' rules to a pack's checks."""
    target = Path(path)
    head = b""
    try:
        with target.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        pass  # load_pack reports it
    if is_script(target, head):
        # Imported here: the app (sessions, reports) is not needed to check a pack.
        from tabletop.app.script_check import check_script_file

        return check_script_file(target)
    if is_catalogue_path(target, head):
        return load_catalogue(target)
    if strict:
        from tabletop.app.pack_strictness import load_strictly

        return load_strictly(target)
    return load_pack(target)


def is_script(path: Path, head: bytes) -> bool:
    """Whether a file is a playthrough script: its `$schema` names the playthrough schema,
    or it is an object with `steps` and a `pack` (or with `steps` and no pack `meta`)."""
    if SCRIPT_SCHEMA.encode() in head:
        return True
    if b'"steps"' not in head:
        return False  # a pack has no "steps": no need to read a large one twice
    data, _ = read_limited(path)
    try:
        doc = json.loads(data or b"")
    except ValueError:
        return False
    return isinstance(doc, dict) and "steps" in doc and ("pack" in doc or "meta" not in doc)


def run(args: argparse.Namespace) -> int:
    """Validate each file and print the diagnostics."""
    results = [check_file(path, args.strict) for path in args.packs]
    if args.format == "json":
        out = [
            {
                "file": r.path,
                "ok": r.ok,
                "errors": sum(d.severity == "error" for d in r.diagnostics),
                "warnings": sum(d.severity == "warning" for d in r.diagnostics),
                "diagnostics": [d.model_dump(mode="json") for d in r.diagnostics],
            }
            for r in results
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for r in results:
            for d in r.diagnostics:
                print(d.render())
            errors = sum(d.severity == "error" for d in r.diagnostics)
            warnings = sum(d.severity == "warning" for d in r.diagnostics)
            status = "ok" if r.ok else "FAILED"
            print(f"{terminal_safe(r.path)}: {status} ({errors} errors, {warnings} warnings)")
    return 0 if all(r.ok for r in results) else 1

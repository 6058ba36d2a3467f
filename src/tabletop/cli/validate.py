"""tabletop validate PACK...: every problem at once, with locations."""

from __future__ import annotations

import argparse
import json

from tabletop.packs import load_pack


def register(sub: argparse._SubParsersAction) -> None:
    """Add the validate command."""
    p = sub.add_parser(
        "validate",
        help="check packs and report every problem with file:line:col and JSON pointer",
        description="Check scenario packs: JSON syntax, duplicate keys, the schema, references "
        "and reachability. Exit 0 when clean (warnings allowed), 1 on any error.",
    )
    p.add_argument("packs", nargs="+", metavar="PACK", help="pack file(s) to check")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate each pack and print the diagnostics."""
    results = [load_pack(path) for path in args.packs]
    if args.format == "json":
        out = [
            {
                "file": r.path,
                "ok": r.ok,
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
            warnings = len(r.diagnostics) - errors
            status = "ok" if r.ok else "FAILED"
            print(f"{r.path}: {status} ({errors} errors, {warnings} warnings)")
    return 0 if all(r.ok for r in results) else 1

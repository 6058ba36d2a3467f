"""tabletop check PACK --role ROLE --action TYPE: may this role take this action, and why."""

from __future__ import annotations

import argparse
import json
import sys

from tabletop.mandates import MandateError
from tabletop.mandates.render import render_text
from tabletop.mandates.textvalues import check_text
from tabletop.packs import load_pack


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the check command."""
    p = sub.add_parser(
        "check",
        help="check one action of one role against its mandates, with reasons and citations",
        description="Check whether a role may take an action on the given facts: the verdict "
        "(permitted, permitted with obligations, outside mandate), the powers and limits "
        "weighed with the first condition that failed, the citations and the obligations. "
        "Facts not given keep their initial values. Exit 0 for any verdict, 1 for bad input.",
        epilog="Values are read by their declared type: true/false, whole numbers, enum values "
        "and actor ids as written; actor sets as A,B; relations as FROM>TO,FROM>TO. Example: "
        "tabletop check pack.json --role csto --action peacekeeping_deployment "
        "--param host=KAZ --fact 'requests=KAZ>CSTO' (quote '>' in a shell)",
    )
    p.add_argument("pack", metavar="PACK", help="pack file")
    p.add_argument("--role", required=True, help="id of the role that acts")
    p.add_argument("--action", required=True, metavar="TYPE", help="action type id")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an action parameter (repeatable)",
    )
    p.add_argument(
        "--fact",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a fact value instead of its initial one (repeatable)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load the pack, check the action and print the verdict."""
    result = load_pack(args.pack)
    if result.loaded is None:
        for diag in result.diagnostics:
            print(diag.render(), file=sys.stderr)
        print(f"{args.pack}: the pack does not load; fix the errors above", file=sys.stderr)
        return 1
    pack = result.loaded.pack
    try:
        verdict = check_text(pack, args.role, args.action, args.param, args.fact)
    except (MandateError, ValueError) as exc:
        print(f"tabletop check: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(verdict.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        print(render_text(pack, verdict), end="")
    return 0

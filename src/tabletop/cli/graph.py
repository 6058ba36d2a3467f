"""tabletop graph PACK: the flow diagram, as SVG (drawn by Graphviz), DOT or Mermaid."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tabletop.app.errors import AppError
from tabletop.app.flow_diagram import FLOW_FORMATS, flow_svg, flow_text, format_for_path
from tabletop.jsonloc.diagnostics import terminal_safe
from tabletop.packs import load_pack


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the graph command."""
    p = sub.add_parser(
        "graph",
        help="draw a pack's flow: phases, injects, decision points, options and where each leads",
        description="Draw the flow of a scenario pack: its phases in order, the injects in "
        "each (scheduled, conditional and follow-on told apart), the decision points they "
        "open, every option (per decider) and the injects it leads to, with options outside "
        "mandate marked by the mandate engine's verdict on the pack's starting facts, and "
        "the endings. SVG is drawn by Graphviz's 'dot' (install graphviz); DOT and Mermaid "
        "text need nothing. The format follows the -o file's extension (.svg, .dot/.gv, "
        ".mmd/.mermaid), else DOT; without -o the text goes to standard output.",
    )
    p.add_argument("pack", metavar="PACK", help="the scenario pack")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p.add_argument(
        "--format", choices=FLOW_FORMATS, help="dot, mermaid or svg (default: from -o's extension)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load the pack, draw its flow, write it."""
    result = load_pack(args.pack)
    if result.loaded is None:
        for diag in result.errors:
            print(diag.render(), file=sys.stderr)
        print(
            f"{terminal_safe(args.pack)}: the pack does not load; fix the errors above",
            file=sys.stderr,
        )
        return 1
    fmt = args.format or format_for_path(args.output)
    pack = result.loaded.pack
    try:
        data = flow_svg(pack) if fmt == "svg" else flow_text(pack, fmt).encode("utf-8")
    except AppError as exc:
        print(f"tabletop graph: {exc}", file=sys.stderr)
        return 1
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        print(f"tabletop graph: cannot write {terminal_safe(args.output)}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {terminal_safe(args.output)} ({fmt})")
    return 0

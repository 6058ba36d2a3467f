"""The flow graph as Graphviz DOT text, every pack string escaped for a quoted DOT string."""

from __future__ import annotations

from itertools import pairwise

from tabletop.flow.graph import Edge, FlowGraph, Node

OUTSIDE_WORD = "✗ OUTSIDE MANDATE"
"""What an outside-mandate option says, besides its colour."""
PERMITTED_WORD = "✓ within mandate"
UNCHECKED_WORD = "? not checked"
ENDING_WORD = "■ ENDING"

OUTSIDE_COLOUR = "#b00020"
OUTSIDE_FILL = "#fde2e4"

_OUTSIDE_STYLE = (
    'shape=box, style="rounded,filled", fontsize=10, '
    f'color="{OUTSIDE_COLOUR}", fontcolor="{OUTSIDE_COLOUR}", fillcolor="{OUTSIDE_FILL}", '
    "penwidth=2"
)

_STYLE: dict[str, str] = {
    "scheduled": 'shape=box, style="filled", fillcolor="#ffffff"',
    "conditional": 'shape=box, style="dashed,filled", fillcolor="#ffffff"',
    "follow_on": 'shape=box, style="rounded,filled", fillcolor="#eef3fb"',
    "decision": 'shape=hexagon, style="filled,bold", fillcolor="#fff4cc"',
    "option": 'shape=box, style="rounded,filled", fillcolor="#eaf7ea", fontsize=10',
}

_EDGE_STYLE: dict[str, str] = {
    "opens": 'label="opens"',
    "offers": "arrowhead=none",
    "leads_to": 'style=dashed, label="leads to"',
}

_KIND_WORD: dict[str, str] = {
    "scheduled": "",
    "conditional": "(conditional)",
    "follow_on": "(follow-on)",
    "decision": "decision point",
    "option": "",
}


def quoted(text: str) -> str:
    """The text as a double-quoted DOT string that Graphviz shows exactly as written.

    A backslash and a quote are escaped; `&` becomes `&amp;` because Graphviz reads
    character entities in labels; line breaks become spaces (a label's own line breaks
    are added by `label` as `\\n`, after escaping).
    """
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;") + '"'


def label(lines: list[str]) -> str:
    """A quoted DOT label of several lines, each escaped and centred."""
    return r"\n".join(quoted(line)[1:-1] for line in lines if line).join('""')


def _node_lines(node: Node) -> list[str]:
    lines = [node.title, _KIND_WORD[node.kind], *node.notes]
    if node.ending:
        lines.append(ENDING_WORD)
    if node.kind == "option":
        lines.append(
            {"outside_mandate": OUTSIDE_WORD, "unchecked": UNCHECKED_WORD}.get(
                node.marking, PERMITTED_WORD
            )
        )
    return lines


def _node(node: Node) -> str:
    outside = node.kind == "option" and node.marking == "outside_mandate"
    attrs = [f"label={label(_node_lines(node))}", _OUTSIDE_STYLE if outside else _STYLE[node.kind]]
    if node.ending:
        attrs.append("peripheries=2")
    return f"    {quoted(node.key)} [{', '.join(attrs)}];"


def _edge(edge: Edge) -> str:
    return f"  {quoted(edge.source)} -> {quoted(edge.target)} [{_EDGE_STYLE[edge.kind]}];"


def _legend() -> list[str]:
    samples = [
        ("legend:scheduled", ["Inject, scheduled"], _STYLE["scheduled"]),
        ("legend:conditional", ["Inject, conditional", "(conditional)"], _STYLE["conditional"]),
        ("legend:follow_on", ["Inject, follow-on", "(follow-on)"], _STYLE["follow_on"]),
        ("legend:ending", ["Ending", ENDING_WORD], _STYLE["conditional"] + ", peripheries=2"),
        ("legend:decision", ["Decision point"], _STYLE["decision"]),
        ("legend:permitted", ["Option", PERMITTED_WORD], _STYLE["option"]),
        ("legend:outside", ["Option", OUTSIDE_WORD], _OUTSIDE_STYLE),
    ]
    out = [
        '  subgraph "cluster_legend" {',
        '    label="Legend (verdicts on the starting facts)";',
        '    style="rounded"; color="#888888";',
    ]
    out += [f"    {quoted(key)} [label={label(lines)}, {style}];" for key, lines, style in samples]
    chain = " -> ".join(quoted(key) for key, _, _ in samples)
    out += [f"    {chain} [style=invis];", "  }"]
    return out


def _anchor(number: int) -> str:
    return f"phase:{number}"


def _ordering(graph: FlowGraph) -> list[str]:
    """Invisible arrows that stack the phases in order (every box of a phase above an
    anchor at the top of the next) and keep each phase's injects in the pack's order."""
    out = []
    for number, phase in enumerate(graph.phases):
        keys = [quoted(node.key) for node in phase.nodes]
        if number:
            out += [f"  {quoted(_anchor(number))} -> {key} [style=invis];" for key in keys]
        if number + 1 < len(graph.phases):
            out += [f"  {key} -> {quoted(_anchor(number + 1))} [style=invis];" for key in keys]
        injects = [quoted(n.key) for n in phase.nodes if n.kind not in ("decision", "option")]
        out += [f"  {a} -> {b} [style=invis, weight=0];" for a, b in pairwise(injects)]
    return out


def render_dot(graph: FlowGraph) -> str:
    """The graph as DOT text: one cluster per phase, in order, and a legend."""
    out = [
        "digraph flow {",
        f"  label={quoted(graph.title)}; labelloc=t; fontsize=18;",
        '  rankdir=TB; compound=true; fontname="DejaVu Sans";',
        '  node [fontname="DejaVu Sans", fontsize=11]; edge [fontname="DejaVu Sans", fontsize=9];',
    ]
    out += _legend()
    for number, phase in enumerate(graph.phases):
        out.append(f"  subgraph {quoted(f'cluster_phase_{number}')} {{")
        out.append(f"    label={quoted(f'{phase.id}: {phase.title}')};")
        out.append('    style="rounded"; color="#4a6fa5";')
        if number:
            out.append(f"    {quoted(_anchor(number))} [shape=point, style=invis];")
        out += [_node(node) for node in phase.nodes]
        out.append("  }")
    out += _ordering(graph)
    out += [_edge(edge) for edge in graph.edges]
    out.append("}")
    return "\n".join(out) + "\n"
